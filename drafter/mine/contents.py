"""A plan's own contents list (目录), or a site's outline of it, in front of the text.

Copies of plans often open with the document's contents: its headings with page numbers run
onto them ("一、加强党的建设1", "（一）加强理论学习……2"). When the text follows, the list is a
second copy of the headings and goes. When the page ends after it (a truncated preview), the
outline is all there is: its headings stay, without page numbers, and are marked cut, so the
clauses mined from them are lead-only and flagged incomplete.
Pure functions over cleaned paragraphs; they decide nothing about chapters or items.
"""

from __future__ import annotations

import copy
import re
from typing import Protocol, TypeVar

from drafter.mine.markers import parse_marker

_CONTENTS_LINE = re.compile(r"^目\s*录[:：]?$")
# A heading with its page number: dot or space leaders, or the number right after the text.
_ENTRY = re.compile(
    r"^(?P<head>[^。；;！？!?]{2,60}?)(?:\s*[.．…·。\-—_]{2,}\s*|\s+|(?<=[\u4e00-\u9fff）)”》]))"
    r"(?P<page>\d{1,3})$"
)
_MIN_RUN = 3  # two numbered lines ending in a number can be anything
_WORDS = re.compile(r"[^\u4e00-\u9fff0-9A-Za-z]")


class _Para(Protocol):
    text: str
    cut: bool


P = TypeVar("P", bound=_Para)


def entry_heading(text: str) -> str | None:
    """The heading of a contents entry ("一、加强党的建设……1" → "一、加强党的建设"), or None."""
    m = _ENTRY.match(text)
    if m is None or parse_marker(m.group("head")) is None:
        return None
    return m.group("head").strip()


def take_contents(paras: list[P], dropped: list[str]) -> list[P]:
    """`paras` without a contents list the text repeats; an outline the text lacks, kept bare."""
    start = next((i for i, p in enumerate(paras) if entry_heading(p.text) is not None), None)
    if start is None:
        return paras
    end = start
    while end < len(paras) and entry_heading(paras[end].text) is not None:
        end += 1
    if end - start < _MIN_RUN:
        return paras
    heads = [entry_heading(p.text) or "" for p in paras[start:end]]
    label = start - 1 if start > 0 and _CONTENTS_LINE.match(paras[start - 1].text) else start
    rest = {_key(p.text) for p in paras[end:]}
    # The text follows when it repeats the first heading: as a heading, or (a compilation's
    # list of its articles) as the first article's title run into its text.
    bare = _key(_bare(heads[0]))
    if _key(heads[0]) in rest or (len(bare) >= _TITLE_MIN and any(
            r.startswith(bare) for r in rest)):
        dropped.extend(p.text for p in paras[label:end])
        return [*paras[:label], *paras[end:]]
    for p, head in zip(paras[start:end], heads, strict=True):
        p.text, p.cut = head, True  # the outline is all there is: headings without pages
    dropped.extend(p.text for p in paras[label:start])
    return [*paras[:label], *paras[start:]]


def _key(text: str) -> str:
    return _WORDS.sub("", text)


def take_inline_contents(paras: list[P], dropped: list[str]) -> list[P]:
    """`take_contents` for a contents list flattened onto one line ("目录1.甲2 2.乙13 3.丙18"):
    run once a document-sharing site's chunks are joined, as the list may span two."""
    split = [q for p in paras for q in _split_inline_contents(p)]
    return take_contents(split, dropped) if len(split) > len(paras) else paras


def _bare(head: str) -> str:
    marker = parse_marker(head)
    return marker.rest if marker is not None else head


# A contents list flattened onto one line: "目录1.甲文2 2.乙文13 3.丙文18" (each entry's page
# number runs into the next entry's number).
_INLINE_LABEL = re.compile(r"目\s*录[:：]?\s*(?=1\s*[.．、])")
_PAGE = r"(?P<page>[1-9]\d{0,2})"
_LAST_ENTRY = re.compile(r"(?P<head>.{2,60}?)" + _PAGE + r"(?![\d年月日%个所名人万元])")
_TITLE_MIN = 6


def _split_inline_contents(p: P) -> list[P]:
    """A paragraph holding a flattened contents list, as the list's lines and the rest."""
    label = _INLINE_LABEL.search(p.text)
    if label is None:
        return [p]
    text, at = p.text, label.end()
    entries: list[str] = []
    pages: list[int] = []
    k = 1
    while True:
        marker = re.compile(rf"{k}\s*[.．、]\s*").match(text, at)
        if marker is None:
            break
        following = re.compile(
            r"(?P<head>.{2,60}?)" + _PAGE + rf"(?={k + 1}\s*[.．、])").match(text, marker.end())
        entry = following or _LAST_ENTRY.match(text, marker.end())
        if entry is None:
            break
        entries.append(f"{k}.{entry.group('head').strip()}{entry.group('page')}")
        pages.append(int(entry.group("page")))
        at, k = entry.end(), k + 1
        if following is None:
            break
    if len(entries) < _MIN_RUN or pages != sorted(pages):
        return [p]
    pieces = [text[: label.start()].strip(), "目录", *entries, text[at:].strip()]
    out: list[P] = []
    for piece in pieces:
        if piece:
            q = copy.copy(p)
            q.text = piece
            out.append(q)
    return out
