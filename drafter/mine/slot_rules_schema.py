"""The slot rules file's format (drafter/mine/data/slots.yaml), declared once with pydantic.

Word lists (units, label words, …) and a few numbers and maps. To add a setting: add a field
here with its default; `drafter.mine.slot_rules` compiles the rules from these fields by name.
"""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import BeforeValidator, ConfigDict, Field, ValidationInfo

from drafter.util.validation import Strict


def _text_list(value: Any, info: ValidationInfo) -> Any:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise ValueError(f"{info.field_name} 应是文字列表（每项一段非空文字）")
    return value


def _list(value: Any, info: ValidationInfo) -> Any:
    if value is None:
        return []
    if not isinstance(value, list):
        raise ValueError(f"{info.field_name} 应是文字列表")
    return value


def _need(name: str, test: Any, need: str) -> BeforeValidator:
    def check(value: Any) -> Any:
        if not test(value):
            raise ValueError(f"{name} {need}")
        return value
    return BeforeValidator(check)


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _str_mapping(value: Any) -> bool:
    return isinstance(value, dict) and all(isinstance(v, str) for v in value.values())


def _run(value: Any) -> Any:
    from drafter.mine.slot_rules import first_char

    if not isinstance(value, str) or not value:
        raise ValueError("placeholder_runs 应是文字列表（每项一段正则）")
    try:
        re.compile(value)
    except re.error as exc:
        raise ValueError(f"正则“{value}”无效（第 {exc.pos} 个字符附近）") from None
    if first_char(value) is None:
        raise ValueError(f"正则“{value}”应以一个固定字符开头（如 \\*{{3,}}）")
    return value


def _single_char(value: Any) -> Any:
    if not isinstance(value, str) or len(value) != 1:
        raise ValueError(f"label_trim_suffix 中的“{value}”应是单个字")
    return value


TextList = Annotated[list[str], BeforeValidator(_text_list)]
Runs = Annotated[list[Annotated[str, BeforeValidator(_run)]], BeforeValidator(_list)]
Chars = Annotated[list[Annotated[str, BeforeValidator(_single_char)]], BeforeValidator(_list)]


class SlotRulesFile(Strict):
    model_config = ConfigDict(title="设置")

    units: TextList = Field(default_factory=list)
    magnitudes: TextList = Field(default_factory=list)
    approx: TextList = Field(default_factory=list)
    percent_units: TextList = Field(default_factory=list)
    decimal_units: TextList = Field(default_factory=list)
    placeholder_runs: Runs = Field(default_factory=list)
    label_strip_prefix: TextList = Field(default_factory=list)
    label_strip_suffix: TextList = Field(default_factory=list)
    label_post_stop: TextList = Field(default_factory=list)
    label_post_skip: TextList = Field(default_factory=list)
    label_link_words: TextList = Field(default_factory=list)
    label_pre_boundaries: TextList = Field(default_factory=list)
    name_heads: TextList = Field(default_factory=list)
    label_trim_suffix: Chars = Field(default_factory=list)
    label_keep_words: TextList = Field(default_factory=list)
    label_quantifiers: TextList = Field(default_factory=list)
    year_fixed_after: TextList = Field(default_factory=list)
    not_unit_before: Annotated[dict[str, Any], _need(
        "not_unit_before", lambda v: isinstance(v, dict)
        and all(isinstance(x, list) for x in v.values()), "应是“单位: [字, …]”的映射",
    )] = Field(default_factory=dict)
    unit_names: Annotated[dict[str, str], _need(
        "unit_names", _str_mapping, "应是“字: 词”的映射")] = Field(default_factory=dict)
    placeholder_calendar: Annotated[dict[str, str], _need(
        "placeholder_calendar", _str_mapping, "应是“字: 词”的映射")] = Field(default_factory=dict)
    placeholder_chars: Annotated[str, _need(
        "placeholder_chars", lambda v: isinstance(v, str) and v, "应是一串字符")] = "xX"
    year_window: Annotated[list[int], _need(
        "year_window", lambda v: isinstance(v, list) and len(v) == 2
        and all(_is_int(x) for x in v), "应是两个整数，如 [-3, 2]")] = Field(
        default_factory=lambda: [-3, 2])
    year_range_max_span: Annotated[int, _need(
        "year_range_max_span", lambda v: _is_int(v) and v >= 0, "应是非负整数")] = 2
    label_max: Annotated[int, _need(
        "label_max", lambda v: _is_int(v) and v >= 2, "应是不小于 2 的整数")] = 16
    protected_pairs: Annotated[list[list[str]], _need(
        "protected_pairs", lambda v: isinstance(v, list) and all(
            isinstance(p, list) and len(p) == 2 and all(isinstance(c, str) and c for c in p)
            for p in v), "应是成对符号的列表，如 [“《”, “》”]")] = Field(default_factory=list)
