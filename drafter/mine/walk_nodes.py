"""The walk's data: item nodes under construction, chapters of them, the document's levels.

Plain data, filled by walk.py (and its 一是 runs, walk_points.py) and read by structure.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from drafter.mine.clause_text import split_lead, strip_final

HEADING_MAX = 60


@dataclass
class Node:
    """An item under construction: its marker paragraph and the paragraphs that continue it."""

    marker: str
    line: int
    texts: list[str]
    kind: str
    standalone: bool = False  # a heading on its own line: texts[0] is the lead
    numbered: bool = True
    section: str | None = None
    container: bool = False  # a chapter/section that turned out to hold numbered items
    more_lines: list[int] = field(default_factory=list)  # source lines of texts[1:]

    def last_line(self) -> int:
        return self.more_lines[-1] if self.more_lines else self.line

    def pop_text(self) -> tuple[str, int]:
        """Take the last paragraph off (with its source line)."""
        line = self.last_line()
        if self.more_lines:
            self.more_lines.pop()
        return self.texts.pop(), line


@dataclass
class Chapter:
    marker: str
    heading: str
    line: int
    nodes: list[Node] = field(default_factory=list)
    own: Node | None = None  # the chapter's run-in text, an item unless children follow
    intro: list[str] = field(default_factory=list)  # prose before its first numbered child
    intro_line: int | None = None  # where that prose starts
    # a short lead-in line before its first item ("重点抓好以下工作："): not a clause, but the
    # user's text, which an imported plan keeps
    lead_in: list[str] = field(default_factory=list)
    lead_in_line: int | None = None


@dataclass
class Levels:
    top: str | None  # marker kind of chapters; None: one unnamed chapter
    section: str | None
    item: str | None


def node_heading(node: Node) -> str:
    if node.standalone:
        return strip_final(node.texts[0])
    lead, _ = split_lead(node.texts[0])
    return lead or strip_final(node.texts[0][:HEADING_MAX])
