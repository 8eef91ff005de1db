"""Turn mined documents into a catalogue: one entry per clause, other wordings as variants.

Every mined item (and each document's 总体要求 preamble and closing pledge) becomes a wording.
Wordings are grouped by `drafter.mine.variants`; each group becomes one Clause whose main
wording is the group's first member, with every other different wording kept as a Variant
with its own text, slots and source. A wording identical to the main one (text and slots,
defaults included; 地区/年份 are already placeholders) only adds its source.

Ids are stable: `<ID_PREFIX[key]>-<first 6 hex of sha1(normalised lead, or body when there is
no lead)>`, extended deterministically on collision. Merging into an existing catalogue keeps
its ids, order and hand edits: a matching entry only gains sources and variants.

This module must not read or write files, and must not import the catalog or check packages
(the CLI passes check's flagger in as a callable).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import PurePath

from drafter.mine.slots import templatize
from drafter.mine.variants import Wording, assign_groups, normalise
from drafter.model import (
    CHAPTER_KEYS,
    ID_PREFIX,
    Catalogue,
    Clause,
    DrafterError,
    MinedDocument,
    Slot,
    Source,
    Variant,
)
from drafter.model.clause import INCOMPLETE_FLAG
from drafter.util.placeholders import escape_braces

Flagger = Callable[[str, int | None], list[str]]

PREAMBLE_KEY = "总体要求"


@dataclass
class _Mined:
    """One wording as mined, before grouping."""

    key: str
    kind: str
    lead: str
    body: str
    slots: list[Slot]
    tags: list[str]
    owners: list[str]
    source: Source
    doc: str
    year: int | None
    incomplete: bool = False  # cut by its page: the clause is flagged for review
    norm_lead: str = field(init=False)
    norm_text: str = field(init=False)

    def __post_init__(self) -> None:
        self.norm_lead = normalise(self.lead)
        self.norm_text = normalise(f"{self.lead}。{self.body}")

    def wording(self) -> Wording:
        return Wording(self.norm_lead, self.norm_text, self.kind, self.doc)


def build_catalogue(
    docs: list[MinedDocument],
    *,
    existing: Catalogue | None = None,
    flagger: Flagger | None = None,
) -> Catalogue:
    """A catalogue of `docs`, merged into a copy of `existing` when given (ids and edits kept)."""
    mined = [m for doc in _ordered(docs) for m in _doc_wordings(doc)]
    seeds = list(existing) if existing is not None else []
    seed_ids = {c.id: g for g, c in enumerate(seeds)}
    forced = [_forced_seed(m, seed_ids, seeds) for m in mined]
    groups = assign_groups(
        [_seed_wordings(c) for c in seeds], [m.wording() for m in mined], forced=forced
    )

    out = Catalogue()
    entries: list[Clause] = [_copy(c) for c in seeds]
    members: dict[int, list[_Mined]] = {}
    for m, g in zip(mined, groups, strict=True):
        members.setdefault(g, []).append(m)

    taken = {c.id for c in seeds} | {v.id for c in seeds for v in c.variants}
    for g in range(len(seeds), len(seeds) + _count_new(groups, len(seeds))):
        group = members[g]
        clause = _new_entry(group[0], _majority_key(group), taken)
        if flagger is not None:
            clause.flags = list(flagger(clause.text, group[0].year))
        if group[0].incomplete:
            clause.flags.append(INCOMPLETE_FLAG)
        entries.append(clause)
    for g, group in sorted(members.items()):
        entry = _Entry(entries[g])
        for m in group[1 if g >= len(seeds) else 0 :]:
            entry.add(m)
    for clause in entries:
        out.add(clause)
    return out


def _ordered(docs: list[MinedDocument]) -> list[MinedDocument]:
    """Documents by file name then path, so the argument order does not change the result."""
    return sorted(docs, key=lambda d: (PurePath(d.source).name, d.source))


def _doc_wordings(doc: MinedDocument) -> list[_Mined]:
    name = PurePath(doc.source).name
    out: list[_Mined] = []

    def source(marker: str | None) -> Source:
        return Source(file=name, marker=marker or None, year=doc.year, region=doc.region,
                      title=doc.title, level=doc.level)

    def framing(text: str | None, kind: str, marker: str) -> None:
        if not text or not text.strip():
            return
        lead, body, slots = templatize("", text, year=doc.year, region=doc.region)
        out.append(_Mined(PREAMBLE_KEY, kind, lead, body, list(slots), [], [], source(marker),
                          doc.source, doc.year))

    framing(doc.preamble, "preamble", "总体要求")
    for chapter in doc.chapters:
        if not chapter.items:  # a prose chapter (工作思路, 工作目标…): 总体要求 text
            framing(chapter.intro, "preamble", f"{chapter.marker}{chapter.heading}")
        for item in chapter.items:
            key = _valid_key(item.category, chapter.category, doc.source, item.marker)
            kind = item.kind if item.kind in ("plan", "summary") else "plan"
            lead = item.lead_template or escape_braces(item.lead)
            body = item.body_template or escape_braces(item.body)
            if not lead and not body:
                continue
            out.append(_Mined(key, kind, lead, body, list(item.slots), list(item.tags),
                              list(item.owners), source(f"{chapter.marker}{item.marker}"),
                              doc.source, doc.year, incomplete=item.incomplete))
    framing(doc.closing, "closing", "结束语")
    return out


def _valid_key(key: str, fallback: str, file: str, marker: str) -> str:
    for candidate in (key, fallback):
        if candidate in CHAPTER_KEYS:
            return candidate
    raise DrafterError.one(
        f"条目 {marker} 的章节分类“{key}”不是已知章节键", file=file,
        hint="章节键只能是：" + "、".join(CHAPTER_KEYS),
    )


def _seed_wordings(clause: Clause) -> list[Wording]:
    texts = [(clause.lead, clause.body)] + [(v.lead, v.body) for v in clause.variants]
    return [Wording(normalise(lead), normalise(f"{lead}。{body}"), clause.kind)
            for lead, body in texts]


def _forced_seed(m: _Mined, seed_ids: dict[str, int], seeds: list[Clause]) -> int | None:
    """An existing entry whose id this wording would get: it joins that entry."""
    g = seed_ids.get(f"{ID_PREFIX[m.key]}-{_digest(m)[:6]}")
    return g if g is not None and seeds[g].kind == m.kind else None


def _count_new(groups: list[int], n_seeds: int) -> int:
    return max((g - n_seeds + 1 for g in groups if g >= n_seeds), default=0)


def _majority_key(group: Sequence[_Mined]) -> str:
    """The most common chapter key; ties go to the first member's key."""
    counts = Counter(m.key for m in group)
    best = max(counts.values())
    return next(m.key for m in group if counts[m.key] == best)


