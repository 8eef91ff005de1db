"""The checks panel: every problem of the plan, each one a jump to its item.

Why: missing values and `drafter check` findings are only useful next to the item they are
about. The panel shows the entries it is handed and posts `ChecksPanel.Jump` when one is
chosen (enter or click); the screen moves the outline there.
"""

from __future__ import annotations

from rich.text import Text
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from drafter.tui.checks import CheckEntry
from drafter.tui.controller.selection import Selection

_STYLE = {"错误": "bold red", "警告": "bold yellow", "提示": "cyan"}


def entry_text(entry: CheckEntry) -> Text:
    text = Text()
    text.append(f"[{entry.severity}] ", style=_STYLE.get(entry.severity, ""))
    text.append(f"{entry.where}：", style="bold")
    text.append(entry.message)
    if entry.fix:
        text.append(f"\n    建议：{entry.fix}", style="dim")
    return text


class ChecksPanel(OptionList):
    """A list of check entries."""

    class Jump(Message):
        def __init__(self, target: Selection) -> None:
            super().__init__()
            self.target = target

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._entries: list[CheckEntry] = []

    def show(self, entries: list[CheckEntry]) -> None:
        if entries == self._entries and self.option_count:
            return
        self._entries = list(entries)
        if not entries:
            self.set_options([Option(Text("没有发现问题。", style="green"), disabled=True)])
            return
        self.set_options([Option(entry_text(e)) for e in entries])

    @property
    def entries(self) -> list[CheckEntry]:
        return list(self._entries)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        index = event.option_index
        if 0 <= index < len(self._entries) and (target := self._entries[index].target):
            self.post_message(self.Jump(target))
