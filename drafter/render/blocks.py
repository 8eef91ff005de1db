"""Plan + catalogue → text blocks, the one shape every writer and the preview consume.

Before anything renders, every problem is collected and raised together: unknown clause or
variant ids, unsafe placeholders, missing values, values of the wrong type. Then the texts
are rendered (`context.py`) and laid out by the user-replaceable skeleton template
(templates/<name>/document.j2), whose output is one block per line: a JSON object written
by the template's `block(...)` function, or a plain line of fixed text (a body paragraph).
This module writes no files.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, get_args

from drafter.model.blocks import Block, BlockRole, Location
from drafter.model.catalogue import Catalogue
from drafter.model.chars import clean_text
from drafter.model.errors import DrafterError, Problem
from drafter.model.plan import Plan
from drafter.model.values import SlotUse, slot_uses, value_problems
from drafter.render.context import build_context
from drafter.render.env import find_document_template, render_skeleton
from drafter.util.placeholders import placeholder_problems

ROLES: tuple[str, ...] = get_args(BlockRole)
_HINT_ID = "请用 drafter catalog search 或终端界面查找正确的条目编号"


def render_blocks(plan: Plan, cat: Catalogue) -> list[Block]:
    """Render a plan; DrafterError listing every problem at once when it cannot render."""
    uses = slot_uses(plan, cat)
    problems = plan_problems(plan, cat, uses)
    if problems:
        raise DrafterError(problems)
    skeleton = find_document_template(plan.meta.template, _plan_dir(plan))
    context = build_context(plan, cat, uses=uses)
    context["block"] = emit_block
    return parse_blocks(render_skeleton(skeleton, context), str(skeleton))


def preview_blocks(plan: Plan, cat: Catalogue) -> tuple[list[Block], list[Problem]]:
    """The TUI preview: render whatever can be rendered, with the problems alongside.

    Missing values show as "【待填：标签】", unknown clause ids as a marked line, text that fails
    the placeholder check as written (never rendered). Skeleton template errors still raise.
    """
    uses = slot_uses(plan, cat)
    problems = plan_problems(plan, cat, uses)
    skeleton = find_document_template(plan.meta.template, _plan_dir(plan))
    context = build_context(plan, cat, lenient=True, uses=uses)
    context["block"] = emit_block
    return parse_blocks(render_skeleton(skeleton, context), str(skeleton)), problems


def _plan_dir(plan: Plan) -> Path | None:
    return Path(plan.path).parent if plan.path else None


def plan_problems(plan: Plan, cat: Catalogue,
                  uses: list[SlotUse] | None = None) -> list[Problem]:
    """Everything that stops a plan from rendering, in plan order."""
    problems = _id_problems(plan, cat)
    problems += _placeholder_problems(plan, cat)
    if not problems:  # values of text that cannot be parsed are meaningless to list
        problems += value_problems(plan, cat, uses)
    if plan.meta.options.signature and not (plan.meta.organ or plan.values.get("单位")):
        problems.append(Problem("要求落款（options.signature）但没有发文机关", file=plan.path,
                                where="meta.organ", hint="请在 meta.organ 填写，如“某市教育局”"))
    return problems


def _id_problems(plan: Plan, cat: Catalogue) -> list[Problem]:
    problems: list[Problem] = []
    for name, part in (("总体要求", plan.preamble), ("结束语", plan.closing)):
        if part is not None and part.clause and part.clause not in cat and part.text is None:
            problems.append(Problem(f"条目编号“{part.clause}”不在目录中", file=plan.path,
                                    line=part.line, where=name, hint=_HINT_ID))
    for ci, chapter in enumerate(plan.chapters, start=1):
        for ii, item in enumerate(chapter.items, start=1):
            if item.clause is None:
                continue
            where = Location(chapter=ci, item=ii, clause=item.clause).describe()
            clause = cat.get(item.clause)
            if clause is None:
                problems.append(Problem(f"条目编号“{item.clause}”不在目录中", file=plan.path,
                                        line=item.line, where=where, hint=_HINT_ID))
            elif item.variant is not None and clause.variant(item.variant) is None:
                known = "、".join(v.id for v in clause.variants) or "无"
                problems.append(Problem(f"变体“{item.variant}”不存在", file=plan.path,
                                        line=item.line, where=where,
                                        hint=f"该条目的变体有：{known}"))
    return problems


def _placeholder_problems(plan: Plan, cat: Catalogue) -> list[Problem]:
    """Re-check every text about to render (plans edited in the TUI never went through io)."""
    texts: list[tuple[str, int | None, str]] = [
        ("标题", None, plan.meta.title),
        ("题注", None, plan.meta.options.caption or ""),
        ("发文机关", None, plan.meta.organ),
    ]
    for name, part in (("总体要求", plan.preamble), ("结束语", plan.closing)):
        if part is not None:
            clause = cat.get(part.clause) if part.clause else None
            texts.append((name, part.line, part.text if part.text is not None
                          else (clause.text if clause else "")))
    for ci, chapter in enumerate(plan.chapters, start=1):
        texts.append((f"第{ci}章标题", chapter.line, chapter.heading or ""))
        for ii, item in enumerate(chapter.items, start=1):
            clause = cat.get(item.clause) if item.clause else None
            lead, body, _ = clause.wording(item.variant) if clause else ("", "", [])
            where = Location(chapter=ci, item=ii, clause=item.clause).describe()
            for text in (item.lead if item.lead is not None else lead,
                         item.body if item.body is not None else body, item.section or ""):
                texts.append((where, item.line, text))
    problems: list[Problem] = []
    for where, line, text in texts:
        for message in placeholder_problems(text):
            problems.append(Problem(message, file=plan.path, line=line, where=where,
                                    hint="文字中只能使用 {{ 名称 }} 形式的占位符"))
    return problems


def emit_block(role: str, text: Any = "", marker: str = "", lead: str = "",
               owners: Any = (), deadline: Any = None, at: Any = None) -> str:
    """The skeleton's `block(...)`: one block as one JSON line."""
    data = {"role": role, "text": str(text or ""), "marker": str(marker or ""),
            "lead": str(lead or ""), "owners": [str(o) for o in owners or ()],
            "deadline": None if deadline is None else str(deadline),
            "at": dict(at) if isinstance(at, dict) else None}
    return "\n" + json.dumps(data, ensure_ascii=False) + "\n"


