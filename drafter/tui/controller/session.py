"""The plan session the TUI edits: structure and text (`edits`) plus values and 待核实.

Why: values are the part of a plan the official types most and must confirm one by one
(provenance: typed / confirmed / last_year / inherited / default); typing into one field
coalesces into one undo step. Plain Python: no Textual, no file I/O.
"""

from __future__ import annotations

from typing import Any

from drafter.model import PlanItem
from drafter.model.resolve import SlotUse, resolve
from drafter.tui.controller.edits import PlanEdits
from drafter.tui.controller.state import edit


class PlanSession(PlanEdits):
    """One plan, its catalogue, where it is saved and whether it changed since."""

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
