"""Review a leader's edits before they touch the plan (导入修改).

Shows the list `drafter.plans.update.compare` produced, one line per change, and returns True
(apply) or False/None (leave the plan as it is). It changes nothing itself.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static

from drafter.plans import KIND_LABELS, Update


def describe(update: Update) -> Text:
    text = Text()
    for change in update.changes:
        text.append(f"[{KIND_LABELS[change.kind]}] ", style="bold")
        text.append(f"{change.where}：{change.detail}\n")
    for skipped in update.skipped:
        text.append("[未导入] ", style="bold")
        text.append(f"不在任何一章中的段落：{skipped[:40]}\n")
    return text


class ReviewUpdateDialog(ModalScreen[bool]):
    BINDINGS = [Binding("escape", "cancel", "取消")]

    def __init__(self, source: str, update: Update) -> None:
        super().__init__(classes="dialog-screen")
        self.source, self.update = source, update

    def compose(self) -> ComposeResult:
        counts = "，".join(f"{KIND_LABELS[k]} {n} 处" for k, n in self.update.counts().items())
        with Vertical(classes="dialog dialog-wide"):
            yield Label(Text(f"{self.source} 中的修改：{counts}"), classes="dialog-question")
            with VerticalScroll(id="changes"):
                yield Static(describe(self.update))
            with Horizontal(classes="dialog-buttons"):
                yield Button("应用修改", id="apply", variant="primary")
                yield Button("取消", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#apply", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "apply")

    def action_cancel(self) -> None:
        self.dismiss(False)
