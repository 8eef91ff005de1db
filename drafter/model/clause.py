"""A clause (条目): one reusable item of a plan, with its slots (参数) and variants (变体).

`lead` and `body` are Jinja2 template text that may hold only simple placeholders
(`{{ 名称 }}`, `{{ 年份 + 1 }}`); the catalogue loader enforces that on the AST.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

SlotType = Literal["integer", "decimal", "percent", "text", "year"]
SLOT_TYPES: tuple[str, ...] = ("integer", "decimal", "percent", "text", "year")

# The flag of a clause mined from a page that cut it (truncated, or text elided): shown in the
# TUI like any flag, so it is reviewed before reuse.
INCOMPLETE_FLAG = "原文不完整（网页截断或有省略）：请核对补全后再用"

ClauseKind = Literal["plan", "summary", "preamble", "closing"]
CLAUSE_KINDS: tuple[str, ...] = ("plan", "summary", "preamble", "closing")


@dataclass
class Slot:
    """A fillable local number or name inside a clause."""

    name: str  # the template identifier, e.g. "新建幼儿园数"
    label: str  # Chinese label from the context, e.g. "新建公办幼儿园"
    type: SlotType = "text"
    unit: str | None = None  # "所", "%", "万元" ...
    default: Any = None  # the mined value; None for placeholders (xx, ***)


@dataclass
class Source:
    """Where a wording came from."""

    file: str
    marker: str | None = None  # "1." / "（一）" / "四.4"
    year: int | None = None
    region: str | None = None
    title: str | None = None
    # 省/市/县/区: the level whose words (全市, 市委市政府 …) the source uses for its own
    # jurisdiction, recorded by the miner; None in catalogues written before it was recorded
    # (then the region's name decides, `drafter.model.levels.clause_level`).
    level: str | None = None


@dataclass
class Variant:
    """Another wording of the same clause, from another source. Never merged silently."""

    id: str  # "<clause id>/<n>" e.g. "js-3fa2c1/2"
    lead: str
    body: str
    slots: list[Slot] = field(default_factory=list)
    source: Source | None = None
    owners: list[str] = field(default_factory=list)


@dataclass
class Clause:
    id: str  # stable, e.g. "js-3fa2c1"
    chapter: str  # one of CHAPTER_KEYS
    lead: str  # bold lead phrase, no final punctuation (may be "" for preamble/closing)
    body: str
    kind: ClauseKind = "plan"
    tags: list[str] = field(default_factory=list)
    owners: list[str] = field(default_factory=list)  # 责任单位/责任科室
    slots: list[Slot] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    variants: list[Variant] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)  # check flags, e.g. "自2023年起过时：党的十九大"

    def slot(self, name: str) -> Slot | None:
        return next((s for s in self.slots if s.name == name), None)

    def variant(self, variant_id: str | None) -> Variant | None:
        if variant_id is None:
            return None
        return next((v for v in self.variants if v.id == variant_id), None)

    def wording(self, variant_id: str | None = None) -> tuple[str, str, list[Slot]]:
        """(lead, body, slots) of the main wording or of the named variant."""
        v = self.variant(variant_id)
        if v is None:
            return self.lead, self.body, self.slots
        return v.lead, v.body, v.slots

    @property
    def text(self) -> str:
        """Lead and body as one paragraph, for search and display."""
        if not self.lead:
            return self.body
        return f"{self.lead}。{self.body}" if self.body else f"{self.lead}。"
