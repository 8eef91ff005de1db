"""Slot values: check what a user typed, and list every slot a plan uses with its value.

Shared by the renderer (which refuses to render while a value is missing or wrong), the TUI
values form (which validates as the user types) and the checks. Pure functions over the model:
no I/O, no Jinja (placeholder names are read with a small scanner that is only correct for text
the placeholder AST check has already accepted).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal

from drafter.model.blocks import Location
from drafter.model.catalogue import Catalogue
from drafter.model.clause import Slot
from drafter.model.errors import Problem
from drafter.model.placeholders import placeholder_names as _scan_names
from drafter.model.plan import GLOBAL_NAMES, Plan, PlanItem, PlanText
from drafter.model.years import YEAR_MAX, YEAR_MIN

Origin = Literal["item", "plan", "default", "missing"]

GLOBAL_LABELS: dict[str, str] = {"地区": "地区", "年份": "年份", "单位": "单位（发文机关）"}
_GLOBAL_TYPES: dict[str, str] = {"地区": "text", "年份": "year", "单位": "text"}

_TYPE_WORDS: dict[str, str] = {
    "integer": "整数",
    "decimal": "数字",
    "percent": "百分比",
    "year": "年份",
    "text": "文字",
}

_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")


# --------------------------------------------------------------------------- typed values


def _is_blank(raw: object) -> bool:
    return raw is None or (isinstance(raw, str) and not raw.strip())


def _normalise(raw: str, unit: str | None) -> str:
    """Full-width → half-width, no spaces, no thousands separators, no trailing unit."""
    text = unicodedata.normalize("NFKC", raw).strip().replace(" ", "")
    if unit:
        unit_n = unicodedata.normalize("NFKC", unit)
        if unit_n and text.endswith(unit_n) and len(text) > len(unit_n):
            text = text[: -len(unit_n)]
    if re.fullmatch(r"[+-]?\d{1,3}(,\d{3})+(\.\d+)?", text):
        text = text.replace(",", "")
    return text


def _number(raw: object, unit: str | None) -> float | int | None:
    """An int or float from YAML or typed text; None when it is not a plain number."""
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int):
        return raw
    if isinstance(raw, float):
        return raw if raw == raw and raw not in (float("inf"), float("-inf")) else None
    if not isinstance(raw, str):
        return None
    text = _normalise(raw, unit)
    if not _NUMBER.fullmatch(text):
        return None
    value = float(text)
    if "." not in text:
        return int(text)
    return value


def _tidy(value: float | int) -> float | int:
    """12.0 → 12, so a document never reads "12.0所"."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def validate_value(
    slot_type: str, raw: object, *, unit: str | None = None
) -> tuple[Any, str | None]:
    """Check one value against a slot type; return (normalised value, Chinese error or None).

    `raw` is what YAML gave or what a user typed in a form (full-width digits, "12%",
    "1,200", a trailing unit such as "12所" when `unit` is given). A blank value is an error
    ("未填写"); callers that treat blank as "missing" test for it first.
    """
    if _is_blank(raw):
        return None, "未填写"
    if isinstance(raw, list | dict | tuple | set):
        return None, "参数值只能是一个数字或一段文字，不能是列表或映射"
    if slot_type == "integer":
        return _integer(raw, unit)
    if slot_type == "decimal":
        number = _number(raw, unit)
        if number is None:
            return None, f"“{raw}”不是数字，请填写如 3.5 的数字"
        return _tidy(number), None
    if slot_type == "percent":
        return _percent(raw, unit)
    if slot_type == "year":
        return _year(raw)
    if isinstance(raw, str):
        return raw.strip(), None
    if isinstance(raw, bool):
        return None, "文字参数不能是 true/false，请加引号"
    return (str(_tidy(raw)) if isinstance(raw, int | float) else str(raw)), None


def _integer(raw: object, unit: str | None) -> tuple[Any, str | None]:
    number = _number(raw, unit)
    if number is None or (isinstance(number, float) and not number.is_integer()):
        return None, f"“{raw}”不是整数，请填写如 12 的整数"
    return int(number), None


def _percent(raw: object, unit: str | None) -> tuple[Any, str | None]:
    text = raw
    if isinstance(raw, str):
        text = _normalise(raw, unit).removesuffix("%")
    number = _number(text, None)
    if number is None:
        return None, f"“{raw}”不是百分比，请填写 0 到 100 之间的数字，如 95 或 95%"
    if not 0 <= number <= 100:
        return None, f"百分比“{raw}”超出范围，应在 0 到 100 之间"
    return _tidy(number), None


