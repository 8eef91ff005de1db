"""Case 12: `mine -o` never leaves a half-old, half-new catalogue, and --replace needs --force.

The new catalogue is written in full beside the old one and swapped in with one rename, so a
full disk (or a kill: see test_fault_injection.py) leaves the old catalogue whole and no temp
file behind; the disk-full message names the catalogue, not a temp file.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from drafter.catalog.load import load_catalogue
from drafter.model.errors import display_path
from drafter.util import fs
from tests.hostile.helpers import CORPUS, run_here, snapshot

SOURCES = sorted(CORPUS.glob("*.txt"))


@pytest.fixture
def catalogue(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    out = tmp_path / "catalog"
    assert run_here(capsys, "mine", str(SOURCES[0]), "-o", str(out)).code == 0
    return out


def test_disk_full_mid_merge_leaves_the_old_catalogue(
        catalogue: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    before = snapshot(catalogue)
    real_fsync, calls = os.fsync, []

    def full_disk(fd: int) -> None:
        if ".new-" in os.readlink(f"/proc/self/fd/{fd}"):
            calls.append(fd)
            if len(calls) == 3:  # the third file of the new catalogue hits a full disk
                raise OSError(errno.ENOSPC, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(fs.os, "fsync", full_disk)
    result = run_here(capsys, "mine", str(SOURCES[1]), "-o", str(catalogue))
    result.refused("磁盘空间不足", f"{display_path(catalogue)}/")
    assert len(calls) == 3
    assert ".new-" not in result.err and ".tmp" not in result.err
    assert snapshot(catalogue) == before
    assert [p.name for p in catalogue.parent.iterdir() if ".new-" in p.name] == []
    assert len(load_catalogue(catalogue)) > 0


def test_replace_needs_force_when_it_drops_clauses(
        catalogue: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = snapshot(catalogue)
    run_here(capsys, "mine", str(SOURCES[1]), "-o", str(catalogue), "--replace").refused(
        "--force", "原有条目")
    assert snapshot(catalogue) == before
    result = run_here(capsys, "mine", str(SOURCES[1]), "-o", str(catalogue), "--replace",
                      "--force")
    assert result.code == 0 and snapshot(catalogue) != before


def test_replace_that_drops_nothing_needs_no_force(
        catalogue: Path, capsys: pytest.CaptureFixture[str]) -> None:
    result = run_here(capsys, "mine", str(SOURCES[0]), "-o", str(catalogue), "--replace")
    assert result.code == 0, result.err


def test_other_files_in_the_folder_survive_the_swap(
        catalogue: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (catalogue / "说明.txt").write_text("本科室的备注", encoding="utf-8")
    mode = catalogue.stat().st_mode
    assert run_here(capsys, "mine", str(SOURCES[1]), "-o", str(catalogue)).code == 0
    assert (catalogue / "说明.txt").read_text(encoding="utf-8") == "本科室的备注"
    assert catalogue.stat().st_mode == mode


def test_a_killed_run_is_recovered_on_the_next(catalogue: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    # what a kill between the two renames of the fallback path would leave
    old = catalogue.parent / f".{catalogue.name}.old-x1"
    os.rename(catalogue, old)
    (catalogue.parent / f".{catalogue.name}.new-x2").mkdir()
    fs.recover_folder(catalogue)
    assert catalogue.is_dir() and len(load_catalogue(catalogue)) > 0
    assert [p for p in catalogue.parent.iterdir() if p.name.startswith(".catalog.")
            and not p.name.endswith(".lock")] == []


def test_a_failed_swap_names_the_users_folder_when_paths_show_relative(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Messages show a path relative to the current folder where that is shorter; the staging
    folder must be mapped back to the user's folder in that form too, never shown."""
    from drafter.model.errors import DrafterError
    from drafter.util.errors import os_problem

    monkeypatch.chdir(tmp_path)
    target = tmp_path / "catalog"

    def full_disk(folder: Path) -> None:
        raise DrafterError([os_problem(OSError(errno.ENOSPC, "full"), folder / "党建.yaml")])

    with pytest.raises(DrafterError) as info:
        fs.replace_folder(target, full_disk)
    message = str(info.value.problems[0])
    assert ".new-" not in message
    assert display_path(target / "党建.yaml") == "catalog/党建.yaml"
    assert "catalog/党建.yaml" in message
