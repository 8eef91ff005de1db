"""Mined documents into a catalogue, merged with what a catalogue already holds: the library
entry point the CLI (`drafter mine -o`), the TUI and the benches call.

The caller opens the existing catalogue and saves the result (drafter.catalog) and may pass
check's `stale_flags` as the flagger: this package imports neither (middle layers stay
independent); it only decides what the merged catalogue holds and how it differs from before.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from drafter.mine.catalogue_build import build_catalogue
from drafter.model import CHAPTER_KEYS, Catalogue, MinedDocument

Flagger = Callable[[str, int | None], list[str]]


@dataclass
class MinedCatalogue:
    """The merged catalogue and what it was before (clause counts per chapter key)."""

    catalogue: Catalogue
    documents: list[MinedDocument]
    before: dict[str, int] = field(default_factory=dict)
    merged: bool = False  # merged into an existing catalogue (not a new one)

    def rows(self) -> list[tuple[str, int, int, int, int]]:
        """(chapter key, clauses, new clauses, variants, slots) per chapter key."""
        out = []
        for key in CHAPTER_KEYS:
            clauses = self.catalogue.chapters.get(key, [])
            out.append((key, len(clauses), len(clauses) - self.before.get(key, 0),
                        sum(len(c.variants) for c in clauses),
                        sum(len(c.slots) for c in clauses)))
        return out


def mine_into_catalogue(docs: Sequence[MinedDocument], *, existing: Catalogue | None = None,
                        flagger: Flagger | None = None) -> MinedCatalogue:
    """The catalogue of `docs`, merged into `existing` (stable ids, variants kept apart)."""
    before = existing.counts() if existing is not None else dict.fromkeys(CHAPTER_KEYS, 0)
    cat = build_catalogue(list(docs), existing=existing, flagger=flagger)
    return MinedCatalogue(cat, list(docs), before, merged=existing is not None)
