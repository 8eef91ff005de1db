"""The reader interface on small files made here: tracked changes, bad and unsupported files,
LibreOffice missing or hanging."""

from __future__ import annotations

import os
import time
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml

from drafter.mine.readers import read_document
from drafter.model.errors import DrafterError

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def tracked_docx(path: Path) -> Path:
    document = docx.Document()
    document.add_paragraph("一、加强党的建设")
    p = document.add_paragraph()
    p._p.append(parse_xml(f'<w:r {W_NS}><w:t xml:space="preserve">1.抓好学习。全年培训</w:t>'
                          '</w:r>'))
    p._p.append(parse_xml(f'<w:del {W_NS} w:id="1" w:author="局长"><w:r><w:delText>100'
                          '</w:delText></w:r></w:del>'))
    p._p.append(parse_xml(f'<w:ins {W_NS} w:id="2" w:author="局长"><w:r><w:t>120</w:t></w:r>'
                          '</w:ins>'))
    p._p.append(parse_xml(f'<w:r {W_NS}><w:t>人次。</w:t></w:r>'))
    p._p.append(parse_xml(f'<w:r {W_NS}><w:commentReference w:id="0"/></w:r>'))
    # A paragraph whose mark was deleted runs on into the next one.
    q = document.add_paragraph()
    q._p.get_or_add_pPr().append(parse_xml(f'<w:rPr {W_NS}><w:del w:id="3" w:author="局长"/>'
                                           '</w:rPr>'))
    q._p.append(parse_xml(f'<w:r {W_NS}><w:t>2.推进改革，</w:t></w:r>'))
    document.add_paragraph("深化评价。")
    document.save(path)
    return path


def test_tracked_changes_are_read_as_accepted(tmp_path: Path) -> None:
    source = read_document(tracked_docx(tmp_path / "改过.docx"))
    assert source.lines == ["一、加强党的建设", "1.抓好学习。全年培训120人次。",
                            "2.推进改革，深化评价。"]


@pytest.mark.parametrize(("name", "data", "message"), [
    # (file, bytes, what the message says)
    ("空.docx", b"", "文件是空的"),
    ("空白.txt", b"  \n\n ", "文件是空的"),
    ("加密.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600
     + "EncryptedPackage".encode("utf-16-le") + b"\0" * 1000, "密码"),
    ("坏的.pdf", b"%PDF-1.7\n garbage", "不是有效的 PDF"),
    ("截断.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "文件不完整"),
])
def test_bad_files_are_named_with_what_to_do(tmp_path: Path, name: str, data: bytes,
                                             message: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(DrafterError) as info:
        read_document(path)
    text = str(info.value)
    assert message in text and name in text and "（" in text  # a hint follows


def test_scanned_pdf_without_text(tmp_path: Path) -> None:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument.new()
    pdf.new_page(595, 842)
    pdf.new_page(595, 842)
    path = tmp_path / "扫描件.pdf"
    pdf.save(str(path))
    with pytest.raises(DrafterError, match=r"没有文字层.*OCR"):
        read_document(path)


def test_without_libreoffice_the_message_says_how_to_convert(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DRAFTER_SOFFICE", str(tmp_path / "no-such-soffice"))
    path = tmp_path / "去年.odt"
    path.write_bytes(b"PK\x03\x04" + b"\0" * 100)
    with pytest.raises(DrafterError, match=r"需要 LibreOffice.*另存为 \.docx"):
        read_document(path)


def test_a_hung_conversion_is_stopped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A converter that never finishes is killed after the timeout, with its children."""
    pid_file = tmp_path / "child.pid"
    fake = tmp_path / "soffice"
    fake.write_text(f"#!/bin/sh\nsleep 300 &\necho $! > {pid_file}\nwait\n", encoding="utf-8")
    fake.chmod(0o755)
    monkeypatch.setenv("DRAFTER_SOFFICE", str(fake))
    monkeypatch.setenv("DRAFTER_SOFFICE_TIMEOUT", "2")
    path = tmp_path / "去年.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4000)
    started = time.monotonic()
    with pytest.raises(DrafterError, match="超过 2 秒仍未完成，已停止"):
        read_document(path)
    assert time.monotonic() - started < 30
    child = int(pid_file.read_text())
    time.sleep(0.2)
    assert not alive(child)


def alive(pid: int) -> bool:
    """Running (a killed process nobody has reaped yet is a zombie, not alive)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    status = Path(f"/proc/{pid}/status")
    return not (status.exists() and "\nState:\tZ" in status.read_text())


def test_unsupported_binary_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "图片.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    with pytest.raises(DrafterError, match=r"图片\.png"):
        read_document(path)


def test_password_protected_docx(tmp_path: Path) -> None:
    """A .docx encrypted the way Word does it (an OLE container with an EncryptedPackage)."""
    import io

    from msoffcrypto.format.ooxml import OOXMLFile

    plain = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("一、加强党的建设")
    document.save(plain)
    plain.seek(0)
    locked = io.BytesIO()
    OOXMLFile(plain).encrypt("局长密码", locked)
    path = tmp_path / "加密的计划.docx"
    path.write_bytes(locked.getvalue())
    with pytest.raises(DrafterError, match=r"加密的计划\.docx.*受密码保护.*取消密码"):
        read_document(path)


def test_password_protected_pdf(tmp_path: Path) -> None:
    """A PDF LibreOffice exported with an open password."""
    from drafter.mine.readers.office import convert

    source = tmp_path / "plan.docx"
    document = docx.Document()
    document.add_paragraph("一、加强党的建设")
    document.save(source)
    export = ('pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},'
              '"DocumentOpenPassword":{"type":"string","value":"x"}}')
    (locked,) = convert([source], tmp_path / "out", export)
    with pytest.raises(DrafterError, match=r"PDF 受密码保护"):
        read_document(locked)


def test_text_box_text_is_read_once(tmp_path: Path) -> None:
    """Word writes a text box twice (mc:Choice and mc:Fallback): its text counts once."""
    document = docx.Document()
    p = document.add_paragraph()
    box = ('<w:txbxContent><w:p><w:r><w:t>附件</w:t></w:r></w:p></w:txbxContent>')
    p._p.append(parse_xml(
        f'<w:r {W_NS} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
        f'<mc:AlternateContent><mc:Choice Requires="wps"><w:pict>{box}</w:pict></mc:Choice>'
        f'<mc:Fallback><w:pict>{box}</w:pict></mc:Fallback></mc:AlternateContent></w:r>'))
    path = tmp_path / "box.docx"
    document.save(path)
    assert read_document(path).lines == ["附件"]
