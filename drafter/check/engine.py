"""Run the checks: turn a plan-as-rendered (blocks) or a mined document into a Draft, run every
rule family over it, and return the findings in a stable order.

Works on model objects only: it never reads files other than the rule table, never renders and
never mines (the CLI and TUI wire those in). The rules themselves live in rules_*.py.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import replace
from functools import cache
from pathlib import Path

from drafter.check import rules_plan, rules_structure, rules_time, rules_years
from drafter.check.finding import (
    SEVERITY_ORDER,
    BaselinePair,
    Context,
    Draft,
    Finding,
    OutlineChapter,
    OutlineItem,
    Segment,
)
from drafter.check.table import CheckProfile, RuleTable, default_table, load_table
from drafter.model.blocks import Block, Location
from drafter.model.catalogue import Catalogue
from drafter.model.document import MinedDocument, MinedItem
from drafter.model.plan import Plan
from drafter.model.resolve import ResolvedPlan, resolve

__all__ = [
    "BaselinePair", "CheckProfile", "Finding", "RuleTable", "check_blocks", "check_document",
    "check_draft", "check_plan", "load_table", "stale_flags", "summary_line",
]

Rule = Callable[[Draft, Context], Iterable[Finding]]

_E, _W, _H = "错误", "警告", "提示"
_ANY = (_E, _W, _H)  # severities set by the rule file (or chosen at run time)

# Every rule family with the severities it can yield, in the order findings of equal place are
# listed (by name: `rule_function` imports a family's module when it first runs). A caller that
# wants errors only (`drafter build`) skips the families that yield none;
# tests/test_build_speed.py reads each family's code and holds these declarations true.
RULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("rules_years.check_title_year", (_E,)),
    ("rules_time.check_time", _ANY),
    ("rules_years.check_ranges", (_E, _H)),
    ("rules_years.check_deadlines", (_W,)),
    ("rules_years.check_dashes", _ANY),
    ("rules_text.check_placeholders", (_E,)),
    ("rules_text.check_slots", (_E,)),
    ("rules_text.check_junk", (_E, _W)),
    ("rules_text.check_control", (_E,)),
    ("rules_punct.check_halfwidth", (_W,)),
    ("rules_punct.check_unpaired", (_W,)),
    ("rules_punct.check_doubled", (_W,)),
    ("rules_punct.check_lead_stop", (_W,)),
    ("rules_punct.check_item_end", (_W,)),
    ("rules_structure.check_chapter_numbering", (_E,)),
    ("rules_structure.check_item_numbering", (_E,)),
    ("rules_structure.check_empty_chapters", (_W,)),
    ("rules_structure.check_required_chapters", (_W,)),
    ("rules_structure.check_duplicates", (_E, _W)),
    ("rules_numbers.check_percentages", (_W,)),
    ("rules_numbers.check_baseline", (_W,)),
)


@cache
def rule_function(name: str) -> Rule:
    """A family's function by its name in RULES ("rules_punct.check_halfwidth"), its module
    imported on first use: a build that wants errors only never imports the warning families."""
    module, function = name.split(".")
    rule: Rule = getattr(importlib.import_module(f"drafter.check.{module}"), function)
    return rule


_PARTS = {"title": "标题", "caption": "题注", "preamble": "总体要求", "chapter": "章标题",
          "section": "节标题", "closing": "结束语", "signature": "落款", "date": "日期"}


def _table(rules: RuleTable | Path | str | None) -> RuleTable:
    if rules is None:
        return default_table()
    if isinstance(rules, RuleTable):
        return rules
    return load_table(Path(rules))


def check_draft(draft: Draft, *, rules: RuleTable | Path | str | None = None,
                profile: CheckProfile | None = None,
                severities: Collection[str] | None = None) -> list[Finding]:
    """Every finding for the draft (of `severities` only, when given), errors first, then in
    document order."""
    table = _table(rules)
    wanted = frozenset(SEVERITY_ORDER if severities is None else severities)
    ctx = Context(table=table, profile=profile or table.profile, year=draft.year, wanted=wanted)
    found: dict[Finding, None] = {}  # identical findings (same words, same place) once
    for name, yields in RULES:
        if wanted.isdisjoint(yields):
            continue
        for finding in rule_function(name)(draft, ctx):
            if finding.severity in wanted and table.is_enabled(finding.rule):
                found.setdefault(finding)
    return sorted(found, key=_order)


def _order(finding: Finding) -> tuple[int, int, int, int]:
    loc = finding.location
    return (SEVERITY_ORDER[finding.severity], loc.chapter or 0, loc.item or 0, loc.line or 0)


def summary_line(findings: Sequence[Finding]) -> str:
    counts = {s: sum(1 for f in findings if f.severity == s) for s in SEVERITY_ORDER}
    return (f"共 {len(findings)} 个问题：错误 {counts['错误']}，警告 {counts['警告']}，"
            f"提示 {counts['提示']}")


# --------------------------------------------------------------------------- blocks


def draft_from_blocks(blocks: Sequence[Block], *, year: int | None,
                      chapter_keys: Sequence[str | None] | None = None,
                      baseline: Sequence[BaselinePair] = (), dash: str | None = None,
                      source: str | None = None) -> Draft:
    """A plan as rendered: blocks in order, with the plan's chapter keys where known."""
    draft = Draft(year=year, body_year=year, baseline=list(baseline), dash=dash, source=source)
    chapter: OutlineChapter | None = None
    section: str | None = None
    chapter_index = 0
    for block in blocks:
        if block.role == "chapter":
            chapter_index += 1
            section = None
        location = _block_location(block, chapter_index, source)
        key = None
        if chapter_keys is not None and 0 < chapter_index <= len(chapter_keys):
            key = chapter_keys[chapter_index - 1]
        text = f"{block.lead}{block.text}" if block.role == "item" else block.text
        role: str = block.role
        part = _PARTS.get(block.role)
        if role == "preamble" and chapter is not None and block.location.chapter is not None:
            role, part = "intro", "章首段"  # a chapter's intro, checked as a mined one is
            chapter.prose = True
        draft.segments.append(Segment(role, text, location, part,
                                      lead=block.lead, marker=block.marker, key=key))
        if block.role == "title":
            draft.title = block.text if draft.title is None else f"{draft.title}{block.text}"
            draft.title_location = location
        elif block.role == "chapter":
            chapter = OutlineChapter(block.marker, block.text, key, location)
            draft.outline.append(chapter)
        elif block.role == "section" and chapter is not None:
            section = block.text
            chapter.items.append(OutlineItem(block.marker, location, None,
                                             f"{block.marker}{block.text}"[:24]))
        elif block.role == "item" and chapter is not None:
            chapter.items.append(OutlineItem(block.marker, location, section,
                                             f"{block.marker}{block.lead or block.text}"[:24]))
    return draft


