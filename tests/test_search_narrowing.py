"""Typing one more character narrows from the previous keystroke's hits; the answers must be
exactly those of a full scan."""

from __future__ import annotations

import operator
from itertools import repeat

from drafter.catalog import SearchIndex, open_catalogue


def _full(index: SearchIndex, field: str, needle: str) -> int:
    test = str.startswith if field == "id" else operator.contains
    raw = bytes(map(test, index._fields[field], repeat(needle)))
    return int.from_bytes(raw, "little")


def test_narrowed_vectors_equal_full_scans() -> None:
    index = SearchIndex(open_catalogue())
    narrowed = 0
    for query in ("师德师风建设", "学前教育普及", "dj-", "校园安全", "教育"):
        for k in range(1, len(query) + 1):
            for field in ("id", "lead", "text", "variants"):
                needle = query[:k]
                before = index._narrowed(field, needle, str.startswith if field == "id"
                                         else operator.contains)
                narrowed += before is not None
                assert index._vector(field, needle) == _full(index, field, needle)
    assert narrowed > 10  # the narrowing path did run


def test_search_results_unchanged_by_narrowing() -> None:
    cat = open_catalogue()
    typed = SearchIndex(cat)
    for k in range(1, 5):
        typed.search("师德师风"[:k])
    fresh = SearchIndex(cat)
    assert [h.clause.id for h in typed.search("师德师风")] == \
        [h.clause.id for h in fresh.search("师德师风")]
