"""The slot rules of `drafter/mine/data/slots.yaml`, read once and compiled to regexes.

Why: which units make a number a slot, which words to drop from a label, and how far a
year may be from the plan year are judgment calls that maintainers tune without touching
code. This module only loads, validates and compiles; `drafter.mine.slots` applies the
rules. It must not read the file more than once per process.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from drafter.model.errors import DrafterError
from drafter.util.yamlio import load_yaml

RULES_FILE = "drafter/mine/data/slots.yaml"
# "1500", "1,500", "1 122" (thousands by comma or space, as printed copies have), "94.5"
NUMBER = r"(?:\d{1,3}(?:[,\u00a0\u2009 ]\d{3})+(?!\d)|\d+)(?:[.．]\d+)?"
_LIST_KEYS = ("units", "magnitudes", "approx", "percent_units", "decimal_units",
              "placeholder_runs", "label_strip_prefix", "label_strip_suffix",
              "label_post_stop", "label_post_skip", "label_link_words", "label_pre_boundaries",
              "name_heads", "label_trim_suffix", "label_keep_words", "label_quantifiers",
              "year_fixed_after")


@dataclass(frozen=True)
class SlotRules:
    number: re.Pattern[str]  # groups: a, sep, b, mag, approx, unit
    year: re.Pattern[str]  # groups: y1, sep, y2
    placeholder: re.Pattern[str]  # groups: ph, mag, approx, unit
    hint: re.Pattern[str]  # a cheap test: could this text hold a placeholder at all?
    region_generic: str  # regex for "XX" / "某" before a region level character
    year_placeholder: str  # regex for "20xx" / "xxxx"
    protected: re.Pattern[str]
    percent_units: frozenset[str]
    decimal_units: frozenset[str]
    unit_names: dict[str, str]
    calendar: dict[str, str]  # "月" -> "月份": a placeholder before it is a whole number
    placeholder_chars: str
    year_window: tuple[int, int]
    year_range_max_span: int
    strip_prefix: dict[str, tuple[str, ...]]  # by first character, longest first
    strip_suffix: dict[str, tuple[str, ...]]  # link words, by last character, longest first
    quantifiers: dict[str, tuple[str, ...]]  # quantity words, by last character, longest first
    link_words: re.Pattern[str]  # the last link word in a label ("达到")
    pre_boundaries: frozenset[str]
    trim_suffix: str  # characters dropped from a label's end without ending it
    keep_words: tuple[str, ...]  # words prefix stripping must not break
    name_head: re.Pattern[str]  # up to the first institution word after "xx"
    post: re.Pattern[str]
    label_max: int


@cache
def load_slot_rules() -> SlotRules:
    text = resources.files("drafter.mine").joinpath("data/slots.yaml").read_text("utf-8")
    return parse_slot_rules(text, RULES_FILE)


def parse_slot_rules(text: str, file: str) -> SlotRules:
    """Compile rules text; DrafterError listing every problem with file:line."""
    from drafter.mine.slot_rules_schema import SlotRulesFile
    from drafter.util.validation import validate

    data, lines = load_yaml(text, file)
    if not isinstance(data, dict):
        raise DrafterError.one("参数规则文件应是一个映射", file=file)
    parsed = validate(SlotRulesFile, data, lines, file, hint="请修改参数规则文件")
    values = parsed.model_dump()
    lists = {key: values.pop(key) for key in _LIST_KEYS}
    return _compile(lists, values)


def _compile(lists: dict[str, list[str]], values: dict[str, Any]) -> SlotRules:
    cls = re.escape(values["placeholder_chars"])
    year_ph = rf"(?:(?:19|20)[{cls}]{{2}}|[{cls}]{{4}})"
    tail = _tail_regex(lists, values["not_unit_before"])
    pairs = values["protected_pairs"]
    return SlotRules(
        number=re.compile(
            rf"(?<![0-9A-Za-z.．:：/+＋\-－_第])(?<!第\s)(?<![0-9][,\u00a0\u2009 ])"
            rf"(?P<a>{NUMBER})(?:(?P<sep>\s*[-—–－~～至到]\s*)(?P<b>{NUMBER}))?{tail}"),
        year=_year_regex(lists["year_fixed_after"]),
        placeholder=re.compile(
            rf"(?<![A-Za-z])(?P<ph>{_placeholder_regex(cls, year_ph, lists)})(?![A-Za-z])"
            rf"(?:{tail})?"),
        hint=re.compile(f"[{cls}{_first_chars(lists['placeholder_runs'])}某]"),
        region_generic=rf"(?:(?<![A-Za-z])[{cls}]{{1,4}}|某)",
        year_placeholder=year_ph,
        protected=re.compile("|".join(
            f"{re.escape(a)}[^{re.escape(a + b)}]*{re.escape(b)}" for a, b in pairs) or "(?!)"),
        percent_units=frozenset(lists["percent_units"]),
        decimal_units=frozenset(lists["decimal_units"]),
        unit_names={str(k): str(v) for k, v in values["unit_names"].items()},
        calendar={str(k): str(v) for k, v in values["placeholder_calendar"].items()},
        placeholder_chars=values["placeholder_chars"],
        year_window=(int(values["year_window"][0]), int(values["year_window"][1])),
        year_range_max_span=values["year_range_max_span"],
        strip_prefix=_by_char(lists["label_strip_prefix"], 0),
        strip_suffix=_by_char(lists["label_strip_suffix"], -1),
        quantifiers=_by_char(lists["label_quantifiers"], -1),
        link_words=re.compile(_alternation(lists["label_link_words"])),
        pre_boundaries=frozenset(lists["label_pre_boundaries"]),
        trim_suffix="".join(lists["label_trim_suffix"]),
        keep_words=tuple(lists["label_keep_words"]),
        name_head=_name_head_regex(lists["name_heads"]),
        post=_post_regex(lists["label_post_skip"], lists["label_post_stop"],
                         values["label_max"]),
        label_max=values["label_max"],
    )


def _tail_regex(lists: dict[str, list[str]], not_before: dict[Any, Any]) -> str:
    """Magnitude, approximation and unit after a number ("1.2万余人", "3000余万元")."""
    mag, approx = _alternation(lists["magnitudes"]), _alternation(lists["approx"])
    unit = _unit_regex(lists["units"], not_before)
    return (rf"(?P<mag>{mag})?(?P<approx>{approx})?(?P<mag2>{mag})?[ \t]?"
            rf"(?P<unit>{unit})")


def _year_regex(fixed_after: list[str]) -> re.Pattern[str]:
    """A year (or a range of two) before 年/届/学年, not an edition year such as 2022年版."""
    return re.compile(
        r"(?<![0-9.．])(?P<y1>(?:19|20)\d\d)"
        r"(?:(?P<sep>\s*年?\s*[-—–－~～至到]\s*)(?P<y2>(?:19|20)\d\d))?(?=\s*(?:年|届|学年))"
        rf"(?!\s*(?:{_alternation(fixed_after)}))")


def _placeholder_regex(cls: str, year_ph: str, lists: dict[str, list[str]]) -> str:
    """x.xx, 20xx/xxxx (before 年 or a range), runs of 2+, a single x between Chinese
    characters, and the configured runs (***, □□…)."""
    ph_year = rf"{year_ph}(?=\s*(?:年|届|学年|[-—–－~～至到]\s*{year_ph}))"
    single = rf"(?<=[\u4e00-\u9fff])[{cls}](?=[\u4e00-\u9fff])"
    return "|".join([rf"[{cls}]+[.．][{cls}]+", f"(?P<yr>{ph_year})", rf"[{cls}]{{2,}}",
                     single, *lists["placeholder_runs"]])


def _alternation(words: list[str]) -> str:
    """A regex matching any of `words`, longest first (never matches when empty)."""
    return "|".join(map(re.escape, sorted(words, key=len, reverse=True))) or "(?!)"


def _name_head_regex(heads: list[str]) -> re.Pattern[str]:
    """Up to the first institution word ("实验小学"); a one-character head ("县") only
    counts right at the start, so "xx教育按照市委…" does not stop at 市."""
    multi = "|".join(map(re.escape, sorted((h for h in heads if len(h) > 1), key=len,
                                           reverse=True))) or "(?!)"
    single = "".join(re.escape(h) for h in heads if len(h) == 1)
    first = f"[{single}]|" if single else ""
    return re.compile(f"(?:{first}.*?(?:{multi}))")


def _first_chars(patterns: list[str]) -> str:
    """The characters the placeholder-run patterns start with, escaped for a class.

    Each run pattern must open with one fixed character (checked when the rules load), so
    the miner can find candidates with a plain character scan.
    """
    return "".join(re.escape(first_char(p) or "") for p in patterns)


def first_char(pattern: str) -> str | None:
    """The fixed character a placeholder-run pattern starts with, or None."""
    if pattern.startswith("\\") and len(pattern) > 1 and not pattern[1].isalnum():
        return pattern[1]
    if pattern and pattern[0] not in "\\[](){}.*+?^$|":
        return pattern[0]
    return None


def _by_char(words: list[str], index: int) -> dict[str, tuple[str, ...]]:
    """Words grouped by their first (index 0) or last (-1) character, longest first."""
    out: dict[str, list[str]] = {}
    for word in sorted(set(words), key=len, reverse=True):
        out.setdefault(word[index], []).append(word)
    return {ch: tuple(ws) for ch, ws in out.items()}


def _unit_regex(units: list[str], not_before: dict[Any, Any]) -> str:
    parts = []
    for u in sorted(units, key=len, reverse=True):
        stop = "".join(re.escape(str(c)) for c in not_before.get(u, []))
        parts.append(re.escape(u) + (f"(?![{stop}])" if stop else ""))
    return "|".join(parts) or "(?!)"


def _post_regex(skip: list[str], stop: list[str], label_max: int) -> re.Pattern[str]:
    """What follows a unit: optional skip words, then a quoted name or a noun of Chinese
    characters (use `post_noun` to read either)."""
    skips = "|".join(map(re.escape, sorted(skip, key=len, reverse=True))) or "(?!)"
    stops = "|".join(map(re.escape, sorted(stop, key=len, reverse=True)))
    char = rf"(?!{stops})[\u4e00-\u9fff]" if stops else r"[\u4e00-\u9fff]"
    quoted = rf"“(?P<quoted>[^“”]{{1,{label_max}}})”"
    return re.compile(rf"(?:{skips})?(?:{quoted}|(?P<noun>(?:{char}){{0,{label_max}}}))")


def post_noun(m: re.Match[str] | None) -> str:
    """The noun a `SlotRules.post` match found ("" when none)."""
    if m is None:
        return ""
    return m.group("quoted") or m.group("noun") or ""


