"""A one-line answer (a file path, a chapter heading), checked before the dialog closes."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from drafter.tui.dialogs.form import FormDialog, ok_cancel
from drafter.tui.dialogs.select_all import SELECT_ALL

Validator = Callable[[str], str | None]  # returns a Chinese error, or None when fine


class TextInputDialog(FormDialog[str | None], ModalScreen[str | None]):
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
            yield ok_cancel()

    def on_mount(self) -> None:
        self.query_one("#dialog-input", Input).focus()

    def action_keep(self) -> None:
        value = self.query_one("#dialog-input", Input).value.strip()
        error = "不能为空" if not value else (self.validate(value) if self.validate else None)
        if error:
            self.show_error(error)
            return
        self.dismiss(value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_keep()
