"""A one-line answer (a file path, a chapter heading), checked before the dialog closes."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from drafter.tui.dialogs.select_all import SELECT_ALL, SelectAll

Validator = Callable[[str], str | None]  # returns a Chinese error, or None when fine


class TextInputDialog(SelectAll[str | None], ModalScreen[str | None]):
    """Ask for one line of text; enter confirms, escape cancels."""

    BINDINGS = [Binding("escape", "cancel", "取消"), SELECT_ALL]

    def __init__(self, title: str, initial: str = "", *, hint: str = "",
                 validate: Validator | None = None) -> None:
        super().__init__(classes="dialog-screen")
        self.title_text = title
        self.initial = initial
        self.hint = hint
        self.validate = validate

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.title_text, classes="dialog-question")
            yield Input(self.initial, id="dialog-input")
            yield Static(self.hint, id="dialog-error", classes="dialog-hint")
            with Horizontal(classes="dialog-buttons"):
                yield Button("确定", variant="primary", id="ok")
                yield Button("取消", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#dialog-input", Input).focus()

    def _submit(self) -> None:
        value = self.query_one("#dialog-input", Input).value.strip()
        error = "不能为空" if not value else (self.validate(value) if self.validate else None)
        if error:
            message = self.query_one("#dialog-error", Static)
            message.update(f"✗ {error}")
            message.add_class("-error")
            return
        self.dismiss(value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "ok":
            self._submit()
        else:
            self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)
