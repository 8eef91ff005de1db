"""Autosave: a terminal closed mid-edit loses nothing, and a deliberate discard or save cleans up.

The first app edits a plan and stops without saving (as if the terminal were killed: no quit
dialog, no cleanup). The next app on the same plan finds the recovery copy and offers it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.model import Plan
from drafter.plans.io import load_plan
from drafter.tui import autosave
from drafter.tui.app import make_app
from drafter.tui.dialogs.confirm import ConfirmDialog, QuitDialog
from tests.tui_support import (
    chapter,
    clear_input,
    saved_plan,
    started,
    type_text,
    write_tui_catalogue,
)

SIZE = (120, 40)


@pytest.fixture
def catalog_dir(tmp_path: Path) -> Path:
    return write_tui_catalogue(tmp_path / "catalog")


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    return saved_plan(tmp_path, chapter("保障", "强化教育保障", "bz-000001"), year=2025)


async def _edit_and_die(catalog_dir: Path, plan_path: Path | None) -> Plan:
    """Add a clause and type a value, then stop the app without saving; returns the plan."""
    app = make_app(catalog_dir, plan_path)
    async with app.run_test(size=SIZE) as pilot:
        await started(app, pilot)
        screen = app.screen
        await pilot.press("slash")
        await type_text(pilot, "学前")
        await pilot.pause(0.1)
        await pilot.press("enter", "a")
        await pilot.press("2")
        row = next(r for r in screen.query_one("#values").rows if r.field.name == "新建幼儿园数")
        row.query_one("Input").focus()
        await clear_input(pilot)
        await type_text(pilot, "7")
        assert screen.session.dirty
        edited = screen.session.snapshot()
        await app.workers.wait_for_complete()  # the recovery copy is written by a worker
        assert autosave.recovery_path(plan_path).is_file()
        app.exit()  # no quit dialog, no cleanup: what a killed terminal leaves behind
    return edited


@pytest.mark.parametrize("named", [True, False], ids=["plan-file", "untitled"])
async def test_recovery_restores_unsaved_work(catalog_dir: Path, plan_file: Path,
                                              named: bool) -> None:
    plan_path = plan_file if named else None
    edited = await _edit_and_die(catalog_dir, plan_path)
    if named:
        assert load_plan(plan_file) != edited  # the plan file itself was not touched

    app = make_app(catalog_dir, plan_path)
    async with app.run_test(size=SIZE) as pilot:
        await started(app, pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await pilot.pause()
        session = app.main.session
        assert session.plan == edited
        assert session.dirty and session.path == plan_path
        assert session.plan.values["新建幼儿园数"] == 7


async def test_discarding_the_recovery_removes_it(catalog_dir: Path, plan_file: Path) -> None:
    await _edit_and_die(catalog_dir, plan_file)
    app = make_app(catalog_dir, plan_file)
    async with app.run_test(size=SIZE) as pilot:
        await started(app, pilot)
        await pilot.press("n")
        await pilot.pause()
        assert app.main.session.plan == load_plan(plan_file)
        assert not autosave.recovery_path(plan_file).exists()


async def test_save_clears_recovery_and_quit_asks_first(catalog_dir: Path, plan_file: Path
                                                        ) -> None:
    app = make_app(catalog_dir, plan_file)
    async with app.run_test(size=SIZE) as pilot:
        await started(app, pilot)
        screen = app.screen
        await pilot.press("1")
        screen.query_one("#outline").focus()
        await pilot.press("down", "x")  # remove the one item
        await app.workers.wait_for_complete()
        assert autosave.recovery_path(plan_file).is_file()
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, QuitDialog)  # unsaved: asks instead of quitting
        await pilot.press("escape")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not autosave.recovery_path(plan_file).exists()
        assert load_plan(plan_file).chapters[0].items == []
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.return_value is None and not app.is_running
