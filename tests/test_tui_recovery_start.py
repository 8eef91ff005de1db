"""Issue 13.15: at a plain start, recovery copies newer than their plan files are listed and
offered; text typed in an open dialog is part of the autosave."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from textual.widgets import TextArea

from drafter.model import Plan, PlanChapter, PlanItem, PlanMeta
from drafter.plans.io import load_plan, save_plan
from drafter.tui import autosave
from drafter.tui.app import make_app
from drafter.tui.controller.selection import Selection
from drafter.tui.dialogs.choice import ChoiceDialog
from drafter.tui.dialogs.edit_item import EditItemDialog
from tests.tui_support import started, tui_catalogue

SIZES = [pytest.param((100, 30), id="100x30"), pytest.param((120, 40), id="120x40")]


def _plan(heading: str) -> Plan:
    return Plan(meta=PlanMeta(region="临江市", organ="临江市教育局", year=2026),
                chapters=[PlanChapter(key="党建", heading=heading,
                                      items=[PlanItem(clause="dj-000002")])])


def test_pending_recoveries_are_those_newer_than_their_plans(tmp_path: Path) -> None:
    newer, older = tmp_path / "甲.yaml", tmp_path / "乙.yaml"
    for path in (newer, older):
        save_plan(_plan("原标题"), path)
        autosave.write_recovery(_plan("改过的标题"), path)
    past = time.time() - 3600
    os.utime(newer, (past, past))  # the plan file is older than its copy: unsaved work
    future = time.time() + 3600
    os.utime(older, (future, future))  # saved after the copy was written: nothing to offer
    assert [p.origin for p in autosave.pending_recoveries()] == [newer.resolve()]


@pytest.mark.parametrize("size", SIZES)
async def test_plain_start_lists_and_restores_unsaved_work(tmp_path: Path, size) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "计划.yaml"
    save_plan(_plan("原标题"), path)
    autosave.write_recovery(_plan("改过的标题"), path)
    past = time.time() - 3600
    os.utime(path, (past, past))
    app = make_app(None, None, catalogue=tui_catalogue())
    async with app.run_test(size=size) as pilot:
        await started(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, ChoiceDialog)
        assert "计划.yaml" in str(dialog.query_one("#choices").get_option_at_index(0).prompt)
        await pilot.press("enter")
        await pilot.pause()
        session = app.main.session
        assert session.path == path.resolve() and session.dirty
        assert session.plan.chapters[0].heading == "改过的标题"
        assert load_plan(path).chapters[0].heading == "原标题"  # the file is untouched


@pytest.mark.parametrize("size", SIZES)
async def test_later_keeps_every_copy_for_the_next_start(tmp_path: Path, size) -> None:  # type: ignore[no-untyped-def]
    first, second = tmp_path / "甲.yaml", tmp_path / "乙.yaml"
    past = time.time() - 3600
    for path in (first, second):
        save_plan(_plan("原标题"), path)
        autosave.write_recovery(_plan("改过的标题"), path)
        os.utime(path, (past, past))
    app = make_app(None, None, catalogue=tui_catalogue())
    async with app.run_test(size=size) as pilot:
        await started(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, ChoiceDialog)
        shown = [str(dialog.query_one("#choices").get_option_at_index(i).prompt)
                 for i in range(3)]
        assert any("甲.yaml" in s for s in shown) and any("乙.yaml" in s for s in shown)
        assert "以后再说" in shown[2]
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        assert not isinstance(app.screen, ChoiceDialog)
        assert app.main.session.path is None  # still the blank plan
    assert len(autosave.pending_recoveries()) == 2  # nothing deleted


async def test_a_named_start_does_not_list_other_plans(tmp_path: Path) -> None:
    other, opened = tmp_path / "别的.yaml", tmp_path / "打开的.yaml"
    save_plan(_plan("原标题"), other)
    save_plan(_plan("原标题"), opened)
    autosave.write_recovery(_plan("改过的标题"), other)
    past = time.time() - 3600
    os.utime(other, (past, past))
    app = make_app(None, opened, catalogue=tui_catalogue())
    async with app.run_test(size=(100, 30)) as pilot:
        await started(app, pilot)
        assert not isinstance(app.screen, ChoiceDialog)


@pytest.mark.parametrize("size", SIZES)
async def test_text_typed_in_an_open_dialog_is_autosaved(tmp_path: Path, size) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "计划.yaml"
    save_plan(_plan("党建"), path)
    app = make_app(None, path, catalogue=tui_catalogue())
    async with app.run_test(size=size) as pilot:
        await started(app, pilot)
        app.main.jump_to(Selection(0, 0))
        await pilot.pause()
        await pilot.press("e")
        dialog = app.screen
        assert isinstance(dialog, EditItemDialog)
        dialog.query_one(TextArea).focus()
        await pilot.press("ctrl+a", *"还没按确定的文字")
        await app.workers.wait_for_complete()
        await pilot.pause()
        found = autosave.read_recovery(path)
        assert found is not None and found.plan is not None
        assert found.plan.chapters[0].items[0].body == "还没按确定的文字"
        assert app.main.session.plan.chapters[0].items[0].body is None  # the plan: unchanged

        await pilot.press("escape")  # cancelled: the copy goes back to what the plan holds
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert autosave.read_recovery(path) is None
