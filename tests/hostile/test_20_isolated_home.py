"""Case 20: no test may write into the real home folder.

`test_warm_load_uses_the_cache_and_notices_edits` called `monkeypatch.undo()`, which also undid
the autouse DRAFTER_HOME isolation. This test fails if any test file calls `monkeypatch.undo()`,
and checks that the isolation holds after a nested `monkeypatch.context()`.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parents[1]


def test_no_test_undoes_all_monkeypatching() -> None:
    offenders = [str(p.relative_to(TESTS)) for p in TESTS.rglob("*.py")
                 if p != Path(__file__) and re.search(r"monkeypatch\.undo\(\)", p.read_text(
                     encoding="utf-8").split('"""', 2)[-1])]
    assert offenders == []


def test_context_keeps_the_isolation(monkeypatch: pytest.MonkeyPatch) -> None:
    home = os.environ["DRAFTER_HOME"]
    assert Path(home) != Path.home() / ".drafter"
    with monkeypatch.context() as m:
        m.setenv("OTHER", "1")
    assert os.environ["DRAFTER_HOME"] == home
