"""Word .docx: paragraphs in document order, as if every tracked change were accepted.

Read with python-docx after `drafter.util.safezip` has vetted the package (sizes, ratios, no
DTD, bounded depth). Text is taken from the runs directly, not from python-docx's
`Paragraph.text`, because that skips runs inside `w:ins` (tracked insertions): inserted text
is kept, deleted text (`w:del`, `w:moveFrom`) dropped, a paragraph whose mark was deleted is
joined to the next one, comments (their own part) never read, field codes skipped. Table
cells and content controls read as paragraphs; Word's list numbers become text markers.
Bookmarks drafter wrote around its items (`drafter.model.identity`) are reported per line.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from drafter.mine.docx_numbering import Numbering
from drafter.mine.readers.base import SourceText, source_error
from drafter.model.identity import is_identity
from drafter.util.safezip import check_package

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _TBL, _SDT, _R = f"{W}p", f"{W}tbl", f"{W}sdt", f"{W}r"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
# Deleted text, properties, field codes, note marks; and the fallback copy Word writes beside
# a text box or shape (mc:Choice holds the same text).
_SKIP = {f"{W}del", f"{W}moveFrom", f"{W}pPr", f"{W}rPr", f"{W}instrText", f"{W}delText",
         f"{W}commentReference", f"{W}footnoteReference", f"{W}endnoteReference",
         f"{MC}Fallback"}
_TEXT = {f"{W}t": None, f"{W}tab": "\t", f"{W}br": "\n", f"{W}cr": "\n",
         f"{W}noBreakHyphen": "-", f"{W}softHyphen": ""}
_BOOKMARK = f"{W}bookmarkStart"


def read_docx(path: Path, data: bytes, *, fmt: str = "docx") -> SourceText:
    import io

    import docx
    from docx.opc.exceptions import PackageNotFoundError

    check_package(path, data)
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, OSError) as exc:
        raise source_error(path, f"不是有效的 Word（.docx）文件（{type(exc).__name__}）",
                           "文件可能已损坏，或扩展名不对；请在 Word/WPS 中重新另存为 .docx"
                           ) from None
    except Exception as exc:  # lxml / zipfile errors python-docx lets through
        raise source_error(path, f"无法读取该 Word 文件（{type(exc).__name__}）",
                           "文件可能已损坏；请在 Word/WPS 中打开后重新另存为 .docx") from None
    numbering = Numbering.from_parts(_part_element(document.part, "numbering_part"),
                                     _part_element(document.part, "_styles_part"))
    lines: list[str] = []
    marks: dict[int, str] = {}
    for text, mark in _joined(_block_texts(document.element.body, numbering)):
        if mark:
            marks[len(lines)] = mark
        lines.append(text)
    return SourceText(path, lines, None, fmt, marks)  # type: ignore[arg-type]


def _part_element(part: Any, name: str) -> Any | None:
    """numbering.xml / styles.xml of the document, None when it has none."""
    try:
        return getattr(part, name).element
    except (KeyError, NotImplementedError, AttributeError):
        return None


_Para = tuple[str, str | None, bool]  # text, identity, paragraph mark deleted


def _joined(paras: Iterator[_Para]) -> Iterator[tuple[str, str | None]]:
    """Paragraphs whose mark was deleted (tracked) run on into the next one."""
    pending: tuple[str, str | None] | None = None
    for text, mark, mark_deleted in paras:
        if pending is not None:
            text, mark = pending[0] + text, pending[1] or mark
            pending = None
        if mark_deleted:
            pending = (text, mark)
            continue
        yield text, mark
    if pending is not None:
        yield pending


def _block_texts(parent: Any, numbering: Numbering, pending: list[str] | None = None
                 ) -> Iterator[_Para]:
    """Paragraph texts in document order (with Word's list numbers); table cells as paragraphs,
    content controls opened. A bookmark between paragraphs belongs to the next one."""
    pending = [] if pending is None else pending
    for child in parent.iterchildren():
        tag = child.tag
        if tag == _P:
            text, mark = paragraph_text(child)
            mark = mark or next((m for m in pending if is_identity(m)), None)
            pending.clear()
            if text.strip():
                text = numbering.prefix(child) + text
            yield text, mark, _mark_deleted(child)
        elif tag == _TBL:
            for tr in child.iterchildren(f"{W}tr"):
                for tc in tr.iterchildren(f"{W}tc"):
                    yield from _block_texts(tc, numbering, pending)
        elif tag == _SDT:
            content = child.find(f"{W}sdtContent")
            if content is not None:
                yield from _block_texts(content, numbering, pending)
        elif tag == _BOOKMARK:
            pending.append(child.get(f"{W}name", ""))
        elif tag in (f"{W}ins", f"{W}moveTo", f"{W}customXml"):
            yield from _block_texts(child, numbering, pending)


def _mark_deleted(p: Any) -> bool:
    ppr = p.find(f"{W}pPr")
    rpr = ppr.find(f"{W}rPr") if ppr is not None else None
    return rpr is not None and rpr.find(f"{W}del") is not None


def paragraph_text(p: Any) -> tuple[str, str | None]:
    """The paragraph's text with insertions kept and deletions dropped, and the first drafter
    identity bookmarked in it."""
    out: list[str] = []
    mark: str | None = None
    stack = [iter(p.iterchildren())]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
            continue
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag == _BOOKMARK:
            name = child.get(f"{W}name", "")
            if mark is None and is_identity(name):
                mark = name
            continue
        if tag in _TEXT:
            piece = _TEXT[tag]
            out.append(child.text or "" if piece is None else piece)
            continue
        stack.append(iter(child.iterchildren()))
    return "".join(out), mark
