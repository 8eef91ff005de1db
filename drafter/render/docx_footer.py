"""Page numbers as GB/T 9704 wants them: "— N —" in 宋体 14 pt, odd pages right and even
pages left, each inset one character; N is a PAGE field so Word and WPS count the pages.

Also makes a reference document's header appear on even pages too (odd/even footers switch
Word to odd/even headers, which would otherwise leave even pages without the letterhead).
This module writes footers only; it never touches the body.
"""

from __future__ import annotations

import copy

from docx.oxml.ns import qn
from docx.oxml.parser import oxml_parser
from docx.section import Section
from lxml import etree

from drafter.render.docx_xml import el, para_props, run_props, text_node
from drafter.render.profile import Profile

_R_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_AUTO_LINE = 240  # single spacing: the dash then sits about 7 mm below the text block


def install_footers(section: Section, profile: Profile) -> None:
    """Default (odd) footer right-aligned, even footer left-aligned, both with a PAGE field;
    a section with a different first page (a reference's first-page-only letterhead) gets the
    odd footer on page 1 as well, so page 1 keeps its number."""
    section.footer.is_linked_to_previous = False
    section.even_page_footer.is_linked_to_previous = False
    _fill(section.footer._element, page_number_paragraph(profile, odd=True))
    _fill(section.even_page_footer._element, page_number_paragraph(profile, odd=False))
    if section.different_first_page_header_footer:  # a first-page-only letterhead
        section.first_page_footer.is_linked_to_previous = False
        _fill(section.first_page_footer._element, page_number_paragraph(profile, odd=True))


def _fill(footer: etree._Element, paragraph: etree._Element) -> None:
    for child in list(footer):
        footer.remove(child)
    footer.append(paragraph)


def page_number_paragraph(profile: Profile, *, odd: bool) -> etree._Element:
    """<w:p> with "— ", the PAGE complex field (begin/instr/separate/result/end), " —"."""
    style = profile.roles.page_number
    inset = profile.page_number.inset
    ppr = para_props(style, _AUTO_LINE, pstyle="GwPageNumber",
                     right=inset if odd else 0, left=0 if odd else inset)
    ppr.find(qn("w:spacing")).set(qn("w:lineRule"), "auto")  # type: ignore[union-attr]
    ppr.find(qn("w:jc")).set(qn("w:val"), "right" if odd else "left")  # type: ignore[union-attr]
    rpr = run_props(style, profile.latin(style))
    before, _, after = profile.page_number.format.partition("{n}")
    p = el("w:p", None, ppr)
    if before:
        p.append(_run(rpr, text_node(before)))
    p.append(_run(rpr, el("w:fldChar", {"fldCharType": "begin"})))
    instr = el("w:instrText")
    instr.text = " PAGE "
    instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    p.append(_run(rpr, instr))
    p.append(_run(rpr, el("w:fldChar", {"fldCharType": "separate"})))
    p.append(_run(rpr, text_node("1" if odd else "2")))
    p.append(_run(rpr, el("w:fldChar", {"fldCharType": "end"})))
    if after:
        p.append(_run(rpr, text_node(after)))
    return p


def _run(rpr: etree._Element, content: etree._Element) -> etree._Element:
    return el("w:r", None, copy.deepcopy(rpr), content)


def even_header_like_default(section: Section) -> None:
    """Give even pages a copy of the default header (a letterhead) when they have none.

    Odd/even footers switch Word to odd/even headers, which would leave even pages blank.
    The copy is a header part of its own; relationships it uses (a logo picture, a link) are
    re-created on the new part so their ids resolve there.
    """
    default, even = section.header, section.even_page_header
    if default.is_linked_to_previous or not even.is_linked_to_previous:
        return
    even.is_linked_to_previous = False
    source, target = default.part, even.part
    element = even._element
    for child in list(element):
        element.remove(child)
    for child in default._element:
        element.append(copy.deepcopy(child))
    for node in element.iter():
        for attr, value in list(node.attrib.items()):
            if not str(attr).startswith(_R_NS) or value not in source.rels:
                continue
            rel = source.rels[value]
            if rel.is_external:
                node.set(attr, target.relate_to(rel.target_ref, rel.reltype, is_external=True))
            else:
                node.set(attr, target.relate_to(rel.target_part, rel.reltype))


# ---------------------------------------------------------------- landscape pages

_WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
_WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_EMU = 635  # per twip
_BOX = 400  # twips across the rotated number (its line height)


def install_landscape_footers(section: Section, profile: Profile) -> None:
    """Page numbers of a landscape table section where GB/T 9704 puts them: in the same place
    on the sheet as on the portrait pages (页码位置与公文其他页码保持一致). The landscape page
    is bound with its top at the left, so the number stands in its left margin, turned to
    read top to bottom: odd pages towards the bottom, even pages towards the top, one
    character in. A text box anchored to the page, in the section's own footers."""
    section.footer.is_linked_to_previous = False
    section.even_page_footer.is_linked_to_previous = False
    for footer, odd in ((section.footer, True), (section.even_page_footer, False)):
        paragraph = el("w:p")
        paragraph.append(_rotated_number(profile, odd=odd, ident=901 if odd else 902))
        _fill(footer._element, paragraph)


def _rotated_number(profile: Profile, *, odd: bool, ident: int) -> etree._Element:
    page = profile.tasks.page
    height = page.height - page.margin_top - page.margin_bottom  # the block's height
    x = max(profile.page.footer - _BOX, 0)  # as far from the edge as the portrait number
    size = f'cx="{_BOX * _EMU}" cy="{height * _EMU}"'
    xml = (
        f'<w:r xmlns:w="{_W}" xmlns:wp="{_WP}" xmlns:a="{_A}" xmlns:wps="{_WPS}"><w:drawing>'
        '<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="2"'
        ' behindDoc="0" locked="1" layoutInCell="1" allowOverlap="1">'
        '<wp:simplePos x="0" y="0"/>'
        f'<wp:positionH relativeFrom="page"><wp:posOffset>{x * _EMU}</wp:posOffset>'
        '</wp:positionH>'
        f'<wp:positionV relativeFrom="page"><wp:posOffset>{page.margin_top * _EMU}'
        '</wp:posOffset></wp:positionV>'
        f'<wp:extent {size}/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>'
        f'<wp:docPr id="{ident}" name="页码{ident}"/><wp:cNvGraphicFramePr/>'
        f'<a:graphic><a:graphicData uri="{_WPS}"><wps:wsp><wps:cNvSpPr txBox="1"/>'
        f'<wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext {size}/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln><a:noFill/></a:ln>'
        '</wps:spPr><wps:txbx><w:txbxContent/></wps:txbx>'
        '<wps:bodyPr rot="0" vert="vert" wrap="square" lIns="0" tIns="0" rIns="0" bIns="0"'
        ' anchor="ctr" anchorCtr="0"><a:noAutofit/></wps:bodyPr>'
        '</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>')
    run = etree.fromstring(xml.encode(), oxml_parser)
    content = run.find(f".//{{{_W}}}txbxContent")
    assert content is not None
    content.append(page_number_paragraph(profile, odd=odd))
    return run
