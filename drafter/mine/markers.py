"""Item markers of Chinese plans: "一、" chapters, "（一）" sections, "1." items, "（1）", "①".

Pure string functions shared by cleaning (re-splitting text whose line breaks were lost) and
structure (building the chapter → section → item tree). No I/O, no knowledge of documents.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from drafter.model.numbering import parse_chinese_numeral

CN_NUM = "一二三四五六七八九十"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

# Kinds, outermost first. "part" is 第一部分/第一章; "sub" is （1）; "circled" is ①.
KINDS = ("part", "chapter", "section", "item", "sub", "circled")

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("part", re.compile(r"^第(?P<num>[一二三四五六七八九十]{1,3})(?:部分|章|篇)\s*[、.．:：]?\s*")),
    ("chapter", re.compile(r"^(?P<num>[一二三四五六七八九十]{1,3})\s*[、.．]\s*")),
    ("section", re.compile(
        r"^[（(]\s*(?P<num>[一二三四五六七八九十]{1,3})\s*[）)]\s*[、.．]?\s*")),
    ("item", re.compile(r"^(?P<num>\d{1,3})\s*(?:[.．、](?![\d.．])|[)）](?![\d]))\s*")),
    # an item number a copy anonymised like its figures ("x.城区学校建设。"): number unknown (0)
    ("item", re.compile(r"^(?P<num>[xX×])\s*[.．、](?=[\u4e00-\u9fff“《])\s*")),
    ("sub", re.compile(r"^[（(]\s*(?P<num>\d{1,2})\s*[）)]\s*[、.．]?\s*")),
    ("circled", re.compile(rf"^(?P<num>[{_CIRCLED}])\s*[、.．]?\s*")),
)

# A marker inside a line, right after sentence-ending punctuation (for re-splitting).
INLINE_MARKER = re.compile(
    r"(?<=[。；！？!?;：:”」）)])\s*(?=(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]"
    r"|\d{1,3}[.．、](?![\d.．])))"
)
# A section or item marker glued to a heading with no punctuation ("…全面领导1.开展…").
GLUED_MARKER = re.compile(
    r"(?<=[\u4e00-\u9fff”》）])(?=(?:\d{1,3}[.．、](?![\d.．])|[（(][一二三四五六七八九十]{1,3}[）)])"
    r"[\u4e00-\u9fff“《])"
)


@dataclass(frozen=True)
class Marker:
    kind: str  # one of KINDS
    number: int
    text: str  # canonical marker: "一、" "（一）" "1." "1、" "（1）" "①" "第一部分"
    rest: str  # the paragraph after the marker


def cn_to_int(numeral: str) -> int | None:
    """一 → 1, 十二 → 12 (up to 九十九); None when not a numeral. See model.numbering."""
    return parse_chinese_numeral(numeral)


@lru_cache(maxsize=8192)
def parse_marker(text: str) -> Marker | None:
    """The marker that `text` starts with, if any ("1.5亿元" and "一是" are not markers)."""
    for kind, pattern in _PATTERNS:
        m = pattern.match(text)
        if m is None:
            continue
        raw = m.group("num")
        if kind == "circled":
            number = _CIRCLED.index(raw) + 1
        elif kind in ("item", "sub"):
            number = int(raw) if raw.isdigit() else -1
        else:
            converted = cn_to_int(raw)
            if converted is None:
                continue
            number = converted
        if number == 0:
            continue
        # A placeholder number (-1 above) continues no sequence: numbered 0.
        return Marker(kind, max(number, 0), _canonical(kind, raw, m.group(0)),
                      text[m.end():].strip())
    return None


def _canonical(kind: str, raw: str, matched: str) -> str:
    if kind == "part":
        return matched.strip().rstrip("、.．:：").strip()
    if kind == "chapter":
        return f"{raw}、"
    if kind == "section":
        return f"（{raw}）"
    if kind == "sub":
        return f"（{raw}）"
    if kind == "circled":
        return raw
    sep = "、" if "、" in matched else ")" if (")" in matched or "）" in matched) else "."
    return f"{raw}{sep}"


_DOT_ITEM = re.compile(r"^\d{1,3}\s*[.．、](?![\d.．])")
_PAREN_ITEM = re.compile(r"^(\d{1,2})\s*[)）](?!\d)\s*")
_STYLE_MIN = 2


def demote_paren_items(texts: list[str]) -> list[str]:
    """Texts whose "1)" markers are written "（1）" when the text also numbers with "1." or "1、".

    A plan that numbers with both styles uses "1)" one level below "1." (its sub-points), as
    it would "（1）"; alone, "1)" is the item level and stays. Each style must open at least two
    paragraphs.
    """
    if sum(1 for t in texts if _PAREN_ITEM.match(t)) < _STYLE_MIN or sum(
            1 for t in texts if _DOT_ITEM.match(t)) < _STYLE_MIN:
        return texts
    return [_PAREN_ITEM.sub(lambda m: f"（{m.group(1)}）", t, count=1) for t in texts]
