"""The 重点任务分解表 bureaus circulate with a plan: one row per item of the same blocks.

Landscape A4 (the profile's `tasks.page`), the title "<plan title>重点任务分解表" in 小标宋
22 pt, then one table: 序号, 重点任务 (the lead without its final 。), 具体内容, 责任单位
(owners joined by 、), 完成时限 (the item's deadline or empty). Chapters and standalone
（一） sections become full-width rows in 黑体 so the table reads in the plan's order; the
header row repeats on every page; rows may break across pages (long items would otherwise
leave half-empty pages).

Type sizes: the table uses 小四 (12 pt) — 仿宋 for cells, 黑体 for the header — rather than
the body's 三号 16 pt. Five columns share a 225 mm landscape block; at 12 pt the 具体内容
column holds about 23 characters a line against 20 at 14 pt and 17 at 16 pt, which keeps a
typical 150-character item to about seven lines. Bureau 分解表 attachments are commonly set
this way; the sizes and widths are profile data (tasks.cell / tasks.header / tasks.widths).

Like docx_writer, this module builds XML with lxml only and returns bytes; no files.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass

import docx
from docx.oxml.ns import qn
from lxml import etree

from drafter.model.blocks import Block
from drafter.model.plan import PlanMeta
from drafter.render.docx_styles import PARA_STYLES, template_bytes
from drafter.render.docx_writer import stamp
from drafter.render.docx_xml import el, para_props, run_props, text_runs
from drafter.render.profile import TASK_COLUMNS, Profile, RoleStyle
from drafter.render.title_lines import break_title

HEADERS = TASK_COLUMNS
_CENTRED = (0, 4)  # 序号 and 完成时限 are centred
_OWNER_NOTE = re.compile(r"[（(]责任(?:科室|单位|部门|处室)[：:][^（）()]*[）)]\s*$")
_LEAD_MAX = 40  # a first sentence longer than this is not a task name


@dataclass(frozen=True)
class TaskRow:
    number: int
    task: str
    content: str
    owners: str
    deadline: str


@dataclass(frozen=True)
class GroupRow:
    text: str  # "一、加强党的建设" or "（一）守牢安全底线"


def task_rows(blocks: Sequence[Block]) -> list[TaskRow | GroupRow]:
    """The table's rows in plan order: chapter/section rows and numbered task rows."""
    rows: list[TaskRow | GroupRow] = []
    number = 0
    for block in blocks:
        if block.role in ("chapter", "section"):
            rows.append(GroupRow(block.plain))
        elif block.role == "item":
            number += 1
            task, content = split_task(block)
            rows.append(TaskRow(number, task, content, "、".join(block.owners),
                                block.deadline or ""))
    return rows


def split_task(block: Block) -> tuple[str, str]:
    """(重点任务, 具体内容): the lead without its final 。, else the text's first sentence."""
    text = _OWNER_NOTE.sub("", block.text).strip()
    lead = block.lead.strip()
    if not lead:
        head, stop, rest = text.partition("。")
        if stop and rest.strip() and len(head) <= _LEAD_MAX:
            lead, text = head, rest.strip()
    return lead.rstrip("。；;.，,：:"), text


def tasks_docx_bytes(blocks: Sequence[Block], *, profile: Profile, meta: PlanMeta) -> bytes:
    """The task table for `blocks` as .docx bytes."""
    profile = profile.with_fonts(meta.options.fonts)
    doc = docx.Document(io.BytesIO(template_bytes(profile, None, landscape=True)))
    body = doc.element.body
    end = body.find(qn("w:sectPr"))
    title = next((b.plain for b in blocks if b.role == "title"), "")
    full_title = f"{title}{profile.tasks.title_suffix}"
    for node in [*table_parts(blocks, profile, full_title), closing_paragraph(profile)]:
        end.addprevious(node)
    stamp(doc, full_title)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def table_parts(blocks: Sequence[Block], profile: Profile, title: str) -> list[etree._Element]:
    """Title, a blank line and the table (the notice puts them in its landscape section)."""
    return [_title(title, profile), _blank(profile), _table(task_rows(blocks), profile)]


