"""A plan file is parsed once: plans record the line of every value, which the quick reader
can only give by a second, full parse, so a plan goes straight to the full path."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from drafter.plans.io import load_plan
from drafter.util import yamlio

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "city_plan.yaml"


def test_a_plan_is_parsed_once(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    full, quick = yamlio._load_full, yamlio.quick_yaml

    def counted_full(*args: Any, **kw: Any) -> Any:
        calls.append("full")
        return full(*args, **kw)

    def counted_quick(*args: Any, **kw: Any) -> Any:
        calls.append("quick")
        return quick(*args, **kw)

    monkeypatch.setattr(yamlio, "_load_full", counted_full)
    monkeypatch.setattr(yamlio, "quick_yaml", counted_quick)
    plan = load_plan(EXAMPLE)
    assert plan.chapters and calls == ["full"]
