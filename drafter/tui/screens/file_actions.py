"""The main screen's file actions: save, open, new, render to .docx, quit, autosave recovery.

Why: these are the actions that touch files. Each calls the library function the CLI calls
(`save_plan`, `load_plan`, `starter_plan`, `build_document`); rendering runs in a thread
worker and ends in one notification naming the file. Unsaved work is never lost silently:
every change writes a recovery copy, quitting with changes asks first, and the next start
offers the copy back. Mixed into `MainScreen`.
"""

from __future__ import annotations

import copy
import datetime as _dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.message import Message

from drafter.model import DrafterError, Plan
from drafter.model.errors import display_path
from drafter.model.plan import next_plan_year
from drafter.tui import autosave, recent
from drafter.tui.autosave import Pending, Recovery
from drafter.tui.dialogs.choice import Choice, ChoiceDialog
from drafter.tui.dialogs.confirm import ConfirmDialog, QuitChoice, QuitDialog
from drafter.tui.dialogs.plan_choices import (
    NEW_IMPORT,
    NEW_STARTER,
    new_plan_dialog,
    open_plan_dialog,
)
from drafter.tui.dialogs.text_input import TextInputDialog
from drafter.util.errors import user_message
from drafter.util.fs import safe_filename
from drafter.util.paths import documents_dir

if TYPE_CHECKING:
    from drafter.tui.screens.main import MainScreen

    _Base = MainScreen
else:
    _Base = object

DEFAULT_PLAN_NAME = "工作要点.yaml"
_LATER = "\x00later"  # the pending-recovery list's "not now" answer


def _yaml_path_problem(text: str) -> str | None:
    path = Path(text).expanduser()
    if path.suffix.lower() not in (".yaml", ".yml"):
        return "计划文件名应以 .yaml 结尾"
    if path.is_dir():
        return "这是一个文件夹，请给出文件名"
    return None


def _docx_path_problem(text: str) -> str | None:
    path = Path(text).expanduser()
    if path.suffix.lower() not in (".docx", ".pdf", ".md", ".txt"):
        return "文件名应以 .docx（或 .pdf、.md、.txt）结尾"
    if path.is_dir():
        return "这是一个文件夹，请给出文件名"
    return None


class Rendered(Message):
    """A render worker finished: the file written, or the reason it was not."""

    def __init__(self, path: Path | None, error: str | None = None) -> None:
        super().__init__()
        self.path, self.error = path, error


