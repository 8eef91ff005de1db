"""The wrappers around a plan that are neither its title nor its clauses.

A plan often arrives inside its 印发通知 ("关于印发《…》的通知", a document number, addressees,
"现将…印发给你们", signature, date, "(此件主动公开)", 附件 line, 抄送 line), or with a table of
contents copied before the text. This module finds those paragraphs and takes them out; it
keeps the plan's name from the notice in case the plan has no title line of its own.
It works on cleaned paragraphs and never decides chapters or items.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from drafter.mine.markers import parse_marker
from drafter.mine.para import Para

_NOTICE_TITLE = re.compile(
    r"^(?:.{0,30}?)关于(?:印发|下发|转发|发布|印送)(?P<what>.+?)的(?:通知|函)$"
)
_BOOK = re.compile(r"《(?P<name>[^《》]+)》")
_DOC_NUMBER = re.compile(r"^.{1,12}[〔\[【（(]\d{4}[〕\]】）)]\s*\d+\s*号$")
_ADDRESSEE = re.compile(r"^(?:各|局属|局直属|直属|市直|有关|全市|全县|全区).{0,80}[：:]$")
_TRANSMIT = re.compile(r"^现将.{0,80}(?:印发|转发|下发|发)给(?:你们|你单位|各单位)")
_DATE = re.compile(
    r"^[（(]?(?:\d{4}|[〇○零一二三四五六七八九]{4})年(?:\d{1,2}|[一二三四五六七八九十]{1,3})月"
    r"(?:(?:\d{1,2}|[一二三四五六七八九十]{1,3})日)?[）)]?$"
)
_PUBLIC = re.compile(r"^[（(]\s*此件.{0,6}公开\s*[）)]$")
_ATTACHMENT = re.compile(r"^附件\s*\d*\s*[：:]?")
_COPY = re.compile(r"^(?:抄送|抄报|主送|印发)[：:]|.{0,30}\d{4}年\d{1,2}月\d{1,2}日印发$")
_SIGNATURE = re.compile(r"(?:局|委员会|委|政府|办公室|办公厅|中心|公室)$")

_TOC_HEADING = re.compile(r"^目\s*录$")
_TOC_LEADER = re.compile(r"(?:[.…·．。\-—_]{3,}|\s)\s*\d{1,3}$")
_TOC_ENTRY_MAX = 60


@dataclass
class Unwrapped:
    paras: list[Para]
    notice_name: str | None  # the plan's name as the notice gives it (from 《…》), if any
    removed: list[str]


def unwrap(paras: list[Para]) -> Unwrapped:
    """Take out 印发通知 paragraphs and a copied table of contents."""
    removed: list[str] = []
    name: str | None = None
    keep = [True] * len(paras)
    for i, p in enumerate(paras):
        text = p.text
        m = _NOTICE_TITLE.match(text) if len(text) <= 120 else None
        if m is not None:
            book = _BOOK.search(m.group("what"))
            name = name or (book.group("name") if book else m.group("what").strip("“”"))
            keep[i] = False
        elif _is_notice_line(text, paras, i):
            keep[i] = False
    _drop_toc(paras, keep)
    out: list[Para] = []
    for p, k in zip(paras, keep, strict=True):
        (out.append(p) if k else removed.append(p.text))
    return Unwrapped(out, name, removed)


def _is_notice_line(text: str, paras: list[Para], i: int) -> bool:
    if len(text) > 150 or parse_marker(text) is not None:
        return False
    if (_DOC_NUMBER.match(text) or _PUBLIC.match(text) or _DATE.match(text)
            or _COPY.match(text) or _TRANSMIT.match(text)):
        return True
    if _ADDRESSEE.match(text) and len(text) <= 80:
        return True
    if _ATTACHMENT.match(text) and len(text) <= 60:
        return True
    # A signature: a short organisation name right before a date line.
    return (len(text) <= 30 and _SIGNATURE.search(text) is not None
            and i + 1 < len(paras) and _DATE.match(paras[i + 1].text) is not None)


def _drop_toc(paras: list[Para], keep: list[bool]) -> None:
    """A table of contents: a 目录 line, dot-leader entries, or headings listed twice."""
    for i, p in enumerate(paras):
        if _TOC_HEADING.match(p.text) or (
            len(p.text) <= _TOC_ENTRY_MAX and _TOC_LEADER.search(p.text)
            and parse_marker(p.text) is not None
        ):
            keep[i] = False
    first = _first_top_heading(paras, keep)
    if first is None:
        return
    kind, heading, start = first
    again = next(
        (j for j in range(start + 1, len(paras))
         if keep[j] and (m := parse_marker(paras[j].text)) is not None
         and m.kind == kind and m.number == 1 and _toc_key(m.rest) == heading),
        None,
    )
    if again is None:
        return
    end = start
    while end < again and _is_toc_entry(paras[end].text):
        end += 1
    for k in range(start, end):
        keep[k] = False


def _is_toc_entry(text: str) -> bool:
    return len(text) <= _TOC_ENTRY_MAX and not re.search(r"[。；！？]", text)


def _first_top_heading(paras: list[Para], keep: list[bool]) -> tuple[str, str, int] | None:
    for i, p in enumerate(paras):
        if not keep[i]:
            continue
        marker = parse_marker(p.text)
        if marker and marker.kind in ("part", "chapter") and marker.number == 1:
            return marker.kind, _toc_key(marker.rest), i
    return None


def _toc_key(heading: str) -> str:
    return _TOC_LEADER.sub("", heading).rstrip("。.：:").strip()
