"""A user's reference .docx (letterhead header, house styles): kept, with the 公文 layout
still applied to every paragraph drafter writes."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

from drafter.model.blocks import Block
from drafter.model.errors import DrafterError
from drafter.model.plan import PlanMeta, PlanOptions
from drafter.render.docx_writer import docx_bytes
from drafter.render.profile import load_profile
from tests.docx_read import NS, Docx, Resolver, text_of, w

BLOCKS = [Block(role="title", text="某市教育局2025年工作要点"),
          Block(role="chapter", marker="一、", text="加强党的建设"),
          Block(role="item", marker="1.", lead="强化政治引领。", text="深入学习贯彻。")]


def _png() -> bytes:
    """A 1×1 red PNG: the letterhead's "logo"."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))
    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b""))


@pytest.fixture
def reference(tmp_path: Path) -> Path:
    ref = docx.Document()
    ref.sections[0].header.paragraphs[0].text = "某某市教育局（红头）"
    ref.sections[0].header.add_paragraph().add_run().add_picture(io.BytesIO(_png()))
    house = ref.styles.add_style("单位备注", WD_STYLE_TYPE.PARAGRAPH)
    house.font.size = Pt(12)
    ref.add_paragraph("参考文档里的示例正文，不应出现在结果中")
    path = tmp_path / "参考.docx"
    ref.save(str(path))
    return path


def test_reference_header_and_styles_are_kept(reference: Path) -> None:
    doc = Docx.from_bytes(docx_bytes(BLOCKS, profile=load_profile(), meta=PlanMeta(),
                                     reference=reference))
    headers = [name for name in doc.parts if name.startswith("word/header")]
    assert any("某某市教育局（红头）".encode() in doc.parts[h] for h in headers)
    sect = doc.document.find("w:body/w:sectPr", NS)
    kinds = {r.get(w("type")) for r in sect.findall("w:headerReference", NS)}  # type: ignore
    assert kinds >= {"default", "even"}  # the letterhead also on even pages
    with_text = [h for h in headers if "某某市教育局（红头）".encode() in doc.parts[h]]
    assert len(with_text) == 2  # default and even headers are separate parts
    names = {s.find("w:name", NS).get(w("val")) for s in doc.styles.findall("w:style", NS)}
    assert "单位备注" in names and "公文正文" in names
    texts = [text_of(p) for p in doc.body_paragraphs()]
    assert not any("示例正文" in t for t in texts)
    res = Resolver(doc.styles)
    for p in doc.body_paragraphs():
        assert res.ppr_attr(p, "spacing", "line") == "579"
        assert res.ppr_attr(p, "snapToGrid") == "0"
    size = sect.find("w:pgSz", NS)  # type: ignore[union-attr]
    assert (size.get(w("w")), size.get(w("h"))) == ("11906", "16838")  # type: ignore


def test_even_header_copy_keeps_its_picture(reference: Path) -> None:
    data = docx_bytes(BLOCKS, profile=load_profile(), meta=PlanMeta(), reference=reference)
    reopened = docx.Document(io.BytesIO(data))
    section = reopened.sections[0]
    for header in (section.header, section.even_page_header):
        assert not header.is_linked_to_previous
        assert "红头" in header.paragraphs[0].text
        blips = header._element.findall(".//" + "{http://schemas.openxmlformats.org/"
                                        "drawingml/2006/main}blip")
        assert blips
        for blip in blips:
            rid = blip.get(f"{{{NS['r']}}}embed")
            assert header.part.rels[rid].target_part.blob == _png()


def test_reference_from_plan_options(reference: Path) -> None:
    meta = PlanMeta(options=PlanOptions(reference=str(reference)))
    doc = Docx.from_bytes(docx_bytes(BLOCKS, profile=load_profile(), meta=meta))
    assert any("红头".encode() in blob for name, blob in doc.parts.items()
               if name.startswith("word/header"))


@pytest.mark.parametrize("content", [
    None,  # the file does not exist
    b"this is not a zip",  # not a .docx at all
])
def test_bad_reference_is_a_chinese_error(tmp_path: Path, content: bytes | None) -> None:
    path = tmp_path / "坏参考.docx"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(DrafterError, match="参考文档"):
        docx_bytes(BLOCKS, profile=load_profile(), meta=PlanMeta(), reference=path)


def test_reference_without_section_properties(tmp_path: Path) -> None:
    ref = docx.Document()
    body = ref.element.body
    body.remove(body.find(w("sectPr")))
    ref.add_paragraph("无节属性的参考文档")
    path = tmp_path / "无节.docx"
    ref.save(str(path))
    doc = Docx.from_bytes(docx_bytes(BLOCKS, profile=load_profile(), meta=PlanMeta(),
                                     reference=path))
    size = doc.document.find("w:body/w:sectPr/w:pgSz", NS)
    assert size is not None and size.get(w("w")) == "11906"
    assert set(doc.footer_parts()) >= {"default", "even"}


def test_first_page_only_letterhead_keeps_page_one_numbered(tmp_path: Path) -> None:
    """Issue 10: a reference whose letterhead is on the first page only ("首页不同") used to
    leave page 1 without its page number (the first-page footer stayed empty)."""
    ref = docx.Document()
    section = ref.sections[0]
    section.different_first_page_header_footer = True
    section.first_page_header.paragraphs[0].text = "某某市教育局（红头，仅首页）"
    path = tmp_path / "首页红头.docx"
    ref.save(str(path))
    doc = Docx.from_bytes(docx_bytes(BLOCKS, profile=load_profile(), meta=PlanMeta(),
                                     reference=path))
    footers = doc.footer_parts()
    assert "first" in footers
    first = footers["first"]
    assert "PAGE" in "".join(t.text or "" for t in first.iter(w("instrText")))
    assert first.find(".//w:jc", NS).get(w("val")) == "right"  # page 1 is odd
