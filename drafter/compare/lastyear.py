"""Last year's plan against this year's: added, dropped, reworded, figures, passed deadlines.

`diff_years(old, new, new_year=…)` is the one pure entry point (`drafter compare --last-year`
prints it; anything else may call it). Figures come from `drafter.model.figures`, which the
checks share, so "a target fell" means the same thing everywhere.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from drafter.compare.items import Entry
from drafter.compare.pairing import pair_versions
from drafter.compare.tokens import segment
from drafter.model.figures import FigureChange, extract_figures, pair_figures

ChangeKind = Literal["same", "reworded", "added", "dropped"]
_DEADLINE = re.compile(
    r"(?:到|至|于|在|截至|截止)?((?:19|20)\d{2})年(?:(\d{1,2})月)?(?:底|末|前|以前|上半年|下半年|内)?")


@dataclass
class ItemChange:
    kind: ChangeKind
    old: Entry | None
    new: Entry | None
    score: float = 0.0
    diff: list[tuple[str, str]] = field(default_factory=list)  # ("=", "-", "+"), words
    figures: list[FigureChange] = field(default_factory=list)


@dataclass(frozen=True)
class Deadline:
    entry: Entry
    text: str  # "到2024年底"
    year: int
    month: int | None
    which: Literal["本年", "去年"]


@dataclass
class YearDiff:
    changes: list[ItemChange]
    deadlines: list[Deadline]  # deadlines already passed at the start of the new plan's year
    old_year: int | None = None
    new_year: int | None = None

    def of_kind(self, kind: ChangeKind) -> list[ItemChange]:
        return [c for c in self.changes if c.kind == kind]

    @property
    def figure_changes(self) -> list[tuple[ItemChange, FigureChange]]:
        return [(c, f) for c in self.changes for f in c.figures]


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    """Word-level diff: runs of ("=", text), ("-", removed), ("+", added)."""
    a, b = segment(old), segment(new)
    out: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(("=", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(("-", "".join(a[i1:i2])))
        if j2 > j1:
            out.append(("+", "".join(b[j1:j2])))
    return out


def deadlines_in(entry: Entry) -> list[tuple[str, int, int | None]]:
    texts = [entry.text] + ([entry.deadline] if entry.deadline else [])
    out = []
    for text in texts:
        for m in _DEADLINE.finditer(text):
            # "《…（2021—2025年）》" ranges and "2024-2026年" are periods, not deadlines.
            before = text[max(0, m.start() - 1):m.start()]
            if before in "—－-–~～至" and before:
                continue
            after = text[m.end():m.end() + 1]
            if after in ("）", ")", "—", "－", "-", "度") and after:
                continue
            out.append((m.group(0), int(m.group(1)), int(m.group(2)) if m.group(2) else None))
    return out


def diff_years(old: Sequence[Entry], new: Sequence[Entry], *, new_year: int | None,
               old_year: int | None = None) -> YearDiff:
    """Every item of both plans, paired, with word diffs and figure changes."""
    pairs = pair_versions(old, new)
    paired_old = {i for i, _, _ in pairs}
    by_new = {j: (i, s) for i, j, s in pairs}
    changes: list[ItemChange] = []
    for j, entry in enumerate(new):
        if j not in by_new:
            changes.append(ItemChange("added", None, entry,
                                      figures=pair_figures([], extract_figures(entry.text))))
            continue
        i, score = by_new[j]
        before = old[i]
        figures = pair_figures(extract_figures(before.text), extract_figures(entry.text))
        if before.text == entry.text:
            changes.append(ItemChange("same", before, entry, score, figures=figures))
        else:
            changes.append(ItemChange("reworded", before, entry, score,
                                      word_diff(before.text, entry.text), figures))
    changes += [ItemChange("dropped", e, None) for i, e in enumerate(old) if i not in paired_old]
    deadlines: list[Deadline] = []
    if new_year is not None:
        for entry in new:
            for text, year, month in deadlines_in(entry):
                if year < new_year:
                    deadlines.append(Deadline(entry, text, year, month, "本年"))
        kept = {id(c.old) for c in changes if c.kind in ("same", "reworded")}
        for entry in old:
            if id(entry) not in kept:
                continue
            for text, year, month in deadlines_in(entry):
                if year < new_year:
                    deadlines.append(Deadline(entry, text, year, month, "去年"))
    return YearDiff(changes, deadlines, old_year, new_year)
