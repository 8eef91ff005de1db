"""The Word document's XML against GB/T 9704 (docs: ../shared/GBT9704.md), number by number.

Built from a realistic block list (a real plan of the corpus, ~30 items, every role); every
value is read back from the XML parts and, where styles are involved, resolved through the
style chain to docDefaults. The example city plan is checked the same way when it exists.
"""

from __future__ import annotations

import io
import re

import docx
import pytest
from lxml import etree

from drafter.model.blocks import Block
from drafter.model.errors import DrafterError
from drafter.model.plan import PlanMeta, PlanOptions
from drafter.render.docx_writer import docx_bytes
from drafter.render.docx_xml import PPR_ORDER, RPR_ORDER
from drafter.render.profile import load_profile
from tests.docx_read import NS, Docx, Resolver, text_of, text_runs, w
from tests.docx_sample import (
    CAPTION,
    DATE,
    ORGAN,
    SPECIAL,
    example_cases,
    sample_blocks,
    sample_meta,
)

# one xdist worker runs this module, so its module-scoped fixtures are built once
pytestmark = pytest.mark.xdist_group("test_docx_golden")

_RUN_IN = re.compile(r"（[一二三四五六七八九十]+）")
# paragraph style id → (eastAsia font, size in half-points) of its text
ROLE_FONTS = {
    "GwTitle": ("方正小标宋简体", "44"),
    "GwCaption": ("楷体_GB2312", "32"),
    "GwBody": ("仿宋_GB2312", "32"),
    "GwChapter": ("黑体", "32"),
    "GwSection": ("楷体_GB2312", "32"),
    "GwSignature": ("仿宋_GB2312", "32"),
}


CASES = [("corpus-002", sample_blocks(), sample_meta()), *example_cases()]


@pytest.fixture(scope="module", params=CASES, ids=[c[0] for c in CASES])
def built(request: pytest.FixtureRequest) -> tuple[Docx, list[Block], bytes]:
    _, blocks, meta = request.param
    data = docx_bytes(blocks, profile=load_profile(), meta=meta)
    return Docx.from_bytes(data), blocks, data


@pytest.fixture(scope="module")
def sample() -> Docx:
    return Docx.from_bytes(docx_bytes(sample_blocks(), profile=load_profile(),
                                      meta=sample_meta()))


def test_page_size_margins_and_grid(built: tuple[Docx, list[Block], bytes]) -> None:
    sect = built[0].document.find("w:body/w:sectPr", NS)
    assert sect is not None
    size, margins, grid = (sect.find(f"w:{t}", NS) for t in ("pgSz", "pgMar", "docGrid"))
    assert size is not None and margins is not None and grid is not None
    assert (size.get(w("w")), size.get(w("h"))) == ("11906", "16838")
    assert {k: margins.get(w(k)) for k in ("top", "bottom", "left", "right", "footer")} == {
        "top": "2098", "bottom": "1984", "left": "1587", "right": "1474", "footer": "1417"}
    assert (grid.get(w("type")), grid.get(w("linePitch"))) == ("lines", "579")


def test_every_paragraph_sits_on_the_579_grid(built: tuple[Docx, list[Block], bytes]) -> None:
    doc = built[0]
    res = Resolver(doc.styles)
    paragraphs = doc.body_paragraphs()
    assert len(paragraphs) >= len(built[1])
    keeps = _keep_chain(paragraphs, res)
    for p in paragraphs:
        where = text_of(p)[:20]
        assert res.ppr_attr(p, "spacing", "line") == "579", where
        assert res.ppr_attr(p, "spacing", "lineRule") == "exact", where
        assert res.ppr_attr(p, "spacing", "before") in ("0", None), where
        assert res.ppr_attr(p, "spacing", "after") == "0", where
        assert res.ppr_attr(p, "snapToGrid") == "0", where
        assert res.ppr_attr(p, "widowControl") == "0", where
        # keepNext only where a page must not end: headings, and the 落款 chain (a chain of
        # run-in items would push whole blocks to the next page)
        assert res.has_ppr(p, "keepNext") == (id(p) in keeps), where
        assert p.find("w:pPr/w:numPr", NS) is None


