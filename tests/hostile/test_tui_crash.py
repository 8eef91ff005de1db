"""The TUI never exits 0 on a crash (the issue's header: 30 tracebacks, and the TUI then exited
with status 0). An unexpected error shows a Chinese dialog, saves a crash report, keeps the
autosave, and the app's return code is 1 (which `drafter tui` passes on)."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.model import PlanMeta
from drafter.tui import autosave
from drafter.tui.app import make_app
from drafter.tui.crash import CrashApp, CrashDialog, crash_message
from drafter.tui.screens.main import MainScreen
from drafter.util.paths import user_data_dir
from tests.hostile.helpers import city_plan, run
from tests.tui_support import started, write_tui_catalogue


class Boom(RuntimeError):
    pass


async def test_a_crash_saves_a_report_keeps_the_autosave_and_exits_1(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capfd: pytest.CaptureFixture[str]) -> None:
    catalog = write_tui_catalogue(tmp_path / "catalog")

    def explode(self: MainScreen) -> None:
        raise Boom("simulated bug")

    monkeypatch.setattr(MainScreen, "action_request_quit", explode)
    app = make_app(catalog, None)
    with pytest.raises(Boom):  # run_test re-raises, so no other test can pass over a crash
        async with app.run_test(size=(120, 40)) as pilot:
            await started(app, pilot)
            app.main.session.set_meta(PlanMeta(title="崩溃前正在编辑的标题"))
            await pilot.press("ctrl+q")
    assert app.return_code == 1
    assert app.crash_message is not None and "错误报告已保存" in app.crash_message
    assert "自动保存" in app.crash_message
    shown = capfd.readouterr().err  # what is printed when the app stops
    assert "Traceback" not in shown and "程序出现意外错误" in shown
    reports = list((user_data_dir() / "crash").glob("*-tui.txt"))
    assert len(reports) == 1 and "Boom" in reports[0].read_text(encoding="utf-8")
    found = autosave.read_recovery(None)
    assert found is not None and found.plan is not None
    assert found.plan.meta.title == "崩溃前正在编辑的标题"


async def test_the_crash_dialog_is_chinese_and_exits_1() -> None:
    app = CrashApp(crash_message(Path("/tmp/报告.txt"), saved=True))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, CrashDialog)
        assert "程序出现意外错误" in app.screen.message
        await pilot.press("enter")
    assert app.return_code == 1


def test_tui_with_a_broken_plan_is_refused_before_the_screen(tmp_path: Path) -> None:
    plan = city_plan(tmp_path, "date: 2025-02-20", "date: 2025-02-30")
    run("tui", str(plan)).refused("plan.yaml:9", "不存在")
