"""Hostile document files, made at test time (small on disk, dangerous when trusted)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def docx_with_document_xml(path: Path, document_xml: bytes) -> Path:
    """A real .docx (python-docx's default parts) whose word/document.xml is replaced."""
    buffer = io.BytesIO()
    docx.Document().save(buffer)
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            data = source.read(info.filename)
            out.writestr(info.filename, document_xml if info.filename == "word/document.xml"
                         else data)
    return path


def paragraph_xml(text: str) -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p>'
            f'</w:body></w:document>').encode()


def truncated_xml() -> bytes:
    return paragraph_xml("一、加强党的建设")[:-40]


def entity_bomb_xml() -> bytes:
    levels = ['<!ENTITY a0 "要点要点要点要点要点要点要点要点要点要点">']
    for i in range(1, 10):
        levels.append(f'<!ENTITY a{i} "{("&a" + str(i - 1) + ";") * 10}">')
    dtd = "<!DOCTYPE w:document [" + "".join(levels) + "]>"
    return (f'<?xml version="1.0" encoding="UTF-8"?>{dtd}<w:document xmlns:w="{W_NS}">'
            f'<w:body><w:p><w:r><w:t>&a9;</w:t></w:r></w:p></w:body></w:document>').encode()


def deep_xml(depth: int = 5000) -> bytes:
    inner = "<w:sdt><w:sdtContent>" * depth + "</w:sdtContent></w:sdt>" * depth
    return (f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W_NS}"><w:body>'
            f'{inner}</w:body></w:document>').encode()


def zip_bomb_docx(path: Path, inflated: int = 64 * 1024 * 1024) -> Path:
    """A .docx whose document.xml inflates to `inflated` bytes from well under 1 MB."""
    buffer = io.BytesIO()
    docx.Document().save(buffer)
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    head = f'<?xml version="1.0"?><w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>'
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as out:
        for info in source.infolist():
            if info.filename != "word/document.xml":
                out.writestr(info.filename, source.read(info.filename))
        with out.open("word/document.xml", "w", force_zip64=True) as stream:
            stream.write(head.encode())
            block = b" " * (1024 * 1024)
            for _ in range(inflated // len(block)):
                stream.write(block)
    return path