_KEEP_STYLES = ("GwTitle", "GwCaption", "GwChapter", "GwSection")


def _keep_chain(paragraphs: list[etree._Element], res: Resolver) -> set[int]:
    """Paragraphs that must carry keepNext: headings; from the last text paragraph before the
    signature down to the line before the date."""
    keeps = {id(p) for p in paragraphs if res.para_style(p) in _KEEP_STYLES}
    signed = [i for i, p in enumerate(paragraphs) if res.para_style(p) == "GwSignature"]
    if signed:
        first = signed[0]
        last_text = max(i for i in range(first) if text_of(paragraphs[i]))
        keeps |= {id(p) for p in paragraphs[last_text:signed[-1]]}
    return keeps


def test_headings_keep_with_next_and_the_signature_with_the_last_paragraph(
        sample: Docx) -> None:
    res = Resolver(sample.styles)
    paragraphs = sample.body_paragraphs()
    chapters = [p for p in paragraphs if res.para_style(p) == "GwChapter"]
    assert chapters and all(res.has_ppr(p, "keepNext") for p in chapters)
    signature = next(i for i, p in enumerate(paragraphs) if res.para_style(p) == "GwSignature")
    closing = paragraphs[signature - 2]
    assert text_of(closing) and res.has_ppr(closing, "keepNext")
    items = [p for p in paragraphs[:signature - 2] if res.para_style(p) == "GwBody"]
    assert items and not any(res.has_ppr(p, "keepNext") for p in items)


def test_cjk_runs_are_hinted_and_quotes_sit_in_cjk_font_runs(sample: Docx) -> None:
    """w:hint="eastAsia" on every run with CJK text; “” — … in runs whose four font slots
    name the CJK font (Word's font choice, and LibreOffice after digits, drew them Western)."""
    runs = [r for p in sample.body_paragraphs() for r in p.findall("w:r", NS)]
    quotes = 0
    for r in runs:
        text = "".join(t.text or "" for t in r.findall("w:t", NS))
        if not re.search(r"[\u4e00-\u9fff“”—…]", text):
            continue
        fonts = r.find("w:rPr/w:rFonts", NS)
        assert fonts.get(w("hint")) == "eastAsia", text
        if re.fullmatch(r"[“”‘’—…·]+", text):
            quotes += 1
            assert {fonts.get(w(s)) for s in ("ascii", "hAnsi", "eastAsia", "cs")} == {
                fonts.get(w("eastAsia"))}, text
        else:
            assert not re.search(r"[“”‘’—…]", text), text
    assert quotes >= 4


def test_role_fonts_and_sizes_resolve_through_styles(built: tuple[Docx, list[Block], bytes]
                                                     ) -> None:
    doc = built[0]
    res = Resolver(doc.styles)
    seen = set()
    for p in doc.body_paragraphs():
        style = res.para_style(p)
        assert style in ROLE_FONTS, text_of(p)[:20]
        font, size = ROLE_FONTS[style]
        for i, r in enumerate(text_runs(p)):
            fonts = r.find("w:rPr/w:rFonts", NS)
            assert fonts is not None  # all four slots on every run
            assert all(fonts.get(w(k)) for k in ("ascii", "hAnsi", "eastAsia", "cs"))
            expected = font
            if style == "GwBody" and i == 0 and _RUN_IN.match(text_of(p)):
                expected = "楷体_GB2312"  # run-in （一） heading: only that run is 楷体
            assert res.rpr_attr(p, r, "rFonts", "eastAsia") == expected, text_of(p)[:20]
            run_text = "".join(t.text or "" for t in r.findall("w:t", NS))
            latin = expected if re.fullmatch(r"[“”‘’—…·]+", run_text) else "Times New Roman"
            assert res.rpr_attr(p, r, "rFonts", "ascii") == latin, run_text
            assert res.rpr_attr(p, r, "sz") == size
            spacing = res.rpr_attr(p, r, "spacing")
            assert spacing == ("-5" if size == "32" else None) or (size != "32" and
                                                                 spacing in (None, "0"))
        seen.add(style)
    assert {"GwTitle", "GwBody", "GwChapter", "GwSignature"} <= seen


