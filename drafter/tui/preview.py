"""A lenient preview: the plan rendered through the real render path, gaps shown as markers.

Why: `render_blocks` rightly refuses to render while a value is missing or wrong, but a plan
being drafted always has gaps, and the preview must still show the whole document. So the
missing and invalid values are filled with visible markers (【待填：标签】, 【有误：标签】) in a
copy of the plan, the affected clauses are seen through an overlay whose slots take text, and
the copy goes through `render_blocks` and `blocks_to_text` unchanged. Nothing here renders
on its own or writes files; the user's plan and the catalogue are never modified.
"""

from __future__ import annotations

import copy
import dataclasses
from dataclasses import dataclass, field

from drafter.model import Block, Catalogue, Clause, DrafterError, Plan, Slot
from drafter.model.values import SlotUse, slot_uses

MISSING = "【待填：{label}】"
INVALID = "【有误：{label}】"


@dataclass
class Preview:
    """What the preview pane and the checks panel show."""

    blocks: list[Block] = field(default_factory=list)
    text: str = ""
    uses: list[SlotUse] = field(default_factory=list)
    error: str | None = None  # a problem no marker can stand in for (e.g. an unknown clause id)

    @property
    def gaps(self) -> list[SlotUse]:
        """Uses that still need a value (missing or invalid); globals only when some text
        uses them, i.e. when their marker shows in the rendered text."""
        gaps: list[SlotUse] = []
        for use in self.uses:
            if use.origin != "missing" and not use.error:
                continue
            if use.part == "global" and self.text and marker_for(use) not in self.text:
                continue
            gaps.append(use)
        return gaps


class _Overlay(Catalogue):
    """The catalogue with a few clauses replaced; shares the base's chapter lists (no copy)."""

    def __init__(self, base: Catalogue, overrides: dict[str, Clause]) -> None:
        self.chapters = base.chapters
        self._index = None
        self._base = base
        self._overrides = overrides

    def get(self, clause_id: str) -> Clause | None:
        return self._overrides.get(clause_id) or self._base.get(clause_id)

    def __contains__(self, clause_id: object) -> bool:
        return clause_id in self._overrides or clause_id in self._base


def marker_for(use: SlotUse) -> str:
    return (MISSING if use.origin == "missing" else INVALID).format(label=use.label)


def _as_text(slots: list[Slot], names: set[str]) -> list[Slot]:
    return [dataclasses.replace(s, type="text", unit=None) if s.name in names else s
            for s in slots]


def _relaxed(clause: Clause, names: set[str]) -> Clause:
    variants = [dataclasses.replace(v, slots=_as_text(v.slots, names)) for v in clause.variants]
    return dataclasses.replace(clause, slots=_as_text(clause.slots, names), variants=variants)


def fill_gaps(plan: Plan, cat: Catalogue, uses: list[SlotUse]) -> tuple[Plan, Catalogue]:
    """A copy of the plan with markers for every gap, and a catalogue that accepts them."""
    filled = copy.deepcopy(plan)
    relax: dict[str, set[str]] = {}
    for use in uses:
        if use.origin != "missing" and not use.error:
            continue
        marker = marker_for(use)
        if use.part == "global":
            if use.name == "年份":
                continue  # meta.year is always a number; an invalid plan value is dropped
            filled.values[use.name] = marker
        elif use.part == "item" and use.chapter is not None and use.item is not None:
            filled.chapters[use.chapter - 1].items[use.item - 1].values[use.name] = marker
        else:
            filled.values[use.name] = marker
        if use.clause:
            relax.setdefault(use.clause, set()).add(use.name)
    bad_year = next((u for u in uses if u.name == "年份" and u.part == "global" and u.error), None)
    if bad_year is not None:
        filled.values.pop("年份", None)
    overrides = {cid: _relaxed(c, names) for cid, names in relax.items()
                 if (c := cat.get(cid)) is not None}
    return filled, (_Overlay(cat, overrides) if overrides else cat)


def build_preview(plan: Plan, cat: Catalogue) -> Preview:
    """Render the plan for the preview; never raises for a user's mistake."""
    from drafter.render.blocks import render_blocks
    from drafter.render.text import blocks_to_text

    uses = slot_uses(plan, cat)
    filled, overlay = fill_gaps(plan, cat, uses)
    try:
        blocks = render_blocks(filled, overlay)
    except DrafterError as exc:
        return Preview(uses=uses, error=str(exc))
    return Preview(blocks=blocks, text=blocks_to_text(blocks), uses=uses)
