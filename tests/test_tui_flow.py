"""The TUI's whole flow, driven through the real app with the pilot (issue 4's acceptance).

Start on a catalogue, search 师德 and pick it plus two clauses from other chapters, reorder,
fill every value (one invalid entry refused with a message), save and reload to the same
plan, render a .docx holding the picked clauses with the typed values in order.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from textual.message import Message

from drafter.model import CHAPTER_KEYS, Clause, Plan
from drafter.plans.io import load_plan
from drafter.tui.app import make_app
from drafter.tui.controller.selection import Selection
from drafter.tui.screens.file_dialogs import Rendered
from drafter.tui.screens.main import MainScreen
from drafter.tui.widgets.hit_list import HitList
from drafter.tui.widgets.values_form import FieldRow, ValuesForm
from drafter.util.paths import bundled_catalog_dir
from tests.tui_support import (
    GLOBAL_TYPED,
    TYPED,
    clear_input,
    pick_first_in_chapter,
    started,
    type_text,
    write_tui_catalogue,
)

SIZE = (120, 40)


def _catalogues() -> list[object]:
    bundled = bundled_catalog_dir()
    has_bundled = any(bundled.glob("*.yaml"))
    return [
        pytest.param("fixture", id="fixture-catalogue"),
        pytest.param("bundled", id="bundled-catalogue",
                     marks=pytest.mark.skipif(not has_bundled, reason="catalog/ not built yet")),
    ]


def _catalog_dir(kind: str, tmp_path: Path) -> Path:
    if kind == "bundled":
        return bundled_catalog_dir()
    return write_tui_catalogue(tmp_path / "catalog")


async def _search_and_pick(app, pilot, messages: list[Message]):  # type: ignore[no-untyped-def]
    screen = app.screen
    await pilot.press("slash")
    assert screen.focused is screen.query_one("#search")
    await type_text(pilot, "师德")
    await pilot.pause(0.1)
    hits = screen.query_one(HitList)
    assert hits.display and hits.query_text == "师德"
    first = hits.clauses[0]
    assert "师德" in first.text
    assert any(isinstance(m, HitList.Highlighted) for m in messages)
    await pilot.press("enter")  # from the search box into the results
    assert screen.focused is hits
    await pilot.press("a")
    await pilot.pause()
    assert screen.session.contains(first.id)
    redrawn = [m.revision for m in messages if isinstance(m, MainScreen.Refreshed)]
    assert redrawn[-1] == screen.session.revision  # every pane shows the new plan
    assert first.lead[:4] in screen.preview.text
    return first


async def _fill_values(app, pilot, messages: list[Message]) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """Type a value into every plan-wide field; the first try at 年份 is refused."""
    screen = app.screen
    await pilot.press("2")
    form = screen.query_one(ValuesForm)
    typed: dict[str, str] = {}
    rows: list[FieldRow] = [r for r in form.rows if r.field.scope != "item"]
    assert [r.field.name for r in rows][:3] == ["地区", "年份", "单位"]
    year_before = screen.session.plan.meta.year
    for row in rows:
        field = row.field
        input_ = row.query_one("Input")
        input_.focus()
        await pilot.pause()
        await clear_input(pilot)
        if field.name == "年份":
            await type_text(pilot, "二〇二六")
            refused = [m for m in messages if isinstance(m, ValuesForm.Refused)]
            assert refused and refused[-1].field.name == "年份"
            assert "不是年份" in refused[-1].message
            assert screen.session.plan.meta.year == year_before  # the meta keeps a number
            assert row.has_class("-invalid")
            assert "不是年份" in str(row.query_one(".field-note").render())
            await clear_input(pilot)
        value = GLOBAL_TYPED.get(field.name) or TYPED[field.slot.type]
        await type_text(pilot, value)
        assert not row.has_class("-invalid"), field.name
        typed[field.name] = value
    await pilot.pause()
    return typed


@pytest.mark.slow  # ~8 s of CPU each: scheduled first
@pytest.mark.parametrize("kind", _catalogues())
async def test_complete_flow(kind: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DRAFTER_DOCUMENTS", str(tmp_path))  # where new plans are offered
    messages: list[Message] = []
    catalog_dir = _catalog_dir(kind, tmp_path)
    app = make_app(catalog_dir, None)
    async with app.run_test(size=SIZE, message_hook=messages.append) as pilot:
        await started(app, pilot)
        screen = app.screen
        session = screen.session
        assert session is not None and len(session.catalogue) > 0

        # 1–2. search 师德 and pick it, then one clause from each of two other chapters
        shide = await _search_and_pick(app, pilot, messages)
        await pilot.press("slash", "ctrl+a", "ctrl+k")  # an empty search shows the tree again
        await pilot.pause(0.1)
        await pilot.press("enter")  # into the tree
        assert screen.focused is screen.query_one("#catalogue")
        await pilot.press("t")  # hide summary-kind clauses from here on
        assert screen.hide_summary
        others = [k for k in CHAPTER_KEYS if k not in (shide.chapter, "总体要求")
                  and any(c.kind == "plan" for c in session.catalogue.chapters[k])][:2]
        picked = [shide] + [await pick_first_in_chapter(app, pilot, k) for k in others]
        assert {c.chapter for c in picked} == {shide.chapter, *others}
        plan = session.plan
        keys = [c.key for c in plan.chapters]
        assert keys == sorted(keys, key=CHAPTER_KEYS.index)  # chapters come in taxonomy order
        assert sorted(i.clause for c in plan.chapters for i in c.items) == sorted(
            c.id for c in picked)

        # 3. reorder: the 师德 chapter moves to the top, with the keyboard
        screen.query_one("#outline").focus()
        await pilot.press("1")
        shide_ci = next(n for n, c in enumerate(plan.chapters) if c.key == shide.chapter)
        outline = screen.query_one("#outline")
        while outline.cursor_node.data != Selection(shide_ci):
            await pilot.press("up" if outline.cursor_node.data.chapter > shide_ci else "down")
        for _ in range(shide_ci):
            await pilot.press("left_square_bracket")
        await pilot.pause()
        assert plan.chapters[0].key == shide.chapter
        order = [i.clause for c in plan.chapters for i in c.items]
        assert order[0] == shide.id and set(order) == {c.id for c in picked}

        # 4. fill every value; one invalid entry is refused with a message
        typed = await _fill_values(app, pilot, messages)
        assert screen.preview.gaps == []
        assert "【待填" not in screen.preview.text
        assert plan.meta.region == "临江市" and plan.meta.year == 2026

        # 5. save, then reload: the same plan
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("enter")  # accept the offered path (documents/工作要点.yaml)
        await pilot.pause()
        saved = tmp_path / "工作要点.yaml"
        assert saved.is_file() and not session.dirty
        assert load_plan(saved) == session.plan

        # 6. render: the .docx holds the picked clauses, in order, with the typed values
        await pilot.press("ctrl+r")
        await pilot.pause()
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        done = [m for m in messages if isinstance(m, Rendered)]
        assert done and done[-1].error is None, done[-1].error if done else "no render"
        docx_path = done[-1].path
        assert docx_path == tmp_path / "工作要点.docx" and docx_path.is_file()
        expected_plan = session.snapshot()
        leads = [_lead(session.catalogue.get(cid)) for cid in order]

    text = "\n".join(p.text for p in Document(str(docx_path)).paragraphs)
    positions = [text.find(lead) for lead in leads]
    assert all(p >= 0 for p in positions) and positions == sorted(positions)
    assert "临江市" in text and "2026" in text
    for name, value in typed.items():
        if name not in ("地区", "年份", "单位"):
            assert value in text, name

    reopened = make_app(catalog_dir, saved)
    async with reopened.run_test(size=SIZE) as pilot:
        await started(reopened, pilot)
        assert reopened.main.session.plan == expected_plan
        assert isinstance(reopened.main.session.plan, Plan)


def _lead(clause: Clause | None) -> str:
    """The start of a clause's lead, as it appears in the document."""
    assert clause is not None
    return (clause.lead or clause.body)[:12]
