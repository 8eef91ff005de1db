"""Clean a source's lines into paragraphs of plan text, each remembering its source line.

Order matters: whitespace and traditional characters first (so junk rules see tidy text),
then website junk (before joining, so a junk line is never glued to a plan line), then
hard-wrapped lines are joined and run-together text re-split at item markers, then in-paragraph
junk is cut and half-width punctuation becomes full-width inside Chinese text.
This module does not decide what a paragraph *is* (title, chapter, item): structure.py does.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise
from typing import Any

from drafter.mine import junk
from drafter.mine.contents import take_contents
from drafter.mine.enumerations import glued_point
from drafter.mine.markers import GLUED_MARKER, INLINE_MARKER, Marker, parse_marker
from drafter.mine.punct import to_full_width

# Every kind of blank: NBSP, full-width space, en/em spaces, zero-width, BOM, tabs.
_SPACES = re.compile(r"[\s\u00a0\u1680\u2000-\u200b\u202f\u205f\u3000\ufeff]+")
_INDENT = re.compile(r"^[\s\u00a0\u3000]+")
_CJK = r"\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef“”‘’《》【】…—"
_CJK_GAP = re.compile(rf"(?<=[{_CJK}])\s+|\s+(?=[{_CJK}])")
_FULL_ALNUM = str.maketrans(
    {**{chr(0xFF10 + i): str(i) for i in range(10)},
     **{chr(0xFF21 + i): chr(0x41 + i) for i in range(26)},
     **{chr(0xFF41 + i): chr(0x61 + i) for i in range(26)},
     "％": "%",
     # parenthesized ideographs ㈠…㈩ are section markers written as one character
     **{chr(0x3220 + i): f"（{n}）" for i, n in enumerate("一二三四五六七八九十")}}
)
_FULL_ALNUM_ANY = re.compile(r"[０-９Ａ-Ｚａ-ｚ％\u3220-\u3229]")
_DECIMAL_DOT = re.compile(r"(?<=\d)．(?=\d)")
# A paragraph ends here: 。！？；： (either width), optionally followed by closing quotes/brackets.
_TERMINAL = re.compile(r"[。！？；：!?;:…][”’」』）)]*$")
_SENTENCE_END = re.compile(r"[。！？!?…][”’」』）)]*$")
_NEVER_LAST = re.compile(r"[，、,（(《“‘【-]$")
_NUMBER_END = re.compile(r"\d$")
_UNIT_START = re.compile(r"[年月日%％个所名人万亿元]")
_NEVER_FIRST = re.compile(r"^[，。、；：,.;:）)》”’】!?！？]")
_FRAGMENT_START = re.compile(r"^[\u4e00-\u9fff]{1,3}。")
_CJK_END = re.compile(r"[\u4e00-\u9fff]$")
_ASCII_LETTER_END = re.compile(r"[A-Za-z]$")
_ASCII_LETTER_START = re.compile(r"^[A-Za-z]")
# Pinyin a converter left after characters ("系統(tǒng)"), and one cut off by the page end.
_TONED = "\u00e0-\u00fc\u0101-\u01dc"
_PINYIN = re.compile(
    rf"(?<=[\u4e00-\u9fff])\((?=[a-z{_TONED}]*[{_TONED}])[a-z{_TONED}]{{1,7}}\)"
    rf"|(?<=[\u4e00-\u9fff])\([a-z{_TONED}]{{1,6}}$"
)
# Commas a site sprinkled in ("发展,,为了", "二,、工作目标", "环境,。"): never real text.
_STRAY_COMMA = re.compile(r"[,，]+(?=[、。！？；!?;])|(?<=[、。；])[,，]+")
_DOUBLE_COMMA = re.compile(r"([,，])[,，]+")
# An item number with a space before its mark ("2 .夯实基层党组织建设"): written as "2.".
_SPACED_MARK = re.compile(r"(?<![\d.．])(\d{1,3}) +(?=[.．、](?![\d.．])\s*[\u4e00-\u9fff“《])")
# A full stop an OCR pass read as "o" before the next marker ("巩固率99.9%o(二)各类…").
_OCR_STOP = re.compile(
    r"(?<=[\u4e00-\u9fff%\d])o(?=[（(][一二三四五六七八九十]{1,3}[）)]|[一二三四五六七八九十]{1,3}、)")
_WRAP_MIN_WIDTH = 20.0
_TITLE_GLUED = re.compile(
    r"^[^。；，,]{4,80}?(?:工作要点|工作计划|工作总结|工作思路|工作安排|计划书|工作规划)"
    r"(?=一、|[（(]一[）)]|1[.．、](?![\d.．]))")
# An item's owner note run into the next item ("…（责任科室：基教科）2.办好…"): a line to re-split.
_OWNER_THEN_ITEM = re.compile(
    r"[（(](?:责任|牵头|主责|配合)[^（）()]{1,40}[）)]\s*\d{1,2}\s*[.．、]")
_RESPLIT_MIN = 120  # shorter lines are never re-split at inline markers
_RESPLIT_SURE = 300  # below this length, a line needs two cuts to be re-split


@dataclass
class Para:
    """One paragraph of cleaned text and the 1-based source line it starts on."""

    text: str
    line: int
    indent: bool = False  # the source line was indented
    gap_before: bool = False  # a blank line preceded it
    cut: bool = False  # text is missing here: an elision was cut out, or the text resumes after one


@dataclass
class Cleaned:
    paras: list[Para]
    dropped: list[str] = field(default_factory=list)


@cache
def _converter() -> Any:
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    return str(_converter().convert(text))


def normalise_space(text: str) -> str:
    """One space between words, none inside Chinese text, none at the ends."""
    text = _SPACES.sub(" ", text).strip()
    return _CJK_GAP.sub("", text) if " " in text else text


def clean_lines(lines: list[str]) -> Cleaned:
    """The whole cleaning pass over a source's lines."""
    rules = junk.load_rules()
    joined = "\n".join(line.replace("\n", " ") for line in lines)
    if _FULL_ALNUM_ANY.search(joined):
        joined = joined.translate(_FULL_ALNUM)
    simplified = to_simplified(joined).split("\n")
    if len(simplified) != len(lines):  # the converter must keep lines; fall back per line
        simplified = [to_simplified(line.translate(_FULL_ALNUM)) for line in lines]
    if "(" in joined:
        simplified = [_PINYIN.sub("", line) for line in simplified]
    dropped: list[str] = []
    paras = _tidy(_drop_excerpt_lines(simplified, rules, dropped))
    paras = _drop_junk_lines(paras, rules, dropped)
    paras = take_contents(paras, dropped)
    paras = restore_lost_numbers(paras)
    paras = join_chunks(paras)
    paras = join_wrapped(paras)
    paras = resplit(paras)
    out: list[Para] = []
    resumes = False  # the paragraph after an elision starts in an unknown place
    for p in paras:
        text, elided = junk.cut_elisions(p.text, rules)
        text, cut = junk.strip_fragments(text, rules)
        dropped.extend(c for c in cut if c)
        text = normalise_space(to_full_width(text))
        if not text:
            if elided and out:
                out[-1].cut = resumes = True
            continue
        unknown_start = resumes and parse_marker(text) is None
        out.append(Para(text, p.line, p.indent, p.gap_before,
                        cut=p.cut or elided or unknown_start))
        resumes = elided
    return Cleaned(out, dropped)


