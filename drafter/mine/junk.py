"""Website junk: decide which lines and in-paragraph fragments of a copied plan are not plan.

The rules are data (drafter/mine/data/junk.yaml) so a maintainer can extend them without
touching code; they are loaded lazily, once. One rule is code because it needs context:
a search-result excerpt before the text ("标题正文开头……", truncated with an ellipsis) that
repeats the lines after it. This module only judges text; it does not reorder or rewrap.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from drafter.model.errors import DrafterError
from drafter.util.yamlio import load_yaml

RULES_FILE = Path(__file__).parent / "data" / "junk.yaml"
SHORT_LINE = 60
_RULE_KEYS = ("lines", "short_lines", "fragments")
# A line that starts like an item is plan text, whatever words it contains.
_MARKER_START = re.compile(
    r"^\s*(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,3}[.、．](?!\d))"
)
_ELLIPSIS_END = re.compile(r"(?:\.{3,}|…+|。。。)\s*$")
_EXCERPT_MIN = 12  # characters an excerpt must share with the text after it


@dataclass(frozen=True)
class JunkRules:
    lines: re.Pattern[str] | None
    short_lines: re.Pattern[str] | None
    fragments: re.Pattern[str] | None


@cache
def load_rules(path: Path = RULES_FILE) -> JunkRules:
    """The rules in `path`, compiled into one pattern per kind (DrafterError with file:line)."""
    from drafter.mine.junk_schema import JunkFile
    from drafter.util.validation import validate

    data, lines = load_yaml(path.read_text(encoding="utf-8"), str(path))
    if not isinstance(data, dict):
        raise DrafterError.one("垃圾文字规则文件应是一个含 lines / short_lines / fragments 的映射",
                               file=str(path))
    parsed = validate(JunkFile, data, lines, str(path))
    return JunkRules(**{key: _compile(getattr(parsed, key)) for key in _RULE_KEYS})


def _compile(rules: list[str] | None) -> re.Pattern[str] | None:
    return re.compile("|".join(f"(?:{rule})" for rule in rules)) if rules else None


def is_junk_line(text: str, rules: JunkRules | None = None) -> bool:
    """True when the whole line is site furniture (never for a line that starts like an item)."""
    rules = rules or load_rules()
    stripped = text.strip()
    if not stripped or _MARKER_START.match(stripped):
        return False
    if rules.lines is not None and rules.lines.search(stripped):
        return True
    return (len(stripped) <= SHORT_LINE and rules.short_lines is not None
            and rules.short_lines.search(stripped) is not None)


def strip_fragments(text: str, rules: JunkRules | None = None) -> tuple[str, list[str]]:
    """`text` without in-paragraph junk, and the fragments cut out."""
    rules = rules or load_rules()
    if rules.fragments is None:
        return text, []
    cut: list[str] = []

    def drop(match: re.Match[str]) -> str:
        cut.append(match.group(0).strip())
        return ""

    return rules.fragments.sub(drop, text), cut


def is_excerpt(line: str, following: list[str]) -> bool:
    """A search-result excerpt: truncated with an ellipsis and repeating the text after it.

    `following` is the next few non-empty lines; the excerpt must be a prefix of their
    concatenation (ignoring spaces), at least _EXCERPT_MIN characters long.
    """
    if not _ELLIPSIS_END.search(line):
        return False
    head = re.sub(r"\s+", "", _ELLIPSIS_END.sub("", line))
    if len(head) < _EXCERPT_MIN:
        return False
    after = re.sub(r"\s+", "", "".join(following))
    probe = head[: min(len(head), 60)]
    return after.startswith(probe)
