"""The wrappers around a plan that are neither its title nor its clauses.

A plan often arrives inside its 印发通知 ("关于印发《…》的通知", a document number, addressees,
"现将…印发给你们", signature, date, "(此件主动公开)", 附件 line, 抄送 line), or with a table of
contents copied before the text, and it ends with its own 落款 (an organ line, a date line).
This module finds those paragraphs and takes them out; it keeps the plan's name from the
notice in case the plan has no title line of its own, and the 落款's organ and date (the
plan's own at its end, else the notice's) for the plan's meta.
It works on cleaned paragraphs and never decides chapters or items.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

from drafter.mine.markers import parse_marker
from drafter.mine.para import Para
from drafter.model.numbering import parse_chinese_numeral

_NOTICE_TITLE = re.compile(
    r"^(?:.{0,30}?)关于(?:印发|下发|转发|发布|印送)(?P<what>.+?)的(?:通知|函)$"
)
_BOOK = re.compile(r"《(?P<name>[^《》]+)》")
_DOC_NUMBER = re.compile(r"^.{1,12}[〔\[【（(]\d{4}[〕\]】）)]\s*\d+\s*号$")
_ADDRESSEE = re.compile(r"^(?:各|局属|局直属|直属|市直|有关|全市|全县|全区).{0,80}[：:]$")
_TRANSMIT = re.compile(r"^现将.{0,80}(?:印发|转发|下发|发)给(?:你们|你单位|各单位)")
_DATE_BODY = (r"(?P<year>\d{4}|[〇○零一二三四五六七八九]{4})年"
              r"(?P<month>\d{1,2}|[一二三四五六七八九十]{1,3})月"
              r"(?:(?P<day>\d{1,2}|[一二三四五六七八九十]{1,3})日)?")
_DATE = re.compile(rf"^[（(]?{_DATE_BODY}[）)]?$")
_PUBLIC = re.compile(r"^[（(]\s*此件.{0,6}公开\s*[）)]$")
_ATTACHMENT = re.compile(r"^附件\s*\d*\s*[：:]?")
_COPY = re.compile(r"^(?:抄送|抄报|主送|印发)[：:]|.{0,30}\d{4}年\d{1,2}月\d{1,2}日印发$")
_SIGNATURE = re.compile(r"(?:局|委员会|委|政府|办公室|办公厅|中心|公室)$")
# A 落款 organ line: an organisation's name and nothing else (no sentence, no number).
_ORGAN_LINE = re.compile(r"^[^，。；：！？、,.;:!?（）()“”《》\d\s]{2,30}"
                         r"(?:局|委员会|委|政府|办公室|办公厅|厅|中心)$")
# Organ and date run together on one line (the gap between them is lost in cleaning).
_SIGNED = re.compile(rf"^(?P<organ>[^，。；：！？、,.;:!?（）()“”《》\d\s]{{2,30}}?"
                     rf"(?:局|委员会|委|政府|办公室|办公厅|厅|中心)){_DATE_BODY}$")
_CN_DIGITS = str.maketrans("〇○零一二三四五六七八九", "000123456789")

_TOC_HEADING = re.compile(r"^目\s*录$")
_TOC_LEADER = re.compile(r"(?:[.…·．。\-—_]{3,}|\s)\s*\d{1,3}$")
_TOC_ENTRY_MAX = 60


@dataclass
class Unwrapped:
    paras: list[Para]
    notice_name: str | None  # the plan's name as the notice gives it (from 《…》), if any
    removed: list[str]
    organ: str | None = None  # the 落款's organ ("XX市教育局"), if any
    date: str | None = None  # the 落款's date as YYYY-MM-DD, if any


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
    organ, date = _signature(paras, keep)
    out: list[Para] = []
    for p, k in zip(paras, keep, strict=True):
        (out.append(p) if k else removed.append(p.text))
    return Unwrapped(out, name, removed, organ, date)


def _signature(paras: list[Para], keep: list[bool]) -> tuple[str | None, str | None]:
    """The 落款 (organ, ISO date): the plan's own after its last paragraph, taken out of the
    text (a lone organ line would otherwise read as a clause), else the notice's."""
    organ: str | None = None
    date: str | None = None
    for i in range(len(paras) - 1, -1, -1):
        text = paras[i].text
        signed = _SIGNED.match(text)
        if signed is not None and organ is None and date is None:
            organ, date, keep[i] = signed.group("organ"), _iso(signed), False
            break
        dated = _DATE.match(text)
        if dated is not None:
            date = date or _iso(dated)
            keep[i] = False
            continue
        if organ is None and _ORGAN_LINE.match(text) and parse_marker(text) is None:
            organ, keep[i] = text, False
            continue
        if keep[i] or organ is not None:
            break  # the plan's last paragraph: nothing before it is its 落款
    if organ is None or date is None:
        notice_organ, notice_date = _notice_signature(paras, keep)
        organ, date = organ or notice_organ, date or notice_date
    return organ, date


def _notice_signature(paras: list[Para], keep: list[bool]) -> tuple[str | None, str | None]:
    """The first organ line + date line the notice around the plan signs with."""
    for i in range(len(paras) - 1):
        dated = _DATE.match(paras[i + 1].text)
        if (not keep[i] and dated is not None and _ORGAN_LINE.match(paras[i].text)
                and parse_marker(paras[i].text) is None):
            return paras[i].text, _iso(dated)
    return None, None


def _iso(date: re.Match[str]) -> str | None:
    """"2024年2月20日" / "二〇二四年二月二十日" as "2024-02-20"; None without a day or when
    not a calendar date."""
    if date.group("day") is None:
        return None
    year = int(date.group("year").translate(_CN_DIGITS))
    month, day = (int(g) if g.isdigit() else parse_chinese_numeral(g)
                  for g in (date.group("month"), date.group("day")))
    if month is None or day is None:
        return None
    try:
        return _dt.date(year, month, day).isoformat()
    except ValueError:
        return None


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
