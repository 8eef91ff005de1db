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
_RULE_KEYS = ("lines", "short_lines", "fragments", "title_affixes", "elisions", "previews")
# A line that starts like an item is plan text, whatever words it contains.
_MARKER_START = re.compile(
    r"^\s*(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,3}[.、．](?!\d))"
)
# Every elision rule needs one of these; most paragraphs have none, so most skip the rules.
_ELISION_HINT = re.compile(r"[…〔\[]|\.{3}|。。|隐藏|省略|结束|略")
_ELLIPSIS_END = re.compile(r"(?:\.{3,}|…+|。。。)\s*$")
# What a site puts around its excerpt: a label before it, a length note after it.
_EXCERPT_LABEL = re.compile(r"^\s*(?:摘要|导语|内容摘要|内容简介|简介)\s*[:：]\s*")
_EXCERPT_NOTE = re.compile(r"\s*[(（]?\s*全文共\s*[:：]?\s*\d+\s*字\s*[)）]?\s*$")
_EXCERPT_MIN = 12  # characters an excerpt must share with the text after it


@dataclass(frozen=True)
class JunkRules:
    lines: re.Pattern[str] | None
    short_lines: re.Pattern[str] | None
    fragments: re.Pattern[str] | None
    title_affixes: re.Pattern[str] | None = None
    elisions: re.Pattern[str] | None = None
    previews: re.Pattern[str] | None = None
    # The rules of `lines`/`short_lines` anchored with ^, tried only at a line's start (fast).
    lines_at_start: re.Pattern[str] | None = None
    short_lines_at_start: re.Pattern[str] | None = None
    # The `lines` rules anchored with ^, tried at every sentence's start of a line (fast check).
    lines_at_sentence: re.Pattern[str] | None = None


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
    valid: dict[str, list[str]] = {key: getattr(parsed, key) or [] for key in _RULE_KEYS}
    compiled = {key: _join(rules) for key, rules in valid.items()}
    for key in ("lines", "short_lines"):
        anchored = [r for r in valid[key] if _anchored(r)]
        compiled[key] = _join([r for r in valid[key] if not _anchored(r)])
        compiled[f"{key}_at_start"] = _join(anchored)
    at_start = [r[1:] for r in valid["lines"] if _anchored(r)]
    compiled["lines_at_sentence"] = re.compile(
        _SENTENCE_START + "(?:" + "|".join(f"(?:{r})" for r in at_start) + ")"
    ) if at_start else None
    return JunkRules(**compiled)


def _anchored(rule: str) -> bool:
    """A rule that can only match at a line's start: ^ first, no top-level |."""
    if not rule.startswith("^"):
        return False
    depth = 0
    escaped = False
    for ch in rule:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        elif ch == "|" and depth == 0:
            return False
    return True


def _join(rules: list[str]) -> re.Pattern[str] | None:
    return re.compile("|".join(f"(?:{r})" for r in rules)) if rules else None


def is_junk_line(text: str, rules: JunkRules | None = None) -> bool:
    """True when the whole line is site furniture. A line that starts like an item is plan text
    unless an anchored whole-line rule (a site's numbered notice) says otherwise."""
    rules = rules or load_rules()
    stripped = text.strip()
    if not stripped:
        return False
    # Whole-line furniture rules anchored at the start come first: a sharing site numbers its
    # own notices ("1、本文档共5页……"), and the rule for them names the number it expects.
    if rules.lines_at_start is not None and rules.lines_at_start.match(stripped):
        return True
    if _MARKER_START.match(stripped):
        return False
    if rules.lines is not None and rules.lines.search(stripped):
        return True
    if len(stripped) > SHORT_LINE:
        return False
    return bool((rules.short_lines_at_start is not None
                 and rules.short_lines_at_start.match(stripped))
                or (rules.short_lines is not None and rules.short_lines.search(stripped)))


_SENTENCE_START = r"(?:^|(?<=[。！？!?]))\s*"
_SENTENCE = re.compile(r"[^。！？!?]+[。！？!?”’）)]*|[。！？!?]+")
LONG_LINE = 120  # a line this long that a line rule hits is a flattened page, not furniture


