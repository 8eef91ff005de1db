"""Issue 13.5: values-form labels a person would write, unique, with the sentence one focus away."""

from __future__ import annotations

import pytest

from drafter.model import Catalogue, Clause, Plan, PlanChapter, PlanItem, PlanMeta, Slot
from drafter.model.resolve import resolve
from drafter.tui.fields import plan_fields
from drafter.tui.labels import phrase_label, relabel, sentence_around, short

TWO = "新建中小学{{ 中小学_所 }}所，新增学位{{ 新增学位_个 }}个。"


@pytest.mark.parametrize(("template", "name", "unit", "label"), [
    # the noun phrase the number completes, filler verbs dropped, unit kept
    (TWO, "中小学_所", "所", "新建中小学（所）"),
    (TWO, "新增学位_个", "个", "新增学位（个）"),
    ("普惠性幼儿园覆盖率达到{{ 普惠率_百分比 }}%。", "普惠率_百分比", "%", "普惠性幼儿园覆盖率"),
    # the number first: the noun after it
    ("{{ 数量_所 }}所学校通过验收。", "数量_所", "所", "学校通过验收（所）"),
])
def test_phrase_label(template: str, name: str, unit: str, label: str) -> None:
    assert phrase_label(template, name, unit) == label


def test_sentence_around_shows_the_number_as_a_gap() -> None:
    template = ("推进项目建设。续建义教项目{{ 义教项目_个 }}个，"
                "新开工义教项目{{ 义教项目_个_2 }}个。")
    assert sentence_around(template, "义教项目_个_2", {"义教项目_个": "义教项目"}) == \
        "续建义教项目〔义教项目〕个，新开工义教项目〔……〕个。"


def test_two_fields_never_show_the_same_label() -> None:
    body = ("落实公办园生均公用经费财政拨款标准{{ 拨款_元 }}元，"
            "落实公办园生均公用经费财政补助标准{{ 补助_元 }}元，"
            "续建义教项目{{ 义教项目_个 }}个，续建义教项目{{ 义教项目_个_2 }}个。")
    slots = [Slot("拨款_元", "公办园生均公用经费财政拨款标准", "integer", "元", None),
             Slot("补助_元", "公办园生均公用经费财政补助标准", "integer", "元", None),
             Slot("义教项目_个", "义教项目", "integer", "个", None),
             Slot("义教项目_个_2", "义教项目", "integer", "个", None)]
    cat = Catalogue()
    cat.add(Clause(id="bz-000001", chapter="保障", lead="保障经费", body=body, slots=slots))
    plan = Plan(meta=PlanMeta(region="临江市", year=2026),
                chapters=[PlanChapter(key="保障", items=[PlanItem(clause="bz-000001")])])
    fields = relabel(plan_fields(plan, resolve(plan, cat).uses), plan, cat)
    shown = [short(f.slot.label, 21) for f in fields if f.scope == "plan"]
    assert len(shown) == 4 and len(set(shown)) == 4, shown
    assert all("_" not in f.slot.label for f in fields)
    assert all("〔……〕" in f.context for f in fields if f.scope == "plan")
