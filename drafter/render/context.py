"""The document skeleton's context: every text of a plan rendered with its values, numbered.

Numbering is literal and computed here (一、 （一） 1.), never left to Word. The skeleton
template only lays these pieces out. Strict mode assumes `blocks.plan_problems` found
nothing; lenient mode (the TUI preview) renders whatever it can and marks the rest.
"""

from __future__ import annotations

import re
from dataclasses import asdict
from typing import Any

from drafter.model.catalogue import Catalogue
from drafter.model.clause import Clause
from drafter.model.errors import DrafterError
from drafter.model.numbering import chapter_marker, item_marker, section_marker
from drafter.model.plan import Plan, PlanItem, PlanText
from drafter.model.taxonomy import DEFAULT_HEADINGS
from drafter.model.values import SlotUse, item_wording, slot_uses, text_wording
from drafter.render.env import render_text
from drafter.util.placeholders import placeholder_problems

_LEAD_END = ("。", "！", "？", "；", "：", "…", ".", "!", "?")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_LINE_BREAK = re.compile(r"[ \t]*\n\s*")
_WIDE = re.compile(r"[\u2e80-\u9fff\u3000-\u303f\uff00-\uffef“”‘’—…]")


def join_lines(text: str) -> str:
    """One paragraph per item: line breaks from a multi-line YAML value are joined, with no
    space next to Chinese characters and one space between Latin words."""
    def joint(match: re.Match[str]) -> str:
        before = text[match.start() - 1] if match.start() > 0 else ""
        after = text[match.end()] if match.end() < len(text) else ""
        return "" if _WIDE.match(before) or _WIDE.match(after) else " "

    return _LINE_BREAK.sub(joint, text.strip())


def chinese_date(iso: str | None) -> str | None:
    """"2025-01-10" → "2025年1月10日" (the GB/T 9704 form, no leading zeros)."""
    if not iso:
        return None
    match = _ISO_DATE.match(iso.strip())
    if not match:
        return iso
    year, month, day = (int(g) for g in match.groups())
    return f"{year}年{month}月{day}日"


def finish_lead(lead: str) -> str:
    """A lead phrase ends with 。 unless it already ends with a stop."""
    lead = lead.strip()
    if not lead or lead.endswith(_LEAD_END):
        return lead
    return f"{lead}。"


class _Values:
    """Resolved values per place, from one `slot_uses` pass.

    Lenient (preview) mode puts "【待填：标签】" where a value is missing and "【有误：标签】"
    where one is invalid, so the user sees the document while still filling it in."""

    def __init__(self, uses: list[SlotUse], lenient: bool) -> None:
        self.lenient = lenient
        self.globals: dict[str, Any] = {}
        self.by_place: dict[tuple[str, int | None, int | None], dict[str, Any]] = {}
        for use in uses:
            self._add(use)

    def _add(self, use: SlotUse) -> None:
        value = use.value
        if use.origin == "missing" or use.error:
            if not self.lenient:
                return
            word = "待填" if use.origin == "missing" else "有误"
            value = f"【{word}：{use.label}】"
        if use.part == "global":
            self.globals[use.name] = value
            return
        self.by_place.setdefault((use.part, use.chapter, use.item), {})[use.name] = value

    def context(self, part: str, chapter: int | None = None, item: int | None = None
                ) -> dict[str, Any]:
        return {**self.globals, **self.by_place.get((part, chapter, item), {})}


class _Renderer:
    """Renders every text of one plan; in lenient mode a text that fails shows as written."""

    def __init__(self, plan: Plan, cat: Catalogue, lenient: bool,
                 uses: list[SlotUse] | None) -> None:
        self.plan, self.cat, self.lenient = plan, cat, lenient
        self.values = _Values(slot_uses(plan, cat) if uses is None else uses, lenient)

    def text(self, src: str, ctx: dict[str, Any], **place: Any) -> str:
        if self.lenient and placeholder_problems(src):
            return src  # never render text that failed the placeholder check
        try:
            return render_text(src, ctx, file=self.plan.path, **place)
        except DrafterError:
            if self.lenient:
                return src
            raise


def build_context(plan: Plan, cat: Catalogue, *, lenient: bool = False,
                  uses: list[SlotUse] | None = None) -> dict[str, Any]:
    """Everything the skeleton template needs, with every text already rendered.

    `uses` is `slot_uses(plan, cat)` when the caller already has it."""
    r = _Renderer(plan, cat, lenient, uses)
    head = r.values.context("title")
    options = plan.meta.options
    organ_src = plan.meta.organ or str(r.values.globals.get("单位") or "")
    return {
        "title": r.text(plan.meta.title, head, where="标题（meta.title）"),
        "caption": r.text(options.caption, head, where="题注") if options.caption else None,
        "preamble": _text_part(r, plan.preamble, "preamble"),
        "chapters": _chapters(r),
        "closing": _text_part(r, plan.closing, "closing"),
        "organ": r.text(organ_src, head, where="meta.organ"),
        "date": chinese_date(plan.meta.date),
        "region": r.values.globals.get("地区"),
        "year": r.values.globals.get("年份"),
        "options": asdict(options),
        "meta": {"template": plan.meta.template, "title_template": plan.meta.title},
    }


