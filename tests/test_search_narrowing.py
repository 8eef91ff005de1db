"""Typing one more character narrows from the previous keystroke's hits; the answers must be
exactly those of a full scan."""

from __future__ import annotations

import operator
import random
import re
from itertools import repeat
from pathlib import Path

import pytest

from drafter.catalog import Hit, SearchIndex, open_catalogue
from drafter.model import CHAPTER_KEYS, ID_PREFIX, Catalogue, Clause, Variant

CORPUS = Path(__file__).resolve().parents[1] / "examples" / "corpus"


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


def _generated(n: int) -> Catalogue:
    """Clauses from the corpus's sentences, with tags, variants and summaries, so every kind of
    vector (scanned, narrowed, translated from few distinct values) is built."""
    rng = random.Random(9)
    text = "".join(p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))[:6])
    pool = [s.strip() for s in re.split(r"[。；\n]", text) if 6 <= len(s.strip()) <= 60]
    cat = Catalogue()
    for i in range(n):
        key = CHAPTER_KEYS[1 + i % (len(CHAPTER_KEYS) - 1)]
        cid = f"{ID_PREFIX[key]}-{i:06x}"
        variants = [Variant(id=f"{cid}/2", lead=rng.choice(pool)[:12], body=rng.choice(pool))
                    ] if i % 4 == 0 else []
        cat.add(Clause(id=cid, chapter=key, lead=rng.choice(pool)[:16],
                       body="。".join(rng.choice(pool) for _ in range(2)),
                       kind="summary" if i % 9 == 0 else "plan",
                       tags=rng.sample(["学前", "师德师风", "安全", "督导", "Ab"],
                                       rng.randint(0, 2)),
                       variants=variants))
    return cat


def _answer(hits: list[Hit]) -> list[tuple[str, float, list[tuple[int, int]]]]:
    return [(h.clause.id, h.score, h.spans) for h in hits]


KEYSTROKES = ["师", "师德", "师德师", "师德师风", "师德师", "师德", "师德建", "师德建设", "德建设",
              "学", "学前", "学前教", "学前教育", "学前教", "学后教", "教育", "教育 学前",
              "教育 学前 安全", "dj", "dj-", "DJ-0000", "dj-00", "jy", "ab", "Ab", "安全隐患",
              "安全隐", "全隐患", "帅德师风", "帅德师", "校园安全", "校园安", "", "课后服务"]


@pytest.mark.parametrize("kwargs", [{}, {"chapter": "教师队伍"}, {"include_summary": False},
                                    {"limit": 5}])
def test_typed_keystrokes_answer_as_a_fresh_index_does(kwargs: dict[str, object]) -> None:
    """Typing, backspacing and editing in the middle on one index gives, at every keystroke,
    exactly the hits, scores and spans a fresh index gives for that query alone."""
    cat = _generated(1200)
    typed = SearchIndex(cat)
    for query in KEYSTROKES:
        assert _answer(typed.search(query, **kwargs)) == \
            _answer(SearchIndex(cat).search(query, **kwargs)), query  # type: ignore[arg-type]
    assert typed._hits  # hit lists were kept to narrow from
    assert any(k[0] == "lead" for k in typed._hits)


def test_narrowing_from_hit_lists_equals_full_scans() -> None:
    index = SearchIndex(_generated(1500))
    narrowed = 0
    for query in ("师德师风建设", "学前教育普及", "dj-0", "校园安全"):
        for k in range(1, len(query) + 1):
            for field in ("id", "lead", "tags", "text", "variants"):
                needle = query[:k]
                test = str.startswith if field == "id" else operator.contains
                narrowed += index._narrowed(field, needle, test) is not None
                assert index._vector(field, needle) == _full(index, field, needle), \
                    (field, needle)
    assert narrowed > 20


def test_masks_equal_a_loop_over_the_clauses() -> None:
    cat = _generated(300)
    index = SearchIndex(cat)
    clauses = list(cat)
    for chapter in (None, *CHAPTER_KEYS, "没有的章"):
        for summary in (True, False):
            keep = bytes((chapter is None or c.chapter == chapter)
                         and (summary or c.kind != "summary") for c in clauses)
            assert index._mask(chapter, summary) == int.from_bytes(keep, "little")
