"""The prepared empty document every .docx starts from: styles, defaults, settings, page.

Built once per process and per (profile, reference file, layout) and kept as bytes, so a
document costs one open, some appends and one save. Starts from python-docx's default
template (pruned: US Letter, theme fonts, ja-JP theme language and list styles all go) or
from a user's reference .docx, whose header and house styles are kept while drafter's own
公文 styles, page setup and page-number footers are (re)written from the profile.

This module lays out no text: that is docx_writer's and tasks' job.
"""

from __future__ import annotations

import dataclasses
import io
from functools import lru_cache
from pathlib import Path

import docx
from docx.document import Document
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from docx.shared import Twips
from lxml import etree

from drafter.model.errors import DrafterError
from drafter.render.docx_footer import even_header_like_default, install_footers
from drafter.render.docx_xml import (
    el,
    para_props,
    place,
    run_props,
    set_fonts,
    strip_theme_fonts,
)
from drafter.render.profile import PageSetup, Profile, RoleStyle

# role → (style id, display name shown in Word's style gallery)
PARA_STYLES: dict[str, tuple[str, str]] = {
    "title": ("GwTitle", "公文标题"),
    "caption": ("GwCaption", "公文题注"),
    "body": ("GwBody", "公文正文"),
    "chapter": ("GwChapter", "公文一级标题"),
    "section": ("GwSection", "公文二级标题"),
    "signature": ("GwSignature", "公文落款"),
    "page_number": ("GwPageNumber", "公文页码"),
}
SECTION_RUN_STYLE = ("GwSectionChar", "公文二级标题文字")
_OUTLINE = {"chapter": 0, "section": 1}
# Styles kept from python-docx's default template: the four defaults Word always has. The
# rest (headings with theme fonts, list styles with numbering, header/footer styles without
# fonts of their own) would only invite Word to use them; Word recreates its built-in styles
# from the latent-style list when a user picks one.
_KEEP_STYLES = {"Normal", "DefaultParagraphFont", "TableNormal", "NoList"}
_SETTINGS_ORDER: tuple[str, ...] = (
    "writeProtection", "view", "zoom", "removePersonalInformation", "removeDateAndTime",
    "proofState", "defaultTabStop", "autoHyphenation", "evenAndOddHeaders",
    "noPunctuationKerning", "characterSpacingControl", "printTwoOnOne",
    "strictFirstAndLastChars", "savePreviewPicture", "updateFields", "hdrShapeDefaults",
    "footnotePr", "endnotePr", "compat", "docVars", "rsids", "mathPr", "attachedSchema",
    "themeFontLang", "clrSchemeMapping", "doNotIncludeSubdocsInStats",
    "doNotAutoCompressPictures", "forceUpgrade", "captions", "shapeDefaults",
    "decimalSymbol", "listSeparator",
)
_SECT_ORDER: tuple[str, ...] = (
    "headerReference", "footerReference", "footnotePr", "endnotePr", "type", "pgSz", "pgMar",
    "paperSrc", "pgBorders", "lnNumType", "pgNumType", "cols", "formProt", "vAlign",
    "noEndnote", "titlePg", "textDirection", "bidi", "rtlGutter", "docGrid",
    "printerSettings", "sectPrChange",
)


def template_bytes(profile: Profile, reference: Path | None, landscape: bool = False) -> bytes:
    """The prepared empty document as .docx bytes (cached per reference file version)."""
    key = None
    if reference is not None:
        try:
            stat = reference.stat()
        except OSError:
            raise DrafterError.one(f"找不到参考文档：{reference}",
                                   hint="请检查 meta.options.reference 的路径") from None
        key = (str(reference.resolve()), stat.st_mtime_ns, stat.st_size)
    return _template_bytes(profile, key, landscape)


@lru_cache(maxsize=16)
def _template_bytes(profile: Profile, reference: tuple[str, int, int] | None,
                    landscape: bool) -> bytes:
    doc = open_base(Path(reference[0]) if reference else None)
    page = profile.tasks.page if landscape else profile.page
    prepare(doc, profile, page, from_reference=reference is not None)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def open_base(reference: Path | None) -> Document:
    """python-docx's default document, pruned; or the user's reference .docx."""
    if reference is None:
        doc = docx.Document()
        _prune_default(doc)
        return doc
    try:
        return docx.Document(str(reference))
    except (PackageNotFoundError, KeyError, ValueError, OSError, etree.XMLSyntaxError):
        raise DrafterError.one(
            f"参考文档无法读取：{reference}",
            hint="参考文档必须是 Word 的 .docx 文件（不支持 .doc/.wps）") from None


