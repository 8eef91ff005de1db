"""Slot values: typed input accepted or refused in Chinese; every slot a plan uses, resolved."""

from __future__ import annotations

from typing import Any

import pytest

from drafter.model import Catalogue, Clause, Plan, PlanChapter, PlanItem, PlanMeta, Slot
from drafter.model.resolve import SlotUse, resolve
from drafter.model.value_problems import missing_values, unused_values, value_problems
from drafter.model.values import placeholder_names, validate_value


def slot_uses(plan: Plan, cat: Catalogue) -> list[SlotUse]:
    return resolve(plan, cat).uses


@pytest.mark.parametrize(
    ("slot_type", "raw", "value"),
    [
        ("integer", 12, 12),
        ("integer", "12", 12),
        ("integer", "１２", 12),  # full-width digits from a Chinese IME
        ("integer", " 1,200 ", 1200),  # thousands separator
        ("integer", 12.0, 12),  # YAML float that is whole
        ("decimal", "3.50", 3.5),
        ("decimal", "３．５", 3.5),  # full-width point
        ("decimal", 7, 7),
        ("percent", "12%", 12),
        ("percent", "95.5％", 95.5),  # full-width percent sign
        ("percent", 100, 100),
        ("percent", 0, 0),
        ("year", 2025, 2025),
        ("year", "2025年", 2025),
        ("year", "1949", 1949),
        ("text", "  安顺市 ", "安顺市"),
        ("text", 12, "12"),
        ("mystery", "x", "x"),  # unknown types behave as text
    ],
)
def test_accepted(slot_type: str, raw: Any, value: Any) -> None:
    got, error = validate_value(slot_type, raw)
    assert error is None
    assert got == value and type(got) is type(value)


@pytest.mark.parametrize(
    ("slot_type", "raw", "fragment"),
    [
        ("integer", "3.5", "不是整数"),
        ("integer", "十二", "不是整数"),  # Chinese numerals are not parsed
        ("integer", True, "不是整数"),  # YAML yes/true is not a number
        ("decimal", "abc", "不是数字"),
        ("percent", "120%", "0 到 100"),
        ("percent", -1, "0 到 100"),
        ("percent", "九成", "不是百分比"),
        ("year", 1900, "1949"),
        ("year", 2101, "2100"),
        ("year", "25", "1949"),
        ("year", "2025.5", "不是年份"),
        ("integer", "", "未填写"),
        ("text", None, "未填写"),
        ("text", ["a"], "列表"),
    ],
)
def test_refused(slot_type: str, raw: Any, fragment: str) -> None:
    value, error = validate_value(slot_type, raw)
    assert value is None
    assert error is not None and fragment in error


def test_unit_suffix_is_accepted_when_the_unit_is_known() -> None:
    assert validate_value("integer", "12所", unit="所") == (12, None)
    assert validate_value("integer", "12所")[1] is not None


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("{{ 地区 }}新建{{ 新建数 }}所", ["地区", "新建数"]),
        ("{{ 年份 + 1 }}年和{{ 年份 }}", ["年份"]),  # expression, repeat dropped
        ("{{ '{' }}字面{{ '}' }}", []),  # escaped braces hold no names
        ("无占位符", []),
    ],
)
def test_placeholder_names(text: str, names: list[str]) -> None:
    assert placeholder_names(text) == names


def _catalogue() -> Catalogue:
    cat = Catalogue()
    cat.add(Clause(
        id="js-aaaaaa", chapter="教师队伍", lead="加强教师培训",
        body="全年培训教师{{ 培训人数 }}人，覆盖率达{{ 覆盖率 }}%。",
        slots=[Slot("培训人数", "培训教师人数", "integer", "人", None),
               Slot("覆盖率", "培训覆盖率", "percent", "%", 90)],
    ))
    cat.add(Clause(id="bz-bbbbbb", chapter="保障", lead="保障{{ 地区 }}经费",
                   body="投入{{ 经费 }}万元。",
                   slots=[Slot("经费", "教育经费", "decimal", "万元", None)]))
    return cat


def _plan(**values: Any) -> Plan:
    return Plan(
        meta=PlanMeta(region="安顺市", year=2025),
        chapters=[
            PlanChapter(key="教师队伍", items=[
                PlanItem(clause="js-aaaaaa", line=10),
                PlanItem(lead="自定义{{ 名称 }}", body="正文", line=12),
            ], line=8),
            PlanChapter(key="保障", items=[
                PlanItem(clause="bz-bbbbbb", values={"经费": "abc"}, line=20),
                PlanItem(clause="zz-unknown", line=22),
            ], line=18),
        ],
        values=dict(values),
        value_lines={k: 3 for k in values},
        path="plan.yaml",
    )


def test_slot_uses_resolve_with_origin_and_place() -> None:
    uses = slot_uses(_plan(培训人数="１２０"), _catalogue())
    by_name = {(u.name, u.part): u for u in uses}
    assert [u.name for u in uses if u.part == "global"] == ["地区", "年份", "单位"]
    assert by_name[("地区", "global")].origin == "default"  # from meta.region
    assert by_name[("单位", "global")].origin == "missing"
    people = by_name[("培训人数", "item")]
    assert (people.value, people.origin, people.chapter, people.index, people.number,
            people.line) == (120, "plan", 0, 0, 1, 3)
    assert people.provenance == "typed" and people.filled
    cover = by_name[("覆盖率", "item")]
    assert (cover.origin, cover.provenance, cover.filled) == ("default", "default", False)
    custom = by_name[("名称", "item")]  # undeclared name in custom text: a text slot
    assert (custom.origin, custom.label, custom.slot.type, custom.index) == ("missing", "名称",
                                                                               "text", 1)
    money = by_name[("经费", "item")]
    assert money.origin == "item" and money.error and "不是数字" in money.error
    assert all(u.clause != "zz-unknown" for u in uses)  # unknown ids are the renderer's job


def test_missing_values_name_every_place() -> None:
    problems = missing_values(resolve(_plan(), _catalogue()))
    text = "\n".join(str(p) for p in problems)
    assert "培训教师人数" in text and "plan.yaml:10" in text and "第一章 第1条" in text
    assert "名称" in text and "plan.yaml:12" in text
    assert "单位" not in text  # no template uses 单位, so it is not required


def test_value_problems_include_type_errors() -> None:
    problems = value_problems(resolve(_plan(培训人数=5), _catalogue()))
    assert len(problems) == 2  # 名称 missing, 经费 not a number
    assert any("教育经费" in p.message and "不是数字" in p.message for p in problems)


def test_plan_value_for_a_global_wins_over_meta() -> None:
    uses = slot_uses(_plan(地区="西秀区"), _catalogue())
    region = next(u for u in uses if u.name == "地区")
    assert (region.value, region.origin) == ("西秀区", "plan")


def test_unused_values_point_at_misspelt_names() -> None:
    plan = _plan(培训人数=5, 培训人员=5, 地区="安顺市")  # 培训人员: a typo; 地区: global
    plan.chapters[0].items[0].values = {"覆盖率": 90, "覆盖律": 90}
    problems = [str(p) for p in unused_values(resolve(plan, _catalogue()))]
    assert len(problems) == 2
    assert "plan.yaml:3" in problems[0] and "培训人员" in problems[0]
    assert "plan.yaml:10" in problems[1] and "覆盖律" in problems[1]
