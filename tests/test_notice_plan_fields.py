"""meta.notice in plan files and per-county task owners/deadlines in batch files."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.model.errors import DrafterError
from drafter.model.notice import PlanNotice
from drafter.plans.batch import apply_variant, load_batch
from drafter.plans.io import load_plan, plan_from_yaml, plan_to_yaml
from tests.conftest import ROOT

NOTICE_PLAN = """\
meta:
  title: 某县教育局2026年工作要点
  organ: 某县教育局
  date: 2026-01-10
  notice:
    doc_number: 某教发〔2026〕1号
    to: 各乡镇中心学校
    sealed: false
    cc: 县政府办
    organs: 中共某县教育工作委员会、某县教育局
    urgency: 加急
chapters:
  - heading: 保障
    items:
      - {lead: 守牢安全底线, body: 开展安全教育。}
"""


def test_notice_fields_load_and_round_trip() -> None:
    plan = plan_from_yaml(NOTICE_PLAN, "plan.yaml")
    notice = plan.meta.notice
    assert notice.doc_number == "某教发〔2026〕1号" and notice.sealed is False
    assert notice.organs == ["中共某县教育工作委员会", "某县教育局"]  # 、-separated text
    again = plan_from_yaml(plan_to_yaml(plan), "again.yaml")
    assert again.meta.notice == notice


def test_a_plan_without_notice_fields_writes_none() -> None:
    plan = plan_from_yaml("meta: {title: 标题}\n", "plan.yaml")
    assert plan.meta.notice == PlanNotice()
    assert "notice" not in plan_to_yaml(plan)


@pytest.mark.parametrize(("line", "fragment"), [
    ("    urgency: 很急", "urgency"),  # only 特急/加急
    ("    print_date: 明天", "日期应写成"),
    ("    seal: true", "未知的键"),  # a misspelt key is named with its line
])
def test_bad_notice_fields_name_the_line(line: str, fragment: str) -> None:
    text = NOTICE_PLAN.replace("    urgency: 加急", line)
    with pytest.raises(DrafterError) as err:
        plan_from_yaml(text, "plan.yaml")
    message = str(err.value)
    assert fragment in message and "plan.yaml:" in message


def test_unsafe_placeholder_in_the_notice_body_is_refused() -> None:
    text = NOTICE_PLAN.replace("    urgency: 加急", "    body: \"{{ ''.__class__ }}\"")
    with pytest.raises(DrafterError):
        plan_from_yaml(text, "plan.yaml")


def test_batch_variant_sets_task_owners_deadlines_and_notice_fields() -> None:
    batch = load_batch(ROOT / "examples" / "batch.yaml")
    xixiu = next(v for v in batch.variants if v.name == "西秀区")
    plan = apply_variant(batch.base, xixiu, batch.path)
    item = next(i for c in plan.chapters for i in c.items if i.clause == "dj-1c6e8b")
    assert item.owners == ["组织人事股"] and item.deadline == "2025年11月底"
    assert plan.meta.notice.doc_number == "西教发〔2025〕1号"
    assert plan.meta.notice.printer == "西秀区教育局办公室"
    assert plan.meta.notice.to == load_plan(ROOT / "examples" / "city_plan.yaml").meta.notice.to
    base_item = next(i for c in batch.base.chapters for i in c.items if i.clause == "dj-1c6e8b")
    assert base_item.owners == ["组织人事科"]  # the base plan is untouched


def test_batch_item_tasks_for_a_clause_not_in_the_plan_is_named(tmp_path: Path) -> None:
    (tmp_path / "b.yaml").write_text(
        f"base: {ROOT / 'examples' / 'city_plan.yaml'}\n"
        "variants:\n  - name: 甲县\n    region: 甲县\n"
        "    item_tasks: {xx-000000: {owners: 办公室}}\n", encoding="utf-8")
    batch = load_batch(tmp_path / "b.yaml")
    with pytest.raises(DrafterError) as err:
        apply_variant(batch.base, batch.variants[0], batch.path)
    assert "xx-000000" in str(err.value) and "甲县" in str(err.value)