def _year(raw: object) -> tuple[Any, str | None]:
    text = raw
    if isinstance(raw, str):
        text = _normalise(raw, None).removesuffix("年")
    number = _number(text, None)
    if number is None or (isinstance(number, float) and not number.is_integer()):
        return None, f"“{raw}”不是年份，请填写四位数年份，如 2025"
    if not YEAR_MIN <= number <= YEAR_MAX:
        return None, f"年份“{raw}”不在 {YEAR_MIN}–{YEAR_MAX} 之间"
    return int(number), None


def type_word(slot_type: str) -> str:
    """The Chinese word for a slot type, for labels and messages."""
    return _TYPE_WORDS.get(slot_type, "文字")


# --------------------------------------------------------------------------- slot uses


@dataclass(frozen=True)
class SlotUse:
    """One slot used by one place in the plan, with the value it resolves to.

    `part` is "global" (地区/年份/单位, listed once), "title", "preamble", "item" or
    "closing". `chapter` and `item` are 1-based positions in the plan (item = position
    within its chapter), None outside chapters.
    """

    name: str
    slot: Slot
    value: Any
    origin: Origin
    part: str = "item"
    chapter: int | None = None
    item: int | None = None
    clause: str | None = None
    line: int | None = None
    error: str | None = None  # validate_value's message for a present but invalid value

    @property
    def label(self) -> str:
        return self.slot.label or self.name

    @property
    def location(self) -> Location:
        return Location(chapter=self.chapter, item=self.item, clause=self.clause, line=self.line)


def placeholder_names(text: str) -> list[str]:
    """Names used in `{{ … }}` placeholders, in order of first appearance, no repeats."""
    return _scan_names(text or "")


def item_wording(item: PlanItem, cat: Catalogue) -> tuple[str, str, list[Slot]] | None:
    """(lead, body, declared slots) of an item as it will render; None for an unknown id."""
    if item.clause is None:
        return item.lead or "", item.body or "", []
    clause = cat.get(item.clause)
    if clause is None:
        return None
    lead, body, slots = clause.wording(item.variant)
    if item.lead is not None:
        lead = item.lead
    if item.body is not None:
        body = item.body
    return lead, body, slots


def text_wording(part: PlanText | None, cat: Catalogue) -> tuple[str, list[Slot]] | None:
    """Text and declared slots of a preamble/closing; None when absent or the id is unknown."""
    if part is None:
        return None
    if part.text is not None:
        clause = cat.get(part.clause) if part.clause else None
        return part.text, list(clause.slots) if clause else []
    clause = cat.get(part.clause) if part.clause else None
    if clause is None:
        return None
    return clause.text, list(clause.slots)


def _slots_for(text: str, declared: list[Slot]) -> list[Slot]:
    """Declared slots the text uses, then undeclared names as text slots labelled by name."""
    used = [n for n in placeholder_names(text) if n not in GLOBAL_NAMES]
    by_name = {s.name: s for s in declared}
    return [by_name.get(n) or Slot(name=n, label=n, type="text") for n in used]


def _resolve(
    slot: Slot, item_values: dict[str, Any], plan: Plan
) -> tuple[Any, Origin, str | None]:
    if slot.name in item_values and not _is_blank(item_values[slot.name]):
        raw, origin = item_values[slot.name], "item"
    elif slot.name in plan.values and not _is_blank(plan.values[slot.name]):
        raw, origin = plan.values[slot.name], "plan"
    elif not _is_blank(slot.default):
        raw, origin = slot.default, "default"
    else:
        return None, "missing", None
    value, error = validate_value(slot.type, raw, unit=slot.unit)
    return (raw if error else value), origin, error


def _global_uses(plan: Plan) -> Iterator[SlotUse]:
    meta_values = {"地区": plan.meta.region, "年份": plan.meta.year, "单位": plan.meta.organ}
    for name in GLOBAL_NAMES:
        slot = Slot(name=name, label=GLOBAL_LABELS[name], type=_GLOBAL_TYPES[name])  # type: ignore[arg-type]
        if name in plan.values and not _is_blank(plan.values[name]):
            raw, origin, line = plan.values[name], "plan", plan.value_lines.get(name)
        elif not _is_blank(meta_values[name]):
            raw, origin, line = meta_values[name], "default", None
        else:
            yield SlotUse(name, slot, None, "missing", part="global")
            continue
        value, error = validate_value(slot.type, raw)
        yield SlotUse(name, slot, raw if error else value, origin, part="global",  # type: ignore[arg-type]
                      line=line, error=error)


