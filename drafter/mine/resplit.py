"""Lost line breaks: a line holding several paragraphs is cut where its markers say.

Copies of plans lose their line breaks (a whole chapter on one line, a title glued to its
first item, a heading run onto the end of a paragraph, an owner note run into the next item).
A marker found inside a line is cut out only where it continues the numbering of its kind
(1, 2, 3 …, or one skipped; items restart at 1 only under a heading), so a list inside an
item ("1.…；2.…") never becomes the plan's items. Bare and glued item numbers are taken only
before a lead. Pure functions over paragraphs; called by clean.clean_lines.
"""

from __future__ import annotations

import re
from itertools import pairwise

from drafter.mine.enumerations import glued_point
from drafter.mine.markers import GLUED_MARKER, INLINE_MARKER, Marker, parse_marker
from drafter.mine.para import Para

# A title run into its first chapter, section or item, at a line's start or after a site's
# blurb sentence; a compilation's article number may sit between ("…工作计划1一、", "…（一）一、").
_TITLE_GLUED = re.compile(
    r"(?:^|(?<=[。！？!?]))[^。；，,！？!?：:]{4,80}?"
    r"(?:工作要点|工作计划|工作总结|工作思路|工作安排|工作打算|计划书|工作规划)"
    r"(?:\d{1,2}(?=一、)|[（(][一二三四五六七八九十]{1,2}[）)](?=一、))?"
    r"(?=一、|[（(]一[）)](?=[\u4e00-\u9fff“《])|1[.．、](?![\d.．]))")
# An item's owner note run into the next item ("…（责任科室：基教科）2.办好…"): a line to re-split.
_OWNER_THEN_ITEM = re.compile(
    r"[（(](?:责任|牵头|主责|配合)[^（）()]{1,40}[）)]\s*\d{1,2}\s*[.．、]")
_SENTENCE_STOP = re.compile(r"[。！？；]")
_RESPLIT_MIN = 120  # shorter lines are never re-split at inline markers
_RESPLIT_SURE = 300  # below this length, a line needs two cuts to be re-split


def resplit(paras: list[Para]) -> list[Para]:
    """Split long lines where every break was lost, before sequence-consistent markers."""
    # "through": the last section number in the whole text (sections may number straight
    # through the chapters: 一、（一）（二） 二、（三）…).
    counters = {"chapter": 0, "section": 0, "item": 0, "fresh": 0, "through": 0}
    out: list[Para] = []
    for para in paras:
        title = _TITLE_GLUED.search(para.text) if parse_marker(para.text) is None else None
        if title is not None:  # "…工作计划一、指导思想…": the title, then the text
            if title.start() > 0:  # the blurb sentences before it stay a paragraph of their own
                out.append(Para(para.text[: title.start()], para.line, para.indent,
                                para.gap_before))
            out.append(Para(title.group(0), para.line, para.indent and not title.start(),
                            para.gap_before and not title.start()))
            para = Para(para.text[title.end():], para.line)
        p = para
        _note(parse_marker(p.text), counters)
        # A heading line that runs on into its items is re-split whatever its length.
        runs_on = (title is not None or _heading_runs_on(p.text)
                   or _OWNER_THEN_ITEM.search(p.text) is not None)
        pieces = (_split_line(p.text, dict(counters))
                  if len(p.text) >= _RESPLIT_MIN or runs_on else [p.text])
        if len(pieces) > 1 and (len(p.text) >= _RESPLIT_SURE or len(pieces) > 2 or runs_on):
            pieces = _split_line(p.text, counters)
        else:
            pieces = _split_glued(p.text, counters)  # a short heading glued to its child
            pieces = [*pieces[:-1], *_cut_trailing_heading(pieces[-1], counters)]
        pieces = [q for piece in pieces for q in _cut_glued_point(piece)]
        for k, piece in enumerate(pieces):
            out.append(Para(piece, p.line, p.indent if k == 0 else False, p.gap_before and k == 0,
                            cut=p.cut))
    return out


_TRAILING_HEADING = re.compile(
    r"(?<=[。；！？])\s*(?=(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)])"
    r"[^。；，,：:！？]{2,30}$)")


def _cut_trailing_heading(text: str, counters: dict[str, int]) -> list[str]:
    """A paragraph with the next chapter's heading run onto its end ("…发展。一、成绩亮点")."""
    m = _TRAILING_HEADING.search(text)
    if m is None or not _continues_sequence(parse_marker(text[m.end():]), counters):
        return [text]
    return [text[: m.start()].strip(), text[m.end():]]


def _heading_runs_on(text: str) -> bool:
    """A chapter or section heading glued to its first item ("一、加强党建1.加强理论武装。…")."""
    marker = parse_marker(text)
    return (marker is not None and marker.kind in ("chapter", "section")
            and (GLUED_MARKER.search(text, 2, 60) is not None
                 or any(_bare_item_at(text, m.start()) for m in _BARE_ITEM.finditer(text, 2, 60))))


def _cut_glued_point(text: str) -> list[str]:
    """A chapter or section heading run into its first 一是 point: two paragraphs."""
    marker = parse_marker(text)
    if marker is None or marker.kind not in ("part", "chapter", "section"):
        return [text]
    at = glued_point(marker.rest)
    if at is None:
        return [text]
    cut = len(text) - len(marker.rest) + at
    return [text[:cut], text[cut:]]


def _note(marker: Marker | None, counters: dict[str, int]) -> None:
    """Record a marker that starts a line (trusted, in sequence or not)."""
    if marker is None or marker.kind not in ("chapter", "section", "item"):
        return
    counters[marker.kind] = marker.number
    if marker.kind == "section":
        counters["through"] = marker.number
    if marker.kind == "chapter":
        counters["section"] = 0
    counters["fresh"] = int(marker.kind != "item")


