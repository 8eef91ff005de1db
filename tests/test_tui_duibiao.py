"""The 对标 tab, driven through the real app: compare the example plan with the 2024 plan it
was drafted from, see the unmatched task first, and press enter to search the catalogue for it."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, OptionList

from drafter.compare.items import Entry
from drafter.compare.match import Alignment, Answer, Row
from drafter.tui.app import make_app
from drafter.tui.dialogs.file_picker import ChineseFileOpen
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


async def test_duibiao_browse_opens_the_picker_and_compares_the_chosen_file() -> None:
    app = make_app(bundled_catalog_dir(), PLAN)
    async with app.run_test(size=(120, 40)) as pilot:
        await started(app, pilot)
        screen = app.screen
        await pilot.press("5")
        box = screen.query_one("#duibiao-file", Input)
        box.value = str(SUPERIOR.parent)  # a folder typed first: the picker starts there
        await pilot.click("#duibiao-browse")
        await pilot.pause()
        assert isinstance(app.screen, ChineseFileOpen)
        field = app.screen.query_one(Input)
        field.value = SUPERIOR.name  # relative to the folder the picker opened in
        field.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
        await app.workers.wait_for_complete()
        await pilot.pause()
        panel = screen.query_one(DuibiaoPanel)
        assert box.value == str(SUPERIOR)  # the choice shows in the box, still editable
        assert panel.alignment is not None and panel.alignment.source == SUPERIOR.name


async def test_duibiao_browse_cancelled_changes_nothing() -> None:
    app = make_app(bundled_catalog_dir(), PLAN)
    async with app.run_test(size=(120, 40)) as pilot:
        await started(app, pilot)
        await pilot.press("5")
        await pilot.click("#duibiao-browse")
        await pilot.pause()
        assert isinstance(app.screen, ChineseFileOpen)
        await pilot.press("escape")
        await pilot.pause()
        panel = app.screen.query_one(DuibiaoPanel)
        assert panel.alignment is None
        assert app.screen.query_one("#duibiao-file", Input).value == ""


async def test_duibiao_rows_show_every_answer_and_the_weaker_candidates() -> None:
    def entry(ref: str, lead: str) -> Entry:
        return Entry(ref, "", lead, "")

    answers = [Answer(entry("二、3.", "扩大普惠性学前教育资源"), 0.41, ("普惠",)),
               Answer(entry("二、4.", "提高幼儿园保教质量"), 0.22, ("幼儿园",))]
    near = [Answer(entry("二、5.", "办好特殊教育"), 0.07, ())]
    rows = [Row(entry("一、1.", "推进学前教育普惠发展"), answers, near),
            Row(entry("一、2.", "加强高校思政课建设"), [], [Answer(entry("三、1.", "上好思政课"),
                                                               0.09, ())])]
    app = make_app(bundled_catalog_dir(), PLAN)
    async with app.run_test(size=(120, 40)) as pilot:
        await started(app, pilot)
        await pilot.press("5")
        panel = app.screen.query_one(DuibiaoPanel)
        panel.show(Alignment(rows, [], "上级.docx"))
        await pilot.pause()
        listing = app.screen.query_one("#duibiao-list", OptionList)
        first = str(listing.get_option_at_index(0).prompt)  # unmatched first
        second = str(listing.get_option_at_index(1).prompt)
        assert "未对应" in first and "最接近：三、1. 上好思政课（0.09，未计入）" in first
        assert "扩大普惠性学前教育资源（0.41）" in second  # every kept answer, not only the best
        assert "提高幼儿园保教质量（0.22）" in second
        assert "其他可能：二、5. 办好特殊教育（0.07，未计入）" in second
        assert listing.option_count == 2  # one option per task: enter still searches for it
