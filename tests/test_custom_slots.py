"""A custom item's typed slots (issue 13.6): a number typed in the text made a 参数 with a
label and a type, stored on the item, validated like a catalogue slot, carried through the plan
file, render and check."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.model import Catalogue, Plan, PlanChapter, PlanItem, PlanMeta, Slot
from drafter.model.errors import DrafterError
from drafter.model.resolve import resolve
from drafter.model.slot_marking import mark_slot, number_at, slot_name
from drafter.model.value_problems import value_problems
from drafter.plans.io import load_plan, plan_from_yaml, plan_to_yaml, save_plan
from drafter.render.blocks import render_blocks
from tests.conftest import run_cli

BODY = "新建幼儿园12所，普惠率达到90%，2026年前完成1.5万个学位建设。"


@pytest.mark.parametrize(("at", "text", "kind", "unit"), [
    ("12", "12", "integer", "所"),  # a count with its measure word
    ("90", "90", "percent", "%"),  # the % stays in the text after the placeholder
    ("2026", "2026", "year", None),  # 2026年
    ("1.5", "1.5", "decimal", "万个"),  # a decimal with a compound unit
])
def test_the_number_under_the_cursor_and_its_likely_type(at: str, text: str, kind: str,
                                                         unit: str | None) -> None:
    start = BODY.index(at)
    for pos in (start, start + len(at)):  # on its first digit, or just after its last
        found = number_at(BODY, pos)
        assert found is not None
        assert (BODY[found.start:found.end], found.text, found.type, found.unit) == (
            text, text, kind, unit)


def test_no_number_at_the_cursor_or_inside_a_placeholder() -> None:
    assert number_at(BODY, BODY.index("幼儿园")) is None
    text = "到{{ 年份 + 1 }}年实现全覆盖"
    assert number_at(text, text.index("1")) is None  # part of a placeholder's expression


def test_marking_replaces_the_number_and_keeps_it_as_the_value() -> None:
    found = number_at(BODY, BODY.index("90"))
    assert found is not None
    marked, error = mark_slot(BODY, found.start, found.end, label="普惠率",
                              slot_type=found.type, unit=found.unit, taken=set())
    assert error is None and marked is not None
    assert marked.text == "新建幼儿园12所，普惠率达到{{ 普惠率 }}%，2026年前完成1.5万个学位建设。"
    assert marked.slot == Slot("普惠率", "普惠率", "percent", "%")
    assert marked.value == 90


@pytest.mark.parametrize(("raw", "kind", "label", "error"), [
    ("12.5", "integer", "新建幼儿园", "不是整数"),  # the type refuses the words
    ("120", "percent", "普惠率", "超出范围"),
    ("12", "integer", "  ", "请填写参数名称"),  # a label is required
])
def test_marking_refuses_what_does_not_fit(raw: str, kind: str, label: str, error: str) -> None:
    text = f"数量为{raw}。"
    marked, problem = mark_slot(text, 3, 3 + len(raw), label=label, slot_type=kind,
                                unit=None, taken=set())  # type: ignore[arg-type]
    assert marked is None and problem is not None and error in problem


def test_slot_names_are_unique_and_usable() -> None:
    assert slot_name("新建幼儿园（所）", set()) == "新建幼儿园所"
    assert slot_name("普惠率", {"普惠率"}) == "普惠率_2"
    assert slot_name("2026目标", set()) == "参数2026目标"  # a name may not start with a digit
    assert slot_name("（）", set()) == "参数"


def _plan(value: object) -> Plan:
    item = PlanItem(lead="扩充学前教育资源", body="新建幼儿园{{ 新建幼儿园 }}所。",
                    values={"新建幼儿园": value},
                    slots=[Slot("新建幼儿园", "新建幼儿园", "integer", "所")])
    return Plan(meta=PlanMeta(title="城关区2027年教育工作要点", region="城关区", year=2027),
                chapters=[PlanChapter(key="各级各类教育", items=[item])])


def test_a_custom_slot_is_validated_by_its_type() -> None:
    assert not value_problems(resolve(_plan(12), Catalogue()))
    problems = value_problems(resolve(_plan("十二"), Catalogue()))
    assert problems and "不是整数" in problems[0].message
    with pytest.raises(DrafterError, match="不是整数"):
        render_blocks(_plan("十二"), Catalogue())
    blocks = render_blocks(_plan("12所"), Catalogue())  # the unit typed after is accepted
    assert any("新建幼儿园12所" in b.text for b in blocks)


def test_a_catalogue_items_own_slot_overrides_the_clauses(tmp_path: Path) -> None:
    from tests.tui_support import tui_catalogue

    item = PlanItem(clause="gj-000001",
                    body="新建公办幼儿园{{ 新建幼儿园数 }}所，覆盖率{{ 覆盖 }}%。",
                    values={"新建幼儿园数": 3, "覆盖": "abc"},
                    slots=[Slot("覆盖", "覆盖率", "percent", "%")])
    plan = Plan(meta=PlanMeta(title="城关区2027年教育工作要点", region="城关区", year=2027),
                chapters=[PlanChapter(key="各级各类教育", items=[item])])
    uses = {u.name: u for u in resolve(plan, tui_catalogue()).uses}
    assert uses["覆盖"].slot.type == "percent" and uses["覆盖"].error
    assert uses["新建幼儿园数"].slot.label == "新建公办幼儿园"  # the clause's slot still applies


def test_slots_round_trip_through_the_plan_file(tmp_path: Path) -> None:
    plan = _plan(12)
    path = tmp_path / "plan.yaml"
    save_plan(plan, path)
    text = path.read_text(encoding="utf-8")
    assert "slots:" in text and "type: integer" in text and "default" not in text
    assert load_plan(path) == plan
    plain = Plan(meta=plan.meta, chapters=[PlanChapter(key="保障", items=[
        PlanItem(lead="守牢安全底线", body="不发生重大事故。")])])
    assert "slots" not in plan_to_yaml(plain)  # no empty slots list on an item without any


@pytest.mark.parametrize(("entry", "message"), [
    ("{name: 1号, label: 数量, type: integer}", "不能用作"),  # starts with a digit
    ("{name: range, label: 数量, type: integer}", "不能用作"),  # a reserved Jinja name
    ("{name: 数量, label: 数量, type: money}", "无效"),  # not a slot type
    ("{name: 数量, label: 数量, kind: integer}", "未知的键"),
])
def test_a_bad_slot_in_the_plan_file_is_a_chinese_error(entry: str, message: str) -> None:
    text = ("meta: {title: 城关区2027年教育工作要点, region: 城关区, year: 2027}\n"
            "chapters:\n- key: 保障\n  items:\n  - lead: 测试\n    body: 共{{ 数量 }}所。\n"
            f"    slots:\n    - {entry}\n")
    with pytest.raises(DrafterError) as err:
        plan_from_yaml(text, "plan.yaml")
    assert message in str(err.value) and "plan.yaml:8" in str(err.value)


def test_check_reports_a_custom_slot_value_of_the_wrong_type(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    save_plan(_plan("很多"), path)
    result = run_cli("check", str(path))
    assert result.returncode == 1
    assert "不是整数" in result.stdout and "新建幼儿园" in result.stdout


# --------------------------------------------------------------------------- the TUI's session


def test_the_session_adds_a_custom_item_with_its_slots_in_one_undo_step() -> None:
    from drafter.tui.controller.selection import Selection
    from drafter.tui.controller.session import PlanSession
    from tests.tui_support import tui_catalogue

    plan = Plan(meta=PlanMeta(title="t", region="城关区", year=2027),
                chapters=[PlanChapter(key="各级各类教育", items=[PlanItem(clause="gj-000001")])],
                provenance={"新建幼儿园": "last_year"})
    session = PlanSession(catalogue=tui_catalogue(), plan=plan, selection=Selection(0, 0))
    assert {"新建幼儿园数", "普惠率", "地区"} <= session.value_names()  # names already taken
    slot = Slot("新建幼儿园", "新建幼儿园", "integer", "所")
    session.add_custom("扩充资源", "新建幼儿园{{ 新建幼儿园 }}所。", (slot,), {"新建幼儿园": 12})
    item = session.plan.chapters[0].items[1]
    assert item.slots == [slot] and session.plan.values["新建幼儿园"] == 12
    assert "新建幼儿园" not in session.plan.provenance  # typed now
    assert session.undo() and len(session.plan.chapters[0].items) == 1
    assert "新建幼儿园" not in session.plan.values  # the value went with the item
    assert session.redo()
    session.selection = Selection(0, 1)
    assert session.set_text("扩充资源", "新增学位。", (), {})  # the number typed back as text
    assert session.plan.chapters[0].items[1].slots == []
