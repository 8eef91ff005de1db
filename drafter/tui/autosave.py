"""Recovery copies of the plan being edited, so a closed terminal loses nothing.

Why: the TUI writes a recovery copy (plan YAML, atomic) on every change, under
`user_data_dir()/autosave/`, one file per plan file (untitled plans share one). On the next
start the app offers to restore it. A save or a deliberate discard removes it. This module
only reads and writes those copies; it never touches the user's own plan file.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from drafter.model import DrafterError, Plan
from drafter.util.fs import atomic_write_text
from drafter.util.paths import user_data_dir

_ORIGIN = "# 原文件："
_UNTITLED = "未命名"


@dataclass
class Recovery:
    plan: Plan
    origin: Path | None  # the plan file it belongs to; None for an untitled plan
    file: Path  # the recovery copy itself


def recovery_dir() -> Path:
    return user_data_dir() / "autosave"


def recovery_path(plan_path: Path | None) -> Path:
    """The recovery file for a plan file (by its absolute path), or the untitled one."""
    if plan_path is None:
        return recovery_dir() / f"{_UNTITLED}.yaml"
    digest = hashlib.sha1(str(Path(plan_path).resolve()).encode("utf-8")).hexdigest()[:12]
    return recovery_dir() / f"{Path(plan_path).stem[:40]}-{digest}.yaml"


def write_recovery(plan: Plan, plan_path: Path | None) -> Path:
    """Write the recovery copy atomically; returns its path."""
    from drafter.plans.io import plan_to_yaml

    origin = f"{_ORIGIN}{Path(plan_path).resolve() if plan_path else _UNTITLED}\n"
    target = recovery_path(plan_path)
    atomic_write_text(target, origin + plan_to_yaml(plan))
    return target


def read_recovery(plan_path: Path | None) -> Recovery | None:
    """The recovery copy for this plan file, or None when there is none (or it is unreadable).

    An unreadable copy (say, from an older drafter) is not an error for the user: it is
    ignored, and replaced by the next autosave.
    """
    from drafter.plans.io import plan_from_yaml

    file = recovery_path(plan_path)
    if not file.is_file():
        return None
    try:
        text = file.read_text(encoding="utf-8")
        plan = plan_from_yaml(text, str(file))
    except (OSError, UnicodeDecodeError, DrafterError):
        return None
    plan.path = str(plan_path) if plan_path else None
    return Recovery(plan=plan, origin=Path(plan_path) if plan_path else None, file=file)


def clear_recovery(plan_path: Path | None) -> None:
    recovery_path(plan_path).unlink(missing_ok=True)
