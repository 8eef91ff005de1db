"""What `drafter build` says about a plan before writing it, and what stops it under --strict.

The check engine's error-level findings (placeholders left in, half-width punctuation, stale
formulations…) are summed up in one line; `--strict` refuses to write while any remain.
`blocking_reasons` is the one place every --strict reason is gathered, so other reasons (for
instance values the user has not confirmed) join the same list.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from drafter.model.blocks import Block
from drafter.model.catalogue import Catalogue
from drafter.model.plan import Plan

if TYPE_CHECKING:
    from drafter.check import Finding


def error_findings(plan: Plan, cat: Catalogue, blocks: Sequence[Block]) -> list[Finding]:
    """The check engine's errors only: the rules that yield nothing else are not run."""
    from drafter.check import check_plan  # imported when a build runs, not for `new`

    return check_plan(plan, blocks, cat, severities=("错误",))


def error_summary(findings: Sequence[Finding], plan_file: str) -> str | None:
    """One line: how many errors of which kind, and where to see them all."""
    if not findings:
        return None
    kinds = Counter(f.message.split("：")[0].split("，")[0][:16] for f in findings)
    top = "；".join(f"{kind} {n} 处" for kind, n in kinds.most_common(3))
    more = "等" if len(kinds) > 3 else ""
    return (f"检查发现 {len(findings)} 个错误（{top}{more}），"
            f"请运行 drafter check {plan_file} 查看并修改")


def blocking_reasons(plan: Plan, cat: Catalogue, blocks: Sequence[Block], *,
                     plan_file: str) -> tuple[list[str], list[str]]:
    """(lines to show, reasons --strict refuses for). Each reason is one Chinese sentence."""
    notes: list[str] = []
    reasons: list[str] = []
    summary = error_summary(error_findings(plan, cat, blocks), plan_file)
    if summary:
        notes.append(summary)
        reasons.append(summary)
    return notes, reasons
