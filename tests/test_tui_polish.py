"""Issue 13, TUI items 1–9 and 12–13: each as a new user saw it, at 100×30 and 120×40.

Values are set directly where typing is not the point (pilot keys are slow).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from rich.cells import cell_len
from textual.widgets import Input, TextArea

from drafter.model import Plan, PlanChapter, PlanItem, PlanMeta, PlanText
from drafter.model.plan import next_plan_year
from drafter.plans.io import save_plan
from drafter.tui.app import make_app
from drafter.tui.controller.selection import CLOSING, PREAMBLE, TITLE, VALUES, Selection
from drafter.tui.dialogs.confirm import QuitDialog
from drafter.tui.dialogs.edit_item import EditItemDialog
from drafter.tui.dialogs.edit_meta import EditMetaDialog
from drafter.tui.dialogs.palette import NO_MATCHES, PLACEHOLDER
from drafter.tui.widgets.outline import item_title
from drafter.tui.widgets.tickbox import TickBox
from tests.tui_support import chapter, saved_plan, started, tui_catalogue

SIZES = [pytest.param((100, 30), id="100x30"), pytest.param((120, 40), id="120x40")]
CAT = tui_catalogue()


def _plan_file(tmp_path: Path) -> Path:
    return saved_plan(tmp_path, chapter("党建", "加强党的建设", "dj-000001", "dj-000002"),
                      preamble=PlanText(clause="zt-000001"),
                      closing=PlanText(clause="zt-000002"))


def _app(tmp_path: Path):  # type: ignore[no-untyped-def]
    return make_app(None, _plan_file(tmp_path), catalogue=CAT)


def _inside(inner, outer) -> bool:  # type: ignore[no-untyped-def]
    return (inner.x >= outer.x and inner.y >= outer.y and inner.right <= outer.right
            and inner.bottom <= outer.bottom and inner.width > 0 and inner.height > 0)


# 1. the 'i' dialog fits; nothing hidden until tabbed into
@pytest.mark.parametrize("size", SIZES)
async def test_meta_dialog_fits(tmp_path: Path, size) -> None:  # type: ignore[no-untyped-def]
    app = _app(tmp_path)
    async with app.run_test(size=size) as pilot:
        await started(app, pilot)
        await pilot.press("i")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, EditMetaDialog)
        visible = dialog.query_one("#meta-form").region
        assert _inside(visible, dialog.region)
        for widget in [*dialog.query(Input), *dialog.query(TickBox), dialog.query_one("#ok")]:
            assert _inside(widget.region, dialog.region), widget
        for widget in [*dialog.query(Input), *dialog.query(TickBox)]:
            assert _inside(widget.region, visible), widget  # shown without scrolling


# 2. checkboxes look different on and off
@pytest.mark.parametrize("size", SIZES)
async def test_checkbox_state_shows(tmp_path: Path, size) -> None:  # type: ignore[no-untyped-def]
    app = _app(tmp_path)
    async with app.run_test(size=size) as pilot:
        await started(app, pilot)
        await pilot.press("i")
        await pilot.pause()
        on = app.screen.query_one("#meta-bold", TickBox)
        off = app.screen.query_one("#meta-owners", TickBox)
        assert on.value and not off.value
        assert "✓" in str(on.render()) and "✓" not in str(off.render())
        on.focus()
        await pilot.press("space")
        assert not on.value and "✓" not in str(on.render())


# 3. select-all in text editors; typing then replaces the text
@pytest.mark.parametrize("size", SIZES)
async def test_ctrl_a_selects_all_then_typing_replaces(tmp_path: Path, size) -> None:  # type: ignore[no-untyped-def]
    app = _app(tmp_path)
    async with app.run_test(size=size) as pilot:
        await started(app, pilot)
        app.main.jump_to(Selection(0, 0))
        await pilot.pause()
        await pilot.press("e")
        dialog = app.screen
        assert isinstance(dialog, EditItemDialog)
        await pilot.press("ctrl+a", *"新要点")
        assert dialog.query_one("#edit-lead", Input).value == "新要点"
        dialog.query_one(TextArea).focus()
        await pilot.press("ctrl+a", *"新正文")
        assert dialog.query_one(TextArea).text == "新正文"
        await pilot.press("ctrl+s")
        item = app.main.session.plan.chapters[0].items[0]
        assert (item.lead, item.body) == ("新要点", "新正文")


# 4. the detail pane shows the plan's own text, and the catalogue's to compare
@pytest.mark.parametrize("size", SIZES)
async def test_detail_shows_the_plans_own_text(tmp_path: Path, size) -> None:  # type: ignore[no-untyped-def]
    app = _app(tmp_path)
    async with app.run_test(size=size) as pilot:
        await started(app, pilot)
        screen = app.main
        screen.jump_to(Selection(0, 1))
        await pilot.pause()
        screen.session.set_text("落实意识形态工作责任制", "每季度研判一次意识形态领域情况。")
        screen.after_edit()
        await pilot.pause()
        shown = screen.query_one("#detail-body").source.plain  # before line breaking
        assert shown.index("每季度研判一次") < shown.index("目录原文")
        assert "守好课堂、讲坛阵地" in shown  # the catalogue's text, below
        screen.jump_to(Selection(0, 0))  # an unedited item: the catalogue's text only
        await pilot.pause()
        assert "目录原文" not in screen.query_one("#detail-body").source.plain


# 7. a new plan is for next year; save and render default to the documents folder
@pytest.mark.parametrize("size", SIZES)
async def test_new_plan_defaults(tmp_path: Path, size, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    docs = tmp_path / "文档"
    monkeypatch.setenv("DRAFTER_DOCUMENTS", str(docs))
    monkeypatch.chdir(tmp_path)
    app = make_app(None, None, catalogue=CAT)
    async with app.run_test(size=size) as pilot:
        await started(app, pilot)
        session = app.main.session
        assert session.plan.meta.year == dt.date.today().year + 1 == next_plan_year()
        await pilot.press("ctrl+n", "enter")  # from the template
        await pilot.pause()
        assert session.plan.meta.year == next_plan_year()
        await pilot.press("ctrl+s")  # never saved: asks where, in the documents folder
        await pilot.pause()
        assert app.screen.query_one(Input).value == str(docs / "工作要点.yaml")
        await pilot.press("escape")
        assert app.main.default_output().parent == docs


def test_next_plan_year_is_the_year_after_today() -> None:
    assert next_plan_year(dt.date(2026, 1, 5)) == 2027  # drafted in January: still next year
    assert next_plan_year(dt.date(2025, 12, 31)) == 2026


# 8. the palette and every dialog are Chinese; the quit dialog is centred
@pytest.mark.parametrize("size", SIZES)
async def test_palette_is_chinese_and_quit_is_centred(tmp_path: Path, size) -> None:  # type: ignore[no-untyped-def]
    app = _app(tmp_path)
    async with app.run_test(size=size) as pilot:
        await started(app, pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        palette = app.screen
        assert palette.query_one(Input).placeholder == PLACEHOLDER
        await pilot.press(*"zzzz")
        await pilot.pause(1.2)  # the "no matches" line appears after a moment
        shown = " ".join(str(o.prompt) for o in palette.query_one("CommandList").options)
        assert NO_MATCHES in shown and "No matches" not in shown
        await pilot.press("escape", "escape")
        await pilot.pause()
        app.main.session.set_heading(0, "改")  # unsaved: quitting asks
        await pilot.press("ctrl+q")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, QuitDialog)
        box = dialog.query_one(".dialog").region
        width, height = size
        assert abs((box.x + box.right) - width) <= 2  # centred across
        assert abs((box.y + box.bottom) - height) <= 2  # and down


# 9. Enter on a check jumps to its place: 总体要求, 结束语, title and plan-wide values included
@pytest.mark.parametrize("size", SIZES)
async def test_checks_jump_to_preamble_closing_and_title(tmp_path: Path, size) -> None:  # type: ignore[no-untyped-def]
    plan = Plan(meta=PlanMeta(title="{{ 地区 }}教育局{{ 年份 }}年工作要点,", region="",
                              organ="临江市教育局", year=2026),
                preamble=PlanText(text="全面落实十三五规划。"),
                chapters=[PlanChapter(key="党建", heading="加强党的建设",
                                      items=[PlanItem(clause="dj-000002")])],
                closing=PlanText(text="让我们为完成十三五规划而努力奋斗！"))
    path = tmp_path / "计划.yaml"
    save_plan(plan, path)
    app = make_app(None, path, catalogue=CAT)
    async with app.run_test(size=size) as pilot:
        await started(app, pilot)
        screen = app.main
        await app.workers.wait_for_complete()
        await pilot.pause()
        checks = screen.query_one("#checks")
        targets = {e.target for e in checks.entries}
        assert {PREAMBLE, CLOSING, TITLE, VALUES} <= targets, checks.entries

        async def choose(target: Selection) -> None:
            await pilot.press("4")
            checks.highlighted = next(n for n, e in enumerate(checks.entries)
                                      if e.target == target)
            checks.focus()
            await pilot.press("enter")
            await pilot.pause()

        for target in (PREAMBLE, CLOSING):
            await choose(target)
            assert screen.session.selection == target
            assert screen.query_one("#tabs").active == "tab-outline"
        await choose(VALUES)  # 地区 is missing: the 参数 tab
        assert screen.query_one("#tabs").active == "tab-values"
        await choose(TITLE)
        assert isinstance(app.screen, EditMetaDialog)


# 12. the outline shows a slot as its label in brackets
def test_outline_titles_show_slot_labels() -> None:
    item = PlanItem(lead="建成示范党支部{{ 示范支部数 }}个", body="正文。")
    assert item_title(item, CAT) == "建成示范党支部〔示范支部数〕个"
    clause_item = PlanItem(clause="dj-000001", lead="建成{{ 示范支部数 }}个示范支部")
    assert item_title(clause_item, CAT) == "建成〔示范党支部〕个示范支部"


# 5. the full label and the sentence around the number show under the focused field
@pytest.mark.parametrize("size", SIZES)
async def test_focused_field_shows_label_and_sentence(tmp_path: Path, size) -> None:  # type: ignore[no-untyped-def]
    app = _app(tmp_path)
    async with app.run_test(size=size) as pilot:
        await started(app, pilot)
        await pilot.press("2")
        await pilot.pause()
        row = next(r for r in app.main.query_one("#values").rows if r.field.name == "示范支部数")
        row.query_one(Input).focus()
        await pilot.pause()
        note = str(row.query_one(".field-note").render())
        assert "示范党支部" in note and "建成示范党支部〔……〕个。" in note


# 10. the preview follows Chinese line breaking at every width
@pytest.mark.parametrize("size", SIZES)
async def test_preview_lines_follow_chinese_line_breaking(tmp_path: Path, size) -> None:  # type: ignore[no-untyped-def]
    from drafter.tui.linebreak import NO_END, NO_START

    app = _app(tmp_path)
    async with app.run_test(size=size) as pilot:
        await started(app, pilot)
        screen = app.main
        screen.session.selection = PREAMBLE
        long = "（" + "全面贯彻党的教育方针，落实立德树人根本任务，" * 6 + "）。"
        assert screen.session.set_part_text(long)
        screen.after_edit()
        await pilot.press("3")
        await pilot.pause()
        body = screen.query_one("#preview #preview-body")
        lines = str(body.render()).split("\n")
        width = body.content_size.width
        assert len(lines) > 10 and width > 20
        for n, line in enumerate(lines):
            assert cell_len(line) <= width
            if n and line:
                assert line[0] not in NO_START, line
            if line and n < len(lines) - 1 and lines[n + 1]:
                assert line[-1] not in NO_END, line


# 11. the variant picker shows full texts, differences highlighted
@pytest.mark.parametrize("size", SIZES)
async def test_variant_picker_shows_full_text_and_differences(tmp_path: Path, size) -> None:  # type: ignore[no-untyped-def]
    from drafter.tui.dialogs.choice import ChoiceDialog
    from drafter.tui.dialogs.plan_choices import differences

    plan = Plan(meta=PlanMeta(region="临江市", organ="临江市教育局", year=2026),
                chapters=[PlanChapter(key="教师队伍", items=[PlanItem(clause="js-000001")])])
    path = tmp_path / "计划.yaml"
    save_plan(plan, path)
    app = make_app(None, path, catalogue=CAT)
    async with app.run_test(size=size) as pilot:
        await started(app, pilot)
        app.main.jump_to(Selection(0, 0))
        await pilot.pause()
        await pilot.press("v")
        dialog = app.screen
        assert isinstance(dialog, ChoiceDialog)
        prompts = [str(o.prompt) for o in dialog.query_one("#choices").options]
        assert "师德失范行为零容忍" in prompts[0]  # the end of the main body: full text
        assert "完成教师培训〔教师培训〕人次" in prompts[1] and "乙县" in prompts[1]
    highlighted = differences("开展师德专题教育。", "健全师德建设长效机制。")
    assert {highlighted.plain[s.start:s.end] for s in highlighted.spans} >= {"健全"}
