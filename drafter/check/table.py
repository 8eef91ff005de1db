"""The rule table: time-bound formulations with effective dates, read from YAML.

drafter ships `drafter/check/data/rules.yaml`; a bureau may pass its own file (`--rules FILE`)
whose rules override built-in ones with the same id (field by field) or add new ones, and which
may switch whole rule families off or set the bureau profile (required chapters, year-range dash).
This module only parses and validates the table (its format is declared in table_schema); it
never checks a draft.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from drafter.model.errors import DrafterError, Problem
from drafter.util.datacache import DataCache
from drafter.util.dataclass_data import build, to_data
from drafter.util.userregex import TimedPattern, compile_user_regex
from drafter.util.yamlio import LineMap, load_yaml, read_text_bounded

if TYPE_CHECKING:
    from drafter.check.table_schema import RuleEntry

Severity = Literal["错误", "警告", "提示"]
SEVERITIES: tuple[str, ...] = ("错误", "警告", "提示")



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
    source: str | None = None  # where the dates come from (a document, a date of issue)
    # Plan years in which the words may mean either of two things (全国教育大会: 2018 or
    # 2024): a hint to say which, once per document; in other years the words are fine.
    ambiguous_years: tuple[int, ...] = ()

    def first_year(self) -> int | None:
        return min(self.years) if self.years else self.valid_from

    def last_year(self) -> int | None:
        return max(self.years) if self.years else self.valid_until

    def verdict(self, year: int) -> Literal["ok", "early", "stale", "ambiguous"]:
        """Is the formulation right in a plan for `year`?"""
        if self.ambiguous_years:
            return "ambiguous" if year in self.ambiguous_years else "ok"
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


_BUNDLED = "drafter/check/data/rules.yaml"
# Rule files validated before, by content (a bureau's file with the bundled one under it) and by
# the code that reads them: a check with unchanged rules neither validates them (pydantic) nor
# compiles a pattern before a rule runs (drafter.util.datacache).
TABLE_CACHE = DataCache("rules", ("check", "model", "util"), 1)


def default_rules_text() -> str:
    return resources.files("drafter.check").joinpath("data/rules.yaml").read_text("utf-8")


@lru_cache(maxsize=1)
def default_table() -> RuleTable:
    """The bundled table (parsed once per process)."""
    where = str(resources.files("drafter.check").joinpath("data/rules.yaml"))
    return _cached_table(default_rules_text(), _BUNDLED, None, where)


def load_table(path: Path | None = None) -> RuleTable:
    """The bundled table, extended or overridden by a bureau's file when one is given."""
    base = default_table()
    if path is None:
        return base
    return _cached_table(read_text_bounded(Path(path), "规则文件"), str(path), base, Path(path))


def _cached_table(text: str, file: str, base: RuleTable | None, where: Path | str) -> RuleTable:
    """`parse_table` of `text` (read from `where`, named `file` in messages), or what it gave
    for this content before."""
    key_text = f"{file}\0{text}\0{default_rules_text() if base else ''}"
    return TABLE_CACHE.get(where, key_text, lambda: parse_table(text, file, base=base),
                           _table_data, _table_from_data)


def _pattern_data(pattern: TimedPattern | None) -> tuple[str, str] | None:
    return None if pattern is None else (pattern.pattern, pattern.where)


def _pattern(data: list[str] | tuple[str, str] | None) -> TimedPattern | None:
    return None if data is None else TimedPattern(data[0], data[1], checked=True)


def _table_data(table: RuleTable) -> dict[str, Any]:
    """The parsed table as plain data (patterns by their source and place)."""
    def rule_data(rule: TimeRule) -> dict[str, Any]:
        patterns = {"pattern": _pattern_data(rule.pattern), "unless": _pattern_data(rule.unless)}
        return {**{f.name: to_data(getattr(rule, f.name)) for f in dataclasses.fields(rule)
                   if f.name not in patterns}, **patterns}

    return {"rules": [rule_data(rule) for rule in table.rules],
            "junk": [_pattern_data(p) for p in table.junk],
            "disabled": sorted(table.disabled), "profile": to_data(table.profile)}


def _table_from_data(data: dict[str, Any]) -> RuleTable:
    rules = tuple(build(TimeRule, {**rule, "pattern": _pattern(rule["pattern"]),
                                   "unless": _pattern(rule["unless"])})
                  for rule in data["rules"])
    return RuleTable(rules, tuple(p for p in map(_pattern, data["junk"]) if p is not None),
                     frozenset(data["disabled"]), build(CheckProfile, data["profile"]))


def parse_table(text: str, file: str, *, base: RuleTable | None = None) -> RuleTable:
    """Parse a rule file; every problem is reported at once with file:line."""
    from drafter.check.table_schema import RuleFile
    from drafter.util.validation import validate

    data, lines = load_yaml(text, file)
    if data is not None and not isinstance(data, dict):
        raise DrafterError.one("规则文件的顶层应为映射（rules: / junk: / disable: / profile:）",
                               file=file, line=1)
    parsed = validate(RuleFile, data, lines, file)
    problems: list[Problem] = []
    merged: dict[str, TimeRule] = {r.id: r for r in base.rules} if base else {}
    for i, entry in enumerate(parsed.rules):
        rule = _rule(entry, merged.get(entry.id), file, lines, ("rules", i), problems)
        if rule is not None:
            merged[rule.id] = rule
    junk = [*(base.junk if base else ()),
            *(compile_user_regex(p, where=_where(file, lines, ("junk", i)))
              for i, p in enumerate(parsed.junk))]
    disabled = set(base.disabled if base else ()) | set(parsed.disable)
    profile = base.profile if base else CheckProfile()
    if parsed.profile is not None:
        changes = parsed.profile.model_dump(exclude_unset=True)
        if "required_chapters" in changes and changes["required_chapters"] is not None:
            changes["required_chapters"] = tuple(changes["required_chapters"])
        profile = replace(profile, **changes)
    if problems:
        raise DrafterError(problems)
    return RuleTable(tuple(merged.values()), tuple(junk), frozenset(disabled), profile)


def _rule(entry: RuleEntry, old: TimeRule | None, file: str, lines: LineMap,
          path: tuple[Any, ...], problems: list[Problem]) -> TimeRule | None:
    """The validated entry as a TimeRule: a new rule, or `old` with the fields it sets."""
    given = entry.model_dump(exclude_unset=True)
    given.pop("literal", None)
    if old is None:
        for key in ("pattern", "message"):
            if given.get(key) is None:
                problems.append(Problem(f"新规则“{entry.id}”缺少“{key}”", file=file,
                                        line=lines.line(*path)))
    if "stale_from" in given:
        if "valid_until" in given:
            problems.append(Problem("stale_from 与 valid_until 只能写一个", file=file,
                                    line=lines.line(*path)))
        stale = given.pop("stale_from")
        given["valid_until"] = stale - 1 if stale is not None else None
    for key in ("pattern", "unless"):
        if given.get(key) is not None:
            raw = given[key]
            # every search under a time limit (drafter.util.userregex)
            given[key] = compile_user_regex(raw, literal=entry.literal,
                                            where=_where(file, lines, (*path, key)))
    for key in ("years", "ambiguous_years"):
        if key in given:
            years = given[key]
            given[key] = tuple(years if isinstance(years, list) else [] if years is None
                               else [years])
    if problems:
        return None
    if old is not None:
        return replace(old, **given)
    given.setdefault("label", entry.id)
    return TimeRule(**given)


def _where(file: str, lines: LineMap, path: tuple[Any, ...]) -> str:
    line = lines.line(*path)
    return f"{file}:{line}" if line else file
