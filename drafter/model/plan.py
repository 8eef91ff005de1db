"""A plan (要点): which clauses, in which order, with which values.

A plan refers to catalogue clauses by id and may carry per-item values and plan-local
edited text; inline custom items need no catalogue. Values resolve, per slot:
item.values → plan.values → the slot's default. 地区/年份/单位 are plan-wide and
default to the meta fields. Each value's provenance (typed, confirmed, last year's …) is
kept beside it; `drafter.model.resolve` is the one place that resolves a plan.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Any, Literal

from drafter.model.clause import Slot
from drafter.model.notice import PlanNotice

NumberingStyle = Literal["continuous", "per_chapter", "sections"]
NUMBERING_STYLES: tuple[str, ...] = ("continuous", "per_chapter", "sections")



def next_plan_year(today: _dt.date | None = None) -> int:
    """The year a new plan is for: plans are drafted in winter for the coming year, so the
    year after today's (the TUI and `drafter new` agree on it)."""
    return (today or _dt.date.today()).year + 1


# Plan-wide names every template may use.
GLOBAL_NAMES: tuple[str, ...] = ("地区", "年份", "单位")


@dataclass
class PlanOptions:
    numbering: NumberingStyle = "continuous"
    bold_leads: bool = True
    caption: str | None = None  # 题注 under the title, e.g. "（2025年1月10日局党组会议审议通过）"
    signature: bool = False  # organ name and date block at the end (new plans turn it on)
    owners: bool = False  # print "（责任科室：…）" after each item
    fonts: dict[str, str] = field(default_factory=dict)  # role -> font name overrides
    dash: str = "—"  # year-range dash a bureau profile prefers ("—" or "-")
    profile: str = "gbt9704"  # style profile name (templates/profiles/<name>.yaml)
    reference: str | None = None  # a user's reference .docx (letterhead, house styles)


@dataclass
class PlanMeta:
    title: str = "{{ 地区 }}教育局{{ 年份 }}年工作要点"
    organ: str = ""  # issuing organ, e.g. "某市教育局"
    region: str = ""
    year: int = 2025
    date: str | None = None  # "2025-01-10"; rendered as 2025年1月10日
    template: str = "gongzuo_yaodian"
    options: PlanOptions = field(default_factory=PlanOptions)
    level: str | None = None  # 省/市/县/区; None: from the region's name (model.levels)
    notice: PlanNotice = field(default_factory=PlanNotice)  # the 印发通知 (build --notice)


@dataclass
class PlanText:
    """A preamble, closing or chapter intro: a clause id, or inline text."""

    clause: str | None = None
    text: str | None = None
    line: int | None = field(default=None, compare=False)


@dataclass
class PlanItem:
    clause: str | None = None  # catalogue id; None for a custom item
    variant: str | None = None  # variant id of that clause
    lead: str | None = None  # plan-local edited (or custom) lead
    body: str | None = None  # plan-local edited (or custom) body
    values: dict[str, Any] = field(default_factory=dict)  # per-item overrides
    # value name -> "confirmed" / "last_year" / "inherited" (model.provenance); none: typed
    provenance: dict[str, str] = field(default_factory=dict)
    owners: list[str] | None = None  # overrides the clause's owners
    deadline: str | None = None  # 完成时限, for the task table
    section: str | None = None  # （一） section heading this item sits under
    line: int | None = field(default=None, compare=False)  # line in the plan file
    # The item's own typed slots (a number of a custom item made a 参数 with a label and a
    # type, issue 13); a catalogue clause's slots of the same name are overridden.
    slots: list[Slot] = field(default_factory=list)

    @property
    def is_custom(self) -> bool:
        return self.clause is None


@dataclass
class PlanChapter:
    key: str | None = None  # chapter key; gives the default heading
    heading: str | None = None
    items: list[PlanItem] = field(default_factory=list)
    line: int | None = field(default=None, compare=False)
    # Prose right after the heading, before the first item (a 工作思路 chapter's paragraph,
    # a chapter's opening sentence): printed as a body paragraph, like the preamble.
    intro: PlanText | None = None


@dataclass
class Plan:
    meta: PlanMeta = field(default_factory=PlanMeta)
    preamble: PlanText | None = None
    chapters: list[PlanChapter] = field(default_factory=list)
    closing: PlanText | None = None
    values: dict[str, Any] = field(default_factory=dict)
    baseline: dict[str, Any] = field(default_factory=dict)  # last year's values (drafter roll)
    # plan-wide value name -> "confirmed" / "last_year" / "inherited"; none: typed
    provenance: dict[str, str] = field(default_factory=dict)
    # Where things were read from, for messages only: not part of a plan's identity, so a
    # plan saved and loaded again compares equal.
    value_lines: dict[str, int] = field(default_factory=dict, compare=False)
    path: str | None = field(default=None, compare=False)

    def meta_values(self) -> dict[str, Any]:
        """地区/年份/单位 as the meta holds them (the one place that maps names to meta)."""
        return {"地区": self.meta.region, "年份": self.meta.year, "单位": self.meta.organ}

    def set_meta_value(self, name: str, value: Any) -> None:
        """Store 地区/年份/单位 in the meta (None clears a text)."""
        if name == "地区":
            self.meta.region = "" if value is None else str(value)
        elif name == "年份" and value is not None:
            self.meta.year = int(value)
        elif name == "单位":
            self.meta.organ = "" if value is None else str(value)

    def global_values(self) -> dict[str, Any]:
        """地区/年份/单位: plan values win over meta."""
        base = self.meta_values()
        for name in GLOBAL_NAMES:
            if name in self.values:
                base[name] = self.values[name]
        return base
