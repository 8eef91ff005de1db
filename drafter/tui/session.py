"""The plan being edited in the TUI, and every edit the screen can make to it.

Why: the screen handles keys and messages; the edits themselves (add, remove, move, values,
variants, headings) are plain Python over the model, so they are tested without a terminal and
the screen stays a thin controller. No Textual, no file I/O here (autosave lives beside it).
The catalogue is only read: plan-local text goes into the plan's items, never into a clause.
"""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import wraps
from pathlib import Path
from typing import Any, Literal, ParamSpec, TypeVar

from drafter.model import (
    CHAPTER_KEYS,
    DEFAULT_HEADINGS,
    Catalogue,
    Clause,
    Plan,
    PlanChapter,
    PlanItem,
    PlanMeta,
    PlanText,
    Slot,
)
from drafter.model.resolve import SlotUse, item_wording, resolve
from drafter.tui.history import History, State, snapshot

Part = Literal["chapter", "preamble", "closing", "title", "values"]


@dataclass(frozen=True)
class Selection:
    """A place in the plan outline: a chapter and optionally one of its items (0-based), or
    the preamble / closing paragraph (then `chapter` is unused)."""

    chapter: int
    item: int | None = None
    part: Part = "chapter"


PREAMBLE = Selection(0, None, "preamble")
CLOSING = Selection(0, None, "closing")
TITLE = Selection(0, None, "title")  # a check's place only: the outline has no title line
VALUES = Selection(0, None, "values")  # a check's place only: a plan-wide value (参数 tab)

P = ParamSpec("P")
R = TypeVar("R")


def edit(method: Callable[P, R]) -> Callable[P, R]:
    """Make a session method one undo step: however many changes it makes (adding a clause
    may add its chapter first), undo restores the plan and the selection from before it."""

    @wraps(method)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        session = args[0]
        assert isinstance(session, PlanSession)
        with session.editing():
            return method(*args, **kwargs)

    return run


