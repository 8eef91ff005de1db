"""Entries: the items of any plan, however it came in, in the one shape compare works on.

A superior's plan arrives as a document the miner read (MinedDocument); the official's own plan
as rendered blocks (a plan YAML rendered leniently). Both become a list of `Entry`, each with a
reference a person recognises ("二、7." or "第7条"), its chapter heading, lead and body, and the
catalogue clause id where there is one. Pure functions; no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass

from drafter.model.blocks import Block
from drafter.model.document import MinedDocument


@dataclass(frozen=True)
class Entry:
    ref: str  # "二、7." as printed, or "第7条"
    chapter: str  # the chapter heading (without its numeral)
    lead: str
    body: str
    clause: str | None = None  # catalogue clause id (rendered plans)
    deadline: str | None = None  # 完成时限 (plan items)
    line: int | None = None  # line in the source file, where known

    @property
    def text(self) -> str:
        return f"{self.lead}。{self.body}" if self.lead and self.body else self.lead or self.body

    @property
    def title(self) -> str:
        """A short name for tables: the lead, or the start of the body."""
        if self.lead:
            return self.lead
        return self.body[:24] + ("…" if len(self.body) > 24 else "")


def entries_from_document(doc: MinedDocument) -> list[Entry]:
    """Plan items of a mined document (summary items of a year-end report are left out)."""
    out: list[Entry] = []
    for chapter in doc.chapters:
        for item in chapter.items:
            if item.kind == "summary":
                continue
            marker = item.marker or f"第{len(out) + 1}条"
            out.append(Entry(f"{chapter.marker}{marker}", chapter.heading, item.lead.strip("。"),
                             item.body, line=item.line))
    return out


def entries_from_blocks(blocks: list[Block]) -> list[Entry]:
    """Items of a rendered plan, with their chapter headings and clause ids."""
    out: list[Entry] = []
    chapter, chapter_marker = "", ""
    for block in blocks:
        if block.role == "chapter":
            chapter, chapter_marker = block.text, block.marker
        elif block.role == "item":
            marker = block.marker or f"第{len(out) + 1}条"
            out.append(Entry(f"{chapter_marker}{marker}", chapter, block.lead.strip().rstrip("。"),
                             block.text, clause=block.location.clause, deadline=block.deadline,
                             line=block.location.line))
    return out
