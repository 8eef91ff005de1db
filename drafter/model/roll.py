"""Roll a plan forward to another year (`drafter roll`): pure, no I/O.

The plan year advances, so every `{{ 年份 }}` / `{{ 年份 + 1 }}` in titles and clauses follows
by itself. This year's slot values become `plan.baseline`; they stay as the values too, marked
去年 (provenance "last_year"), so the new plan previews at once but counts them as 待核实 until
the user confirms or changes each (`build --strict` refuses them). Literal years
a person wrote into custom or edited text are listed for review and never changed: only a person
can tell "到2025年底" that must move from "《…（2021—2025年）》" that must not.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from drafter.model.blocks import Location
from drafter.model.errors import DrafterError
from drafter.model.placeholders import strip_tags
from drafter.model.plan import GLOBAL_NAMES, Plan, PlanText
from drafter.model.years import YEAR_MAX, YEAR_MIN

_LITERAL_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")


@dataclass
class RollResult:
    plan: Plan
    literal_years: list[tuple[str, str]] = field(default_factory=list)  # (place, text)
    from_year: int = 0
    to_year: int = 0


def baseline_key(clause: str | None, name: str) -> str:
    """The baseline key of a value: "名称" plan-wide, "<条目编号>.名称" for one item's value."""
    return f"{clause}.{name}" if clause else name


def baseline_of(baseline: dict[str, Any], clause: str | None, name: str) -> Any:
    """Last year's value of a slot where it is used: the item's own (import keeps one per
    item), else the plan-wide one; None when there is none."""
    own = baseline.get(baseline_key(clause, name))
    return own if own is not None else baseline.get(name)


def roll_plan(plan: Plan, to_year: int) -> RollResult:
    """A copy of `plan` for `to_year`, with this year's values kept as the baseline."""
    if isinstance(to_year, bool) or not isinstance(to_year, int) or not (
            YEAR_MIN <= to_year <= YEAR_MAX):
        raise DrafterError.one(f"目标年份“{to_year}”无效", hint="请写四位数年份，如 2026")
    old_year = plan.meta.year
    if to_year == old_year:
        raise DrafterError.one(f"计划已经是{to_year}年的", hint="请用 --to 指定另一个年份")
    new = copy.deepcopy(plan)
    new.meta.year = to_year
    if "年份" in new.values:
        new.values["年份"] = to_year
    new.meta.date = _move_date(plan.meta.date, to_year - old_year)
    new.baseline = _baseline(plan)
    _mark_last_year(new)
    literal = list(_literal_years(plan))
    return RollResult(plan=new, literal_years=literal, from_year=old_year, to_year=to_year)


def _baseline(plan: Plan) -> dict[str, Any]:
    """This year's values, plan-wide and per item; 地区/年份/单位 are not baselines."""
    base: dict[str, Any] = {k: v for k, v in plan.values.items() if k not in GLOBAL_NAMES}
    for chapter in plan.chapters:
        for item in chapter.items:
            for name, value in item.values.items():
                if name not in GLOBAL_NAMES:
                    base[baseline_key(item.clause, name)] = value
    return base


def _mark_last_year(plan: Plan) -> None:
    """Every carried value is last year's (去年) until the user confirms or changes it."""
    for name in plan.values:
        if name not in GLOBAL_NAMES:
            plan.provenance[name] = "last_year"
    for chapter in plan.chapters:
        for item in chapter.items:
            for name in item.values:
                item.provenance[name] = "last_year"


def _move_date(date: str | None, delta: int) -> str | None:
    """"2025-01-10" moved by whole years; None when absent or not a plain date."""
    if not date:
        return None
    match = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", date.strip())
    if not match:
        return None
    year, month, day = int(match.group(1)) + delta, int(match.group(2)), int(match.group(3))
    if month == 2 and day == 29 and not (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)):
        day = 28
    return f"{year:04d}-{month:02d}-{day:02d}"


def _years_in(text: str | None) -> bool:
    return bool(text) and bool(_LITERAL_YEAR.search(strip_tags(text or "")))


def _part_text(part: PlanText | None) -> str | None:
    return part.text if part is not None else None


def _literal_years(plan: Plan) -> Iterator[tuple[str, str]]:
    """Every place where a person wrote a year as digits (templates' placeholders excluded)."""
    meta = plan.meta
    for place, text in (("标题（meta.title）", meta.title),
                        ("题注（meta.options.caption）", meta.options.caption),
                        ("总体要求（preamble）", _part_text(plan.preamble)),
                        ("结束语（closing）", _part_text(plan.closing))):
        if text and _years_in(text):
            yield place, text
    for ci, chapter in enumerate(plan.chapters, start=1):
        if _years_in(chapter.heading):
            yield f"第{ci}章标题", chapter.heading or ""
        for ii, item in enumerate(chapter.items, start=1):
            where = Location(chapter=ci, item=ii, clause=item.clause).describe()
            for label, text in (("标题句", item.lead), ("正文", item.body),
                                ("节标题", item.section), ("完成时限", item.deadline)):
                if _years_in(text):
                    yield f"{where} {label}", text or ""
            for name, value in item.values.items():
                if _is_year(name, value):
                    yield f"{where} 参数“{name}”", str(value)
    for name, value in plan.values.items():
        if name not in GLOBAL_NAMES and _is_year(name, value):
            yield f"参数“{name}”（values）", str(value)


def _is_year(name: str, value: Any) -> bool:
    """A value that is a year: a number named like one (完成年份), or text holding "2025年"."""
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return "年" in name and YEAR_MIN <= value <= YEAR_MAX
    return isinstance(value, str) and bool(re.search(r"(?<!\d)(?:19|20)\d{2}\s*年", value))
