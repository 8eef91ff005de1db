"""The rule table: time-bound formulations with effective dates, read from YAML.

drafter ships `drafter/check/data/rules.yaml`; a bureau may pass its own file (`--rules FILE`)
whose rules override built-in ones with the same id (field by field) or add new ones, and which
may switch whole rule families off or set the bureau profile (required chapters, year-range dash).
This module only parses and validates the table; it never checks a draft.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from drafter.model.errors import DrafterError, Problem
from drafter.util.userregex import TimedPattern, UnsafePattern, compile_user_regex
from drafter.util.yamlio import LineMap, load_yaml, read_text_bounded

Severity = Literal["错误", "警告", "提示"]
SEVERITIES: tuple[str, ...] = ("错误", "警告", "提示")

_TOP_KEYS = {"rules", "junk", "disable", "profile"}
_RULE_KEYS = {
    "id", "label", "pattern", "literal", "unless", "valid_from", "valid_until", "stale_from",
    "years", "grace_before", "grace_after", "severity", "severity_early", "message", "suggest",
    "enabled",
}
_PROFILE_KEYS = {"required_chapters", "dash", "baseline_tolerance"}
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")


@dataclass(frozen=True)
class TimeRule:
    """A formulation that is only right for some plan years."""

    id: str
    label: str
    pattern: TimedPattern
    message: str
    severity: Severity = "警告"
    severity_early: Severity = "错误"
    unless: TimedPattern | None = None
    valid_from: int | None = None
    valid_until: int | None = None
    years: tuple[int, ...] = ()
    grace_before: int = 0
    grace_after: int = 0
    suggest: str | None = None
    enabled: bool = True

    def first_year(self) -> int | None:
        return min(self.years) if self.years else self.valid_from

    def last_year(self) -> int | None:
        return max(self.years) if self.years else self.valid_until

    def verdict(self, year: int) -> Literal["ok", "early", "stale"]:
        """Is the formulation right in a plan for `year`?"""
        if self.years:
            if year in self.years:
                return "ok"
            if any(0 < y - year <= self.grace_before for y in self.years):
                return "ok"
            if any(0 < year - y <= self.grace_after for y in self.years):
                return "ok"
            return "early" if year < min(self.years) else "stale"
        if self.valid_from is not None and year < self.valid_from - self.grace_before:
            return "early"
        if self.valid_until is not None and year > self.valid_until + self.grace_after:
            return "stale"
        return "ok"


@dataclass(frozen=True)
class CheckProfile:
    """What a bureau decides: required chapter keys, the year-range dash, baseline tolerance."""

    required_chapters: tuple[str, ...] = ("党建", "保障")
    dash: str | None = None  # "—" or "-"; None: either, but one of them consistently
    baseline_tolerance: float = 0.5  # a value more than 50 % away from last year's is flagged


@dataclass(frozen=True)
class RuleTable:
    rules: tuple[TimeRule, ...] = ()
    junk: tuple[TimedPattern, ...] = ()
    disabled: frozenset[str] = frozenset()
    profile: CheckProfile = field(default_factory=CheckProfile)

    def active(self) -> tuple[TimeRule, ...]:
        return tuple(r for r in self.rules if r.enabled and r.id not in self.disabled)

    def is_enabled(self, rule_id: str) -> bool:
        """A rule id or its family prefix ("punct" disables "punct.halfwidth") may be disabled."""
        family = rule_id.split(".", 1)[0]
        return rule_id not in self.disabled and family not in self.disabled


def default_rules_text() -> str:
    return resources.files("drafter.check").joinpath("data/rules.yaml").read_text("utf-8")


@lru_cache(maxsize=1)
def default_table() -> RuleTable:
    """The bundled table (parsed once per process)."""
    return parse_table(default_rules_text(), "drafter/check/data/rules.yaml")


def load_table(path: Path | None = None) -> RuleTable:
    """The bundled table, extended or overridden by a bureau's file when one is given."""
    base = default_table()
    if path is None:
        return base
    return parse_table(read_text_bounded(Path(path), "规则文件"), str(path), base=base)


def parse_table(text: str, file: str, *, base: RuleTable | None = None) -> RuleTable:
    """Parse a rule file; every problem is reported at once with file:line."""
    data, lines = load_yaml(text, file)
    problems: list[Problem] = []
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise DrafterError.one("规则文件的顶层应为映射（rules: / junk: / disable: / profile:）",
                               file=file, line=1)
    for key in data:
        if key not in _TOP_KEYS:
            problems.append(_problem(f"未知的顶层字段“{key}”", file, lines, key,
                                     hint=f"可用字段：{'、'.join(sorted(_TOP_KEYS))}"))
    merged: dict[str, TimeRule] = {r.id: r for r in base.rules} if base else {}
    for i, raw in enumerate(_as_list(data.get("rules"), "rules", file, lines, problems)):
        rule = _parse_rule(raw, merged, file, lines, ("rules", i), problems)
        if rule is not None:
            merged[rule.id] = rule
    junk = list(base.junk) if base else []
    for i, raw in enumerate(_as_list(data.get("junk"), "junk", file, lines, problems)):
        pattern = _regex(raw, False, file, lines, ("junk", i), problems)
        if pattern is not None:
            junk.append(pattern)
    disabled = set(base.disabled) if base else set()
    for raw in _as_list(data.get("disable"), "disable", file, lines, problems):
        disabled.add(str(raw))
    profile = _parse_profile(data.get("profile"), base.profile if base else CheckProfile(),
                             file, lines, problems)
    if problems:
        raise DrafterError(problems)
    return RuleTable(tuple(merged.values()), tuple(junk), frozenset(disabled), profile)


