"""A crashing check rule is shown in the checks panel, not swallowed."""

from __future__ import annotations

import pytest

import drafter.check
from drafter.model import Block, Catalogue, Plan
from drafter.tui.checks import rule_entries
from drafter.tui.preview import Preview


def test_a_rule_crash_is_an_entry(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_: object) -> list[object]:
        raise KeyError("章")

    monkeypatch.setattr(drafter.check, "check_plan", broken)
    preview = Preview(blocks=[Block(role="item", text="x")])
    entries = rule_entries(Plan(), Catalogue(), preview)
    assert len(entries) == 1 and entries[0].severity == "错误"
    assert "检查规则出错" in entries[0].message and "KeyError" in entries[0].message
