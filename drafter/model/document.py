"""A mined document: what the miner finds in one source file.

Its shape is the `drafter mine --json` contract (see `to_json`). `lead`/`body` are the
cleaned source text; `lead_template`/`body_template` hold the same text with slots as
`{{ 名称 }}` placeholders.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from drafter.model.clause import Slot


@dataclass
class MinedItem:
    marker: str  # "1." / "（一）" / "" when the item had no number
    lead: str
    body: str
    category: str
    section: str | None = None
    kind: str = "plan"  # "plan" | "summary"
    owners: list[str] = field(default_factory=list)
    slots: list[Slot] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    lead_template: str = ""
    body_template: str = ""
    line: int | None = None  # 1-based line in the source file (.docx: paragraph number)
    incomplete: bool = False  # cut by the page's end or an elision: not reusable unreviewed


@dataclass
class MinedChapter:
    marker: str  # "一、"
    heading: str  # without its numeral
    category: str
    items: list[MinedItem] = field(default_factory=list)
    line: int | None = None
    intro: str | None = None  # prose before its first item (not a clause)
    intro_line: int | None = None  # 1-based source line where that prose starts
    # a short lead-in line before its first item ("重点抓好以下工作："): not a clause and not
    # checked as prose, but kept by import as part of the chapter's intro
    lead_in: str | None = None


@dataclass
class MinedDocument:
    source: str
    title: str | None = None
    year: int | None = None
    region: str | None = None
    level: str | None = None  # 省/市/县/区 whose words the document speaks (全市 …)
    genre: str = "要点"  # "要点" | "计划" | "总结+计划"
    preamble: str | None = None
    closing: str | None = None
    dropped: list[str] = field(default_factory=list)
    chapters: list[MinedChapter] = field(default_factory=list)
    preamble_line: int | None = None
    closing_line: int | None = None
    organ: str | None = None  # the 落款's organ, from the plan's end (else its notice)
    date: str | None = None  # the 落款's date (成文日期) as YYYY-MM-DD

    def items(self) -> list[MinedItem]:
        return [i for c in self.chapters for i in c.items]

    def to_json(self) -> dict[str, Any]:
        """The --json contract (extra keys are allowed, the contract keys are always present)."""
        return {
            "source": self.source,
            "title": self.title,
            "year": self.year,
            "region": self.region,
            "level": self.level,
            "genre": self.genre,
            "preamble": self.preamble,
            "closing": self.closing,
            "organ": self.organ,
            "date": self.date,
            "dropped": list(self.dropped),
            "chapters": [
                {
                    "marker": c.marker,
                    "heading": c.heading,
                    "category": c.category,
                    "intro": c.intro,
                    "intro_line": c.intro_line,
                    "items": [
                        {
                            "marker": i.marker,
                            "section": i.section,
                            "lead": i.lead,
                            "body": i.body,
                            "category": i.category,
                            "kind": i.kind,
                            "owners": list(i.owners),
                            "slots": [asdict(s) for s in i.slots],
                            "tags": list(i.tags),
                            "lead_template": i.lead_template,
                            "body_template": i.body_template,
                            "line": i.line,
                            "incomplete": i.incomplete,
                        }
                        for i in c.items
                    ],
                }
                for c in self.chapters
            ],
        }
