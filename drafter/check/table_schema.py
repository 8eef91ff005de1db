"""The rule file's format, declared once (pydantic, via drafter.util.validation).

A rule entry may be partial: a bureau's file overrides a built-in rule field by field, so every
field but `id` is optional here and `drafter.check.table` requires `pattern` and `message` of
new rules only. To add a rule field: add it here and to `TimeRule`.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, ConfigDict, Field, ValidationInfo, field_validator

from drafter.model.years import plausible_year
from drafter.util.userregex import UnsafePattern, compile_user_regex
from drafter.util.validation import Strict

Severity = Literal["错误", "警告", "提示"]
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")
_REGEX_HINT = "( ) [ ] ? * + 等需用反斜杠转义，或设 literal: true"


def _rule_id(value: Any) -> str:
    if not isinstance(value, str) or not _ID.fullmatch(value):
        raise ValueError("规则缺少 id，或 id 含有字母、数字、连字符以外的字符")
    return value


def _year(value: Any) -> int:
    if not plausible_year(value):
        raise ValueError(f"“{value}”不是年份（应为四位数，如 2023）")
    return int(value)


def _severity(value: Any) -> str:
    if value not in ("错误", "警告", "提示"):
        raise ValueError(f"severity“{value}”无效：应为 错误、警告 或 提示")
    return str(value)


def _grace(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 10:
        raise ValueError(f"宽限年数“{value}”应为 0 到 10 的整数")
    return value


def _regex(value: Any) -> str:
    if not isinstance(value, str) or not value:
        raise ValueError("应为非空文字（正则表达式）")
    return value


def _compiles(value: str) -> str:
    """Refused as drafter.util.userregex refuses it (syntax, nested repeats)."""
    try:
        compile_user_regex(value)
    except UnsafePattern as exc:
        raise ValueError(f"{exc}（{_REGEX_HINT}）") from None
    return value


Year = Annotated[int, BeforeValidator(_year)]
Grace = Annotated[int, BeforeValidator(_grace)]
Regex = Annotated[str, BeforeValidator(_regex)]
SeverityText = Annotated[str, BeforeValidator(_severity)]


class RuleEntry(Strict):
    model_config = ConfigDict(title="规则字段")

    id: Annotated[str, BeforeValidator(_rule_id)]
    label: str | None = None
    literal: bool = False  # before pattern/unless: their check reads it
    pattern: Regex | None = None
    unless: Regex | None = None
    valid_from: Year | None = None
    valid_until: Year | None = None
    stale_from: Year | None = None
    years: list[Year] | Year | None = None
    grace_before: Grace | None = None
    grace_after: Grace | None = None
    severity: SeverityText | None = None
    severity_early: SeverityText | None = None
    message: str | None = None
    suggest: str | None = None
    enabled: bool | None = None

    @field_validator("pattern", "unless")
    @classmethod
    def _pattern_compiles(cls, value: str | None, info: ValidationInfo) -> str | None:
        if value is None or info.data.get("literal"):
            return value
        return _compiles(value)


def _dash(value: Any) -> Any:
    if value not in ("—", "-", None):
        raise ValueError("dash 只能是“—”或“-”")
    return value


def _tolerance(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
        raise ValueError("baseline_tolerance 应为正数（如 0.5 表示 50%）")
    return float(value)


class ProfileEntry(Strict):
    model_config = ConfigDict(title="profile 设置")

    required_chapters: list[str] | None = None
    dash: Annotated[str | None, BeforeValidator(_dash)] = None
    baseline_tolerance: Annotated[float, BeforeValidator(_tolerance)] | None = None


def _none_as_empty(value: Any) -> Any:
    return [] if value is None else value


class RuleFile(Strict):
    model_config = ConfigDict(title="顶层字段")

    rules: Annotated[list[RuleEntry], BeforeValidator(_none_as_empty)] = Field(
        default_factory=list)
    junk: Annotated[list[Annotated[str, BeforeValidator(lambda v: _compiles(_regex(v)))]],
                    BeforeValidator(_none_as_empty)] = Field(default_factory=list)
    disable: Annotated[list[str], BeforeValidator(_none_as_empty)] = Field(default_factory=list)
    profile: ProfileEntry | None = None
