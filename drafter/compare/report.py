"""Readable reports of the three comparisons: terminal text, Markdown and JSON.

Text comes from other people's files, so every string is cleaned of control characters before
it is shown (`clean`). Highlighting is a callable the caller passes (the CLI colours matching
words on a terminal; Markdown uses **bold**), so this module prints nothing itself.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from drafter.compare.items import Entry
from drafter.compare.lastyear import YearDiff
from drafter.compare.match import Alignment
from drafter.compare.matrix import STATUS_WORDS, Matrix

Mark = Callable[[str], str]
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")
EXCERPT = 60


def clean(text: str | None) -> str:
    return _CONTROL.sub("", text or "").replace("\n", " ")


def highlight(text: str, words: tuple[str, ...] | list[str], mark: Mark) -> str:
    text = clean(text)
    if not words:
        return text
    pattern = re.compile("|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)))
    return pattern.sub(lambda m: mark(m.group(0)), text)


def excerpt(text: str, words: tuple[str, ...] | list[str], mark: Mark,
            width: int = EXCERPT) -> str:
    """About `width` characters of `text` around its first matching word, words marked."""
    text = clean(text)
    first = min((i for i in (text.find(w) for w in words) if i >= 0), default=0)
    start = max(0, first - width // 4)
    piece = text[start:start + width]
    return ("…" if start else "") + highlight(piece, words, mark) + (
        "…" if start + width < len(text) else "")


def _short(entry: Entry, limit: int = EXCERPT) -> str:
    text = clean(entry.text)
    return text if len(text) <= limit else text[:limit] + "…"


def _fmt(value: float | None) -> str:
    if value is None:
        return "—"
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


# --------------------------------------------------------------------------- 对标


def alignment_text(al: Alignment, *, mark: Mark = lambda w: w, title: str = "") -> str:
    matched = sum(1 for r in al.rows if r.matched)
    lines = [f"对标：{clean(title)}", f"上级任务 {len(al.rows)} 条：已对应 {matched} 条，"
             f"未对应 {len(al.rows) - matched} 条；本级另有 {len(al.local)} 条本地工作。", ""]
    unmatched = al.unmatched
    if unmatched:
        lines.append(f"━━ 未对应的上级任务（{len(unmatched)}）━━")
        for row in unmatched:
            lines.append(f"  ✗ {clean(row.superior.ref)} {clean(row.superior.title)}")
            lines.append(f"      {_short(row.superior)}")
        lines.append("")
    lines.append("━━ 逐条对应 ━━")
    for row in al.rows:
        sign = "✓" if row.matched else "✗"
        lines.append(f"{sign} 上级 {clean(row.superior.ref)} {clean(row.superior.title)}")
        if not row.answers:
            lines.append("    （本级没有对应条目）")
        for ans in row.answers:
            words = "、".join(ans.words[:5])
            shown = highlight(ans.entry.title, ans.words, mark)
            lines.append(f"    → {clean(ans.entry.ref)} {shown}"
                         f"  匹配度 {ans.score:.2f}  共同词：{words}")
            lines.append(f"      {excerpt(ans.entry.body, ans.words, mark)}")
        label = "其他可能" if row.matched else "最接近"
        lines += [f"    · {label}：{clean(ans.entry.ref)} {clean(ans.entry.title)}"
                  f"  匹配度 {ans.score:.2f}（未计入）" for ans in row.near]
    if al.local:
        lines += ["", f"━━ 本地工作（上级计划中没有对应任务，仅列出）（{len(al.local)}）━━"]
        lines += [f"  · {clean(e.ref)} {clean(e.title)}" for e in al.local]
    return "\n".join(lines)


def alignment_markdown(al: Alignment, *, title: str = "") -> str:
    lines = [f"# 对标表：{clean(title)}", "", "| 上级任务 | 本级条目 | 匹配度 | 状态 |",
             "| --- | --- | --- | --- |"]
    for row in al.rows:
        sup = f"{clean(row.superior.ref)} {clean(row.superior.title)}".replace("|", "｜")
        if not row.answers:
            lines.append(f"| {sup} | — | — | 未对应 |")
        for ans in row.answers:
            mine = highlight(f"{ans.entry.ref} {ans.entry.title}", ans.words,
                             lambda w: f"**{w}**").replace("|", "｜")
            lines.append(f"| {sup} | {mine} | {ans.score:.2f} | 已对应 |")
    for entry in al.local:
        lines.append(f"| — | {clean(entry.ref)} {clean(entry.title)} | — | 本地工作 |")
    return "\n".join(lines) + "\n"


def _entry_json(entry: Entry) -> dict[str, Any]:
    return {"ref": entry.ref, "chapter": entry.chapter, "lead": entry.lead, "body": entry.body,
            "clause": entry.clause, "line": entry.line}


def alignment_json(al: Alignment, *, title: str = "") -> str:
    data = {
        "title": title,
        "superior": [{"item": _entry_json(r.superior),
                      "status": "已对应" if r.matched else "未对应",
                      "answers": [{"item": _entry_json(a.entry), "score": a.score,
                                   "words": list(a.words)} for a in r.answers],
                      "near": [{"item": _entry_json(a.entry), "score": a.score,
                                "words": list(a.words)} for a in r.near]}
                     for r in al.rows],
        "local": [_entry_json(e) for e in al.local],
    }
    return json.dumps(data, ensure_ascii=False, indent=2)


# --------------------------------------------------------------------------- last year


CONTEXT = 12


def _keep(text: str, first: bool, last: bool) -> str:
    """An unchanged run, shortened to the words next to the changes around it."""
    if len(text) <= 2 * CONTEXT + 1:
        return text
    head = "" if first else text[:CONTEXT]
    tail = "" if last else text[-CONTEXT:]
    return f"{head}…{tail}"


def _diff_text(diff: list[tuple[str, str]], mark_del: Mark, mark_add: Mark) -> str:
    out = []
    for k, (op, text) in enumerate(diff):
        text = clean(text)
        if op == "=":
            out.append(_keep(text, k == 0, k == len(diff) - 1))
        elif op == "-":
            out.append(mark_del(f"[-{text}-]"))
        else:
            out.append(mark_add(f"{{+{text}+}}"))
    return "".join(out)


def year_text(diff: YearDiff, *, mark_del: Mark = lambda w: w, mark_add: Mark = lambda w: w,
              mark_warn: Mark = lambda w: w, title: str = "") -> str:
    years = f"{diff.old_year or '?'}年 → {diff.new_year or '?'}年"
    added, dropped = diff.of_kind("added"), diff.of_kind("dropped")
    reworded, same = diff.of_kind("reworded"), diff.of_kind("same")
    lines = [f"与去年比较：{clean(title)}（{years}）",
             f"新增 {len(added)} 条，删去 {len(dropped)} 条，改写 {len(reworded)} 条，"
             f"未变 {len(same)} 条。",
             ""]
    if added:
        lines.append(f"━━ 新增（{len(added)}）━━")
        lines += [f"  + {clean(c.new.ref)} {clean(c.new.title)}" for c in added if c.new]
        lines.append("")
    if dropped:
        lines.append(f"━━ 删去（{len(dropped)}）━━")
        lines += [f"  - 去年 {clean(c.old.ref)} {clean(c.old.title)}" for c in dropped if c.old]
        lines.append("")
    if reworded:
        lines.append(f"━━ 改写（{len(reworded)}）━━")
        for c in reworded:
            assert c.old is not None and c.new is not None
            lines.append(f"  ~ {clean(c.new.ref)} {clean(c.new.title)}（去年 {clean(c.old.ref)}）")
            lines.append(f"      {_diff_text(c.diff, mark_del, mark_add)}")
        lines.append("")
    figures = [(c, f) for c, f in diff.figure_changes
               if f.before is not None or f.after is not None]
    if figures:
        fell = sum(1 for _, f in figures if f.against_direction)
        lines.append(f"━━ 数字指标（{len(figures)}，其中 {fell} 项走向相反，请核实）━━")
        for c, f in figures:
            entry = c.new or c.old
            ref = clean(entry.ref if entry else "")
            arrow = f"{_fmt(f.before)} → {_fmt(f.after)}{clean(f.unit)}"
            note = ""
            if f.against_direction:
                note = mark_warn("  ⚠ 目标下降" if (f.delta or 0) < 0 else "  ⚠ 应下降的指标上升")
            elif f.unchanged:
                note = "  （未变）"
            elif f.before is None:
                note = "  （新增指标）"
            elif f.after is None:
                note = "  （本年未写）"
            lines.append(f"  {ref} {clean(f.label)}：{arrow}{note}")
        lines.append("")
    if diff.deadlines:
        lines.append(f"━━ 已过的时限（{len(diff.deadlines)}）━━")
        for d in diff.deadlines:
            who = "本年计划仍写着" if d.which == "本年" else "去年的任务，时限已过，请确认是否完成"
            lines.append(f"  {mark_warn('⚠')} {clean(d.entry.ref)} {clean(d.entry.title)}："
                         f"“{clean(d.text)}”（{who}）")
    return "\n".join(lines).rstrip() + "\n"


def year_json(diff: YearDiff, *, title: str = "") -> str:
    data = {
        "title": title, "old_year": diff.old_year, "new_year": diff.new_year,
        "changes": [{"kind": c.kind, "old": _entry_json(c.old) if c.old else None,
                     "new": _entry_json(c.new) if c.new else None, "score": c.score,
                     "diff": [list(p) for p in c.diff],
                     "figures": [{"label": f.label, "unit": f.unit, "before": f.before,
                                  "after": f.after, "direction": f.direction,
                                  "against_direction": f.against_direction} for f in c.figures]}
                    for c in diff.changes],
        "deadlines": [{"ref": d.entry.ref, "item": d.entry.title, "text": d.text,
                       "year": d.year, "month": d.month, "which": d.which}
                      for d in diff.deadlines],
    }
    return json.dumps(data, ensure_ascii=False, indent=2)


def year_markdown(diff: YearDiff, *, title: str = "") -> str:
    body = year_text(diff, mark_del=lambda w: f"~~{w}~~", mark_add=lambda w: f"**{w}**",
                     title=title)
    return "```\n" + body + "```\n"


# --------------------------------------------------------------------------- counties


def matrix_text(matrix: Matrix, *, title: str = "") -> str:
    names = [clean(n) for n in matrix.names]
    lines = [f"各地对比：{clean(title)}（基准：{names[0] if names else '—'}）",
             "图例：" + "，".join(f"{k} {v}" for k, v in STATUS_WORDS.items()), ""]
    lines.append("条目" + "".join(f" | {n}" for n in names))
    for row in matrix.rows:
        lines.append(f"{clean(row.title)[:20]}" + "".join(f" | {c.status}" for c in row.cells))
    lines.append("")
    lines.append("汇总" + "".join(
        f" | 改{matrix.count(k, '改')} 缺{matrix.count(k, '缺')} 增{matrix.count(k, '增')}"
        for k in range(len(names))))
    if matrix.figures:
        lines += ["", "━━ 数字指标 ━━", "指标" + "".join(f" | {n}" for n in names)]
        for fig in matrix.figures:
            lines.append(f"{clean(fig.label)}（{clean(fig.unit)}）"
                         + "".join(f" | {_fmt(v)}" for v in fig.values))
    return "\n".join(lines) + "\n"


def matrix_markdown(matrix: Matrix, *, title: str = "") -> str:
    names = [clean(n).replace("|", "｜") for n in matrix.names]
    lines = [f"# 各地对比：{clean(title)}", "", "| 章 | 条目 | " + " | ".join(names) + " |",
             "| --- | --- | " + " | ".join("---" for _ in names) + " |"]
    for row in matrix.rows:
        lines.append(f"| {clean(row.chapter)} | {clean(row.title)} | "
                     + " | ".join(c.status for c in row.cells) + " |")
    if matrix.figures:
        lines += ["", "| 条目 | 指标 | " + " | ".join(names) + " |",
                  "| --- | --- | " + " | ".join("---" for _ in names) + " |"]
        for fig in matrix.figures:
            lines.append(f"| {clean(fig.item)} | {clean(fig.label)}（{clean(fig.unit)}） | "
                         + " | ".join(_fmt(v) for v in fig.values) + " |")
    return "\n".join(lines) + "\n"


def matrix_json(matrix: Matrix, *, title: str = "") -> str:
    data = {"title": title, "plans": matrix.names,
            "rows": [{"chapter": r.chapter, "item": r.title,
                      "cells": [{"status": c.status,
                                 "ref": c.entry.ref if c.entry else None} for c in r.cells]}
                     for r in matrix.rows],
            "figures": [{"item": f.item, "label": f.label, "unit": f.unit, "values": f.values}
                        for f in matrix.figures]}
    return json.dumps(data, ensure_ascii=False, indent=2)
