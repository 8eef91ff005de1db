"""Blocks → a .docx formatted to GB/T 9704-2012 (see docs in templates/profiles/gbt9704.yaml).

Each block becomes one paragraph (the title one paragraph with line breaks) built from
per-role prototypes: the paragraph carries its 公文 style plus the layout that must not move
(exact 579-twip lines, no space before/after, snapToGrid and widow control off), and every
run carries all four font slots, so Word, WPS and LibreOffice agree even when a reference
document's styles differ. Numbering is the literal text in the blocks, never w:numPr.

This module does not render text, read plans or write files: it returns bytes.
"""

from __future__ import annotations

import copy
import datetime
import io
import itertools
import math
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import docx
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from lxml import etree

from drafter.model.blocks import Block
from drafter.model.plan import PlanMeta
from drafter.render.docx_ids import mark
from drafter.render.docx_styles import PARA_STYLES, SECTION_RUN_STYLE, template_bytes
from drafter.render.docx_xml import el, keep_next, para_props, run_props, text_runs
from drafter.render.profile import Profile
from drafter.render.title_lines import break_title

_RUN_IN_SECTION = re.compile(r"^[（(][一二三四五六七八九十百]+[）)]$")
_OUTLINE = {"chapter": 0, "section": 1}
_HEAD = ("title", "caption")  # followed by blank lines before the body
_KEEP = ("title", "caption", "chapter", "section")  # never the last line of a page


@dataclass(frozen=True)
class _Kit:
    """Per-profile prototypes, cloned for every paragraph and run."""

    ppr: dict[str, etree._Element]  # role → w:pPr
    rpr: dict[str, etree._Element]  # role → w:rPr
    bold_body: etree._Element  # body run, bold (lead phrases)
    section_run: etree._Element  # 楷体 run inside a body paragraph (run-in 小标题)


def docx_bytes(blocks: Sequence[Block], *, profile: Profile, meta: PlanMeta,
               reference: Path | None = None) -> bytes:
    """The Word document for `blocks`, as .docx bytes."""
    profile = profile.with_fonts(meta.options.fonts)
    if reference is None and meta.options.reference:
        reference = Path(meta.options.reference).expanduser()
    template = template_bytes(profile, reference)
    kit = role_kit(profile)
    doc = docx.Document(io.BytesIO(template))
    body = doc.element.body
    end = body.find(qn("w:sectPr"))
    paragraphs = list(layout(blocks, kit, profile, bold_leads=meta.options.bold_leads))
    for paragraph in paragraphs or list(_blanks(kit, 1)):  # a body needs one paragraph
        end.addprevious(paragraph)
    stamp(doc, next((b.text for b in blocks if b.role == "title"), ""))
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def stamp(doc: DocxDocument, title: str) -> None:
    """Document properties: the title, and now as creation time (not the template's)."""
    props = doc.core_properties
    props.title = title[:250]
    props.created = props.modified = datetime.datetime.now(datetime.UTC).replace(
        tzinfo=None, microsecond=0)
    props.revision = 1


@lru_cache(maxsize=16)
def role_kit(profile: Profile) -> _Kit:
    roles = profile.roles
    pitch = profile.grid.line_pitch
    ppr: dict[str, etree._Element] = {}
    rpr: dict[str, etree._Element] = {}
    for role in ("title", "caption", "body", "chapter", "section", "signature"):
        style = getattr(roles, role)
        ppr[role] = para_props(style, pitch, pstyle=PARA_STYLES[role][0],
                               outline=_OUTLINE.get(role))
        rpr[role] = run_props(style, profile.latin(style))
    return _Kit(ppr=ppr, rpr=rpr,
                bold_body=run_props(roles.body, profile.latin(roles.body), bold=True),
                section_run=run_props(roles.section, profile.latin(roles.section),
                                      rstyle=SECTION_RUN_STYLE[0]))


def layout(blocks: Sequence[Block], kit: _Kit, profile: Profile, *, bold_leads: bool
           ) -> Iterator[etree._Element]:
    """One w:p per block, blank lines after the title and before the signature.

    Page ends: headings keep with what follows; the 落款 (signature, date) keeps with the
    last body paragraph, so a page never starts with the 落款 alone (GB/T 9704 7.3.5)."""
    previous: Block | None = None
    tail: list[etree._Element] = []  # the last body paragraph and the blanks after it
    for index, block in enumerate(blocks):
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if previous is not None and previous.role in _HEAD and block.role not in _HEAD:
            yield from _blanks(kit, profile.title.blank_lines_after)
        if block.role in ("signature", "date"):
            for node in tail:
                keep_next(node)
            tail = []
        if block.role == "signature":
            blanks = list(_blanks(kit, profile.signature.blank_lines_before))
            yield from (keep_next(b) for b in blanks)
        paragraph = mark(_paragraph(block, previous, following, kit, profile, bold_leads),
                         block, index)
        if block.role in _KEEP or (block.role == "signature" and following is not None
                                   and following.role == "date"):
            keep_next(paragraph)
        tail = [paragraph]
        yield paragraph
        previous = block


