"""What the checks read and what they report.

A `Draft` is one neutral view of a plan-as-rendered (blocks) or of a mined document: text
segments with their places, the chapter outline, the title and the plan year. Every rule reads
a Draft and yields `Finding`s, so one rule serves both kinds of input. No rule logic lives here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from drafter.check.table import CheckProfile, RuleTable, Severity
from drafter.model.blocks import Location

SEVERITY_ORDER: dict[str, int] = {"错误": 0, "警告": 1, "提示": 2}


@dataclass(frozen=True)
class Finding:
    """One problem: how bad, where, the offending text, why, and what to write instead."""

    severity: Severity
    rule: str  # e.g. "time.shijiuda", "years.same-range", "punct.halfwidth"
    message: str
    text: str  # the offending text (an excerpt)
    location: Location = field(default_factory=Location)
    part: str | None = None  # "标题", "总体要求", "结束语", "原文" … when not an item
    fix: str | None = None

    def where(self) -> str:
        """第二章 第3条（js-1a2b3c） 001.txt:12 — whatever is known."""
        parts = [p for p in (self.part, self.location.describe()) if p]
        if self.location.file:
            place = self.location.file
            if self.location.line is not None:
                place += f":{self.location.line}"
            parts.append(place)
        elif self.location.line is not None:
            parts.append(f"第{self.location.line}行")
        return " ".join(parts) or "全文"

    def to_json(self) -> dict[str, Any]:
        loc = self.location
        return {
            "severity": self.severity,
            "rule": self.rule,
            "message": self.message,
            "text": self.text,
            "fix": self.fix,
            "where": self.where(),
            "part": self.part,
            "chapter": loc.chapter,
            "item": loc.item,
            "clause": loc.clause,
            "file": loc.file,
            "line": loc.line,
        }


@dataclass(frozen=True)
class Segment:
    """One piece of text to check: the title, the preamble, a heading, an item, a raw line."""

    role: str  # title | caption | preamble | chapter | intro | section | item | summary |
    # closing | raw
    text: str  # lead + body for items, the heading for headings
    location: Location = field(default_factory=Location)
    part: str | None = None
    lead: str = ""  # item lead as printed (blocks: with its final 。)
    marker: str = ""
    key: str | None = None  # chapter key of the chapter it sits in, where known


@dataclass(frozen=True)
class OutlineItem:
    marker: str
    location: Location
    section: str | None = None
    label: str = ""  # marker and the start of the lead, for reports
    category: str | None = None  # the item's own chapter key (mined drafts' plan items)


@dataclass
class OutlineChapter:
    marker: str
    heading: str
    key: str | None
    location: Location
    items: list[OutlineItem] = field(default_factory=list)
    prose: bool = False  # the chapter is (or opens with) prose: a mined chapter's intro


@dataclass(frozen=True)
class BaselinePair:
    """A slot value next to last year's value (Plan.baseline), for the numbers rules."""

    name: str
    label: str
    value: Any
    baseline: Any
    location: Location = field(default_factory=Location)


@dataclass
class Draft:
    segments: list[Segment] = field(default_factory=list)
    outline: list[OutlineChapter] = field(default_factory=list)
    title: str | None = None
    title_location: Location = field(default_factory=Location)
    year: int | None = None  # the plan year the draft is judged against
    body_year: int | None = None  # the year the body's preamble speaks of, where stated
    raw_lines: list[str] | None = None  # the source as read, before cleaning (text sources)
    source: str | None = None
    dropped: list[str] = field(default_factory=list)
    baseline: list[BaselinePair] = field(default_factory=list)
    dash: str | None = None  # the plan's own year-range dash, when it has one

    def text_segments(self) -> list[Segment]:
        """Segments that carry prose (raw lines are checked separately)."""
        return [s for s in self.segments if s.role != "raw"]


@dataclass(frozen=True)
class Context:
    table: RuleTable
    profile: CheckProfile
    year: int | None
    # the severities the caller wants (`drafter build` asks for errors only): a rule may skip
    # work whose findings could only be of other severities
    wanted: frozenset[str] = frozenset(SEVERITY_ORDER)


def is_junk_line(line: str, dropped: list[str]) -> bool:
    """Is this raw line (mostly) one of the junk texts the reader dropped?"""
    squeezed = re.sub(r"\s+", "", line)
    for junk in dropped:
        text = re.sub(r"\s+", "", junk)
        if text and (text == squeezed or (text in squeezed and 2 * len(text) >= len(squeezed))):
            return True
    return False


def excerpt(text: str, start: int, end: int, width: int = 12) -> str:
    """The matched text with a little context on each side, for the report."""
    left = max(0, start - width)
    right = min(len(text), end + width)
    prefix = "…" if left > 0 else ""
    suffix = "…" if right < len(text) else ""
    return f"{prefix}{text[left:right]}{suffix}".replace("\n", " ")