def _block_location(block: Block, chapter_index: int, source: str | None) -> Location:
    loc = block.location
    changes: dict[str, object] = {}
    if loc.chapter is None and chapter_index and block.role in ("chapter", "section", "item"):
        changes["chapter"] = chapter_index
    if loc.item is None and block.role == "item":
        parsed = rules_structure.marker_number(block.marker)
        if parsed:
            changes["item"] = parsed[1]
    if loc.file is None and source:
        changes["file"] = source
    return replace(loc, **changes) if changes else loc  # type: ignore[arg-type]


def check_blocks(blocks: Sequence[Block], *, year: int | None,
                 rules: RuleTable | Path | str | None = None,
                 profile: CheckProfile | None = None,
                 chapter_keys: Sequence[str | None] | None = None,
                 baseline: Sequence[BaselinePair] = (), dash: str | None = None,
                 source: str | None = None,
                 severities: Collection[str] | None = None) -> list[Finding]:
    """Check a plan as rendered. `chapter_keys[i]` is the key of the (i+1)-th chapter block;
    `baseline` pairs this year's slot values with last year's (see `baseline_pairs`)."""
    draft = draft_from_blocks(blocks, year=year, chapter_keys=chapter_keys, baseline=baseline,
                              dash=dash, source=source)
    return check_draft(draft, rules=rules, profile=profile, severities=severities)


def _baseline_pairs(resolved: ResolvedPlan) -> list[BaselinePair]:
    from drafter.check.rules_numbers import baseline_pairs  # a warning family: imported on use

    return baseline_pairs(resolved)


def check_plan(plan: Plan, blocks: Sequence[Block], cat: Catalogue | None = None, *,
               rules: RuleTable | Path | str | None = None,
               profile: CheckProfile | None = None,
               severities: Collection[str] | None = None) -> list[Finding]:
    """`check_blocks` with the year, chapter keys, dash and baselines taken from the plan, plus
    the rules that need the plan behind the text (levels, places, names, 落款, targets).

    `severities` keeps only findings of those severities, and skips the rule families that
    cannot yield them: `drafter build` asks for errors only, so it never loads the gazetteer
    (the plan rules' findings are warnings and hints) nor compares items for near-duplicates."""
    resolved = resolve(plan, cat) if cat is not None else None
    baseline_wanted = severities is None or _W in severities  # the baseline rule warns
    pairs = (_baseline_pairs(resolved) if resolved is not None and baseline_wanted else [])
    found = check_blocks(blocks, year=plan.meta.year, rules=rules, profile=profile,
                         chapter_keys=[c.key for c in plan.chapters], baseline=pairs,
                         dash=plan.meta.options.dash, source=plan.path, severities=severities)
    wanted = frozenset(SEVERITY_ORDER if severities is None else severities)
    if resolved is None or wanted.isdisjoint(rules_plan.SEVERITIES):
        return found
    table = _table(rules)
    extra = [f for f in rules_plan.plan_findings(blocks, rules_plan.plan_facts(resolved))
             if f.severity in wanted and table.is_enabled(f.rule)]
    return sorted(found + extra, key=_order)


