"""A plan's own contents list (目录), or a site's outline of it, in front of the text.

Copies of plans often open with the document's contents: its headings with page numbers run
onto them ("一、加强党的建设1", "（一）加强理论学习……2"). When the text follows, the list is a
second copy of the headings and goes. When the page ends after it (a truncated preview), the
outline is all there is: its headings stay, without page numbers, and are marked cut, so the
clauses mined from them are lead-only and flagged incomplete.
Pure functions over cleaned paragraphs; they decide nothing about chapters or items.
"""

from __future__ import annotations

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
    if _key(heads[0]) in rest:  # the text follows: the list is a copy of its headings
        dropped.extend(p.text for p in paras[label:end])
        return [*paras[:label], *paras[end:]]
    for p, head in zip(paras[start:end], heads, strict=True):
        p.text, p.cut = head, True  # the outline is all there is: headings without pages
    dropped.extend(p.text for p in paras[label:start])
    return [*paras[:label], *paras[start:]]


def _key(text: str) -> str:
    return _WORDS.sub("", text)