def parse_blocks(output: str, template: str) -> list[Block]:
    """The skeleton's output → blocks. Plain non-empty lines become body paragraphs."""
    blocks: list[Block] = []
    for raw in output.splitlines():
        line = raw.strip()
        if not line:
            continue
        if not line.startswith("{"):
            blocks.append(Block(role="preamble", text=clean_text(line)))
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError:
            blocks.append(Block(role="preamble", text=clean_text(line)))
            continue
        blocks.append(_block(data, template))
    return blocks


def _block(data: dict[str, Any], template: str) -> Block:
    role = data.get("role")
    if role not in ROLES:
        raise DrafterError.one(f"文档模板输出了未知的块类型“{role}”", file=template,
                               hint=f"可用的块类型：{'、'.join(ROLES)}")
    at = data.get("at") or {}
    location = Location(chapter=at.get("chapter"), item=at.get("item"),
                        clause=at.get("clause"), file=at.get("file"), line=at.get("line"))
    # Control characters (a pasted Shift+Enter is \v, a NUL breaks Word's XML) never reach a
    # writer: a manual line break becomes a newline, the rest are dropped.
    return Block(role=role, text=clean_text(data.get("text", "")),
                 marker=clean_text(data.get("marker", "")),
                 lead=clean_text(data.get("lead", "")),
                 owners=[clean_text(o) for o in data.get("owners") or []],
                 deadline=data.get("deadline"), location=location)
