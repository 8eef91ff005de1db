"""Rolling a plan to another year: years follow, values become baselines, literal years are
listed (never changed), and the rolled plan still renders."""

from __future__ import annotations

import pytest

from drafter.model.catalogue import Catalogue
from drafter.model.clause import Clause, Slot
from drafter.model.errors import DrafterError
from drafter.model.plan import Plan, PlanChapter, PlanItem, PlanMeta, PlanText
from drafter.model.roll import baseline_key, roll_plan


def _catalogue() -> Catalogue:
    cat = Catalogue()
    cat.add(Clause(id="bz-000001", chapter="保障", lead="增加学位供给",
                   body="到{{ 年份 + 1 }}年底，新增公办学位{{ 新增学位 }}个。",
                   slots=[Slot("新增学位", "新增公办学位", "integer", "个", 1500)]))
    cat.add(Clause(id="dj-000001", chapter="党建", lead="加强党的建设",
                   body="全面推进党支部标准化规范化建设。"))
    return cat


def _plan() -> Plan:
    return Plan(
        meta=PlanMeta(region="城关区", organ="城关区教育局", year=2025, date="2025-01-10"),
        preamble=PlanText(text="{{ 年份 }}年全区教育工作的总体要求是：坚持立德树人。"),
        chapters=[
            PlanChapter("党建", items=[
                PlanItem("dj-000001"),
                PlanItem(lead="推进清廉学校建设", body="2025年底前完成清廉学校建设标准编制。"),
            ]),
            PlanChapter("保障", items=[PlanItem("bz-000001", values={"新增学位": 1800},
                                               deadline="2025-12-31")]),
        ],
        values={"覆盖率": 95, "年份": 2025},
    )


def test_year_advances_and_the_original_is_untouched() -> None:
    plan = _plan()
    result = roll_plan(plan, 2026)
    assert (result.from_year, result.to_year) == (2025, 2026)
    assert result.plan.meta.year == 2026
    assert result.plan.values["年份"] == 2026
    assert result.plan.meta.title == plan.meta.title  # the title template keeps working
    assert result.plan.meta.date == "2026-01-10"
    assert plan.meta.year == 2025 and plan.baseline == {}


def test_values_become_the_baseline_and_stay_as_values() -> None:
    result = roll_plan(_plan(), 2026)
    assert result.plan.baseline == {"覆盖率": 95, baseline_key("bz-000001", "新增学位"): 1800}
    assert result.plan.chapters[1].items[0].values == {"新增学位": 1800}
    assert result.plan.values["覆盖率"] == 95


def test_literal_years_are_listed_not_changed() -> None:
    result = roll_plan(_plan(), 2026)
    places = dict(result.literal_years)
    assert any("第1章" in p or "第一章" in p for p in places), places
    assert "2025年底前完成清廉学校建设标准编制。" in places.values()
    assert "2025-12-31" in places.values()  # the deadline
    assert result.plan.chapters[0].items[1].body == "2025年底前完成清廉学校建设标准编制。"
    assert not any("总体要求" in p for p in places)  # {{ 年份 }} is not a literal year


@pytest.mark.parametrize(("date", "moved"), [
    ("2024-02-29", "2025-02-28"),  # no 29 February next year
    (None, None),
    ("2024-1-5", "2025-01-05"),
])
def test_date_moves_with_the_year(date: str | None, moved: str | None) -> None:
    plan = Plan(meta=PlanMeta(year=2024, date=date))
    assert roll_plan(plan, 2025).plan.meta.date == moved


@pytest.mark.parametrize("year", [2025, 1800, True])
def test_bad_target_years_are_refused(year: int) -> None:
    with pytest.raises(DrafterError):
        roll_plan(_plan(), year)


def test_rolled_plan_renders_with_years_advanced() -> None:
    from drafter.render.blocks import render_blocks
    from drafter.render.text import blocks_to_text

    cat = _catalogue()
    before = blocks_to_text(render_blocks(_plan(), cat))
    after = blocks_to_text(render_blocks(roll_plan(_plan(), 2026).plan, cat))
    assert "城关区教育局2025年工作要点" in before and "到2026年底" in before
    assert "城关区教育局2026年工作要点" in after and "到2027年底" in after
    assert "2026年全区教育工作" in after
    assert "新增公办学位1800个" in after  # kept as the value too
