"""Mined documents → catalogue: ids, preamble/closing, variant grouping, merging, flags."""

from __future__ import annotations

import hashlib
import re

import pytest

from drafter.mine.catalogue_build import build_catalogue
from drafter.mine.variants import Wording, assign_groups, normalise
from drafter.model import (
    ID_PREFIX,
    Catalogue,
    MinedChapter,
    MinedDocument,
    MinedItem,
    Slot,
)

TEACHER = ("加强师德师风建设",
           "开展师德专题教育，新建{{ 工作室数 }}个名师工作室，严肃查处违规补课行为。")
SAFETY = ("推进平安校园建设",
          "落实安全工作责任制，开展校园安全隐患排查整治，加强食品安全和交通安全管理。")
FUNDS = ("加大教育经费投入",
         "确保一般公共预算教育支出逐年只增不减，按在校学生人数平均的一般公共预算教育支出逐年只增不减。")


def item(lead: str, body: str, key: str, *, marker: str = "1.", kind: str = "plan",
         slots: list[Slot] | None = None, tags: list[str] | None = None,
         owners: list[str] | None = None) -> MinedItem:
    return MinedItem(marker=marker, lead=lead, body=body, category=key, kind=kind,
                     lead_template=lead, body_template=body, slots=slots or [],
                     tags=tags or [], owners=owners or [])


def doc(name: str, items: list[MinedItem], *, year: int = 2024, preamble: str | None = None,
        closing: str | None = None) -> MinedDocument:
    return MinedDocument(source=f"some/dir/{name}", title=f"{name}工作要点", year=year,
                         region="某市", preamble=preamble, closing=closing,
                         chapters=[MinedChapter("一、", "第一章", items[0].category, items)])


def teacher(body_suffix: str = "", key: str = "教师队伍") -> MinedItem:
    slot = Slot("工作室数", "名师工作室", "integer", "个", 12)
    return item(TEACHER[0], TEACHER[1] + body_suffix, key, slots=[slot], tags=["师德师风"])


def test_ids_are_prefix_and_sha1_of_the_normalised_lead() -> None:
    cat = build_catalogue([doc("a.txt", [teacher()])])
    (clause,) = cat.chapters["教师队伍"]
    digest = hashlib.sha1(normalise(TEACHER[0]).encode()).hexdigest()[:6]
    assert clause.id == f"{ID_PREFIX['教师队伍']}-{digest}"
    assert re.fullmatch(r"js-[0-9a-f]{6}", clause.id)
    assert clause.sources[0].file == "a.txt"  # the file name, not the path as given
    assert clause.sources[0].marker == "一、1."
    assert clause.slots[0].default == 12


def test_preamble_and_closing_become_general_clauses() -> None:
    d = doc("a.txt", [teacher()], preamble="全市教育工作的总体要求是：以新时代思想为指导。",
            closing="让我们奋力开创教育事业新局面。")
    cat = build_catalogue([d])
    kinds = [(c.kind, c.lead) for c in cat.chapters["总体要求"]]
    assert kinds == [("preamble", ""), ("closing", "")]
    assert all(c.id.startswith("zt-") for c in cat.chapters["总体要求"])


@pytest.mark.parametrize(("other", "variants", "sources"), [
    (teacher(), 0, 2),  # identical wording: one entry, both sources, no variant
    (teacher("坚持师德第一标准。"), 1, 1),  # a different wording: kept as a variant
    (item(TEACHER[0], "完全不同的正文内容。", "教师队伍"), 1, 1),  # same lead groups regardless
])
def test_near_duplicates_from_other_sources_become_variants(
    other: MinedItem, variants: int, sources: int
) -> None:
    cat = build_catalogue([doc("a.txt", [teacher()]), doc("b.txt", [other], year=2025)])
    (clause,) = cat.chapters["教师队伍"]
    assert (len(clause.variants), len(clause.sources)) == (variants, sources)
    for v in clause.variants:
        assert v.id == f"{clause.id}/2"
        assert v.body == other.body_template  # the variant keeps its own text
        assert v.source is not None and (v.source.file, v.source.year) == ("b.txt", 2025)


def test_same_template_with_other_numbers_is_a_variant_with_its_own_defaults() -> None:
    other = teacher()
    other.slots = [Slot("工作室数", "名师工作室", "integer", "个", 30)]
    cat = build_catalogue([doc("a.txt", [teacher()]), doc("b.txt", [other])])
    (clause,) = cat
    assert [s.default for s in clause.slots] == [12]
    assert [[s.default for s in v.slots] for v in clause.variants] == [[30]]


def test_numbers_are_masked_when_comparing() -> None:
    a = item("扩大学前教育资源", "新建幼儿园12所，新增学位3600个，普惠率达到92%。", "各级各类教育")
    b = item("扩充学前教育资源", "新建幼儿园8所，新增学位2400个，普惠率达到95%。", "各级各类教育")
    cat = build_catalogue([doc("a.txt", [a]), doc("b.txt", [b])])
    assert len(cat) == 1 and len(next(iter(cat)).variants) == 1