def _paragraph(block: Block, previous: Block | None, following: Block | None, kit: _Kit,
               profile: Profile, bold_leads: bool) -> etree._Element:
    role = block.role
    if role == "title":
        return _title(block, kit, profile)
    if role in ("caption", "chapter", "section"):
        return _para(kit, role, text_runs(block.plain, kit.rpr[role]))
    if role == "signature":
        date = following.plain if following is not None and following.role == "date" else ""
        organ_inset, _ = signature_insets(block.plain, date, profile)
        return _right(kit, block.plain, organ_inset, profile)
    if role == "date":
        if previous is not None and previous.role == "signature":
            _, inset = signature_insets(previous.plain, block.plain, profile)
        else:  # a date on its own (a sealed document): four characters from the right
            inset = profile.signature.organ_right_chars + profile.signature.date_shift_chars
        return _right(kit, block.plain, inset, profile)
    return _para(kit, "body", _body_runs(block, kit, bold_leads))


def _para(kit: _Kit, role: str, runs: list[etree._Element]) -> etree._Element:
    p = el("w:p", None, copy.deepcopy(kit.ppr[role]))
    for run in runs:
        p.append(run)
    return p


def _blanks(kit: _Kit, count: int) -> Iterator[etree._Element]:
    for _ in range(max(count, 0)):
        yield _para(kit, "body", [])


def _title(block: Block, kit: _Kit, profile: Profile) -> etree._Element:
    rules = profile.title
    lines = break_title(block.plain, rules.max_chars, rules.break_after, rules.break_before,
                        rules.keep_words)
    return _para(kit, "title", text_runs("\n".join(lines), kit.rpr["title"]))


def _body_runs(block: Block, kit: _Kit, bold_leads: bool) -> list[etree._Element]:
    """"1." + optional bold lead + text; a "（一）" marker is a run-in 楷体 小标题."""
    if block.role == "item" and _RUN_IN_SECTION.match(block.marker):
        head = text_runs(block.marker + block.lead, kit.section_run)
        return [*head, *text_runs(block.text, kit.rpr["body"])]
    runs = _lead_runs(block, kit, bold_leads)
    return [*runs, *text_runs(block.text, kit.rpr["body"])]


def _lead_runs(block: Block, kit: _Kit, bold_leads: bool) -> list[etree._Element]:
    head = block.marker + block.lead
    if not head:
        return []
    bold = bold_leads and bool(block.lead)
    return text_runs(head, kit.bold_body if bold else kit.rpr["body"])


def _right(kit: _Kit, text: str, chars: int, profile: Profile) -> etree._Element:
    p = _para(kit, "signature", text_runs(text, kit.rpr["signature"]))
    ind = p.find(f"{qn('w:pPr')}/{qn('w:ind')}")
    if ind is not None:
        ind.set(qn("w:right"), str(chars * profile.grid.char_unit))
    return p


def signature_insets(organ: str, date: str, profile: Profile) -> tuple[int, int]:
    """Right insets, in characters, of the organ line and the date line (GB/T 9704 7.3.5.2).

    The organ stands two characters from the right; the date starts two characters further
    right than the organ. A date longer than that pushes the organ left instead, keeping the
    date two characters from the right. Widths as `_width` measures them.
    """
    rules = profile.signature
    organ_w, date_w = _width(organ), _width(date)
    organ_r = float(rules.organ_right_chars)
    date_r = organ_r + organ_w - rules.date_shift_chars - date_w
    if not date or date_r < rules.organ_right_chars:
        date_r = float(rules.organ_right_chars)
        if date:
            organ_r = date_r + date_w + rules.date_shift_chars - organ_w
    return max(math.floor(organ_r + 0.5), 0), max(math.floor(date_r + 0.5), 0)


def _width(text: str) -> float:
    """Printed width in characters: half-width digits ½, plus the ¼-character gap Word and
    LibreOffice put between CJK and Latin text (autoSpaceDE/autoSpaceDN)."""
    width = sum(0.5 if ch.isascii() else 1.0 for ch in text)
    gaps = sum(a.isascii() != b.isascii() for a, b in itertools.pairwise(text))
    return width + gaps * 0.25


