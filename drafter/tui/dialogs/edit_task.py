"""Edit an item's 责任单位 and 完成时限 (the task table's last two columns) for this plan.

Owners are typed as one line, separated by 、 or commas; the deadline is free text such as
"2025年6月底". Empty fields clear the plan's values (the clause's own owners then apply).
"""

from __future__ import annotations

import re

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from drafter.tui.dialogs.form import FormDialog, ok_cancel

TaskFields = tuple[list[str] | None, str | None]  # (owners, deadline); None clears
_SEPARATORS = re.compile(r"[、，,；;\s]+")
_MAX = 200


def split_owners(text: str) -> list[str] | None:
    owners = [o for o in _SEPARATORS.split(text.strip()) if o]
    return owners or None


class EditTaskDialog(FormDialog[TaskFields | None], ModalScreen[TaskFields | None]):
    """Two lines: 责任单位, 完成时限. Enter moves on / confirms; escape cancels."""

    ERROR = "#task-error"

    BINDINGS = [Binding("escape", "cancel", "取消")]

    def __init__(self, title: str, owners: list[str] | None, deadline: str | None) -> None:
        super().__init__(classes="dialog-screen")
        self.title_text = title
        self.owners = "、".join(owners or [])
        self.deadline = deadline or ""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog dialog-wide"):
            yield Label(self.title_text, classes="dialog-question")
            yield Label("责任单位（多个用“、”隔开）")
            yield Input(self.owners, id="task-owners")
            yield Label("完成时限（如 2025年6月底）")
            yield Input(self.deadline, id="task-deadline")
            yield Static("用于重点任务分解表；只修改本计划。", id="task-error",
                         classes="dialog-hint")
            yield ok_cancel()

    def on_mount(self) -> None:
        self.query_one("#task-owners", Input).focus()

    def action_keep(self) -> None:
        owners = self.query_one("#task-owners", Input).value
        deadline = self.query_one("#task-deadline", Input).value.strip()
        if len(owners) > _MAX or len(deadline) > _MAX:
            self.show_error(f"每项不超过 {_MAX} 字")
            return
        self.dismiss((split_owners(owners), deadline or None))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id == "task-owners":
            self.query_one("#task-deadline", Input).focus()
        else:
            self.action_keep()
