"""Fitting the notice's first page: GB/T 9704 7.3.5.4 allows narrowing the line pitch when
the 落款 would not fit (调整行距); heights are estimated on the 28-character grid.

Works on the paragraphs notice_docx built; knows nothing about the texts.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from docx.oxml.ns import qn
from lxml import etree

from drafter.render.profile import Profile

_MIN_LINE = 440  # 22 pt: the tightest line the notice page may use (the 22 pt title fits)


def tighten(nodes: Sequence[etree._Element], profile: Profile) -> None:
    """Fit the notice on its first page by narrowing the line pitch, as GB/T 9704 7.3.5.4
    allows (调整行距), when it overflows by a little; heights are estimated from the text
    on the 28-character grid. A notice far too long for one page is left alone: its 落款
    still keeps with the last paragraph above it."""
    page = profile.page
    block = page.height - page.margin_top - page.margin_bottom
    pitch, chars = profile.grid.line_pitch, profile.grid.chars_per_line
    unit = profile.grid.char_unit
    fixed, grid = 0, []
    for node in nodes:
        if node.tag == qn("w:tbl"):
            fixed += sum(_line(p) for p in node.iter(qn("w:p")))
            continue
        spacing = node.find(f"{qn('w:pPr')}/{qn('w:spacing')}")
        before = int(spacing.get(qn("w:before")) or 0) if spacing is not None else 0
        fixed += before
        if _line(node) != pitch:
            fixed += _line(node)
            continue
        ind = node.find(f"{qn('w:pPr')}/{qn('w:ind')}")
        left, right, first = (_twips(ind, k) for k in ("left", "right", "firstLine"))
        width = chars - (left + right) / unit
        text = "".join(t.text or "" for t in node.iter(qn("w:t")))
        used = sum(0.5 if ch.isascii() else 1.0 for ch in text) + first / unit
        lines = max(math.ceil(used / width), 1) + sum(1 for _ in node.iter(qn("w:br")))
        grid.append((node, lines))
    count = sum(lines for _, lines in grid)
    if fixed + count * pitch <= block or not count:
        return
    line = (block - fixed - pitch // 2) // count
    if line < _MIN_LINE:
        return
    for node, _ in grid:
        set_line(node, line=line)


def _twips(ind: etree._Element | None, attr: str) -> int:
    return int(ind.get(qn(f"w:{attr}")) or 0) if ind is not None else 0


def _line(p: etree._Element) -> int:
    spacing = p.find(f"{qn('w:pPr')}/{qn('w:spacing')}")
    return int(spacing.get(qn("w:line")) or 0) if spacing is not None else 0


def set_line(p: etree._Element, *, line: int, before: int | None = None) -> None:
    spacing = p.find(f"{qn('w:pPr')}/{qn('w:spacing')}")
    spacing.set(qn("w:line"), str(line))  # type: ignore[union-attr]
    if before is not None:
        spacing.set(qn("w:before"), str(before))  # type: ignore[union-attr]
