"""The main screen's import actions: start a plan from last year's document (Ctrl+N → 从往年文件
导入) and take a leader's Word edits back (导入修改, Ctrl+U), plus the file chooser they share.

Why: both choose a document (recent files, a real file picker, or a typed path), run
`controller.imports` in a thread worker and post one message with the result; the answer is
shown, reviewed, then applied to the session. Functions of the screen (composition).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual.message import Message

from drafter.model import Catalogue, DrafterError, Plan
from drafter.tui import recent
from drafter.tui.controller import files, imports
from drafter.tui.controller.imports import Imported
from drafter.tui.dialogs.file_picker import BROWSE, TYPE_PATH, picker, recent_dialog
from drafter.tui.dialogs.text_input import TextInputDialog

if TYPE_CHECKING:
    from drafter.plans import Update
    from drafter.tui.screens.main import MainScreen


class DocumentImported(Message):
    """An import worker finished: the plan and catalogue made, or why not."""

    def __init__(self, source: Path, result: Imported | None, error: str | None = None
                 ) -> None:
        super().__init__()
        self.source, self.result, self.error = source, result, error


class EditsCompared(Message):
    """A compare worker finished: the changes of an edited copy, or why not."""

    def __init__(self, source: Path, update: Update | None, error: str | None = None) -> None:
        super().__init__()
        self.source, self.update, self.error = source, update, error


def choose_file(screen: MainScreen, kind: str, title: str, then: Callable[[Path], None]
                ) -> None:
    """Recent files, the picker or a typed path; `then(path)` with the chosen file."""
    def picked(path: str | None) -> None:
        if path:
            then(Path(path).expanduser())

    def chosen(answer: str | None) -> None:
        if answer is None:
            return
        if answer == BROWSE:
            screen.app.push_screen(picker(kind), lambda p: picked(str(p) if p else None))
        elif answer == TYPE_PATH:
            screen.app.push_screen(TextInputDialog(f"{title}（文件路径）：", "",
                                                   validate=files.document_problem), picked)
        else:
            then(Path(answer))

    screen.app.push_screen(recent_dialog(title, recent.recent(kind)), chosen)


# ---------------------------------------------------------------------- a plan from a document

def start_import(screen: MainScreen) -> None:
    choose_file(screen, "document", "从往年文件导入", partial(_run_import, screen))


def _run_import(screen: MainScreen, path: Path) -> None:
    folder = imports.import_target(screen.controller.catalog_dir)
    screen.run_worker(partial(_import_worker, screen, path, folder), thread=True,
                      exclusive=True, group="import", description="导入往年文件")


def _import_worker(screen: MainScreen, path: Path, folder: Path) -> None:
    try:
        result = imports.import_into_catalogue(path, folder)
    except (DrafterError, OSError) as exc:
        screen.post_message(DocumentImported(path, None, imports.import_problem(path, exc)))
        return
    screen.post_message(DocumentImported(path, result))


def imported(screen: MainScreen, message: DocumentImported) -> None:
    from drafter.catalog import overlay_catalogue

    session, result = screen.session, message.result
    if session is None:
        return
    if message.error or result is None:
        screen.notify(message.error or "导入失败", title="无法导入", severity="error",
                      timeout=15)
        return
    recent.remember("document", message.source)
    session.catalogue = overlay_catalogue(session.catalogue, result.catalogue)
    screen.browser.show_catalogue(session.catalogue)
    screen.browser.build_index(session.catalogue)
    screen.controller.autosaver.clear(session.path)
    session.replace_plan(result.plan, None, dirty=True)
    screen.refresh_views()
    screen.notify(result.notice(), timeout=8)


# ---------------------------------------------------------------------- take edits back

def import_edits(screen: MainScreen) -> None:
    choose_file(screen, "document", "导入修改：选择改过的 Word 文档",
                partial(_run_compare, screen))


def _run_compare(screen: MainScreen, path: Path) -> None:
    session = screen.session
    if session is None:
        return
    work = partial(_compare_worker, screen, session.snapshot(), session.catalogue, path)
    screen.run_worker(work, thread=True, exclusive=True, group="import",
                      description="比对修改")


def _compare_worker(screen: MainScreen, plan: Plan, catalogue: Catalogue, path: Path) -> None:
    try:
        update = imports.compare_edits(plan, catalogue, path)
    except DrafterError as exc:
        screen.post_message(EditsCompared(path, None, str(exc)))
        return
    screen.post_message(EditsCompared(path, update))


def compared(screen: MainScreen, message: EditsCompared) -> None:
    from drafter.plans import apply
    from drafter.tui.dialogs.review_update import ReviewUpdateDialog

    session, update = screen.session, message.update
    if session is None:
        return
    if message.error or update is None:
        screen.notify(message.error or "无法比对", title="无法导入修改", severity="error",
                      timeout=15)
        return
    recent.remember("document", message.source)
    if not update.changes:
        screen.notify(f"{message.source.name} 与当前计划一致，没有需要导入的修改。", timeout=6)
        return

    def done(ok: bool | None) -> None:
        if ok:
            updated = apply(session.plan, session.catalogue, update)
            session.replace_plan(updated, session.path, dirty=True)
            screen.refresh_views()
            screen.notify(f"已应用 {len(update.changes)} 处修改；请按 Ctrl+S 保存计划。",
                          timeout=6)

    screen.app.push_screen(ReviewUpdateDialog(message.source.name, update), done)
