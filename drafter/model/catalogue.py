"""The catalogue (目录): clauses grouped by chapter key, in a deterministic order."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from drafter.model.clause import Clause
from drafter.model.levels import LevelTerms
from drafter.model.taxonomy import CHAPTER_KEYS


@dataclass
class Catalogue:
    chapters: dict[str, list[Clause]] = field(
        default_factory=lambda: {k: [] for k in CHAPTER_KEYS}
    )

    # 全市/全县 … pairs; catalog.load attaches the bundled table (plus the folder's own)
    level_terms: LevelTerms = field(default_factory=LevelTerms, compare=False)

    def __post_init__(self) -> None:
        for key in CHAPTER_KEYS:
            self.chapters.setdefault(key, [])
        self._index: dict[str, Clause] | None = None

    def __iter__(self) -> Iterator[Clause]:
        for key in CHAPTER_KEYS:
            yield from self.chapters.get(key, [])

    def __len__(self) -> int:
        return sum(len(v) for v in self.chapters.values())

    def _ids(self) -> dict[str, Clause]:
        if self._index is None or len(self._index) != len(self):
            self._index = {c.id: c for c in self}
        return self._index

    def get(self, clause_id: str) -> Clause | None:
        return self._ids().get(clause_id)

    def __contains__(self, clause_id: object) -> bool:
        return isinstance(clause_id, str) and clause_id in self._ids()

    def add(self, clause: Clause) -> None:
        self.chapters.setdefault(clause.chapter, []).append(clause)
        self._index = None

    def counts(self) -> dict[str, int]:
        return {k: len(self.chapters.get(k, [])) for k in CHAPTER_KEYS}
