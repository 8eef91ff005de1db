"""The .xlsx tables of drafter compare (对标表, 与去年对比, 各地对比), written with openpyxl.

Returns bytes; the caller writes them atomically. Cell text is cleaned of control characters
(openpyxl refuses some, and they have no place in a table an office prints).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment as CellAlignment
from openpyxl.styles import Font, PatternFill
from openpyxl.worksheet.worksheet import Worksheet

from drafter.compare.lastyear import YearDiff
from drafter.compare.match import Alignment
from drafter.compare.matrix import Matrix
from drafter.compare.report import clean

_HEAD = Font(bold=True)
_FILLS = {"未对应": "FFC7CE", "缺": "FFC7CE", "改": "FFEB9C", "数": "FFF2CC", "增": "C6EFCE",
          "本地工作": "DDEBF7", "下降": "FFC7CE"}


def _sheet(ws: Worksheet, header: Sequence[str], rows: Sequence[Sequence[Any]],
           widths: Sequence[int], status_col: int | None = None) -> None:
    ws.append(list(header))
    for cell in ws[1]:
        cell.font = _HEAD
    for row in rows:
        ws.append([clean(v) if isinstance(v, str) else v for v in row])
        if status_col is not None:
            value = row[status_col] if status_col < len(row) else None
            fill = _FILLS.get(str(value)) if value is not None else None
            if fill:
                ws.cell(ws.max_row, status_col + 1).fill = PatternFill("solid", fgColor=fill)
    for index, width in enumerate(widths, start=1):
        ws.column_dimensions[ws.cell(1, index).column_letter].width = width
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = CellAlignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "A2"


def _bytes(wb: Workbook) -> bytes:
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def alignment_xlsx(al: Alignment) -> bytes:
    """对标表: 上级任务 | 本级条目 | 匹配度 | 状态."""
    wb = Workbook()
    ws = wb.active
    ws.title = "对标表"
    rows: list[list[Any]] = []
    for row in al.rows:
        sup = f"{row.superior.ref} {row.superior.title}"
        if not row.answers:
            rows.append([sup, "", None, "未对应"])
        for ans in row.answers:
            rows.append([sup, f"{ans.entry.ref} {ans.entry.title}", ans.score, "已对应"])
    rows += [["", f"{e.ref} {e.title}", None, "本地工作"] for e in al.local]
    _sheet(ws, ["上级任务", "本级条目", "匹配度", "状态"], rows, [48, 48, 10, 10], status_col=3)
    return _bytes(wb)


def year_xlsx(diff: YearDiff) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = "条目变化"
    kinds = {"same": "未变", "reworded": "改写", "added": "新增", "dropped": "删去"}
    rows = [[kinds[c.kind], f"{c.old.ref} {c.old.title}" if c.old else "",
             f"{c.new.ref} {c.new.title}" if c.new else "",
             "".join(t if op == "=" else f"[-{t}-]" if op == "-" else f"{{+{t}+}}"
                     for op, t in c.diff)] for c in diff.changes]
    _sheet(ws, ["变化", "去年条目", "本年条目", "改动（[-删去-] {+增加+}）"], rows, [8, 36, 36, 80])
    figures = wb.create_sheet("数字指标")
    frows = [[_title(c.new or c.old), f.label, f.unit, f.before,
              f.after, "下降" if f.against_direction else ""] for c, f in diff.figure_changes]
    _sheet(figures, ["条目", "指标", "单位", "去年", "本年", "提示"], frows, [30, 24, 8, 10, 10, 8],
           status_col=5)
    deadlines = wb.create_sheet("已过时限")
    _sheet(deadlines, ["计划", "条目", "时限"],
           [[d.which, f"{d.entry.ref} {d.entry.title}", d.text] for d in diff.deadlines],
           [8, 40, 20])
    return _bytes(wb)


def matrix_xlsx(matrix: Matrix) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = "条目对比"
    rows = [[r.chapter, r.title, *[c.status for c in r.cells]] for r in matrix.rows]
    _sheet(ws, ["章", "条目", *matrix.names], rows, [20, 36, *[10] * len(matrix.names)])
    for row in ws.iter_rows(min_row=2, min_col=3):
        for cell in row:
            fill = _FILLS.get(str(cell.value))
            if fill:
                cell.fill = PatternFill("solid", fgColor=fill)
    figures = wb.create_sheet("数字指标")
    _sheet(figures, ["条目", "指标", "单位", *matrix.names],
           [[f.item, f.label, f.unit, *f.values] for f in matrix.figures],
           [30, 24, 8, *[12] * len(matrix.names)])
    return _bytes(wb)


def _title(entry: Any) -> str:
    return str(entry.title) if entry is not None else ""