def test_styles_define_every_role_with_four_fonts(sample: Docx) -> None:
    res = Resolver(sample.styles)
    for style_id, (font, size) in ROLE_FONTS.items():
        style = res.by_id[style_id]
        fonts = style.find("w:rPr/w:rFonts", NS)
        assert fonts is not None
        assert fonts.get(w("eastAsia")) == font
        assert fonts.get(w("ascii")) == fonts.get(w("hAnsi")) == "Times New Roman"
        assert style.find("w:rPr/w:sz", NS).get(w("val")) == size  # type: ignore[union-attr]
        assert style.find("w:pPr/w:keepNext", NS) is None
    title = res.by_id["GwTitle"]
    assert title.find("w:pPr/w:jc", NS).get(w("val")) == "center"  # type: ignore[union-attr]
    assert title.find("w:rPr/w:b", NS).get(w("val")) == "0"  # type: ignore[union-attr]
    body = res.by_id["GwBody"]
    assert body.find("w:pPr/w:ind", NS).get(w("firstLine")) == "640"  # type: ignore[union-attr]
    assert body.find("w:pPr/w:jc", NS).get(w("val")) == "both"  # type: ignore[union-attr]


def test_doc_defaults_and_settings_are_pinned(sample: Docx) -> None:
    defaults = sample.styles.find("w:docDefaults", NS)
    assert defaults is not None
    fonts = defaults.find("w:rPrDefault/w:rPr/w:rFonts", NS)
    assert fonts is not None and fonts.get(w("eastAsia")) == "仿宋_GB2312"
    assert defaults.find("w:rPrDefault/w:rPr/w:sz", NS).get(w("val")) == "32"  # type: ignore
    lang = defaults.find("w:rPrDefault/w:rPr/w:lang", NS)
    assert lang is not None and lang.get(w("eastAsia")) == "zh-CN"
    spacing = defaults.find("w:pPrDefault/w:pPr/w:spacing", NS)
    assert spacing is not None and spacing.get(w("after")) == "0"
    settings = sample.settings
    assert settings.find("w:evenAndOddHeaders", NS) is not None
    assert settings.find("w:themeFontLang", NS).get(w("eastAsia")) == "zh-CN"  # type: ignore
    control = settings.find("w:characterSpacingControl", NS)
    assert control is not None and control.get(w("val")) == "doNotCompress"


def test_no_theme_fonts_and_no_numbering_anywhere(built: tuple[Docx, list[Block], bytes]
                                                  ) -> None:
    doc = built[0]
    for name, blob in doc.parts.items():
        if not name.endswith(".xml") or name.startswith("word/theme/"):
            continue
        root = etree.fromstring(blob)
        for node in root.iter():
            themed = [a for a in node.attrib if str(a).endswith(("Theme", "theme"))]
            assert not themed, (name, themed)
        if name in ("word/document.xml", "word/styles.xml") or "footer" in name:
            assert root.find(".//w:numPr", NS) is None, name


def test_schema_order_of_properties(built: tuple[Docx, list[Block], bytes]) -> None:
    doc = built[0]
    roots = [doc.document, doc.styles, *doc.footer_parts().values()]
    for root in roots:
        for props, order in ((root.iter(w("pPr")), PPR_ORDER), (root.iter(w("rPr")), RPR_ORDER)):
            for node in props:
                names = [etree.QName(c).localname for c in node]
                ranks = [order.index(n) for n in names if n in order]
                assert ranks == sorted(ranks), names
    assert not doc.document.findall(".//w:pPr/w:br", NS)


