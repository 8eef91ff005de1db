"""Keys, dialogs and the command palette, through the pilot on the fixture catalogue.

The footer shows only keys that apply; every action is in the palette; the dialogs (edit
text, variant, move, custom item, meta, heading, help, open, new) change the plan as asked.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, TextArea
from textual.widgets._footer import FooterKey

from drafter.tui.app import make_app
from drafter.tui.controller.selection import PREAMBLE, Selection
from drafter.tui.dialogs.choice import ChoiceDialog
from drafter.tui.dialogs.edit_item import EditItemDialog
from drafter.tui.dialogs.edit_meta import EditMetaDialog
from drafter.tui.dialogs.text_input import TextInputDialog
from drafter.tui.screens.help import HelpScreen
from tests.tui_support import chapter, clear_input, saved_plan, started, tui_catalogue, type_text

SIZE = (120, 40)


def _plan_file(tmp_path: Path) -> Path:
    return saved_plan(tmp_path, chapter("党建", "加强党的建设", "dj-000001"),
                      chapter("教师队伍", "建设教师队伍", "js-000001"), year=2025)


def _app(plan_path: Path | None = None):  # type: ignore[no-untyped-def]
    return make_app(None, plan_path, catalogue=tui_catalogue())


def _shown_actions(screen) -> set[str]:  # type: ignore[no-untyped-def]
    return {b.binding.action for b in screen.active_bindings.values()
            if b.binding.show and b.enabled}


def _footer_actions(screen) -> set[str]:  # type: ignore[no-untyped-def]
    """The keys the footer draws as usable (it recomposes only when they change)."""
    return {k.action for k in screen.query(FooterKey)
            if not k.disabled and "-command-palette" not in k.classes}


async def test_footer_shows_only_live_keys() -> None:
    app = _app()
    async with app.run_test(size=SIZE) as pilot:
        await started(app, pilot)
        screen = app.screen
        shown = _shown_actions(screen)
        assert {"focus_search", "save", "help", "request_quit"} <= shown
        assert not shown & {"add_clause", "remove_item", "move_up", "edit_text", "render"}
        assert _footer_actions(screen) == shown
        await pilot.press("down", "down", "enter", "down")  # onto 党建's first clause
        assert "add_clause" in _shown_actions(screen)
        await pilot.pause()
        assert _footer_actions(screen) == _shown_actions(screen)
        await pilot.press("a")
        await pilot.pause()
        assert {"remove_item", "edit_text", "render"} <= _shown_actions(screen)
        assert "choose_variant" not in _shown_actions(screen)  # dj-000001 has none
        assert _footer_actions(screen) == _shown_actions(screen)


async def test_palette_offers_the_actions_that_apply() -> None:
    app = _app()
    async with app.run_test(size=SIZE) as pilot:
        await started(app, pilot)
        titles = {c.title for c in app.get_system_commands(app.main)}
        assert {"搜索", "保存", "打开", "新建", "帮助", "退出", "另存为"} <= titles
        assert "删除" not in titles  # nothing to remove in an empty plan
        await pilot.press("ctrl+p")
        await pilot.pause()
        await type_text(pilot, "另存为")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, TextInputDialog)


async def test_item_dialogs_edit_the_plan(tmp_path: Path) -> None:
    app = _app(_plan_file(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await started(app, pilot)
        screen = app.screen
        session = screen.session
        screen.query_one("#outline").focus()
        while session.selection != Selection(1, 0):
            await pilot.press("down")
        # v: pick the other city's wording
        await pilot.press("v")
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("down", "enter")
        assert session.selected_item().variant == "js-000001/2"
        # e: edit the body, plan-local
        await pilot.press("e")
        assert isinstance(app.screen, EditItemDialog)
        area = app.screen.query_one(TextArea)
        area.text = "健全师德建设长效机制，完成教师培训{{ 培训人数 }}人次，评选师德标兵。"
        await pilot.press("ctrl+s")
        assert session.selected_item().body.endswith("评选师德标兵。")
        assert "评选师德标兵" not in tui_catalogue().get("js-000001").variants[0].body
        # m: move it to the first chapter
        await pilot.press("m")
        await pilot.press("up", "enter")
        assert [len(c.items) for c in session.plan.chapters] == [2, 0]
        assert session.selection == Selection(0, 1)
        # c: a custom item after it; a bad placeholder is refused first
        await pilot.press("c")
        dialog = app.screen
        await type_text(pilot, "开展清廉学校建设")
        dialog.query_one(TextArea).text = "建成{{ 清廉学校数 | upper }}所。"
        await pilot.press("ctrl+s")
        assert app.screen is dialog and dialog.query_one("#edit-error").has_class("-error")
        dialog.query_one(TextArea).text = "建成清廉学校{{ 清廉学校数 }}所。"
        await pilot.press("ctrl+s")
        custom = session.plan.chapters[0].items[2]
        assert custom.clause is None and custom.lead == "开展清廉学校建设"
        await pilot.press("2")  # its slot is now in the values form
        assert "清廉学校数" in {r.field.name for r in screen.query_one("#values").rows}
        await pilot.press("1")
        # r: rename the chapter
        await pilot.press("r")
        await clear_input(pilot)
        await type_text(pilot, "全面加强党的建设")
        await pilot.press("enter")
        assert session.plan.chapters[0].heading == "全面加强党的建设"
        # i: meta — an invalid year is refused, a valid one kept
        await pilot.press("i")
        assert isinstance(app.screen, EditMetaDialog)
        year = app.screen.query_one("#meta-year", Input)
        year.value = "明年"
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, EditMetaDialog)
        year.value = "2026"
        await pilot.press("ctrl+s")
        assert session.plan.meta.year == 2026 and session.dirty
        assert "2026年工作要点" in screen.preview.text


async def test_help_new_and_open(tmp_path: Path) -> None:
    plan_path = _plan_file(tmp_path)
    app = _app()
    async with app.run_test(size=SIZE) as pilot:
        await started(app, pilot)
        session = app.main.session
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.press("ctrl+n")  # from the template: every chapter key with clauses
        await pilot.press("enter")
        assert len(session.plan.chapters) >= 5 and session.dirty
        await pilot.press("ctrl+o")  # unsaved changes: asks first
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, TextInputDialog)
        path_input = app.screen.query_one(Input)
        path_input.value = str(tmp_path / "没有这个文件.yaml")  # (typing a long path is slow)
        await pilot.press("enter")
        assert "找不到文件" in str(app.screen.query_one("#dialog-error").render())
        path_input.value = str(plan_path)
        await pilot.press("enter")
        await pilot.pause()
        assert session.path == plan_path and not session.dirty
        assert [c.key for c in session.plan.chapters] == ["党建", "教师队伍"]


async def test_checks_jump_and_mouse(tmp_path: Path) -> None:
    app = _app(_plan_file(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await started(app, pilot)
        screen = app.screen
        await pilot.click("#tabs Tab#--content-tab-tab-checks")  # the mouse switches tabs
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.query_one("#tabs").active == "tab-checks"
        checks = screen.query_one("#checks")
        entries = checks.entries
        missing = [n for n, e in enumerate(entries) if "教师培训" in e.message]
        assert missing, entries
        checks.focus()
        checks.highlighted = missing[0]
        await pilot.press("enter")
        await pilot.pause()
        assert screen.query_one("#tabs").active == "tab-outline"
        assert screen.session.selection == Selection(1, 0)  # the item that lacks the value


async def test_outline_rebuild_does_not_move_the_selection(tmp_path: Path) -> None:
    """A redraw puts the tree's cursor back on the selected item; the stray highlights of
    the rebuild (another node under the old cursor line) must not change the selection,
    or the values form rebuilds under the user's typing and the focus is lost."""
    from drafter.tui.widgets.outline import PlanOutline

    messages: list[object] = []
    app = _app(_plan_file(tmp_path))
    async with app.run_test(size=SIZE, message_hook=messages.append) as pilot:
        await started(app, pilot)
        screen = app.screen
        screen.jump_to(Selection(1, 0))
        await pilot.pause()
        outline = screen.query_one("#outline")
        session = screen.session
        messages.clear()
        outline.show(session.plan, session.catalogue, session.selection)
        outline.cursor_line = 0  # what a rebuild can do before the cursor is placed
        await pilot.pause()
        await pilot.pause()
        selected = [m.selection for m in messages if isinstance(m, PlanOutline.Selected)]
        assert all(s == Selection(1, 0) for s in selected), selected
        assert session.selection == Selection(1, 0)
        assert outline.cursor_node.data == Selection(1, 0)