_EXCERPT_LINES = 8  # a site's excerpt of the text sits among its first lines


def _drop_excerpt_lines(lines: list[str], rules: junk.JunkRules, dropped: list[str]
                        ) -> list[str]:
    """A site's excerpt of the text ("摘要：标题  一、…  1.…（全文共：1831字）"): blanked.

    Judged on the whole line, before its wide gaps split it into paragraphs that would each
    look like plan text (a second title, a second chapter heading).
    """
    out = list(lines)
    seen = 0
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        seen += 1
        if seen > _EXCERPT_LINES:
            break
        following = [q for q in lines[i + 1:i + 12] if q.strip()]
        if junk.is_excerpt(normalise_space(line), [normalise_space(q) for q in following]):
            dropped.append(line.strip())
            out[i] = ""
    return out


def _tidy(lines: list[str]) -> list[Para]:
    out: list[Para] = []
    gap = False
    for number, raw in enumerate(lines, 1):
        for k, piece in enumerate(split_wide_gaps(raw)):
            text = normalise_space(piece)
            if not text:
                gap = True
                continue
            text = _DECIMAL_DOT.sub(".", text)
            if "o" in text:
                text = _OCR_STOP.sub("。", text)
            if " ." in text or " 、" in text or " ．" in text:
                text = _SPACED_MARK.sub(r"\1", text)
            if ",," in text or "，，" in text or ",、" in text or ",。" in text:
                text = _DOUBLE_COMMA.sub(r"\1", _STRAY_COMMA.sub("", text))
            out.append(Para(text, number, k == 0 and bool(_INDENT.match(raw)), gap))
            gap = False
    return out


