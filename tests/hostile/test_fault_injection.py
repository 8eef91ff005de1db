"""Fault injection: SIGKILL `mine -o` and `batch` at random moments, 20 times in all.

After every kill the catalogue is either the old or the new one (byte for byte) and loads
cleanly, every batch output is either the old or the new file, and no process is left behind.
Kill moments are drawn from the measured length of an uninterrupted run (seeded, so a failure
can be replayed with the seed printed in the assertion).
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from drafter.catalog.load import load_catalogue
from drafter.util.fs import recover_folder
from tests.hostile.helpers import CORPUS, EXAMPLES, ROOT, snapshot
from tests.hostile.test_10_workers_die_with_parent import alive, children

pytestmark = [pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc"),
              pytest.mark.slow]
SEED = int(os.environ.get("DRAFTER_FAULT_SEED", "8"))
KILLS = 10  # per command: 20 in all
ENV = {**os.environ, "PYTHONIOENCODING": "utf-8"}


def _run(args: list[str], kill_after: float | None) -> tuple[set[int], float]:
    """Run drafter; SIGKILL it after `kill_after` seconds. (processes it started, seconds)"""
    start = time.monotonic()
    proc = subprocess.Popen([sys.executable, "-m", "drafter", *args], cwd=ROOT, env=ENV,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seen: set[int] = set()
    while proc.poll() is None:
        seen |= children(proc.pid)
        if kill_after is not None and time.monotonic() - start >= kill_after:
            proc.kill()
            break
        time.sleep(0.01)
    proc.wait(timeout=60)
    return seen, time.monotonic() - start


def _no_process_left(pids: set[int]) -> None:
    deadline = time.monotonic() + 10
    while any(alive(p) for p in pids) and time.monotonic() < deadline:
        time.sleep(0.05)
    left = [p for p in pids if alive(p)]
    for p in left:
        os.kill(p, signal.SIGKILL)
    assert left == []


def test_killing_mine_leaves_the_old_or_the_new_catalogue(tmp_path: Path) -> None:
    sources = sorted(CORPUS.glob("*.txt"))
    pristine = tmp_path / "pristine"
    _run(["mine", str(sources[0]), "-o", str(pristine)], None)
    old = snapshot(pristine)
    catalog = tmp_path / "catalog"
    shutil.copytree(pristine, catalog)
    _, took = _run(["mine", str(sources[1]), str(sources[2]), "-o", str(catalog)], None)
    new = snapshot(catalog)
    assert new != old
    rng = random.Random(SEED)
    for attempt in range(KILLS):
        shutil.rmtree(catalog)
        shutil.copytree(pristine, catalog)
        delay = rng.uniform(0.2, took)
        pids, _ = _run(["mine", str(sources[1]), str(sources[2]), "-o", str(catalog)], delay)
        recover_folder(catalog)  # what the next run does first
        state = snapshot(catalog)
        assert state in (old, new), f"seed {SEED}, attempt {attempt}, kill at {delay:.2f}s"
        assert len(load_catalogue(catalog)) > 0
        assert not [p for p in tmp_path.iterdir() if ".new-" in p.name or ".old-" in p.name]
        _no_process_left(pids)


def test_killing_batch_leaves_old_or_new_files(tmp_path: Path) -> None:
    work = tmp_path / "work"
    work.mkdir()
    plan_text = (EXAMPLES / "city_plan.yaml").read_text(encoding="utf-8")
    (work / "batch.yaml").write_bytes((EXAMPLES / "batch.yaml").read_bytes())
    batch = work / "batch.yaml"
    batch.write_text(batch.read_text(encoding="utf-8").replace("format: docx", "format: md"),
                     encoding="utf-8")
    out = tmp_path / "out"
    (work / "city_plan.yaml").write_text(plan_text.replace("date: 2025-02-20",
                                                           "date: 2025-02-21"), encoding="utf-8")
    _run(["batch", str(batch), "-o", str(out), "-j", "1"], None)
    old = {k: v for k, v in snapshot(out).items() if not k.startswith(".")}
    pristine = tmp_path / "pristine"
    shutil.copytree(out, pristine)
    (work / "city_plan.yaml").write_text(plan_text, encoding="utf-8")
    _, took = _run(["batch", str(batch), "-o", str(out), "-j", "2", "--force"], None)
    new = {k: v for k, v in snapshot(out).items() if not k.startswith(".")}
    assert len(old) == 3 and set(new) == set(old) and new != old
    rng = random.Random(SEED + 1)
    for attempt in range(KILLS):
        shutil.rmtree(out)
        shutil.copytree(pristine, out)
        delay = rng.uniform(0.2, took)
        pids, _ = _run(["batch", str(batch), "-o", str(out), "-j", "2", "--force"], delay)
        state = {k: v for k, v in snapshot(out).items() if not k.startswith(".")}
        assert set(state) == set(old), f"seed {SEED}, attempt {attempt}"
        for name, data in state.items():
            assert data in (old[name], new[name]), f"seed {SEED}, attempt {attempt}, {name}"
        _no_process_left(pids)
