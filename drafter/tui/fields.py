"""What the values form shows: one field per value the plan needs, computed from slot uses.

Why: the form lists plan-wide values (地区/年份/单位, then every slot name the picked items
use, once) and, for the selected item, its per-item overrides. Working that out is plain
Python over `SlotUse`s, kept apart from the widget so it is tested without a terminal.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from drafter.model import GLOBAL_NAMES, Plan, Slot
from drafter.model.numbering import chinese_numeral
from drafter.model.values import SlotUse, type_word
from drafter.tui.session import Selection

Scope = Literal["global", "plan", "item"]
Status = Literal["ok", "default", "missing", "optional", "error"]


@dataclass(frozen=True)
class Field:
    scope: Scope
    name: str
    slot: Slot
    value: Any  # what this scope holds now (None when it holds nothing)
    status: Status  # how the value resolves where it is used
    error: str | None = None
    baseline: Any = None  # last year's value (plan.baseline)
    fallback: Any = None  # what applies when this scope is left blank
    places: tuple[str, ...] = ()  # where the slot is used, e.g. "第二章第3条"
    context: str = ""  # the sentence around the number, the number shown as 〔……〕

    @property
    def key(self) -> tuple[str, str]:
        return self.scope, self.name

    def note(self) -> str:
        """The grey line under the input: type, unit, default, last value, where used."""
        parts = [type_word(self.slot.type)]
        if self.slot.unit:
            parts.append(f"单位 {self.slot.unit}")
        if self.slot.default not in (None, ""):
            parts.append(f"默认 {self.slot.default}")
        if self.baseline not in (None, ""):
            parts.append(f"上次 {self.baseline}")
        if self.places:
            shown = "、".join(self.places[:3]) + ("等" if len(self.places) > 3 else "")
            parts.append(f"用于{shown}")
        return " · ".join(parts)


def printed_number(plan: Plan, chapter: int, item: int) -> int:
    """The number an item (1-based position in its 1-based chapter) carries in the document."""
    if plan.meta.options.numbering == "continuous":
        return sum(len(c.items) for c in plan.chapters[: chapter - 1]) + item
    return item


def place(use: SlotUse, plan: Plan) -> str:
    """Where a slot is used, as the document numbers it: 第二章第5条, 标题, 结束语."""
    if use.part == "item" and use.chapter is not None and use.item is not None:
        number = printed_number(plan, use.chapter, use.item)
        return f"第{chinese_numeral(use.chapter)}章第{number}条"
    return {"title": "标题", "preamble": "总体要求", "closing": "结束语"}.get(use.part, "")


def _status(uses: list[SlotUse]) -> tuple[Status, str | None]:
    errors = [u.error for u in uses if u.error]
    if errors:
        return "error", errors[0]
    if any(u.origin == "missing" for u in uses):
        return "missing", None
    if uses and all(u.origin == "default" for u in uses):
        return "default", None
    return "ok", None


def _global_value(plan: Plan, name: str) -> Any:
    if name in plan.values:
        return plan.values[name]
    meta = {"地区": plan.meta.region, "年份": plan.meta.year, "单位": plan.meta.organ}[name]
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
            if status == "default":
                status = "ok"
            elif status == "missing" and needed is not None and use.name not in needed:
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
            places=tuple(dict.fromkeys(p for u in group if (p := place(u, plan)))),
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
        if use.part != "item" or use.chapter != selection.chapter + 1:
            continue
        if use.item != selection.item + 1:
            continue
        status, error = _status([use])
        fallback = plan.values.get(use.name, use.slot.default)
        fields.append(Field("item", use.name, use.slot, item.values.get(use.name), status,
                            error, baseline=plan.baseline.get(use.name), fallback=fallback))
    return fields