_WIDE_GAP = re.compile(r"[ \u3000\u00a0]{2,}")
_GAP_HEADING_MAX = 30
_WORD = re.compile(r"[0-9A-Za-z\u4e00-\u9fff]")


def split_wide_gaps(raw: str) -> list[str]:
    """A line whose breaks became wide gaps ("作用。  二、主要目标任务  抓好…"): its paragraphs.

    A gap of two or more spaces splits only before an item marker or after a short numbered
    heading; other gaps (PDF spacing) stay. Pieces with no word in them ("(") go.
    """
    stripped = raw.strip()
    if not _WIDE_GAP.search(stripped):
        return [raw]
    pieces = [q for q in _WIDE_GAP.split(stripped) if q]
    out: list[str] = [pieces[0]]
    for piece in pieces[1:]:
        head = parse_marker(out[-1])
        heading = head is not None and len(head.rest) <= _GAP_HEADING_MAX and not re.search(
            r"[。；，,：:]", head.rest)
        if parse_marker(piece) is not None or heading:
            out.append(piece)
        else:
            out[-1] = f"{out[-1]}  {piece}"
    out = [q for q in out if _WORD.search(q)]
    return out if len(out) > 1 else [raw]


def _drop_junk_lines(paras: list[Para], rules: junk.JunkRules, dropped: list[str]) -> list[Para]:
    kept: list[Para] = []
    for i, p in enumerate(paras):
        if p.text.isdigit() and i + 1 < len(paras) and _UNIT_START.match(paras[i + 1].text):
            paras[i + 1].text = p.text + paras[i + 1].text  # "2016" / "年教育局工作要点"
            continue
        if junk.is_junk_line(p.text, rules):
            dropped.append(p.text)
            continue
        if i < 5 and junk.is_excerpt(p.text, [q.text for q in paras[i + 1:i + 4]]):
            dropped.append(p.text)
            continue
        kept.append(p)
    return kept


_LOST_NUMBER = re.compile(r"^[、.．](?=[\u4e00-\u9fff“《])")


def restore_lost_numbers(paras: list[Para]) -> list[Para]:
    """Items whose number a copy lost ("、始终把政治理论学习放在首位…"): numbered again in order.

    Only when at least two paragraphs open that way; the count restarts under each chapter or
    section heading, as item numbers do.
    """
    if sum(1 for p in paras if _LOST_NUMBER.match(p.text)) < 2:
        return paras
    number = 0
    for p in paras:
        marker = parse_marker(p.text)
        if marker is not None and marker.kind in ("part", "chapter", "section"):
            number = 0
        elif _LOST_NUMBER.match(p.text):
            number += 1
            p.text = f"{number}、{p.text[1:]}"
    return paras


_CHUNK = re.compile(r"^(\d{1,3})、")
_CHUNK_MIN = 100  # a document-sharing site's page chunks are long; real items rarely run on


def join_chunks(paras: list[Para]) -> list[Para]:
    """Undo a document-sharing site's chunking: "1、…名生培" "2、养实现新突破…" → one text.

    Such sites cut a document into long chunks, mid-word, and number them "1、2、3、" at line
    starts. A run of such lines counting from 1, each but the last long and ending mid-sentence,
    is one text: the numbers go and the chunks are joined.
    """
    run = [k for k, p in enumerate(paras) if _CHUNK.match(p.text)]
    if len(run) < 2 or int(_CHUNK.match(paras[run[0]].text).group(1)) != 1:  # type: ignore[union-attr]
        return paras
    numbers = [int(_CHUNK.match(paras[k].text).group(1)) for k in run]  # type: ignore[union-attr]
    if numbers != list(range(1, len(run) + 1)) or run != list(range(run[0], run[0] + len(run))):
        return paras
    # Chunks are long and cut where the page size fell, so most end mid-sentence (a real list
    # of long items ends each with a full stop).
    if any(len(paras[k].text) < _CHUNK_MIN for k in run[:-1]) or 2 * sum(
            1 for k in run[:-1] if _TERMINAL.search(paras[k].text)) > len(run) - 1:
        return paras
    first = paras[run[0]]
    text = "".join(_CHUNK.sub("", paras[k].text, count=1) for k in run)
    joined = Para(text, first.line, first.indent, first.gap_before)
    return [*paras[: run[0]], joined, *paras[run[-1] + 1:]]