def cut_junk_sentences(text: str, rules: JunkRules | None = None) -> tuple[str, list[str]]:
    """A long line (a page flattened onto one line) without the sentences a line rule hits.

    A site's blurb ("下面是小编带来的……，希望……。") glued to the plan's text must not take
    the plan with it: only the junk sentences go. Returns the rest and the sentences cut.
    """
    rules = rules or load_rules()
    if not ((rules.lines is not None and rules.lines.search(text)) or (
            rules.lines_at_sentence is not None and rules.lines_at_sentence.search(text))):
        return text, []  # no rule hits anywhere in the line: no sentence to cut (fast path)
    # Only the rules for words no plan sentence uses: a plan may well say 扫码关注 or 供参考.
    whole = JunkRules(rules.lines, None, None, lines_at_start=rules.lines_at_start)
    kept: list[str] = []
    cut: list[str] = []
    for sentence in _SENTENCE.findall(text):
        (cut if is_junk_line(sentence, whole) else kept).append(sentence)
    return "".join(kept).strip(), [c.strip() for c in cut]


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


def strip_title_affixes(title: str, rules: JunkRules | None = None) -> str:
    """A title without what copy sites add to it ("（汇总14篇）", "范文篇1", "第1篇：")."""
    rules = rules or load_rules()
    if rules.title_affixes is None:
        return title
    previous = None
    while previous != title:  # affixes stack ("…范文篇1"): cut until nothing changes
        previous, title = title, rules.title_affixes.sub("", title).strip()
    return title


def cut_elisions(text: str, rules: JunkRules | None = None) -> tuple[str, bool]:
    """`text` without the marks a site leaves where it cut text out, and whether there were any.

    The text around an elision ("……此处隐藏4011个字……", "…………", "（略）") is incomplete: the
    item it sits in is not to be reused without review.
    """
    rules = rules or load_rules()
    if rules.elisions is None or not _ELISION_HINT.search(text) or not rules.elisions.search(text):
        return text, False
    return rules.elisions.sub("", text).strip(), True


def is_preview(dropped: list[str], rules: JunkRules | None = None) -> bool:
    """The page said it shows only part of the document ("点击查看更多", "还剩3页未读").

    Its text then ends where the preview did, whatever punctuation it ends with: the last
    clause mined from it is incomplete.
    """
    rules = rules or load_rules()
    return rules.previews is not None and any(rules.previews.search(d) for d in dropped)


def split_at_elisions(text: str, rules: JunkRules | None = None) -> list[str]:
    """`text` cut where a site cut text out, the marks gone ("甲……此处隐藏6527个字……乙" →
    ["甲", "乙"]); one piece when there is no elision, an empty first or last piece when the
    text starts or stops at one.

    The text before an elision lost its end and the text after it starts in an unknown place:
    they are never one sentence, and never one item's lead.
    """
    rules = rules or load_rules()
    if rules.elisions is None or not _ELISION_HINT.search(text) or not rules.elisions.search(text):
        return [text]
    pieces: list[str] = []
    start = 0
    for m in rules.elisions.finditer(text):  # (split() would return the rules' groups too)
        pieces.append(text[start:m.start()].strip())
        start = m.end()
    pieces.append(text[start:].strip())
    return pieces


def is_excerpt(line: str, following: list[str]) -> bool:
    """A search-result excerpt: truncated with an ellipsis and repeating the text after it.

    A site's label before it ("摘要：") and a length note after it ("（全文共：1831字）") are
    not part of the excerpt.

    `following` is the next few non-empty lines; the excerpt must be a prefix of their
    concatenation (ignoring spaces), at least _EXCERPT_MIN characters long.
    """
    line = _EXCERPT_NOTE.sub("", _EXCERPT_LABEL.sub("", line))
    if not _ELLIPSIS_END.search(line):
        return False
    head = re.sub(r"\s+", "", _ELLIPSIS_END.sub("", line))
    if len(head) < _EXCERPT_MIN:
        return False
    after = re.sub(r"\s+", "", "".join(following))
    probe = head[: min(len(head), 60)]
    return after.startswith(probe)
