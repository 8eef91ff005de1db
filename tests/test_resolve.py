"""The one resolved view of a plan: positions, markers, wording, values with provenance."""

from __future__ import annotations

import pytest

from drafter.model import Catalogue, Clause, Plan, PlanChapter, PlanItem, PlanMeta, Slot, Source
from drafter.model.blocks import Location
from drafter.model.levels import LevelTerms, TermRow, level_of_region
from drafter.model.resolve import resolve
from drafter.model.roll import roll_plan
from drafter.model.value_problems import unconfirmed_problems
from drafter.plans.io import plan_from_yaml, plan_to_yaml

CITY = Source(file="001.txt", region="安顺市", year=2024)
TERMS = LevelTerms(rows=[TermRow({"省": "全省", "市": "全市", "县": "全县", "区": "全区"},
                                 own=True),
                         TermRow({"省": "省级", "市": "市级", "县": "县级", "区": "区级"})],
                   fixed=["市委教育工委"])


def _cat() -> Catalogue:
    cat = Catalogue(level_terms=TERMS)
    cat.add(Clause(id="gj-000001", chapter="各级各类教育", lead="推进全市学前教育",
                   body="新建幼儿园{{ 新建数 }}所，普惠率达到{{ 普惠率 }}%，创建市级示范园。",
                   slots=[Slot("新建数", "新建幼儿园", "integer", "所", None),
                          Slot("普惠率", "普惠率", "percent", "%", 97.5)], sources=[CITY]))
    cat.add(Clause(id="bz-000001", chapter="保障", lead="落实市委教育工委部署",
                   body="全市各校开展安全排查。", sources=[CITY]))
    return cat


def _plan(region: str = "普定县", **values: object) -> Plan:
    return Plan(meta=PlanMeta(region=region, organ=f"{region}教育局", year=2025),
                chapters=[PlanChapter(key="各级各类教育", items=[
                    PlanItem(clause="gj-000001"), PlanItem(lead="自定义", body="正文")]),
                          PlanChapter(key="保障", items=[PlanItem(clause="bz-000001")])],
                values=dict(values))


def test_positions_have_one_convention_and_markers_are_printed() -> None:
    resolved = resolve(_plan(), _cat())
    items = list(resolved.items())
    # 0-based chapter/index in code; printed numbers continue across chapters
    assert [(i.chapter, i.index, i.number, i.marker) for i in items] == [
        (0, 0, 1, "1."), (0, 1, 2, "2."), (1, 0, 3, "3.")]
    assert items[2].location == Location(chapter=2, item=3, clause="bz-000001", index=0)
    assert resolved.item_at(Location(chapter=2, item=3)) is items[2]


def test_values_carry_provenance_and_only_typed_or_confirmed_count() -> None:
    plan = _plan(新建数=3)
    resolved = resolve(plan, _cat())
    uses = {u.name: u for u in resolved.uses if u.part == "item"}
    assert (uses["新建数"].provenance, uses["新建数"].filled) == ("typed", True)
    rate = uses["普惠率"]  # the catalogue's figure, mined from 安顺市: a suggestion only
    assert (rate.value, rate.provenance, rate.filled, rate.source_region) == (
        97.5, "default", False, "安顺市")
    assert [u.name for u in resolved.unconfirmed()] == ["普惠率"]
    text = str(unconfirmed_problems(resolved)[0])
    assert "普惠率" in text and "安顺市" in text and "第一章 第1条" in text


def test_confirmed_and_last_year_are_stored_and_old_plans_load_as_typed() -> None:
    plan = _plan(新建数=3, 普惠率=98)
    plan.provenance = {"新建数": "confirmed", "普惠率": "last_year"}
    again = plan_from_yaml(plan_to_yaml(plan), "p.yaml")
    assert again.provenance == {"新建数": "confirmed", "普惠率": "last_year"}
    uses = {u.name: u for u in resolve(again, _cat()).uses if u.part == "item"}
    assert uses["新建数"].filled and not uses["普惠率"].filled
    assert uses["普惠率"].provenance == "last_year"
    old = plan_from_yaml("meta: {region: 普定县}\nvalues: {新建数: 3}\n"
                         "chapters: [{key: 各级各类教育, items: [gj-000001]}]\n", "old.yaml")
    assert old.provenance == {}
    assert next(u for u in resolve(old, _cat()).uses if u.name == "新建数").filled


def test_roll_marks_every_carried_value_last_year() -> None:
    plan = _plan(新建数=3)
    plan.chapters[0].items[0].values = {"普惠率": 96}
    rolled = roll_plan(plan, 2026).plan
    assert rolled.provenance == {"新建数": "last_year"}
    assert rolled.chapters[0].items[0].provenance == {"普惠率": "last_year"}
    assert {u.name for u in resolve(rolled, _cat()).unconfirmed()} == {"新建数", "普惠率"}


@pytest.mark.parametrize(("region", "lead", "body_piece"), [
    ("普定县", "推进全县学前教育", "创建县级示范园"),  # a 市 clause in a 县 plan
    ("西秀区", "推进全区学前教育", "创建区级示范园"),  # … in a 区 plan
    ("安顺市", "推进全市学前教育", "创建市级示范园"),  # its own level: unchanged
])
def test_level_terms_render_for_the_plans_level(region: str, lead: str, body_piece: str) -> None:
    item = next(resolve(_plan(region), _cat()).items())
    assert item.lead == lead and body_piece in item.body
    assert "{{ 新建数 }}" in item.body  # placeholders untouched


def test_fixed_phrases_are_never_converted() -> None:
    items = list(resolve(_plan(), _cat()).items())
    assert items[2].lead == "落实市委教育工委部署" and items[2].body.startswith("全县")


@pytest.mark.parametrize(("region", "level"), [
    ("普定县", "县"), ("西秀区", "区"), ("安顺市", "市"), ("贵州省", "省"),
    ("广西壮族自治区", "省"), ("黔南布依族苗族自治州", "市"), ("XX市", "市"), ("", None),
])
def test_level_of_region(region: str, level: str | None) -> None:
    assert level_of_region(region) == level


def test_other_level_words_are_found_but_higher_fixed_ones_are_not() -> None:
    hits = TERMS.foreign("全市各校创建市级示范园和省级示范园，全省领先。", "县")
    assert [(h.word, h.fix) for h in hits] == [("全市", "全县"), ("市级", "县级")]
    # a 市 plan naming 县级 awards is fine; 全县 in a 市 plan is not
    assert [h.word for h in TERMS.foreign("全县推进，评选县级示范园", "市")] == ["全县"]
