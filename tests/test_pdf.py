"""PDF conversion's failure paths, each a Chinese DrafterError and never a hang or traceback.

A stand-in `soffice` (a tiny script named by $DRAFTER_SOFFICE) hangs, fails, or writes
nothing; the real conversion is tested in test_cli_outputs.py and test_notice_rendered.py.
"""

from __future__ import annotations

import os
import stat
import time
from pathlib import Path

import pytest

from drafter.model.errors import DrafterError
from drafter.render import pdf


def _script(tmp_path: Path, body: str) -> str:
    path = tmp_path / "fake-soffice"
    path.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IEXEC)
    return str(path)


@pytest.mark.skipif(os.name != "posix", reason="shell stand-in")
@pytest.mark.parametrize(("body", "timeout", "fragment"), [
    ("sleep 30", 1, "超时（1 秒）"),  # a hung office is stopped
    ("exit 3", 10, "未能把文档转换为 PDF"),  # a failing office
    ("exit 0", 10, "未能把文档转换为 PDF"),  # an office that writes nothing
])
def test_conversion_failures_are_chinese_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                body: str, timeout: int, fragment: str) -> None:
    monkeypatch.setenv("DRAFTER_SOFFICE", _script(tmp_path, body))
    with pytest.raises(DrafterError) as err:
        pdf.docx_to_pdf(b"PK", timeout=timeout)
    assert fragment in str(err.value)


def test_no_office_says_what_to_do(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DRAFTER_SOFFICE", "")
    assert not pdf.have_soffice()
    with pytest.raises(DrafterError) as err:
        pdf.docx_to_pdf(b"PK")
    assert "未找到 LibreOffice" in str(err.value) and "另存为 PDF" in str(err.value)


def test_the_office_gets_a_private_profile(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """The arguments name a fresh -env:UserInstallation and write the PDF it is asked for."""
    log = tmp_path / "args.txt"
    script = _script(tmp_path, f'echo "$@" > {log}\n'
                               'for last; do :; done\n'
                               'outdir=$(dirname "$last")\n'
                               'printf "%%PDF-1.4 fake" > "$outdir/document.pdf"')
    monkeypatch.setenv("DRAFTER_SOFFICE", script)
    assert pdf.docx_to_pdf(b"PK").startswith(b"%PDF")
    args = log.read_text(encoding="utf-8")
    assert "-env:UserInstallation=file://" in args and "--headless" in args
    assert "--convert-to pdf" in args


@pytest.mark.skipif(os.name != "posix", reason="shell stand-in")
def test_a_hung_office_leaves_no_process_behind(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """PDF conversion killed only the direct child at its timeout, so what LibreOffice had
    started lived on; it now runs like the readers' conversions, stopped as a whole group."""
    pid_file = tmp_path / "child.pid"
    script = _script(tmp_path, f"sleep 30 &\necho $! > {pid_file}\nwait")
    monkeypatch.setenv("DRAFTER_SOFFICE", script)
    with pytest.raises(DrafterError):
        pdf.docx_to_pdf(b"PK", timeout=1)
    child = int(pid_file.read_text(encoding="utf-8"))
    assert not _running(child)


def _running(pid: int) -> bool:
    """Alive and not a zombie (a killed orphan may wait a moment to be reaped)."""
    for _ in range(40):
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except (FileNotFoundError, ProcessLookupError):
            return False
        if state in ("Z", "X"):
            return False
        time.sleep(0.05)
    return True
