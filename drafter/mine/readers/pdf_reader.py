"""PDF with a text layer, read with pypdfium2 (PDFium, the engine in Chrome).

Text comes as positioned runs; runs on one baseline become a line, lines are read top to
bottom. Running headers and footers (the same text at the top or bottom of most pages) and
page numbers ("— 3 —", "第3页", "3/10") are dropped. Hard wraps are repaired by geometry: a line
that reaches the right margin of the text block continues on the next line (also across a page
break); a line that stops short ends its paragraph. A PDF without text (a scan) is refused with
a message: OCR is out of scope.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any

from drafter.mine.readers.base import SourceText, source_error

MAX_PAGES = 2000
_PAGE_NUMBER = re.compile(
    r"^[-—–－_\s]*(?:第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|\d{1,4}(?:\s*/\s*\d{1,4})?"
    r"|[ivxlcIVXLC]{1,6})[-—–－_\s]*$")
_CJK = re.compile(r"[\u2e80-\u9fff\u3000-\u303f\uff00-\uffef“”‘’—…、]")
_DIGITS = re.compile(r"\d+")


@dataclass
class _Line:
    text: str
    left: float
    right: float
    top: float
    bottom: float
    page: int


def read_pdf(path: Path, data: bytes) -> SourceText:
    pages = _page_lines(path, data)
    if sum(len(line.text) for page in pages for line in page) < 10:
        raise source_error(path, "这个 PDF 没有文字层（可能是扫描件或图片），无法读取文字",
                           "drafter 不做文字识别（OCR）；请找原始的 Word 文件，或用 WPS/OCR 工具"
                           "转成文字后另存为 .txt")
    body = _drop_running(pages)
    return SourceText(path, _unwrap(body), None, "pdf")


def _page_lines(path: Path, data: bytes) -> list[list[_Line]]:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise source_error(path, "PDF 受密码保护，无法读取",
                               "请用知道密码的阅读器打开并另存一份不加密的 PDF 后再试") from None
        raise source_error(path, "不是有效的 PDF 文件（文件不完整或已损坏）",
                           "请重新下载或重新导出 PDF 后再试") from None
    try:
        if len(pdf) > MAX_PAGES:
            raise source_error(path, f"PDF 页数过多（{len(pdf)} 页，上限 {MAX_PAGES} 页）",
                               "请确认选对了文件")
        return [_lines_of(pdf[i], i) for i in range(len(pdf))]
    except pdfium.PdfiumError:
        raise source_error(path, "PDF 文件的内容已损坏，无法读取",
                           "请重新下载或重新导出 PDF 后再试") from None
    finally:
        pdf.close()


def _lines_of(page: object, number: int) -> list[_Line]:
    """PDFium's own lines (it groups characters by baseline), each line's characters put in
    left-to-right order (LibreOffice writes runs in a fallback font, such as “ ”, after the
    rest of the line), with the line's box."""
    textpage = page.get_textpage()  # type: ignore[attr-defined]
    count = textpage.count_chars()
    text = textpage.get_text_range(0, count) if count else ""
    aligned = len(text) == count
    lines: list[_Line] = []
    start = 0
    for raw in text.split("\r\n") if text else []:
        end = start + len(raw)
        if aligned:
            line = _placed(textpage, start, raw, number)
        else:
            line = _Line(raw.strip(), 0.0, 0.0, 0.0, 0.0, number) if raw.strip() else None
        if line is not None:
            line.text = _SPACED.sub("", line.text).strip()
            if line.text:
                lines.append(line)
        start = end + 2
    return lines


def _placed(textpage: Any, start: int, raw: str, number: int) -> _Line | None:
    """The line's characters sorted by their left edge, and the union of their boxes."""
    chars: list[tuple[float, int, str]] = []
    lefts, bottoms, rights, tops = [], [], [], []
    for offset, ch in enumerate(raw):
        left, bottom, right, top = textpage.get_charbox(start + offset, loose=True)
        if ch.isspace():
            chars.append((left, offset, " "))
            continue
        chars.append((left, offset, ch))
        lefts.append(left)
        rights.append(right)
        bottoms.append(bottom)
        tops.append(top)
    if not lefts:
        return None
    # Generated spaces have no box of their own: keep them where PDFium put them.
    ordered = sorted(chars, key=lambda c: (c[0], c[1])) if _out_of_order(chars) else chars
    text = "".join(c[2] for c in ordered)
    return _Line(text, min(lefts), max(rights), max(tops), min(bottoms), number)


