"""The issued document as one .docx: 印发通知, 附件1 the plan, 附件2 the task table, 版记.

GB/T 9704-2012 as bureaus apply it:
- 版头 in the 版心 of page 1 (never in a page header): 份号/密级/紧急程度 top left when set;
  the red 发文机关标志 centred 35 mm below the top of the block, sized to fit its width
  (joint organs stacked, "文件" beside them); the 发文字号 centred two lines below (上行文:
  发文字号 left, 签发人 right); the red rule about 4 mm under it.
- Title two lines under the rule; 主送 flush left; body; 附件说明 with the hanging indent
  (later lines align with the first character of the attachment name); 落款 sealed or not;
  附注 under the date.
- 附件1 on a new page: "附件1" top left in 黑体, the plan's title on line 3, page numbers
  continuing. 附件2 in a landscape section with the task table (header row repeated), its
  page numbers turned in the left margin, where they fall on the sheet as on the other pages.
- 版记 alone at the foot of the last page, which must be even: `blank_page` adds the blank
  page (Word and WPS also honour the section's evenPage start); the blank page and the 版记
  page then carry no page number (GB/T 9704 7.5).
Returns bytes; lays out texts from `notice.NoticeText` only.
"""

from __future__ import annotations

import copy
import io
import math
from collections.abc import Iterator, Sequence

import docx
from docx.oxml.ns import qn
from lxml import etree

from drafter.model.blocks import Block
from drafter.model.plan import PlanMeta
from drafter.render.docx_footer import install_footers, install_landscape_footers
from drafter.render.docx_styles import _SECT_ORDER, template_bytes
from drafter.render.docx_writer import _width, layout, role_kit, signature_insets, stamp
from drafter.render.docx_xml import (
    PPR_ORDER,
    RPR_ORDER,
    el,
    keep_next,
    place,
    run_props,
    set_fonts,
    text_runs,
)
from drafter.render.notice import NoticeLayout, NoticeText
from drafter.render.notice_fit import set_line, tighten
from drafter.render.profile import Profile, RoleStyle
from drafter.render.tasks import closing_paragraph, table_parts
from drafter.render.title_lines import break_title


def notice_docx_bytes(notice: NoticeText, blocks: Sequence[Block], *, profile: Profile,
                      meta: PlanMeta, blank_page: bool = False) -> bytes:
    """The notice with its attachments and 版记, as .docx bytes."""
    profile = profile.with_fonts(meta.options.fonts)
    doc = docx.Document(io.BytesIO(template_bytes(profile, None)))
    body = doc.element.body
    final = body.find(qn("w:sectPr"))
    w = _Writer(notice, profile)
    page_one = [*w.head(), *w.main()]
    tighten(page_one, profile)
    nodes = [*page_one, *w.attachment_one(blocks, meta.options.bold_leads)]
    if notice.attachments[1:]:
        nodes[-1] = _end_section(nodes[-1], _portrait_sect(final))
        nodes += w.attachment_two(blocks)
        nodes.append(_end_section(closing_paragraph(profile), _landscape_sect(final, profile)))
    else:
        nodes[-1] = _end_section(nodes[-1], _portrait_sect(final))
    nodes += w.record(blank_page)
    for node in nodes:
        final.addprevious(node)
    for ref in final.findall(qn("w:footerReference")):
        final.remove(ref)  # the 版记 section gets footers of its own below
    place(final, el("w:type", {"val": "evenPage"}), _SECT_ORDER)
    if notice.attachments[1:]:
        install_landscape_footers(doc.sections[1], profile)
    section = doc.sections[-1]
    if blank_page:  # a blank page before the 版记: neither page is numbered (GB/T 9704 7.5)
        section.footer.is_linked_to_previous = False
        section.even_page_footer.is_linked_to_previous = False
    else:
        install_footers(section, profile)
    stamp(doc, notice.title)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