def _problem(message: str, file: str, lines: LineMap, *path: Any, hint: str | None = None
             ) -> Problem:
    return Problem(message, file=file, line=lines.line(*path), hint=hint)


def _as_list(value: Any, key: str, file: str, lines: LineMap, problems: list[Problem]
             ) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        problems.append(_problem(f"“{key}”应为列表", file, lines, key))
        return []
    return value


def _regex(raw: Any, literal: bool, file: str, lines: LineMap, path: tuple[Any, ...],
           problems: list[Problem]) -> TimedPattern | None:
    """A pattern from a rule file: nested repeats refused, every search under a time limit."""
    if not isinstance(raw, str) or not raw:
        problems.append(_problem("应为非空文字（正则表达式）", file, lines, *path))
        return None
    line = lines.line(*path)
    try:
        return compile_user_regex(raw, literal=literal,
                                  where=f"{file}:{line}" if line else file)
    except UnsafePattern as exc:
        problems.append(_problem(str(exc), file, lines, *path,
                                 hint="( ) [ ] ? * + 等需用反斜杠转义，或设 literal: true"))
        return None


def _year(raw: Any, file: str, lines: LineMap, path: tuple[Any, ...], problems: list[Problem]
          ) -> int | None:
    if raw is None:
        return None
    if isinstance(raw, bool) or not isinstance(raw, int) or not 1949 <= raw <= 2100:
        problems.append(_problem(f"“{raw}”不是年份（应为四位数，如 2023）", file, lines, *path))
        return None
    return raw


def _parse_rule(raw: Any, known: dict[str, TimeRule], file: str, lines: LineMap,
                path: tuple[Any, ...], problems: list[Problem]) -> TimeRule | None:
    if not isinstance(raw, dict):
        problems.append(_problem("每条规则应为映射（id: … pattern: …）", file, lines, *path))
        return None
    before = len(problems)
    for key in raw:
        if key not in _RULE_KEYS:
            problems.append(_problem(f"规则中有未知字段“{key}”", file, lines, *path, key,
                                     hint=f"可用字段：{'、'.join(sorted(_RULE_KEYS))}"))
    rule_id = raw.get("id")
    if not isinstance(rule_id, str) or not _ID.fullmatch(rule_id):
        problems.append(_problem("规则缺少 id，或 id 含有字母、数字、连字符以外的字符",
                                 file, lines, *path))
        return None
    old = known.get(rule_id)
    if old is None:
        for key in ("pattern", "message"):
            if key not in raw:
                problems.append(_problem(f"新规则“{rule_id}”缺少“{key}”", file, lines, *path))
    changes: dict[str, Any] = {}
    literal = bool(raw.get("literal", False))
    for key in ("pattern", "unless"):
        if key in raw:
            changes[key] = _regex(raw[key], literal, file, lines, (*path, key), problems)
    for key in ("label", "message", "suggest"):
        if key in raw:
            if not isinstance(raw[key], str):
                problems.append(_problem(f"“{key}”应为文字", file, lines, *path, key))
            changes[key] = str(raw[key])
    for key in ("severity", "severity_early"):
        if key in raw:
            if raw[key] not in SEVERITIES:
                problems.append(_problem(f"“{key}”应为 错误、警告 或 提示", file, lines,
                                         *path, key))
            changes[key] = raw[key]
    for key in ("valid_from", "valid_until", "stale_from"):
        if key in raw:
            changes[key] = _year(raw[key], file, lines, (*path, key), problems)
    if "stale_from" in changes:
        if "valid_until" in raw:
            problems.append(_problem("stale_from 与 valid_until 只能写一个", file, lines, *path))
        stale = changes.pop("stale_from")
        changes["valid_until"] = stale - 1 if stale is not None else None
    if "years" in raw:
        years = raw["years"] if isinstance(raw["years"], list) else [raw["years"]]
        changes["years"] = tuple(
            y for i, v in enumerate(years)
            if (y := _year(v, file, lines, (*path, "years", i), problems)) is not None
        )
    for key in ("grace_before", "grace_after"):
        if key in raw:
            value = raw[key]
            if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 10:
                problems.append(_problem(f"“{key}”应为 0 到 10 的整数", file, lines, *path, key))
            changes[key] = value
    if "enabled" in raw:
        changes["enabled"] = bool(raw["enabled"])
    if len(problems) > before:
        return None
    if old is not None:
        return replace(old, **changes)
    changes.setdefault("label", rule_id)
    return TimeRule(id=rule_id, **changes)


def _parse_profile(raw: Any, base: CheckProfile, file: str, lines: LineMap,
                   problems: list[Problem]) -> CheckProfile:
    if raw is None:
        return base
    if not isinstance(raw, dict):
        problems.append(_problem("“profile”应为映射", file, lines, "profile"))
        return base
    changes: dict[str, Any] = {}
    for key, value in raw.items():
        if key not in _PROFILE_KEYS:
            problems.append(_problem(f"profile 中有未知字段“{key}”", file, lines, "profile", key,
                                     hint=f"可用字段：{'、'.join(sorted(_PROFILE_KEYS))}"))
        elif key == "required_chapters":
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                problems.append(_problem("required_chapters 应为章节键列表", file, lines,
                                         "profile", key))
            else:
                changes[key] = tuple(value)
        elif key == "dash":
            if value not in ("—", "-", None):
                problems.append(_problem("dash 只能是“—”或“-”", file, lines, "profile", key))
            changes[key] = value
        elif key == "baseline_tolerance":
            if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
                problems.append(_problem("baseline_tolerance 应为正数（如 0.5 表示 50%）",
                                         file, lines, "profile", key))
            else:
                changes[key] = float(value)
    return replace(base, **changes)
