"""Issue 9.2: a value is exactly what the user typed, or the field shows why not.

Seen: 150 typed in a percent field showed the range error; typing in another field turned
the first into 15 with ✓. "120%" became "12" the same way; ✓ showed next to invalid values.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.tui.app import make_app
from tests.tui_support import chapter, saved_plan, started, tui_catalogue


def _plan_file(tmp_path: Path) -> Path:
    return saved_plan(tmp_path, chapter("各级各类教育", "各级各类教育", "gj-000001"))


def _row(screen, name: str):  # type: ignore[no-untyped-def]
    return next(r for r in screen.query_one("#values").rows
                if r.field.name == name and r.field.scope != "item")


def _status(row) -> str:  # type: ignore[no-untyped-def]
    return str(row.query_one(".field-status").render())


@pytest.mark.parametrize(("size", "typed", "error"), [
    ((100, 30), "150", "超出范围"),  # a number out of range
    ((120, 40), "120%", "超出范围"),  # with a percent sign
    ((120, 40), "abc", "不是百分比"),  # not a number at all
])
async def test_an_invalid_value_stays_as_typed(tmp_path: Path, size, typed: str,  # type: ignore[no-untyped-def]
                                               error: str) -> None:
    app = make_app(None, _plan_file(tmp_path), catalogue=tui_catalogue())
    async with app.run_test(size=size) as pilot:
        await started(app, pilot)
        screen = app.screen
        await pilot.press("2")
        await pilot.pause()
        rate = _row(screen, "普惠率")
        rate.query_one("Input").focus()
        await pilot.press(*typed)
        await pilot.pause()
        assert error in str(rate.query_one(".field-note").render())
        other = _row(screen, "新建幼儿园数")
        other.query_one("Input").focus()
        await pilot.press("3")
        await pilot.pause()
        await pilot.pause()
        rate = _row(screen, "普惠率")
        assert rate.query_one("Input").value == typed  # not rewritten to 15 / 12
        assert screen.session.plan.values["普惠率"] == typed  # the plan holds what was typed
        assert screen.session.plan.values["新建幼儿园数"] == 3
        assert "✓" not in _status(rate) and "✗" in _status(rate)
        assert error in str(rate.query_one(".field-note").render())
        assert "【有误：普惠性幼儿园覆盖率】" in screen.preview.text


async def test_a_valid_value_keeps_its_spelling_and_shows_ok(tmp_path: Path) -> None:
    app = make_app(None, _plan_file(tmp_path), catalogue=tui_catalogue())
    async with app.run_test(size=(120, 40)) as pilot:
        await started(app, pilot)
        screen = app.screen
        await pilot.press("2")
        await pilot.pause()
        rate = _row(screen, "普惠率")
        rate.query_one("Input").focus()
        await pilot.press(*"95%")
        _row(screen, "新建幼儿园数").query_one("Input").focus()
        await pilot.press("3")
        await pilot.pause()
        rate = _row(screen, "普惠率")
        assert rate.query_one("Input").value == "95%"
        assert screen.session.plan.values["普惠率"] == 95
        assert "✓" in _status(rate)


async def test_an_invalid_year_is_kept_and_flagged(tmp_path: Path) -> None:
    app = make_app(None, _plan_file(tmp_path), catalogue=tui_catalogue())
    async with app.run_test(size=(120, 40)) as pilot:
        await started(app, pilot)
        screen = app.screen
        await pilot.press("2")
        await pilot.pause()
        year = _row(screen, "年份")
        year.query_one("Input").focus()
        await pilot.press("ctrl+a", "ctrl+k", *"明年")
        _row(screen, "地区").query_one("Input").focus()
        await pilot.press("end", "x")
        await pilot.pause()
        assert _row(screen, "年份").query_one("Input").value == "明年"
        assert screen.session.plan.meta.year == 2026  # meta keeps a number
        assert "✗" in _status(_row(screen, "年份"))
