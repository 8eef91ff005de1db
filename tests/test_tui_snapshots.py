"""SVG snapshots of the TUI: the main layout at 100×30 and 120×40, the values form and the
preview at 120×40.

They guard the layout (CJK glyphs are two cells wide; columns must line up). The catalogue
is a fixed in-memory fixture, the header shows no clock and the new plan's 成文日期 (today by
default) is pinned, so the pictures are stable.
Regenerate after an intended change with `pytest tests/test_tui_snapshots.py --snapshot-update`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest

from drafter.tui.app import DrafterApp, make_app
from tests.tui_support import clear_input, started, tui_catalogue, type_text

SIZE = (120, 40)


@pytest.fixture(autouse=True)
def _fixed_date(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("drafter.tui.controller.main._today", lambda: "2026-02-20")


def _app() -> DrafterApp:
    return make_app(None, None, catalogue=tui_catalogue())


async def _plan_in_progress(pilot) -> None:  # type: ignore[no-untyped-def]
    """Search 师德, add it and 学前, fill the region: a plan half done."""
    app = pilot.app
    await started(app, pilot)
    screen = app.screen
    for query in ("师德", "学前"):
        await pilot.press("slash")
        await clear_input(pilot)
        await type_text(pilot, query)
        await pilot.pause(0.1)
        await pilot.press("enter", "a")
    await pilot.press("2")
    row = next(r for r in screen.query_one("#values").rows if r.field.name == "地区")
    row.query_one("Input").focus()
    await type_text(pilot, "临江市")
    screen.query_one("#outline").focus()  # out of the input: digits switch tabs again
    await pilot.press("1")
    await pilot.pause()


def _then(*keys: str) -> Callable[..., Awaitable[None]]:
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await _plan_in_progress(pilot)
        await pilot.press(*keys)
        await pilot.app.workers.wait_for_complete()  # checks run in a worker
        await pilot.pause()

    return run_before


@pytest.mark.parametrize(
    ("keys", "size"),
    [
        pytest.param((), (120, 40), id="main-layout"),  # outline tab, detail of the item
        pytest.param((), (100, 30), id="main-layout-100x30"),  # the smallest supported size
        pytest.param(("2",), SIZE, id="values-form"),  # the form: one filled, several missing
        pytest.param(("3",), SIZE, id="preview"),  # the document with 【待填】 markers
    ],
)
def test_snapshot(snap_compare, keys: tuple[str, ...], size: tuple[int, int]  # type: ignore[no-untyped-def]
                  ) -> None:
    assert snap_compare(_app(), terminal_size=size, run_before=_then(*keys))
