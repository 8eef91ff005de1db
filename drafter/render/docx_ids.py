"""Hidden bookmarks that give each rendered paragraph its plan identity (`model.identity`).

A separate hook so the .docx writer stays about layout: `mark(paragraph, block, index)` wraps
the paragraph's content in `w:bookmarkStart`/`w:bookmarkEnd` named `_dft_…`. Word hides
bookmarks whose names start with "_" and, like WPS and LibreOffice, keeps them through editing
and saving, which is what lets `drafter import --update` tell which plan item a paragraph of an
edited copy came from. Bookmark ids are taken far above the ones Word numbers from 0, so a
reference document's own bookmarks never clash.
"""

from __future__ import annotations

from lxml import etree

from drafter.model.blocks import Block
from drafter.model.identity import block_identity

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_ID_BASE = 1_900_000_000


def mark(paragraph: etree._Element, block: Block, index: int) -> etree._Element:
    """`paragraph` with its block's identity bookmarked around its content (when it has one)."""
    at = block.location
    position = at.index + 1 if at.index is not None else at.item  # 1-based within the chapter
    identity = block_identity(block.role, at.chapter, position, at.clause)
    if identity is None:
        return paragraph
    number = str(_ID_BASE + index)
    start = etree.Element(f"{W}bookmarkStart", {f"{W}id": number, f"{W}name": identity.name})
    end = etree.Element(f"{W}bookmarkEnd", {f"{W}id": number})
    ppr = paragraph.find(f"{W}pPr")
    if ppr is not None:
        ppr.addnext(start)
    else:
        paragraph.insert(0, start)
    paragraph.append(end)
    return paragraph