# --------------------------------------------------------------------------- documents


def _item_text(item: MinedItem) -> str:
    if not item.lead:
        return item.body
    if not item.body:
        return item.lead
    joiner = "" if item.lead.endswith(("。", "！", "？", "：", "；")) else "。"
    return f"{item.lead}{joiner}{item.body}"


def _document_items(doc: MinedDocument, draft: Draft) -> Iterator[Segment]:
    # In a summary-and-plan document, prose before the first plan item speaks of last year.
    planning = doc.genre != "总结+计划"
    for ci, chapter in enumerate(doc.chapters, start=1):
        loc = Location(chapter=ci, file=doc.source, line=chapter.line)
        outline = OutlineChapter(chapter.marker, chapter.heading, chapter.category or None, loc,
                                 prose=bool(chapter.intro))
        draft.outline.append(outline)
        yield Segment("chapter", chapter.heading, loc, "章标题", marker=chapter.marker,
                      key=chapter.category)
        if chapter.intro:  # a prose chapter's text, or the prose before its first item
            intro_loc = replace(loc, line=chapter.intro_line or chapter.line)
            yield Segment("intro" if planning else "summary", chapter.intro, intro_loc,
                          "章首段" if planning else "总结部分", key=chapter.category)
        for item in chapter.items:
            parsed = rules_structure.marker_number(item.marker)
            item_loc = Location(chapter=ci, item=parsed[1] if parsed else None,
                                file=doc.source, line=item.line)
            summary = item.kind == "summary"
            planning = planning or not summary
            outline.items.append(OutlineItem(item.marker, item_loc, item.section,
                                             f"{item.marker}{item.lead or item.body}"[:24],
                                             category=None if summary else item.category))
            yield Segment("summary" if summary else "item", _item_text(item),
                          item_loc, "总结部分" if summary else None, marker=item.marker,
                          key=chapter.category)


def draft_from_document(doc: MinedDocument, *, year: int | None = None,
                        raw_lines: Sequence[str] | None = None) -> Draft:
    """A mined draft; judged against `year`, else the year its title claims (the first title
    line of the raw text when given: a republished copy claims its new year), else the miner's
    year."""
    title, title_location = doc.title, Location(file=doc.source)
    claimed = rules_years.claimed_title(list(raw_lines), doc.dropped) if raw_lines else None
    if claimed is not None and claimed[1] != rules_years.title_year(doc.title):
        title, title_location = claimed[0], Location(file=doc.source, line=claimed[2])
    title_year = rules_years.title_year(title)
    judged = year if year is not None else title_year if title_year is not None else doc.year
    # A summary-and-plan document opens on last year: its preamble does not give the plan year.
    body_year = None if doc.genre == "总结+计划" else rules_years.opening_year(doc.preamble)
    if body_year is None and title != doc.title:
        body_year = rules_years.title_year(doc.title)  # the inner title names the real year
    draft = Draft(title=title, title_location=title_location, year=judged,
                  body_year=body_year, source=doc.source,
                  dropped=list(doc.dropped),
                  raw_lines=list(raw_lines) if raw_lines is not None else None)
    if doc.title:
        draft.segments.append(Segment("title", doc.title, draft.title_location, "标题"))
    if doc.preamble:
        draft.segments.append(Segment("preamble", doc.preamble,
                                      Location(file=doc.source, line=doc.preamble_line),
                                      "总体要求"))
    draft.segments.extend(_document_items(doc, draft))
    if doc.closing:
        draft.segments.append(Segment("closing", doc.closing,
                                      Location(file=doc.source, line=doc.closing_line), "结束语"))
    return draft


def check_document(doc: MinedDocument, *, year: int | None = None,
                   rules: RuleTable | Path | str | None = None,
                   profile: CheckProfile | None = None,
                   raw_lines: Sequence[str] | None = None) -> list[Finding]:
    """Check a mined draft. `raw_lines` are the source lines before cleaning (the cleaner turns
    half-width punctuation into full-width, so that rule reads them when given)."""
    draft = draft_from_document(doc, year=year, raw_lines=raw_lines)
    return check_draft(draft, rules=rules, profile=profile)


def stale_flags(text: str, year: int | None) -> list[str]:
    """Short flags for a catalogue clause, e.g. ["自2023年起过时：党的十九大"] (bundled rules)."""
    return rules_time.stale_flags(text, year, default_table())


def batch_findings(blocks: list[Block], plan: Plan, cat: Catalogue | None = None
                   ) -> list[tuple[str, str]]:
    """`drafter batch`'s per-variant checker: (severity, "where：message") pairs.

    Module-level so worker processes can pickle it. 待核实 values are left out: the batch
    summary counts each county's figures by where they came from, and `--strict` refuses them
    there."""
    return [(f.severity, f"{f.where()}：{f.message}") for f in check_plan(plan, blocks, cat)
            if f.rule != rules_plan.UNCONFIRMED_RULE]
