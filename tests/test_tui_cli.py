"""`drafter tui` from the command line: help, and bad arguments refused in Chinese before the
screen opens (the app itself is driven by the pilot tests)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run_cli, run_cli_process


def test_tui_help_is_chinese() -> None:
    result = run_cli("tui", "--help")
    assert result.returncode == 0
    assert "打开终端界面" in result.stdout and "--catalog" in result.stdout


@pytest.mark.parametrize(("args", "message"), [
    (("没有这个文件.yaml",), "找不到计划文件"),  # a plan path that does not exist
    (("--catalog", "没有这个文件夹"), "找不到条目目录文件夹"),  # a catalogue folder that does not
])
def test_bad_arguments_are_refused_before_the_screen_opens(
        args: tuple[str, ...], message: str, tmp_path: Path) -> None:
    result = run_cli_process("tui", *args, cwd=tmp_path)  # end to end: the real command
    assert result.returncode == 1
    assert message in result.stderr and "Traceback" not in result.stderr


def test_a_broken_plan_names_its_line(tmp_path: Path) -> None:
    plan = tmp_path / "坏计划.yaml"
    plan.write_text("meta:\n  year: 明年\n  colour: 红\n", encoding="utf-8")
    result = run_cli("tui", str(plan), cwd=tmp_path)
    assert result.returncode == 1
    assert "坏计划.yaml:" in result.stderr and "Traceback" not in result.stderr
