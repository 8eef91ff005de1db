"""Issue 8 case 5 (documents): a zip-bomb .docx in `mine` and as a plan's options.reference, and
`mine /dev/zero`, are refused before anything large is read or inflated."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from drafter.model.errors import DrafterError
from drafter.util.safezip import Limits, check_package, read_bounded
from tests.conftest import ROOT
from tests.hostile.documents import zip_bomb_docx

MEMORY_CAP = 1024 * 1024 * 1024  # the child is killed if it tries to hold a bomb's contents


def run_capped(*args: str) -> subprocess.CompletedProcess[str]:
    """`drafter …` with its address space capped, so a bomb that is read fails the test."""
    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP * 2, MEMORY_CAP * 2))

    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    return subprocess.run([sys.executable, "-m", "drafter", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120, preexec_fn=cap)


def test_zip_bomb_in_mine_is_refused(tmp_path: Path) -> None:
    bomb = zip_bomb_docx(tmp_path / "炸弹.docx")
    assert bomb.stat().st_size < 1024 * 1024
    result = run_capped("mine", "--json", str(bomb))
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert "压缩炸弹" in result.stderr and "炸弹.docx" in result.stderr


def test_zip_bomb_as_reference_is_refused(tmp_path: Path) -> None:
    zip_bomb_docx(tmp_path / "ref.docx")
    plan = tmp_path / "plan.yaml"
    plan.write_text("meta:\n  title: 某县教育局2025年工作要点\n  options:\n"
                    "    reference: ref.docx\n"
                    "chapters:\n  - heading: 加强党建\n    items:\n      - lead: 抓好学习\n",
                    encoding="utf-8")
    out = tmp_path / "out.docx"
    result = run_capped("build", str(plan), "-o", str(out))
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert "压缩炸弹" in result.stderr and "ref.docx" in result.stderr
    assert not out.exists()


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero on this system")
def test_mine_dev_zero_is_refused_without_reading() -> None:
    result = run_capped("mine", "--json", "/dev/zero")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "不是普通文件" in result.stderr and "/dev/zero" in result.stderr


@pytest.mark.parametrize(("limits", "message"), [
    (Limits(ratio=5.0, ratio_floor=1), "压缩比"),  # ratio over the cap
    (Limits(entry_size=1000), "异常巨大"),  # one entry over its cap
    (Limits(entries=3), "条目过多"),  # too many entries
])
def test_each_zip_limit_bites(tmp_path: Path, limits: Limits, message: str) -> None:
    import docx

    path = tmp_path / "plain.docx"
    docx.Document().save(path)
    check_package(path)  # a normal document passes the default limits
    with pytest.raises(DrafterError, match=message):
        check_package(path, limits=limits)


def test_read_bounded_stops_at_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"a" * 5000)
    assert read_bounded(path, 5000) == b"a" * 5000
    with pytest.raises(DrafterError, match="文件太大"):
        read_bounded(path, 4999)
