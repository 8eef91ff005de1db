"""Legacy and other office formats (.doc, .wps, .rtf, .odt) through LibreOffice.

`soffice --headless --convert-to docx`, run as drafter.util.office runs it for every caller
(private profile, own process group, stopped with the whole group after a timeout). The .docx
it writes is then read like any other. Where LibreOffice is not installed, the message says so
and how to convert by hand.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from drafter.mine.readers.base import DOCUMENT_LIMIT, SourceText, source_error
from drafter.model.errors import DrafterError
from drafter.util.office import OfficeStartError, OfficeTimeout, find_soffice, run_convert

__all__ = ["convert", "find_soffice", "read_via_docx"]

DEFAULT_TIMEOUT = 120.0  # seconds; $DRAFTER_SOFFICE_TIMEOUT overrides


def convert(paths: Sequence[Path], out_dir: Path, fmt: str = "docx", *,
            timeout: float | None = None) -> list[Path]:
    """Convert every file in one LibreOffice run; the converted files, in order.

    DrafterError when LibreOffice is missing, hangs past `timeout`, or converts nothing."""
    program = find_soffice()
    first = Path(paths[0])
    if program is None:
        raise source_error(first, f"读取 {first.suffix} 文件需要 LibreOffice，但本机没有安装",
                           "请安装 LibreOffice（免费），或在 Word/WPS 中把文件另存为 .docx 后再试")
    out_dir.mkdir(parents=True, exist_ok=True)
    limit = timeout if timeout is not None else _timeout()
    try:
        run_convert(program, paths, out_dir, fmt, timeout=limit)
    except OfficeStartError as exc:
        raise source_error(first, f"无法启动 LibreOffice（{exc}）",
                           "请检查 LibreOffice 是否安装完整，或另存为 .docx 后再试") from None
    except OfficeTimeout:
        raise source_error(first, f"LibreOffice 转换超过 {limit:.0f} 秒仍未完成，已停止",
                           "文件可能过大或已损坏；请在 Word/WPS 中另存为 .docx 后再试") from None
    stem_fmt = fmt.split(":")[0]
    outputs = [out_dir / f"{Path(p).stem}.{stem_fmt}" for p in paths]
    missing = [p for p, o in zip(paths, outputs, strict=True) if not o.is_file()]
    if missing:
        raise DrafterError([source_error(Path(p), "LibreOffice 未能转换该文件（文件可能已损坏、"
                                         "受密码保护，或不是它声称的格式）",
                                         "请在 Word/WPS 中打开，另存为 .docx 后再试").problems[0]
                            for p in missing])
    return outputs


def _timeout() -> float:
    try:
        return float(os.environ.get("DRAFTER_SOFFICE_TIMEOUT", DEFAULT_TIMEOUT))
    except ValueError:
        return DEFAULT_TIMEOUT


def read_via_docx(items: Sequence[tuple[Path, str]]) -> list[SourceText]:
    """Convert every (path, format) to .docx in ONE LibreOffice run, then read each .docx
    (identities included). LibreOffice starts slowly: converting files one by one costs
    seconds per file."""
    from drafter.mine.readers.docx_reader import read_docx
    from drafter.util.safezip import read_bounded

    with tempfile.TemporaryDirectory(prefix="drafter-conv-") as tmp:
        # Copies with plain names: LibreOffice names its output after the input, and an input
        # name it cannot handle (or one in a read-only folder) must not stop the conversion.
        copies: list[Path] = []
        for i, (path, _) in enumerate(items):
            copy = Path(tmp) / f"source{i}{path.suffix.lower()}"
            shutil.copyfile(path, copy)
            copies.append(copy)
        try:
            converted = convert(copies, Path(tmp) / "out")
        except DrafterError as exc:  # name the user's files, not the temporary copies
            names = {str(c): str(p) for c, (p, _) in zip(copies, items, strict=True)}
            raise DrafterError([replace(p, file=names.get(p.file or "", p.file))
                                for p in exc.problems]) from None
        return [read_docx(path, read_bounded(out, DOCUMENT_LIMIT), fmt=fmt)
                for (path, fmt), out in zip(items, converted, strict=True)]