class FileActions(_Base):
    """Files: plan YAML in and out, the Word document, recovery copies."""

    # ------------------------------------------------------------------ autosave

    def autosave(self, plan: Plan | None = None) -> None:
        """Write the recovery copy from a snapshot (of `plan`, else the session's), off the UI
        thread (fsync is slow)."""
        session = self.session
        if session is not None:
            self._autosave_seq += 1
            snapshot = copy.deepcopy(plan if plan is not None else session.plan)
            self.autosave_worker(snapshot, session.path, self._autosave_seq)

    @work(thread=True, group="autosave", description="自动保存")
    def autosave_worker(self, plan: Plan, path: Path | None, seq: int) -> None:
        with self._autosave_lock:
            if seq != self._autosave_seq:
                return  # a newer copy is on its way, or the plan was saved meanwhile
            try:
                autosave.write_recovery(plan, path)
            except (OSError, DrafterError) as exc:
                self.app.call_from_thread(self.notify,
                                          f"无法写入自动保存副本：{user_message(exc)}",
                                          severity="warning", timeout=5)

    def clear_recovery(self, path: Path | None) -> None:
        """Remove a recovery copy, and make sure no pending autosave writes it again."""
        with self._autosave_lock:
            self._autosave_seq += 1
            autosave.clear_recovery(path)

    def offer_recovery(self, then: Callable[[], None] | None = None) -> None:
        """After loading: if a recovery copy differs from what was opened, offer it; `then`
        runs once that question is answered (or at once when there is none)."""
        session = self.session
        if session is None:
            return
        found = autosave.read_recovery(session.path)
        if found is not None and found.plan is None:
            self.offer_unreadable(found, then)
            return
        if found is None or found.plan == session.plan:
            if found is not None:
                self.clear_recovery(session.path)
            if then is not None:
                then()
            return
        name = session.path.name if session.path else "未命名计划"

        def done(restore: bool | None) -> None:
            if restore:
                session.replace_plan(found.plan, session.path, dirty=True)
                self.refresh_views()
                self.notify("已恢复上次未保存的修改", timeout=4)
            else:
                self.clear_recovery(session.path)
            if then is not None:
                then()

        self.app.push_screen(
            ConfirmDialog(f"发现“{name}”上次未保存的修改（自动保存的副本）。\n要恢复吗？",
                          yes="恢复", no="丢弃"), done)

    def offer_pending(self) -> None:
        """At a plain start: every named plan with unsaved work in a recovery copy newer than
        the plan file, listed to pick one and restore it (before issue 13 it was offered only
        when that plan was opened by name). "Later" keeps every copy for the next start."""
        pending = autosave.pending_recoveries()
        if not pending:
            return
        choices: list[Choice] = [
            (str(p.file), f"{display_path(p.origin)}（自动保存于 "
                          f"{_dt.datetime.fromtimestamp(p.saved_at):%Y-%m-%d %H:%M}）")
            for p in pending]
        choices.append((_LATER, "以后再说（副本保留，下次启动仍会提示）"))
        by_file = {str(p.file): p for p in pending}

        def chosen(answer: str | None) -> None:
            item = by_file.get(answer or "")
            if item is not None:
                self.restore_pending(item)

        self.app.push_screen(ChoiceDialog(
            "以下计划有未保存的修改（自动保存的副本比计划文件新）。选择一个打开并恢复：",
            choices), chosen)

    def restore_pending(self, pending: Pending) -> None:
        """Open the plan of a recovery copy with the copy's content (unsaved, marked *)."""
        session = self.session
        found = autosave.read_recovery(pending.origin)
        if session is None or found is None:
            return
        if found.plan is None:
            self.offer_unreadable(found)
            return
        session.replace_plan(found.plan, pending.origin, dirty=True)
        recent.remember("plan", pending.origin)
        self.refresh_views()
        self.notify(f"已恢复“{pending.origin.name}”上次未保存的修改，保存后才写入计划文件",
                    timeout=6)

    def offer_unreadable(self, found: Recovery, then: Callable[[], None] | None = None
                         ) -> None:
        """A recovery copy that no longer loads: kept aside and shown as text, never dropped."""
        from drafter.model.chars import visible

        lines = visible(found.text).splitlines()
        shown = "\n".join(lines[:12]) + ("\n……" if len(lines) > 12 else "")
        message = (f"上次自动保存的副本无法按计划读取（{found.problem[:200]}）。\n"
                   f"原样保留在：{found.file}\n可用记事本打开，复制需要的内容。开头几行：\n{shown}")
        self.app.push_screen(ConfirmDialog(message, yes="知道了", no="关闭"),
                             (lambda _answer: then()) if then is not None else None)

    # ------------------------------------------------------------------ save

    def save_to(self, path: Path) -> bool:
        from drafter.plans import save_plan

        session = self.session
        if session is None:
            return False
        old = session.path
        try:
            save_plan(session.plan, path)
        except (DrafterError, OSError) as exc:
            self.notify(user_message(exc), title="保存失败", severity="error", timeout=10)
            return False
        session.mark_saved(path)
        recent.remember("plan", path)
        self.clear_recovery(old)
        self.clear_recovery(path)
        self.update_title()
        self.notify(f"已保存：{display_path(path)}", timeout=4)
        return True

    def action_save(self) -> None:
        session = self.session
        if session is None:
            return
        if session.path is not None:
            self.save_to(session.path)
        else:
            self.action_save_as()

    def action_save_as(self, then_quit: bool = False) -> None:
        session = self.session
        if session is None:
            return
        initial = str(session.path or documents_dir() / DEFAULT_PLAN_NAME)

        def done(answer: str | None) -> None:
            if answer is not None and self.save_to(Path(answer).expanduser()) and then_quit:
                self.app.exit()

        self.app.push_screen(TextInputDialog("保存计划为（YAML 文件路径）：", initial,
                                             validate=_yaml_path_problem), done)

    # ------------------------------------------------------------------ open / new

    def _unless_unsaved(self, then: Callable[[], None], question: str) -> None:
        """Run `then()` now, or after the user agrees to drop unsaved changes."""
        session = self.session
        if session is None or not session.dirty:
            then()
            return

        def done(ok: bool | None) -> None:
            if ok:
                then()

        self.app.push_screen(ConfirmDialog(question, yes="继续", no="取消"), done)

    def action_open_plan(self) -> None:
        def ask() -> None:
            if not recent.recent("plan"):
                self.app.push_screen(open_plan_dialog(), self.open_path)
                return
            self.choose_file("plan", "打开计划", lambda path: self.open_path(str(path)))

        self._unless_unsaved(ask, "当前计划有未保存的修改，打开其他计划会放弃这些修改。继续吗？")

    def open_path(self, answer: str | None) -> None:
        from drafter.plans import load_plan

        session = self.session
        if answer is None or session is None:
            return
        path = Path(answer).expanduser()
        try:
            plan = load_plan(path)
        except DrafterError as exc:
            self.notify(str(exc), title="无法打开计划", severity="error", timeout=15)
            return
        except OSError as exc:
            self.notify(user_message(exc), title="无法打开计划",
                        severity="error", timeout=15)
            return
        self.clear_recovery(session.path)
        recent.remember("plan", path)
        session.replace_plan(plan, path)
        self.refresh_views(autosave=False)
        self.notify(f"已打开：{path}", timeout=3)
        self.offer_recovery()

    def action_new_plan(self) -> None:
        def ask() -> None:
            self.app.push_screen(new_plan_dialog(), self.start_new)

        self._unless_unsaved(ask, "当前计划有未保存的修改，新建计划会放弃这些修改。继续吗？")

    def start_new(self, answer: str | None) -> None:
        import datetime as dt

        from drafter.plans import blank_plan, starter_plan

        session = self.session
        if answer is None or session is None:
            return
        if answer == NEW_IMPORT:
            self.start_import()
            return
        today = dt.date.today().isoformat()  # 成文日期 on by default; the user edits it (i)
        year = next_plan_year()
        plan = (starter_plan(session.catalogue, date=today, year=year) if answer == NEW_STARTER
                else blank_plan(date=today, year=year))
        self.clear_recovery(session.path)
        session.replace_plan(plan, None, dirty=bool(plan.chapters))
        self.refresh_views()

    # ------------------------------------------------------------------ render

    def default_output(self) -> Path:
        session = self.session
        if session is not None and session.path is not None:
            return session.path.with_suffix(".docx")
        title = next((b.text for b in self.preview.blocks if b.role == "title"), "")
        return documents_dir() / f"{safe_filename(title or '工作要点')}.docx"

    def refuse_with_gaps(self) -> bool:
        """True (and the user told why, on the 参数 tab) when values are missing or invalid:
        no document of any kind is made from a plan with gaps."""
        if not self.preview.gaps:
            return False
        self.notify(f"还有 {len(self.preview.gaps)} 项参数未填或有误，请先在“参数”页填写",
                    title="无法生成", severity="error", timeout=6)
        self.action_show_tab("tab-values")
        return True

    def action_render(self) -> None:
        session = self.session
        if session is None or self.refuse_with_gaps():
            return

        def confirm(answer: str | None) -> None:
            if answer is None:
                return
            out = Path(answer).expanduser()
            if out.exists():
                self.app.push_screen(
                    ConfirmDialog(f"文件已存在：{out}\n要覆盖吗？", yes="覆盖", no="取消"),
                    lambda ok: self.render_to(out) if ok else None)
            else:
                self.render_to(out)

        self.app.push_screen(TextInputDialog("生成 Word 文档到：", str(self.default_output()),
                                             validate=_docx_path_problem), confirm)

    def render_to(self, out: Path) -> None:
        session = self.session
        if session is None:
            return
        self.notify(f"正在生成：{out.name}……", timeout=2)
        self.render_worker(copy.deepcopy(session.plan), out)

    @work(thread=True, exclusive=True, group="render", description="生成文档")
    def render_worker(self, plan: Plan, out: Path) -> None:
        from drafter.render import build_document

        session = self.session
        assert session is not None
        try:
            path = build_document(plan, session.catalogue, out, fmt=None, force=True)
        except (DrafterError, OSError) as exc:
            self.post_message(Rendered(None, user_message(exc)))
            return
        self.post_message(Rendered(path))

    def on_rendered(self, message: Rendered) -> None:
        if message.path is None:
            self.notify(message.error or "", title="生成失败", severity="error", timeout=15)
        else:
            self.notify(f"已生成：{message.path}", title="文档已生成", timeout=8)

    # ------------------------------------------------------------------ quit

    def action_request_quit(self) -> None:
        session = self.session
        if session is None or not session.dirty:
            if session is not None:
                self.clear_recovery(session.path)
            self.app.exit()
            return

        def done(choice: QuitChoice | None) -> None:
            if choice == "discard":
                self.clear_recovery(session.path)
                self.app.exit()
            elif choice == "save":
                if session.path is None:
                    self.action_save_as(then_quit=True)
                elif self.save_to(session.path):
                    self.app.exit()

        self.app.push_screen(QuitDialog(), done)
