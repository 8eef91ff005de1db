"""The main screen's import actions: start a plan from last year's document (Ctrl+N → 从往年文件
导入) and take a leader's Word edits back (导入修改, in the command palette).

Why here: both read documents and write the user's catalogue, which no other screen action
does. They call the same library functions as `drafter import` (readers, `mine.to_plan`,
`plans.update`) in thread workers, and post one message with the result. Files are chosen with
the recent-files list and a real file picker. Mixed into `MainScreen`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.message import Message

from drafter.model import Catalogue, DrafterError, Plan
from drafter.tui import recent
from drafter.tui.dialogs.file_picker import BROWSE, TYPE_PATH, picker, recent_dialog
from drafter.tui.dialogs.text_input import TextInputDialog

if TYPE_CHECKING:
    from drafter.plans import Update
    from drafter.tui.screens.main import MainScreen

    _Base = MainScreen
else:
    _Base = object


class DocumentImported(Message):
    """An import worker finished: the new plan and catalogue, or why not."""

    def __init__(self, source: Path, plan: Plan | None, catalogue: Catalogue | None,
                 folder: Path | None, error: str | None = None) -> None:
        super().__init__()
        self.source, self.plan, self.catalogue = source, plan, catalogue
        self.folder, self.error = folder, error


class EditsCompared(Message):
    """A compare worker finished: the changes of an edited copy, or why not."""

    def __init__(self, source: Path, update: Update | None, error: str | None = None) -> None:
        super().__init__()
        self.source, self.update, self.error = source, update, error


def _document_problem(text: str) -> str | None:
    path = Path(text).expanduser()
    if not path.is_file():
        return f"找不到文件：{path}"
    return None


class ImportActions(_Base):
    # ------------------------------------------------------------------ choose a file

    def choose_file(self, kind: str, title: str, then: object) -> None:
        """Recent files, the picker or a typed path; `then(path)` with the chosen file."""
        def chosen(answer: str | None) -> None:
            if answer is None:
                return
            if answer == BROWSE:
                self.app.push_screen(picker(kind), lambda p: p and then(Path(p)))  # type: ignore[operator]
            elif answer == TYPE_PATH:
                self.app.push_screen(TextInputDialog(f"{title}（文件路径）：", "",
                                                     validate=_document_problem),
                                     lambda t: t and then(Path(t).expanduser()))  # type: ignore[operator]
            else:
                then(Path(answer))  # type: ignore[operator]

        self.app.push_screen(recent_dialog(title, recent.recent(kind)), chosen)

    # ------------------------------------------------------------------ import a document

    def start_import(self) -> None:
        self.choose_file("document", "从往年文件导入", self.import_document)

    def import_target(self) -> Path:
        """The user's catalogue, or the catalogue folder the TUI was opened on (never the
        bundled one)."""
        from drafter.util.paths import bundled_catalog_dir, user_catalog_dir

        folder = self.catalog_dir
        if folder is None or folder.resolve() == bundled_catalog_dir().resolve():
            return user_catalog_dir()
        return folder

    @work(thread=True, exclusive=True, group="import", description="导入往年文件")
    def import_document(self, path: Path) -> None:
        from drafter.catalog import (
            has_catalogue,
            load_catalogue,
            save_catalogue,
            seed_from_bundled,
        )
        from drafter.check import stale_flags
        from drafter.mine import import_document, mine_source, read_document
        from drafter.util.fs import folder_lock, recover_folder, replace_folder
        from drafter.util.paths import user_catalog_dir

        folder = self.import_target()
        try:
            source = read_document(path)
            doc = mine_source(source)
            if not doc.items():
                raise DrafterError.one("文档中没有找到条目（一、二、… 章和 1. 2. … 条）",
                                       file=str(path))
            with folder_lock(folder, "导入"):  # swapped in whole, as `drafter import` does
                recover_folder(folder)
                existing = load_catalogue(folder) if has_catalogue(folder) else None
                result = import_document(doc, existing=existing, flagger=stale_flags,
                                         raw_lines=source.lines)
                # As `drafter import` does: never shadow a bundled clause's variants.
                seeded = (seed_from_bundled(existing, result.catalogue)
                          if folder == user_catalog_dir() else None)
                if seeded is not None:
                    result = import_document(doc, existing=seeded, flagger=stale_flags,
                                             raw_lines=source.lines)
                replace_folder(folder, lambda new: save_catalogue(
                    result.catalogue, new, comments_from=folder, warm=False))
        except DrafterError as exc:
            self.post_message(DocumentImported(path, None, None, None, str(exc)))
            return
        except OSError as exc:
            self.post_message(DocumentImported(path, None, None, None,
                                               f"无法读写 {exc.filename or path}：{exc.strerror}"))
            return
        self.post_message(DocumentImported(path, result.plan, result.catalogue, folder))

    def on_document_imported(self, message: DocumentImported) -> None:
        from drafter.catalog import overlay_catalogue
        from drafter.tui.widgets.catalogue_tree import ClauseTree

        session = self.session
        if session is None:
            return
        if message.error or message.plan is None or message.catalogue is None:
            self.notify(message.error or "导入失败", title="无法导入", severity="error",
                        timeout=15)
            return
        recent.remember("document", message.source)
        session.catalogue = overlay_catalogue(session.catalogue, message.catalogue)
        self.query_one(ClauseTree).show(session.catalogue, hide_summary=self.hide_summary)
        self.build_index(session.catalogue)
        self.clear_recovery(session.path)
        session.replace_plan(message.plan, None, dirty=True)
        self.refresh_views()
        items = sum(len(c.items) for c in message.plan.chapters)
        self.notify(f"已从 {message.source.name} 导入 {len(message.plan.chapters)} 章 {items} 条；"
                    f"条目已并入目录 {message.folder}。请按 Ctrl+S 保存计划。", timeout=8)

    # ------------------------------------------------------------------ take edits back

    def action_import_edits(self) -> None:
        self.choose_file("document", "导入修改：选择改过的 Word 文档", self.compare_edits)

    @work(thread=True, exclusive=True, group="import", description="比对修改")
    def compare_edits(self, path: Path) -> None:
        from drafter.mine import read_document
        from drafter.model.identity import is_identity
        from drafter.plans import compare
        from drafter.render import render_blocks

        session = self.session
        if session is None:
            return
        try:
            blocks = render_blocks(session.plan, session.catalogue)
            source = read_document(path)
            if not any(is_identity(m) for m in source.marks.values()):
                raise DrafterError.one("这份文档中没有 drafter 的条目标记，无法与计划逐条对应",
                                       file=str(path),
                                       hint="请选择由本计划生成、再在 Word/WPS 中修改的 .docx")
            paragraphs = [(line, source.marks.get(i)) for i, line in enumerate(source.lines)]
            update = compare(session.plan, session.catalogue, blocks, paragraphs)
        except DrafterError as exc:
            self.post_message(EditsCompared(path, None, str(exc)))
            return
        self.post_message(EditsCompared(path, update))

    def on_edits_compared(self, message: EditsCompared) -> None:
        from drafter.plans import apply
        from drafter.tui.dialogs.review_update import ReviewUpdateDialog

        session = self.session
        update = message.update
        if session is None:
            return
        if message.error or update is None:
            self.notify(message.error or "无法比对", title="无法导入修改", severity="error",
                        timeout=15)
            return
        recent.remember("document", message.source)
        if not update.changes:
            self.notify(f"{message.source.name} 与当前计划一致，没有需要导入的修改。", timeout=6)
            return

        def done(ok: bool | None) -> None:
            if not ok:
                return
            updated = apply(session.plan, session.catalogue, update)
            session.replace_plan(updated, session.path, dirty=True)
            self.refresh_views()
            self.notify(f"已应用 {len(update.changes)} 处修改；请按 Ctrl+S 保存计划。", timeout=6)

        self.app.push_screen(ReviewUpdateDialog(message.source.name, update), done)
