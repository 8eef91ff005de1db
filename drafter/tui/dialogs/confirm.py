"""Yes/no questions, and the three-way question asked when quitting with unsaved changes."""

from __future__ import annotations

from typing import Literal

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label

QuitChoice = Literal["save", "discard"]


class ConfirmDialog(ModalScreen[bool]):
    """A question with a yes and a no button; y / n / escape work too."""

    BINDINGS = [
        Binding("y", "answer(True)", "是", show=False),
        Binding("n", "answer(False)", "否", show=False),
        Binding("escape", "answer(False)", "取消"),
    ]

    def __init__(self, question: str, *, yes: str = "是", no: str = "否") -> None:
        super().__init__(classes="dialog-screen")
        self.question = question
        self.yes, self.no = yes, no

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.question, classes="dialog-question")
            with Horizontal(classes="dialog-buttons"):
                yield Button(f"{self.yes}(Y)", variant="primary", id="yes")
                yield Button(f"{self.no}(N)", id="no")

    def on_mount(self) -> None:
        self.query_one("#yes", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)


class QuitDialog(ModalScreen[QuitChoice | None]):
    """Unsaved changes: save and quit, quit without saving, or stay."""

    BINDINGS = [
        Binding("s", "answer('save')", "保存", show=False),
        Binding("d", "answer('discard')", "不保存", show=False),
        Binding("escape", "answer(None)", "取消"),
    ]

    def __init__(self) -> None:
        super().__init__(classes="dialog-screen")  # centred, like every other dialog

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("计划有未保存的修改。退出前要保存吗？", classes="dialog-question")
            with Horizontal(classes="dialog-buttons"):
                yield Button("保存并退出(S)", variant="primary", id="save")
                yield Button("不保存(D)", variant="error", id="discard")
                yield Button("取消", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#save", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        choices: dict[str | None, QuitChoice] = {"save": "save", "discard": "discard"}
        self.dismiss(choices.get(event.button.id))

    def action_answer(self, choice: QuitChoice | None) -> None:
        self.dismiss(choice)
