"""The checks: dated formulations, structure, numbers, punctuation.

Public names, for cli, tui and other packages' callers (import-linter holds cli and tui to
them); each is imported from its module on first use, so importing the package costs nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from drafter.util.lazy import exports

if TYPE_CHECKING:
    from drafter.check.engine import (
        Finding,
        batch_findings,
        check_blocks,
        check_document,
        check_draft,
        check_plan,
        draft_from_document,
        stale_flags,
        summary_line,
    )
    from drafter.check.finding import SEVERITY_ORDER
    from drafter.check.table import RuleTable, load_table

__all__ = [
    "SEVERITY_ORDER",
    "Finding",
    "RuleTable",
    "batch_findings",
    "check_blocks",
    "check_document",
    "check_draft",
    "check_plan",
    "draft_from_document",
    "load_table",
    "stale_flags",
    "summary_line",
]
__getattr__ = exports(__name__, {
    "Finding": "engine",
    "batch_findings": "engine",
    "check_blocks": "engine",
    "check_document": "engine",
    "check_draft": "engine",
    "check_plan": "engine",
    "draft_from_document": "engine",
    "stale_flags": "engine",
    "summary_line": "engine",
    "SEVERITY_ORDER": "finding",
    "RuleTable": "table",
    "load_table": "table",
})
