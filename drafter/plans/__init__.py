"""Plan and batch files: YAML in and out, validated; starter plans.

Public names, for cli, tui and other packages' callers (import-linter holds cli and tui to
them); each is imported from its module on first use, so importing the package costs nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from drafter.util.lazy import exports

if TYPE_CHECKING:
    from drafter.plans.batch import Batch, apply_variant, load_batch
    from drafter.plans.io import load_plan, plan_from_yaml, plan_to_yaml, save_plan
    from drafter.plans.starter import blank_plan, starter_plan
    from drafter.plans.update import KIND_LABELS, Update, apply, compare

__all__ = [
    "KIND_LABELS",
    "Batch",
    "Update",
    "apply",
    "apply_variant",
    "blank_plan",
    "compare",
    "load_batch",
    "load_plan",
    "plan_from_yaml",
    "plan_to_yaml",
    "save_plan",
    "starter_plan",
]
__getattr__ = exports(__name__, {
    "KIND_LABELS": "update",
    "Update": "update",
    "apply": "update",
    "compare": "update",
    "load_plan": "io",
    "plan_from_yaml": "io",
    "plan_to_yaml": "io",
    "save_plan": "io",
    "Batch": "batch",
    "apply_variant": "batch",
    "load_batch": "batch",
    "starter_plan": "starter",
    "blank_plan": "starter",
})
