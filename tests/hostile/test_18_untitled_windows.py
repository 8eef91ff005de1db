"""Case 18: two untitled TUI windows no longer share one autosave file.

Each window writes `未命名-<process id>.yaml`; a copy whose window is gone is adopted by the next
window that starts (one per start), so after a crash of both, both come back in turn.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from drafter.model import Plan, PlanMeta
from drafter.tui import autosave


def _dead_pid() -> str:
    proc = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    return proc.stdout.strip()


def test_two_untitled_windows_both_come_back(monkeypatch: pytest.MonkeyPatch) -> None:
    first, second = _dead_pid(), _dead_pid()
    for owner, title in ((first, "第一个窗口的计划"), (second, "第二个窗口的计划")):
        monkeypatch.setattr(autosave, "OWNER", owner)
        autosave.write_recovery(Plan(meta=PlanMeta(title=title)), None)
    files = sorted(p.name for p in autosave.recovery_dir().iterdir())
    assert len(files) == 2  # one file per window

    seen = []
    # the first new window is still open (a live process) when the second one starts
    for restart in (str(os.getpid()), "new-2"):
        monkeypatch.setattr(autosave, "OWNER", restart)
        found = autosave.read_recovery(None)
        assert found is not None and found.plan is not None
        seen.append(found.plan.meta.title)
    assert sorted(seen) == ["第一个窗口的计划", "第二个窗口的计划"]


def test_a_live_window_keeps_its_copy(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(autosave, "OWNER", str(os.getppid()))  # a process that is alive
    autosave.write_recovery(Plan(meta=PlanMeta(title="还开着的窗口")), None)
    monkeypatch.setattr(autosave, "OWNER", "new-window")
    assert autosave.read_recovery(None) is None