def test_odd_and_even_footers_carry_a_page_field(sample: Docx) -> None:
    footers = sample.footer_parts()
    assert set(footers) >= {"default", "even"}
    for kind, jc, side in (("default", "right", "right"), ("even", "left", "left")):
        p = footers[kind].find("w:p", NS)
        assert p is not None
        assert p.find("w:pPr/w:jc", NS).get(w("val")) == jc  # type: ignore[union-attr]
        assert p.find("w:pPr/w:ind", NS).get(w(side)) == "280"  # type: ignore[union-attr]
        sequence = []
        for r in p.findall("w:r", NS):
            fonts = r.find("w:rPr/w:rFonts", NS)
            assert fonts is not None
            assert {fonts.get(w(k)) for k in ("ascii", "hAnsi", "eastAsia", "cs")} == {"宋体"}
            assert r.find("w:rPr/w:sz", NS).get(w("val")) == "28"  # type: ignore[union-attr]
            for child in r:
                if child.tag == w("fldChar"):
                    sequence.append(child.get(w("fldCharType")))
                elif child.tag == w("instrText"):
                    sequence.append(f"instr:{child.text}")
                elif child.tag == w("t"):
                    sequence.append(f"t:{child.text}")
        assert sequence[0] == "t:— " and sequence[-1] == "t: —"
        assert sequence[1:-1] == ["begin", "instr: PAGE ", "separate",
                                  "t:1" if kind == "default" else "t:2", "end"]


def test_title_lines_and_the_blank_line_before_the_body(built: tuple[Docx, list[Block], bytes]
                                                        ) -> None:
    doc, blocks = built[0], built[1]
    res = Resolver(doc.styles)
    paragraphs = doc.body_paragraphs()
    title = paragraphs[0]
    assert res.para_style(title) == "GwTitle"
    lines = text_of(title).split("\n")
    assert "".join(lines) == next(b.text for b in blocks if b.role == "title").replace(" ", "")
    assert all(len(line) <= 20 for line in lines), lines
    first_body = next(i for i, p in enumerate(paragraphs)
                      if res.para_style(p) not in ("GwTitle", "GwCaption"))
    assert text_of(paragraphs[first_body]) == ""
    assert text_of(paragraphs[first_body + 1]) != ""


def test_caption_signature_and_date(sample: Docx) -> None:
    res = Resolver(sample.styles)
    paragraphs = sample.body_paragraphs()
    assert text_of(paragraphs[1]) == CAPTION and res.para_style(paragraphs[1]) == "GwCaption"
    organ, date = paragraphs[-2], paragraphs[-1]
    assert (text_of(organ), text_of(date)) == (ORGAN, DATE)
    assert text_of(paragraphs[-3]) == ""  # one blank line before the signature
    for p in (organ, date):
        assert res.ppr_attr(p, "jc") == "right"
        right = int(res.ppr_attr(p, "ind", "right") or 0)
        assert right > 0 and right % 320 == 0
    # the date starts two characters to the right of the organ name (the date is 7.75
    # characters wide: four CJK, six half-width digits, five ¼ gaps between CJK and digits)
    organ_start = int(res.ppr_attr(organ, "ind", "right") or 0) / 320 + len(ORGAN)
    date_start = int(res.ppr_attr(date, "ind", "right") or 0) / 320 + 7.75
    assert 1.5 <= organ_start - date_start <= 2.5


def test_special_characters_stay_literal_and_python_docx_reopens(
        built: tuple[Docx, list[Block], bytes]) -> None:
    data = built[2]
    reopened = docx.Document(io.BytesIO(data))
    texts = [p.text for p in reopened.paragraphs]
    assert len(texts) >= len(built[1])
    if built[1] is CASES[0][1]:
        assert any(SPECIAL in t for t in texts)
        assert b"&amp;" in built[0].parts["word/document.xml"]


