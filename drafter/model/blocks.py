"""Rendered text blocks: the one shape every writer (.docx, .md, .txt, preview) consumes.

Render turns a plan into blocks; writers only lay blocks out, so the preview and the
Word document cannot drift. `check` also reads blocks, so a plan is checked as rendered.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

BlockRole = Literal[
    "title", "caption", "preamble", "chapter", "section", "item", "closing", "signature", "date"
]


@dataclass(frozen=True)
class Location:
    """Where a block came from, for messages: 第二章 第3条 (js-1a2b3c), plan file line."""

    chapter: int | None = None  # 1-based chapter index
    item: int | None = None  # the item's printed number
    clause: str | None = None
    file: str | None = None
    line: int | None = None
    index: int | None = None  # 0-based position of the item in its chapter (when known)

    def describe(self) -> str:
        from drafter.model.numbering import chinese_numeral

        parts: list[str] = []
        if self.chapter is not None:
            parts.append(f"第{chinese_numeral(self.chapter)}章")
        if self.item is not None:
            parts.append(f"第{self.item}条")
        if self.clause:
            parts.append(f"（{self.clause}）")
        return " ".join(parts)


@dataclass
class Block:
    role: BlockRole
    text: str  # the body text (for headings: the heading; for items: the rest after the lead)
    marker: str = ""  # literal numbering: "一、" "（一）" "1."
    lead: str = ""  # the bold / run-in lead phrase, with its final "。"
    owners: list[str] = field(default_factory=list)
    deadline: str | None = None
    location: Location = field(default_factory=Location)

    @property
    def plain(self) -> str:
        """The block as one line of plain text, numbering included."""
        return f"{self.marker}{self.lead}{self.text}"
