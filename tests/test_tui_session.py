"""The TUI's pure parts, without a terminal: plan edits, the lenient preview, form fields, checks.

Tables of cases with a comment per row; each builds a small plan over the fixture catalogue.
"""

from __future__ import annotations

import pytest

from drafter.model import Plan, PlanChapter, PlanItem, PlanMeta, PlanText
from drafter.model.blocks import Location
from drafter.model.resolve import resolve
from drafter.tui.checks import value_entries
from drafter.tui.controller.selection import CLOSING, PREAMBLE, Selection
from drafter.tui.controller.session import PlanSession
from drafter.tui.fields import item_fields, plan_fields
from drafter.tui.preview import build_preview
from drafter.tui.widgets.hit_list import hit_text
from tests.tui_support import tui_catalogue

CAT = tui_catalogue()


def _session(*chapters: tuple[str, list[str]], selection: Selection | None = None
             ) -> PlanSession:
    plan = Plan(meta=PlanMeta(region="临江市", organ="临江市教育局", year=2025),
                chapters=[PlanChapter(key=k, heading=k, items=[PlanItem(clause=c) for c in ids])
                          for k, ids in chapters])
    return PlanSession(catalogue=CAT, plan=plan, selection=selection)


def _layout(session: PlanSession) -> list[tuple[str | None, list[str | None]]]:
    return [(c.key, [i.clause for i in c.items]) for c in session.plan.chapters]


@pytest.mark.parametrize(("chapters", "selection", "clause", "layout", "selected"), [
    # empty plan: the clause's chapter is created
    ((), None, "js-000001", [("教师队伍", ["js-000001"])], Selection(0, 0)),
    # a new chapter goes where the taxonomy puts it (党建 before 教师队伍)
    ((("教师队伍", ["js-000001"]),), None, "dj-000001",
     [("党建", ["dj-000001"]), ("教师队伍", ["js-000001"])], Selection(0, 0)),
    # into the existing chapter with that key, at its end
    ((("教师队伍", ["js-000001"]),), None, "js-000002",
     [("教师队伍", ["js-000001", "js-000002"])], Selection(0, 1)),
    # right after the selected item when the selection is in that chapter
    ((("教师队伍", ["js-000001", "js-000002"]),), Selection(0, 0), "js-000001",
     [("教师队伍", ["js-000001", "js-000001", "js-000002"])], Selection(0, 1)),
])
def test_add_clause_places_it(chapters, selection, clause, layout, selected) -> None:  # type: ignore[no-untyped-def]
    session = _session(*chapters, selection=selection)
    session.add_clause(CAT.get(clause))
    assert _layout(session) == layout
    assert session.selection == selected and session.dirty


@pytest.mark.parametrize(("clause", "part"), [
    ("zt-000001", "preamble"),  # a preamble-kind clause becomes the opening paragraph
    ("zt-000002", "closing"),  # a closing-kind clause becomes the closing paragraph
])
def test_preamble_and_closing_take_their_place(clause: str, part: str) -> None:
    session = _session()
    session.add_clause(CAT.get(clause))
    assert getattr(session.plan, part) == PlanText(clause=clause)
    assert session.plan.chapters == []


@pytest.mark.parametrize(("chapters", "selection", "layout", "selected"), [
    # an item goes; the next one is selected
    ((("党建", ["dj-000001", "dj-000002"]),), Selection(0, 0), [("党建", ["dj-000002"])],
     Selection(0, 0)),
    # the last item of a chapter goes; the chapter stays, selected
    ((("党建", ["dj-000001"]),), Selection(0, 0), [("党建", [])], Selection(0)),
    # an empty chapter goes
    ((("党建", []), ("保障", ["bz-000001"])), Selection(0), [("保障", ["bz-000001"])],
     Selection(0)),
    # a chapter that still has items does not
    ((("党建", ["dj-000001"]),), Selection(0), [("党建", ["dj-000001"])], Selection(0)),
])
def test_remove(chapters, selection, layout, selected) -> None:  # type: ignore[no-untyped-def]
    session = _session(*chapters, selection=selection)
    session.remove_selected()
    assert _layout(session) == layout and session.selection == selected


