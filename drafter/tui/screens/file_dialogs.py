"""The main screen's file actions: save, open, new, render (Word and the other documents), quit,
and the recovery copies offered at start.

Why: these ask where (dialogs) and then call `controller.files`, which calls the library the
CLI calls; rendering runs in a thread worker through the same `build_document` and ends in one
`Rendered` message naming the file. Unsaved work is never lost silently: quitting with changes
asks first, and the next start offers the recovery copy back. Functions of the screen
(composition, not a mixin).
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual.message import Message

from drafter.model import Catalogue, DrafterError, Plan
from drafter.model.errors import display_path
from drafter.tui import autosave, recent
from drafter.tui.autosave import Pending, Recovery
from drafter.tui.controller import files
from drafter.tui.dialogs.choice import Choice, ChoiceDialog
from drafter.tui.dialogs.confirm import ConfirmDialog, QuitChoice, QuitDialog
from drafter.tui.dialogs.plan_choices import new_plan_dialog, open_plan_dialog
from drafter.tui.dialogs.text_input import TextInputDialog
from drafter.util.errors import user_message
from drafter.util.paths import documents_dir

if TYPE_CHECKING:
    from drafter.tui.screens.main import MainScreen


class Rendered(Message):
    """A render worker finished: the file written, or the reason it was not."""

    def __init__(self, path: Path | None, error: str | None = None) -> None:
        super().__init__()
        self.path, self.error = path, error


# ---------------------------------------------------------------------- recovery copies

def save_recovery(screen: MainScreen, plan: Plan | None = None) -> None:
    """Write the recovery copy from a snapshot (of `plan`, else the session's), off the UI
    thread (fsync is slow); a problem is shown as a warning."""
    session = screen.session
    if session is None:
        return
    saver = screen.controller.autosaver
    seq = saver.ticket()
    snapshot = copy.deepcopy(plan if plan is not None else session.plan)

    def write() -> None:
        problem = saver.write(snapshot, session.path, seq)
        if problem is not None:
            screen.app.call_from_thread(screen.notify, problem, severity="warning", timeout=5)

    screen.run_worker(write, thread=True, group="autosave", description="自动保存")


def drop_draft(screen: MainScreen) -> None:
    """A dialog cancelled: the recovery copy goes back to what the plan holds."""
    session = screen.session
    if session is not None and session.dirty:
        save_recovery(screen)
    elif session is not None:
        screen.controller.autosaver.clear(session.path)


# ---------------------------------------------------------------------- recovery at start

def offer_recovery(screen: MainScreen, then: Callable[[], None] | None = None) -> None:
    """After loading: if a recovery copy differs from what was opened, offer it; `then`
    runs once that question is answered (or at once when there is none)."""
    session = screen.session
    if session is None:
        return
    found = autosave.read_recovery(session.path)
    if found is not None and found.plan is None:
        offer_unreadable(screen, found, then)
        return
    recovered = found.plan if found is not None else None
    if recovered is None or recovered == session.plan:
        if found is not None:
            screen.controller.autosaver.clear(session.path)
        if then is not None:
            then()
        return

    def done(restore: bool | None) -> None:
        if restore:
            session.replace_plan(recovered, session.path, dirty=True)
            screen.refresh_views()
            screen.notify("已恢复上次未保存的修改", timeout=4)
        else:
            screen.controller.autosaver.clear(session.path)
        if then is not None:
            then()

    screen.app.push_screen(ConfirmDialog(files.recovery_question(session.path),
                                         yes="恢复", no="丢弃"), done)


def offer_pending(screen: MainScreen) -> None:
    """At a plain start: every named plan with unsaved work in a recovery copy newer than
    the plan file, listed to pick one and restore it. "Later" keeps every copy."""
    pending = autosave.pending_recoveries()
    if not pending:
        return
    choices: list[Choice] = list(files.pending_choices(pending))
    by_file = {str(p.file): p for p in pending}

    def chosen(answer: str | None) -> None:
        item = by_file.get(answer or "")
        if item is not None:
            restore_pending(screen, item)

    screen.app.push_screen(ChoiceDialog(
        "以下计划有未保存的修改（自动保存的副本比计划文件新）。选择一个打开并恢复：",
        choices), chosen)


def restore_pending(screen: MainScreen, pending: Pending) -> None:
    """Open the plan of a recovery copy with the copy's content (unsaved, marked *)."""
    session = screen.session
    found = autosave.read_recovery(pending.origin)
    if session is None or found is None:
        return
    if found.plan is None:
        offer_unreadable(screen, found)
        return
    session.replace_plan(found.plan, pending.origin, dirty=True)
    recent.remember("plan", pending.origin)
    screen.refresh_views()
    screen.notify(f"已恢复“{pending.origin.name}”上次未保存的修改，保存后才写入计划文件",
                  timeout=6)


def offer_unreadable(screen: MainScreen, found: Recovery,
                     then: Callable[[], None] | None = None) -> None:
    """A recovery copy that no longer loads: kept aside and shown as text, never dropped."""
    screen.app.push_screen(ConfirmDialog(files.unreadable_message(found), yes="知道了",
                                         no="关闭"),
                           (lambda _answer: then()) if then is not None else None)


# ---------------------------------------------------------------------- save, open, new

def save_to(screen: MainScreen, path: Path) -> bool:
    session = screen.session
    if session is None:
        return False
    problem = files.save(session, path, screen.controller.autosaver)
    if problem is not None:
        screen.notify(problem, title="保存失败", severity="error", timeout=10)
        return False
    screen.update_title()
    screen.notify(f"已保存：{display_path(path)}", timeout=4)
    return True


def save(screen: MainScreen) -> None:
    session = screen.session
    if session is not None and session.path is not None:
        save_to(screen, session.path)
    elif session is not None:
        save_as(screen)


def save_as(screen: MainScreen, *, then_quit: bool = False) -> None:
    session = screen.session
    if session is None:
        return
    initial = str(session.path or documents_dir() / files.DEFAULT_PLAN_NAME)

    def done(answer: str | None) -> None:
        if answer is not None and save_to(screen, Path(answer).expanduser()) and then_quit:
            screen.app.exit()

    screen.app.push_screen(TextInputDialog("保存计划为（YAML 文件路径）：", initial,
                                           validate=files.yaml_path_problem), done)


def _unless_unsaved(screen: MainScreen, then: Callable[[], None], question: str) -> None:
    """Run `then()` now, or after the user agrees to drop unsaved changes."""
    session = screen.session
    if session is None or not session.dirty:
        then()
        return
    screen.app.push_screen(ConfirmDialog(question, yes="继续", no="取消"),
                           lambda ok: then() if ok else None)


def open_plan(screen: MainScreen) -> None:
    from drafter.tui.screens.import_dialogs import choose_file

    def ask() -> None:
        if not recent.recent("plan"):
            screen.app.push_screen(open_plan_dialog(), partial(open_path, screen))
            return
        choose_file(screen, "plan", "打开计划", lambda path: open_path(screen, str(path)))

    _unless_unsaved(screen, ask, "当前计划有未保存的修改，打开其他计划会放弃这些修改。继续吗？")


def open_path(screen: MainScreen, answer: str | None) -> None:
    session = screen.session
    if answer is None or session is None:
        return
    path = Path(answer).expanduser()
    plan, problem = files.read_plan(path)
    if plan is None:
        screen.notify(problem or "", title="无法打开计划", severity="error", timeout=15)
        return
    screen.controller.autosaver.clear(session.path)
    recent.remember("plan", path)
    session.replace_plan(plan, path)
    screen.refresh_views(autosave=False)
    screen.notify(f"已打开：{path}", timeout=3)
    offer_recovery(screen)


def new_plan(screen: MainScreen) -> None:
    def ask() -> None:
        screen.app.push_screen(new_plan_dialog(), partial(start_new, screen))

    _unless_unsaved(screen, ask, "当前计划有未保存的修改，新建计划会放弃这些修改。继续吗？")


def start_new(screen: MainScreen, answer: str | None) -> None:
    from drafter.tui.screens.import_dialogs import start_import

    session = screen.session
    if answer is None or session is None:
        return
    if answer == files.NEW_IMPORT:
        start_import(screen)
        return
    plan = files.new_plan(session.catalogue, answer)
    screen.controller.autosaver.clear(session.path)
    session.replace_plan(plan, None, dirty=bool(plan.chapters))
    screen.refresh_views()


# ---------------------------------------------------------------------- documents

def _refused(screen: MainScreen) -> bool:
    """True (and the user told why, on the 参数 tab) when values are missing or invalid:
    no document of any kind is made from a plan with gaps."""
    reason = screen.controller.gaps_refusal()
    if reason is None:
        return screen.session is None
    screen.notify(reason, title="无法生成", severity="error", timeout=6)
    screen.action_show_tab("tab-values")
    return True


def _ask_output(screen: MainScreen, title: str, default: Path,
                validate: Callable[[str], str | None], kind: str) -> None:
    """Where to write; a file that exists is replaced only when the user says so."""
    def confirm(text: str | None) -> None:
        if text is None:
            return
        out = Path(text).expanduser()
        if out.exists():
            screen.app.push_screen(
                ConfirmDialog(f"文件已存在：{out}\n要覆盖吗？", yes="覆盖", no="取消"),
                lambda ok: _start(screen, out, kind) if ok else None)
        else:
            _start(screen, out, kind)

    screen.app.push_screen(TextInputDialog(title, str(default), validate=validate), confirm)


def render(screen: MainScreen) -> None:
    """Ctrl+R: the plan as a Word document (or .pdf/.md/.txt by the name's suffix)."""
    if not _refused(screen):
        _ask_output(screen, "生成 Word 文档到：", screen.controller.default_output(),
                    files.docx_path_problem, "plan")


def render_as(screen: MainScreen) -> None:
    """`g`: which document (notice, PDF, task table), then where."""
    if _refused(screen):
        return
    choices: list[Choice] = [(key, label) for key, (label, _, _) in files.OUTPUTS.items()]

    def chosen(answer: str | None) -> None:
        if answer is None:
            return
        default, kind = files.output_path(screen.controller.default_output(), answer)
        _ask_output(screen, "生成到：", default,
                    partial(files.suffix_problem, wanted=default.suffix), kind)

    screen.app.push_screen(ChoiceDialog("生成哪种文档？", choices), chosen)


def _start(screen: MainScreen, out: Path, kind: str) -> None:
    session = screen.session
    if session is None:
        return
    screen.notify(f"正在生成：{out.name}……", timeout=2)
    work = partial(_render_worker, screen, copy.deepcopy(session.plan), session.catalogue,
                   out, kind)
    screen.run_worker(work, thread=True, exclusive=True, group="render",
                      description="生成文档")


def _render_worker(screen: MainScreen, plan: Plan, catalogue: Catalogue, out: Path,
                   kind: str) -> None:
    from drafter.render import build_document

    try:
        path = build_document(plan, catalogue, out, fmt=None, force=True,
                              tasks=kind == "tasks", notice=kind == "notice")
    except (DrafterError, OSError) as exc:
        screen.post_message(Rendered(None, user_message(exc)))
        return
    screen.post_message(Rendered(path))


def rendered(screen: MainScreen, message: Rendered) -> None:
    if message.path is None:
        screen.notify(message.error or "", title="生成失败", severity="error", timeout=15)
    else:
        screen.notify(f"已生成：{message.path}", title="文档已生成", timeout=8)


# ---------------------------------------------------------------------- quit

def request_quit(screen: MainScreen) -> None:
    session = screen.session
    if session is None or not session.dirty:
        if session is not None:
            screen.controller.autosaver.clear(session.path)
        screen.app.exit()
        return

    def done(choice: QuitChoice | None) -> None:
        if choice == "discard":
            screen.controller.autosaver.clear(session.path)
            screen.app.exit()
        elif choice == "save":
            if session.path is None:
                save_as(screen, then_quit=True)
            elif save_to(screen, session.path):
                screen.app.exit()

    screen.app.push_screen(QuitDialog(), done)