class _Writer:
    def __init__(self, notice: NoticeText, profile: Profile) -> None:
        self.n, self.profile = notice, profile
        self.kit = role_kit(profile)
        self.pitch = profile.grid.line_pitch
        self.char = profile.page.text_width / profile.grid.chars_per_line  # printed width

    # ------------------------------------------------------------------ building blocks
    def para(self, role: str, text: str = "", *, style: RoleStyle | None = None,
             align: str | None = None, first_line: int | None = None) -> etree._Element:
        p = el("w:p", None, copy.deepcopy(self.kit.ppr[role]))
        rpr = self.kit.rpr[role] if style is None else run_props(style, self.profile.latin(style))
        for run in text_runs(text, rpr) if text else []:
            p.append(run)
        ppr = p.find(qn("w:pPr"))
        if align:
            ppr.find(qn("w:jc")).set(qn("w:val"), align)  # type: ignore[union-attr]
        if first_line is not None:
            ppr.find(qn("w:ind")).set(qn("w:firstLine"), str(first_line))  # type: ignore[union-attr]
        return p

    def blanks(self, count: int) -> list[etree._Element]:
        return [self.para("body") for _ in range(max(count, 0))]

    def ind(self, p: etree._Element, **values: int) -> etree._Element:
        ind = p.find(f"{qn('w:pPr')}/{qn('w:ind')}")
        for key, value in values.items():
            ind.set(qn(f"w:{key}"), str(value))  # type: ignore[union-attr]
        return p

    # ------------------------------------------------------------------ 版头
    def head(self) -> Iterator[etree._Element]:
        n, lay = self.n, self.n.layout
        for line in n.head_lines:
            yield self.para("chapter", line, align="left", first_line=0)
        before = max(lay.mark_top - len(n.head_lines) * self.pitch, 0)
        yield from self.mark(before)
        yield from self.blanks(lay.number_blank_lines)
        yield self.number_line()
        yield from self.blanks(lay.title_blank_lines)

    def mark(self, before: int) -> Iterator[etree._Element]:
        """The red 发文机关标志: one organ centred, or joint organs stacked beside "文件"."""
        n, lay = self.n, self.n.layout
        names = [m for m in n.marks if m] or [""]
        widest = max(len(m) for m in names) + len(n.mark_suffix) + (0.5 if len(names) > 1 else 0)
        size = min(lay.mark_max_size, math.floor(self.profile.page.text_width / 10 / widest))
        rpr = el("w:rPr")
        set_fonts(rpr, lay.mark_font, lay.mark_font)
        place(rpr, el("w:color", {"val": lay.red}), RPR_ORDER)
        place(rpr, el("w:sz", {"val": size}), RPR_ORDER)
        place(rpr, el("w:szCs", {"val": size}), RPR_ORDER)
        line = size * 11  # exact line: 1.1 × the type size, in twips
        if len(names) == 1:
            p = self.para("title")
            p.append(text_runs(names[0] + n.mark_suffix, rpr)[0])
            set_line(p, before=before, line=line)
            yield p
            return
        yield from _mark_table(names, n.mark_suffix, rpr, line, before, size, self)

    def number_line(self) -> etree._Element:
        """发文字号 (centred; left with 签发人 right for 上行文), the red rule under it."""
        n, lay = self.n, self.n.layout
        if n.signer:
            p = self.para("body", n.doc_number, align="left", first_line=0)
            self.ind(p, left=self.profile.grid.char_unit, right=self.profile.grid.char_unit)
            tab_at = self.profile.page.text_width - self.profile.grid.char_unit
            place(p.find(qn("w:pPr")), el("w:tabs", None, el("w:tab", {"val": "right",
                                                                      "pos": tab_at})),
                  PPR_ORDER)
            p.append(el("w:r", None, copy.deepcopy(self.kit.rpr["body"]), el("w:tab")))
            for run in text_runs("签发人：", self.kit.rpr["body"]):
                p.append(run)
            for run in text_runs(n.signer, self.kit.rpr["section"]):
                p.append(run)
        else:
            p = self.para("body", n.doc_number, align="center", first_line=0)
        rule = el("w:bottom", {"val": "single", "sz": lay.rule_size, "space": lay.rule_space,
                               "color": lay.red})
        place(p.find(qn("w:pPr")), el("w:pBdr", None, rule), PPR_ORDER)
        return p

    # ------------------------------------------------------------------ 主体
    def main(self) -> Iterator[etree._Element]:
        n = self.n
        rules = self.profile.title
        lines = break_title(n.title, rules.max_chars, rules.break_after, rules.break_before,
                            rules.keep_words)
        yield keep_next(self.para("title", "\n".join(lines)))
        yield keep_next(self.para("body"))
        if n.to:
            yield self.para("body", n.to, first_line=0)
        tail = [self.para("body", text) for text in n.body]
        if n.attachments:
            tail.append(self.para("body"))
            tail += list(self.attachment_notes())
        yield from tail[:-1]
        yield from self.signature(tail[-1] if tail else self.para("body"))

    def attachment_notes(self) -> Iterator[etree._Element]:
        """附件：1. name / 2. name; wrapped lines align with the name's first character."""
        n, unit = self.n, self.profile.grid.char_unit
        indent = self.profile.roles.body.first_line
        label = f"{n.attachment_label}："
        left = round(indent + self.char * len(label)) + unit  # one character for "1."
        many = len(n.attachments) > 1
        for i, name in enumerate(n.attachments, start=1):
            number = f"{i}." if many else ""
            start = indent if i == 1 else round(indent + self.char * len(label))
            head = (label if i == 1 else "") + number
            p = self.para("body", head, first_line=0)
            self.ind(p, left=left if many else start + round(self.char * len(label)),
                     hanging=(left if many else start + round(self.char * len(label))) - start)
            ind = p.find(f"{qn('w:pPr')}/{qn('w:ind')}")
            ind.attrib.pop(qn("w:firstLine"), None)  # type: ignore[union-attr]
            if many:
                p.append(el("w:r", None, copy.deepcopy(self.kit.rpr["body"]), el("w:tab")))
            for run in text_runs(name, self.kit.rpr["body"]):
                p.append(run)
            yield p

    def signature(self, last: etree._Element) -> Iterator[etree._Element]:
        """The 落款, kept with the last paragraph of text above it."""
        n, sig = self.n, self.profile.signature
        blanks = n.layout.sealed_blank_lines if n.sealed else sig.blank_lines_before
        chain = [last, *self.blanks(blanks)]
        organs = [n.organ] if n.organ else [m for m in n.marks if m]
        for organ in organs:
            if n.sealed:
                date_r = sig.organ_right_chars + sig.date_shift_chars
                organ_r = max(round(date_r + (_width(n.date) - _width(organ)) / 2), 0)
            else:
                organ_r, date_r = signature_insets(organ, n.date, self.profile)
            chain.append(self.right(organ, organ_r))
        chain.append(self.right(n.date, date_r))
        if n.note:
            chain.append(self.para("body", n.note))
        for node in chain[:-1]:
            keep_next(node)
        yield from chain

    def right(self, text: str, chars: int) -> etree._Element:
        p = self.para("signature", text)
        return self.ind(p, right=chars * self.profile.grid.char_unit)

    # ------------------------------------------------------------------ 附件
    def label(self, number: int) -> etree._Element:
        """"附件1" top left in 黑体, on a new page."""
        p = self.para("chapter", f"{self.n.attachment_label}{number}", align="left",
                      first_line=0)
        place(p.find(qn("w:pPr")), el("w:pageBreakBefore"), PPR_ORDER)
        return keep_next(p)

    def attachment_one(self, blocks: Sequence[Block], bold_leads: bool) -> list[etree._Element]:
        kept = [b for b in blocks
                if self.n.plan_signature or b.role not in ("signature", "date")]
        return [self.label(1), keep_next(self.para("body")),
                *layout(kept, self.kit, self.profile, bold_leads=bold_leads)]

    def attachment_two(self, blocks: Sequence[Block]) -> list[etree._Element]:
        label = self.para("chapter", f"{self.n.attachment_label}2", align="left", first_line=0)
        return [label, *table_parts(blocks, self.profile, self.n.tasks_title)]

    # ------------------------------------------------------------------ 版记
    def record(self, blank_page: bool) -> list[etree._Element]:
        """抄送 and 印发机关/日期 between the standard's rules, at the foot of its page."""
        n, lay, page = self.n, self.n.layout, self.profile.page
        size = lay.record_size
        char = size * 10  # one 4号 character, twips
        row = self.pitch
        width = page.text_width
        style = RoleStyle(font=lay.record_font, size=size, align="both")
        rows: list[tuple[int, etree._Element]] = []
        if n.cc:
            label = f"{n.cc_label}："
            per_line = (width - 2 * char) // char
            lines = max(math.ceil((len(label) + len(n.cc)) / per_line), 1)
            p = self.para("body", label + n.cc, style=style, first_line=0)
            self.ind(p, left=char + len(label) * char, right=char, hanging=len(label) * char)
            p.find(f"{qn('w:pPr')}/{qn('w:ind')}").attrib.pop(qn("w:firstLine"), None)  # type: ignore[union-attr]
            rows.append((lines, _cell(p, width, span=2)))
        left = self.ind(self.para("body", n.printer, style=style, align="left", first_line=0),
                        left=char)
        right = self.ind(self.para("body", n.print_date, style=style, align="right",
                                   first_line=0), right=char)
        half = width // 2
        rows.append((1, _cell(left, half)))
        table = _record_table(rows, _cell(right, width - half), width, row, lay)
        height = sum(lines for lines, _ in rows) * row
        block = page.height - page.margin_top - page.margin_bottom
        spacer = self.para("body")
        set_line(spacer, line=block - height - 20 - 60)  # the 1 pt closing paragraph, slack
        nodes: list[etree._Element] = []
        if blank_page:
            brk = self.para("body")
            brk.append(el("w:r", None, el("w:br", {"type": "page"})))
            nodes.append(brk)
        return [*nodes, spacer, table, closing_paragraph(self.profile)]


