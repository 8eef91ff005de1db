"""The catalogue browser: the search box, the summary toggle, the tree or the ranked hits, and
the detail pane of the clause under the cursor.

Why: finding a clause is its own concern; the screen only needs "the clause under the
cursor" (`current_clause`) and hands the browser the catalogue and the search index. Search
runs as the user types (a burst of keys searches once, when it ends). The tree's and the hit
list's `Highlighted` messages bubble on to the screen (which refreshes its keys).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from textual import work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.css.query import NoMatches
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Checkbox, ContentSwitcher, Input

from drafter.model import Catalogue, Clause
from drafter.tui.widgets.catalogue_tree import ClauseTree
from drafter.tui.widgets.clause_detail import ClauseDetail
from drafter.tui.widgets.hit_list import HitList
from drafter.tui.widgets.tickbox import TickBox

if TYPE_CHECKING:
    from drafter.catalog import SearchIndex

SEARCH_DELAY = 0.03  # keystrokes closer than this coalesce into one search (fast typing)
SEARCH_LIMIT = 100  # hits shown; the index ranks, so the best are first


class Browser(Vertical):
    """Search box, tree/hits switch, summary toggle, clause detail."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.catalogue: Catalogue | None = None
        self.index: SearchIndex | None = None
        self.hide_summary = False
        self.last_search_ms = 0.0  # of the latest search (the bench reads it)
        self._search_timer: Timer | None = None
        self._last_key = 0.0

    def compose(self) -> ComposeResult:
        yield Input(placeholder="搜索条目：输入关键词（按 / 聚焦）", id="search")
        yield TickBox("隐藏总结类条目", id="hide-summary")
        with ContentSwitcher(initial="catalogue", id="browser"):
            yield ClauseTree(id="catalogue")
            yield HitList(id="hits")
        yield ClauseDetail(id="detail")

    # ------------------------------------------------------------------ data down

    def show_catalogue(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        tree = self.query_one(ClauseTree)
        tree.loading = False
        tree.show(catalogue, hide_summary=self.hide_summary)

    class IndexReady(Message):
        def __init__(self, index: SearchIndex) -> None:
            super().__init__()
            self.index = index

    @work(thread=True, exclusive=True, group="index", description="建立搜索索引")
    def build_index(self, catalogue: Catalogue, then: Callable[[Catalogue], None] | None = None
                    ) -> None:
        """Index the catalogue off the UI thread; `then(catalogue)` runs after, in the same
        thread (the screen's warm-up of the check rules)."""
        from drafter.catalog import SearchIndex

        self.post_message(self.IndexReady(SearchIndex(catalogue)))
        if then is not None:
            then(catalogue)

    def on_browser_index_ready(self, message: IndexReady) -> None:
        """The search index is ready: a query typed meanwhile is searched now."""
        self.index = message.index
        if self.query_one("#search", Input).value.strip():
            self.run_search()

    @property
    def current_clause(self) -> Clause | None:
        """The clause under the cursor of the list in view (tree or search results)."""
        try:
            if self.query_one(ContentSwitcher).current == "hits":
                return self.query_one(HitList).current_clause
            return self.query_one(ClauseTree).current_clause
        except NoMatches:  # asked (by the footer) before the browser is composed
            return None

    def show_detail(self, clause: Clause | None, variant: str | None = None) -> None:
        self.query_one(ClauseDetail).show(clause, variant)

    def focus_list(self) -> None:
        """The focus into the list in view (hits or tree)."""
        switcher = self.query_one(ContentSwitcher)
        self.query_one(HitList if switcher.current == "hits" else ClauseTree).focus()

    def search_for(self, query: str) -> None:
        """Fill the search box with `query`, search, and put the focus in the results."""
        self.query_one("#search", Input).value = query
        self.run_search()
        self.focus_list()

    def toggle_summary(self) -> None:
        box = self.query_one("#hide-summary", Checkbox)
        box.value = not box.value

    # ------------------------------------------------------------------ search

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
        if event.input.id == "search":
            self.focus_list()

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
        if self.catalogue is not None:
            self.query_one(ClauseTree).show(self.catalogue, hide_summary=event.value)
        self.run_search()

    def on_clause_tree_highlighted(self, message: ClauseTree.Highlighted) -> None:
        self.show_detail(message.clause)
        self.refresh_bindings()

    def on_hit_list_highlighted(self, message: HitList.Highlighted) -> None:
        self.show_detail(message.clause)
        self.refresh_bindings()
