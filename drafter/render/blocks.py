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
from drafter.model.resolve import ResolvedPlan, ResolvedText, resolve
from drafter.model.value_problems import value_problems
from drafter.render.context import build_context
from drafter.render.env import find_document_template, render_skeleton
from drafter.util.placeholders import placeholder_problems

ROLES: tuple[str, ...] = get_args(BlockRole)
_HINT_ID = "请用 drafter catalog search 或终端界面查找正确的条目编号"


def render_blocks(plan: Plan, cat: Catalogue) -> list[Block]:
    """Render a plan; DrafterError listing every problem at once when it cannot render."""
    resolved = resolve(plan, cat)
    problems = plan_problems(resolved)
    if problems:
        raise DrafterError(problems)
    return _render(resolved, lenient=False)


def preview_blocks(plan: Plan, cat: Catalogue) -> tuple[list[Block], list[Problem]]:
    """The one lenient renderer (TUI preview, `drafter check`): whatever can be rendered, with
    the problems alongside.

    Missing values show as "【待填：标签】", invalid ones as "【有误：标签】", unknown clause ids
    as a marked line, text that fails the placeholder check as written (never rendered).
    Skeleton template errors still raise."""
    resolved = resolve(plan, cat)
    return _render(resolved, lenient=True), plan_problems(resolved)


def _render(resolved: ResolvedPlan, *, lenient: bool) -> list[Block]:
    plan = resolved.plan
    skeleton = find_document_template(plan.meta.template,
                                      Path(plan.path).parent if plan.path else None)
    context = build_context(resolved, lenient=lenient)
    context["block"] = emit_block
    return parse_blocks(render_skeleton(skeleton, context), str(skeleton))


def plan_problems(resolved: ResolvedPlan) -> list[Problem]:
    """Everything that stops a plan from rendering, in plan order."""
    plan = resolved.plan
    problems = _id_problems(resolved)
    problems += _placeholder_problems(resolved)
    if not problems:  # values of text that cannot be parsed are meaningless to list
        problems += value_problems(resolved)
    if plan.meta.options.signature and not (plan.meta.organ or plan.values.get("单位")):
        problems.append(Problem("要求落款（options.signature）但没有发文机关", file=plan.path,
                                where="meta.organ", hint="请在 meta.organ 填写，如“某市教育局”"))
    return problems


def _framing_parts(resolved: ResolvedPlan) -> list[tuple[str, ResolvedText | None]]:
    """Preamble, chapter intros and closing, named as a user reads them."""
    return [("总体要求", resolved.preamble),
            *((f"第{c.index + 1}章首段", c.intro) for c in resolved.chapters),
            ("结束语", resolved.closing)]


def _id_problems(resolved: ResolvedPlan) -> list[Problem]:
    plan = resolved.plan
    problems: list[Problem] = []
    for name, part in _framing_parts(resolved):
        if part is not None and part.template is None:
            problems.append(Problem(f"条目编号“{part.text.clause}”不在目录中", file=plan.path,
                                    line=part.text.line, where=name, hint=_HINT_ID))
    for item in resolved.items():
        if item.known:
            continue
        where = item.location.describe()
        clause = item.item.clause
        found = resolved.catalogue.get(clause) if clause else None
        if found is not None:
            known = "、".join(v.id for v in found.variants) or "无"
            problems.append(Problem(f"变体“{item.item.variant}”不存在", file=plan.path,
                                    line=item.item.line, where=where,
                                    hint=f"该条目的变体有：{known}"))
        else:
            problems.append(Problem(f"条目编号“{clause}”不在目录中", file=plan.path,
                                    line=item.item.line, where=where, hint=_HINT_ID))
    return problems


def _placeholder_problems(resolved: ResolvedPlan) -> list[Problem]:
    """Re-check every text about to render (plans edited in the TUI never went through io)."""
    plan = resolved.plan
    texts: list[tuple[str, int | None, str]] = [
        ("标题", None, plan.meta.title),
        ("题注", None, plan.meta.options.caption or ""),
        ("发文机关", None, plan.meta.organ),
    ]
    for name, part in _framing_parts(resolved):
        if part is not None:
            texts.append((name, part.text.line, part.template or ""))
    for chapter in resolved.chapters:
        texts.append((f"第{chapter.index + 1}章标题", chapter.line, chapter.heading))
        for item in chapter.items:
            where = item.location.describe()
            for text in (item.lead, item.body, item.item.section or ""):
                texts.append((where, item.item.line, text))
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
                        clause=at.get("clause"), file=at.get("file"), line=at.get("line"),
                        index=at.get("index"))
    # Control characters (a pasted Shift+Enter is \v, a NUL breaks Word's XML) never reach a
    # writer: a manual line break becomes a newline, the rest are dropped.
    return Block(role=role, text=clean_text(data.get("text", "")),
                 marker=clean_text(data.get("marker", "")),
                 lead=clean_text(data.get("lead", "")),
                 owners=[clean_text(o) for o in data.get("owners") or []],
                 deadline=data.get("deadline"), location=location)
