"""The TUI edits an item's 责任单位/完成时限 (`o`) and issues the notice / .xlsx (`g`).

Through the real app with the pilot on the fixture catalogue; the answers land in the plan
and in the files written by the same build_document the CLI uses.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from textual.widgets import Input

from drafter.model import Plan, PlanChapter, PlanItem, PlanMeta
from drafter.plans.io import save_plan
from drafter.tui.app import make_app
from drafter.tui.controller.selection import Selection
from drafter.tui.dialogs.choice import ChoiceDialog
from drafter.tui.dialogs.edit_task import EditTaskDialog, split_owners
from drafter.tui.dialogs.text_input import TextInputDialog
from drafter.tui.screens.file_dialogs import Rendered
from tests.tui_support import clear_input, started, tui_catalogue

SIZE = (120, 40)


def _plan_file(tmp_path: Path) -> Path:
    plan = Plan(meta=PlanMeta(title="临江市2025年教育工作要点", region="临江市",
                              organ="临江市教育局", year=2025, date="2025-02-01"),
                chapters=[PlanChapter(key="党建", heading="加强党的建设",
                                      items=[PlanItem(clause="dj-000002")]),
                          PlanChapter(key="保障", heading="强化教育保障",
                                      items=[PlanItem(clause="bz-000001")])])
    path = tmp_path / "计划.yaml"
    save_plan(plan, path)
    return path


def test_owners_split_on_chinese_and_latin_separators() -> None:
    assert split_owners("基础教育科、 教师工作科，安全科") == ["基础教育科", "教师工作科", "安全科"]
    assert split_owners("  ") is None


async def test_o_edits_owners_and_deadline_of_the_selected_item(tmp_path: Path) -> None:
    app = make_app(None, _plan_file(tmp_path), catalogue=tui_catalogue())
    async with app.run_test(size=SIZE) as pilot:
        await started(app, pilot)
        screen = app.screen
        screen.jump_to(Selection(1, 0))
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, EditTaskDialog)
        dialog.query_one("#task-owners", Input).value = "安全科、后勤科"
        dialog.query_one("#task-deadline", Input).value = "2025年6月底"
        await pilot.press("enter", "enter")
        await pilot.pause()
        item = screen.session.plan.chapters[1].items[0]
        assert item.owners == ["安全科", "后勤科"] and item.deadline == "2025年6月底"
        assert screen.session.dirty
        # escape leaves the item as it is
        await pilot.press("o")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert item.owners == ["安全科", "后勤科"]


async def test_g_writes_the_task_table_as_xlsx_with_the_edited_owner(tmp_path: Path) -> None:
    app = make_app(None, _plan_file(tmp_path), catalogue=tui_catalogue())
    messages: list[Rendered] = []
    async with app.run_test(size=SIZE, message_hook=lambda m: messages.append(m)
                            if isinstance(m, Rendered) else None) as pilot:
        await started(app, pilot)
        screen = app.screen
        screen.session.plan.chapters[1].items[0].owners = ["安全科"]
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("down", "down", "down", "enter")  # 任务分解表 Excel
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, TextInputDialog)
        out = tmp_path / "任务.xlsx"
        field = dialog.query_one("#dialog-input", Input)
        assert field.value.endswith("-任务分解表.xlsx")
        await clear_input(pilot)
        field.value = str(out)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert messages and messages[-1].error is None, messages[-1].error if messages else ""
    sheet = load_workbook(out).active
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=3)]
    assert [r[3] or "" for r in rows if isinstance(r[0], int)] == ["", "安全科"]


async def test_g_refuses_a_wrong_suffix(tmp_path: Path) -> None:
    app = make_app(None, _plan_file(tmp_path), catalogue=tui_catalogue())
    async with app.run_test(size=SIZE) as pilot:
        await started(app, pilot)
        await pilot.press("g")
        await pilot.pause()
        await pilot.press("enter")  # 印发通知 .docx
        await pilot.pause()
        dialog = app.screen
        dialog.query_one("#dialog-input", Input).value = str(tmp_path / "通知.pdf")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, TextInputDialog)  # still open: wrong suffix
        assert "docx" in str(app.screen.query_one("#dialog-error").render())


async def test_g_and_ctrl_r_refuse_a_plan_with_gaps_the_same_way(tmp_path: Path) -> None:
    """Both ways of producing a document go through one refusal: with a value missing, neither
    opens a dialog, and both show the 参数 tab (g used to leave the user where she was)."""
    path = _plan_file(tmp_path)
    plan_text = path.read_text(encoding="utf-8").replace("dj-000002", "dj-000001")
    path.write_text(plan_text, encoding="utf-8")  # dj-000001 has a slot with no value
    app = make_app(None, path, catalogue=tui_catalogue())
    async with app.run_test(size=SIZE) as pilot:
        await started(app, pilot)
        screen = app.screen
        for key in ("g", "ctrl+r"):
            screen.query_one("#tabs").active = "tab-outline"
            await pilot.press(key)
            await pilot.pause()
            assert app.screen is screen, key  # no output dialog
            assert screen.query_one("#tabs").active == "tab-values", key
