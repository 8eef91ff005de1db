"""The checks panel's entries: missing or wrong values, then `drafter check`'s findings.

Why: the panel lists every problem of the plan as rendered, each with the outline place it
jumps to. Missing values come from the preview's slot uses; the rules come from
`drafter.check.engine.check_plan` (the same call `drafter check PLAN.yaml` makes). When the
check package is absent or fails, only the value problems are listed. Pure: no Textual.
"""

from __future__ import annotations

from dataclasses import dataclass

from drafter.model import Catalogue, Plan
from drafter.model.value_problems import place
from drafter.tui.controller.selection import CLOSING, PREAMBLE, TITLE, VALUES, Selection
from drafter.tui.preview import Preview

_PARTS = {"标题": TITLE, "题注": TITLE, "落款": TITLE, "日期": TITLE, "总体要求": PREAMBLE,
          "结束语": CLOSING, "title": TITLE, "preamble": PREAMBLE, "closing": CLOSING,
          "global": VALUES}


@dataclass(frozen=True)
class CheckEntry:
    severity: str  # 错误 / 警告 / 提示
    message: str
    where: str
    target: Selection | None  # where it jumps to in the outline
    fix: str | None = None


def _target(plan: Plan, chapter: int | None, index: int | None) -> Selection | None:
    """A 0-based (chapter, index) place as an outline selection, if it exists."""
    if chapter is None or not 0 <= chapter < len(plan.chapters):
        return None
    if index is None or not 0 <= index < len(plan.chapters[chapter].items):
        return Selection(chapter)
    return Selection(chapter, index)


def value_entries(plan: Plan, preview: Preview) -> list[CheckEntry]:
    entries: list[CheckEntry] = []
    for use in preview.gaps:
        where = place(use) or "全计划"
        if use.error:
            message = f"参数“{use.label}”有误：{use.error}"
        else:
            message = f"参数“{use.label}”尚未填写"
        target = _PARTS.get(use.part) or _target(plan, use.chapter, use.index)
        entries.append(CheckEntry("错误", message, where, target, fix="在“参数”页填写"))
    return entries


def rule_entries(plan: Plan, cat: Catalogue, preview: Preview) -> list[CheckEntry]:
    """`drafter check` findings on the previewed blocks (markers themselves are not reported)."""
    if not preview.blocks:
        return []
    from drafter.check import check_plan

    try:
        findings = check_plan(plan, preview.blocks, cat)
    except Exception as exc:  # a rule's bug: shown in the panel, never hidden, never fatal
        return [CheckEntry("错误", f"检查规则出错，本次检查未完成：{type(exc).__name__}：{exc}",
                           "全文", None, "请把此提示报告给维护人员；其余功能不受影响")]
    entries: list[CheckEntry] = []
    for f in findings:
        if "【待填" in f.text or "【有误" in f.text:
            continue
        loc = f.location
        target = _target(plan, None if loc.chapter is None else loc.chapter - 1, loc.index)
        if target is None and f.part in _PARTS:
            target = _PARTS[f.part]  # 标题, 总体要求, 结束语: their own places
        if target in (PREAMBLE, CLOSING) and (
                plan.preamble if target == PREAMBLE else plan.closing) is None:
            target = TITLE  # the text is the template's own: its place is the meta dialog
        where = f.part or loc.describe() or "全文"
        entries.append(CheckEntry(f.severity, f.message, where, target, f.fix))
    return entries


def check_entries(plan: Plan, cat: Catalogue, preview: Preview) -> list[CheckEntry]:
    return value_entries(plan, preview) + rule_entries(plan, cat, preview)


def warm_up(catalogue: Catalogue) -> None:
    """Read the check rule table once, off the UI thread, so the first check is as fast as
    the others."""
    from drafter.tui.preview import build_preview

    check_entries(Plan(), catalogue, build_preview(Plan(), catalogue))
