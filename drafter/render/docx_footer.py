"""Page numbers as GB/T 9704 wants them: "— N —" in 宋体 14 pt, odd pages right and even
pages left, each inset one character; N is a PAGE field so Word and WPS count the pages.

Also makes a reference document's header appear on even pages too (odd/even footers switch
Word to odd/even headers, which would otherwise leave even pages without the letterhead).
This module writes footers only; it never touches the body.
"""

from __future__ import annotations

import copy

from docx.oxml.ns import qn
from docx.section import Section
from lxml import etree

from drafter.render.docx_xml import el, para_props, run_props, text_node
from drafter.render.profile import Profile

_R_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_AUTO_LINE = 240  # single spacing: the dash then sits about 7 mm below the text block


def install_footers(section: Section, profile: Profile) -> None:
    """Default (odd) footer right-aligned, even footer left-aligned, both with a PAGE field."""
    section.footer.is_linked_to_previous = False
    section.even_page_footer.is_linked_to_previous = False
    _fill(section.footer._element, page_number_paragraph(profile, odd=True))
    _fill(section.even_page_footer._element, page_number_paragraph(profile, odd=False))


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
