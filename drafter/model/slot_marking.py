"""Make a number typed in an item's text a typed 参数 (slot) of that item (issue 13).

Why: a custom item's numbers ("新建幼儿园12所，普惠率达到90%") are plain text until the
official marks one; then it becomes `{{ 名称 }}` in the text, a `Slot` with her label and a
type (整数, 百分比 …) on the item, and the number she typed its value, so the values form
validates it like any catalogue slot and next year's roll carries it. Pure functions over
text: the TUI's editor calls them; nothing here knows about dialogs or files.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from drafter.model.clause import Slot, SlotType
from drafter.model.placeholders import RESERVED_NAMES, placeholder_spans
from drafter.model.values import validate_value

# A number as typed in Chinese prose: half- or full-width digits, a decimal point, thousands
# separators, an optional percent sign.
_NUMBER = re.compile(r"[0-9０-９]+(?:[,，][0-9０-９]{3})*(?:[.．][0-9０-９]+)?\s*[%％]?")
# Units that follow a number in a plan, longest first (the form strips one typed after a value).
UNITS: tuple[str, ...] = (
    "平方米", "万元", "亿元", "万人次", "万人", "万个", "人次", "个", "所", "人", "名", "次",
    "项", "家", "元", "万", "亿", "间", "台", "套", "个班", "班", "节", "天", "小时", "场",
    "期", "批", "本", "篇", "支", "座", "公里", "户", "件", "门", "课时", "学时",
)
_NAME_JUNK = re.compile(r"[^\w]")


@dataclass(frozen=True)
class NumberAt:
    """A number found in a text: where it is, what it says, and the type it looks like."""

    start: int  # the digits (a trailing % stays in the text after the placeholder)
    end: int
    text: str  # the digits as typed
    type: SlotType
    unit: str | None


def number_at(text: str, pos: int) -> NumberAt | None:
    """The number under (or just before) position `pos`, outside any `{{ }}` placeholder."""
    taken = placeholder_spans(text)
    for match in _NUMBER.finditer(text):
        if not match.start() <= pos <= match.end():
            continue
        if any(s < match.end() and match.start() < e for s, e, _ in taken):
            return None
        digits = match.group().rstrip("%％ \t")
        end = match.start() + len(digits)
        return NumberAt(match.start(), end, digits, *_type_and_unit(text, digits, end))
    return None


def _type_and_unit(text: str, digits: str, end: int) -> tuple[SlotType, str | None]:
    after = text[end:].lstrip()
    plain = unicodedata.normalize("NFKC", digits).replace(",", "")
    if after.startswith(("%", "％")):
        return "percent", "%"
    if after.startswith("年") and re.fullmatch(r"(?:19|20)\d\d", plain):
        return "year", None
    unit = next((u for u in UNITS if after.startswith(u)), None)
    return ("decimal" if "." in plain else "integer"), unit


def slot_name(label: str, taken: set[str]) -> str:
    """A placeholder name for a label: its word characters, unique among `taken`."""
    base = _NAME_JUNK.sub("", unicodedata.normalize("NFKC", label)) or "参数"
    if base[0].isdigit() or base in RESERVED_NAMES:
        base = f"参数{base}"
    name, n = base, 2
    while name in taken:
        name, n = f"{base}_{n}", n + 1
    return name


@dataclass(frozen=True)
class Marked:
    """The text with the number replaced, the new slot, and the number as its value."""

    text: str
    slot: Slot
    value: Any


def mark_slot(text: str, start: int, end: int, *, label: str, slot_type: SlotType,
              unit: str | None, taken: set[str]) -> tuple[Marked | None, str | None]:
    """Replace text[start:end] by a new slot's placeholder; (None, Chinese error) when the
    label is empty or the words do not fit the type (“12.5” as 整数)."""
    label = label.strip()
    if not label:
        return None, "请填写参数名称（如“新建幼儿园”）"
    raw = text[start:end].strip()
    if not raw:
        return None, "没有选中要设为参数的数字或文字"
    value, error = validate_value(slot_type, raw, unit=unit)
    if error:
        return None, error
    name = slot_name(label, taken)
    new = f"{text[:start]}{{{{ {name} }}}}{text[end:]}"
    return Marked(new, Slot(name=name, label=label, type=slot_type, unit=unit), value), None
