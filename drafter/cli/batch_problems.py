"""Every problem of every county of a batch, found before anything is rendered (issue 13.16).

Why: `drafter batch` used to stop each county at its first kind of problem (an unknown item id
hid a wrong value; a wrong value was reported at the base plan's line), so fixing a batch file
took one run per kind. Here each variant is applied leniently, then its values are checked
against the catalogue's slots: invalid values, values whose name matches no slot (with the
nearest slot name), and values still missing, each at the batch file's own line when the
batch file set it. Pure over model objects; the CLI prints.
"""

from __future__ import annotations

import dataclasses
import difflib

from drafter.model.catalogue import Catalogue
from drafter.model.errors import DrafterError, Problem
from drafter.model.plan import GLOBAL_NAMES, Plan
from drafter.model.resolve import ResolvedPlan, SlotUse, resolve
from drafter.model.taxonomy import CHAPTER_KEYS
from drafter.model.value_problems import value_problems
from drafter.plans import Batch, BatchVariant, apply_variant


def _lenient(batch: Batch, variant: BatchVariant) -> Plan:
    """The variant applied without the parts that named nothing in the base plan."""
    ids = {i.clause for c in batch.base.chapters for i in c.items if i.clause}
    keys = {k for c in batch.base.chapters for k in (c.key, c.heading) if k} | set(CHAPTER_KEYS)
    kept = dataclasses.replace(
        variant, drop=[c for c in variant.drop if c in ids],
        item_values={c: v for c, v in variant.item_values.items() if c in ids},
        add={k: v for k, v in variant.add.items() if k in keys})
    return apply_variant(batch.base, kept, batch.path, shared=batch.shared, organ=batch.organ)


def nearest(name: str, candidates: set[str]) -> str | None:
    """The slot name a misspelt value name most likely means (中小学所 → 中小学_所)."""
    squeezed = {c.replace("_", ""): c for c in candidates}
    if name.replace("_", "") in squeezed:
        return squeezed[name.replace("_", "")]
    found = difflib.get_close_matches(name, sorted(candidates), n=1, cutoff=0.5)
    return found[0] if found else None


def _unknown_names(plan: Plan, variant: BatchVariant, cat: Catalogue, file: str | None
                   ) -> list[Problem]:
    uses = resolve(plan, cat).uses
    used = {u.name for u in uses} | set(GLOBAL_NAMES)
    by_clause: dict[str, set[str]] = {}
    for use in uses:
        if use.clause:
            by_clause.setdefault(use.clause, set()).add(use.name)
    problems: list[Problem] = []
    named: list[tuple[str, str | None, set[str]]] = [(name, None, used) for name in variant.values]
    present = {i.clause for c in plan.chapters for i in c.items if i.clause}
    named += [(name, cid, by_clause.get(cid, set()))
              for cid, values in variant.item_values.items() if cid in present
              for name in values]  # an absent item is reported once, by apply_variant
    for name, clause_id, candidates in named:
        if name in candidates:
            continue
        guess = nearest(name, candidates - set(GLOBAL_NAMES))
        key = name if clause_id is None else f"{clause_id}.{name}"
        where = "values" if clause_id is None else f"item_values.{clause_id}"
        hint = f"是不是“{guess}”？" if guess else "请对照终端界面参数表中的参数名"
        problems.append(Problem(f"参数“{name}”与任何条目的参数都对不上", file=file,
                                line=variant.value_lines.get(key, variant.line), where=where,
                                hint=hint))
    return problems


def _reported(resolved: ResolvedPlan) -> list[SlotUse]:
    """The uses `value_problems` reports, in its order: missing (globals only where some text
    uses them) or invalid."""
    used_globals = resolved.used_globals()
    return [u for u in resolved.uses
            if (u.origin == "missing" and (u.part != "global" or u.name in used_globals))
            or (u.origin != "missing" and u.error)]


def _value_problems(plan: Plan, variant: BatchVariant, cat: Catalogue, file: str | None
                    ) -> list[Problem]:
    """Missing and invalid values; those the batch file set are placed at its own line."""
    resolved = resolve(plan, cat)
    problems: list[Problem] = []
    for problem, use in zip(value_problems(resolved), _reported(resolved), strict=True):
        key = f"{use.clause}.{use.name}"
        if use.clause in variant.item_values and use.name in variant.item_values[use.clause]:
            problem = dataclasses.replace(problem, file=file,
                                          line=variant.value_lines.get(key, variant.line))
        elif use.name in variant.values and use.origin != "missing":
            problem = dataclasses.replace(problem, file=file,
                                          line=variant.value_lines.get(use.name, variant.line))
        problems.append(problem)
    return problems


def _at_own_line(problem: Problem, variant: BatchVariant) -> Problem:
    """An unknown item id in item_values, at the line of that entry, not the variant's."""
    for clause_id, named in variant.item_values.items():
        if f"“{clause_id}”" in problem.message and named:
            line = variant.value_lines.get(f"{clause_id}.{next(iter(named))}")
            if line is not None:
                return dataclasses.replace(problem, line=line)
    return problem


def variant_problems(batch: Batch, variant: BatchVariant, cat: Catalogue
                     ) -> tuple[Plan | None, list[Problem]]:
    """The variant's plan (None if it cannot be built at all) and every problem it has."""
    problems: list[Problem] = []
    try:
        plan: Plan | None = apply_variant(batch.base, variant, batch.path,
                                          shared=batch.shared, organ=batch.organ)
    except DrafterError as exc:
        problems.extend(_at_own_line(p, variant) for p in exc.problems)
        try:
            plan = _lenient(batch, variant)
        except DrafterError:
            return None, problems
    assert plan is not None
    problems += _unknown_names(plan, variant, cat, batch.path)
    problems += _value_problems(plan, variant, cat, batch.path)
    return (plan if not problems else None), problems
