"""Recovery copies of the plan being edited, so a closed terminal loses nothing.

Why: the TUI writes a recovery copy (plan YAML, atomic) on every change, under
`user_data_dir()/autosave/`, one file per plan file, and one per window for untitled plans
(`未命名-<process id>.yaml`: two untitled windows never overwrite each other). On the next
start the app offers to restore it — an untitled copy whose window is gone is adopted by the
new window, one per start. A copy that no longer loads is never dropped or overwritten: it is
moved aside (`*.unreadable-<time>.yaml`) and offered as text. A save or a deliberate discard
removes a copy. This module only reads and writes those copies; it never touches the user's
own plan file.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from drafter.model import DrafterError, Plan
from drafter.util.fs import atomic_write_text
from drafter.util.paths import user_data_dir

_ORIGIN = "# 原文件："
_UNTITLED = "未命名"
OWNER = str(os.getpid())  # this window's untitled copy


@dataclass
class Recovery:
    plan: Plan | None  # None when the copy no longer loads: then `text` holds it
    origin: Path | None  # the plan file it belongs to; None for an untitled plan
    file: Path  # the recovery copy itself (for an unreadable one: where it was moved)
    text: str = ""
    problem: str = ""  # why it does not load (Chinese)


def recovery_dir() -> Path:
    return user_data_dir() / "autosave"


def recovery_path(plan_path: Path | None) -> Path:
    """The recovery file for a plan file (by its absolute path), or the untitled one."""
    if plan_path is None:
        return recovery_dir() / f"{_UNTITLED}-{OWNER}.yaml"
    digest = hashlib.sha1(str(Path(plan_path).resolve()).encode("utf-8")).hexdigest()[:12]
    return recovery_dir() / f"{Path(plan_path).stem[:40]}-{digest}.yaml"


def write_recovery(plan: Plan, plan_path: Path | None) -> Path:
    """Write the recovery copy atomically; returns its path."""
    from drafter.plans import plan_to_yaml

    origin = f"{_ORIGIN}{Path(plan_path).resolve() if plan_path else _UNTITLED}\n"
    target = recovery_path(plan_path)
    atomic_write_text(target, origin + plan_to_yaml(plan))
    return target


def _alive(pid: str) -> bool:
    try:
        os.kill(int(pid), 0)
    except (ValueError, ProcessLookupError):
        return False
    except OSError:  # exists, owned by someone else
        return True
    return True


def _orphan_untitled() -> Path | None:
    """The newest untitled copy whose window is gone (or this window's own)."""
    mine = recovery_path(None)
    if mine.is_file():
        return mine
    found = []
    for file in recovery_dir().glob(f"{_UNTITLED}*.yaml"):
        owner = file.stem[len(_UNTITLED) + 1:]
        if ".unreadable-" in file.name or owner == OWNER or (owner and _alive(owner)):
            continue
        found.append(file)
    if not found:
        return None
    newest = max(found, key=lambda f: f.stat().st_mtime_ns)
    os.replace(newest, mine)  # adopted: this window's autosave and discard now apply to it
    return mine


def read_recovery(plan_path: Path | None) -> Recovery | None:
    """The recovery copy for this plan file (or an orphaned untitled one), or None.

    A copy that does not load (an older drafter, a hand edit, a placeholder that slipped
    through) is moved aside, never overwritten, and returned with its text and the reason.
    """
    from drafter.plans import plan_from_yaml

    try:
        file = recovery_path(plan_path) if plan_path else _orphan_untitled()
    except OSError:
        return None
    if file is None or not file.is_file():
        return None
    origin = Path(plan_path) if plan_path else None
    try:
        text = file.read_bytes().decode("utf-8", errors="replace")
    except OSError:
        return None
    try:
        plan = plan_from_yaml(text, str(file))
    except DrafterError as exc:
        stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        aside = file.with_name(f"{file.stem}.unreadable-{stamp}.yaml")
        try:
            os.replace(file, aside)
        except OSError:
            aside = file
        return Recovery(plan=None, origin=origin, file=aside, text=text, problem=str(exc))
    plan.path = str(plan_path) if plan_path else None
    return Recovery(plan=plan, origin=origin, file=file)


def clear_recovery(plan_path: Path | None) -> None:
    recovery_path(plan_path).unlink(missing_ok=True)


@dataclass(frozen=True)
class Pending:
    """A recovery copy of a named plan that is newer than the plan file (unsaved work)."""

    origin: Path  # the plan file it belongs to
    file: Path  # the recovery copy
    saved_at: float  # when the copy was written (seconds since the epoch)


def pending_recoveries() -> list[Pending]:
    """Recovery copies of named plans newer than their plan files (or whose plan file is
    gone), newest first: what a plain start (`drafter` with no plan) offers back (issue 13)."""
    found: list[Pending] = []
    try:
        files = [f for f in recovery_dir().glob("*.yaml")
                 if not f.name.startswith(_UNTITLED) and ".unreadable-" not in f.name]
    except OSError:
        return []
    for file in files:
        try:
            with file.open(encoding="utf-8", errors="replace") as handle:
                first = handle.readline().rstrip("\n")
            saved_at = file.stat().st_mtime
        except OSError:
            continue
        if not first.startswith(_ORIGIN) or first[len(_ORIGIN):] == _UNTITLED:
            continue
        origin = Path(first[len(_ORIGIN):])
        if recovery_path(origin) != file:
            continue  # not this plan's copy (a hand-made or stale file): leave it alone
        try:
            newer = not origin.is_file() or saved_at > origin.stat().st_mtime
        except OSError:
            newer = True
        if newer:
            found.append(Pending(origin, file, saved_at))
    return sorted(found, key=lambda p: -p.saved_at)
