"""The command palette, in Chinese.

Why: every word a user sees is Simplified Chinese; Textual's palette says "Search for
commands…" and "No matches found". This subclass changes the two texts and nothing else.
"""

from __future__ import annotations

from rich.align import Align
from rich.text import Text
from textual.command import CommandList, CommandPalette
from textual.widgets.option_list import Option

PLACEHOLDER = "搜索命令（输入名称，如“保存”“撤销”）……"
NO_MATCHES = "没有匹配的命令"


class Palette(CommandPalette):
    """Textual's palette with a Chinese prompt and a Chinese "no matches" line."""

    def __init__(self) -> None:
        super().__init__(placeholder=PLACEHOLDER, id="--command-palette")

    def _start_no_matches_countdown(self, search_value: str) -> None:
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if search_value:
                self.query_one(CommandList).add_option(
                    Option(Align.center(Text(NO_MATCHES, style="not bold")), disabled=True,
                           id=self._NO_MATCHES))
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)