def slot_uses(plan: Plan, cat: Catalogue) -> list[SlotUse]:
    """Every slot the plan uses: globals once, then title, preamble, items, closing in order.

    Items whose clause id is not in the catalogue are skipped (the renderer reports them).
    """
    uses = list(_global_uses(plan))
    headings = "\n".join(c.heading or "" for c in plan.chapters)
    head_text = f"{plan.meta.title}\n{plan.meta.options.caption or ''}\n{headings}"
    for slot in _slots_for(head_text, []):
        value, origin, error = _resolve(slot, {}, plan)
        uses.append(SlotUse(slot.name, slot, value, origin, part="title",
                            line=plan.value_lines.get(slot.name), error=error))
    for part_name, part in (("preamble", plan.preamble), ("closing", plan.closing)):
        if part_name == "closing":
            uses.extend(_item_uses(plan, cat))
        wording = text_wording(part, cat)
        if wording is None or part is None:
            continue
        for slot in _slots_for(*wording):
            value, origin, error = _resolve(slot, {}, plan)
            uses.append(SlotUse(slot.name, slot, value, origin, part=part_name,
                                clause=part.clause, line=part.line, error=error))
    return uses


def _item_uses(plan: Plan, cat: Catalogue) -> Iterator[SlotUse]:
    for ci, chapter in enumerate(plan.chapters, start=1):
        for ii, item in enumerate(chapter.items, start=1):
            wording = item_wording(item, cat)
            if wording is None:
                continue
            lead, body, declared = wording
            for slot in _slots_for(f"{lead}\n{body}", declared):
                value, origin, error = _resolve(slot, item.values, plan)
                line = item.line
                if origin == "plan":
                    line = plan.value_lines.get(slot.name, item.line)
                yield SlotUse(slot.name, slot, value, origin, chapter=ci, item=ii,
                              clause=item.clause, line=line, error=error)


def _where(use: SlotUse) -> str:
    if use.part == "global":
        return "全局参数"
    if use.part in ("title", "preamble", "closing"):
        word = {"title": "标题", "preamble": "总体要求", "closing": "结束语"}[use.part]
        return f"{word}（{use.clause}）" if use.clause else word
    return use.location.describe()


def missing_values(plan: Plan, cat: Catalogue,
                   uses: list[SlotUse] | None = None) -> list[Problem]:
    """One problem per missing value (globals only when some text uses them)."""
    return [p for p, missing in _value_problems(plan, cat, uses) if missing]


def value_problems(plan: Plan, cat: Catalogue,
                   uses: list[SlotUse] | None = None) -> list[Problem]:
    """Missing values and values of the wrong type, every one of them, in plan order."""
    return [p for p, _ in _value_problems(plan, cat, uses)]


def _value_problems(plan: Plan, cat: Catalogue,
                    uses: list[SlotUse] | None) -> Iterator[tuple[Problem, bool]]:
    used_globals = _used_globals(plan, cat)
    for use in slot_uses(plan, cat) if uses is None else uses:
        if use.origin == "missing":
            if use.part == "global" and use.name not in used_globals:
                continue
            if use.part == "global":
                hint = f"请在 meta 或 values 中填写 {use.name}"
            else:
                hint = f"请在 values 或该条目的 values 中填写“{use.name}: 值”"
            yield Problem(f"缺少参数“{use.label}”（{use.name}）的值", file=plan.path,
                          line=use.line, where=_where(use), hint=hint), True
        elif use.error:
            yield Problem(f"参数“{use.label}”（{use.name}）的值有误：{use.error}",
                          file=plan.path, line=use.line, where=_where(use),
                          hint=f"该参数应为{type_word(use.slot.type)}"), False


def _used_globals(plan: Plan, cat: Catalogue) -> set[str]:
    texts = [plan.meta.title, plan.meta.options.caption or "", plan.meta.organ]
    for part in (plan.preamble, plan.closing):
        wording = text_wording(part, cat)
        if wording:
            texts.append(wording[0])
    for chapter in plan.chapters:
        texts.append(chapter.heading or "")
        for item in chapter.items:
            wording = item_wording(item, cat)
            if wording:
                texts.extend(wording[:2])
    names = {n for t in texts for n in placeholder_names(t)}
    return names & set(GLOBAL_NAMES)


def unused_values(plan: Plan, cat: Catalogue) -> list[Problem]:
    """Values given in the plan that no text uses: usually a misspelt slot name."""
    used = {u.name for u in slot_uses(plan, cat)} | set(GLOBAL_NAMES)
    problems = [Problem(f"参数“{name}”没有被任何条目使用", file=plan.path,
                        line=plan.value_lines.get(name), where="values",
                        hint="名称是否写错？可在终端界面的参数表中查看各条目的参数名")
                for name in plan.values if name not in used]
    for ci, chapter in enumerate(plan.chapters, start=1):
        for ii, item in enumerate(chapter.items, start=1):
            wording = item_wording(item, cat)
            if wording is None:
                continue
            names = set(placeholder_names(f"{wording[0]}\n{wording[1]}"))
            for name in item.values:
                if name not in names:
                    problems.append(Problem(
                        f"参数“{name}”没有被本条使用", file=plan.path, line=item.line,
                        where=f"第{ci}章 第{ii}条", hint="名称是否写错？"))
    return problems
