"""Undo and redo of every plan edit (issue 9.1): the session layer as a table, then the keys,
the command palette and the question before deleting an edited or custom item in the pilot."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path

import pytest

from drafter.model import Plan, PlanChapter, PlanItem, PlanMeta
from drafter.plans.io import save_plan
from drafter.tui.app import make_app
from drafter.tui.controller.history import History, State
from drafter.tui.controller.selection import Selection
from drafter.tui.controller.session import PlanSession
from drafter.tui.dialogs.confirm import ConfirmDialog
from tests.tui_support import started, tui_catalogue

CAT = tui_catalogue()


def _session() -> PlanSession:
    plan = Plan(meta=PlanMeta(region="临江市", organ="临江市教育局", year=2026),
                chapters=[PlanChapter(key="党建", heading="党建",
                                      items=[PlanItem(clause="dj-000001"),
                                             PlanItem(lead="自定义", body="自定义正文。")]),
                          PlanChapter(key="教师队伍", heading="教师",
                                      items=[PlanItem(clause="js-000001")])])
    return PlanSession(catalogue=CAT, plan=plan, selection=Selection(0, 1))


Edit = Callable[[PlanSession], object]

EDITS: list[tuple[str, Edit]] = [
    # add a catalogue clause (its chapter is created first: still one step)
    ("add clause with new chapter", lambda s: s.add_clause(CAT.get("gj-000001"))),
    ("add custom", lambda s: s.add_custom("新条目", "正文。")),
    ("delete", lambda s: s.remove_selected()),  # the custom item, text and all
    ("move up", lambda s: s.move_selected(-1)),
    ("move to chapter", lambda s: s.move_to_chapter(1)),
    ("edit text", lambda s: s.set_text("改过的要点", "改过的正文。")),
    ("plan value", lambda s: s.set_value("示范支部数", 12)),
    ("item value", lambda s: s.set_value("示范支部数", 3, item=s.selected_item())),
    ("global value", lambda s: s.set_global("地区", "临河县")),
    ("meta", lambda s: s.set_meta(PlanMeta(title="新标题", region="临江市", year=2027))),
    ("heading", lambda s: s.set_heading(0, "全面加强党的建设")),
    ("add chapter", lambda s: s.add_chapter("保障")),
]


@pytest.mark.parametrize(("name", "do"), EDITS, ids=[e[0] for e in EDITS])
def test_every_edit_undoes_and_redoes(name: str, do: Edit) -> None:
    session = _session()
    before, selected = copy.deepcopy(session.plan), session.selection
    do(session)
    after, selected_after = copy.deepcopy(session.plan), session.selection
    assert after != before and session.dirty
    assert session.undo()
    assert session.plan == before and session.selection == selected
    assert not session.dirty  # back where the file was
    assert session.redo()
    assert session.plan == after and session.selection == selected_after and session.dirty
    assert not session.redo()  # nothing more to redo


def test_typing_into_one_field_is_one_step() -> None:
    session = _session()
    for value in (1, 15, 150):  # each keystroke stores what is typed so far
        session.set_value("示范支部数", value)
    session.set_value("培训人数", 300)
    session.set_value("示范支部数", 7)  # another field came between: a new step
    assert session.undo() and session.plan.values == {"示范支部数": 150, "培训人数": 300}
    assert session.undo() and session.plan.values == {"示范支部数": 150}
    assert session.undo() and session.plan.values == {}
    assert not session.undo()


def test_a_new_edit_clears_redo_and_reopening_clears_history() -> None:
    session = _session()
    session.set_heading(0, "一")
    session.undo()
    session.set_heading(1, "二")
    assert not session.can_redo and session.can_undo
    session.replace_plan(Plan(), None)
    assert not session.can_undo and not session.can_redo


def test_history_keeps_a_bounded_number_of_steps() -> None:
    history: History[int, None] = History(limit=3)
    for n in range(10):
        history.record(State(n, None))
    undone = []
    while (state := history.undo(State(-1, None))) is not None:
        undone.append(state.plan)
    assert undone == [9, 8, 7]


def _plan_file(tmp_path: Path) -> Path:
    path = tmp_path / "计划.yaml"
    save_plan(_session().plan, path)
    return path


@pytest.mark.parametrize("size", [(100, 30), (120, 40)])
async def test_delete_custom_asks_then_ctrl_z_brings_it_back(tmp_path: Path, size) -> None:  # type: ignore[no-untyped-def]
    app = make_app(None, _plan_file(tmp_path), catalogue=CAT)
    async with app.run_test(size=size) as pilot:
        await started(app, pilot)
        screen = app.screen
        session = screen.session
        outline = screen.query_one("#outline")
        outline.focus()
        while outline.cursor_node.data != Selection(0, 1):
            await pilot.press("down")
        await pilot.press("x")
        assert isinstance(app.screen, ConfirmDialog)  # a custom item: asked first
        await pilot.press("n")
        assert len(session.plan.chapters[0].items) == 2
        await pilot.press("x")
        await pilot.press("y")
        await pilot.pause()
        assert [i.clause for i in session.plan.chapters[0].items] == ["dj-000001"]
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert session.plan.chapters[0].items[1].lead == "自定义"
        assert outline.cursor_node.data == Selection(0, 1)
        assert not session.dirty
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert len(session.plan.chapters[0].items) == 1


async def test_undo_and_redo_are_in_the_palette(tmp_path: Path) -> None:
    app = make_app(None, _plan_file(tmp_path), catalogue=CAT)
    async with app.run_test(size=(120, 40)) as pilot:
        await started(app, pilot)
        session = app.main.session
        titles = {c.title for c in app.get_system_commands(app.main)}
        assert "撤销" not in titles and "重做" not in titles  # nothing to undo yet
        session.set_heading(0, "全面加强党的建设")
        app.main.refresh_views()
        titles = {c.title for c in app.get_system_commands(app.main)}
        assert "撤销" in titles
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"撤销")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert session.plan.chapters[0].heading == "党建"
        assert "重做" in {c.title for c in app.get_system_commands(app.main)}
