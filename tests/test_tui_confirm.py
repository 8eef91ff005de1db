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
