"""One door for every document format a bureau has: `read_document(path) -> SourceText`.

`mine`, `check` and `import` all read through here. The format is decided by the file's
content where it can be (a zip package, an OLE container, a PDF, an RTF or HTML header) and
by its extension otherwise, so a .docx saved as .txt still reads. Every file is read bounded
(`drafter.util.safezip.read_bounded`: no devices, no endless reads), and every failure is a
Chinese DrafterError naming the file and what to do.

Formats: .txt/.md (any Chinese encoding), .docx (tracked changes accepted), .doc/.wps/.rtf/
.odt (LibreOffice converts), .pdf (text layer), .html/.htm (main text).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from drafter.mine.readers.base import DOCUMENT_LIMIT, TEXT_LIMIT, SourceText, source_error
from drafter.model.errors import DrafterError, Problem
from drafter.model.formats import DOCUMENT_SUFFIXES, SUPPORTED_HINT, SourceFormat
from drafter.util.safezip import OLE_MAGIC, is_encrypted_office, read_bounded

__all__ = ["DOCUMENT_SUFFIXES", "SUPPORTED_HINT", "SourceFormat", "SourceText",
           "read_document", "read_documents"]

# Formats LibreOffice converts to .docx first.
CONVERTED: tuple[str, ...] = ("doc", "wps", "rtf", "odt")
# An OLE compound file has a 512-byte header and at least a directory and a FAT sector.
_OLE_MIN = 1536


def read_document(path: Path) -> SourceText:
    """Read `path` in whatever supported format it is; DrafterError naming it otherwise."""
    return read_documents([path])[0]


def read_documents(paths: Sequence[Path]) -> list[SourceText]:
    """Read several files; those LibreOffice must convert are converted in one run.

    Every bad file is reported at once (DrafterError listing each)."""
    results: list[SourceText | None] = []
    convert: list[tuple[int, Path, SourceFormat]] = []
    problems: list[Problem] = []
    for path in map(Path, paths):
        try:
            data, fmt = _load(path)
            if fmt in CONVERTED:
                _check_legacy(path, data)
                convert.append((len(results), path, fmt))
                results.append(None)
            else:
                results.append(_checked(_read(path, data, fmt)))
        except DrafterError as exc:
            problems.extend(exc.problems)
            results.append(None)
    if convert and not problems:
        from drafter.mine.readers.office import read_via_docx

        converted = read_via_docx([(path, fmt) for _, path, fmt in convert])
        for (index, _, _), source in zip(convert, converted, strict=True):
            try:
                results[index] = _checked(source)
            except DrafterError as exc:
                problems.extend(exc.problems)
    if problems:
        raise DrafterError(problems)
    return [r for r in results if r is not None]


def _load(path: Path) -> tuple[bytes, SourceFormat]:
    suffix = path.suffix.lower()
    data = read_bounded(path, DOCUMENT_LIMIT if suffix not in (".txt", ".md") else TEXT_LIMIT,
                        what="文件")
    if not data.strip():
        raise source_error(path, "文件是空的", "请确认选对了文件")
    return data, sniff(data, suffix)


def _checked(source: SourceText) -> SourceText:
    if not any(line.strip() for line in source.lines):
        raise source_error(source.path, "文件中没有文字内容", "请确认选对了文件")
    return source


def sniff(data: bytes, suffix: str) -> SourceFormat:
    """The format by content first (what the file is), by extension second."""
    by_suffix = DOCUMENT_SUFFIXES.get(suffix)
    head = data[:1024].lstrip()
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        odf = by_suffix == "odt" or b"application/vnd.oasis.opendocument" in data[:200]
        return "odt" if odf else "docx"
    if data.startswith(OLE_MAGIC):
        return "docx" if is_encrypted_office(data) else (
            by_suffix if by_suffix in ("doc", "wps") else "doc")
    if head.startswith(b"{\\rtf"):
        return "rtf"
    if by_suffix is None and head[:15].lower().startswith((b"<!doctype html", b"<html")):
        return "html"
    # Unknown content: trust the extension (a damaged .docx/.pdf gets its reader's message).
    return by_suffix or "txt"


def _read(path: Path, data: bytes, fmt: SourceFormat) -> SourceText:
    if fmt in ("txt", "md"):
        from drafter.mine.readers.text import read_text

        return read_text(path, data, markdown=fmt == "md")
    if fmt == "docx":
        from drafter.mine.readers.docx_reader import read_docx

        return read_docx(path, data)
    if fmt == "pdf":
        from drafter.mine.readers.pdf_reader import read_pdf

        return read_pdf(path, data)
    if fmt == "html":
        from drafter.mine.readers.html_reader import read_html

        return read_html(path, data)
    raise AssertionError(f"converted formats are read in one batch, not here: {fmt}")


def _check_legacy(path: Path, data: bytes) -> None:
    if data.startswith(OLE_MAGIC[:4]) and len(data) < _OLE_MIN:
        raise source_error(path, "文件不完整或已损坏（旧版 Word/WPS 文件头之后没有内容）",
                           "请找到完整的原文件，或在 Word/WPS 中另存为 .docx 后再试")