def test_a_short_generic_lead_alone_does_not_group() -> None:
    a = item("安全", "开展校园安全隐患排查整治。", "保障")
    b = item("安全", "建立健全学生资助工作体系。", "保障")
    assert len(build_catalogue([doc("a.txt", [a]), doc("b.txt", [b])])) == 2


def test_similar_items_of_one_document_stay_separate() -> None:
    d = doc("a.txt", [teacher(), teacher("坚持师德第一标准。")])
    cat = build_catalogue([d])
    ids = [c.id for c in cat.chapters["教师队伍"]]
    assert len(ids) == 2 and len(set(ids)) == 2
    assert ids[1].startswith(ids[0])  # the collision is extended deterministically


def test_summary_and_plan_clauses_are_not_grouped() -> None:
    past = item(*SAFETY, "保障", kind="summary")
    cat = build_catalogue([doc("a.txt", [past]), doc("b.txt", [item(*SAFETY, "保障")])])
    assert sorted(c.kind for c in cat) == ["plan", "summary"]


def test_group_takes_the_majority_chapter_key() -> None:
    docs = [doc("a.txt", [teacher(key="教师队伍")]), doc("b.txt", [teacher("甲", key="保障")]),
            doc("c.txt", [teacher("乙", key="保障")])]
    cat = build_catalogue(docs)
    assert [c.id[:2] for c in cat] == ["bz"]
    assert len(cat.chapters["保障"][0].variants) == 2


def test_order_and_ids_do_not_depend_on_argument_order() -> None:
    a = doc("a.txt", [teacher(), item(*SAFETY, "保障")])
    b = doc("b.txt", [item(*FUNDS, "保障"), teacher("坚持师德第一标准。")])
    one, two = build_catalogue([a, b]), build_catalogue([b, a])
    assert [(c.id, c.body, [v.id for v in c.variants]) for c in one] == \
        [(c.id, c.body, [v.id for v in c.variants]) for c in two]


def test_merge_keeps_existing_ids_and_hand_edits() -> None:
    first = build_catalogue([doc("a.txt", [teacher(), item(*SAFETY, "保障")])])
    clause = first.chapters["教师队伍"][0]
    clause.body = "手工改过的正文，新建{{ 工作室数 }}个名师工作室。"
    merged = build_catalogue([doc("a.txt", [teacher()]), doc("c.txt", [item(*FUNDS, "保障")])],
                             existing=first)
    kept = merged.get(clause.id)
    assert kept is not None and kept.body.startswith("手工改过")
    assert [v.body for v in kept.variants] == [TEACHER[1]]  # the mined text comes back as a variant
    assert merged.chapters["保障"][0].id == first.chapters["保障"][0].id
    assert len(merged.chapters["保障"]) == 2  # the new clause is appended
    assert first.get(clause.id).variants == []  # the caller's catalogue is not mutated
    again = build_catalogue([doc("a.txt", [teacher()])], existing=merged)
    assert len(again.get(clause.id).variants) == 1  # merging the same source twice adds nothing


def test_merge_matches_an_existing_entry_by_id() -> None:
    first = build_catalogue([doc("a.txt", [teacher()])])
    entry = first.chapters["教师队伍"][0]
    entry.body = "整段重写，毫无相似之处。"
    entry.slots = []
    merged = build_catalogue([doc("b.txt", [teacher()])], existing=first)
    assert len(merged) == 1 and merged.get(entry.id).variants[0].source.file == "b.txt"


def test_flagger_fills_flags() -> None:
    seen: list[tuple[str, int | None]] = []

    def flagger(text: str, year: int | None) -> list[str]:
        seen.append((text, year))
        return ["过时表述：十九大"] if "师德" in text else []

    cat = build_catalogue([doc("a.txt", [teacher(), item(*SAFETY, "保障")], year=2023)],
                          flagger=flagger)
    assert cat.chapters["教师队伍"][0].flags == ["过时表述：十九大"]
    assert cat.chapters["保障"][0].flags == []
    assert seen[0] == (cat.chapters["教师队伍"][0].text, 2023)


def test_grouping_scales_without_comparing_all_pairs() -> None:
    # 3,000 wordings of 300 clauses: a quadratic grouping would take minutes, not a second.
    words = [f"{chr(0x4E00 + i * 7)}{chr(0x4E80 + i * 5)}{chr(0x5000 + i * 3)}" for i in range(300)]
    items = [Wording(normalise(w), normalise(f"{w}推进{w}工作{w}落实{k}"), "plan", f"d{k}")
             for k in range(10) for w in words]
    groups = assign_groups([], items)
    assert len(set(groups)) == 300
    assert groups[:300] == groups[300:600]


def test_empty_input_gives_an_empty_catalogue() -> None:
    cat = build_catalogue([])
    assert isinstance(cat, Catalogue) and len(cat) == 0
