"""WordprocessingML building blocks shared by the .docx writers: the one font helper,
run and paragraph properties in schema order, and text runs that are always escaped.

Everything is built with lxml elements (python-docx's oxml), never from strings, so user
text such as `< & " '` is escaped by the serializer. This module knows the profile's role
styles but nothing about blocks or documents.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from docx.oxml.ns import NamespacePrefixedTag, qn
from docx.oxml.parser import oxml_parser
from lxml import etree

from drafter.render.profile import RoleStyle

THEME_ATTRS: tuple[str, ...] = tuple(
    qn(f"w:{name}") for name in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")
)
# Characters XML 1.0 forbids (lxml refuses them); tabs and newlines are handled separately.
_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# Text Word treats as East Asian once w:hint="eastAsia" is set: ideographs, CJK and
# full-width punctuation. Quotes, dashes and ellipses are "ambiguous" characters a client may
# draw in the Latin font (narrow Western quotes); they go into runs of their own whose four
# font slots all name the CJK font, so every client draws them full-width.
_CJK = re.compile("[\u2e80-\u9fff\u3000-\u303f\uff00-\uffef\uf900-\ufaff“”‘’—…·]")
AMBIGUOUS = re.compile("[“”‘’—…·]+")

# Schema order of the w:rPr and w:pPr children this package writes (CT_RPr / CT_PPrBase).
RPR_ORDER: tuple[str, ...] = (
    "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike",
    "outline", "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden",
    "color", "spacing", "w", "kern", "position", "sz", "szCs", "highlight", "u", "effect",
    "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout",
)
PPR_ORDER: tuple[str, ...] = (
    "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
    "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
    "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd",
    "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap",
    "jc", "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId",
    "cnfStyle", "rPr", "sectPr", "pPrChange",
)


def el(tag: str, attrs: dict[str, str | int] | None = None, *children: etree._Element
       ) -> etree._Element:
    """`w:tag` with `w:`-prefixed attributes and children (python-docx's element classes)."""
    clark, nsmap = _tag(tag)
    node = oxml_parser.makeelement(clark, nsmap=nsmap)
    if attrs:
        for key, value in attrs.items():
            node.set(_attr(key), str(value))
    for child in children:
        node.append(child)
    return node


@lru_cache(maxsize=256)
def _tag(tag: str) -> tuple[str, dict[str, str]]:
    """What OxmlElement computes on every call, computed once per tag."""
    nsptag = NamespacePrefixedTag(tag)
    return nsptag.clark_name, nsptag.nsmap


@lru_cache(maxsize=256)
def _attr(key: str) -> str:
    return qn(key if ":" in key else f"w:{key}")


def place(parent: etree._Element, child: etree._Element, order: Sequence[str]) -> None:
    """Insert `child` into `parent` at its schema position, replacing one of the same tag."""
    local = etree.QName(child).localname
    old = parent.find(qn(f"w:{local}"))
    if old is not None:
        old.addprevious(child)
        parent.remove(old)
        return
    rank = order.index(local) if local in order else len(order)
    for sibling in parent:
        name = etree.QName(sibling).localname
        if name in order and order.index(name) > rank:
            sibling.addprevious(child)
            return
    parent.append(child)


def set_fonts(rpr: etree._Element, east_asia: str, latin: str) -> None:
    """The one font helper: all four rFonts slots, theme attributes removed."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = el("w:rFonts")
        place(rpr, fonts, RPR_ORDER)
    for attr in THEME_ATTRS:
        fonts.attrib.pop(attr, None)
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)
    fonts.set(qn("w:eastAsia"), east_asia)
    fonts.set(qn("w:cs"), latin)


def strip_theme_fonts(root: etree._Element) -> None:
    """Remove theme font attributes everywhere under `root`; drop rFonts left empty."""
    for fonts in root.iter(qn("w:rFonts")):
        for attr in THEME_ATTRS:
            fonts.attrib.pop(attr, None)
        if not fonts.attrib:
            fonts.getparent().remove(fonts)


def run_props(style: RoleStyle, latin: str, *, bold: bool | None = None,
              rstyle: str | None = None, lang: bool = False) -> etree._Element:
    """w:rPr for one role: style ref, four fonts, bold, character spacing, size."""
    rpr = el("w:rPr")
    if rstyle:
        rpr.append(el("w:rStyle", {"val": rstyle}))
    set_fonts(rpr, style.font, latin)
    is_bold = style.bold if bold is None else bold
    rpr.append(el("w:b", {"val": "1" if is_bold else "0"}))
    rpr.append(el("w:bCs", {"val": "1" if is_bold else "0"}))
    if style.char_spacing:
        rpr.append(el("w:spacing", {"val": style.char_spacing}))
    rpr.append(el("w:sz", {"val": style.size}))
    rpr.append(el("w:szCs", {"val": style.size}))
    if lang:
        rpr.append(el("w:lang", {"val": "en-US", "eastAsia": "zh-CN", "bidi": "ar-SA"}))
    return rpr


def para_props(style: RoleStyle, line: int, *, pstyle: str | None = None,
               right: int = 0, left: int = 0, outline: int | None = None) -> etree._Element:
    """w:pPr: exact line, no space before/after, snapToGrid and widow control off."""
    ppr = el("w:pPr")
    if pstyle:
        ppr.append(el("w:pStyle", {"val": pstyle}))
    ppr.append(el("w:widowControl", {"val": "0"}))
    # overflowPunct=1 is Word's own default (a closing mark may hang in the margin, the
    # usual 标点悬挂, outside the 28-character grid). LibreOffice reads the flag inverted
    # (its importer maps 0 to hanging), so 1 keeps its lines inside the block as well.
    ppr.append(el("w:overflowPunct", {"val": "1"}))
    ppr.append(el("w:snapToGrid", {"val": "0"}))
    ppr.append(el("w:spacing", {"before": 0, "after": 0, "line": line, "lineRule": "exact"}))
    ind: dict[str, str | int] = {"firstLine": style.first_line}
    if left:
        ind["left"] = left
    if right:
        ind["right"] = right
    ppr.append(el("w:ind", ind))
    ppr.append(el("w:jc", {"val": style.align}))
    if outline is not None:
        ppr.append(el("w:outlineLvl", {"val": outline}))
    return ppr


def clean_text(text: str) -> str:
    """Text XML can carry: forbidden control characters removed."""
    return _XML_BAD.sub("", text)


def text_run(text: str, rpr: etree._Element) -> etree._Element:
    """A w:r with a copy of `rpr` and the text; newlines become w:br, tabs w:tab."""
    run = el("w:r")
    run.append(_copy(rpr))
    for i, line in enumerate(clean_text(text).split("\n")):
        if i:
            run.append(el("w:br"))
        for j, piece in enumerate(line.split("\t")):
            if j:
                run.append(el("w:tab"))
            if piece:
                run.append(text_node(piece))
    return run


def text_runs(text: str, rpr: etree._Element) -> list[etree._Element]:
    """Runs for `text`: CJK text hinted East Asian, ambiguous punctuation in CJK-font runs."""
    text = clean_text(text)
    fonts = rpr.find(qn("w:rFonts"))
    east_asia = fonts.get(qn("w:eastAsia")) if fonts is not None else None
    if not east_asia or not _CJK.search(text):
        return [text_run(text, rpr)]
    hinted = copy.deepcopy(rpr)
    _hint(hinted, None)
    punct = copy.deepcopy(rpr)
    _hint(punct, east_asia)
    runs: list[etree._Element] = []
    start = 0
    for match in AMBIGUOUS.finditer(text):
        if match.start() > start:
            runs.append(text_run(text[start:match.start()], hinted))
        runs.append(text_run(match.group(), punct))
        start = match.end()
    if start < len(text):
        runs.append(text_run(text[start:], hinted))
    return runs


def _hint(rpr: etree._Element, cjk_font: str | None) -> None:
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        return
    fonts.set(qn("w:hint"), "eastAsia")
    if cjk_font:
        for slot in ("w:ascii", "w:hAnsi", "w:cs"):
            fonts.set(qn(slot), cjk_font)


def keep_next(p: etree._Element) -> etree._Element:
    """Keep paragraph `p` on the same page as the next one (headings, the 落款 chain)."""
    ppr = p.find(qn("w:pPr"))
    if ppr is None:
        ppr = el("w:pPr")
        p.insert(0, ppr)
    place(ppr, el("w:keepNext"), PPR_ORDER)
    return p


def text_node(text: str) -> etree._Element:
    node = el("w:t")
    node.text = text
    if text != text.strip():
        node.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return node


def paragraph(ppr: etree._Element, runs: Iterable[etree._Element]) -> etree._Element:
    p = el("w:p")
    p.append(_copy(ppr))
    for run in runs:
        p.append(run)
    return p


def _copy(node: etree._Element) -> etree._Element:
    return copy.deepcopy(node)
