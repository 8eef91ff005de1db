"""Checks that need the plan behind the text: other levels' words, other places' names, names
carried from the source plan, the 落款, targets against last year's, and values the user has
not confirmed (待核实, in the words `build` reports them).

Why: a county plan built from a city's clauses keeps 全市, 市级, the city's districts and its
schools' names; a rolled plan keeps last year's targets. The text alone cannot tell a
legitimate 省级 from a wrong 市级, nor 安顺市 in its own plan from 安顺市 in a county's: these
rules read the plan's resolved view (its level, region, each item's source region and values)
beside the rendered blocks. Every finding names the item, the words, and the fix.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from drafter.check.finding import Finding, excerpt
from drafter.check.gazetteer import Gazetteer, load_gazetteer
from drafter.model.blocks import Block, Location
from drafter.model.figures import TargetChange, target_changes
from drafter.model.levels import LevelTerms
from drafter.model.resolve import ResolvedPlan, SlotUse
from drafter.model.value_problems import unconfirmed_problem, where

UNCONFIRMED_RULE = "values.unconfirmed"
# The severities these rules yield: none is an error, so a caller that wants errors only
# (`drafter build`) skips them, gazetteer and all (tests/test_build_speed.py holds this true).
SEVERITIES: tuple[str, ...] = ("警告", "提示")

_PARTS = {"title": "标题", "caption": "题注", "preamble": "总体要求", "closing": "结束语",
          "chapter": "章标题", "section": "节标题", "signature": "落款"}
# A place named in a partnership (东西部协作, 结对帮扶) is quoted on purpose.
_PARTNER = re.compile(r"结对|帮扶|协作|对口|援建|托管|跟岗|挂职|东西部|合作|交流学习")
_QUOTED = re.compile(r"“([^“”]{2,30})”|《([^《》]{2,40})》")
# Quoted names that are local proper names rather than policy slogans.
_PROPER = re.compile(r"^\S{2,}(?:学校|中学|小学|学院|大学|幼儿园)$|杯|大赛|竞赛|联赛|艺术节|"
                     r"运动会|文化节|科技节")


@dataclass
class PlanFacts:
    """What these rules know about the plan, taken from its resolved view."""

    region: str
    level: str | None
    terms: LevelTerms
    sources: dict[tuple[int, int], str | None] = field(default_factory=dict)
    # catalogue items whose wording speaks at no known level (never converted)
    unlevelled: set[tuple[int, int]] = field(default_factory=set)
    edited: set[tuple[int, int]] = field(default_factory=set)
    signature: bool = True
    date: str | None = None
    targets: list[TargetChange] = field(default_factory=list)
    pending: list[SlotUse] = field(default_factory=list)  # 待核实, each value once
    plan_file: str | None = None


def plan_facts(resolved: ResolvedPlan) -> PlanFacts:
    plan = resolved.plan
    facts = PlanFacts(region=plan.meta.region, level=resolved.level,
                      terms=resolved.catalogue.level_terms,
                      signature=plan.meta.options.signature, date=plan.meta.date,
                      targets=target_changes(resolved),
                      pending=resolved.unconfirmed(), plan_file=plan.path)
    for item in resolved.items():
        key = (item.chapter, item.index)
        facts.sources[key] = item.source_region
        if item.clause is not None and item.source_level is None:
            facts.unlevelled.add(key)
        if item.item.clause is None or item.item.lead is not None or item.item.body is not None:
            facts.edited.add(key)
    return facts


def plan_findings(blocks: Sequence[Block], facts: PlanFacts) -> list[Finding]:
    found = list(_text_findings(blocks, facts))
    found += _signature(facts)
    found += _targets(facts)
    found += _unconfirmed(facts)
    return found


def _unconfirmed(facts: PlanFacts) -> Iterator[Finding]:
    """Each value printed but not confirmed (去年, 目录默认值, 沿用): a warning, so `check`
    lists what `build` reports and `build --strict` refuses."""
    for use in facts.pending:
        problem = unconfirmed_problem(use, facts.plan_file)
        yield Finding("警告", UNCONFIRMED_RULE, problem.message, f"{use.label}：{use.value}",
                      use.location, None if use.part == "item" else where(use), problem.hint)


def _key(loc: Location) -> tuple[int, int] | None:
    if loc.chapter is None or loc.index is None:
        return None
    return loc.chapter - 1, loc.index


def _text_findings(blocks: Sequence[Block], facts: PlanFacts) -> Iterator[Finding]:
    gaz = load_gazetteer()
    family = gaz.family(facts.region)
    for block in blocks:
        if block.role in ("signature", "date"):
            continue
        text = f"{block.lead}{block.text}"
        part = _PARTS.get(block.role)
        if block.role == "preamble" and block.location.chapter is not None:
            part = "章首段"  # a chapter's intro paragraph
        key = _key(block.location)
        source = facts.sources.get(key) if key else None
        yield from _level_words(text, block.location, part, facts, source, key)
        if family:
            yield from _places(text, block.location, part, facts, gaz, family, source)
        if key is not None and key not in facts.edited and source and source != facts.region:
            yield from _proper_names(text, block.location, part, source)


def _from(source: str | None) -> str:
    return f"（本条采自{source}的计划）" if source else ""


def _level_words(text: str, loc: Location, part: str | None, facts: PlanFacts,
                 source: str | None, key: tuple[int, int] | None) -> Iterator[Finding]:
    if key in facts.edited and key not in facts.unlevelled and facts.sources.get(key):
        why = "（本条文字已在计划中改写，级别用语不再自动转换）"
    elif key in facts.unlevelled:
        why = "（目录中没有记录本条来源的级别，未能自动转换级别用语）"
    else:
        why = _from(source)
    for hit in facts.terms.foreign(text, facts.level):
        fix = f"改为“{hit.fix}”" if hit.fix else "改为本级的说法"
        yield Finding("警告", "foreign.level",
                      f"“{hit.word}”是{hit.level}级的说法，本计划是{facts.level}级（{facts.region}）"
                      f"{why}", excerpt(text, hit.start, hit.end), loc, part,
                      f"{fix}；如确指上级，可忽略")


def _places(text: str, loc: Location, part: str | None, facts: PlanFacts, gaz: Gazetteer,
            family: set[str], source: str | None) -> Iterator[Finding]:
    yield from _source_name(text, loc, part, facts, gaz, family, source)
    for start, end, name in gaz.find(text):
        codes = gaz.names.get(name, [])
        if any(c in family for c in codes):
            continue
        if _PARTNER.search(_sentence(text, start)):
            continue
        where = "、".join(dict.fromkeys(gaz.describe(c) for c in codes[:3]))
        yield Finding("警告", "foreign.place",
                      f"出现其他地区的地名“{name}”（{where}），不是{facts.region}或其上下级"
                      f"{_from(source)}", excerpt(text, start, end), loc, part,
                      "改为本地的名称，或删去")


def _source_name(text: str, loc: Location, part: str | None, facts: PlanFacts,
                 gaz: Gazetteer, family: set[str], source: str | None) -> Iterator[Finding]:
    """The source region's short name (安顺 of 安顺市: 安顺学院, 《安顺…规划》) in another
    region's plan: the full names are the gazetteer's, the short one only the source tells."""
    if not source or source == facts.region or any(c in family for c in gaz.codes(source)):
        return
    stem = re.sub(r"(特别行政区|自治区|自治州|自治县|省|市|县|区|州|盟|旗)$", "", source)
    if len(stem) < 2 or "X" in stem.upper() or stem not in text:
        return
    start = text.index(stem)
    if text.startswith(source, start):
        return  # the full name: reported as a place below
    yield Finding("警告", "foreign.source",
                  f"出现来源计划的地区名“{stem}”（本条采自{source}的计划）",
                  excerpt(text, start, start + len(stem)), loc, part,
                  f"改为{facts.region}的名称，或删去")


def _sentence(text: str, at: int) -> str:
    """The sentence (up to 。；！？) around position `at`."""
    begin = max(text.rfind(p, 0, at) for p in "。；！？") + 1
    ends = [i for p in "。；！？" if (i := text.find(p, at)) >= 0]
    return text[begin:min(ends) if ends else len(text)]


def _proper_names(text: str, loc: Location, part: str | None,
                  source: str) -> Iterator[Finding]:
    seen: set[str] = set()
    for match in _QUOTED.finditer(text):
        name = match.group(1) or match.group(2)
        if name in seen or not _PROPER.search(name):
            continue
        seen.add(name)
        yield Finding("提示", "foreign.name",
                      f"“{name}”是来源计划（{source}）中的名称，请核实本地是否有同名的学校、"
                      "活动或项目", excerpt(text, match.start(), match.end()), loc, part,
                      "如本地没有，请改为本地的名称或删去")


def _signature(facts: PlanFacts) -> Iterator[Finding]:
    if not facts.signature:
        yield Finding("提示", "plan.signature",
                      "文末没有落款和成文日期（options.signature 为 false）", "", Location(),
                      "落款",
                      "正式印发的文件应有落款和成文日期：在终端界面按 i "
                      "勾选“文末加落款和日期”，或在计划文件中设 signature: true")
    elif not facts.date:
        yield Finding("提示", "plan.date", "有落款但没有成文日期（meta.date）", "", Location(),
                      "落款", "在 meta.date 填写成文日期，如 2025-02-20")


def _targets(facts: PlanFacts) -> Iterator[Finding]:
    """This year's target against last year's (after roll or import): unchanged, or moved
    against the indicator's direction (`model.figures.target_changes`, the one pairing).
    "Unchanged" is said only of a value the user typed or confirmed: one carried over and not
    yet confirmed is already a 待核实 finding."""
    for target in facts.targets:
        use, change = target.use, target.change
        if change.before is None or change.after is None:
            continue
        label, before = use.label, f"{change.before:g}"
        text = f"{label}：{use.value}（去年{before}）"
        if change.unchanged and not use.unconfirmed:
            # a value still 待核实 is reported once, by values.unconfirmed
            yield Finding("提示", "targets.unchanged", f"“{label}”仍是去年的{use.value}", text,
                          use.location, None, "请确认今年的目标是否需要更新")
        elif change.wrong_way and change.direction > 0:
            yield Finding("警告", "targets.lower", f"“{label}”为{use.value}，低于去年的{before}",
                          text, use.location, None, "这类指标一般逐年提高：请核实是否写错")
        elif change.wrong_way:
            yield Finding("警告", "targets.higher", f"“{label}”为{use.value}，高于去年的{before}",
                          text, use.location, None, "这类指标（近视率、辍学率等）一般逐年降低："
                          "请核实是否写错")

