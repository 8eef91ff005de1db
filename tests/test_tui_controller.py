"""The TUI's controller without a terminal: every action of the main screen as plain Python.

No App.run_test here: `MainController` and `PlanSession` are driven directly, the way the
screen drives them after a key or a dialog's answer (add, delete, move, reorder, edit, undo,
redo, confirm, values), and what the user would be told is asserted too.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from drafter.model import Plan, PlanChapter, PlanItem, PlanMeta, PlanText
from drafter.plans import load_plan, save_plan
from drafter.tui import autosave
from drafter.tui.controller import files, imports
from drafter.tui.controller.main import MainController
from drafter.tui.controller.selection import CLOSING, PREAMBLE, Selection
from drafter.tui.fields import Field
from tests.tui_support import tui_catalogue

CAT = tui_catalogue()


def _plan() -> Plan:
    return Plan(meta=PlanMeta(region="临江市", organ="临江市教育局", year=2025),
                preamble=PlanText(clause="zt-000001"),
                chapters=[PlanChapter(key="党建", heading="党建", items=[
                              PlanItem(clause="dj-000001", values={"示范支部数": 3}),
                              PlanItem(clause="dj-000002")]),
                          PlanChapter(key="教师队伍", heading="教师队伍", items=[
                              PlanItem(clause="js-000001"),
                              PlanItem(clause="js-000002")])])


def _controller(plan: Plan | None = None, selection: Selection | None = None
                ) -> MainController:
    control = MainController()
    control.start(CAT, plan or _plan(), None)
    if selection is not None:
        assert control.select(selection) or control.session.selection == selection  # type: ignore[union-attr]
    control.refresh()
    return control


def _ids(control: MainController) -> list[list[str | None]]:
    assert control.session is not None
    return [[i.clause for i in c.items] for c in control.session.plan.chapters]


def _field(scope: str, name: str) -> Field:
    clause = CAT.get("dj-000001")
    assert clause is not None
    return Field(scope=scope, name=name, slot=clause.slots[0], value=None,  # type: ignore[arg-type]
                 status="missing")


def test_the_controller_imports_without_textual() -> None:
    code = ("import sys, drafter.tui.controller.main, drafter.tui.controller.files, "
            "drafter.tui.controller.imports; print('textual' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"


# ---------------------------------------------------------------------- which actions apply

def test_before_a_plan_is_loaded_only_browsing_keys_apply() -> None:
    control = MainController()
    assert control.enabled("help") and control.enabled("focus_search")
    assert not control.enabled("undo") and not control.enabled("remove_item")
    assert not control.enabled("add_clause", clause=CAT.get("dj-000001"))
    assert control.enabled("leave_input", in_input=True)
    assert not control.enabled("leave_input")


@pytest.mark.parametrize(("selection", "action", "expected"), [
    (Selection(0, 0), "move_up", False),  # the first item cannot go up
    (Selection(0, 0), "move_down", True),
    (Selection(0, 1), "move_down", False),  # nor the last go down
    (Selection(0), "remove_item", False),  # a chapter with items is not removed
    (Selection(0, 0), "remove_item", True),
    (PREAMBLE, "remove_item", True),
    (Selection(1, 0), "choose_variant", True),  # js-000001 has a variant
    (Selection(0, 0), "choose_variant", False),  # dj-000001 has none
    (Selection(0), "edit_heading", True),
    (PREAMBLE, "edit_heading", False),
    (Selection(0), "edit_task", False),  # a chapter has no 责任单位
    (Selection(0, 0), "move_chapter", True),
    (Selection(0, 0), "undo", False),  # nothing done yet
    (Selection(1, 1), "confirm_values", True),  # 交流比例 is the catalogue's suggestion
    (Selection(0, 0), "confirm_values", False),  # 示范支部数 typed
    (Selection(1, 0), "confirm_chapter", True),
    (Selection(0, 0), "render", True),
])
def test_enabled_follows_the_selection(selection: Selection, action: str,
                                       expected: bool) -> None:
    assert _controller(selection=selection).enabled(action) is expected


def test_add_clause_needs_a_clause_under_the_cursor() -> None:
    control = _controller()
    assert not control.enabled("add_clause", clause=None)
    assert control.enabled("add_clause", clause=CAT.get("bz-000001"))


# ---------------------------------------------------------------------- add, delete

def test_add_puts_a_clause_in_its_chapter_and_says_when_it_is_there_already() -> None:
    control = _controller(selection=Selection(0, 0))
    safety = CAT.get("bz-000001")
    assert safety is not None
    assert control.add_clause(safety) is None
    assert _ids(control)[-1] == ["bz-000001"]  # a new 保障 chapter, last in key order
    assert control.session is not None
    assert control.session.selection == Selection(2, 0)
    again = control.add_clause(safety)
    assert again is not None and "已在计划中" in again
    assert _ids(control)[-1] == ["bz-000001", "bz-000001"]


def test_a_catalogue_item_is_removed_without_a_question() -> None:
    control = _controller(selection=Selection(0, 0))
    assert control.removal_question() is None
    assert control.remove(Selection(0, 0)) == "已删除条目（Ctrl+Z 撤销）"
    assert _ids(control)[0] == ["dj-000002"]


def test_text_the_user_wrote_is_asked_about_before_it_goes() -> None:
    control = _controller(selection=Selection(0, 1))
    session = control.session
    assert session is not None
    assert session.set_text("落实意识形态工作责任制", "每季度研判一次。")
    question = control.removal_question()
    assert question is not None and "已修改文字的条目" in question and "Ctrl+Z" in question
    assert session.add_custom("自定义要点", "自定义正文") == Selection(0, 2)
    question = control.removal_question()
    assert question is not None and "自定义条目" in question and "自定义要点" in question


def test_remove_acts_on_the_place_asked_about_not_where_the_cursor_went() -> None:
    control = _controller(selection=Selection(1, 1))
    assert control.session is not None
    control.session.selection = Selection(0, 0)  # the cursor moved while the dialog was open
    control.remove(Selection(1, 1))
    assert _ids(control) == [["dj-000001", "dj-000002"], ["js-000001"]]


def test_an_empty_chapter_and_the_preamble_are_removed() -> None:
    control = _controller(selection=PREAMBLE)
    assert control.remove(PREAMBLE) is None
    assert control.session is not None and control.session.plan.preamble is None
    control.remove(Selection(0, 0))
    control.remove(Selection(0, 0))
    assert _ids(control)[0] == []
    control.remove(Selection(0))
    assert _ids(control) == [["js-000001", "js-000002"]]


# ---------------------------------------------------------------------- move, reorder

def test_move_up_down_and_to_another_chapter() -> None:
    control = _controller(selection=Selection(1, 1))
    session = control.session
    assert session is not None
    assert session.move_selected(-1)
    assert _ids(control)[1] == ["js-000002", "js-000001"]
    assert session.selection == Selection(1, 0)
    assert not session.move_selected(-1)  # already first
    assert session.move_to_chapter(0) == Selection(0, 2)
    assert _ids(control) == [["dj-000001", "dj-000002", "js-000002"], ["js-000001"]]
    session.selection = Selection(1)  # a chapter moves among chapters
    assert session.move_selected(-1)
    assert [c.key for c in session.plan.chapters] == ["教师队伍", "党建"]


# ---------------------------------------------------------------------- edit

def test_edits_of_text_variant_heading_and_task() -> None:
    control = _controller(selection=Selection(1, 0))
    session = control.session
    assert session is not None
    assert session.set_variant("js-000001/2")
    assert not session.set_variant("js-000001/2")  # no change, no undo step
    detail = control.detail()
    assert detail is not None and (detail.kind, detail.variant) == ("clause", "js-000001/2")
    lead, body = session.wording(session.plan.chapters[1].items[0])
    assert session.set_text(lead, body + "另加一句。")
    item = session.plan.chapters[1].items[0]
    assert item.lead is None and item.body is not None  # equal text is not stored twice
    detail = control.detail()
    assert detail is not None and detail.kind == "edited" and detail.body.endswith("另加一句。")
    assert session.set_heading(1, "建设高素质教师队伍")
    assert control.heading() == (1, "建设高素质教师队伍")
    form = control.task_form()
    assert form is not None and form.owners == ["教师工作科"]  # the clause's
    assert session.set_task(["人事科"], "2026年6月")
    assert (item.owners, item.deadline) == (["人事科"], "2026年6月")
    assert not session.set_task(["人事科"], "2026年6月")


def test_the_closing_keeps_its_clause_and_takes_own_text() -> None:
    plan = _plan()
    plan.closing = PlanText(clause="zt-000002")
    control = _controller(plan, CLOSING)
    session = control.session
    assert session is not None
    assert control.part_title() == "修改结束语"
    assert session.set_part_text("让我们共同努力！")
    assert plan.closing is not None
    assert (plan.closing.clause, plan.closing.text) == ("zt-000002", "让我们共同努力！")
    detail = control.detail()
    assert detail is not None and (detail.kind, detail.body) == ("edited", "让我们共同努力！")


def test_a_draft_goes_into_a_copy_never_into_the_plan() -> None:
    control = _controller(selection=Selection(0, 1))
    session = control.session
    assert session is not None
    draft = control.draft(Selection(0, 1), lambda shadow: shadow.set_text("草稿", "草稿正文"))
    assert draft is not None and draft.chapters[0].items[1].body == "草稿正文"
    assert session.plan.chapters[0].items[1].body is None
    assert not session.dirty and not session.can_undo


# ---------------------------------------------------------------------- undo, redo

def test_undo_and_redo_walk_back_and_forth_and_say_so() -> None:
    control = _controller(selection=Selection(0, 0))
    session = control.session
    assert session is not None
    before = _ids(control)
    assert control.undo() is None  # nothing to undo: nothing said
    clause = CAT.get("dj-000002")
    assert clause is not None
    control.add_clause(clause)
    session.move_selected(-1)
    after = _ids(control)
    assert control.undo() == "已撤销上一步修改（Ctrl+Y 重做）"
    assert control.undo() is not None
    assert _ids(control) == before and not session.dirty
    assert control.enabled("redo") and not control.enabled("undo")
    assert control.redo() == "已重做"
    assert control.redo() == "已重做"
    assert _ids(control) == after and session.dirty
    assert control.redo() is None


def test_typing_into_one_field_is_one_undo_step() -> None:
    control = _controller(selection=Selection(0, 0))
    session = control.session
    assert session is not None
    for typed in ("临", "临江", "临江县"):
        assert control.store_value(_field("global", "地区"), typed, as_typed=False)
    assert session.plan.meta.region == "临江县"
    control.undo()
    assert session.plan.meta.region == "临江市"


# ---------------------------------------------------------------------- values, confirm

def test_values_go_where_their_field_says() -> None:
    control = _controller(selection=Selection(0, 0))
    session = control.session
    assert session is not None
    item = session.plan.chapters[0].items[0]
    assert control.store_value(_field("item", "示范支部数"), 5, as_typed=False)
    assert item.values["示范支部数"] == 5
    assert not control.store_value(_field("item", "示范支部数"), 5, as_typed=False)
    assert control.store_value(_field("plan", "培训人数"), 200, as_typed=False)
    assert session.plan.values["培训人数"] == 200
    assert control.store_value(_field("global", "年份"), "二〇二六", as_typed=True)
    assert session.plan.values["年份"] == "二〇二六"  # kept as typed, flagged
    assert session.plan.meta.year == 2025  # the meta keeps its last valid value
    assert control.store_value(_field("global", "年份"), 2026, as_typed=False)
    assert "年份" not in session.plan.values and session.plan.meta.year == 2026


def test_values_view_and_gaps_refusal() -> None:
    plan = _plan()
    plan.chapters[0].items[0].values.clear()
    control = _controller(plan, Selection(0, 0))
    view = control.values_view()
    # 示范支部数 cleared here, 培训人数 (js-000001) never given
    assert view is not None and view.gaps == 2 and view.title == "加强教育系统党的建设"
    assert "示范支部数" in {f.name for f in view.plan} | {f.name for f in view.item}
    assert control.item_gaps() == {(0, 0): 1, (1, 0): 1}
    refusal = control.gaps_refusal()
    assert refusal is not None and "2 项参数" in refusal
    assert control.session is not None
    control.session.set_value("示范支部数", 4)
    control.refresh()
    assert control.item_gaps() == {(1, 0): 1}
    control.session.set_value("培训人数", 300)
    control.refresh()
    assert control.gaps_refusal() is None and control.item_gaps() == {}


def test_confirm_accepts_the_shown_values_and_says_how_many() -> None:
    control = _controller(selection=Selection(1, 1))
    session = control.session
    assert session is not None
    assert control.confirm(whole_chapter=False) == "已确认 1 个参数值"
    item = session.plan.chapters[1].items[1]
    assert (item.values["交流比例"], item.provenance["交流比例"]) == (10, "confirmed")
    assert control.confirm(whole_chapter=False) == "这里没有待核实的参数值"
    assert session.undo()
    assert "交流比例" not in session.plan.chapters[1].items[1].values


# ---------------------------------------------------------------------- files

def test_sub_title_names_the_file_and_marks_changes(tmp_path: Path) -> None:
    control = _controller(selection=Selection(0, 0))
    session = control.session
    assert session is not None
    assert control.sub_title() == "未命名计划"
    session.set_heading(0, "全面加强党的建设")
    assert control.sub_title() == "未命名计划 *"
    path = tmp_path / "计划.yaml"
    assert files.save(session, path, control.autosaver) is None
    assert control.sub_title() == "计划.yaml"
    assert load_plan(path).chapters[0].heading == "全面加强党的建设"
    assert control.default_output() == tmp_path / "计划.docx"


def test_a_plan_that_cannot_be_read_is_named_in_chinese(tmp_path: Path) -> None:
    bad = tmp_path / "坏.yaml"
    bad.write_text("meta: [", encoding="utf-8")
    plan, problem = files.read_plan(bad)
    assert plan is None and problem is not None and "坏.yaml" in problem
    good = tmp_path / "好.yaml"
    save_plan(_plan(), good)
    plan, problem = files.read_plan(good)
    assert problem is None and plan is not None and len(plan.chapters) == 2


def test_new_plans_are_for_next_year() -> None:
    starter = files.new_plan(CAT, files.NEW_STARTER)
    blank = files.new_plan(CAT, files.NEW_EMPTY)
    assert starter.chapters and not blank.chapters
    assert starter.meta.year == blank.meta.year and blank.meta.date


@pytest.mark.parametrize(("text", "check", "problem"), [
    ("计划.yaml", files.yaml_path_problem, None),
    ("计划.docx", files.yaml_path_problem, "计划文件名应以 .yaml 结尾"),
    ("要点.md", files.docx_path_problem, None),
    ("要点.xls", files.docx_path_problem, "文件名应以 .docx（或 .pdf、.md、.txt）结尾"),
])
def test_typed_paths_are_checked(text: str, check: object, problem: str | None) -> None:
    assert check(text) == problem  # type: ignore[operator]


def test_other_documents_get_their_own_suffix() -> None:
    out, kind = files.output_path(Path("/d/要点.docx"), "tasks-xlsx")
    assert (out, kind) == (Path("/d/要点-任务分解表.xlsx"), "tasks")
    assert files.suffix_problem("x.docx", ".xlsx") == "文件名应以 .xlsx 结尾"
    assert files.suffix_problem("x.xlsx", ".xlsx") is None


def test_an_older_autosave_never_overwrites_a_newer_one() -> None:
    saver = files.Autosaver()
    old, new = saver.ticket(), saver.ticket()
    plan = _plan()
    assert saver.write(plan, None, old) is None
    assert autosave.read_recovery(None) is None  # skipped: a newer copy was asked for
    assert saver.write(plan, None, new) is None
    found = autosave.read_recovery(None)
    assert found is not None and found.plan == plan
    saver.clear(None)
    assert autosave.read_recovery(None) is None


def test_imports_go_into_the_users_catalogue_not_the_bundled_one(tmp_path: Path) -> None:
    from drafter.util.paths import bundled_catalog_dir, user_catalog_dir

    assert imports.import_target(None) == user_catalog_dir()
    assert imports.import_target(bundled_catalog_dir()) == user_catalog_dir()
    assert imports.import_target(tmp_path) == tmp_path
