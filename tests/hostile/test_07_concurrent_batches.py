"""Case 7: two `batch` runs into one folder at once: one refuses, nothing is interleaved.

They used to both report success (the overwrite check ran before rendering and the rename
overwrote anyway). Now a batch holds a filelock on its output folder, and every file is moved
into place with a rename that cannot replace an existing file unless --force was given.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from drafter.model.errors import DrafterError
from drafter.util.fs import atomic_write_bytes, folder_lock
from tests.hostile.helpers import EXAMPLES, ROOT, snapshot


@pytest.fixture
def batch_file(tmp_path: Path) -> Path:
    for name in ("batch.yaml", "city_plan.yaml"):
        (tmp_path / name).write_bytes((EXAMPLES / name).read_bytes())
    return tmp_path / "batch.yaml"


def _start(batch: Path, out: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.Popen([sys.executable, "-m", "drafter", "batch", str(batch), "-o", str(out),
                             "-j", "1"], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, encoding="utf-8", env=env)


@pytest.mark.slow
def test_two_batches_into_one_folder(batch_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first, second = _start(batch_file, out), _start(batch_file, out)
    results = [(*p.communicate(timeout=240), p.returncode) for p in (first, second)]
    codes = sorted(code for _, _, code in results)
    assert codes[0] == 0 and codes[1] != 0, results
    loser = next(r for r in results if r[2] != 0)
    assert "Traceback" not in loser[1]
    # the loser refused: either it found the lock, or (if it started after the winner finished)
    # it refused to overwrite the winner's files without --force
    assert "另一个批量生成正在写入" in loser[1] or "文件已存在" in loser[1], loser[1]
    docs = sorted(p.name for p in out.iterdir() if not p.name.startswith("."))
    assert len(docs) == 3 and all(d.endswith(".docx") for d in docs)


def test_a_held_lock_refuses_at_once(tmp_path: Path) -> None:
    with folder_lock(tmp_path):
        start = time.monotonic()
        with pytest.raises(DrafterError, match="另一个批量生成正在写入"), folder_lock(tmp_path):
            pass
        assert time.monotonic() - start < 2


def test_rename_never_replaces_without_force(tmp_path: Path) -> None:
    target = tmp_path / "西秀区.docx"
    target.write_bytes(b"the other run's file")
    before = snapshot(tmp_path)
    with pytest.raises(DrafterError, match="文件已存在"):
        atomic_write_bytes(target, b"mine", overwrite=False)
    assert snapshot(tmp_path) == before  # no temp file left either
