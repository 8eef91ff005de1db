"""PDF through LibreOffice headless: the one real converter a bureau PC or CI may have.

Each conversion runs `soffice` as drafter.util.office runs it for every caller (private
profile; the whole process group stopped at the timeout); no soffice, a failure or a timeout is a
Chinese DrafterError saying what to do. Pages are counted with pypdfium2. Works on bytes
in a temporary folder; writes nothing the caller did not ask for.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from drafter.model.errors import DrafterError
from drafter.util.office import OfficeStartError, OfficeTimeout, find_soffice, run_convert

TIMEOUT = 240  # seconds; a 30-page plan converts in a few


def have_soffice() -> bool:
    return find_soffice() is not None


def docx_to_pdf(data: bytes, *, timeout: int = TIMEOUT) -> bytes:
    """The PDF LibreOffice makes of a .docx given as bytes."""
    command = find_soffice()
    if command is None:
        raise DrafterError.one(
            "未找到 LibreOffice（soffice），无法生成 PDF",
            hint="请安装 LibreOffice 后重试；或先生成 .docx，在 Word/WPS 中“另存为 PDF”")
    with tempfile.TemporaryDirectory(prefix="drafter-pdf-") as tmp:
        work = Path(tmp)
        source = work / "document.docx"
        source.write_bytes(data)
        try:
            status = run_convert(command, [source], work, "pdf", timeout=timeout)
        except OfficeTimeout:
            raise DrafterError.one(f"LibreOffice 转换 PDF 超时（{timeout} 秒）",
                                   hint="请关闭其他 LibreOffice 窗口后重试") from None
        except OfficeStartError as exc:
            raise DrafterError.one(f"无法运行 LibreOffice：{exc}") from None
        pdf = work / "document.pdf"
        if status != 0 or not pdf.is_file():
            raise DrafterError.one("LibreOffice 未能把文档转换为 PDF",
                                   hint="请先生成 .docx，在 Word/WPS 中打开检查")
        return pdf.read_bytes()


def page_count(pdf: bytes) -> int:
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        return len(document)
    finally:
        document.close()
