"""Ctrl+A selects all the text of the focused field in a dialog.

Why: to replace a clause's text or a title, select it all and type (issue 13: the only way
was holding Delete). Textual binds Ctrl+A to "start of line"; in drafter's dialogs it selects
all, as in every word processor the users know. Mixed into the editing dialogs.
"""

from __future__ import annotations

from typing import Generic, TypeVar

from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Input, TextArea

T = TypeVar("T")

SELECT_ALL = Binding("ctrl+a", "select_all_text", "全选", show=False, priority=True)


class SelectAll(Screen[T], Generic[T]):
    """The `select_all_text` action; add `SELECT_ALL` to the dialog's BINDINGS. Generic in
    the dialog's result, so `push_screen` callbacks keep their type."""

    def action_select_all_text(self) -> None:
        focused = self.focused
        if isinstance(focused, Input | TextArea):
            focused.select_all()
