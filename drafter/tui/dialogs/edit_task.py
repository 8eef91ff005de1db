"""Edit an item's 责任单位 and 完成时限 (the task table's last two columns) for this plan.

Owners are typed as one line, separated by 、 or commas; the deadline is free text such as
"2025年6月底". Empty fields clear the plan's values (the clause's own owners then apply).
"""

from __future__ import annotations

import re

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

TaskFields = tuple[list[str] | None, str | None]  # (owners, deadline); None clears
_SEPARATORS = re.compile(r"[、，,；;\s]+")
_MAX = 200


def split_owners(text: str) -> list[str] | None:
    owners = [o for o in _SEPARATORS.split(text.strip()) if o]
    return owners or None


class EditTaskDialog(ModalScreen[TaskFields | None]):
    """Two lines: 责任单位, 完成时限. Enter moves on / confirms; escape cancels."""

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
            with Horizontal(classes="dialog-buttons"):
                yield Button("确定", variant="primary", id="ok")
                yield Button("取消", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#task-owners", Input).focus()

    def action_keep(self) -> None:
        owners = self.query_one("#task-owners", Input).value
        deadline = self.query_one("#task-deadline", Input).value.strip()
        if len(owners) > _MAX or len(deadline) > _MAX:
            error = self.query_one("#task-error", Static)
            error.update(f"✗ 每项不超过 {_MAX} 字")
            error.add_class("-error")
            return
        self.dismiss((split_owners(owners), deadline or None))

    def action_cancel(self) -> None:
        self.dismiss(None)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id == "task-owners":
            self.query_one("#task-deadline", Input).focus()
        else:
            self.action_keep()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "ok":
            self.action_keep()
        else:
            self.dismiss(None)