def _out_of_order(chars: list[tuple[float, int, str]]) -> bool:
    visible = [c[0] for c in chars if c[2] != " "]
    return any(b < a - 0.5 for a, b in pairwise(visible))


# PDFium puts a space where runs in different fonts meet ("XX 市教育局 2024 年"): none is real
# next to a Chinese character.
_SPACED = re.compile(r"(?<=[\u2e80-\u9fff\u3000-\u303f\uff00-\uffef“”‘’—…、]) +|"
                     r" +(?=[\u2e80-\u9fff\u3000-\u303f\uff00-\uffef“”‘’—…、])")


def _join(before: str, after: str, gap: float) -> str:
    """Runs of one line: no space next to Chinese, one between Latin words that stand apart."""
    if not before:
        return after
    if _CJK.match(before[-1]) or _CJK.match(after[0]) or gap < 1.5:
        return before + after
    return f"{before} {after}"


def _key(text: str) -> str:
    return _DIGITS.sub("#", re.sub(r"\s+", "", text))


def _drop_running(pages: list[list[_Line]]) -> list[_Line]:
    """Page numbers, and headers/footers repeated at the top or bottom of most pages, go."""
    edges: Counter[str] = Counter()
    for page in pages:
        for key in {_key(line.text) for line in (*page[:2], *page[-2:])}:
            edges[key] += 1
    repeated = {k for k, n in edges.items() if len(pages) >= 3 and n >= max(2, len(pages) * 0.6)}
    out: list[_Line] = []
    for page in pages:
        for i, line in enumerate(page):
            at_edge = i < 2 or i >= len(page) - 2
            if at_edge and (_PAGE_NUMBER.match(line.text) or _key(line.text) in repeated):
                continue
            out.append(line)
    return out


def _unwrap(lines: list[_Line]) -> list[str]:
    """Join a line that reaches the right margin with the line after it.

    "Reaches" allows two characters of slack (Chinese line breaking moves an opening quote or
    bracket to the next line) unless the line ends a sentence; a line that ends a sentence and
    is followed by a numbered marker (一、 （一） 1.) always ends its paragraph."""
    if not lines:
        return []
    heights = [line.top - line.bottom for line in lines if line.top > line.bottom]
    size = statistics.median(heights) if heights else 10.0
    margin = _right_margin(lines)
    out: list[str] = []
    current = ""
    for i, line in enumerate(lines):
        current = _join(current, line.text, 0.0) if current else line.text
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        ends = line.text.endswith(_STOPS)
        slack = (1.2 if ends else 2.6) * size
        full = line.right >= margin - slack
        if nxt is not None and full and not _starts_new(nxt, lines, size) and not (
                ends and _MARKER.match(nxt.text)):
            continue
        out.append(current)
        current = ""
    return out


_STOPS = ("。", "；", "！", "？", ";", "!", "?", "：", ":")
_MARKER = re.compile(r"^(?:[一二三四五六七八九十]{1,3}[、.．]"
                     r"|[（(][一二三四五六七八九十\d]{1,3}[）)]"
                     r"|\d{1,3}[.．、](?!\d)|第[一二三四五六七八九十]+[章部分条])")


def _right_margin(lines: list[_Line]) -> float:
    """The right edge most full lines share (the text block's right margin)."""
    rights = sorted(line.right for line in lines)
    return rights[int(len(rights) * 0.9)] if len(rights) > 5 else rights[-1]


def _starts_new(line: _Line, lines: list[_Line], size: float) -> bool:
    """A line indented by about two characters starts a paragraph even after a full line."""
    lefts = [x.left for x in lines if x.page == line.page] or [line.left]
    return line.left - min(lefts) >= 1.5 * size
