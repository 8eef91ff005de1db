"""Read a source plan (.txt, .docx, .md) into plain lines of text.

The miner's only door to the file system and the only mine module that imports python-docx.
Encodings are detected, never guessed: byte-order marks first, then strict UTF-8, then
charset-normalizer. Bad input (missing, unreadable, empty, binary, undecodable, a broken
.docx) raises DrafterError with a Chinese message naming the file. This module does no
cleaning beyond line ends and markdown markup: junk, wrapping and punctuation are clean.py's.
"""

from __future__ import annotations

import codecs
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from drafter.mine.docx_numbering import Numbering
from drafter.model.errors import DrafterError

SourceFormat = Literal["txt", "docx", "md"]

# Longest first: the UTF-32 LE mark starts with the UTF-16 LE mark.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Encodings a Chinese plan plausibly comes in when it is not UTF-8 (charset-normalizer picks).
_CANDIDATES = ["gb18030", "gbk", "gb2312", "big5", "big5hkscs"]
# Control characters that never occur in a text document (tab, CR, LF, FF are allowed).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_NEWLINES = re.compile(r"\r\n|\r|\n|\u2028|\u2029|\x0c")
_UNSUPPORTED = {
    ".doc": "旧版 Word（.doc）文件无法直接读取，请在 Word 或 WPS 中另存为 .docx 后再试",
    ".wps": "WPS（.wps）文件无法直接读取，请另存为 .docx 后再试",
    ".pdf": "PDF 文件无法直接读取，请复制其中文字另存为 .txt 后再试",
}


@dataclass
class SourceText:
    """A source file's text as lines (no line ends), before any cleaning."""

    path: Path
    lines: list[str]
    encoding: str | None  # None for .docx
    format: SourceFormat


def read_source(path: Path) -> SourceText:
    """Read `path` as .txt/.md (any common Chinese encoding) or .docx."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in _UNSUPPORTED:
        raise _error(path, _UNSUPPORTED[suffix])
    data = _read_bytes(path)
    if suffix == ".docx" or (suffix not in (".txt", ".md") and data[:2] == b"PK"):
        lines = _docx_lines(path, data)
        result = SourceText(path, lines, None, "docx")
    else:
        text, encoding = decode_bytes(data, path)
        lines = _NEWLINES.split(text)
        if suffix in (".md", ".markdown"):
            lines = strip_markdown(lines)
            result = SourceText(path, lines, encoding, "md")
        else:
            result = SourceText(path, lines, encoding, "txt")
    if not any(line.strip() for line in result.lines):
        raise _error(path, "文件中没有文字内容", "请确认选对了文件")
    return result


def _error(path: Path, message: str, hint: str | None = None) -> DrafterError:
    return DrafterError.one(message, file=str(path), hint=hint)


def _read_bytes(path: Path) -> bytes:
    if not path.exists():
        raise _error(path, "找不到该文件", "请检查文件名和路径")
    if path.is_dir():
        raise _error(path, "这是一个文件夹，不是文件", "请给出 .txt、.docx 或 .md 文件")
    try:
        data = path.read_bytes()
    except PermissionError:
        raise _error(path, "没有读取该文件的权限", "请检查文件权限") from None
    except OSError as exc:
        raise _error(path, f"无法读取该文件：{exc.strerror or exc}") from None
    if not data.strip():
        raise _error(path, "文件是空的", "请确认选对了文件")
    return data


def decode_bytes(data: bytes, path: Path) -> tuple[str, str]:
    """Text and the encoding it was in. BOM, then strict UTF-8, then charset-normalizer."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(data[len(bom):].decode(encoding), path), encoding
            except UnicodeDecodeError:
                raise _error(path, f"文件开头标明是 {encoding.upper()} 编码，但内容无法按此解码",
                             "文件可能已损坏，请重新另存为 UTF-8 文本") from None
    if b"\x00" in data:
        raise _error(path, "这是二进制文件，不是文本", "请给出 .txt、.docx 或 .md 文件")
    try:
        return _checked(data.decode("utf-8"), path), "utf-8"
    except UnicodeDecodeError:
        pass
    return _detect(data, path)