@pytest.mark.parametrize(("selection", "step", "moved", "layout"), [
    # item down within its chapter
    (Selection(0, 0), 1, True, [("党建", ["dj-000002", "dj-000001"]), ("保障", ["bz-000001"])]),
    # the first item cannot go up
    (Selection(0, 0), -1, False, [("党建", ["dj-000001", "dj-000002"]), ("保障", ["bz-000001"])]),
    # a whole chapter moves up
    (Selection(1), -1, True, [("保障", ["bz-000001"]), ("党建", ["dj-000001", "dj-000002"])]),
])
def test_move(selection, step, moved, layout) -> None:  # type: ignore[no-untyped-def]
    session = _session(("党建", ["dj-000001", "dj-000002"]), ("保障", ["bz-000001"]),
                       selection=selection)
    assert session.can_move(step) is moved
    assert session.move_selected(step) is moved
    assert _layout(session) == layout


def test_move_to_chapter_appends_there() -> None:
    session = _session(("党建", ["dj-000001", "dj-000002"]), ("保障", ["bz-000001"]),
                       selection=Selection(0, 1))
    assert session.move_to_chapter(1) == Selection(1, 1)
    assert _layout(session) == [("党建", ["dj-000001"]), ("保障", ["bz-000001", "dj-000002"])]


def test_text_edits_stay_in_the_plan_and_clear_when_unchanged() -> None:
    session = _session(("保障", ["bz-000001"]), selection=Selection(0, 0))
    clause = CAT.get("bz-000001")
    session.set_text("守牢校园安全底线", "全年开展安全检查。")
    item = session.selected_item()
    assert item is not None and item.lead is None and item.body == "全年开展安全检查。"
    assert clause.body != item.body  # the catalogue is untouched
    session.set_text(clause.lead, clause.body)
    assert item.lead is None and item.body is None


@pytest.mark.parametrize(("setter", "changes"), [
    (lambda s: s.set_value("培训人数", None), False),  # clearing what is not there
    (lambda s: s.set_global("地区", "临江市"), False),  # the region it already has
    (lambda s: s.set_value("培训人数", 300), True),  # a new plan-wide value
    (lambda s: s.set_global("年份", 2026), True),  # 年份 goes to meta.year
])
def test_values_bump_the_revision_only_on_change(setter, changes: bool) -> None:  # type: ignore[no-untyped-def]
    session = _session(("教师队伍", ["js-000001"]))
    before = session.revision
    setter(session)
    assert (session.revision != before) is changes


@pytest.mark.parametrize(("values", "expect_in_text", "gaps"), [
    # nothing filled: a marker stands in for the count, the default 90 is used
    ({}, ["【待填：新建公办幼儿园】", "覆盖率达到90%"], 1),
    # a wrong percent is shown as such, never rendered as a number
    ({"新建幼儿园数": 3, "普惠率": 130}, ["新建公办幼儿园3所", "【有误：普惠性幼儿园覆盖率】"], 1),
    # everything filled: no markers
    ({"新建幼儿园数": 3, "普惠率": 95}, ["新建公办幼儿园3所", "覆盖率达到95%"], 0),
])
def test_preview_marks_gaps_and_never_raises(values, expect_in_text, gaps) -> None:  # type: ignore[no-untyped-def]
    session = _session(("各级各类教育", ["gj-000001"]))
    session.plan.values.update(values)
    preview = build_preview(session.plan, CAT)
    assert preview.error is None
    for piece in expect_in_text:
        assert piece in preview.text
    assert len(preview.gaps) == gaps
    assert session.plan.values == values  # the plan itself is not filled in


