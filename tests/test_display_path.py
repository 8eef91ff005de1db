"""Issue 13.14: paths in user-facing messages are shown relative to the current folder where
that is shorter."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from drafter.model.errors import Problem, display_path
from drafter.util.errors import os_problem


def test_a_path_inside_the_current_folder_is_shown_relative(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    inside = tmp_path / "计划" / "临江.yaml"
    assert display_path(inside) == str(Path("计划") / "临江.yaml")
    assert str(Problem("缺少标题", file=str(inside), line=3)).startswith(
        f"{Path('计划') / '临江.yaml'}:3：")
    problem = os_problem(PermissionError(errno.EACCES, "denied"), inside)
    assert str(Path("计划") / "临江.yaml") in str(problem) and str(tmp_path) not in str(problem)


def test_a_far_path_stays_absolute_and_other_names_are_left_alone(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    deep = tmp_path / "a" / "b" / "c" / "d" / "e"
    deep.mkdir(parents=True)
    monkeypatch.chdir(deep)
    far = Path("/x.yaml").resolve()
    assert display_path(far) == str(far)  # ../../../… would be longer
    assert display_path("<stdin>") == "<stdin>"
    assert display_path("https://example.org/a") == "https://example.org/a"
    assert display_path("计划.yaml") == "计划.yaml"