def _detect(data: bytes, path: Path) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=_CANDIDATES).best()
    if best is None or best.encoding is None:
        raise _error(path, "无法识别文件的文字编码",
                     "请用记事本或 WPS 把文件另存为 UTF-8 编码的 .txt 后再试")
    return _checked(str(best), path), best.encoding


def _checked(text: str, path: Path) -> str:
    controls = len(_CONTROL.findall(text))
    if controls > max(2, len(text) // 200) or text.count("\ufffd") > max(2, len(text) // 100):
        raise _error(path, "文件含有大量无法显示的字符，看起来不是文本文件",
                     "请给出 .txt、.docx 或 .md 文件")
    return _CONTROL.sub("", text)


# ---------------------------------------------------------------- .docx


def _docx_lines(path: Path, data: bytes) -> list[str]:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise _error(path, f"不是有效的 Word（.docx）文件：{exc}",
                     "文件可能已损坏，或扩展名不对；请在 Word/WPS 中重新另存为 .docx") from None
    numbering = Numbering.from_parts(_part_element(document.part, "numbering_part"),
                                     _part_element(document.part, "_styles_part"))
    return list(_block_texts(document.element.body, numbering))


def _part_element(part: Any, name: str) -> Any | None:
    """numbering.xml / styles.xml of the document, None when it has none."""
    try:
        return getattr(part, name).element
    except (KeyError, NotImplementedError, AttributeError):
        return None


def _block_texts(parent: Any, numbering: Numbering) -> Iterator[str]:
    """Paragraph texts in document order (with Word's list numbers); table cells as paragraphs,
    content controls opened."""
    from docx.oxml.ns import qn

    p_tag, tbl_tag, sdt_tag = qn("w:p"), qn("w:tbl"), qn("w:sdt")
    for child in parent.iterchildren():
        if child.tag == p_tag:
            text = _paragraph_text(child)
            yield numbering.prefix(child) + text if text.strip() else text
        elif child.tag == tbl_tag:
            yield from _table_texts(child, numbering)
        elif child.tag == sdt_tag:
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                yield from _block_texts(content, numbering)


def _table_texts(tbl: Any, numbering: Numbering) -> Iterator[str]:
    from docx.oxml.ns import qn

    for tr in tbl.iterchildren(qn("w:tr")):
        for tc in tr.iterchildren(qn("w:tc")):
            yield from _block_texts(tc, numbering)


def _paragraph_text(p: Any) -> str:
    from docx.text.paragraph import Paragraph

    return str(Paragraph(p, None).text)  # type: ignore[arg-type]  # text only: no story part


# ---------------------------------------------------------------- .md

_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s*(.*?)\s*#*\s*$")
_MD_BULLET = re.compile(r"^\s*(?:[-*+]|>+)\s+")
_MD_RULE = re.compile(r"^\s*(?:[-*_]\s*){3,}$|^\s*```.*$|^\s*\|?\s*:?-{3,}.*$")
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|~~|`)(?=[^\s*_])(.+?)(?<=[^\s*_])\1")
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_ORDERED = re.compile(r"^\s*(\d{1,3})\.\s+")


def strip_markdown(lines: list[str]) -> list[str]:
    """Markdown markup off: headings, emphasis, links, bullets, rules, table pipes.

    Numbered list markers ("1. ") stay, as item markers ("1."), and one line stays one line
    so line numbers still point into the file.
    """
    out: list[str] = []
    for line in lines:
        if _MD_RULE.match(line):
            out.append("")
            continue
        heading = _MD_HEADING.match(line)
        if heading:
            line = heading.group(1)
        line = _MD_BULLET.sub("", line)
        line = _MD_ORDERED.sub(lambda m: f"{m.group(1)}.", line)
        line = _MD_LINK.sub(r"\1", line)
        line = _MD_EMPHASIS.sub(r"\2", line)
        if line.lstrip().startswith("|"):
            line = " ".join(c.strip() for c in line.strip().strip("|").split("|"))
        out.append(line)
    return out
