"""Case 11: --force replaces regular files only (it replaced /dev/null with a regular file)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from drafter.model.errors import DrafterError
from drafter.util.fs import atomic_write_bytes, check_writable
from tests.hostile.helpers import city_plan, run, run_here


def test_build_force_onto_dev_null(tmp_path: Path) -> None:
    if not Path("/dev/null").exists():
        pytest.skip("no /dev/null")
    plan = city_plan(tmp_path)
    before = os.stat("/dev/null")
    run("build", str(plan), "-o", "/dev/null", "--format", "md", "--force").refused("不是普通文件")
    after = os.stat("/dev/null")
    assert (after.st_mode, after.st_rdev) == (before.st_mode, before.st_rdev)


@pytest.mark.parametrize("kind", ["symlink", "fifo"])  # a folder is a valid -o: files go inside
def test_force_refuses_other_kinds(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                   kind: str) -> None:
    plan = city_plan(tmp_path / "p")
    target = tmp_path / "out.md"
    if kind == "symlink":
        (tmp_path / "real.md").write_text("keep", encoding="utf-8")
        target.symlink_to(tmp_path / "real.md")
    else:
        os.mkfifo(target)
    run_here(capsys, "build", str(plan), "-o", str(target), "--force").refused("不是普通文件")
    if kind == "symlink":
        assert target.is_symlink() and (tmp_path / "real.md").read_text(encoding="utf-8") == "keep"


def test_the_check_is_repeated_at_the_rename(tmp_path: Path) -> None:
    target = tmp_path / "x.docx"
    check_writable(target, force=True)  # nothing there yet …
    target.mkdir()  # … then something else appears before the write
    with pytest.raises(DrafterError, match="不是普通文件"):
        atomic_write_bytes(target, b"data", overwrite=True)
    assert target.is_dir() and not any(tmp_path.glob(".*.tmp"))


def test_regular_files_are_still_replaced_with_force(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    plan = city_plan(tmp_path / "p")
    target = tmp_path / "out.md"
    target.write_text("old", encoding="utf-8")
    result = run_here(capsys, "build", str(plan), "-o", str(target), "--force")
    assert result.code == 0 and "安顺市" in target.read_text(encoding="utf-8")
