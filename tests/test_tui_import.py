"""TUI: Ctrl+N → 从往年文件导入 with the real file picker, recent files on Ctrl+N and Ctrl+O, and
导入修改 from the command palette with the changes reviewed before they apply."""

from __future__ import annotations

from pathlib import Path

import docx
from textual.widgets import Input

from drafter.mine.pipeline import mine_file
from drafter.tui import recent
from drafter.tui.app import make_app
from drafter.tui.dialogs.confirm import ConfirmDialog
from drafter.tui.dialogs.file_picker import ChineseFileOpen
from drafter.tui.dialogs.review_update import ReviewUpdateDialog
from drafter.tui.widgets.outline import PlanOutline
from drafter.util.paths import user_catalog_dir
from tests.conftest import CORPUS
from tests.import_support import invoke
from tests.tui_support import started, write_tui_catalogue

SIZE = (120, 40)
SOURCE = next(CORPUS.glob("000_*.txt"))


def _labels(node) -> list[str]:  # type: ignore[no-untyped-def]
    out = []
    for child in node.children:
        out.append(str(child.label))
        out += _labels(child)
    return out


async def _pick_in_picker(app, pilot, path: Path) -> None:  # type: ignore[no-untyped-def]
    """Type the file's path into the picker's name field and confirm, as a user does."""
    assert isinstance(app.screen, ChineseFileOpen)
    field = app.screen.query_one(Input)
    field.value = str(path)
    field.focus()
    await pilot.press("enter")


async def test_ctrl_n_import_from_last_years_file(tmp_path: Path) -> None:
    app = make_app(write_tui_catalogue(tmp_path / "catalog"), None)
    async with app.run_test(size=SIZE) as pilot:
        await started(app, pilot)
        await pilot.press("ctrl+n")
        await pilot.pause()
        choices = app.screen.choices
        assert any("从往年文件导入" in str(label) for _, label in choices)
        app.screen.dismiss("import")
        await pilot.pause()
        app.screen.dismiss("@browse")  # recent list: 浏览… opens the picker
        await pilot.pause()
        await _pick_in_picker(app, pilot, SOURCE)
        await started(app, pilot)
        await app.workers.wait_for_complete()
        await pilot.pause()
        session = app.main.session
        doc = mine_file(SOURCE)
        assert [c.heading for c in session.plan.chapters] == [c.heading for c in doc.chapters]
        assert [len(c.items) for c in session.plan.chapters] == [len(c.items) for c in
                                                                  doc.chapters]
        outline = app.screen.query_one(PlanOutline)
        labels = _labels(outline.root)
        assert any("推进党的建设" in label for label in labels)
        assert any("开展党的理论学习宣传" in label for label in labels)
        assert session.dirty and session.path is None
        # the 落款 is on, as for new plans (Deliver 7), and the notification says what it prints
        assert session.plan.meta.options.signature and session.plan.meta.organ == "XX市教育局"
        assert any("落款：XX市教育局（取自标题）" in str(n.message)
                   for n in app._notifications)
        # the clauses went into the user's catalogue (the TUI was opened on a fixture folder
        # outside the bundled one, so that folder is the target), and the preview renders them
        assert any((tmp_path / "catalog").glob("*.yaml"))
        assert not app.main.preview.gaps or all(g for g in app.main.preview.gaps)
        assert recent.recent("document") == [SOURCE.resolve()]
        # Ctrl+N again (the imported plan is unsaved: agree to drop it) offers the file just
        # used in the recent list
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        app.screen.dismiss(True)
        await pilot.pause()
        app.screen.dismiss("import")
        await pilot.pause()
        assert str(SOURCE.resolve()) in [a for a, _ in app.screen.choices]


async def test_ctrl_o_lists_recent_plans(tmp_path: Path) -> None:
    plan = tmp_path / "p.yaml"
    assert invoke("import", str(SOURCE), "-o", str(plan)).exit_code == 0
    recent.remember("plan", plan)
    app = make_app(None, None)
    async with app.run_test(size=SIZE) as pilot:
        await started(app, pilot)
        await pilot.press("ctrl+o")
        await pilot.pause()
        answers = [a for a, _ in app.screen.choices]
        assert answers[:3] == ["@browse", "@type", str(plan.resolve())]
        app.screen.dismiss(str(plan.resolve()))
        await started(app, pilot)
        assert app.main.session.path == plan.resolve()
        assert len(app.main.session.plan.chapters) == 6


async def test_palette_import_edits_reviews_then_applies(tmp_path: Path) -> None:
    plan = tmp_path / "p.yaml"
    assert invoke("import", str(SOURCE), "-o", str(plan)).exit_code == 0
    rendered = tmp_path / "p.docx"
    assert invoke("build", str(plan), "-o", str(rendered)).exit_code == 0
    document = docx.Document(str(rendered))
    target = next(p for p in document.paragraphs if p.text.startswith("16."))
    run = next(r for r in target.runs if "1500" in r.text)
    run.text = run.text.replace("1500", "1800")
    edited = tmp_path / "局长改过.docx"
    document.save(str(edited))
    recent.remember("document", edited)
    assert user_catalog_dir().is_dir()
    app = make_app(None, plan)
    async with app.run_test(size=SIZE) as pilot:
        await started(app, pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"导入修改")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        app.screen.dismiss(str(edited.resolve()))
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ReviewUpdateDialog)
        assert [c.kind for c in app.screen.update.changes] == ["numbers"]
        await pilot.click("#apply")
        await pilot.pause()
        session = app.main.session
        values = [i.values.get("新增公办学位_个") for c in session.plan.chapters for i in c.items
                  if "新增公办学位_个" in i.values]
        assert values == [1800]
        assert session.dirty
    # the plan file itself is only written on Ctrl+S, like every other TUI edit
    assert "1800" not in plan.read_text(encoding="utf-8")