def _cell(p: etree._Element, width: int, span: int = 1) -> etree._Element:
    tcpr = el("w:tcPr", None, el("w:tcW", {"w": width, "type": "dxa"}))
    if span > 1:
        tcpr.append(el("w:gridSpan", {"val": span}))
    tcpr.append(el("w:vAlign", {"val": "center"}))
    return el("w:tc", None, tcpr, p)


def _record_table(rows: list[tuple[int, etree._Element]], last_right: etree._Element,
                  width: int, row: int, lay: NoticeLayout) -> etree._Element:
    """Rules as table borders: thick above and below, thin between (rows of exact height,
    so the borders add nothing to the height)."""
    thick, thin = lay.record_thick, lay.record_thin
    borders = el("w:tblBorders",
                 None,
                 el("w:top", {"val": "single", "sz": thick, "space": 0, "color": "000000"}),
                 el("w:left", {"val": "nil"}),
                 el("w:bottom", {"val": "single", "sz": thick, "space": 0, "color": "000000"}),
                 el("w:right", {"val": "nil"}),
                 el("w:insideH", {"val": "single", "sz": thin, "space": 0, "color": "000000"}),
                 el("w:insideV", {"val": "nil"}))
    margins = el("w:tblCellMar", None, el("w:left", {"w": 0, "type": "dxa"}),
                 el("w:right", {"w": 0, "type": "dxa"}))
    props = el("w:tblPr", None, el("w:tblW", {"w": width, "type": "dxa"}),
               el("w:jc", {"val": "center"}), borders, el("w:tblLayout", {"type": "fixed"}),
               margins)
    half = width // 2
    table = el("w:tbl", None, props, el("w:tblGrid", None, el("w:gridCol", {"w": half}),
                                         el("w:gridCol", {"w": width - half})))
    for i, (lines, cell) in enumerate(rows):
        tr = el("w:tr", None, el("w:trPr", None, el("w:cantSplit"),
                                 el("w:trHeight", {"val": lines * row, "hRule": "exact"})))
        tr.append(cell)
        if i == len(rows) - 1:
            tr.append(last_right)
        table.append(tr)
    return table


