"""A starter plan from a catalogue: what `drafter new` writes and the TUI's "new from template".

Picks, per chapter key, one or two plan-kind clauses that carry no check flags (nothing
stale) and whose slots all have defaults (so the starter builds once region and year are
filled), preferring recent sources, plus a preamble and a closing when the catalogue has
them. Pure: no files, no rendering.
"""

from __future__ import annotations

from drafter.model.catalogue import Catalogue
from drafter.model.clause import Clause
from drafter.model.plan import Plan, PlanChapter, PlanItem, PlanMeta, PlanOptions, PlanText
from drafter.model.taxonomy import CHAPTER_KEYS, DEFAULT_HEADINGS

PER_CHAPTER = 2


def _unfilled(clause: Clause) -> int:
    return sum(1 for s in clause.slots if s.default in (None, ""))


def _latest_year(clause: Clause) -> int:
    return max((s.year for s in clause.sources if s.year), default=0)


def _pick(clauses: list[Clause], kind: str, count: int) -> list[Clause]:
    """`count` clauses of a kind: unflagged (not stale) first, then with every slot
    defaulted, then from the most recent plans, then in catalogue order."""
    candidates = [c for c in clauses if c.kind == kind]
    ranked = sorted(enumerate(candidates), key=lambda ic: (
        bool(ic[1].flags), _unfilled(ic[1]), -_latest_year(ic[1]), ic[0]))
    return [c for _, c in ranked[:count]]


def blank_plan(*, region: str = "", year: int = 2025, organ: str = "",
               date: str | None = None) -> Plan:
    """A new plan: 落款 (organ) and 成文日期 on by default, organ from the region."""
    if not organ and region:
        organ = f"{region}教育局"
    return Plan(meta=PlanMeta(region=region, year=year, organ=organ, date=date,
                              options=PlanOptions(signature=True)))


def starter_plan(
    cat: Catalogue, *, region: str = "", year: int = 2025, organ: str = "",
    date: str | None = None,
) -> Plan:
    """A plan with a preamble, one chapter per chapter key with clauses, and a closing."""
    everything = list(cat)
    preamble = _pick(everything, "preamble", 1)
    closing = _pick(everything, "closing", 1)
    chapters: list[PlanChapter] = []
    for key in CHAPTER_KEYS:
        if key == "总体要求" and preamble:
            continue  # the preamble paragraph stands for this chapter
        picked = _pick(cat.chapters.get(key, []), "plan", PER_CHAPTER)
        if picked:
            chapters.append(PlanChapter(key=key, heading=DEFAULT_HEADINGS[key],
                                        items=[PlanItem(clause=c.id) for c in picked]))
    plan = blank_plan(region=region, year=year, organ=organ, date=date)
    plan.preamble = PlanText(clause=preamble[0].id) if preamble else None
    plan.chapters = chapters
    plan.closing = PlanText(clause=closing[0].id) if closing else None
    return plan
