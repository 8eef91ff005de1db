"""Reading a .docx back for assertions: XML parts via zipfile + lxml, and effective
formatting resolved the way Word does (run → character style chain → paragraph → paragraph
style chain → docDefaults). Never compares zip bytes.

Careful: an lxml element with no children is falsy, so every lookup compares with `is None`.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = {"w": W_NS, "r": R_NS}


def w(name: str) -> str:
    return f"{{{W_NS}}}{name}"


@dataclass
class Docx:
    parts: dict[str, bytes]

    @classmethod
    def from_bytes(cls, data: bytes) -> Docx:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return cls({name: zf.read(name) for name in zf.namelist()})

    def xml(self, name: str) -> etree._Element:
        return etree.fromstring(self.parts[name])

    @property
    def document(self) -> etree._Element:
        return self.xml("word/document.xml")

    @property
    def styles(self) -> etree._Element:
        return self.xml("word/styles.xml")

    @property
    def settings(self) -> etree._Element:
        return self.xml("word/settings.xml")

    def body_paragraphs(self) -> list[etree._Element]:
        return self.document.findall("w:body/w:p", NS)

    def footer_parts(self) -> dict[str, etree._Element]:
        """footerReference type → footer XML, through document.xml.rels."""
        rels = self.xml("word/_rels/document.xml.rels")
        targets = {r.get("Id"): r.get("Target") for r in rels}
        sect = self.document.find("w:body/w:sectPr", NS)
        assert sect is not None
        found: dict[str, etree._Element] = {}
        for ref in sect.findall("w:footerReference", NS):
            target = targets[ref.get(f"{{{R_NS}}}id")]
            found[ref.get(w("type"))] = self.xml("word/" + target.lstrip("/").removeprefix("word/"))
        return found


def text_of(p: etree._Element) -> str:
    """Paragraph text with w:br as newline (field instructions left out)."""
    out: list[str] = []
    for node in p.iter(w("t"), w("br"), w("tab")):
        out.append({w("t"): node.text or "", w("br"): "\n", w("tab"): "\t"}[node.tag])
    return "".join(out)


class Resolver:
    """Effective paragraph and run properties through styles and docDefaults."""

    def __init__(self, styles: etree._Element) -> None:
        self.by_id = {s.get(w("styleId")): s for s in styles.findall("w:style", NS)}
        self.default_para = next((s.get(w("styleId")) for s in styles.findall("w:style", NS)
                                  if s.get(w("type")) == "paragraph"
                                  and s.get(w("default")) in ("1", "true")), None)
        self.ppr_default = styles.find("w:docDefaults/w:pPrDefault/w:pPr", NS)
        self.rpr_default = styles.find("w:docDefaults/w:rPrDefault/w:rPr", NS)

    def _chain(self, style_id: str | None) -> list[etree._Element]:
        chain: list[etree._Element] = []
        while style_id is not None and style_id in self.by_id and len(chain) < 20:
            style = self.by_id[style_id]
            chain.append(style)
            based = style.find("w:basedOn", NS)
            style_id = None if based is None else based.get(w("val"))
        return chain

    def para_style(self, p: etree._Element) -> str | None:
        ref = p.find("w:pPr/w:pStyle", NS)
        return self.default_para if ref is None else ref.get(w("val"))

    def ppr_attr(self, p: etree._Element, tag: str, attr: str = "val") -> str | None:
        """An attribute of a pPr child, resolved; None when nothing sets it."""
        holders = [p.find("w:pPr", NS)]
        holders += [s.find("w:pPr", NS) for s in self._chain(self.para_style(p))]
        holders.append(self.ppr_default)
        return _first_attr(holders, tag, attr)

    def has_ppr(self, p: etree._Element, tag: str) -> bool:
        holders = [p.find("w:pPr", NS)]
        holders += [s.find("w:pPr", NS) for s in self._chain(self.para_style(p))]
        return any(h is not None and h.find(f"w:{tag}", NS) is not None for h in holders)

    def rpr_attr(self, p: etree._Element, r: etree._Element, tag: str,
                 attr: str = "val") -> str | None:
        """An attribute of a rPr child of run `r` in paragraph `p`, resolved."""
        holders = [r.find("w:rPr", NS)]
        rstyle = r.find("w:rPr/w:rStyle", NS)
        if rstyle is not None:
            holders += [s.find("w:rPr", NS) for s in self._chain(rstyle.get(w("val")))]
        holders += [s.find("w:rPr", NS) for s in self._chain(self.para_style(p))]
        holders.append(self.rpr_default)
        return _first_attr(holders, tag, attr)

    def bold(self, p: etree._Element, r: etree._Element) -> bool:
        value = self.rpr_attr(p, r, "b")
        if value is None:
            holder = r.find("w:rPr/w:b", NS)
            return holder is not None
        return value in ("1", "true", "on")


def text_runs(p: etree._Element) -> list[etree._Element]:
    """Runs that carry text (not field characters or instructions)."""
    return [r for r in p.findall("w:r", NS) if r.find("w:t", NS) is not None]


def _first_attr(holders: list[etree._Element | None], tag: str, attr: str) -> str | None:
    """The first `w:<tag>/@w:<attr>` along a style chain (nearest holder first)."""
    for holder in holders:
        if holder is None:
            continue
        node = holder.find(f"w:{tag}", NS)
        if node is not None and node.get(w(attr)) is not None:
            return node.get(w(attr))
    return None