def _mark_table(names: list[str], suffix: str, rpr: etree._Element, line: int, before: int,
                size: int, w: _Writer) -> list[etree._Element]:
    """Joint organs: names stacked and spread to one width, "文件" centred beside them."""
    width = w.profile.page.text_width
    right_w = len(suffix) * size * 10 + size * 5
    left_w = width - right_w
    left = el("w:tc", None, el("w:tcPr", None, el("w:tcW", {"w": left_w, "type": "dxa"})))
    for name in names:
        p = w.para("title", align="distribute")
        p.append(text_runs(name, rpr)[0])
        set_line(p, line=line)
        left.append(p)
    p = w.para("title", align="left")
    p.append(text_runs(suffix, rpr)[0])
    set_line(p, line=line)
    right = el("w:tc", None, el("w:tcPr", None, el("w:tcW", {"w": right_w, "type": "dxa"}),
                                el("w:vAlign", {"val": "center"})), p)
    nil = el("w:tblBorders", None, *(el(f"w:{s}", {"val": "nil"}) for s in
                                     ("top", "left", "bottom", "right", "insideH", "insideV")))
    props = el("w:tblPr", None, el("w:tblW", {"w": width, "type": "dxa"}),
               el("w:jc", {"val": "center"}), nil, el("w:tblLayout", {"type": "fixed"}))
    table = el("w:tbl", None, props, el("w:tblGrid", None, el("w:gridCol", {"w": left_w}),
                                         el("w:gridCol", {"w": right_w})))
    table.append(el("w:tr", None, left, right))
    if not before:
        return [table]
    spacer = w.para("body")  # a table has no spacing of its own: a spacer paragraph above it
    set_line(spacer, line=before)
    return [spacer, table]


