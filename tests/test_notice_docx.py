"""The issued notice's XML, element by element (GB/T 9704-2012; ../shared/GBT9704.md).

Built from the example city plan with its `meta.notice` (安市教发〔2025〕3号, sealed, 附注,
抄送, 印发机关); variants change one field each. LibreOffice-rendered positions are in
test_notice_rendered.py.
"""

from __future__ import annotations

import io
import re

import docx
import pytest
from lxml import etree

from drafter.model.errors import DrafterError
from drafter.render.docx_writer import signature_insets
from drafter.render.docx_xml import PPR_ORDER
from drafter.render.notice import notice_text
from tests.docx_read import NS, R_NS, Docx, Resolver, text_of, w
from tests.notice_sample import PROFILE, example, notice_bytes

# one xdist worker runs this module, so its module-scoped fixtures are built once
pytestmark = pytest.mark.xdist_group("test_notice_docx")

UNIT = PROFILE.grid.char_unit  # 320 twips: one body character


class Parsed(Docx):
    """Docx with each part parsed once, so elements found twice are the same objects."""

    _cache: dict[str, etree._Element]

    def xml(self, name: str) -> etree._Element:
        cache = self.__dict__.setdefault("_cache", {})
        if name not in cache:
            cache[name] = super().xml(name)
        return cache[name]


def parse(data: bytes) -> Parsed:
    return Parsed.from_bytes(data)  # type: ignore[return-value]


@pytest.fixture(scope="module")
def doc() -> Docx:
    return parse(notice_bytes())


def _body(doc: Docx) -> list[etree._Element]:
    """Top-level paragraphs and tables in order."""
    return list(doc.document.find("w:body", NS))


def _paras(doc: Docx) -> list[etree._Element]:
    return doc.body_paragraphs()


def _find(doc: Docx, pattern: str) -> etree._Element:
    found = [p for p in _paras(doc) if re.search(pattern, text_of(p))]
    assert found, pattern
    return found[0]


def _runs_attr(p: etree._Element, path: str, attr: str) -> set[str | None]:
    return {r.find(path, NS).get(w(attr)) if r.find(path, NS) is not None else None
            for r in p.findall("w:r", NS) if r.find("w:t", NS) is not None}


def _ind(p: etree._Element, attr: str) -> int:
    ind = p.find("w:pPr/w:ind", NS)
    value = ind.get(w(attr)) if ind is not None else None
    return int(value) if value is not None else 0


def test_red_mark_is_centred_red_xiaobiaosong_and_fits_the_block(doc: Docx) -> None:
    mark = _find(doc, "^安顺市教育局文件$")
    assert mark.find("w:pPr/w:jc", NS).get(w("val")) == "center"
    assert _runs_attr(mark, "w:rPr/w:color", "val") == {"FF0000"}
    assert _runs_attr(mark, "w:rPr/w:rFonts", "eastAsia") == {"方正小标宋简体"}
    size = int(mark.find("w:r/w:rPr/w:sz", NS).get(w("val")))  # half-points
    assert size * 10 * len("安顺市教育局文件") <= PROFILE.page.text_width
    assert int(mark.find("w:pPr/w:spacing", NS).get(w("before"))) == 1984  # 35 mm
    assert _body(doc).index(mark) == 0  # in the 版心 of page 1, not in a header
    assert not [k for k in doc.parts if k.startswith("word/header")]


def test_doc_number_is_centred_two_lines_under_the_mark_with_the_red_rule(doc: Docx) -> None:
    paragraphs = _paras(doc)
    number = _find(doc, "〔2025〕3号")
    assert text_of(number) == "安市教发〔2025〕3号"
    assert number.find("w:pPr/w:jc", NS).get(w("val")) == "center"
    index = paragraphs.index(number)
    assert [text_of(p) for p in paragraphs[index - 2:index]] == ["", ""]
    rule = number.find("w:pPr/w:pBdr/w:bottom", NS)
    assert rule is not None and rule.get(w("color")) == "FF0000"
    assert int(rule.get(w("sz"))) >= 8 and 8 <= int(rule.get(w("space"))) <= 14  # ~4 mm


def test_title_is_the_notice_title_two_lines_under_the_rule(doc: Docx) -> None:
    paragraphs = _paras(doc)
    res = Resolver(doc.styles)
    title = _find(doc, "^关于印发")
    assert res.para_style(title) == "GwTitle"
    assert text_of(title) == "关于印发\n《安顺市2025年教育工作要点》的通知"
    index = paragraphs.index(title)
    assert [text_of(p) for p in paragraphs[index - 2:index]] == ["", ""]
    assert text_of(paragraphs[index + 1]) == ""  # one blank line, then 主送


