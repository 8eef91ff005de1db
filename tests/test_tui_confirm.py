"""待核实 in the TUI: counted beside 缺, confirmed one item (y) or a whole chapter (Y)."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import TabbedContent

from drafter.model import Plan, PlanChapter, PlanItem, PlanMeta
from drafter.plans.io import load_plan, save_plan
from drafter.tui.app import make_app
from drafter.tui.controller.selection import Selection
from drafter.tui.controller.session import PlanSession
from tests.tui_support import started, tui_catalogue

SIZE = (120, 40)


def _plan() -> Plan:
    # 普惠率 (default 90) and 交流比例 (default 10) are catalogue figures: suggestions only;
    # 智慧校园数 is last year's figure after a roll.
    return Plan(meta=PlanMeta(region="临江市", organ="临江市教育局", year=2025),
                chapters=[PlanChapter(key="各级各类教育", heading="各级各类教育", items=[
                              PlanItem(clause="gj-000001", values={"新建幼儿园数": 3})]),
                          PlanChapter(key="教师队伍", heading="教师队伍", items=[
                              PlanItem(clause="js-000002"),
                              PlanItem(clause="gg-000001", values={"智慧校园数": 6},
                                       provenance={"智慧校园数": "last_year"})])])


def test_session_confirms_a_default_by_copying_it_as_a_confirmed_value() -> None:
    session = PlanSession(catalogue=tui_catalogue(), plan=_plan(), selection=Selection(0, 0))
    uses = session.unconfirmed_at()
    assert [(u.name, u.provenance) for u in uses] == [("普惠率", "default")]
    assert session.confirm(uses) == 1
    item = session.plan.chapters[0].items[0]
    assert (item.values["普惠率"], item.provenance["普惠率"]) == (90, "confirmed")
    session.selection = Selection(1, 0)
    assert {u.name for u in session.unconfirmed_at(whole_chapter=True)} == {"交流比例",
                                                                             "智慧校园数"}


async def test_y_confirms_the_item_and_shift_y_the_chapter(tmp_path: Path) -> None:
    path = tmp_path / "计划.yaml"
    save_plan(_plan(), path)
    app = make_app(None, path, catalogue=tui_catalogue())
    async with app.run_test(size=SIZE) as pilot:
        await started(app, pilot)
        screen = app.screen
        tabs = screen.query_one(TabbedContent)
        assert str(tabs.get_tab("tab-values").label) == "参数（待核实3）"
        screen.jump_to(Selection(0, 0))
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert str(tabs.get_tab("tab-values").label) == "参数（待核实2）"
        screen.jump_to(Selection(1, 0))
        await pilot.pause()
        await pilot.press("Y")
        await pilot.pause()
        assert str(tabs.get_tab("tab-values").label) == "参数"
        await pilot.press("ctrl+s")
        await pilot.pause()
    saved = load_plan(path)
    assert saved.chapters[1].items[1].provenance == {"智慧校园数": "confirmed"}
    assert saved.chapters[1].items[0].provenance == {"交流比例": "confirmed"}


def _outline_labels(app) -> list[str]:  # type: ignore[no-untyped-def]
    from drafter.tui.widgets.outline import PlanOutline

    root = app.screen.query_one(PlanOutline).root
    out = []
    for chapter in root.children:
        out.append(str(chapter.label))
        out += [str(item.label) for item in chapter.children]
    return out


async def test_the_outline_counts_what_is_to_verify_per_item_and_chapter(tmp_path: Path) -> None:
    """Deliver 3: 待核实 beside 缺 in the outline, per item and per chapter, and gone once
    confirmed (y on the item, Y for the chapter)."""
    plan = _plan()
    plan.chapters[0].items[0].values = {}  # 新建幼儿园数 missing: 缺1 beside 待核实1
    path = tmp_path / "计划.yaml"
    save_plan(plan, path)
    app = make_app(None, path, catalogue=tui_catalogue())
    async with app.run_test(size=SIZE) as pilot:
        await started(app, pilot)
        labels = _outline_labels(app)
        assert labels[0].endswith("各级各类教育 缺1 待核实1")
        assert labels[1].endswith("缺1 待核实1")
        assert labels[2].endswith("教师队伍 待核实2")
        assert labels[3].endswith("待核实1") and labels[4].endswith("待核实1")
        app.screen.jump_to(Selection(1, 1))
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        labels = _outline_labels(app)
        assert labels[2].endswith("教师队伍 待核实1") and "待核实" not in labels[4]
        await pilot.press("Y")
        await pilot.pause()
        labels = _outline_labels(app)
        assert not any("待核实" in label for label in labels[2:])
        assert labels[0].endswith("缺1 待核实1")  # another chapter: untouched


async def test_a_plan_started_in_the_tui_signs_and_is_dated_today() -> None:
    """Deliver 7: the plan the TUI starts with (no file given) has the 落款 on and today's
    date, as Ctrl+N and drafter new give."""
    import datetime as dt

    app = make_app(None, None, catalogue=tui_catalogue())
    async with app.run_test(size=SIZE) as pilot:
        await started(app, pilot)
        meta = app.main.session.plan.meta
        assert meta.options.signature and meta.date == dt.date.today().isoformat()
