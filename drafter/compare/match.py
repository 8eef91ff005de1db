"""对标: which items of a plan answer each item of a superior's plan.

Each item becomes a bag of features (jieba words, lead words counted twice, plus concept groups,
see tokens.py), weighted by TF-IDF over both plans together, so a word every item uses counts
little and a word two items share and few others use counts a lot. The score of a pair is the
cosine of the two vectors, raised a little by rapidfuzz's similarity of the two leads (items
often answer a superior task by restating its lead). A superior item is answered by every plan
item scoring at least `threshold` and within `relative` of its best answer; a superior item with
no answer is 未对应, and plan items answering nothing are local initiatives (shown, not flagged).

Each row also keeps its `near` candidates: the best plan items that did not make the cut (below
the threshold, or far behind the best answer), so a person can see the alternatives the
matcher weighed. Thresholds were tuned on the tuning part of tests/data/comparepages/pairs.json
(`python bench/compare.py` prints precision and recall per part). Pure: no I/O.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from drafter.compare.items import Entry
from drafter.compare.tokens import CONCEPT_PREFIX, features

THRESHOLD = 0.12
RELATIVE = 0.4
# An answer must also be among the best uses of the plan item: within this share of the item's
# best score against any superior item (a plan item about 学前 that faintly echoes a 义务教育
# task answers the 学前 task, not that one).
RELATIVE_LOCAL = 0.6
MAX_ANSWERS = 4
NEAR_FLOOR = 0.05  # a candidate scoring less is no alternative worth showing
MAX_NEAR = 2
LEAD_WEIGHT = 2
CONCEPT_WEIGHT = 0.6
LEAD_BONUS = 0.25  # × rapidfuzz lead similarity (0–1), added to the cosine


@dataclass(frozen=True)
class Answer:
    entry: Entry
    score: float  # 0–1
    words: tuple[str, ...]  # the shared words that carry the match, strongest first


@dataclass
class Row:
    superior: Entry
    answers: list[Answer] = field(default_factory=list)
    near: list[Answer] = field(default_factory=list)  # weaker candidates, best first

    @property
    def matched(self) -> bool:
        return bool(self.answers)


@dataclass
class Alignment:
    rows: list[Row]
    local: list[Entry]  # plan items that answer no superior item
    source: str = ""  # what the superior items were read from

    @property
    def unmatched(self) -> list[Row]:
        return [r for r in self.rows if not r.matched]


class Scorer:
    """TF-IDF vectors of entries, IDF over every entry given."""

    def __init__(self, groups: Sequence[Sequence[Entry]]) -> None:
        self.bags: dict[int, Counter[str]] = {}
        df: Counter[str] = Counter()
        for group in groups:
            for entry in group:
                bag = self._bag(entry)
                self.bags[id(entry)] = bag
                df.update(bag.keys())
        total = sum(len(g) for g in groups) or 1
        self.idf = {term: math.log((1 + total) / (1 + n)) + 1 for term, n in df.items()}
        self.vectors = {key: self._weigh(bag) for key, bag in self.bags.items()}

    @staticmethod
    def _bag(entry: Entry) -> Counter[str]:
        bag: Counter[str] = Counter()
        for term in features(entry.lead):
            bag[term] += LEAD_WEIGHT
        for term in features(entry.body):
            bag[term] += 1
        return bag

    def _weigh(self, bag: Counter[str]) -> dict[str, float]:
        vec = {}
        for term, count in bag.items():
            weight = (1 + math.log(count)) * self.idf.get(term, 1.0)
            if term.startswith(CONCEPT_PREFIX):
                weight *= CONCEPT_WEIGHT
            vec[term] = weight
        norm = math.sqrt(sum(w * w for w in vec.values())) or 1.0
        return {t: w / norm for t, w in vec.items()}

    def score(self, a: Entry, b: Entry) -> tuple[float, tuple[str, ...]]:
        va, vb = self.vectors[id(a)], self.vectors[id(b)]
        if len(vb) < len(va):
            va, vb = vb, va
        shared = {t: va[t] * vb[t] for t in va if t in vb}
        cosine = sum(shared.values())
        lead = fuzz.ratio(a.lead, b.lead) / 100 if a.lead and b.lead else 0.0
        words = tuple(t for t, _ in sorted(shared.items(), key=lambda kv: -kv[1])
                      if not t.startswith(CONCEPT_PREFIX))
        return min(1.0, cosine + LEAD_BONUS * lead * lead), words


def align(superior: Sequence[Entry], local: Sequence[Entry], *, threshold: float = THRESHOLD,
          relative: float = RELATIVE, relative_local: float = RELATIVE_LOCAL,
          source: str = "") -> Alignment:
    """For each superior item, the plan items answering it (best first)."""
    vectors = Scorer([superior, local])
    table = [[vectors.score(sup, entry) for entry in local] for sup in superior]
    best_local = [max((row[j][0] for row in table), default=0.0) for j in range(len(local))]
    rows: list[Row] = []
    used: set[int] = set()
    for sup, row in zip(superior, table, strict=True):
        scored = [(score, j, words) for j, (score, words) in enumerate(row)
                  if score >= threshold and score >= relative_local * best_local[j]]
        scored.sort(key=lambda s: (-s[0], s[1]))
        best = scored[0][0] if scored else 0.0
        kept = [(s, j, w) for s, j, w in scored if s >= relative * best][:MAX_ANSWERS]
        used.update(j for _, j, _ in kept)
        taken = {j for _, j, _ in kept}
        others = sorted(((score, j, words) for j, (score, words) in enumerate(row)
                         if j not in taken and score >= NEAR_FLOOR), key=lambda s: (-s[0], s[1]))
        rows.append(Row(sup, [Answer(local[j], round(s, 3), w[:8]) for s, j, w in kept],
                        [Answer(local[j], round(s, 3), w[:8]) for s, j, w in others[:MAX_NEAR]]))
    leftover = [e for i, e in enumerate(local) if i not in used]
    return Alignment(rows, leftover, source)


def pairs_of(alignment: Alignment) -> set[tuple[str, str]]:
    """(superior lead, plan lead) of every answer: what the bench scores."""
    return {(row.superior.title, a.entry.title) for row in alignment.rows for a in row.answers}
