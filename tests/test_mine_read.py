"""Reading sources: every common Chinese encoding, line ends, .docx with tables, .md, bad input."""

from __future__ import annotations

import codecs
from pathlib import Path

import docx
import pytest

from drafter.mine.read import read_source, strip_markdown
from drafter.model.errors import DrafterError, display_path
from tests.conftest import DATA

TEXT = "XX市2024年教育工作要点\n一、加强党的建设\n1.深化理论武装。開展學習，投入3.5万元。\n"
MINE = DATA / "mine"


@pytest.mark.parametrize(
    ("name", "data", "encoding"),
    [
        ("utf8.txt", TEXT.encode("utf-8"), "utf-8"),
        ("bom.txt", codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8"),  # Notepad's UTF-8
        ("gbk.txt", TEXT.encode("gbk"), None),  # Windows Chinese default; detected, not guessed
        ("gb18030.txt", TEXT.encode("gb18030"), None),
        ("utf16.txt", TEXT.encode("utf-16"), "utf-16-le"),  # BOM + little endian
        ("utf16be.txt", codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16-be"),
        ("crlf.txt", TEXT.replace("\n", "\r\n").encode("utf-8"), "utf-8"),  # Windows line ends
        ("cr.txt", TEXT.replace("\n", "\r").encode("utf-8"), "utf-8"),  # old Mac line ends
    ],
)
def test_txt_encodings_and_line_ends(tmp_path: Path, name: str, data: bytes,
                                     encoding: str | None) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    source = read_source(path)
    assert source.format == "txt"
    assert source.lines[:3] == TEXT.splitlines()
    if encoding is not None:
        assert source.encoding == encoding
    else:
        assert source.encoding is not None and source.encoding.lower().startswith("gb")


def test_gbk_longer_text_detected(tmp_path: Path) -> None:
    plan = (MINE / "three_level.txt").read_text(encoding="utf-8")
    path = tmp_path / "plan.txt"
    path.write_bytes(plan.encode("gbk"))
    assert read_source(path).lines == plan.split("\n")


def test_docx_paragraphs_and_tables_in_order(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("XX市2024年教育工作要点")
    document.add_paragraph("一、加强党的建设")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "1.深化理论武装。"
    table.cell(0, 1).text = "2.加强组织建设。"
    table.cell(1, 0).text = "3.推进清廉学校。"
    document.add_paragraph("二、保障")
    path = tmp_path / "plan.docx"
    document.save(str(path))
    source = read_source(path)
    assert source.format == "docx" and source.encoding is None
    assert [line for line in source.lines if line] == [
        "XX市2024年教育工作要点", "一、加强党的建设",
        "1.深化理论武装。", "2.加强组织建设。", "3.推进清廉学校。", "二、保障",
    ]


def test_markdown_markup_is_stripped() -> None:
    source = read_source(MINE / "plan.md")
    assert source.format == "md"
    assert source.lines[0] == "XX市2025年教育工作要点"
    assert "一、加强党的建设" in source.lines
    assert "1.深化理论武装。 开展专题学习，组织培训班3期。" in source.lines


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("## 一、总体要求", "一、总体要求"),  # heading marks
        ("1. **加强党建。** 内容", "1.加强党建。 内容"),  # ordered list kept as an item marker
        ("- 条目", "条目"),  # bullet
        ("[链接](http://x.cn)文字", "链接文字"),  # links keep their text
        ("完成率xx%，***全会", "完成率xx%，***全会"),  # placeholders are not emphasis
        ("| 指标 | 目标 |", "指标 目标"),  # table row
    ],
)
def test_strip_markdown(line: str, expected: str) -> None:
    assert strip_markdown([line]) == [expected]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("empty.txt", "文件是空的"),  # zero bytes
        ("blank.txt", "文件是空的"),  # only whitespace
        ("binary.txt", "二进制文件"),  # NUL bytes (a PNG header)
        ("undecodable.txt", "无法识别文件的文字编码"),  # bytes valid in no Chinese encoding
        ("missing.txt", "找不到该文件"),  # does not exist
    ],
)
def test_bad_input_names_the_file(name: str, message: str) -> None:
    path = MINE / name
    with pytest.raises(DrafterError) as info:
        read_source(path)
    text = str(info.value)
    assert message in text and display_path(path) in text  # relative where shorter (13.14)


def test_broken_docx_and_folder(tmp_path: Path) -> None:
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(DrafterError, match="不是有效的 Word"):
        read_source(broken)
    with pytest.raises(DrafterError, match="文件夹"):
        read_source(tmp_path)
    legacy = tmp_path / "old.doc"
    legacy.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(DrafterError, match=r"另存为 \.docx"):
        read_source(legacy)


W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def test_docx_automatic_list_numbers_become_markers(tmp_path: Path) -> None:
    from docx.oxml import parse_xml

    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(
        f'<w:abstractNum {W_NS} w:abstractNumId="90">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
        '<w:lvlText w:val="%1、"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        '<w:lvlText w:val="%2."/></w:lvl></w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {W_NS} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))

    def numbered(text: str, level: int) -> None:
        paragraph = document.add_paragraph(text)
        paragraph._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {W_NS}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'))

    numbered("加强党的建设", 0)
    numbered("深化理论武装。开展学习。", 1)
    numbered("加强组织建设。推进标准化。", 1)
    numbered("推进教育改革", 0)
    numbered("深化评价改革。落实方案。", 1)
    document.add_paragraph("未编号的段落")
    path = tmp_path / "numbered.docx"
    document.save(str(path))
    assert read_source(path).lines == [
        "一、加强党的建设", "1.深化理论武装。开展学习。", "2.加强组织建设。推进标准化。",
        "二、推进教育改革", "1.深化评价改革。落实方案。", "未编号的段落",
    ]


def test_big5_traditional_text_is_detected(tmp_path: Path) -> None:
    text = "一、加強黨的建設\n1.深化理論學習。開展專題學習活動，組織全體黨員參加培訓。"
    path = tmp_path / "big5.txt"
    path.write_bytes(text.encode("big5"))
    source = read_source(path)
    assert source.encoding == "big5" and source.lines == text.split("\n")


def test_western_single_byte_text_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Café résumé naïve façade — “quotes”".encode("cp1252"))
    with pytest.raises(DrafterError, match="无法识别文件的文字编码"):
        read_source(path)
