"""The plan being edited: the plan, its catalogue, the selection, dirty state and undo history.

Why: every edit (`edits`, `session`) ends in `changed()`, which makes it one undo step; and
every action asks "what is selected" the same way. This is the bookkeeping under the edits,
kept apart so the edits read as edits. Plain Python: no Textual, no file I/O.
The catalogue is only read: plan-local text goes into the plan's items, never into a clause.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import wraps
from pathlib import Path
from typing import ParamSpec, TypeVar

from drafter.model import Catalogue, Clause, Plan, PlanItem, PlanText
from drafter.model.resolve import item_wording, resolve
from drafter.tui.controller.history import History, State, snapshot
from drafter.tui.controller.selection import CLOSING, PREAMBLE, Selection

P = ParamSpec("P")
R = TypeVar("R")


def edit(method: Callable[P, R]) -> Callable[P, R]:
    """Make a session method one undo step: however many changes it makes (adding a clause
    may add its chapter first), undo restores the plan and the selection from before it."""

    @wraps(method)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        session = args[0]
        assert isinstance(session, PlanState)
        with session.editing():
            return method(*args, **kwargs)

    return run


@dataclass
class PlanState:
    """One plan, its catalogue, where it is saved and whether it changed since."""

    catalogue: Catalogue
    plan: Plan = field(default_factory=Plan)
    path: Path | None = None
    dirty: bool = False
    revision: int = 0
    selection: Selection | None = None
    history: History[Plan, Selection] = field(default_factory=History, repr=False)

    def __post_init__(self) -> None:
        self._committed: State[Plan, Selection] = snapshot(self.plan, self.selection)
        self._saved: Plan | None = None if self.dirty else self._committed.plan
        self._depth = 0
        self._before: Selection | None = None
        self._merge: object = None

    # ------------------------------------------------------------------ bookkeeping

    def changed(self) -> None:
        """Every edit ends here: the plan is dirty, and (outside an `editing` block) the
        edit becomes one undo step."""
        self.dirty = True
        self.revision += 1
        if self._depth == 0:
            self._commit(self.selection, None)

    @contextmanager
    def editing(self, merge: object = None) -> Iterator[None]:
        """Changes made inside are one undo step; `merge`: consecutive steps with the same
        key (typing into one field) coalesce into one."""
        if self._depth == 0:
            self._before, self._merge, start = self.selection, merge, self.revision
        self._depth += 1
        try:
            yield
        finally:
            self._depth -= 1
            if self._depth == 0 and self.revision != start:
                self._commit(self._before, self._merge)

    def _commit(self, before: Selection | None, merge: object) -> None:
        self.history.record(State(self._committed.plan, before), merge)
        self._committed = snapshot(self.plan, self.selection)

    def seal(self) -> None:
        """The next edit starts a new undo step even if it types into the same field."""
        self.history.record_break()

    @property
    def can_undo(self) -> bool:
        return self.history.can_undo

    @property
    def can_redo(self) -> bool:
        return self.history.can_redo

    def undo(self) -> bool:
        return self._restore(self.history.undo(snapshot(self.plan, self.selection)))

    def redo(self) -> bool:
        return self._restore(self.history.redo(snapshot(self.plan, self.selection)))

    def _restore(self, state: State[Plan, Selection] | None) -> bool:
        if state is None:
            return False
        self.plan = copy.deepcopy(state.plan)
        self.plan.path = str(self.path) if self.path else None
        self._committed = State(state.plan, state.selection)
        self.selection = self._valid(state.selection)
        self.dirty = self._saved is None or self.plan != self._saved
        self.revision += 1
        return True

    def _valid(self, sel: Selection | None) -> Selection | None:
        """`sel` if it still exists in the plan, else its chapter, else the first chapter."""
        if sel is None or sel.part != "chapter":
            if sel == PREAMBLE and self.plan.preamble is not None:
                return sel
            if sel == CLOSING and self.plan.closing is not None:
                return sel
            return Selection(0) if self.plan.chapters else None
        if not 0 <= sel.chapter < len(self.plan.chapters):
            return Selection(0) if self.plan.chapters else None
        items = self.plan.chapters[sel.chapter].items
        if sel.item is not None and not 0 <= sel.item < len(items):
            return Selection(sel.chapter)
        return sel

    def mark_saved(self, path: Path) -> None:
        self.path = path
        self.plan.path = str(path)
        self.dirty = False
        self._saved = copy.deepcopy(self.plan)

    def replace_plan(self, plan: Plan, path: Path | None, *, dirty: bool = False) -> None:
        """Another plan (opened, new, recovered): its history starts empty."""
        self.plan = plan
        self.path = path
        self.dirty = dirty
        self.revision += 1
        self.selection = Selection(0) if plan.chapters else None
        self.history.clear()
        self._committed = snapshot(plan, self.selection)
        self._saved = None if dirty else self._committed.plan

    def snapshot(self) -> Plan:
        """A deep copy of the plan, for comparing and for background work."""
        return copy.deepcopy(self.plan)

    # ------------------------------------------------------------------ lookup

    def chapter_selection(self) -> Selection | None:
        """The selection when it is a chapter (or one of its items) that exists."""
        sel = self.selection
        if sel is None or sel.part != "chapter" or not 0 <= sel.chapter < len(self.plan.chapters):
            return None
        return sel

    def selected_item(self) -> PlanItem | None:
        sel = self.chapter_selection()
        if sel is None or sel.item is None:
            return None
        items = self.plan.chapters[sel.chapter].items
        return items[sel.item] if 0 <= sel.item < len(items) else None

    def selected_part(self) -> PlanText | None:
        """The preamble or closing paragraph when one of them is selected."""
        sel = self.selection
        if sel == PREAMBLE:
            return self.plan.preamble
        if sel == CLOSING:
            return self.plan.closing
        return None

    def selected_clause(self) -> Clause | None:
        part = self.selected_part()
        clause_id = part.clause if part is not None else None
        item = self.selected_item()
        if item is not None:
            clause_id = item.clause
        return self.catalogue.get(clause_id) if clause_id else None

    def wording(self, item: PlanItem) -> tuple[str, str]:
        """The lead and body template an item renders with (plan-local text wins)."""
        w = item_wording(self.plan, item, self.catalogue)
        return w.lead, w.body

    def part_text(self) -> str:
        """The text the selected preamble / closing renders with ("" when none is selected)."""
        resolved = resolve(self.plan, self.catalogue)
        part = {PREAMBLE: resolved.preamble, CLOSING: resolved.closing}.get(
            self.selection) if self.selection in (PREAMBLE, CLOSING) else None
        return part.template or "" if part is not None else ""

    def contains(self, clause_id: str) -> bool:
        return any(i.clause == clause_id for c in self.plan.chapters for i in c.items)

