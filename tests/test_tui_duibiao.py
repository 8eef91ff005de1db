"""The 对标 tab, driven through the real app: compare the example plan with the 2024 plan it
was drafted from, see the unmatched task first, and press enter to search the catalogue for it."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, OptionList

from drafter.compare.items import Entry
from drafter.tui.app import make_app
from drafter.tui.widgets.duibiao_panel import DuibiaoPanel, search_words
from drafter.tui.widgets.hit_list import HitList
from drafter.util.paths import bundled_catalog_dir
from tests.tui_support import started

ROOT = Path(__file__).resolve().parents[1]
PLAN = ROOT / "examples" / "city_plan.yaml"
SUPERIOR = next((ROOT / "examples" / "corpus").glob("002_*.txt"))


def test_search_words_come_from_the_lead() -> None:
    entry = Entry("一、1.", "", "巩固拓展主题教育成果", "始终把学习贯彻……")
    assert search_words(entry).split()[0] in "巩固拓展主题教育成果"


async def test_duibiao_tab_lists_unmatched_first_and_searches_the_catalogue() -> None:
    app = make_app(bundled_catalog_dir(), PLAN)
    async with app.run_test(size=(120, 40)) as pilot:
        await started(app, pilot)
        screen = app.screen
        await pilot.press("5")  # the 对标 tab, focus in its file box
        box = screen.query_one("#duibiao-file", Input)
        assert screen.focused is box
        box.value = str(SUPERIOR)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        panel = screen.query_one(DuibiaoPanel)
        assert panel.alignment is not None
        assert panel.rows[0].superior.lead == "巩固拓展主题教育成果"  # unmatched come first
        assert not panel.rows[0].matched
        assert any(r.matched for r in panel.rows)
        listing = screen.query_one("#duibiao-list", OptionList)
        listing.focus()
        listing.highlighted = 0
        await pilot.press("enter")
        await pilot.pause()
        query = screen.query_one("#search", Input).value
        assert query and query.split()[0] in "巩固拓展主题教育成果"
        assert screen.focused is screen.query_one(HitList)
        assert screen.query_one(HitList).current_clause is not None  # the catalogue has one


async def test_duibiao_bad_file_says_why_in_chinese(tmp_path: Path) -> None:
    app = make_app(bundled_catalog_dir(), PLAN)
    async with app.run_test(size=(120, 40)) as pilot:
        await started(app, pilot)
        await pilot.press("5")
        app.screen.query_one("#duibiao-file", Input).value = str(tmp_path / "没有.docx")
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        summary = str(app.screen.query_one("#duibiao-summary").render())
        assert "无法对照" in summary and "找不到该文件" in summary
