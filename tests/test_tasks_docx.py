"""The 重点任务分解表: landscape page, header row repeated, one row per item, fonts."""

from __future__ import annotations

import pytest

from drafter.model.blocks import Block
from drafter.render.profile import load_profile
from drafter.render.tasks import HEADERS, split_task, task_rows, tasks_docx_bytes
from tests.docx_read import NS, Docx, Resolver, text_of, text_runs, w
from tests.docx_render import HAVE_OFFICE, PDF_GROUP, batch, batch_pdf, pdf_pages
from tests.docx_sample import SPECIAL, TITLE, sample_blocks, sample_meta

# one xdist worker runs the modules of the LibreOffice batch (and this module's fixtures)
pytestmark = pytest.mark.xdist_group(PDF_GROUP)


def _table() -> bytes:
    return tasks_docx_bytes(sample_blocks(), profile=load_profile(), meta=sample_meta())


batch("任务分解表", _table)


@pytest.fixture(scope="module")
def data() -> bytes:
    return _table()


@pytest.fixture(scope="module")
def doc(data: bytes) -> Docx:
    return Docx.from_bytes(data)


def _cells(row: object) -> list[str]:
    return ["".join(text_of(p) for p in tc.findall("w:p", NS))
            for tc in row.findall("w:tc", NS)]  # type: ignore[attr-defined]


def test_landscape_a4(doc: Docx) -> None:
    size = doc.document.find("w:body/w:sectPr/w:pgSz", NS)
    assert size is not None
    assert (size.get(w("w")), size.get(w("h")), size.get(w("orient"))) == (
        "16838", "11906", "landscape")


def test_title_is_the_plan_title_plus_the_table_name(doc: Docx) -> None:
    title = doc.body_paragraphs()[0]
    lines = text_of(title).split("\n")
    assert "".join(lines) == f"{TITLE}重点任务分解表"
    assert all(len(line) <= 28 for line in lines)
    assert Resolver(doc.styles).rpr_attr(title, text_runs(title)[0], "rFonts",
                                          "eastAsia") == "方正小标宋简体"


def test_header_row_repeats_and_names_the_columns(doc: Docx) -> None:
    rows = doc.document.findall("w:body/w:tbl/w:tr", NS)
    assert rows[0].find("w:trPr/w:tblHeader", NS) is not None
    assert _cells(rows[0]) == list(HEADERS)
    assert all(r.find("w:trPr/w:tblHeader", NS) is None for r in rows[1:])


def test_one_row_per_item_in_plan_order(doc: Docx) -> None:
    blocks = sample_blocks()
    items = [b for b in blocks if b.role == "item"]
    rows = doc.document.findall("w:body/w:tbl/w:tr", NS)[1:]
    task_cells = [_cells(r) for r in rows if len(r.findall("w:tc", NS)) == 5]
    assert [c[0] for c in task_cells] == [str(i) for i in range(1, len(items) + 1)]
    for cells, item in zip(task_cells, items, strict=True):
        assert cells[1] == item.lead.rstrip("。")
        assert cells[3] == "、".join(item.owners)
        assert cells[4] == (item.deadline or "")
    groups = [r for r in rows if len(r.findall("w:tc", NS)) == 1]
    spans = {g.find("w:tc/w:tcPr/w:gridSpan", NS).get(w("val")) for g in groups}  # type: ignore
    assert spans == {"5"}
    assert [_cells(g)[0] for g in groups][:2] == [
        b.plain for b in blocks if b.role in ("chapter", "section")][:2]
    assert any(SPECIAL in c[2] for c in task_cells)


def test_table_fonts(doc: Docx) -> None:
    res = Resolver(doc.styles)
    rows = doc.document.findall("w:body/w:tbl/w:tr", NS)
    header_p = rows[0].find("w:tc/w:p", NS)
    body_p = rows[2].findall("w:tc", NS)[2].find("w:p", NS)
    for p, font, size in ((header_p, "黑体", "24"), (body_p, "仿宋_GB2312", "24")):
        run = text_runs(p)[0]
        assert res.rpr_attr(p, run, "rFonts", "eastAsia") == font
        assert res.rpr_attr(p, run, "sz") == size
    for name in ("word/document.xml", "word/styles.xml"):
        assert b"Theme=" not in doc.parts[name] and b"w:numPr" not in doc.parts[name]
    assert doc.footer_parts().keys() >= {"default", "even"}


@pytest.mark.parametrize(("block", "expected"), [
    # the lead loses its final 。
    (Block(role="item", lead="加强党的建设。", text="全面从严治党。"),
     ("加强党的建设", "全面从严治党。")),
    # no lead: a short first sentence becomes the task
    (Block(role="item", text="推进集团化办学。新建教育集团5个。"),
     ("推进集团化办学", "新建教育集团5个。")),
    # no lead and one sentence: nothing to split
    (Block(role="item", text="全面推进依法治教。"), ("", "全面推进依法治教。")),
    # the printed owners note is dropped: owners have their own column
    (Block(role="item", lead="做好招生。", text="规范招生秩序。（责任科室：基教科、督导室）"),
     ("做好招生", "规范招生秩序。")),
])
def test_split_task(block: Block, expected: tuple[str, str]) -> None:
    assert split_task(block) == expected


def test_rows_skip_non_items() -> None:
    blocks = [Block(role="title", text="T"), Block(role="preamble", text="总体要求"),
              Block(role="chapter", marker="一、", text="党建"),
              Block(role="item", marker="1.", lead="甲。", text="乙。", owners=["A", "B"]),
              Block(role="closing", text="结束")]
    rows = task_rows(blocks)
    assert len(rows) == 2 and rows[1].owners == "A、B"  # type: ignore[union-attr]


@pytest.mark.skipif(not HAVE_OFFICE, reason="LibreOffice (soffice) not installed")
def test_rendered_table_repeats_its_header(tmp_path_factory: pytest.TempPathFactory) -> None:
    pages = pdf_pages(batch_pdf("任务分解表", tmp_path_factory))
    assert len(pages) >= 2
    for number, page in enumerate(pages, start=1):
        assert page.width > page.height  # landscape
        texts = [line.text for line in page.lines]
        assert any(t.startswith("序号") for t in texts), f"第{number}页没有表头"
        assert f"—{number}—" in texts


def test_a_plan_without_items_still_makes_a_valid_table() -> None:
    doc = Docx.from_bytes(tasks_docx_bytes([Block(role="title", text="某县2025年工作要点")],
                                           profile=load_profile(), meta=sample_meta()))
    body = doc.document.find("w:body", NS)
    assert body is not None
    tags = [child.tag for child in body]
    assert tags[-3:] == [w("tbl"), w("p"), w("sectPr")]  # a paragraph after the table
    assert len(body.findall("w:tbl/w:tr", NS)) == 1  # just the header