def _at(chapter: int | None, item: int | None, clause: str | None, file: str | None,
        line: int | None) -> dict[str, Any]:
    return {"chapter": chapter, "item": item, "clause": clause, "file": file, "line": line}


def _text_part(r: _Renderer, part: PlanText | None, name: str) -> dict[str, Any] | None:
    wording = text_wording(part, r.cat)
    if part is None:
        return None
    if wording is None:
        if not r.lenient:
            return None
        wording = (f"【目录中没有条目 {part.clause}】", [])
    where = {"preamble": "总体要求", "closing": "结束语"}[name]
    text = join_lines(r.text(wording[0], r.values.context(name), line=part.line, where=where))
    return {"text": text, "at": _at(None, None, part.clause, r.plan.path, part.line)}


def item_markers(sections: list[str | None], style: str, start: int = 0
                 ) -> tuple[list[tuple[str, str | None]], int]:
    """Markers for one chapter's items: (item marker, section marker when a section starts).

    `start` is the running count for continuous numbering; returns the count after."""
    out: list[tuple[str, str | None]] = []
    counter = start if style == "continuous" else 0
    section_count, current, in_section = 0, None, 0
    for section in sections:
        opens = None
        if section and section != current:
            section_count += 1
            in_section = 0
            opens = section_marker(section_count)
        current = section or None
        if style != "sections":
            counter += 1
            out.append((item_marker(counter), opens))
        elif section:
            in_section += 1
            out.append((item_marker(in_section), opens))
        else:
            section_count += 1
            out.append((section_marker(section_count), None))  # run-in （一） item
    return out, counter


def _chapters(r: _Renderer) -> list[dict[str, Any]]:
    plan = r.plan
    counter = 0
    chapters: list[dict[str, Any]] = []
    head = r.values.context("title")
    for ci, chapter in enumerate(plan.chapters, start=1):
        heading_src = chapter.heading or DEFAULT_HEADINGS.get(chapter.key or "", "")
        heading = r.text(heading_src, head, line=chapter.line, where=f"第{ci}章标题")
        markers, counter = item_markers([i.section for i in chapter.items],
                                        plan.meta.options.numbering, counter)
        items: list[dict[str, Any]] = []
        for ii, (item, (marker, opens)) in enumerate(zip(chapter.items, markers, strict=True),
                                                    start=1):
            section = None
            if opens is not None and item.section:
                text = r.text(item.section, head, line=item.line, where=f"第{ci}章 第{ii}条的节")
                section = {"marker": opens, "heading": text}
            items.append(_item(r, item, ci, ii, marker, section))
        chapters.append({"marker": chapter_marker(ci), "heading": heading, "key": chapter.key,
                         "entries": items, "at": _at(ci, None, None, plan.path, chapter.line)})
    return chapters


def _item(r: _Renderer, item: PlanItem, ci: int, ii: int, marker: str,
          section: dict[str, str] | None) -> dict[str, Any]:
    wording = item_wording(item, r.cat)
    if wording is None:  # unknown id: reported before rendering, shown in a preview
        wording = ("", f"【目录中没有条目 {item.clause}】", [])
    lead_src, body_src, _ = wording
    ctx = r.values.context("item", ci, ii)
    where = f"第{ci}章 第{ii}条" + (f"（{item.clause}）" if item.clause else "（自定义条目）")
    place = {"line": item.line, "where": where}
    clause = r.cat.get(item.clause) if item.clause else None
    owners = item.owners if item.owners is not None else _owners(clause, item)
    return {
        "marker": marker,
        "lead": finish_lead(join_lines(r.text(lead_src, ctx, **place))),
        "body": join_lines(r.text(body_src, ctx, **place)),
        "owners": list(owners),
        "deadline": item.deadline,
        "section": section,
        "clause": item.clause,
        "at": _at(ci, ii, item.clause, r.plan.path, item.line),
    }


def _owners(clause: Clause | None, item: PlanItem) -> list[str]:
    if clause is None:
        return []
    variant = clause.variant(item.variant)
    if variant is not None and variant.owners:
        return list(variant.owners)
    return list(clause.owners)
