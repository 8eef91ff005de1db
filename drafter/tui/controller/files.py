"""The TUI's file work in plain Python: plans in and out, recovery copies, output paths.

Why: saving, opening, starting a plan and writing recovery copies call the library the CLI
calls (`save_plan`, `load_plan`, `starter_plan`, `build_document`) and must never lose what the
user wrote; the screen only asks where and runs these in threads. No Textual here.
"""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

from drafter.model import Catalogue, DrafterError, Plan
from drafter.model.chars import visible
from drafter.model.errors import display_path
from drafter.model.plan import next_plan_year
from drafter.tui import autosave, recent
from drafter.tui.autosave import Pending, Recovery
from drafter.tui.controller.session import PlanSession
from drafter.tui.preview import Preview
from drafter.util.errors import user_message
from drafter.util.fs import safe_filename
from drafter.util.paths import documents_dir

DEFAULT_PLAN_NAME = "工作要点.yaml"
NEW_EMPTY, NEW_STARTER, NEW_IMPORT = "empty", "starter", "import"  # the new-plan answers
LATER = "\x00later"  # the pending-recovery list's "not now" answer

# answer → (what the user sees, file-name suffix, the document kind build_document makes)
OUTPUTS: dict[str, tuple[str, str, str]] = {
    "notice-docx": ("印发通知（版头、附件1要点、附件2任务分解表、版记）.docx", "-印发通知.docx",
                    "notice"),
    "notice-pdf": ("印发通知 PDF（需要 LibreOffice）", "-印发通知.pdf", "notice"),
    "plan-pdf": ("要点正文 PDF（需要 LibreOffice）", ".pdf", "plan"),
    "tasks-xlsx": ("重点任务分解表 Excel（.xlsx）", "-任务分解表.xlsx", "tasks"),
    "tasks-docx": ("重点任务分解表 Word（横向 .docx）", "-任务分解表.docx", "tasks"),
}


# ---------------------------------------------------------------------- paths typed by the user

def yaml_path_problem(text: str) -> str | None:
    path = Path(text).expanduser()
    if path.suffix.lower() not in (".yaml", ".yml"):
        return "计划文件名应以 .yaml 结尾"
    if path.is_dir():
        return "这是一个文件夹，请给出文件名"
    return None


def docx_path_problem(text: str) -> str | None:
    path = Path(text).expanduser()
    if path.suffix.lower() not in (".docx", ".pdf", ".md", ".txt"):
        return "文件名应以 .docx（或 .pdf、.md、.txt）结尾"
    if path.is_dir():
        return "这是一个文件夹，请给出文件名"
    return None


def suffix_problem(text: str, wanted: str) -> str | None:
    """An output of one kind (`wanted`: ".pdf", ".xlsx", …) must end with its suffix."""
    path = Path(text).expanduser()
    if path.suffix.lower() != wanted:
        return f"文件名应以 {wanted} 结尾"
    return "这是一个文件夹，请给出文件名" if path.is_dir() else None


def document_problem(text: str) -> str | None:
    path = Path(text).expanduser()
    return None if path.is_file() else f"找不到文件：{path}"


def default_output(plan_path: Path | None, preview: Preview) -> Path:
    """Beside the plan file; for an unsaved plan, its title in the documents folder."""
    if plan_path is not None:
        return plan_path.with_suffix(".docx")
    title = next((b.text for b in preview.blocks if b.role == "title"), "")
    return documents_dir() / f"{safe_filename(title or '工作要点')}.docx"


def output_path(base: Path, answer: str) -> tuple[Path, str]:
    """The suggested file for an `OUTPUTS` answer, and the kind of document it is."""
    _, suffix, kind = OUTPUTS[answer]
    return base.with_name(base.stem + suffix), kind


# ---------------------------------------------------------------------- plans

def read_plan(path: Path) -> tuple[Plan | None, str | None]:
    """The plan at `path`, or why it cannot be opened (Chinese, naming the file)."""
    from drafter.plans import load_plan

    try:
        return load_plan(path), None
    except DrafterError as exc:
        return None, str(exc)
    except OSError as exc:
        return None, user_message(exc)


def new_plan(catalogue: Catalogue, answer: str) -> Plan:
    """A plan for next year from the starter (clauses picked from the catalogue) or blank;
    成文日期 today by default (the user edits it)."""
    from drafter.plans import blank_plan, starter_plan

    today = dt.date.today().isoformat()
    year = next_plan_year()
    if answer == NEW_STARTER:
        return starter_plan(catalogue, date=today, year=year)
    return blank_plan(date=today, year=year)


def save(session: PlanSession, path: Path, autosaver: Autosaver) -> str | None:
    """Write the plan to `path` (atomic); None when saved, else why not. The recovery copies
    of the old and the new name go: the file holds the work now."""
    from drafter.plans import save_plan

    old = session.path
    try:
        save_plan(session.plan, path)
    except (DrafterError, OSError) as exc:
        return user_message(exc)
    session.mark_saved(path)
    recent.remember("plan", path)
    autosaver.clear(old)
    autosaver.clear(path)
    return None


# ---------------------------------------------------------------------- recovery copies

class Autosaver:
    """Recovery copies, one writer at a time; a copy asked for earlier than the latest (or
    before the plan was saved) is skipped, so an old copy never overwrites a newer one."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._seq = 0

    def ticket(self) -> int:
        """Ask for a copy; pass the number to `write` (in a thread)."""
        self._seq += 1
        return self._seq

    def write(self, plan: Plan, path: Path | None, seq: int) -> str | None:
        """Write the copy unless a newer one was asked for; the problem to show, if any."""
        with self._lock:
            if seq != self._seq:
                return None
            try:
                autosave.write_recovery(plan, path)
            except (OSError, DrafterError) as exc:
                return f"无法写入自动保存副本：{user_message(exc)}"
        return None

    def clear(self, path: Path | None) -> None:
        """Remove a recovery copy, and make sure no pending write brings it back."""
        with self._lock:
            self._seq += 1
            autosave.clear_recovery(path)


def recovery_question(plan_path: Path | None) -> str:
    name = plan_path.name if plan_path else "未命名计划"
    return f"发现“{name}”上次未保存的修改（自动保存的副本）。\n要恢复吗？"


def unreadable_message(found: Recovery) -> str:
    """A recovery copy that no longer loads: where it is kept and how it begins."""
    lines = visible(found.text).splitlines()
    shown = "\n".join(lines[:12]) + ("\n……" if len(lines) > 12 else "")
    return (f"上次自动保存的副本无法按计划读取（{found.problem[:200]}）。\n"
            f"原样保留在：{found.file}\n可用记事本打开，复制需要的内容。开头几行：\n{shown}")


def pending_choices(pending: list[Pending]) -> list[tuple[str, str]]:
    """The plans with unsaved work in a recovery copy, as (answer, label), then "later"."""
    choices = [(str(p.file), f"{display_path(p.origin)}（自动保存于 "
                f"{dt.datetime.fromtimestamp(p.saved_at):%Y-%m-%d %H:%M}）") for p in pending]
    choices.append((LATER, "以后再说（副本保留，下次启动仍会提示）"))
    return choices