@pytest.mark.parametrize("bold_leads", [True, False])  # the local habit is an option
def test_bold_lead_phrases(bold_leads: bool) -> None:
    blocks = [Block(role="item", marker="1.", lead="加强党的建设。", text="全面从严治党。")]
    doc = Docx.from_bytes(docx_bytes(blocks, profile=load_profile(),
                                     meta=PlanMeta(options=PlanOptions(bold_leads=bold_leads))))
    res = Resolver(doc.styles)
    p = doc.body_paragraphs()[0]
    lead, body = text_runs(p)
    assert text_of(p) == "1.加强党的建设。全面从严治党。"
    assert (res.bold(p, lead), res.bold(p, body)) == (bold_leads, False)


def test_font_overrides_from_plan_options() -> None:
    blocks = [Block(role="chapter", marker="一、", text="加强党建"),
              Block(role="item", marker="1.", text="全面从严治党。")]
    meta = PlanMeta(options=PlanOptions(fonts={"正文": "方正仿宋_GBK", "chapter": "方正黑体_GBK"}))
    doc = Docx.from_bytes(docx_bytes(blocks, profile=load_profile(), meta=meta))
    res = Resolver(doc.styles)
    chapter, item = doc.body_paragraphs()
    assert res.rpr_attr(chapter, text_runs(chapter)[0], "rFonts", "eastAsia") == "方正黑体_GBK"
    assert res.rpr_attr(item, text_runs(item)[0], "rFonts", "eastAsia") == "方正仿宋_GBK"


def test_unknown_font_role_is_a_chinese_error() -> None:
    meta = PlanMeta(options=PlanOptions(fonts={"脚注": "宋体"}))
    with pytest.raises(DrafterError, match="脚注"):
        docx_bytes([Block(role="item", text="x")], profile=load_profile(), meta=meta)


def test_control_characters_are_dropped_not_fatal() -> None:
    blocks = [Block(role="item", marker="1.", text="前\x00后\x0b。\t制表")]
    doc = Docx.from_bytes(docx_bytes(blocks, profile=load_profile(), meta=PlanMeta()))
    assert text_of(doc.body_paragraphs()[0]) == "1.前后。\t制表"


def test_font_table_names_the_fonts_with_their_alternates(sample: Docx) -> None:
    table = sample.xml("word/fontTable.xml")
    fonts = {f.get(w("name")): f for f in table.findall("w:font", NS)}
    assert {"仿宋_GB2312", "楷体_GB2312", "黑体", "方正小标宋简体", "宋体",
            "Times New Roman"} <= set(fonts)
    assert "ＭＳ 明朝" not in fonts and "Cambria" not in fonts  # the default template's
    fang = fonts["仿宋_GB2312"]
    assert fang.find("w:altName", NS).get(w("val")) == "仿宋"  # type: ignore[union-attr]
    assert fang.find("w:charset", NS).get(w("val")) == "86"  # type: ignore[union-attr]
    assert not any(name.startswith(("word/fonts/", "word/embeddings/")) for name in sample.parts)


def test_all_four_font_slots_on_every_rfonts_and_styled_role(built: tuple[Docx, list[Block],
                                                                           bytes]) -> None:
    doc = built[0]
    roots = {"document": doc.document, "styles": doc.styles, **doc.footer_parts()}
    for name, root in roots.items():
        for fonts in root.iter(w("rFonts")):
            slots = {k: fonts.get(w(k)) for k in ("ascii", "hAnsi", "eastAsia", "cs")}
            assert all(slots.values()), (name, slots)
    for style in doc.styles.findall("w:style", NS):
        if style.get(w("type")) in ("paragraph", "character") and style.get(w("default")) is None:
            assert style.find("w:rPr/w:rFonts", NS) is not None, style.get(w("styleId"))


def test_no_blocks_still_gives_a_document_with_one_paragraph() -> None:
    doc = Docx.from_bytes(docx_bytes([], profile=load_profile(), meta=PlanMeta()))
    assert len(doc.body_paragraphs()) == 1


def test_word_opens_it_in_current_mode(sample: Docx) -> None:
    modes = [s.get(w("val")) for s in sample.settings.iter(w("compatSetting"))
             if s.get(w("name")) == "compatibilityMode"]
    assert modes == ["15"]  # not “兼容模式”