@pytest.mark.parametrize(("size", "wide"), [
    ((100, 30), False),  # the smallest terminal the app supports
    ((200, 60), True),  # large: the preview also shows as a third column
])
async def test_usable_at_small_and_large_sizes(tmp_path: Path, size: tuple[int, int],
                                               wide: bool) -> None:
    app = _app(_plan_file(tmp_path))
    async with app.run_test(size=size) as pilot:
        await started(app, pilot)
        screen = app.screen
        for selector in ("#search", "#catalogue", "#detail", "#outline"):
            region = screen.query_one(selector).region
            assert region.width >= 30 and region.height >= 1, (selector, region)
        assert screen.query_one("#catalogue").region.height >= 6
        side = screen.query_one("#side-preview")
        assert side.display is wide
        if wide:
            assert side.region.width >= 50
            assert "加强教育系统党的建设" in str(side.query_one("#preview-body").render())


async def test_custom_item_in_an_empty_plan_asks_for_its_chapter() -> None:
    app = _app()
    async with app.run_test(size=SIZE) as pilot:
        await started(app, pilot)
        session = app.main.session
        await pilot.press("c")
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("down", "enter")  # 党建, the second of the seven keys
        assert isinstance(app.screen, EditItemDialog)
        await type_text(pilot, "开展主题党日活动")
        app.screen.query_one(TextArea).text = "每月开展一次主题党日活动。"
        await pilot.press("ctrl+s")
        chapter = session.plan.chapters[0]
        assert chapter.key == "党建" and chapter.items[0].lead == "开展主题党日活动"
        assert "开展主题党日活动。每月开展一次主题党日活动。" in app.main.preview.text


