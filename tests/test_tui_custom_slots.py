"""Issue 13.6 and 13.15 in the TUI: a number typed in a custom item made a typed 参数 (Ctrl+T in
the item editor asks its label and type, the values form then validates it), and the text typed
in the new-custom-item dialog is part of the autosave and offered on recovery."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from textual.widgets import Input, Select, Static, TextArea

from drafter.model import Plan, PlanChapter, PlanItem, PlanMeta, Slot
from drafter.plans.io import save_plan
from drafter.tui import autosave
from drafter.tui.app import make_app
from drafter.tui.controller.selection import Selection
from drafter.tui.dialogs.choice import ChoiceDialog
from drafter.tui.dialogs.edit_item import EditItemDialog
from drafter.tui.dialogs.mark_slot import MarkSlotDialog
from tests.tui_support import chapter, saved_plan, started, tui_catalogue

SIZES = [pytest.param((100, 30), id="100x30"), pytest.param((120, 40), id="120x40")]
BODY = "新建幼儿园12所，普惠率达到90%。"


def _plan_file(tmp_path: Path) -> Path:
    return saved_plan(tmp_path, chapter("各级各类教育", "各级各类教育", "gj-000001"))


async def _open_new_custom(app, pilot) -> EditItemDialog:  # type: ignore[no-untyped-def]
    await started(app, pilot)
    app.main.jump_to(Selection(0, 0))
    await pilot.pause()
    await pilot.press("c")
    await pilot.pause()
    dialog = app.screen
    assert isinstance(dialog, EditItemDialog)
    await pilot.press(*"扩充学前资源")
    area = dialog.query_one(TextArea)
    area.focus()
    area.insert(BODY)  # (full-width punctuation is not a key the pilot can press)
    await pilot.pause()
    return dialog


async def _mark(app, pilot, dialog: EditItemDialog, number: str  # type: ignore[no-untyped-def]
                ) -> MarkSlotDialog:
    area = dialog.query_one(TextArea)
    area.focus()
    area.move_cursor((0, area.text.index(number) + 1))  # inside the number
    await pilot.press("ctrl+t")
    await pilot.pause()
    marking = app.screen
    assert isinstance(marking, MarkSlotDialog)
    return marking


def _fits(app, widget) -> bool:  # type: ignore[no-untyped-def]
    region, screen = widget.region, app.screen.region
    return region.width > 0 and region.right <= screen.right and region.bottom <= screen.bottom


@pytest.mark.parametrize("size", SIZES)
async def test_a_number_in_a_custom_item_becomes_a_typed_slot(tmp_path: Path, size  # type: ignore[no-untyped-def]
                                                             ) -> None:
    app = make_app(None, _plan_file(tmp_path), catalogue=tui_catalogue())
    async with app.run_test(size=size) as pilot:
        dialog = await _open_new_custom(app, pilot)
        marking = await _mark(app, pilot, dialog, "12")
        # the label a person would write, from the sentence; the type from the number
        assert marking.query_one("#slot-label", Input).value == "新建幼儿园"
        assert marking.query_one("#slot-type", Select).value == "integer"
        assert "“12”" in str(marking.query_one(".dialog-question").render())
        assert _fits(app, marking.query_one("#ok"))  # the whole dialog shows at this size
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is dialog
        marking = await _mark(app, pilot, dialog, "90")
        assert marking.query_one("#slot-type", Select).value == "percent"
        await pilot.press("ctrl+a", *"学前入园率", "enter")
        await pilot.pause()
        area = dialog.query_one(TextArea)
        assert area.text == "新建幼儿园{{ 新建幼儿园 }}所，普惠率达到{{ 学前入园率 }}%。"
        shown = str(dialog.query_one("#edit-slots", Static).render())
        assert "新建幼儿园＝12所（整数）" in shown and "学前入园率＝90%（百分比）" in shown
        await pilot.press("ctrl+s")
        await pilot.pause()

        session = app.main.session
        item = session.plan.chapters[0].items[1]
        assert item.clause is None and item.lead == "扩充学前资源"
        assert item.slots == [Slot("新建幼儿园", "新建幼儿园", "integer", "所"),
                              Slot("学前入园率", "学前入园率", "percent", "%")]
        assert session.plan.values == {"新建幼儿园": 12, "学前入园率": 90}
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "新建幼儿园12所，普惠率达到90%" in app.main.preview.text  # the text is unchanged

        # in 参数: a typed field with the label given, validated by its type
        await pilot.press("2")
        await pilot.pause()
        row = next(r for r in app.screen.query_one("#values").rows
                   if r.field.name == "新建幼儿园" and r.field.scope == "plan")
        assert row.field.slot.type == "integer" and row.field.slot.label == "新建幼儿园"
        field = row.query_one(Input)
        assert field.value == "12"
        field.focus()
        await pilot.press("ctrl+a", *"十二")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        row = next(r for r in app.screen.query_one("#values").rows
                   if r.field.name == "新建幼儿园" and r.field.scope == "plan")
        assert "不是整数" in str(row.query_one(".field-note").render())
        assert "【有误：新建幼儿园】" in app.main.preview.text


@pytest.mark.parametrize("size", SIZES)
async def test_marking_refuses_what_does_not_fit_and_needs_a_number(tmp_path: Path, size  # type: ignore[no-untyped-def]
                                                                   ) -> None:
    app = make_app(None, _plan_file(tmp_path), catalogue=tui_catalogue())
    async with app.run_test(size=size) as pilot:
        dialog = await _open_new_custom(app, pilot)
        area = dialog.query_one(TextArea)
        area.move_cursor((0, 1))  # on 建: no number here
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert app.screen is dialog
        assert "光标处没有数字" in str(dialog.query_one("#edit-error", Static).render())

        marking = await _mark(app, pilot, dialog, "90")
        marking.query_one("#slot-type", Select).value = "year"  # 90 is no year
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is marking
        assert "不在 1949–2100 之间" in str(marking.query_one("#slot-error", Static).render())
        await pilot.press("escape")  # nothing marked
        await pilot.pause()
        assert app.screen is dialog and area.text == BODY


async def test_editing_a_custom_item_keeps_its_slots_and_values(tmp_path: Path) -> None:
    path = tmp_path / "计划.yaml"
    item = PlanItem(lead="扩充学前资源", body="新建幼儿园{{ 新建幼儿园 }}所。",
                    slots=[Slot("新建幼儿园", "新建幼儿园", "integer", "所")])
    plan = Plan(meta=PlanMeta(region="临江市", organ="临江市教育局", year=2026),
                chapters=[PlanChapter(key="各级各类教育", items=[item])],
                values={"新建幼儿园": 12}, provenance={"新建幼儿园": "confirmed"})
    save_plan(plan, path)
    app = make_app(None, path, catalogue=tui_catalogue())
    async with app.run_test(size=(100, 30)) as pilot:
        await started(app, pilot)
        app.main.jump_to(Selection(0, 0))
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, EditItemDialog)
        assert "新建幼儿园＝12所（整数）" in str(dialog.query_one("#edit-slots", Static).render())
        dialog.query_one(TextArea).focus()
        await pilot.press("end", *"xinzeng")
        await pilot.press("ctrl+s")
        await pilot.pause()
        session = app.main.session
        edited = session.plan.chapters[0].items[0]
        assert edited.body == "新建幼儿园{{ 新建幼儿园 }}所。xinzeng"
        assert edited.slots == item.slots  # still typed
        assert session.plan.provenance == {"新建幼儿园": "confirmed"}  # not re-typed


@pytest.mark.parametrize("size", SIZES)
async def test_a_new_custom_items_text_is_autosaved_and_offered(tmp_path: Path, size  # type: ignore[no-untyped-def]
                                                               ) -> None:
    path = _plan_file(tmp_path)
    app = make_app(None, path, catalogue=tui_catalogue())
    async with app.run_test(size=size) as pilot:
        dialog = await _open_new_custom(app, pilot)
        await _mark(app, pilot, dialog, "12")
        await pilot.press("enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        found = autosave.read_recovery(path)
        assert found is not None and found.plan is not None
        draft = found.plan.chapters[0].items[1]
        assert (draft.lead, draft.body) == ("扩充学前资源",
                                            "新建幼儿园{{ 新建幼儿园 }}所，普惠率达到90%。")
        assert draft.slots[0].type == "integer" and found.plan.values["新建幼儿园"] == 12
        assert len(app.main.session.plan.chapters[0].items) == 1  # the plan: unchanged
        # the session ends here without Ctrl+S, as in a crash: the copy stays
    past = time.time() - 3600
    os.utime(path, (past, past))
    again = make_app(None, None, catalogue=tui_catalogue())
    async with again.run_test(size=size) as pilot:
        await started(again, pilot)
        assert isinstance(again.screen, ChoiceDialog)  # offered at a plain start
        await pilot.press("enter")
        await pilot.pause()
        restored = again.main.session.plan.chapters[0].items
        assert len(restored) == 2 and restored[1].lead == "扩充学前资源"
        assert restored[1].slots[0].name == "新建幼儿园"


async def test_a_cancelled_new_custom_item_leaves_no_copy(tmp_path: Path) -> None:
    path = _plan_file(tmp_path)
    app = make_app(None, path, catalogue=tui_catalogue())
    async with app.run_test(size=(100, 30)) as pilot:
        await _open_new_custom(app, pilot)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert autosave.read_recovery(path) is not None
        await pilot.press("escape")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert autosave.read_recovery(path) is None
        assert len(app.main.session.plan.chapters[0].items) == 1