# ---------------------------------------------------------------- hard wraps


def width(text: str) -> float:
    """Display width in Chinese characters (ASCII counts half)."""
    return len(text) - len(text.encode("ascii", "ignore")) / 2


_MEASURES: tuple[Callable[[str], float], ...] = (width, len)


def wrap_widths(paras: list[Para]) -> tuple[float | None, ...]:
    """The width the text was hard-wrapped at, per measure (display width, characters).

    A wrapped text has many lines of nearly the same width, most of them ending mid-sentence.
    Copies wrapped by a PDF viewer line up by display width, by a script by characters.
    """
    return tuple(_wrap_at([measure(p.text) for p in paras], paras) for measure in _MEASURES)


def _wrap_at(sizes: list[float], paras: list[Para]) -> float | None:
    widths = sorted(w for w in sizes if w >= _WRAP_MIN_WIDTH)
    if len(widths) < 3:
        return None
    best_count, best = 0, 0.0
    lo = 0
    for hi, w in enumerate(widths):  # the most populated window of 4 at the upper end
        while widths[lo] < w - 4:
            lo += 1
        if hi - lo + 1 >= best_count:
            best_count, best = hi - lo + 1, w
    if best_count < 3 or best_count < 0.4 * len(widths):
        return None
    near = [p for p, w in zip(paras, sizes, strict=True) if best - 4 <= w <= best]
    open_ended = sum(1 for p in near if not _TERMINAL.search(p.text))
    # Headings of similar length are not a wrap: in a wrapped text hardly a line is longer.
    longer = sum(1 for w in widths if w > best + 2)
    return best if open_ended >= 0.5 * len(near) and longer <= 0.1 * len(widths) else None


def join_wrapped(paras: list[Para]) -> list[Para]:
    """Join lines broken mid-sentence (PDF copies, e-mail wraps) back into paragraphs."""
    full = wrap_widths(paras)
    out: list[Para] = []
    last_line = ""  # the last physical line of out[-1]
    for p in paras:
        if out and _continues(out[-1], last_line, p, full):
            prev = out[-1]
            glue = " " if (_ASCII_LETTER_END.search(prev.text)
                           and _ASCII_LETTER_START.search(p.text)) else ""
            prev.text = prev.text + glue + p.text
            prev.cut = prev.cut or p.cut
        else:
            out.append(Para(p.text, p.line, p.indent, p.gap_before, cut=p.cut))
        last_line = p.text
    return out


def _open_bracket(text: str) -> bool:
    """A line that leaves a bracket open cannot end a paragraph."""
    return text.count("（") + text.count("(") > text.count("）") + text.count(")")


def _continues(prev: Para, last_line: str, p: Para, full: tuple[float | None, ...]) -> bool:
    if parse_marker(p.text) is not None:
        return False
    if _NUMBER_END.search(prev.text) and _UNIT_START.match(p.text):
        return True  # "2016" / "年教育局工作要点": a number is never cut from its 年
    if _NEVER_FIRST.match(p.text):
        return True
    if _NEVER_LAST.search(prev.text) or _open_bracket(last_line):
        return True  # even across a blank line: a sentence broken there
    if _FRAGMENT_START.match(p.text) and _CJK_END.search(prev.text):
        return True  # "1.加强理论" / "学习。抓好……": the rest of a word, then its full stop
    if p.gap_before:
        return False
    if _SENTENCE_END.search(prev.text) or (p.indent and not prev.indent):
        return False
    return any(at is not None and measure(last_line) >= at - 4
               for at, measure in zip(full, _MEASURES, strict=True))


# ---------------------------------------------------------------- lost line breaks


def resplit(paras: list[Para]) -> list[Para]:
    """Split long lines where every break was lost, before sequence-consistent markers."""
    counters = {"chapter": 0, "section": 0, "item": 0, "fresh": 0}
    out: list[Para] = []
    for para in paras:
        title = _TITLE_GLUED.match(para.text) if parse_marker(para.text) is None else None
        if title is not None:  # "…工作计划一、指导思想…": the title, then the text
            out.append(Para(title.group(0), para.line, para.indent, para.gap_before))
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
    if not (expected or restart):
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
    if m is None:
        return
    glued = parse_marker(text[m.start():])
    if glued is not None and glued.kind != marker.kind and _continues_sequence(glued, counters):
        cuts.append(m.start())
        _glued_item(text, m.start(), counters, cuts)