def _portrait_sect(final: etree._Element) -> etree._Element:
    """The notice and 附件1's section: the page setup and page-number footers of the body."""
    return copy.deepcopy(final)


def _landscape_sect(final: etree._Element, profile: Profile) -> etree._Element:
    """附件2's section: landscape A4, the table margins, footers inherited."""
    sect = copy.deepcopy(final)
    for ref in sect.findall(qn("w:footerReference")) + sect.findall(qn("w:headerReference")):
        sect.remove(ref)
    page = profile.tasks.page
    pgsz = sect.find(qn("w:pgSz"))
    pgsz.set(qn("w:w"), str(page.width))  # type: ignore[union-attr]
    pgsz.set(qn("w:h"), str(page.height))  # type: ignore[union-attr]
    pgsz.set(qn("w:orient"), "landscape")  # type: ignore[union-attr]
    mar = sect.find(qn("w:pgMar"))
    for attr, value in (("top", page.margin_top), ("bottom", page.margin_bottom),
                        ("left", page.margin_left), ("right", page.margin_right),
                        ("header", page.header), ("footer", page.footer)):
        mar.set(qn(f"w:{attr}"), str(value))  # type: ignore[union-attr]
    return sect


def _end_section(p: etree._Element, sect: etree._Element) -> etree._Element:
    """Make `p` the last paragraph of a section with page setup `sect`."""
    ppr = p.find(qn("w:pPr"))
    if ppr is None:
        ppr = el("w:pPr")
        p.insert(0, ppr)
    place(ppr, sect, PPR_ORDER)
    return p

