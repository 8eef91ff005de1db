"""Near-duplicate grouping of clause wordings (变体), fast enough for tens of thousands of clauses.

Two wordings belong to one catalogue entry when they are the same clause written by different
bureaus or in different years. Comparing all pairs is quadratic, so grouping works in two steps:

1. Blocking: a wording with the lead or exact normalised text (punctuation and whitespace
   removed, numbers and placeholders masked) of an earlier one joins it at once. Any other is cut
   into character 3-grams and asks an inverted index of group representatives only about its
   rarest 3-grams seen at least twice so far (a 3-gram seen once is shared with nothing), which
   yields a handful of candidates.
2. Verification: each candidate is scored with rapidfuzz's normalised Indel similarity on the
   normalised texts; the best one above the threshold wins.

Rules (documented in the README): wordings with the same normalised lead phrase, or with similar
text, are grouped regardless of their chapter key (the entry takes the majority key); only
wordings of the same kind (plan, summary, preamble, closing) are grouped; a group takes at most
one new wording per source document, because two items of one plan are two clauses, not two
wordings of one. Groups are greedy and compare only with the group's representatives, so they
never chain-drift, and the result depends only on the input order.

This module only decides groups. It must not build clauses, pick ids or touch files.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from drafter.model.placeholders import strip_tags

# Similarity (0–100) above which two texts are the same clause.
TEXT_THRESHOLD = 80.0
# Two leads this similar make texts down to LOOSE_TEXT_THRESHOLD count as the same clause.
LEAD_THRESHOLD = 90.0
LOOSE_TEXT_THRESHOLD = 60.0
# How many rare 3-grams of a wording are looked up, and how many candidates are verified.
SIGNATURE_SIZE = 12
MAX_CANDIDATES = 24
# A shorter normalised lead (e.g. "党建", "#年") is too generic to group on by itself.
MIN_LEAD = 4

_NUMBER = re.compile(r"[0-9０-９]+(?:[.．][0-9０-９]+)?|[xX×*]{2,}")
_NON_WORD = re.compile(r"[^\w#]|_")


def normalise(text: str) -> str:
    """Text for comparison: placeholders and numbers become "#", punctuation and spaces go."""
    text = strip_tags(text, "#")
    text = _NUMBER.sub("#", text)
    return _NON_WORD.sub("", text).lower()


@dataclass(frozen=True)
class Wording:
    """One wording to place: normalised lead and lead+body, its kind and source document."""

    lead: str
    text: str
    kind: str
    doc: str | None = None  # None: no one-per-document limit (wordings already in a catalogue)


def _grams(text: str) -> set[str]:
    if len(text) < 3:
        return {text} if text else set()
    return {text[i : i + 3] for i in range(len(text) - 2)}


class _Index:
    """Representatives of the groups found so far, by lead and by 3-gram."""

    def __init__(self, df: Counter[str]) -> None:
        self.df = df
        self.by_gram: dict[str, list[int]] = {}
        self.by_lead: dict[tuple[str, str], int] = {}
        self.by_text: dict[tuple[str, str], int] = {}
        self.rep_text: list[str] = []
        self.rep_lead: list[str] = []
        self.rep_group: list[int] = []
        self.group_kind: list[str] = []
        self.group_docs: list[set[str]] = []

    def new_group(self, kind: str) -> int:
        self.group_kind.append(kind)
        self.group_docs.append(set())
        return len(self.group_kind) - 1

    def add_rep(self, group: int, wording: Wording, grams: set[str]) -> None:
        rep = len(self.rep_text)
        self.rep_text.append(wording.text)
        self.rep_lead.append(wording.lead)
        self.rep_group.append(group)
        for gram in grams:
            self.by_gram.setdefault(gram, []).append(rep)
        if len(wording.lead) >= MIN_LEAD:
            self.by_lead.setdefault((wording.kind, wording.lead), group)
        self.by_text.setdefault((wording.kind, wording.text), group)

    def quick_match(self, wording: Wording) -> int | None:
        """An eligible group holding this exact text, or a wording with this lead."""
        for found in (self.by_text.get((wording.kind, wording.text)),
                      self.by_lead.get((wording.kind, wording.lead))):
            if found is not None and self.eligible(found, wording):
                return found
        return None

    def place(self, group: int, wording: Wording) -> None:
        self.by_text.setdefault((wording.kind, wording.text), group)
        if wording.doc is not None:
            self.group_docs[group].add(wording.doc)

    def eligible(self, group: int, wording: Wording) -> bool:
        if self.group_kind[group] != wording.kind:
            return False
        return wording.doc is None or wording.doc not in self.group_docs[group]

    def candidates(self, grams: set[str]) -> list[int]:
        """Representatives sharing the most of this wording's rare, shared 3-grams."""
        ranked = sorted(grams, key=lambda g: (self.df[g], g))
        signature = [g for g in ranked if self.df[g] > 1][:SIGNATURE_SIZE]
        hits: Counter[int] = Counter()
        for gram in signature:
            hits.update(self.by_gram.get(gram, ()))
        return [rep for rep, _ in sorted(hits.items(), key=lambda kv: (-kv[1], kv[0]))][
            :MAX_CANDIDATES
        ]

    def best_match(self, wording: Wording, grams: set[str]) -> int | None:
        best: tuple[float, int] | None = None
        for rep in self.candidates(grams):
            group = self.rep_group[rep]
            if not self.eligible(group, wording):
                continue
            score = _similarity(wording, self.rep_lead[rep], self.rep_text[rep])
            if score and (best is None or (-score, group) < (-best[0], best[1])):
                best = (score, group)
        return None if best is None else best[1]


def _similarity(wording: Wording, lead: str, text: str) -> float:
    """0 when not the same clause, else a score (higher is closer)."""
    score = fuzz.ratio(wording.text, text, score_cutoff=LOOSE_TEXT_THRESHOLD)
    if score >= TEXT_THRESHOLD:
        return score
    if score and len(wording.lead) >= MIN_LEAD and len(lead) >= MIN_LEAD:
        if fuzz.ratio(wording.lead, lead, score_cutoff=LEAD_THRESHOLD):
            return score
    return 0.0


def assign_groups(
    seeds: Sequence[Sequence[Wording]],
    items: Sequence[Wording],
    *,
    forced: Sequence[int | None] | None = None,
) -> list[int]:
    """Group index for each item; seeds are existing groups 0..len(seeds)-1 (kind of their first
    wording), new groups are numbered on from there in order of creation.

    `forced[i]`, when not None, is a seed group item i must join (e.g. its id already exists).
    An item with the lead or the exact text of an earlier eligible wording joins it without
    n-gram work; only the rest are cut into 3-grams, counted (document frequencies grow as the
    input is read, so rarity is judged against everything seen so far) and looked up.
    """
    index = _Index(Counter())
    for seed in seeds:
        g = index.new_group(seed[0].kind if seed else "plan")
        for wording in seed:
            grams = _grams(wording.text)
            index.df.update(grams)
            index.add_rep(g, wording, grams)

    result: list[int] = []
    for i, wording in enumerate(items):
        group = forced[i] if forced is not None else None
        if group is None:
            group = index.quick_match(wording)
        if group is None:
            grams = _grams(wording.text)
            index.df.update(grams)
            group = index.best_match(wording, grams)
            if group is None:
                group = index.new_group(wording.kind)
                index.add_rep(group, wording, grams)
        index.place(group, wording)
        result.append(group)
    return result
