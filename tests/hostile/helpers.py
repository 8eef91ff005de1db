"""What every hostile-input test asserts, in one place.

A hostile input must be refused with a Chinese message, a non-zero exit status, no traceback, no
internal exception name, in bounded time, and with the previous output intact. `run` proves it
end to end in a subprocess (the real `drafter` process, generous timeout); `run_here` runs the
same entry point in-process (faster; any exception other than SystemExit fails the test, which is
what a traceback would be).

"In bounded time" is a bound on the CPU time the command used, which the machine's load does
not move (a 15 s wall-clock bound failed once with the load at 12 on two cores); its wall time
only has to stay under a backstop WALL_FACTOR times larger, which still catches a command that
waits (on a lock, on a child) instead of working.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
CORPUS = EXAMPLES / "corpus"
WALL_FACTOR = 10
_CJK = re.compile(r"[\u4e00-\u9fff]")
# Internal fragments that must never reach a user (issue 8, case 19).
_INTERNAL = re.compile(
    r"Traceback|\b[A-Z]\w*(?:Error|Exception)\b|Errno|is undefined|Encountered unknown|"
    r"String should|Range too big|内部错误|\bline \d+, column"
)


@dataclass
class Outcome:
    code: int
    out: str
    err: str
    seconds: float  # wall clock
    cpu: float  # CPU seconds of the command (its process, or this one for run_here)

    def refused(self, *fragments: str, within: float = 30.0) -> Outcome:
        """Non-zero exit, Chinese stderr naming every fragment, nothing internal, and at most
        `within` seconds of CPU (wall: WALL_FACTOR times that)."""
        assert self.code not in (0, None), (self.code, self.out, self.err)
        assert _CJK.search(self.err), (self.out, self.err)
        leaked = _INTERNAL.search(self.out + self.err)
        assert leaked is None, (leaked.group() if leaked else "", self.err)
        for fragment in fragments:  # a report (catalog check) may list its problems on stdout
            assert fragment in self.out + self.err, (fragment, self.out, self.err)
        assert self.cpu < within, f"CPU {self.cpu:.1f} s"
        assert self.seconds < within * WALL_FACTOR, f"wall {self.seconds:.1f} s"
        return self

    def clean(self) -> Outcome:
        """No traceback or internal fragment, whatever the exit status."""
        leaked = _INTERNAL.search(self.out + self.err)
        assert leaked is None, (leaked.group() if leaked else "", self.err)
        return self


def run(*args: str, cwd: Path | None = None, timeout: float = 120,
        env: dict[str, str] | None = None) -> Outcome:
    """The real `drafter` in a subprocess, killed after `timeout` (a hang fails the test)."""
    full_env = {**os.environ, "PYTHONIOENCODING": "utf-8", **(env or {})}
    start, cpu = time.monotonic(), children_cpu()
    proc = subprocess.run([sys.executable, "-m", "drafter", *args], cwd=cwd or ROOT,
                          capture_output=True, text=True, encoding="utf-8", errors="replace",
                          env=full_env, timeout=timeout, stdin=subprocess.DEVNULL)
    return Outcome(proc.returncode, proc.stdout, proc.stderr, time.monotonic() - start,
                   children_cpu() - cpu)


def children_cpu() -> float:
    """CPU seconds of this process's finished (waited-for) children so far."""
    times = os.times()
    return times.children_user + times.children_system


def run_here(capsys: pytest.CaptureFixture[str], *args: str, cwd: Path | None = None) -> Outcome:
    """`drafter ARGS` in this process: same entry point, same guard, no interpreter start-up."""
    from drafter.cli import main

    old_argv, old_cwd = sys.argv, os.getcwd()
    sys.argv = ["drafter", *args]
    start, cpu = time.monotonic(), time.process_time()
    code: int | None = 0
    try:
        if cwd is not None:
            os.chdir(cwd)
        try:
            main()
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (1 if exc.code else 0)
    finally:
        sys.argv = old_argv
        os.chdir(old_cwd)
    captured = capsys.readouterr()
    return Outcome(code or 0, captured.out, captured.err, time.monotonic() - start,
                   time.process_time() - cpu)


def city_plan(folder: Path, old: str | None = None, new: str | None = None) -> Path:
    """examples/city_plan.yaml copied into `folder`, with `old` replaced by `new`."""
    folder.mkdir(parents=True, exist_ok=True)
    text = (EXAMPLES / "city_plan.yaml").read_text(encoding="utf-8")
    if old is not None:
        assert old in text, old
        text = text.replace(old, new or "", 1)
    path = folder / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def small_catalogue(folder: Path) -> Path:
    """A copy of the bundled catalogue (so a test may break it)."""
    from drafter.util.paths import bundled_catalog_dir

    shutil.copytree(bundled_catalog_dir(), folder)
    return folder


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` with its bytes (to assert nothing was changed)."""
    return {str(p.relative_to(folder)): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}