def _digest(m: _Mined) -> str:
    basis = m.norm_lead or normalise(m.body)
    return hashlib.sha1(basis.encode("utf-8")).hexdigest()


def _new_id(prefix: str, digest: str, taken: set[str]) -> str:
    """prefix-<6 hex>; when taken, 8, 10, … hex; when all are taken, a -2, -3 … suffix."""
    for width in range(6, len(digest) + 1, 2):
        candidate = f"{prefix}-{digest[:width]}"
        if candidate not in taken:
            return candidate
    n = 2
    while f"{prefix}-{digest[:6]}-{n}" in taken:
        n += 1
    return f"{prefix}-{digest[:6]}-{n}"


def _new_entry(first: _Mined, key: str, taken: set[str]) -> Clause:
    clause_id = _new_id(ID_PREFIX[key], _digest(first), taken)
    taken.add(clause_id)
    return Clause(
        id=clause_id, chapter=key, lead=first.lead, body=first.body, kind=first.kind,  # type: ignore[arg-type]
        tags=list(first.tags), owners=list(first.owners), slots=list(first.slots),
        sources=[first.source],
    )


_Key = tuple[str, str, tuple[tuple[str, str, str, str | None, str], ...]]


def _wording_key(lead: str, body: str, slots: list[Slot]) -> _Key:
    """What makes two wordings the same: text and slots, defaults included."""
    return lead, body, tuple((s.name, s.label, s.type, s.unit, repr(s.default)) for s in slots)


class _Entry:
    """A clause being assembled, with sets that keep adding wordings linear in their number."""

    def __init__(self, clause: Clause) -> None:
        self.clause = clause
        self.main = _wording_key(clause.lead, clause.body, clause.slots)
        self.seen = {self.main} | {_wording_key(v.lead, v.body, v.slots) for v in clause.variants}
        self.sources = {(s.file, s.marker) for s in clause.sources}
        self.tags = set(clause.tags)
        numbers = [int(t) for v in clause.variants if (t := v.id.rpartition("/")[2]).isdigit()]
        self.next_number = max([1, *numbers]) + 1

    def add(self, m: _Mined) -> None:
        """The main wording again (same text and slots) adds its source; any other wording
        becomes the next variant, keeping its own text, slots and source."""
        clause = self.clause
        for tag in m.tags:
            if tag not in self.tags:
                self.tags.add(tag)
                clause.tags.append(tag)
        key = _wording_key(m.lead, m.body, m.slots)
        if key == self.main:
            if (m.source.file, m.source.marker) not in self.sources:
                self.sources.add((m.source.file, m.source.marker))
                clause.sources.append(m.source)
            return
        if key in self.seen:
            return
        self.seen.add(key)
        clause.variants.append(Variant(
            id=f"{clause.id}/{self.next_number}", lead=m.lead, body=m.body,
            slots=list(m.slots), source=m.source, owners=list(m.owners),
        ))
        self.next_number += 1


def _copy(clause: Clause) -> Clause:
    """A shallow-independent copy, so merging never mutates the caller's catalogue."""
    return replace(
        clause, tags=list(clause.tags), owners=list(clause.owners), slots=list(clause.slots),
        sources=list(clause.sources), variants=list(clause.variants), flags=list(clause.flags),
    )


def wording_index(cat: Catalogue) -> dict[_Key, tuple[Clause, Variant | None]]:
    """Every wording of `cat` (main and variants) by what makes it that wording, so a mined
    item can be found again after `build_catalogue` grouped it (import uses this)."""
    index: dict[_Key, tuple[Clause, Variant | None]] = {}
    for clause in cat:
        index.setdefault(_wording_key(clause.lead, clause.body, clause.slots), (clause, None))
        for variant in clause.variants:
            index.setdefault(_wording_key(variant.lead, variant.body, variant.slots),
                             (clause, variant))
    return index


def mined_wording(lead: str, body: str, lead_template: str, body_template: str,
                  slots: list[Slot]) -> _Key:
    """The key of a mined item's wording, as `build_catalogue` files it."""
    return _wording_key(lead_template or escape_braces(lead),
                        body_template or escape_braces(body), slots)