def test_fields_globals_first_names_once_item_overrides() -> None:
    session = _session(("党建", ["dj-000001"]), ("教师队伍", ["js-000001", "js-000001"]))
    session.plan.meta.organ = ""
    uses = resolve(session.plan, CAT).uses
    fields = plan_fields(session.plan, uses, needed={"地区", "年份"})
    assert [f.name for f in fields] == ["地区", "年份", "单位", "示范支部数", "培训人数"]
    assert [f.status for f in fields] == ["ok", "ok", "optional", "missing", "missing"]
    assert fields[4].places == ("第二章第2条", "第二章第3条")  # printed numbers
    own = item_fields(session.plan, uses, Selection(1, 1))
    assert [(f.scope, f.name) for f in own] == [("item", "培训人数")]


def test_value_entries_jump_to_their_item() -> None:
    session = _session(("党建", ["dj-000001"]), ("教师队伍", ["js-000001"]))
    preview = build_preview(session.plan, CAT)
    entries = value_entries(session.plan, preview)
    assert [(e.where, e.target) for e in entries] == [
        ("第一章第1条", Selection(0, 0)), ("第二章第2条", Selection(1, 0))]


@pytest.mark.parametrize(("numbering", "chapter", "printed", "index"), [
    ("continuous", 2, 4, 1),  # 2 items in chapter 1, so printed 4 is the 2nd of chapter 2
    ("per_chapter", 2, 2, 1),  # numbers restart per chapter
    ("continuous", 2, 9, None),  # no such item
])
def test_printed_numbers_map_back_to_items(numbering, chapter, printed, index) -> None:  # type: ignore[no-untyped-def]
    session = _session(("党建", ["dj-000001", "dj-000002"]), ("保障", ["bz-000001", "bz-000001"]))
    session.plan.meta.options.numbering = numbering
    found = resolve(session.plan, CAT).item_at(Location(chapter=chapter, item=printed))
    assert (found.index if found else None) == index
    if found is not None:  # and the resolved item's own location round-trips
        assert found.location.item == printed and found.location.index == index


def test_hit_text_highlights_the_match_and_shows_slot_labels() -> None:
    clause = CAT.get("gj-000001")
    start = clause.text.index("覆盖率")
    text = hit_text(clause, [(start, start + 3)])
    assert "{{" not in text.plain and "〔新建公办幼儿园〕" in text.plain
    highlighted = [text.plain[s.start:s.end] for s in text.spans if "reverse" in str(s.style)]
    assert highlighted == ["覆盖率"]


@pytest.mark.parametrize(("selection", "attr"), [
    (PREAMBLE, "preamble"),  # the opening paragraph is selected
    (CLOSING, "closing"),  # the closing paragraph is selected
])
def test_preamble_and_closing_text_and_removal(selection: Selection, attr: str) -> None:
    session = _session(("党建", ["dj-000001"]))
    session.add_clause(CAT.get("zt-000001"))
    session.add_clause(CAT.get("zt-000002"))
    session.selection = selection
    assert session.selected_clause() is CAT.get(getattr(session.plan, attr).clause)
    assert session.selected_item() is None and not session.can_move(1)
    clause_text = session.part_text()
    session.set_part_text("本计划自定的一段话。")
    assert getattr(session.plan, attr).text == "本计划自定的一段话。"
    assert session.part_text() == "本计划自定的一段话。"
    session.set_part_text(clause_text)  # back to the catalogue's words: no local text
    assert getattr(session.plan, attr).text is None
    session.remove_selected()
    assert getattr(session.plan, attr) is None and session.selection == Selection(0)
    assert _layout(session) == [("党建", ["dj-000001"])]


@pytest.mark.parametrize(("clause_id", "marked"), [
    ("dj-000002", True),  # the fixture gives this clause a check flag
    ("dj-000001", False),  # no flags, no mark
])
def test_flagged_clauses_are_marked_in_hits(clause_id: str, marked: bool) -> None:
    assert ("⚠" in hit_text(CAT.get(clause_id), []).plain) is marked
