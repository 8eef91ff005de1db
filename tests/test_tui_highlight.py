"""Issue 9.1: the outline and every action act on the highlighted item, after any edit and save.

Each test first edits and saves item 2 (what used to leave the outline's cursor filter stuck on
it), then moves the highlight up to item 1 and runs one action: the action must change item 1.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import TextArea

from drafter.tui.app import make_app
from drafter.tui.controller.selection import Selection
from drafter.tui.dialogs.choice import ChoiceDialog
from drafter.tui.dialogs.edit_item import EditItemDialog
from tests.tui_support import chapter, saved_plan, started, tui_catalogue

SIZES = [(100, 30), (120, 40)]


def _plan_file(tmp_path: Path) -> Path:
    return saved_plan(tmp_path, chapter("党建", "加强党的建设", "dj-000001", "dj-000002"),
                      chapter("保障", "强化教育保障", "bz-000001"))


async def _edit_save_then_up(app, pilot) -> None:  # type: ignore[no-untyped-def]
    """Highlight item 2, edit its body (e), save (ctrl+s), move the highlight up to item 1."""
    await started(app, pilot)
    screen = app.screen
    outline = screen.query_one("#outline")
    outline.focus()
    await pilot.pause()
    while outline.cursor_node.data != Selection(0, 1):
        await pilot.press("down")
    await pilot.press("e")
    assert isinstance(app.screen, EditItemDialog)
    body = "定期研判意识形态领域情况，守好各类阵地。"
    app.screen.query_one(TextArea).text = body
    await pilot.press("ctrl+s")
    await pilot.pause()
    assert screen.session.plan.chapters[0].items[1].body == body
    await pilot.press("ctrl+s")
    await pilot.pause()
    assert not screen.session.dirty
    await pilot.press("up")
    await pilot.pause()
    assert outline.cursor_node.data == Selection(0, 0)


@pytest.mark.parametrize("size", SIZES)
async def test_delete_acts_on_the_highlighted_item(tmp_path: Path, size) -> None:  # type: ignore[no-untyped-def]
    app = make_app(None, _plan_file(tmp_path), catalogue=tui_catalogue())
    async with app.run_test(size=size) as pilot:
        await _edit_save_then_up(app, pilot)
        await pilot.press("x")  # item 1 is unedited: no question
        await pilot.pause()
        items = app.main.session.plan.chapters[0].items
        assert [i.clause for i in items] == ["dj-000002"]  # item 1 went, the edited item stayed


async def test_edit_and_move_act_on_the_highlighted_item(tmp_path: Path) -> None:
    app = make_app(None, _plan_file(tmp_path), catalogue=tui_catalogue())
    async with app.run_test(size=(100, 30)) as pilot:
        await _edit_save_then_up(app, pilot)
        session = app.main.session
        await pilot.press("e")
        assert isinstance(app.screen, EditItemDialog)
        assert app.screen.query_one("#edit-lead").value == "加强教育系统党的建设"  # item 1's
        await pilot.press("escape")
        await pilot.press("m")  # move item 1 to the second chapter
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert [i.clause for i in session.plan.chapters[0].items] == ["dj-000002"]
        assert [i.clause for i in session.plan.chapters[1].items] == ["bz-000001", "dj-000001"]


async def test_move_down_acts_on_the_highlighted_item(tmp_path: Path) -> None:
    app = make_app(None, _plan_file(tmp_path), catalogue=tui_catalogue())
    async with app.run_test(size=(120, 40)) as pilot:
        await _edit_save_then_up(app, pilot)
        await pilot.press("]")
        await pilot.pause()
        items = app.main.session.plan.chapters[0].items
        assert [i.clause for i in items] == ["dj-000002", "dj-000001"]
        assert app.main.query_one("#outline").cursor_node.data == Selection(0, 1)
