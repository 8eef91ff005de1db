"""What is wrong with a plan's values, read off its one resolved view.

Why: the renderer refuses to render while a value is missing or wrong, `build` reports values
nobody confirmed (`--strict` refuses them), and the CLI hints at values no text uses. Every list
here is computed from `model.resolve.ResolvedPlan`, so all of them agree with the document.
Pure: no I/O.
"""

from __future__ import annotations

from collections.abc import Iterator

from drafter.model.errors import Problem
from drafter.model.numbering import chinese_numeral
from drafter.model.plan import GLOBAL_NAMES
from drafter.model.provenance import label
from drafter.model.resolve import ResolvedPlan, SlotUse
from drafter.model.values import placeholder_names, type_word

_PART_WORDS = {"title": "标题", "preamble": "总体要求", "closing": "结束语"}


def where(use: SlotUse) -> str:
    """Where a value is used, as a user reads it: 第二章 第5条（js-…）, 标题, 全局参数."""
    if use.part == "global":
        return "全局参数"
    if use.part in _PART_WORDS:
        word = _PART_WORDS[use.part]
        return f"{word}（{use.clause}）" if use.clause else word
    return use.location.describe()


def place(use: SlotUse) -> str:
    """Short form for lists: 第二章第5条, 标题, 结束语."""
    if use.part == "item" and use.chapter is not None:
        return f"第{chinese_numeral(use.chapter + 1)}章第{use.number}条"
    return _PART_WORDS.get(use.part, "")


def missing_values(resolved: ResolvedPlan) -> list[Problem]:
    """One problem per missing value (globals only when some text uses them)."""
    return [p for p, missing in _value_problems(resolved) if missing]


def value_problems(resolved: ResolvedPlan) -> list[Problem]:
    """Missing values and values of the wrong type, every one of them, in plan order."""
    return [p for p, _ in _value_problems(resolved)]


def _value_problems(resolved: ResolvedPlan) -> Iterator[tuple[Problem, bool]]:
    plan = resolved.plan
    used_globals = resolved.used_globals()
    for use in resolved.uses:
        if use.origin == "missing":
            if use.part == "global" and use.name not in used_globals:
                continue
            if use.part == "global":
                hint = f"请在 meta 或 values 中填写 {use.name}"
            else:
                hint = f"请在 values 或该条目的 values 中填写“{use.name}: 值”"
            yield Problem(f"缺少参数“{use.label}”（{use.name}）的值", file=plan.path,
                          line=use.line, where=where(use), hint=hint), True
        elif use.error:
            yield Problem(f"参数“{use.label}”（{use.name}）的值有误：{use.error}",
                          file=plan.path, line=use.line, where=where(use),
                          hint=f"该参数应为{type_word(use.slot.type)}"), False


def unconfirmed_problems(resolved: ResolvedPlan) -> list[Problem]:
    """Every value the document prints that the user has not confirmed (待核实)."""
    return [unconfirmed_problem(use, resolved.plan.path) for use in resolved.unconfirmed()]


def unconfirmed_problem(use: SlotUse, plan_file: str | None) -> Problem:
    """One 待核实 value in the words `build` and `check` both use: label, name, value, where
    it came from (去年, 目录默认值 …) and the region a catalogue default was mined from."""
    source = f"，来源：{use.source_region}" if use.source_region else ""
    return Problem(f"参数“{use.label}”（{use.name}）= {use.value}，"
                   f"{label(use.provenance)}，待核实{source}",
                   file=plan_file, line=use.line, where=where(use),
                   hint="请在终端界面“参数”页确认或改填，或在计划文件中填写该值")


def pending_summary(uses: list[SlotUse]) -> str:
    """"去年 2 项、目录默认值 3 项": unconfirmed values counted by provenance."""
    counts: dict[str, int] = {}
    for use in uses:
        counts[use.provenance] = counts.get(use.provenance, 0) + 1
    return "、".join(f"{label(k)} {n} 项" for k, n in counts.items())


def unused_values(resolved: ResolvedPlan) -> list[Problem]:
    """Values given in the plan that no text uses: usually a misspelt slot name."""
    plan = resolved.plan
    used = {u.name for u in resolved.uses} | set(GLOBAL_NAMES)
    problems = [Problem(f"参数“{name}”没有被任何条目使用", file=plan.path,
                        line=plan.value_lines.get(name), where="values",
                        hint="名称是否写错？可在终端界面的参数表中查看各条目的参数名")
                for name in plan.values if name not in used]
    for item in resolved.items():
        if not item.known:
            continue
        names = set(placeholder_names(f"{item.lead}\n{item.body}"))
        for name in item.item.values:
            if name not in names:
                problems.append(Problem(
                    f"参数“{name}”没有被本条使用", file=plan.path, line=item.item.line,
                    where=f"第{item.chapter + 1}章 第{item.number}条", hint="名称是否写错？"))
    return problems