def _continues_sequence(marker: Marker | None, counters: dict[str, int]) -> bool:
    """An inline marker is a real one only if it is the next number of its kind.

    Items may restart at 1 only right after a chapter or section heading, so an inline list
    ("1.…；2.…") inside an item is never taken for the plan's own items.
    """
    if marker is None or marker.kind not in ("chapter", "section", "item"):
        return False
    # The next number, or the one after it: a copy may have lost one item (numbering skips).
    expected = counters[marker.kind] < marker.number <= counters[marker.kind] + 2
    restart = marker.number == 1 and (marker.kind == "chapter" or counters["fresh"] == 1)
    through = (marker.kind == "section" and counters["section"] == 0 and counters["through"] > 0
               and counters["through"] < marker.number <= counters["through"] + 2)
    if not (expected or restart or through):
        return False
    _note(marker, counters)
    return True


# An item number glued to the text before it, its sentence end lost ("…控制在0.5%以下2、扫盲
# 程度完成指标：…", "…（责任科室：组织科）2.夯实…"): taken only when it is the next item number
# and what follows reads as a lead (a short phrase up to its full stop or colon).
_GLUED_ITEM = re.compile(r"(?<=[\u4e00-\u9fff）)”%])(?=\d{1,2}[.．、][\u4e00-\u9fff“])")
_LEAD_AFTER = re.compile(r"\d{1,2}[.．、]([^。：:；;，,]{2,25})[。：:]")
# One that lost its mark too ("一、全面从严治党1加强理论学习。…2加强基层党建。"): a single digit
# between Chinese characters, read as "1、" only under the same conditions, and never before a
# unit ("3月", "2所").
_BARE_ITEM = re.compile(r"(?<=[\u4e00-\u9fff。）)”])(?=\d[\u4e00-\u9fff])")
_UNITS = "年月日个所名人万亿元项件次场批位家座台套间栋处届期类级倍周天岁"
_BARE_LEAD_AFTER = re.compile(rf"\d(?![{_UNITS}])([^。：:；;，,\d]{{2,25}})[。：:]")
_NOT_BEFORE_NUMBER = re.compile(r"[第约近达至和及与或共计每前后]$")


def _split_line(text: str, counters: dict[str, int]) -> list[str]:
    cuts: list[int] = []
    _glued_item(text, 0, counters, cuts)
    bare = {m.start() for m in _BARE_ITEM.finditer(text) if _bare_item_at(text, m.start())}
    starts = sorted({m.end() for m in INLINE_MARKER.finditer(text)}
                    | {m.start() for m in _GLUED_ITEM.finditer(text)
                       if _LEAD_AFTER.match(text, m.start())
                       and not _NOT_BEFORE_NUMBER.search(text, 0, m.start())} | bare)
    for start in starts:
        probe = _with_mark(text[start:]) if start in bare else text[start:]
        if start > (cuts[-1] if cuts else 0) and _continues_sequence(
            parse_marker(probe), counters
        ):
            cuts.append(start)
            _glued_item(text, start, counters, cuts)
    bounds = [0, *cuts, len(text)]
    return [_with_mark(q) if a in bare else q
            for a, b in pairwise(bounds) if (q := text[a:b].strip())]


def _bare_item_at(text: str, at: int) -> bool:
    return (_BARE_LEAD_AFTER.match(text, at) is not None
            and not _NOT_BEFORE_NUMBER.search(text, 0, at))


def _with_mark(text: str) -> str:
    """"1加强理论学习。" → "1、加强理论学习。" (an item number that lost its mark)."""
    return f"{text[0]}、{text[1:]}"


def _split_glued(text: str, counters: dict[str, int]) -> list[str]:
    cuts: list[int] = []
    _glued_item(text, 0, counters, cuts)
    bounds = [0, *cuts, len(text)]
    return [q for a, b in pairwise(bounds) if (q := text[a:b].strip())]


def _glued_item(text: str, start: int, counters: dict[str, int], cuts: list[int]) -> None:
    """A heading glued to its first section or item ("…全面领导1.开展…"): cut there."""
    marker = parse_marker(text[start:])
    if marker is None or marker.kind not in ("chapter", "section"):
        return
    m = GLUED_MARKER.search(text, start + 2, min(len(text), start + 60))
    if m is None or _SENTENCE_STOP.search(text, start, m.start()):
        return  # a heading with a sentence of its own is not glued to what follows it
    glued = parse_marker(text[m.start():])
    if glued is not None and glued.kind != marker.kind and _continues_sequence(glued, counters):
        cuts.append(m.start())
        _glued_item(text, m.start(), counters, cuts)


_BARE_START = re.compile(rf"^(\d{{1,2}})(?![\d{_UNITS}])(?=[\u4e00-\u9fff“《])")


def restore_bare_numbers(paras: list[Para]) -> list[Para]:
    """Items that lost their number's mark at a line's start ("4 不断加强师资队伍建设。", its
    space tidied away): marked again, like the item before them, where the number is the next
    item number and a lead follows. Counting restarts under each chapter or section heading.
    """
    last, sep = 0, "."
    for p in paras:
        marker = parse_marker(p.text)
        if marker is not None:
            if marker.kind in ("part", "chapter", "section"):
                last = 0
            elif marker.kind == "item":
                last, sep = marker.number, marker.text[-1]
            continue
        m = _BARE_START.match(p.text)
        if m is None or int(m.group(1)) != last + 1 or last == 0:
            continue
        if _BARE_LEAD_AFTER.match(p.text) is None:
            continue
        p.text = f"{m.group(1)}{sep}{p.text[m.end():]}"
        last += 1
    return paras
