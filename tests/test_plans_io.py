"""Plan and batch files: round trips, every problem at once with lines, unsafe YAML refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.model import (
    Catalogue,
    Clause,
    DrafterError,
    Plan,
    PlanChapter,
    PlanItem,
    PlanMeta,
    PlanText,
    Slot,
)
from drafter.plans.batch import apply_variant, load_batch
from drafter.plans.io import load_plan, plan_from_yaml, plan_to_yaml, save_plan
from drafter.plans.starter import starter_plan

DATA = Path(__file__).parent / "data" / "plans"


def _problems(path: Path) -> list[str]:
    with pytest.raises(DrafterError) as info:
        load_plan(path)
    return [str(p) for p in info.value.problems]


def test_good_plan_loads_every_field() -> None:
    plan = load_plan(DATA / "good.yaml")
    assert plan.meta.date == "2025-01-10"  # YAML date kept as ISO text
    assert plan.meta.options.numbering == "per_chapter"
    assert plan.meta.options.fonts == {"title": "方正小标宋简体"}
    assert plan.preamble == PlanText(text="{{ 年份 }}年全市教育工作的总体要求是：坚持稳中求进。")
    assert plan.closing == PlanText(clause="zt-cccccc")
    first, second, custom = plan.chapters[0].items
    assert first == PlanItem(clause="js-aaaaaa")  # the bare-id shorthand
    assert second.variant == "js-aaaaaa/2" and second.deadline == "2025-06-30"
    assert second.owners == ["人事科", "教师发展中心"] and second.values == {"培训人数": 80}
    assert custom.is_custom and custom.section == "师德师风" and "\n" in (custom.body or "")
    assert plan.chapters[1].key is None and plan.chapters[1].items == []
    assert plan.values["编号"] == "007" and plan.baseline == {"培训人数": 100}
    # Lines for messages
    assert first.line == 27 and custom.line == 33 and plan.value_lines["经费"] == 20


def test_round_trip_is_exact(tmp_path: Path) -> None:
    plan = load_plan(DATA / "good.yaml")
    out = tmp_path / "again.yaml"
    save_plan(plan, out)
    again = load_plan(out)
    assert again == plan
    assert plan_to_yaml(again) == out.read_text(encoding="utf-8")  # stable text too


def test_round_trip_of_a_plan_built_in_memory() -> None:
    """What the TUI does: build a plan, save it, load it back."""
    plan = Plan(
        meta=PlanMeta(region="测试县", year=2026, organ="测试县教育局"),
        preamble=PlanText(clause="zt-aaaaaa", text="改过的总体要求"),
        chapters=[PlanChapter(key="保障", items=[
            PlanItem(clause="bz-000001", values={"数": 3, "比例": 12.5, "名": "012"}),
            PlanItem(lead="只有标题", body=None, owners=[]),
            PlanItem(lead="多行", body="  前导空格\n第二行  \n", deadline="6月底"),
        ])],
        values={"地区": "测试县", "真假": True, "空": None},
    )
    assert plan_from_yaml(plan_to_yaml(plan), "mem.yaml") == plan


@pytest.mark.parametrize(
    "value",
    ["yes", "null", "~", "2025-01-10", "1e3", "0x10", "#注释", "- 列表", ": 冒号", " 前后空格 ",
     "多行\n文字\n", "\t制表", "x" * 70 + " \n", "{{ 地区 }}", 1e20, -0.5, 0, True],
)
def test_values_that_look_like_other_yaml_survive(value: object) -> None:
    """Strings YAML would read as something else come back as the same string."""
    plan = Plan(values={"值": value}, chapters=[PlanChapter(heading="章", items=[
        PlanItem(lead="标题", body=value if isinstance(value, str) else "正文")])])
    assert plan_from_yaml(plan_to_yaml(plan), "mem.yaml") == plan


def test_unknown_keys_are_all_reported_with_lines() -> None:
    problems = _problems(DATA / "bad_unknown_keys.yaml")
    text = "\n".join(problems)
    assert len(problems) == 3
    assert "bad_unknown_keys.yaml:2" in text and "titel" in text
    assert "bad_unknown_keys.yaml:6" in text and "itmes" in text
    assert "bad_unknown_keys.yaml:7" in text and "colour" in text
    assert all("未知的键" in p for p in problems)


@pytest.mark.parametrize(
    ("line", "fragment"),
    [
        (3, "1949"),  # year out of range
        (4, "2025-01-10"),  # date not ISO
        (6, "continuous"),  # unknown numbering style, choices listed
        (8, "列表值"),  # a value that is a list
        (10, "不存在的类别"),  # unknown chapter key
        (12, "条目需要 clause"),  # empty item
        (13, "variant"),  # variant without a clause
        (14, "不允许“.”"),  # attribute access in custom text
    ],
)
def test_every_problem_at_once(line: int, fragment: str) -> None:
    problems = _problems(DATA / "bad_many.yaml")
    assert len(problems) == 8
    assert any(f"bad_many.yaml:{line}" in p and fragment in p for p in problems), problems


def test_python_tag_is_refused() -> None:
    problems = _problems(DATA / "bad_python_tag.yaml")
    assert len(problems) == 1 and "bad_python_tag.yaml:2" in problems[0]
    assert "!!python/object" in problems[0]


@pytest.mark.parametrize(
    ("name", "fragment"),
    [
        ("bad_top_level.yaml", "顶层"),  # a list, not a mapping
        ("no_such_file.yaml", "找不到计划文件"),
    ],
)
def test_unreadable_plans(name: str, fragment: str) -> None:
    assert fragment in _problems(DATA / name)[0]


def test_non_utf8_plan_is_named(tmp_path: Path) -> None:
    path = tmp_path / "gbk.yaml"
    path.write_bytes("meta:\n  region: 测试市\n".encode("gbk"))
    assert "UTF-8" in _problems(path)[0]


@pytest.mark.parametrize(
    ("text", "check"),
    [
        ("values:", lambda p: p.values == {}),  # an empty line reads as null
        ("chapters:", lambda p: p.chapters == []),
        ("chapters: [{key: 党建, items: }]", lambda p: p.chapters[0].items == []),
        ("chapters: [{key: 党建, items: [{clause: dj-1, owners: 人事科、基教科}]}]",
         lambda p: p.chapters[0].items[0].owners == ["人事科", "基教科"]),  # owners as text
        ("values: {开学日期: 2025-09-01}", lambda p: p.values["开学日期"] == "2025-09-01"),
    ],
)
def test_forgiving_shapes(text: str, check) -> None:  # type: ignore[no-untyped-def]
    assert check(plan_from_yaml(text, "t.yaml"))


def test_empty_file_is_an_empty_plan() -> None:
    assert plan_from_yaml("", "empty.yaml") == Plan()


# --------------------------------------------------------------------------- batch


BATCH = """\
base: base.yaml
output: "{{ 地区 }}{{ 年份 }}年要点-{{ 名称 }}"
variants:
  - name: 甲县
    region: 甲县
    organ: 甲县教育局
    values: {培训人数: 30}
    item_values: {js-bbbbbb: {培训人数: 7}}
    drop: [js-aaaaaa]
    add:
      保障:
        - lead: 新增条目
          body: 甲县特有内容。
  - name: 乙县
    region: 乙县
    year: 2026
