"""Case 10: `kill -TERM` (or -KILL) on `batch` leaves no worker process behind.

Workers used to sleep forever after their parent was terminated. Now SIGTERM interrupts the
batch (workers are killed at once) and every worker has PR_SET_PDEATHSIG plus a parent watch.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.hostile.helpers import EXAMPLES, ROOT

pytestmark = [pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc"),
              pytest.mark.slow]


def children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found |= {int(c) for c in (task / "children").read_text().split()}
        except OSError:
            pass
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _big_batch(tmp_path: Path, counties: int = 40) -> Path:
    (tmp_path / "city_plan.yaml").write_bytes((EXAMPLES / "city_plan.yaml").read_bytes())
    variants = "".join(f"  - name: 县{i}\n    region: 测试{i}县\n" for i in range(counties))
    batch = tmp_path / "batch.yaml"
    batch.write_text('base: city_plan.yaml\noutput: "{{ 名称 }}"\nvariants:\n' + variants,
                     encoding="utf-8")
    return batch


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL])
def test_no_worker_outlives_the_batch(tmp_path: Path, sig: int) -> None:
    batch = _big_batch(tmp_path)
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    proc = subprocess.Popen([sys.executable, "-m", "drafter", "batch", str(batch), "-o",
                             str(tmp_path / "out"), "-j", "2"], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    workers: set[int] = set()
    deadline = time.monotonic() + 60
    while len(workers) < 2 and time.monotonic() < deadline and proc.poll() is None:
        workers |= children(proc.pid)
        time.sleep(0.05)
    assert workers, "the batch never started its workers"
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode != 0
    assert "Traceback" not in err
    deadline = time.monotonic() + 10
    while any(alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    left = [w for w in workers if alive(w)]
    for w in left:  # do not leave them for the next test either
        os.kill(w, signal.SIGKILL)
    assert left == []


def test_a_worker_whose_parent_died_before_its_guard_exits() -> None:
    """Regression (fault injection, SIGKILL right after fork): the worker read its parent id
    only once it was already reparented, so it never noticed and lived on. The batch now hands
    its own pid down; a worker whose parent is no longer that pid leaves at once."""
    code = ("from drafter.render.batch import die_with_parent\n"
            "die_with_parent(1)\n"  # pid 1 is not this process's parent
            "print('still alive')\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 1 and "still alive" not in done.stdout
