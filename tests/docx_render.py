"""LibreOffice → PDF → measured text lines, for the rendered checks of the Word output.

Each conversion uses a fresh `-env:UserInstallation` so a running office (or a stale
profile) cannot change the result; poppler's `pdftotext -bbox-layout` gives every line's
box and text in points.

The modules that check a PDF of a .docx they make register the document with `batch`
when they are imported; the first `batch_pdf` call converts every registered document in
ONE LibreOffice run (a start costs ~2 s of CPU and several seconds of wall time, on a
machine with two cores). Those modules carry `pytest.mark.xdist_group(PDF_GROUP)`, so the
one xdist worker that runs them makes the batch once.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from lxml import etree

HAVE_OFFICE = bool(shutil.which("soffice") and shutil.which("pdftotext"))
PDF_GROUP = "libreoffice-pdf"  # the xdist group of every module that uses batch_pdf

_BATCH: dict[str, Callable[[], bytes]] = {}  # name → makes the .docx bytes
_CONVERTED: dict[str, Path] = {}  # name → its PDF, once the batch ran
_XHTML = "{http://www.w3.org/1999/xhtml}"


@dataclass(frozen=True)
class Line:
    text: str  # words joined without spaces
    x0: float
    x1: float
    y0: float
    y1: float


@dataclass(frozen=True)
class Page:
    width: float
    height: float
    lines: list[Line]


def to_pdf(docx_path: Path, workdir: Path) -> Path:
    """Convert with a fresh LibreOffice user profile; the PDF's path."""
    return to_pdfs([docx_path], workdir)[0]


def to_pdfs(docx_paths: list[Path], workdir: Path) -> list[Path]:
    """Convert every file in ONE LibreOffice process (starting one costs seconds); the PDFs'
    paths, in order. The files' stems must differ."""
    profile = workdir / "lo-profile"
    out = workdir / "pdf"
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless",
         "--convert-to", "pdf", "--outdir", str(out), *map(str, docx_paths)],
        check=True, capture_output=True, timeout=300,
    )
    pdfs = [out / (p.stem + ".pdf") for p in docx_paths]
    missing = [p.name for p in pdfs if not p.is_file()]
    assert not missing, f"LibreOffice wrote no PDF for {missing}"
    return pdfs


def batch(name: str, make: Callable[[], bytes]) -> None:
    """Register a .docx (made by `make` when the batch runs) under a unique file-name stem."""
    assert name not in _BATCH, f"{name} is registered twice"
    _BATCH[name] = make


def batch_pdf(name: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The PDF of the registered document `name`. The first call writes every registered
    document not yet converted and converts them all in one LibreOffice run."""
    if name not in _CONVERTED:
        work = tmp_path_factory.mktemp("pdf-batch")
        names = [n for n in _BATCH if n not in _CONVERTED]
        paths = []
        for stem in names:
            path = work / f"{stem}.docx"
            path.write_bytes(_BATCH[stem]())
            paths.append(path)
        _CONVERTED.update(zip(names, to_pdfs(paths, work), strict=True))
    return _CONVERTED[name]


def pdf_pages(pdf: Path) -> list[Page]:
    """Every page's text lines with their boxes (points, origin top left)."""
    html = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], check=True,
                          capture_output=True, timeout=60).stdout
    root = etree.fromstring(html)
    pages: list[Page] = []
    for page in root.iter(f"{_XHTML}page"):
        lines = [
            Line("".join((word.text or "") for word in line.iter(f"{_XHTML}word")),
                 float(line.get("xMin")), float(line.get("xMax")),
                 float(line.get("yMin")), float(line.get("yMax")))
            for line in page.iter(f"{_XHTML}line")
        ]
        lines.sort(key=lambda ln: (round(ln.y1, 1), ln.x0))
        pages.append(Page(float(page.get("width")), float(page.get("height")), lines))
    return pages


def char_count(text: str) -> float:
    """Characters as the grid counts them: a half-width digit or letter is half of one."""
    return sum(0.5 if ch.isascii() else 1.0 for ch in text)
