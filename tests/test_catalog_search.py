"""Catalogue search: ranking, typo tolerance, filters, spans into clause.text."""

from __future__ import annotations

import pytest

from drafter.catalog.search import SearchIndex
from drafter.model import Catalogue, Clause, Variant

# one xdist worker runs this module, so its module-scoped fixtures are built once
pytestmark = pytest.mark.xdist_group("test_catalog_search")


def clause(cid: str, chapter: str, lead: str, body: str, *, kind: str = "plan",
           tags: list[str] | None = None, variant: str | None = None) -> Clause:
    variants = [Variant(f"{cid}/2", lead, variant)] if variant else []
    return Clause(id=cid, chapter=chapter, lead=lead, body=body, kind=kind,  # type: ignore[arg-type]
                  tags=tags or [], variants=variants)


CLAUSES = [
    clause("bz-000001", "保障", "推进平安校园建设", "开展安全隐患排查，落实师德师风要求。"),
    clause("js-000002", "教师队伍", "加强师德师风建设", "开展师德专题教育，新建名师工作室。",
           tags=["师德师风"]),
    clause("js-000003", "教师队伍", "深化教师培训", "组织新教师岗前培训。", tags=["师德师风"]),
    clause("gj-000004", "各级各类教育", "扩大学前教育资源", "新建{{ 幼儿园数 }}所幼儿园。"),
    clause("gj-000005", "各级各类教育", "学前教育普及普惠", "普惠率达到90%。", kind="summary"),
    clause("gg-000006", "教育改革", "推进Smart教育", "建设智慧校园，推广AI助教。",
           variant="实施人工智能赋能行动。"),
]


@pytest.fixture(scope="module")
def index() -> SearchIndex:
    cat = Catalogue()
    for c in CLAUSES:
        cat.add(c)
    return SearchIndex(cat)


def ids(hits: list) -> list[str]:
    return [h.clause.id for h in hits]


@pytest.mark.parametrize(("query", "expected"), [
    ("师德师风", ["js-000002", "js-000003", "bz-000001"]),  # lead, then tag, then body
    ("学前", ["gj-000004", "gj-000005"]),  # catalogue order within a rank
    ("帅德师风", ["js-000002", "bz-000001"]),  # one wrong character
    ("师德风", ["js-000002", "bz-000001"]),  # one missing character
    ("师德师师风", ["js-000002", "bz-000001"]),  # one extra character
    ("校", ["bz-000001", "gg-000006"]),  # a single Chinese character
    ("smart", ["gg-000006"]),  # ASCII, case-insensitive
    ("js-000003", ["js-000003"]),  # an id
    ("js-00000", ["js-000002", "js-000003"]),  # an id prefix
    ("师德 培训", ["js-000003"]),  # every term must match
    ("人工智能", ["gg-000006"]),  # found in a variant's wording
    ("量子力学", []),  # nothing close
    ("师x", []),  # 2-character terms only match exactly
])
def test_ranked_results(index: SearchIndex, query: str, expected: list[str]) -> None:
    assert ids(index.search(query)) == expected


def test_exact_hits_rank_above_fuzzy_ones(index: SearchIndex) -> None:
    hits = index.search("师德师风建")  # exact in js-000002's lead; bz-000001 has 师德师风要
    assert ids(hits) == ["js-000002", "bz-000001"]
    assert hits[0].score > 0.5 > hits[1].score > 0
    assert hits == sorted(hits, key=lambda h: -h.score)


@pytest.mark.parametrize("query", ["师德师风", "帅德师风", "smart", "扩大 幼儿园"])
def test_spans_point_at_the_matched_text(index: SearchIndex, query: str) -> None:
    for hit in index.search(query):
        if not hit.spans:  # a tag-only match has nothing to highlight in the text
            continue
        for start, end in hit.spans:
            piece = hit.clause.text[start:end].lower()
            assert 0 <= start < end <= len(hit.clause.text)
            assert any(ch in piece for term in query.lower().split() for ch in term)


def test_spans_of_an_exact_match(index: SearchIndex) -> None:
    hit = index.search("师德")[0]
    assert hit.clause.id == "js-000002"
    assert [hit.clause.text[s:e] for s, e in hit.spans] == ["师德", "师德"]


@pytest.mark.parametrize(("kwargs", "expected"), [
    ({"chapter": "教师队伍"}, ["js-000002", "js-000003"]),
    ({"chapter": "保障"}, ["bz-000001"]),
    ({"limit": 1}, ["js-000002"]),
])
def test_filters_and_limit(index: SearchIndex, kwargs: dict, expected: list[str]) -> None:
    assert ids(index.search("师德", **kwargs)) == expected


def test_summary_clauses_can_be_hidden(index: SearchIndex) -> None:
    assert ids(index.search("学前", include_summary=False)) == ["gj-000004"]


def test_empty_query_lists_in_catalogue_order(index: SearchIndex) -> None:
    hits = index.search("  ", limit=3, chapter="教师队伍")
    assert ids(hits) == ["js-000002", "js-000003"]


def test_empty_catalogue(index: SearchIndex) -> None:
    assert SearchIndex(Catalogue()).search("师德") == []