def test_addressees_flush_left_with_a_colon_and_the_body_names_the_plan(doc: Docx) -> None:
    to = _find(doc, "^各县")
    assert text_of(to) == "各县（区）教育局，市直各学校："
    assert _ind(to, "firstLine") == 0
    body = _paras(doc)[_paras(doc).index(to) + 1]
    assert "《安顺市2025年教育工作要点》" in text_of(body)
    assert _ind(body, "firstLine") == 2 * UNIT


def test_attachment_notes_hang_under_the_first_name_character(doc: Docx) -> None:
    first = _find(doc, "^附件：1\\.")
    second = _find(doc, "^2\\.\t")
    assert text_of(first) == "附件：1.\t安顺市2025年教育工作要点"
    assert text_of(second) == "2.\t安顺市2025年教育工作要点重点任务分解表"
    left = _ind(first, "left")
    assert left == _ind(second, "left")  # names (after the tab) start at the same place
    assert left - _ind(first, "hanging") == 2 * UNIT  # "附件" two characters in
    # "2." stands under "1.": three characters ("附件：") further right
    assert (left - _ind(second, "hanging")) - (left - _ind(first, "hanging")) == pytest.approx(
        3 * PROFILE.page.text_width / PROFILE.grid.chars_per_line, abs=2)
    assert _paras(doc)[_paras(doc).index(first) - 1] is not None
    assert text_of(_paras(doc)[_paras(doc).index(first) - 1]) == ""  # 正文下空一行


def test_sealed_signature_centres_the_organ_over_the_date_four_characters_in(
        doc: Docx) -> None:
    organ = _find(doc, "^安顺市教育局$")
    date = _find(doc, "^2025年2月20日$")
    assert _ind(date, "right") == 4 * UNIT
    assert _ind(organ, "right") == 5 * UNIT  # (7.75 − 6) / 2 ≈ 1 character more
    note = _find(doc, "^（此件公开发布）$")
    paragraphs = _paras(doc)
    assert paragraphs.index(note) == paragraphs.index(date) + 1
    assert _ind(note, "firstLine") == 2 * UNIT
    # the 落款 chain: from the last attachment note down to the date, keep with next
    chain = paragraphs[paragraphs.index(_find(doc, "^2\\.\t")):paragraphs.index(date)]
    assert all(p.find("w:pPr/w:keepNext", NS) is not None for p in chain)