@dataclass
class PlanSession:
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

    # ------------------------------------------------------------------ items

    @edit
    def add_clause(self, clause: Clause) -> Selection:
        """Put a clause where it belongs: preamble/closing slots, else its chapter key's chapter.

        Inside the selected chapter when that chapter has the clause's key, after the selected
        item; otherwise at the end of the chapter with that key (created in key order).
        """
        if clause.kind == "preamble":
            self.plan.preamble = PlanText(clause=clause.id)
            self.changed()
            return self.selection or Selection(0)
        if clause.kind == "closing":
            self.plan.closing = PlanText(clause=clause.id)
            self.changed()
            return self.selection or Selection(0)
        ci = self._chapter_for(clause.chapter)
        items = self.plan.chapters[ci].items
        sel = self.chapter_selection()
        at = len(items)
        if sel is not None and sel.chapter == ci and sel.item is not None:
            at = min(sel.item + 1, len(items))
        items.insert(at, PlanItem(clause=clause.id))
        self.selection = Selection(ci, at)
        self.changed()
        return self.selection

    def _chapter_for(self, key: str) -> int:
        sel = self.chapter_selection()
        chapters = self.plan.chapters
        if sel is not None and chapters[sel.chapter].key == key:
            return sel.chapter
        for ci, chapter in enumerate(chapters):
            if chapter.key == key:
                return ci
        return self.add_chapter(key)

    @edit
    def add_chapter(self, key: str | None, heading: str | None = None) -> int:
        """A new chapter, placed after the last chapter whose key comes before `key`."""
        order = {k: n for n, k in enumerate(CHAPTER_KEYS)}
        rank = order.get(key or "", len(CHAPTER_KEYS))
        at = len(self.plan.chapters)
        for ci, chapter in enumerate(self.plan.chapters):
            if order.get(chapter.key or "", len(CHAPTER_KEYS)) > rank:
                at = ci
                break
        if heading is None:
            heading = DEFAULT_HEADINGS.get(key or "", "新的一章")
        self.plan.chapters.insert(at, PlanChapter(key=key, heading=heading))
        self.changed()
        return at

    @edit
    def add_custom(self, lead: str, body: str, slots: Sequence[Slot] = (),
                   values: Mapping[str, Any] | None = None) -> Selection | None:
        """A custom item (no catalogue clause) after the selection, with the slots marked in
        its text and their values (plan-wide); None when no chapter exists."""
        sel = self.chapter_selection()
        if sel is None:
            return None
        items = self.plan.chapters[sel.chapter].items
        at = len(items) if sel.item is None else sel.item + 1
        items.insert(at, PlanItem(lead=lead, body=body, slots=list(slots)))
        self._typed(values)
        self.selection = Selection(sel.chapter, at)
        self.changed()
        return self.selection

    def value_names(self) -> set[str]:
        """Every value name the plan uses or holds (a new slot's name must be another)."""
        names = {u.name for u in resolve(self.plan, self.catalogue).uses}
        return names | set(self.plan.values)

    def _typed(self, values: Mapping[str, Any] | None) -> None:
        """Values of numbers just marked as slots: typed by the user, plan-wide."""
        for name, value in (values or {}).items():
            self.plan.values[name] = value
            self.plan.provenance.pop(name, None)

    @edit
    def remove_selected(self) -> PlanItem | None:
        """Remove the selected item, the selected empty chapter, or the preamble / closing."""
        if self.selected_part() is not None:
            if self.selection == PREAMBLE:
                self.plan.preamble = None
            else:
                self.plan.closing = None
            self.selection = Selection(0) if self.plan.chapters else None
            self.changed()
            return None
        sel = self.chapter_selection()
        if sel is None:
            return None
        chapter = self.plan.chapters[sel.chapter]
        if sel.item is None:
            if chapter.items:
                return None
            del self.plan.chapters[sel.chapter]
            self.selection = Selection(max(sel.chapter - 1, 0)) if self.plan.chapters else None
            self.changed()
            return None
        removed = chapter.items.pop(sel.item)
        if chapter.items:
            self.selection = Selection(sel.chapter, min(sel.item, len(chapter.items) - 1))
        else:
            self.selection = Selection(sel.chapter)
        self.changed()
        return removed

    @edit
    def move_selected(self, step: int) -> bool:
        """Move the selected item (or chapter) up (-1) or down (+1) among its siblings."""
        sel = self.chapter_selection()
        if sel is None or not self.can_move(step):
            return False
        if sel.item is None:
            siblings: list[Any] = self.plan.chapters
            index = sel.chapter
        else:
            siblings = self.plan.chapters[sel.chapter].items
            index = sel.item
        target = index + step
        if not 0 <= target < len(siblings):
            return False
        siblings[index], siblings[target] = siblings[target], siblings[index]
        if sel.item is None:
            self.selection = Selection(target)
        else:
            self.selection = Selection(sel.chapter, target)
        self.changed()
        return True

    def can_move(self, step: int) -> bool:
        sel = self.chapter_selection()
        if sel is None:
            return False
        if sel.item is None:
            return 0 <= sel.chapter + step < len(self.plan.chapters)
        return 0 <= sel.item + step < len(self.plan.chapters[sel.chapter].items)

    @edit
    def move_to_chapter(self, target: int) -> Selection | None:
        """Move the selected item to the end of another chapter."""
        sel = self.chapter_selection()
        if sel is None or sel.item is None or not 0 <= target < len(self.plan.chapters):
            return None
        if target == sel.chapter:
            return sel
        item = self.plan.chapters[sel.chapter].items.pop(sel.item)
        self.plan.chapters[target].items.append(item)
        self.selection = Selection(target, len(self.plan.chapters[target].items) - 1)
        self.changed()
        return self.selection

    # ------------------------------------------------------------------ text, variants, meta

    @edit
    def set_text(self, lead: str, body: str, slots: Sequence[Slot] | None = None,
                 values: Mapping[str, Any] | None = None) -> bool:
        """Plan-local text for the selected item; text equal to the catalogue's clears it.
        `slots`: the item's own slots the text uses (None: unchanged); `values`: those of
        numbers just marked."""
        item = self.selected_item()
        if item is None:
            return False
        if slots is not None:
            item.slots = list(slots)
        self._typed(values)
        clause = self.catalogue.get(item.clause) if item.clause else None
        if clause is not None:
            plain = dataclasses.replace(item, lead=None, body=None)
            c_lead, c_body = self.wording(plain)
            item.lead = None if lead == c_lead else lead
            item.body = None if body == c_body else body
        else:
            item.lead, item.body = lead, body
        self.changed()
        return True

    @edit
    def set_part_text(self, text: str) -> bool:
        """Plan-local text for the selected preamble or closing (its clause id is kept)."""
        part = self.selected_part()
        if part is None:
            return False
        clause = self.catalogue.get(part.clause) if part.clause else None
        part.text = None if clause is not None and text == clause.text else text
        self.changed()
        return True

    @edit
    def set_variant(self, variant_id: str | None) -> bool:
        item = self.selected_item()
        if item is None or item.clause is None:
            return False
        if item.variant == variant_id:
            return False
        item.variant = variant_id
        self.changed()
        return True

    @edit
    def set_heading(self, chapter: int, heading: str) -> bool:
        if not 0 <= chapter < len(self.plan.chapters):
            return False
        self.plan.chapters[chapter].heading = heading
        self.changed()
        return True

    @edit
    def set_meta(self, meta: PlanMeta) -> None:
        self.plan.meta = meta
        self.changed()

    # ------------------------------------------------------------------ values

    def set_value(self, name: str, value: Any, *, item: PlanItem | None = None) -> None:
        """A plan-wide value (item None) or a per-item override; None removes it."""
        target = self.plan.values if item is None else item.values
        provenance = self.plan.provenance if item is None else item.provenance
        with self.editing(merge=("value", name, id(target))):
            self._put(target, provenance, name, value)

    def _put(self, target: dict[str, Any], provenance: dict[str, Any], name: str,
             value: Any) -> None:
        if value is None:
            if name not in target:
                return
            del target[name]
        else:
            if target.get(name) == value and type(target.get(name)) is type(value):
                return
            target[name] = value
        provenance.pop(name, None)  # typed by the user now
        self.changed()

    @edit
    def confirm(self, uses: list[SlotUse]) -> int:
        """Accept the shown values of these uses as the user's own (待核实 → 已确认).

        A value held in the plan is marked confirmed; a catalogue default is copied into
        the item (or the plan) as a confirmed value. Returns how many were confirmed."""
        count = 0
        for use in uses:
            if not use.unconfirmed or use.error:
                continue
            item = None
            if use.chapter is not None and use.index is not None:
                item = self.plan.chapters[use.chapter].items[use.index]
            if use.origin == "item" and item is not None:
                item.provenance[use.name] = "confirmed"
            elif use.origin == "plan":
                self.plan.provenance[use.name] = "confirmed"
            elif item is not None:
                item.values[use.name] = use.value
                item.provenance[use.name] = "confirmed"
            else:
                self.plan.values[use.name] = use.value
                self.plan.provenance[use.name] = "confirmed"
            count += 1
        if count:
            self.changed()
        return count

    def unconfirmed_at(self, *, whole_chapter: bool = False) -> list[SlotUse]:
        """待核实 values of the selected item (or of its whole chapter, or of the selected
        chapter), or of the preamble / closing / title when one of those is selected."""
        resolved = resolve(self.plan, self.catalogue)
        sel = self.selection
        if sel is None:
            return []
        if sel.part != "chapter":
            return [u for u in resolved.unconfirmed() if u.part == sel.part]
        return [u for u in resolved.unconfirmed()
                if u.part == "item" and u.chapter == sel.chapter
                and (whole_chapter or sel.item is None or u.index == sel.item)]

    def set_global(self, name: str, value: Any, *, as_typed: bool = False) -> None:
        """地区/年份/单位 live in the meta (the plan file's natural place for them).

        `as_typed`: text that is not a valid value is kept in the plan's values as typed
        (flagged by the checks, never rendered); the meta keeps its last valid value.
        """
        with self.editing(merge=("value", name, "global")):
            if as_typed:
                self._put(self.plan.values, self.plan.provenance, name, value)
            else:
                self._put_global(name, value)

    def _put_global(self, name: str, value: Any) -> None:
        current = self.plan.meta_values().get(name)
        if name not in self.plan.values and (value == current or (value is None and not current)):
            return
        self.plan.values.pop(name, None)
        if name == "年份" and value is None:
            return
        self.plan.set_meta_value(name, value)
        self.changed()