"""


def _write_batch(tmp_path: Path, text: str = BATCH) -> Path:
    (tmp_path / "base.yaml").write_text(
        "meta: {region: 某市, year: 2025}\nvalues: {培训人数: 100}\n"
        "chapters:\n  - key: 教师队伍\n    items: [js-aaaaaa, js-bbbbbb]\n",
        encoding="utf-8")
    path = tmp_path / "batch.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_batch_loads_and_applies_variants(tmp_path: Path) -> None:
    batch = load_batch(_write_batch(tmp_path))
    assert [v.name for v in batch.variants] == ["甲县", "乙县"]
    first = apply_variant(batch.base, batch.variants[0])
    assert first.meta.region == "甲县" and first.values["培训人数"] == 30
    assert [i.clause for i in first.chapters[0].items] == ["js-bbbbbb"]
    assert first.chapters[0].items[0].values == {"培训人数": 7}
    assert first.chapters[1].key == "保障" and first.chapters[1].items[0].lead == "新增条目"
    second = apply_variant(batch.base, batch.variants[1])
    assert second.meta.year == 2026 and second.values["培训人数"] == 100
    assert batch.base.meta.region == "某市"  # the base is never changed


def test_batch_problems_are_all_reported(tmp_path: Path) -> None:
    text = BATCH.replace("    region: 乙县\n", "    region: 乙县\n    colour: red\n").replace(
        "  - name: 乙县", "  - name: 甲县")
    with pytest.raises(DrafterError) as info:
        load_batch(_write_batch(tmp_path, text))
    messages = [str(p) for p in info.value.problems]
    assert any("colour" in m and "batch.yaml:16" in m for m in messages), messages
    assert any("重复" in m for m in messages), messages


def test_variant_dropping_an_absent_clause_is_named(tmp_path: Path) -> None:
    batch = load_batch(_write_batch(tmp_path, BATCH.replace("drop: [js-aaaaaa]",
                                                             "drop: [js-ffffff]")))
    with pytest.raises(DrafterError) as info:
        apply_variant(batch.base, batch.variants[0], batch.path)
    assert "甲县" in str(info.value) and "js-ffffff" in str(info.value)


def test_item_values_for_an_absent_clause_are_named(tmp_path: Path) -> None:
    batch = load_batch(_write_batch(tmp_path, BATCH.replace("{js-bbbbbb:", "{js-eeeeee:")))
    with pytest.raises(DrafterError) as info:
        apply_variant(batch.base, batch.variants[0], batch.path)
    assert "js-eeeeee" in str(info.value) and "item_values" in str(info.value)


def test_inline_base_plan(tmp_path: Path) -> None:
    path = tmp_path / "inline.yaml"
    path.write_text("plan:\n  meta: {region: 某市}\n  chapters: []\n"
                    "variants:\n  - name: 丙县\n", encoding="utf-8")
    assert load_batch(path).base.meta.region == "某市"


# --------------------------------------------------------------------------- starter


def test_starter_prefers_clauses_with_defaults() -> None:
    cat = Catalogue()
    cat.add(Clause(id="zt-000001", chapter="总体要求", lead="", body="总体要求。", kind="preamble"))
    cat.add(Clause(id="js-000001", chapter="教师队伍", lead="要填", body="{{ 数 }}",
                   slots=[Slot("数", "数量", "integer")]))
    cat.add(Clause(id="js-000002", chapter="教师队伍", lead="有默认", body="{{ 数 }}",
                   slots=[Slot("数", "数量", "integer", default=3)]))
    cat.add(Clause(id="js-000003", chapter="教师队伍", lead="无参数", body="正文"))
    cat.add(Clause(id="js-000004", chapter="教师队伍", lead="过时", body="十九大",
                   flags=["自2023年起过时：党的十九大"]))
    cat.add(Clause(id="bz-000001", chapter="保障", lead="总结", body="已完成", kind="summary"))
    plan = starter_plan(cat, region="测试市", year=2026)
    assert plan.preamble == PlanText(clause="zt-000001")
    assert [c.key for c in plan.chapters] == ["教师队伍"]  # summaries are never picked
    # stale (flagged) clauses last, then clauses with unfilled slots
    assert [i.clause for i in plan.chapters[0].items] == ["js-000002", "js-000003"]
    assert plan.meta.organ == "测试市教育局"
