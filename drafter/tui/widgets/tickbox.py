"""A checkbox whose mark says its state: ✓ when on, blank when off.

Why: Textual's checkbox draws ▐X▌ in both states and tells them apart by colour only, which
many terminals and colour schemes flatten (issue 13: on and off looked the same).
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Checkbox


class TickBox(Checkbox):
    """A `Checkbox` drawn ▐✓▌ when on and ▐ ▌ when off."""

    @property
    def _button(self) -> Content:
        self.BUTTON_INNER = "✓" if self.value else " "
        return super()._button
