"""What every editing dialog shares: 确定/取消 buttons, a hint line that turns into the error,
Esc to cancel, and Ctrl+A (select_all). A dialog says what its fields are and what keeping
them means (`action_keep`); the buttons, the error line and cancelling live here, once.
"""

from __future__ import annotations

from typing import TypeVar

from textual.containers import Horizontal
from textual.widgets import Button, Static

from drafter.tui.dialogs.select_all import SelectAll

T = TypeVar("T")


def ok_cancel() -> Horizontal:
    """The dialog's buttons: 确定 (keeps, `action_keep`) and 取消 (dismisses with None)."""
    return Horizontal(Button("确定", variant="primary", id="ok"), Button("取消", id="cancel"),
                      classes="dialog-buttons")


class FormDialog(SelectAll[T]):
    """Mixed in before ModalScreen; `ERROR` is the selector of the dialog's hint line."""

    ERROR = "#dialog-error"

    def action_keep(self) -> None:
        raise NotImplementedError

    def action_cancel(self) -> None:
        self.dismiss(None)  # type: ignore[arg-type]

    def show_error(self, message: str) -> None:
        """The hint line says what is wrong (marked ✗, in the error colour); nothing is kept."""
        line = self.query_one(self.ERROR, Static)
        line.update(f"✗ {message}")
        line.add_class("-error")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "ok":
            self.action_keep()
        else:
            self.dismiss(None)  # type: ignore[arg-type]