async def test_preamble_is_edited_and_removed_from_the_outline() -> None:
    app = _app()
    async with app.run_test(size=SIZE) as pilot:
        await started(app, pilot)
        screen = app.screen
        session = screen.session
        await pilot.press("slash")
        await type_text(pilot, "总体要求是")
        await pilot.pause(0.1)
        await pilot.press("enter", "a")  # a preamble-kind clause becomes the opening paragraph
        assert session.plan.preamble is not None and session.plan.chapters == []
        await pilot.press("1", "home")
        await pilot.pause()
        assert session.selection == PREAMBLE
        await pilot.press("e")
        dialog = app.screen
        assert isinstance(dialog, EditItemDialog)
        assert not dialog.query_one("#edit-lead").display  # one paragraph, no lead phrase
        dialog.query_one(TextArea).text = "{{ 年份 }}年，全{{ 地区 }}教育工作要坚持稳中求进。"
        await pilot.press("ctrl+s")
        assert session.plan.preamble.text.endswith("稳中求进。")
        assert "全【待填：地区】教育工作要坚持稳中求进" in screen.preview.text
        await pilot.press("x")  # its own text: asked first
        assert session.plan.preamble is not None
        await pilot.press("y")
        assert session.plan.preamble is None


async def test_a_broken_catalogue_is_reported_not_raised(tmp_path: Path) -> None:
    folder = tmp_path / "catalog"
    folder.mkdir()
    (folder / "党建.yaml").write_text("clauses: [\n", encoding="utf-8")  # broken YAML
    app = make_app(folder, None)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await started(app, pilot)
        screen = app.screen
        assert screen.session is None and screen.sub_title == "目录加载失败"
        assert any("党建.yaml" in n.message for n in app._notifications)
        assert _shown_actions(screen) <= {"focus_search", "help", "request_quit"}
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running