def test_unsealed_signature_is_two_characters_in_with_the_date_shifted() -> None:
    doc = parse(notice_bytes(sealed=False, note=None))
    organ = _find(doc, "^安顺市教育局$")
    date = _find(doc, "^2025年2月20日$")
    expected = signature_insets("安顺市教育局", "2025年2月20日", PROFILE)
    assert (_ind(organ, "right") // UNIT, _ind(date, "right") // UNIT) == expected
    assert not [p for p in _paras(doc) if text_of(p).startswith("（此件")]


def test_attachment_one_is_the_plan_from_a_new_page(doc: Docx) -> None:
    paragraphs = _paras(doc)
    res = Resolver(doc.styles)
    label = _find(doc, "^附件1$")
    assert label.find("w:pPr/w:pageBreakBefore", NS) is not None
    assert label.find("w:pPr/w:jc", NS).get(w("val")) == "left"
    assert _ind(label, "firstLine") == 0
    assert _runs_attr(label, "w:rPr/w:rFonts", "eastAsia") == {"黑体"}
    index = paragraphs.index(label)
    assert text_of(paragraphs[index + 1]) == ""
    title = paragraphs[index + 2]  # the plan's title on line 3
    assert res.para_style(title) == "GwTitle" and "2025年教育工作要点" in text_of(title)
    # the plan's own 落款 is left out (the notice is signed) unless asked for
    plan_part = paragraphs[index:]
    assert not [p for p in plan_part if res.para_style(p) == "GwSignature"]
    signed = parse(notice_bytes(plan_signature=True))
    tail = signed.body_paragraphs()[signed.body_paragraphs().index(
        _find(signed, "^附件1$")):]
    assert [p for p in tail if Resolver(signed.styles).para_style(p) == "GwSignature"]


def test_three_sections_portrait_landscape_portrait(doc: Docx) -> None:
    sections = doc.document.findall(".//w:sectPr", NS)
    assert len(sections) == 3
    sizes = [(s.find("w:pgSz", NS).get(w("w")), s.find("w:pgSz", NS).get(w("orient")))
             for s in sections]
    assert sizes == [("11906", None), ("16838", "landscape"), ("11906", None)]
    # page numbers continue: no section restarts them
    assert doc.document.find(".//w:pgNumType[@w:start]", NS) is None
    # every section has odd/even page-number footers with a PAGE field; the landscape
    # section's stand turned (vert) in a text box in the left margin
    for index, section in enumerate(sections):
        footers = _footers(doc, section)
        assert set(footers) == {"default", "even"}, index
        for footer in footers.values():
            assert "PAGE" in "".join(t.text or "" for t in footer.iter(w("instrText")))
            body = footer.find(".//{*}bodyPr")
            assert (body is not None and body.get("vert") == "vert") == (index == 1), index
    landscape = _footers(doc, sections[1])
    odd = landscape["default"].find(".//w:txbxContent/w:p/w:pPr/w:jc", NS).get(w("val"))
    even = landscape["even"].find(".//w:txbxContent/w:p/w:pPr/w:jc", NS).get(w("val"))
    assert (odd, even) == ("right", "left")  # odd towards the sheet's right, even its left
    assert sections[2].find("w:type", NS).get(w("val")) == "evenPage"
    assert doc.settings.find("w:evenAndOddHeaders", NS) is not None


def test_attachment_two_is_the_task_table_in_the_landscape_section(doc: Docx) -> None:
    body = _body(doc)
    landscape_end = next(p for p in doc.document.iter(w("p"))
                         if p.find("w:pPr/w:sectPr/w:pgSz[@w:orient='landscape']", NS)
                         is not None)
    label = _find(doc, "^附件2$")
    table = next(t for t in body if t.tag == w("tbl") and body.index(t) > body.index(label))
    assert body.index(label) < body.index(table) < body.index(landscape_end)
    header = table.find("w:tr", NS)
    assert header.find("w:trPr/w:tblHeader", NS) is not None
    assert [text_of(c) for c in header.findall("w:tc", NS)] == [
        "序号", "重点任务", "具体内容", "责任单位", "完成时限"]
    _, blocks = example()
    numbered = [r for r in table.findall("w:tr", NS)[1:]
                if re.fullmatch(r"\d+", text_of(r.find("w:tc", NS)))]
    assert len(numbered) == sum(b.role == "item" for b in blocks)
    assert any(text_of(p) == "安顺市2025年教育工作要点重点任务分解表" for p in body
               if p.tag == w("p"))


def _footers(doc: Docx, section: etree._Element) -> dict[str, etree._Element]:
    rels = doc.xml("word/_rels/document.xml.rels")
    targets = {r.get("Id"): r.get("Target") for r in rels}
    return {ref.get(w("type")): doc.xml("word/" + targets[ref.get(f"{{{R_NS}}}id")])
            for ref in section.findall("w:footerReference", NS)}


def _record(doc: Docx) -> etree._Element:
    return [t for t in _body(doc) if t.tag == w("tbl")][-1]


def test_record_rules_texts_and_place_at_the_page_foot(doc: Docx) -> None:
    record = _record(doc)
    borders = record.find("w:tblPr/w:tblBorders", NS)
    thick = [int(borders.find(f"w:{s}", NS).get(w("sz"))) for s in ("top", "bottom")]
    thin = int(borders.find("w:insideH", NS).get(w("sz")))
    assert thick[0] == thick[1] > thin > 0
    rows = record.findall("w:tr", NS)
    assert text_of(rows[0]) == "抄送：市委教育工委，市人民政府办公室，省教育厅办公室。"
    cells = rows[1].findall("w:tc", NS)
    assert [text_of(c) for c in cells] == ["安顺市教育局办公室", "2025年2月21日印发"]
    assert cells[1].find("w:p/w:pPr/w:jc", NS).get(w("val")) == "right"
    # 4号 (14 pt) 仿宋; 抄送 wraps aligned after the colon; one character in on both sides
    cc = rows[0].find("w:tc/w:p", NS)
    assert _runs_attr(cc, "w:rPr/w:sz", "val") == {"28"}
    assert _ind(cc, "left") - _ind(cc, "hanging") == 280 and _ind(cc, "right") == 280
    # rows of exact height; spacer + rows + closing paragraph fill the block
    heights = [int(r.find("w:trPr/w:trHeight", NS).get(w("val"))) for r in rows]
    assert all(r.find("w:trPr/w:trHeight", NS).get(w("hRule")) == "exact" for r in rows)
    body = _body(doc)
    spacer = body[body.index(record) - 1]
    line = int(spacer.find("w:pPr/w:spacing", NS).get(w("line")))
    block = PROFILE.page.height - PROFILE.page.margin_top - PROFILE.page.margin_bottom
    assert block - 120 <= line + sum(heights) + 20 <= block


def test_record_after_a_blank_page_has_no_page_numbers() -> None:
    doc = parse(notice_bytes(blank_page=True))
    body = list(doc.document.find("w:body", NS))
    record = [t for t in body if t.tag == w("tbl")][-1]
    breaker = body[body.index(record) - 2]
    assert breaker.find("w:r/w:br[@w:type='page']", NS) is not None
    footers = doc.footer_parts()  # the last section's own footers
    assert set(footers) == {"default", "even"}
    for footer in footers.values():
        assert footer.find(".//w:instrText", NS) is None  # no PAGE field


def test_joint_organs_stack_beside_wenjian() -> None:
    doc = parse(notice_bytes(organs=["中共安顺市教育工作委员会", "安顺市教育局"]))
    mark = next(t for t in _body(doc) if t.tag == w("tbl"))
    cells = mark.findall("w:tr/w:tc", NS)
    assert [text_of(p) for p in cells[0].findall("w:p", NS)] == [
        "中共安顺市教育工作委员会", "安顺市教育局"]
    assert all(p.find("w:pPr/w:jc", NS).get(w("val")) == "distribute"
               for p in cells[0].findall("w:p", NS))
    assert text_of(cells[1]) == "文件"
    assert cells[1].find("w:tcPr/w:vAlign", NS).get(w("val")) == "center"
    colours = {c.get(w("val")) for c in mark.iter(w("color"))}
    assert colours == {"FF0000"}
    # the joint 落款 lists both organs
    assert _find(doc, "^中共安顺市教育工作委员会$") is not None


def test_upward_document_puts_the_signer_on_the_right() -> None:
    doc = parse(notice_bytes(signer="张三", copy_number="000001",
                                       secrecy="秘密★1年", urgency="特急"))
    number = _find(doc, "〔2025〕3号")
    runs = number.findall("w:r", NS)  # (text_of would also read the tab stop's w:tab)
    assert "".join(text_of(r) for r in runs) == "安市教发〔2025〕3号\t签发人：张三"
    assert number.find("w:pPr/w:jc", NS).get(w("val")) == "left"
    assert number.find("w:pPr/w:tabs/w:tab", NS).get(w("val")) == "right"
    name = next(r for r in number.findall("w:r", NS) if text_of(r) == "张三")
    assert name.find("w:rPr/w:rFonts", NS).get(w("eastAsia")) == "楷体_GB2312"
    heads = [text_of(p) for p in _paras(doc)[:3]]
    assert heads == ["000001", "秘密★1年", "特急"]


def test_properties_in_schema_order_and_python_docx_reopens(doc: Docx) -> None:
    for ppr in doc.document.iter(w("pPr")):
        names = [etree.QName(c).localname for c in ppr]
        assert names == sorted(names, key=PPR_ORDER.index), names
    docx.Document(io.BytesIO(notice_bytes()))


def test_cjk_runs_carry_the_east_asian_hint(doc: Docx) -> None:
    for p in _paras(doc):
        for r in p.findall("w:r", NS):
            text = "".join(t.text or "" for t in r.findall("w:t", NS))
            if re.search(r"[\u4e00-\u9fff“”]", text):
                assert r.find("w:rPr/w:rFonts", NS).get(w("hint")) == "eastAsia", text


def test_a_notice_needs_an_organ_and_a_date() -> None:
    import dataclasses

    plan, blocks = example()
    meta = dataclasses.replace(plan.meta, organ="", date=None)
    with pytest.raises(DrafterError) as err:
        notice_text(dataclasses.replace(plan, meta=meta), blocks)
    text = str(err.value)
    assert "发文机关" in text and "成文日期" in text


def test_notice_page_is_tightened_only_as_far_as_needed() -> None:
    """The example notice overflows its page by a few lines at 28.95 pt: its grid lines are
    narrowed (GB/T 9704 7.3.5.4), never below 22 pt; a long body is left at the grid."""
    doc = parse(notice_bytes())
    to = _find(doc, "^各县")
    line = int(to.find("w:pPr/w:spacing", NS).get(w("line")))
    assert 440 <= line < PROFILE.grid.line_pitch
    long = parse(notice_bytes(body="现将有关事项通知如下。" * 60))
    to = _find(long, "^各县")
    assert int(to.find("w:pPr/w:spacing", NS).get(w("line"))) == PROFILE.grid.line_pitch


def test_without_the_task_table_one_attachment_and_two_sections() -> None:
    doc = parse(notice_bytes(tasks=False, cc=""))
    assert len(doc.document.findall(".//w:sectPr", NS)) == 2
    assert text_of(_find(doc, "^附件：")) == "附件：安顺市2025年教育工作要点"  # no "1." alone
    assert not [p for p in _paras(doc) if text_of(p) == "附件2"]
    rows = _record(doc).findall("w:tr", NS)
    assert len(rows) == 1  # no 抄送 row: only 印发机关 and 印发日期
    assert [text_of(c) for c in rows[0].findall("w:tc", NS)] == [
        "安顺市教育局办公室", "2025年2月21日印发"]
