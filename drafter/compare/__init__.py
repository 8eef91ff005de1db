"""Compare plans: against a superior's plan (对标), against last year's, and across counties.

A middle layer like mine/ and check/: it works on plain entries (`items.Entry`) that the
caller builds from a mined document or a rendered plan, so it never reads files, renders or
mines itself. Matching uses jieba word segmentation with TF-IDF weights plus rapidfuzz;
figures and their direction come from `drafter.model.figures`, shared with the checks.

Public names (for cli and tui; import-linter holds them to these) are imported on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from drafter.util.lazy import exports

if TYPE_CHECKING:
    from drafter.compare.items import Entry, entries_from_blocks, entries_from_document
    from drafter.compare.lastyear import diff_years
    from drafter.compare.match import Alignment, Row, align
    from drafter.compare.matrix import county_matrix
    from drafter.compare.report import (
        alignment_json,
        alignment_markdown,
        alignment_text,
        clean,
        matrix_json,
        matrix_markdown,
        matrix_text,
        year_json,
        year_markdown,
        year_text,
    )
    from drafter.compare.tokens import words
    from drafter.compare.xlsx import alignment_xlsx, matrix_xlsx, year_xlsx

__all__ = [
    "Alignment",
    "Entry",
    "Row",
    "align",
    "alignment_json",
    "alignment_markdown",
    "alignment_text",
    "alignment_xlsx",
    "clean",
    "county_matrix",
    "diff_years",
    "entries_from_blocks",
    "entries_from_document",
    "matrix_json",
    "matrix_markdown",
    "matrix_text",
    "matrix_xlsx",
    "words",
    "year_json",
    "year_markdown",
    "year_text",
    "year_xlsx",
]
__getattr__ = exports(__name__, {
    "Entry": "items",
    "entries_from_blocks": "items",
    "entries_from_document": "items",
    "Alignment": "match",
    "Row": "match",
    "align": "match",
    "diff_years": "lastyear",
    "county_matrix": "matrix",
    "clean": "report",
    "alignment_json": "report",
    "alignment_markdown": "report",
    "alignment_text": "report",
    "matrix_json": "report",
    "matrix_markdown": "report",
    "matrix_text": "report",
    "year_json": "report",
    "year_markdown": "report",
    "year_text": "report",
    "alignment_xlsx": "xlsx",
    "matrix_xlsx": "xlsx",
    "year_xlsx": "xlsx",
    "words": "tokens",
})
