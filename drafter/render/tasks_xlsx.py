"""The 重点任务分解表 as an Excel workbook: bureaus track who does what by when in Excel.

The same rows as the Word table (`tasks.task_rows`): a title row, the header row in bold,
chapter rows merged across the five columns, one row per item. Column widths suit Chinese
text (a CJK character is about two Excel width units), text wraps, the header row is frozen,
and the sheet prints landscape on A4 with the title and header rows repeated on every page.
Built with openpyxl; returns bytes.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from drafter.model.blocks import Block
from drafter.render.profile import TASK_COLUMNS, Profile
from drafter.render.tasks import GroupRow, task_rows

# Excel column widths in characters of the default font; a CJK character takes about two.
_WIDTHS = (6, 24, 60, 18, 14)
_CENTRED = (0, 4)


def tasks_xlsx_bytes(blocks: Sequence[Block], *, profile: Profile) -> bytes:
    """The task table for `blocks` as .xlsx bytes."""
    title = next((b.plain for b in blocks if b.role == "title"), "")
    full_title = f"{title}{profile.tasks.title_suffix}"
    cell_font = profile.tasks.cell.font
    head_font = profile.tasks.header.font
    book = Workbook()
    sheet = book.active
    sheet.title = profile.tasks.title_suffix[:31] or "任务分解表"
    thin = Side(style="thin", color="000000")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="center")
    centred = Alignment(wrap_text=True, vertical="center", horizontal="center")

    columns = len(TASK_COLUMNS)
    sheet.append([full_title])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=columns)
    sheet.cell(1, 1).font = Font(name=profile.roles.title.font, size=18)
    sheet.cell(1, 1).alignment = centred
    sheet.row_dimensions[1].height = 36
    sheet.append(list(TASK_COLUMNS))
    for col in range(1, columns + 1):
        cell = sheet.cell(2, col)
        cell.font = Font(name=head_font, bold=True, size=12)
        cell.alignment = centred
        cell.border = border
    for row in task_rows(blocks):
        if isinstance(row, GroupRow):
            sheet.append([row.text])
            r = sheet.max_row
            sheet.merge_cells(start_row=r, start_column=1, end_row=r, end_column=columns)
            for col in range(1, columns + 1):
                sheet.cell(r, col).border = border
            sheet.cell(r, 1).font = Font(name=profile.tasks.group.font, bold=True, size=12)
            sheet.cell(r, 1).alignment = wrap
            continue
        sheet.append([row.number, row.task, row.content, row.owners, row.deadline])
        r = sheet.max_row
        for col in range(1, columns + 1):
            cell = sheet.cell(r, col)
            cell.font = Font(name=cell_font, size=12)
            cell.alignment = centred if col - 1 in _CENTRED else wrap
            cell.border = border
    for i, width in enumerate(_WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = width
    sheet.freeze_panes = "A3"
    sheet.print_title_rows = "1:2"
    setup = sheet.page_setup
    setup.orientation = "landscape"
    setup.paperSize = sheet.PAPERSIZE_A4
    setup.fitToWidth = 1
    setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    book.properties.title = full_title
    book.properties.creator = "drafter"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
