"""Across counties: which county kept, changed or dropped which item, and every figure side by side.

The first plan is the reference (a batch's base plan, or the first file given); every other
plan's items pair with it one to one (pairing.py). An item only some counties have becomes a row
of its own. Pure.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from drafter.compare.items import Entry
from drafter.compare.pairing import pair_versions, same_but_numbers
from drafter.model.figures import Figure, align_figures, extract_figures

CellStatus = Literal["同", "数", "改", "缺", "增"]
STATUS_WORDS: dict[str, str] = {
    "同": "与基准相同（地名和全市/全县等级别用语不计）", "数": "只有数字不同",
    "改": "措辞有改动", "缺": "没有这一条",
    "增": "本地新增",
}


@dataclass
class Cell:
    status: CellStatus
    entry: Entry | None = None


@dataclass
class MatrixRow:
    chapter: str
    title: str
    cells: list[Cell]  # one per plan, in the order given


@dataclass
class FigureRow:
    item: str  # the row's title
    label: str
    unit: str
    values: list[float | None]  # one per plan


@dataclass
class Matrix:
    names: list[str]
    rows: list[MatrixRow] = field(default_factory=list)
    figures: list[FigureRow] = field(default_factory=list)

    def count(self, column: int, status: CellStatus) -> int:
        return sum(1 for r in self.rows if r.cells[column].status == status)


def _masker(regions: Sequence[str | None], equivalents: Sequence[Sequence[str]]
            ) -> list[tuple[str, str]]:
    """(word, neutral token) for place names and each group of equivalent words, longest
    words first so 教育强市 is masked before 全市 could cut into it."""
    pairs = [(r, "〈地区〉") for r in {r for r in regions if r}]
    pairs += [(w, f"〈{k}〉") for k, group in enumerate(equivalents) for w in group if w]
    return sorted(pairs, key=lambda p: len(p[0]), reverse=True)


def _masked(text: str, masker: list[tuple[str, str]]) -> str:
    for word, token in masker:
        text = text.replace(word, token)
    return text


def county_matrix(plans: Sequence[tuple[str, Sequence[Entry]]],
                  regions: Sequence[str | None] | None = None,
                  equivalents: Sequence[Sequence[str]] = ()) -> Matrix:
    """Rows: the reference plan's items, then items found only in other plans.

    `regions` (one per plan) are the plans' own place names: an item that differs only in
    place names (安顺市 vs 西秀区, in either plan's text) counts as the same wording, and so do
    `equivalents`: groups of words that differ by plan level (全市/全县/全区, from the level
    terms table), which drafter itself adapts."""
    masker = _masker(list(regions) if regions is not None else [], equivalents)
    if not plans:
        return Matrix([])
    names = [name for name, _ in plans]
    reference = list(plans[0][1])
    rows = [MatrixRow(e.chapter, e.title, [Cell("同", e)] + [Cell("缺") for _ in plans[1:]])
            for e in reference]
    for column, (_, entries) in enumerate(plans[1:], start=1):
        pairs = pair_versions(reference, entries)
        paired = set()
        for i, j, _ in pairs:
            paired.add(j)
            mine, base = entries[j], reference[i]
            mine_text = _masked(mine.text, masker)
            base_text = _masked(base.text, masker)
            status: CellStatus = ("同" if mine_text == base_text
                                  else "数" if same_but_numbers(mine_text, base_text) else "改")
            rows[i].cells[column] = Cell(status, mine)
        for j, entry in enumerate(entries):
            if j not in paired:
                cells = [Cell("缺") for _ in plans]
                cells[column] = Cell("增", entry)
                rows.append(MatrixRow(entry.chapter, entry.title, cells))
    matrix = Matrix(names, rows)
    matrix.figures = _figure_rows(rows, len(plans))
    return matrix


def _figure_rows(rows: list[MatrixRow], width: int) -> list[FigureRow]:
    out: list[FigureRow] = []
    for row in rows:
        anchor = next((c.entry for c in row.cells if c.entry is not None), None)
        if anchor is None:
            continue
        base: list[Figure] = extract_figures(anchor.text)
        if not base:
            continue
        table = [FigureRow(row.title, f.label or f.text, f.unit, [None] * width) for f in base]
        for column, cell in enumerate(row.cells):
            if cell.entry is None:
                continue
            for old, new in align_figures(base, extract_figures(cell.entry.text)):
                if old is not None and new is not None:
                    table[base.index(old)].values[column] = new.value
        out.extend(table)
    return out
