"""The texts of a 印发通知: the notice template (data) and the plan's `meta.notice`, resolved.

The template `templates/notice/notice.yaml` holds the wording (title pattern, default body,
labels) and the layout numbers of the 版头 and 版记; a user copy in
`~/.drafter/templates/notice/notice.yaml` wins. Texts are rendered in the one sandbox with the
plan's title, organ, year and region. This module lays nothing out (notice_docx does) and
writes no files.
"""

from __future__ import annotations

import dataclasses
import typing
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from drafter.model.blocks import Block
from drafter.model.errors import DrafterError, Problem
from drafter.model.plan import Plan
from drafter.render.context import chinese_date
from drafter.render.env import render_text
from drafter.util.paths import templates_dir, user_data_dir
from drafter.util.yamlio import read_yaml_file

NOTICE_TEMPLATE = Path("notice") / "notice.yaml"


@dataclass(frozen=True)
class NoticeLayout:
    red: str
    mark_font: str
    mark_max_size: int  # half-points
    mark_top: int  # twips
    number_blank_lines: int
    rule_size: int  # eighths of a point
    rule_space: int  # points
    title_blank_lines: int
    sealed_blank_lines: int
    record_font: str
    record_size: int
    record_thick: int
    record_thin: int


@dataclass(frozen=True)
class NoticeTemplate:
    title: str
    body: str
    mark_suffix: str
    tasks_title: str
    attachment_label: str
    cc_label: str
    print_suffix: str
    layout: NoticeLayout


@dataclass(frozen=True)
class NoticeText:
    """Every text of the notice, final: nothing left to render."""

    marks: list[str]  # 发文机关标志 lines: one organ, or the joint organs
    mark_suffix: str  # "文件"
    doc_number: str
    signer: str | None
    head_lines: list[str]  # 份号 / 密级 / 紧急程度, those set
    title: str
    to: str
    body: list[str]  # paragraphs
    attachments: list[str]  # attachment titles, in order
    attachment_label: str
    organ: str
    date: str
    sealed: bool
    note: str | None
    cc: str
    cc_label: str
    printer: str
    print_date: str
    tasks_title: str
    plan_signature: bool
    layout: NoticeLayout


def notice_template() -> NoticeTemplate:
    """The user's notice template if there is one, else the bundled one."""
    user = user_data_dir() / "templates" / NOTICE_TEMPLATE
    path = user if user.is_file() else templates_dir() / NOTICE_TEMPLATE
    return _load(path, path.stat().st_mtime_ns)


@lru_cache(maxsize=4)
def _load(path: Path, mtime: int) -> NoticeTemplate:
    data, lines = read_yaml_file(path, "通知模板")
    problems: list[Problem] = []
    template = _build(NoticeTemplate, data, (), lambda *p: lines.line(*p), str(path), problems)
    if problems:
        raise DrafterError(problems)
    return typing.cast(NoticeTemplate, template)


def _build(cls: type, data: Any, path: tuple[str, ...], line: Any, file: str,
           problems: list[Problem]) -> Any:
    """A dataclass from a mapping; every unknown, missing or mistyped key is a problem."""
    where = ".".join(path) or "（顶层）"
    if not isinstance(data, dict):
        problems.append(Problem("应是“键: 值”的映射", file=file, line=line(*path), where=where))
        return None
    hints = typing.get_type_hints(cls)
    names = [f.name for f in dataclasses.fields(cls)]
    for key in data:
        if key not in names:
            problems.append(Problem(f"未知的设置项“{key}”", file=file, line=line(*path, key),
                                    where=where, hint=f"可用的设置项：{'、'.join(names)}"))
    values: dict[str, Any] = {}
    for name in names:
        hint, raw = hints[name], data.get(name)
        if name not in data:
            problems.append(Problem(f"缺少设置项“{name}”", file=file, line=line(*path),
                                    where=where))
        elif dataclasses.is_dataclass(hint):
            values[name] = _build(typing.cast(type, hint), raw, (*path, name), line, file,
                                  problems)
        elif hint is int and (not isinstance(raw, int) or isinstance(raw, bool) or raw < 0):
            problems.append(Problem(f"“{name}”应是非负整数", file=file,
                                    line=line(*path, name), where=where))
        elif hint is str and not isinstance(raw, str | int):
            problems.append(Problem(f"“{name}”应是文字", file=file, line=line(*path, name),
                                    where=where))
        else:
            values[name] = str(raw) if hint is str else raw
    return None if problems else cls(**values)


def notice_text(plan: Plan, blocks: list[Block], template: NoticeTemplate | None = None
                ) -> NoticeText:
    """The notice's texts for `plan` (already rendered into `blocks`)."""
    template = template or notice_template()
    notice = plan.meta.notice
    plan_title = "".join(next((b.plain for b in blocks if b.role == "title"), "").split())
    globals_ = plan.global_values()
    place = {"file": plan.path}
    organ = render_text(plan.meta.organ or str(globals_.get("单位") or ""), globals_,
                        where="meta.organ", **place)
    context = {**globals_, "标题": plan_title, "发文机关": organ}
    organs = [render_text(o, context, where="meta.notice.organs", **place)
              for o in notice.organs] or [organ]
    problems = []
    if not organ and not notice.organs:
        problems.append(Problem("印发通知需要发文机关", file=plan.path, where="meta.organ",
                                hint="请在 meta.organ 填写，如“某市教育局”"))
    iso_date = notice.date or plan.meta.date
    if not iso_date:
        problems.append(Problem("印发通知需要成文日期", file=plan.path, where="meta.date",
                                hint="请在 meta.date 或 meta.notice.date 填写，如 2025-01-10"))
    if problems:
        raise DrafterError(problems)
    date = chinese_date(iso_date) or ""
    body = notice.body if notice.body is not None else template.body
    body_text = render_text(body, context, where="meta.notice.body", **place)
    tasks_title = f"{plan_title}{template.tasks_title}"
    heads = [notice.copy_number, notice.secrecy, notice.urgency]
    return NoticeText(
        marks=organs if notice.mark is None else [notice.mark],
        mark_suffix=template.mark_suffix if notice.mark is None else "",
        doc_number=notice.doc_number.strip(),
        signer=(notice.signer or "").strip() or None,
        head_lines=[h.strip() for h in heads if h and h.strip()],
        title=render_text(template.title, context, where="通知标题", **place),
        to=_with_colon(notice.to.strip()),
        body=[p.strip() for p in body_text.splitlines() if p.strip()],
        attachments=[plan_title, *([tasks_title] if notice.tasks else [])],
        attachment_label=template.attachment_label,
        organ=organ if len(organs) == 1 else "",
        date=date,
        sealed=notice.sealed,
        note=_in_brackets(notice.note),
        cc=_with_stop(notice.cc.strip()),
        cc_label=template.cc_label,
        printer=notice.printer.strip() or organ,
        print_date=f"{chinese_date(notice.print_date or iso_date)}{template.print_suffix}",
        tasks_title=tasks_title,
        plan_signature=notice.plan_signature,
        layout=template.layout,
    )


def _with_colon(text: str) -> str:
    """主送机关 ends with a full-width colon."""
    return "" if not text else text.rstrip("：:，,。") + "："


def _with_stop(text: str) -> str:
    """The last 抄送机关 ends with 。"""
    return "" if not text else text.rstrip("。.，,；;") + "。"


def _in_brackets(text: str | None) -> str | None:
    """附注 is set in round brackets: （此件公开发布）."""
    if not text or not text.strip():
        return None
    inner = text.strip().strip("（）()")
    return f"（{inner}）"
