"""Edits of the plan's shape and wording: add, remove, move, custom items, text, variants,
headings, meta and the task table's 责任单位 / 完成时限.

Why: each is one undo step (`@edit`) over the model, tested without a terminal; the screen
only asks for what the user must say (a dialog) and calls one of these. Plain Python: no
Textual, no file I/O. Values and confirmation are in `session`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from typing import Any

from drafter.model import (
    CHAPTER_KEYS,
    DEFAULT_HEADINGS,
    Clause,
    PlanChapter,
    PlanItem,
    PlanMeta,
    PlanText,
    Slot,
)
from drafter.model.resolve import resolve
from drafter.tui.controller.selection import PREAMBLE, Selection
from drafter.tui.controller.state import PlanState, edit


class PlanEdits(PlanState):
    """The plan's structure and text, edited one undo step at a time."""

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
        """Every value name the plan uses or holds (a newly marked slot takes another)."""
        names = {u.name for u in resolve(self.plan, self.catalogue).uses}
        return names | set(self.plan.values)

    def _typed(self, values: Mapping[str, Any] | None) -> None:
        """Values of numbers just marked as slots (issue 13.6): typed, plan-wide."""
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
        `slots`: the item's own slots its text uses (None: unchanged); `values`: those of the
        numbers just marked as slots."""
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


    @edit
    def set_task(self, owners: list[str] | None, deadline: str | None) -> bool:
        """The selected item's 责任单位 and 完成时限 (None: the catalogue's / none)."""
        item = self.selected_item()
        if item is None or (owners, deadline) == (item.owners, item.deadline):
            return False
        item.owners, item.deadline = owners, deadline
        self.changed()
        return True