def prepare(doc: Document, profile: Profile, page: PageSetup, *, from_reference: bool) -> None:
    """Empty body; 公文 styles, pinned defaults, settings, page setup and footers. A reference
    document keeps its header, its Normal style and its font table entries."""
    body = doc.element.body
    body.get_or_add_sectPr()
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    styles = doc.styles.element
    strip_theme_fonts(styles)
    for numpr in list(styles.iter(qn("w:numPr"))):
        numpr.getparent().remove(numpr)
    _pin_doc_defaults(styles, profile)
    if not from_reference:
        _pin_normal(styles, profile)
    for role, (style_id, name) in PARA_STYLES.items():
        style = getattr(profile.roles, role)
        _put_style(styles, _paragraph_style(style_id, name, style, profile, role))
    _put_style(styles, _run_style(*SECTION_RUN_STYLE, profile.roles.section, profile))
    _settings(doc)
    _font_table(doc, profile, prune=not from_reference)
    _page_setup(doc, profile, page)
    if from_reference:
        even_header_like_default(doc.sections[-1])
    install_footers(doc.sections[-1], profile)
    props = doc.core_properties
    props.author = ""
    props.last_modified_by = "drafter"
    props.comments = ""


def _prune_default(doc: Document) -> None:
    styles = doc.styles.element
    for style in list(styles.findall(qn("w:style"))):
        if style.get(qn("w:styleId")) not in _KEEP_STYLES:
            styles.remove(style)
    for rid, rel in list(doc.part.rels.items()):
        # numbering is never used (numbers are literal text); the rest is template clutter
        if rel.reltype.endswith(("/stylesWithEffects", "/numbering", "/customXml")):
            doc.part.drop_rel(rid)
    # Word 2013+ mode, so Word does not open our files as “兼容模式”
    for setting in doc.settings.element.iter(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == "compatibilityMode":
            setting.set(qn("w:val"), "15")
    package_rels = doc.part.package.rels
    for rid, rel in list(package_rels.items()):
        if rel.reltype.endswith("/thumbnail"):
            del package_rels[rid]


def _pin_doc_defaults(styles: etree._Element, profile: Profile) -> None:
    """Unstyled text is 仿宋 16 pt zh-CN on the exact grid, never a theme font."""
    body = profile.roles.body
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = el("w:docDefaults")
        styles.insert(0, defaults)
    for child in list(defaults):
        defaults.remove(child)
    rpr = run_props(body, profile.latin(body), lang=True)
    for tag in ("w:b", "w:bCs", "w:spacing"):
        node = rpr.find(qn(tag))
        if node is not None:
            rpr.remove(node)
    ppr = el("w:pPr", None, el("w:spacing", {"before": 0, "after": 0,
                                               "line": profile.grid.line_pitch,
                                               "lineRule": "exact"}))
    defaults.append(el("w:rPrDefault", None, rpr))
    defaults.append(el("w:pPrDefault", None, ppr))


def _pin_normal(styles: etree._Element, profile: Profile) -> None:
    normal = styles.find(f"{qn('w:style')}[@{qn('w:styleId')}='Normal']")
    if normal is None:
        return
    body = profile.roles.body
    for tag in ("w:pPr", "w:rPr"):
        node = normal.find(qn(tag))
        if node is not None:
            normal.remove(node)
    ppr = para_props(body, profile.grid.line_pitch)
    ppr.find(qn("w:ind")).set(qn("w:firstLine"), "0")  # type: ignore[union-attr]
    normal.append(ppr)
    rpr = el("w:rPr")
    set_fonts(rpr, body.font, profile.latin(body))
    rpr.append(el("w:sz", {"val": body.size}))
    rpr.append(el("w:szCs", {"val": body.size}))
    rpr.append(el("w:lang", {"val": "en-US", "eastAsia": "zh-CN", "bidi": "ar-SA"}))
    normal.append(rpr)


def _paragraph_style(style_id: str, name: str, style: RoleStyle, profile: Profile,
                     role: str) -> etree._Element:
    node = _style_head("paragraph", style_id, name)
    node.append(el("w:next", {"val": PARA_STYLES["body"][0]}))
    node.append(el("w:qFormat"))
    node.append(para_props(style, profile.grid.line_pitch, outline=_OUTLINE.get(role)))
    node.append(run_props(style, profile.latin(style), lang=True))
    return node


def _run_style(style_id: str, name: str, style: RoleStyle, profile: Profile) -> etree._Element:
    node = _style_head("character", style_id, name)
    node.append(el("w:qFormat"))
    node.append(run_props(style, profile.latin(style)))
    return node


def _style_head(kind: str, style_id: str, name: str) -> etree._Element:
    node = el("w:style", {"type": kind, "customStyle": 1, "styleId": style_id})
    node.append(el("w:name", {"val": name}))
    return node


def _put_style(styles: etree._Element, style: etree._Element) -> None:
    """Add a style, replacing any with the same id (a reference may carry an old copy)."""
    style_id = style.get(qn("w:styleId"))
    for old in styles.findall(qn("w:style")):
        if old.get(qn("w:styleId")) == style_id:
            styles.remove(old)
    styles.append(style)


def _settings(doc: Document) -> None:
    settings = doc.settings.element
    doc.settings.odd_and_even_pages_header_footer = True
    place(settings, el("w:characterSpacingControl", {"val": "doNotCompress"}), _SETTINGS_ORDER)
    lang = el("w:themeFontLang", {"val": "en-US", "eastAsia": "zh-CN"})
    place(settings, lang, _SETTINGS_ORDER)


def profile_fonts(profile: Profile) -> list[str]:
    """Every font name the profile uses, in a stable order."""
    styles = [getattr(profile.roles, f.name) for f in dataclasses.fields(profile.roles)]
    styles += [profile.tasks.header, profile.tasks.cell, profile.tasks.group]
    names = [profile.latin_font] + [n for s in styles for n in (s.font, profile.latin(s))]
    return list(dict.fromkeys(names))


def _font_table(doc: Document, profile: Profile, *, prune: bool) -> None:
    """List the profile's fonts in word/fontTable.xml, CJK ones with charset GB2312 and the
    alternate Word and WPS substitute when a font is missing (仿宋_GB2312 → 仿宋). The
    default template's Japanese and theme fonts go."""
    part = next((rel.target_part for rel in doc.part.rels.values()
                 if rel.reltype.endswith("/fontTable")), None)
    if part is None:
        return
    root = etree.fromstring(part.blob)
    listed = {f.get(qn("w:name")): f for f in root.findall(qn("w:font"))}
    if prune:
        for name, font in list(listed.items()):
            if name not in ("Times New Roman", "Symbol"):
                root.remove(font)
                del listed[name]
    alternates = dict(profile.font_alternates)
    for name in profile_fonts(profile):
        if name in listed:
            continue
        font = el("w:font", {"name": name})
        if name in alternates:
            font.append(el("w:altName", {"val": alternates[name]}))
        cjk = not name.isascii()
        font.append(el("w:charset", {"val": "86" if cjk else "00"}))
        font.append(el("w:family", {"val": "modern" if cjk else "roman"}))
        font.append(el("w:pitch", {"val": "fixed" if cjk else "variable"}))
        root.append(font)
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                standalone=True)


def _page_setup(doc: Document, profile: Profile, page: PageSetup) -> None:
    for section in doc.sections:
        section.page_width = Twips(page.width)
        section.page_height = Twips(page.height)
        section.top_margin = Twips(page.margin_top)
        section.bottom_margin = Twips(page.margin_bottom)
        section.left_margin = Twips(page.margin_left)
        section.right_margin = Twips(page.margin_right)
        section.header_distance = Twips(page.header)
        section.footer_distance = Twips(page.footer)
        section.gutter = Twips(0)
        pgsz = section._sectPr.find(qn("w:pgSz"))
        if pgsz is not None:
            if page.width > page.height:
                pgsz.set(qn("w:orient"), "landscape")
            else:
                pgsz.attrib.pop(qn("w:orient"), None)
        grid = el("w:docGrid", {"type": "lines", "linePitch": profile.grid.line_pitch})
        place(section._sectPr, grid, _SECT_ORDER)
