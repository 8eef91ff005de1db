"""The main screen's 待核实 actions: confirm the values of the selected item or its chapter.

Why: a value carried from last year, inherited or suggested by the catalogue prints in the
document but is not the official's until she accepts it. `y` accepts those of the selected item
(or of the selected chapter, preamble or closing), `Y` those of the whole chapter. The edit
itself is `PlanSession.confirm`; this mixin only asks and redraws.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from drafter.tui.screens.main import MainScreen

    _Base = MainScreen
else:
    _Base = object


class ConfirmActions(_Base):
    """`y` / `Y`: 确认待核实的参数值."""

    def action_confirm_values(self) -> None:
        self._confirm(whole_chapter=False)

    def action_confirm_chapter(self) -> None:
        self._confirm(whole_chapter=True)

    def _confirm(self, *, whole_chapter: bool) -> None:
        session = self.session
        if session is None:
            return
        uses = session.unconfirmed_at(whole_chapter=whole_chapter)
        if not uses:
            self.notify("这里没有待核实的参数值", timeout=2)
            return
        count = session.confirm(uses)
        self.notify(f"已确认 {count} 个参数值", timeout=2)
        self.refresh_views()
