"""What the values form shows: one field per value the plan needs, computed from slot uses.

Why: the form lists plan-wide values (地区/年份/单位, then every slot name the picked items
use, once) and, for the selected item, its per-item overrides. Working that out is plain
Python over `SlotUse`s, kept apart from the widget so it is tested without a terminal.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from drafter.model import GLOBAL_NAMES, Plan, Slot
from drafter.model.provenance import label as provenance_label
from drafter.model.resolve import SlotUse
from drafter.model.roll import baseline_of
from drafter.model.value_problems import place
from drafter.model.values import type_word
from drafter.tui.controller.selection import Selection

Scope = Literal["global", "plan", "item"]
Status = Literal["ok", "unconfirmed", "missing", "optional", "error"]


@dataclass(frozen=True)
class Field:
    scope: Scope
    name: str
    slot: Slot
    value: Any  # what this scope holds now (None when it holds nothing)
    status: Status  # how the value resolves where it is used
    error: str | None = None
    baseline: Any = None  # last year's value (model.roll.baseline_of: the item's own first)
    fallback: Any = None  # what applies when this scope is left blank
    places: tuple[str, ...] = ()  # where the slot is used, e.g. "第二章第3条"
    provenance: str = "typed"  # of the value that applies (model.provenance)
    source_region: str | None = None  # where a catalogue default was mined
    context: str = ""  # the sentence around the number, the number shown as 〔……〕

    def placeholder(self) -> str:
        """What the empty input says: a suggestion is named as one, never as the value."""
        if self.fallback in (None, ""):
            return ""
        if self.scope == "item":
            return f"留空则沿用全计划参数 {self.fallback}"
        where = f"，{self.source_region}" if self.source_region else ""
        return f"目录建议 {self.fallback}（来自其他地区{where}，须确认）"

    @property
    def key(self) -> tuple[str, str]:
        return self.scope, self.name

    def note(self) -> str:
        """The grey line under the input: type, unit, default, last value, where used."""
        parts = [type_word(self.slot.type)]
        if self.slot.unit:
            parts.append(f"单位 {self.slot.unit}")
        if self.status == "unconfirmed":
            parts.append(f"{provenance_label(self.provenance)}，待核实（按 y 确认）")
        if self.baseline not in (None, ""):
            parts.append(f"去年 {self.baseline}")
        if self.places:
            shown = "、".join(self.places[:3]) + ("等" if len(self.places) > 3 else "")
            parts.append(f"用于{shown}")
        return " · ".join(parts)


def _status(uses: list[SlotUse]) -> tuple[Status, str | None]:
    errors = [u.error for u in uses if u.error]
    if errors:
        return "error", errors[0]
    if any(u.origin == "missing" for u in uses):
        return "missing", None
    if any(u.unconfirmed for u in uses):
        return "unconfirmed", None
    return "ok", None


def _global_value(plan: Plan, name: str) -> Any:
    if name in plan.values:
        return plan.values[name]
    meta = plan.meta_values()[name]
    return meta if meta not in (None, "") else None


def plan_fields(plan: Plan, uses: list[SlotUse], needed: set[str] | None = None
                ) -> list[Field]:
    """地区/年份/单位, then each slot name the plan uses, once, in first-use order.

    `needed` names the globals some text uses (None: all); a missing global nobody uses is
    "optional", not "missing".
    """
    fields: list[Field] = []
    for use in uses:
        if use.part == "global" and use.name in GLOBAL_NAMES:
            status, error = _status([use])
            if status == "missing" and needed is not None and use.name not in needed:
                status = "optional"
            fields.append(Field("global", use.name, use.slot, _global_value(plan, use.name),
                                status, error, baseline=plan.baseline.get(use.name)))
    by_name: dict[str, list[SlotUse]] = {}
    for use in uses:
        if use.part != "global":
            by_name.setdefault(use.name, []).append(use)
    for name, group in by_name.items():
        shared = [u for u in group if u.origin != "item"] or group
        status, error = _status(shared)
        fields.append(Field(
            "plan", name, group[0].slot, plan.values.get(name), status, error,
            baseline=plan.baseline.get(name), fallback=group[0].slot.default,
            places=tuple(dict.fromkeys(p for u in group if (p := place(u)))),
            provenance=shared[0].provenance, source_region=shared[0].source_region,
        ))
    return fields


def item_fields(plan: Plan, uses: list[SlotUse], selection: Selection | None) -> list[Field]:
    """The selected item's slots, with its own values (blank: the plan-wide value applies)."""
    if selection is None or selection.item is None:
        return []
    if selection.chapter >= len(plan.chapters):
        return []
    items = plan.chapters[selection.chapter].items
    if selection.item >= len(items):
        return []
    item = items[selection.item]
    fields: list[Field] = []
    for use in uses:
        if use.part != "item" or (use.chapter, use.index) != (selection.chapter,
                                                               selection.item):
            continue
        status, error = _status([use])
        fallback = plan.values.get(use.name, use.slot.default)
        fields.append(Field("item", use.name, use.slot, item.values.get(use.name), status,
                            error, baseline=baseline_of(plan.baseline, use.clause, use.name),
                            fallback=fallback,
                            provenance=use.provenance, source_region=use.source_region))
    return fields


def values_tab_label(missing: int, unconfirmed: int) -> str:
    """The 参数 tab's label: 缺 and 待核实 counts side by side."""
    counts = [f"缺{missing}" if missing else "", f"待核实{unconfirmed}" if unconfirmed else ""]
    shown = "，".join(c for c in counts if c)
    return f"参数（{shown}）" if shown else "参数"
