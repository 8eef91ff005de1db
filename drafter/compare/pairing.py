"""One-to-one pairing of two versions of a plan (last year's and this year's, or two counties').

Items with the same catalogue clause id pair first; the rest pair greedily by the matcher's
score (best pairs first), above a bar higher than 对标's because two versions of one plan share
most of their wording. Pure.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from drafter.compare.items import Entry
from drafter.compare.match import Scorer

PAIR_THRESHOLD = 0.3
_DIGITS = re.compile(r"\d+(?:\.\d+)?")


def pair_versions(old: Sequence[Entry], new: Sequence[Entry], *,
                  threshold: float = PAIR_THRESHOLD) -> list[tuple[int, int, float]]:
    """(old index, new index, score) for every pair, in new-plan order."""
    pairs: list[tuple[int, int, float]] = []
    taken_old: set[int] = set()
    taken_new: set[int] = set()
    by_clause: dict[str, int] = {}
    for i, entry in enumerate(old):
        if entry.clause:
            by_clause.setdefault(entry.clause, i)
    for j, entry in enumerate(new):
        found = by_clause.get(entry.clause or "")
        if entry.clause and found is not None and found not in taken_old:
            pairs.append((found, j, 1.0))
            taken_old.add(found)
            taken_new.add(j)
    scorer = Scorer([old, new])
    candidates = []
    for i, a in enumerate(old):
        if i in taken_old:
            continue
        for j, b in enumerate(new):
            if j in taken_new:
                continue
            score = 1.0 if a.text == b.text else scorer.score(a, b)[0]
            if score >= threshold:
                candidates.append((score, i, j))
    for score, i, j in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        if i not in taken_old and j not in taken_new:
            pairs.append((i, j, round(score, 3)))
            taken_old.add(i)
            taken_new.add(j)
    return sorted(pairs, key=lambda p: p[1])


def same_but_numbers(a: str, b: str) -> bool:
    """The two texts differ only in their numbers."""
    return _DIGITS.sub("#", a) == _DIGITS.sub("#", b)
