"""The main screen's browsing half: search as you type, the summary toggle, the detail pane.

Why: finding a clause (tree or ranked hits, matches highlighted) is its own concern; the
screen only needs "the clause under the cursor". Mixed into `MainScreen`; handlers use
Textual's naming convention (`on_input_changed`), since `@on` is not collected from mixins.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from textual.css.query import NoMatches
from textual.widgets import Checkbox, ContentSwitcher, Input

from drafter.model import Clause
from drafter.tui.widgets.catalogue_tree import ClauseTree
from drafter.tui.widgets.clause_detail import ClauseDetail
from drafter.tui.widgets.hit_list import HitList
from drafter.tui.widgets.values_form import ValuesForm

if TYPE_CHECKING:
    from drafter.tui.screens.main import MainScreen

    _Base = MainScreen
else:
    _Base = object

SEARCH_DELAY = 0.03  # keystrokes closer than this coalesce into one search (fast typing)
SEARCH_LIMIT = 100  # hits shown; the index ranks, so the best are first


class BrowseActions(_Base):
    """Search box, tree/hits switch, summary toggle, clause detail."""

    @property
    def current_clause(self) -> Clause | None:
        """The clause under the cursor of the browser in view (tree or search results)."""
        try:
            if self.query_one(ContentSwitcher).current == "hits":
                return self.query_one(HitList).current_clause
            return self.query_one(ClauseTree).current_clause
        except NoMatches:  # asked (by the footer) before the screen is composed
            return None

    def on_input_changed(self, event: Input.Changed) -> None:
        """Search at once after a pause in typing; during a burst, once the burst ends."""
        if event.input.id != "search":
            return
        now = time.perf_counter()
        burst = now - self._last_key < SEARCH_DELAY
        self._last_key = now
        if self._search_timer is not None:
            self._search_timer.stop()
            self._search_timer = None
        if burst:
            self._search_timer = self.set_timer(SEARCH_DELAY, self.run_search)
        else:
            self.run_search()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in the search box: on to the results (or the tree)."""
        if event.input.id != "search":
            return
        switcher = self.query_one(ContentSwitcher)
        self.query_one(HitList if switcher.current == "hits" else ClauseTree).focus()

    def run_search(self) -> None:
        """Search now; an empty query shows the tree again."""
        query = self.query_one("#search", Input).value.strip()
        switcher = self.query_one(ContentSwitcher)
        hits = self.query_one(HitList)
        if not query:
            switcher.current = "catalogue"
            self.show_detail(self.current_clause)
            self.refresh_bindings()
            return
        switcher.current = "hits"
        if self.index is None:
            hits.show_message("正在建立搜索索引，请稍候……")
            return
        started = time.perf_counter()
        found = self.index.search(query, limit=SEARCH_LIMIT,
                                  include_summary=not self.hide_summary)
        hits.show(query, found)
        self.last_search_ms = (time.perf_counter() - started) * 1000
        self.show_detail(self.current_clause)
        self.refresh_bindings()

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        if event.checkbox.id != "hide-summary":
            return
        self.hide_summary = event.value
        if self.session is not None:
            self.query_one(ClauseTree).show(self.session.catalogue, hide_summary=event.value)
        self.run_search()

    def action_toggle_summary(self) -> None:
        box = self.query_one("#hide-summary", Checkbox)
        box.value = not box.value

    def on_clause_tree_highlighted(self, message: ClauseTree.Highlighted) -> None:
        self.show_detail(message.clause)
        self.refresh_bindings()

    def on_hit_list_highlighted(self, message: HitList.Highlighted) -> None:
        self.show_detail(message.clause)
        self.refresh_bindings()

    def show_detail(self, clause: Clause | None, variant: str | None = None) -> None:
        self.query_one(ClauseDetail).show(clause, variant)

    def action_leave_input(self) -> None:
        """Esc in an input: back to the list it belongs to, so keys are commands again."""
        focused = self.focused
        if not isinstance(focused, Input):
            return
        if focused.id == "search":
            switcher = self.query_one(ContentSwitcher)
            self.query_one(HitList if switcher.current == "hits" else ClauseTree).focus()
        elif focused.id == "duibiao-file":
            self.query_one("#duibiao-list").focus()
        else:
            self.query_one(ValuesForm).focus()

    def action_focus_search(self) -> None:
        self.query_one("#search", Input).focus()
