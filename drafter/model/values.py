"""Slot values: check what a user typed against a slot's type.

Shared by resolution (`model.resolve`), the TUI values form (which validates as the user
types) and the checks. Pure functions: no I/O, no Jinja (placeholder names are read with a
small scanner that is only correct for text the placeholder AST check has already accepted).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from drafter.model.placeholders import placeholder_names as _scan_names
from drafter.model.years import YEAR_MAX, YEAR_MIN

GLOBAL_LABELS: dict[str, str] = {"地区": "地区", "年份": "年份", "单位": "单位（发文机关）"}
GLOBAL_TYPES: dict[str, str] = {"地区": "text", "年份": "year", "单位": "text"}

_TYPE_WORDS: dict[str, str] = {
    "integer": "整数",
    "decimal": "数字",
    "percent": "百分比",
    "year": "年份",
    "text": "文字",
}

_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")


# --------------------------------------------------------------------------- typed values


def is_blank(raw: object) -> bool:
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
    if is_blank(raw):
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


# --------------------------------------------------------------------------- placeholder names


def placeholder_names(text: str) -> list[str]:
    """Names used in `{{ … }}` placeholders, in order of first appearance, no repeats."""
    return _scan_names(text or "")
