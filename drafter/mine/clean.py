"""Clean a source's lines into paragraphs of plan text, each remembering its source line.

Order matters: whitespace and traditional characters first (so junk rules see tidy text),
then website junk (before joining, so a junk line is never glued to a plan line), then
hard-wrapped lines are joined and run-together text re-split at item markers, then in-paragraph
junk is cut and half-width punctuation becomes full-width inside Chinese text.
This module does not decide what a paragraph *is* (title, chapter, item): structure.py does.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from drafter.mine import junk
from drafter.mine.contents import take_contents, take_inline_contents
from drafter.mine.markers import INLINE_MARKER, demote_paren_items, parse_marker
from drafter.mine.para import Para
from drafter.mine.punct import to_full_width
from drafter.mine.resplit import resplit, restore_bare_numbers

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
     **{chr(0x3220 + i): f"（{n}）" for i, n in enumerate("一二三四五六七八九十")},
     # small form variants (﹒﹐﹑…), which some editors type for punctuation ("1﹒加强…")
     **{c: unicodedata.normalize("NFKC", c) for c in map(chr, range(0xFE50, 0xFE6C))
        if unicodedata.normalize("NFKC", c) != c}}
)
_FULL_ALNUM_ANY = re.compile(r"[０-９Ａ-Ｚａ-ｚ％\u3220-\u3229\ufe50-\ufe6b]")
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
_INNER_STOP = re.compile(r"[。！？!?](?=.)")


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
    clean_line = {p.line: p.text for p in paras}  # in-line junk is cut from these already
    paras = take_contents(paras, dropped)
    paras = restore_lost_numbers(paras)
    paras = restore_bare_numbers(paras)
    for p, text in zip(paras, demote_paren_items([p.text for p in paras]), strict=True):
        p.text = text
    paras = join_chunks(paras)
    paras = take_inline_contents(paras, dropped)
    paras = join_wrapped(paras)
    paras = resplit(paras)
    out: list[Para] = []
    resumes = False  # the paragraph after an elision starts in an unknown place
    for p in paras:
        pieces = junk.split_at_elisions(p.text, rules)
        elided = len(pieces) > 1
        for k, piece in enumerate(pieces):
            if piece not in clean_line.get(p.line, ""):  # joined lines: junk a break split
                piece, cut = junk.strip_fragments(piece, rules)
                dropped.extend(c for c in cut if c)
            text = piece
            text = normalise_space(to_full_width(text))
            if not text:
                if elided and out:
                    out[-1].cut = resumes = True
                continue
            unknown_start = (resumes or k > 0) and parse_marker(text) is None
            out.append(Para(text, p.line, p.indent and k == 0, p.gap_before and k == 0,
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
        if junk.is_junk_line(p.text, rules) and (
                len(p.text) <= junk.LONG_LINE or INLINE_MARKER.search(p.text) is None):
            dropped.append(p.text)  # furniture, or a blurb with no plan text in it
            continue
        # In-line junk goes before lines are joined or re-split: a banner or a blurb glued
        # between a title and its first marker would hide the marker (cut again later, once
        # lines are joined, for junk a line break had split). Then a blurb sentence run onto
        # a line of text, or a whole page flattened onto one line, loses only that sentence.
        p.text, cut = junk.strip_fragments(p.text, rules)
        dropped.extend(c for c in cut if c)
        if _INNER_STOP.search(p.text) and parse_marker(p.text) is None:  # (an item is text)
            p.text, cut = junk.cut_junk_sentences(p.text, rules)
            dropped.extend(cut)
        p.text = normalise_space(p.text)
        if not p.text:
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
