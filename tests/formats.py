"""Documents in every format a bureau has, made at test time from the corpus .txt files.

.docx with python-docx (one paragraph per line, title centred, as a person types it); .doc,
.odt, .rtf and .pdf converted from that .docx by LibreOffice, all files of a format in ONE
soffice run (it starts slowly and the machine has two cores); .wps is the Word binary format
WPS writes, made as a .doc saved under the .wps name; .html a saved page with site junk
around the text, in GBK with a meta charset.
"""

from __future__ import annotations

import html
import shutil
from pathlib import Path

import docx

from drafter.mine.readers.office import convert, find_soffice
from tests.conftest import CORPUS

CONVERTED = ("pdf", "doc", "odt", "rtf")


def corpus_lines(path: Path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").splitlines()]


def make_docx(source: Path, out: Path) -> Path:
    document = docx.Document()
    for line in corpus_lines(source):
        document.add_paragraph(line)
    document.save(out)
    return out


def make_html(source: Path, out: Path) -> Path:
    lines = [line for line in corpus_lines(source) if line.strip()]
    body = "\n".join(f"<p>{html.escape(line)}</p>" for line in lines[1:])
    page = (
        '<!DOCTYPE html><html><head><meta http-equiv="Content-Type" '
        'content="text/html; charset=gb2312"><title>教育局</title></head><body>'
        '<div class="nav"><a href="/">首页</a> | <a href="/gk">政务公开</a> | '
        '<a href="/bs">办事服务</a></div><div class="article">'
        f"<h1>{html.escape(lines[0])}</h1>"
        '<div class="info">发布时间：2024-01-10　来源：教育局　浏览次数：321</div>'
        f'{body}</div><div class="footer">版权所有：教育局　地址：人民路1号　'
        "备案号：X ICP备12345678号</div></body></html>")
    out.write_bytes(page.encode("gb18030"))
    return out


def make_all(folder: Path, names: list[str] | None = None,
             also_pdf: tuple[Path, ...] = ()) -> dict[str, dict[str, Path]]:
    """{corpus stem: {format: path}} for every corpus file (or the given prefixes); the
    .docx files in `also_pdf` are converted to PDF in the same LibreOffice run, under their
    own stem."""
    sources = sorted(CORPUS.glob("*.txt"))
    if names is not None:
        sources = [s for s in sources if s.name[:3] in names]
    out: dict[str, dict[str, Path]] = {}
    for source in sources:
        stem = source.stem
        out[stem] = {"txt": source, "docx": make_docx(source, folder / f"{stem}.docx"),
                     "html": make_html(source, folder / f"{stem}.html")}
    if find_soffice() is None:
        return out
    docxs = [files["docx"] for files in out.values()]
    for fmt in CONVERTED:
        # .rtf and .wps go through the same LibreOffice path as .doc: one file is enough.
        inputs = docxs[:1] if fmt == "rtf" else docxs + list(also_pdf) if fmt == "pdf" else docxs
        for path in convert(inputs, folder / fmt, fmt):
            out.setdefault(path.stem, {})[fmt] = path
    first = next(iter(out.values()))
    first["wps"] = Path(shutil.copyfile(first["doc"], first["doc"].with_suffix(".wps")))
    return out