def _title(text: str, profile: Profile) -> etree._Element:
    rules, style = profile.title, profile.roles.title
    lines = break_title(text, profile.tasks.title_max_chars, rules.break_after,
                        rules.break_before, rules.keep_words)
    ppr = para_props(style, profile.grid.line_pitch, pstyle=PARA_STYLES["title"][0])
    return el("w:p", None, ppr,
              *text_runs("\n".join(lines), run_props(style, profile.latin(style))))


def _blank(profile: Profile) -> etree._Element:
    style = profile.roles.body
    return el("w:p", None, para_props(style, profile.grid.line_pitch,
                                      pstyle=PARA_STYLES["body"][0]))


def closing_paragraph(profile: Profile) -> etree._Element:
    """Word wants a paragraph after a table that ends the body; keep it 1 pt high so it
    never spills onto a page of its own."""
    p = _blank(profile)
    spacing = p.find(f"{qn('w:pPr')}/{qn('w:spacing')}")
    if spacing is not None:
        spacing.set(qn("w:line"), "20")
    return p


def _table(rows: Sequence[TaskRow | GroupRow], profile: Profile) -> etree._Element:
    tasks = profile.tasks
    widths = tasks.widths
    table = el("w:tbl", None, _table_props(sum(widths)))
    grid = el("w:tblGrid")
    for width in widths:
        grid.append(el("w:gridCol", {"w": width}))
    table.append(grid)
    header = el("w:tr", None, el("w:trPr", None, el("w:tblHeader")))
    for i, label in enumerate(HEADERS):
        header.append(_cell(label, widths[i], tasks.header, profile, align="center"))
    table.append(header)
    for row in rows:
        table.append(_row(row, profile))
    return table


def _table_props(width: int) -> etree._Element:
    borders = el("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(el(f"w:{side}", {"val": "single", "sz": 4, "space": 0, "color": "000000"}))
    margins = el("w:tblCellMar", None,
                 el("w:top", {"w": 57, "type": "dxa"}), el("w:left", {"w": 85, "type": "dxa"}),
                 el("w:bottom", {"w": 57, "type": "dxa"}),
                 el("w:right", {"w": 85, "type": "dxa"}))
    return el("w:tblPr", None, el("w:tblW", {"w": width, "type": "dxa"}),
              el("w:jc", {"val": "center"}), borders, el("w:tblLayout", {"type": "fixed"}),
              margins, el("w:tblLook", {"val": "0000", "firstRow": 0, "lastRow": 0,
                                        "firstColumn": 0, "lastColumn": 0, "noHBand": 1,
                                        "noVBand": 1}))


def _row(row: TaskRow | GroupRow, profile: Profile) -> etree._Element:
    tasks = profile.tasks
    tr = el("w:tr")
    if isinstance(row, GroupRow):
        tr.append(_cell(row.text, sum(tasks.widths), tasks.group, profile,
                        span=len(tasks.widths)))
        return tr
    values = (str(row.number), row.task, row.content, row.owners, row.deadline)
    for i, value in enumerate(values):
        align = "center" if i in _CENTRED else None
        tr.append(_cell(value, tasks.widths[i], tasks.cell, profile, align=align))
    return tr


def _cell(text: str, width: int, style: RoleStyle, profile: Profile, *,
          align: str | None = None, span: int = 1) -> etree._Element:
    tcpr = el("w:tcPr", None, el("w:tcW", {"w": width, "type": "dxa"}))
    if span > 1:
        tcpr.append(el("w:gridSpan", {"val": span}))
    tcpr.append(el("w:vAlign", {"val": "center"}))
    ppr = para_props(style, profile.tasks.line)
    if align:
        ppr.find(qn("w:jc")).set(qn("w:val"), align)  # type: ignore[union-attr]
    rpr = run_props(style, profile.latin(style))
    p = el("w:p", None, ppr)
    if text:
        for run in text_runs(text, rpr):
            p.append(run)
    return el("w:tc", None, tcpr, p)
