"""The document skeleton's context: every text of a plan rendered with its values, numbered.

Numbering is literal and computed here (一、 （一） 1.), never left to Word. The skeleton
template only lays these pieces out. This module assumes `blocks.plan_problems` found
nothing: it does not re-check values, it renders them.
"""

from __future__ import annotations

import re
from dataclasses import asdict
from typing import Any

from drafter.model.catalogue import Catalogue
from drafter.model.numbering import chapter_marker, item_marker, section_marker
from drafter.model.plan import Plan, PlanItem, PlanText
from drafter.model.taxonomy import DEFAULT_HEADINGS
from drafter.model.values import SlotUse, item_wording, slot_uses, text_wording
from drafter.render.env import render_text

_LEAD_END = ("。", "！", "？", "；", "：", "…", ".", "!", "?")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


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
    """Resolved values per place, from one `slot_uses` pass."""

    def __init__(self, plan: Plan, cat: Catalogue) -> None:
        self.globals: dict[str, Any] = {}
        self.by_place: dict[tuple[str, int | None, int | None], dict[str, Any]] = {}
        for use in slot_uses(plan, cat):
            self._add(use)

    def _add(self, use: SlotUse) -> None:
        if use.origin == "missing" or use.error:
            return
        if use.part == "global":
            self.globals[use.name] = use.value
            return
        self.by_place.setdefault((use.part, use.chapter, use.item), {})[use.name] = use.value

    def context(self, part: str, chapter: int | None = None, item: int | None = None
                ) -> dict[str, Any]:
        return {**self.globals, **self.by_place.get((part, chapter, item), {})}


def build_context(plan: Plan, cat: Catalogue) -> dict[str, Any]:
    """Everything the skeleton template needs, with every text already rendered."""
    values = _Values(plan, cat)
    file = plan.path
    head = values.context("title")

    def render(text: str, ctx: dict[str, Any], **place: Any) -> str:
        return render_text(text, ctx, file=file, **place)

    options = plan.meta.options
    organ_src = plan.meta.organ or str(values.globals.get("单位") or "")
    organ = render(organ_src, head, where="meta.organ")
    return {
        "title": render(plan.meta.title, head, where="标题（meta.title）"),
        "caption": render(options.caption, head, where="题注") if options.caption else None,
        "preamble": _text_part(plan.preamble, cat, values, "preamble", file),
        "chapters": _chapters(plan, cat, values),
        "closing": _text_part(plan.closing, cat, values, "closing", file),
        "organ": organ,
        "date": chinese_date(plan.meta.date),
        "region": values.globals.get("地区"),
        "year": values.globals.get("年份"),
        "options": asdict(options),
        "meta": {"template": plan.meta.template, "title_template": plan.meta.title},
    }


def _at(chapter: int | None, item: int | None, clause: str | None, file: str | None,
        line: int | None) -> dict[str, Any]:
    return {"chapter": chapter, "item": item, "clause": clause, "file": file, "line": line}


def _text_part(part: PlanText | None, cat: Catalogue, values: _Values, name: str,
               file: str | None) -> dict[str, Any] | None:
    wording = text_wording(part, cat)
    if wording is None or part is None:
        return None
    where = {"preamble": "总体要求", "closing": "结束语"}[name]
    text = render_text(wording[0], values.context(name), file=file, line=part.line, where=where)
    return {"text": text, "at": _at(None, None, part.clause, file, part.line)}


def _chapters(plan: Plan, cat: Catalogue, values: _Values) -> list[dict[str, Any]]:
    style = plan.meta.options.numbering
    counter = 0
    chapters: list[dict[str, Any]] = []
    for ci, chapter in enumerate(plan.chapters, start=1):
        if style != "continuous":
            counter = 0
        heading_src = chapter.heading or DEFAULT_HEADINGS.get(chapter.key or "", "")
        heading = render_text(heading_src, values.context("title"), file=plan.path,
                              line=chapter.line, where=f"第{ci}章标题")
        items: list[dict[str, Any]] = []
        section_count, current, in_section = 0, None, 0
        for ii, item in enumerate(chapter.items, start=1):
            section = None
            if item.section and item.section != current:
                section_count += 1
                in_section = 0
                current = item.section
                text = render_text(item.section, values.context("title"), file=plan.path,
                                   line=item.line, where=f"第{ci}章 第{ii}条的节标题")
                section = {"marker": section_marker(section_count), "heading": text}
            elif not item.section:
                current = None
            if style == "sections":
                if item.section:
                    in_section += 1
                    marker = item_marker(in_section)
                else:
                    section_count += 1
                    marker = section_marker(section_count)
            else:
                counter += 1
                marker = item_marker(counter)
            items.append(_item(plan, cat, values, item, ci, ii, marker, section))
        chapters.append({"marker": chapter_marker(ci), "heading": heading, "key": chapter.key,
                         "entries": items, "at": _at(ci, None, None, plan.path, chapter.line)})
    return chapters


def _item(plan: Plan, cat: Catalogue, values: _Values, item: PlanItem, ci: int, ii: int,
          marker: str, section: dict[str, str] | None) -> dict[str, Any]:
    wording = item_wording(item, cat)
    assert wording is not None  # unknown ids were reported before rendering
    lead_src, body_src, _ = wording
    ctx = values.context("item", ci, ii)
    where = f"第{ci}章 第{ii}条" + (f"（{item.clause}）" if item.clause else "（自定义条目）")
    place = {"file": plan.path, "line": item.line, "where": where}
    clause = cat.get(item.clause) if item.clause else None
    owners = item.owners if item.owners is not None else _owners(clause, item)
    return {
        "marker": marker,
        "lead": finish_lead(render_text(lead_src, ctx, **place)),
        "body": render_text(body_src, ctx, **place).strip(),
        "owners": list(owners),
        "deadline": item.deadline,
        "section": section,
        "clause": item.clause,
        "at": _at(ci, ii, item.clause, plan.path, item.line),
    }


def _owners(clause: Any, item: PlanItem) -> list[str]:
    if clause is None:
        return []
    variant = clause.variant(item.variant)
    if variant is not None and variant.owners:
        return list(variant.owners)
    return list(clause.owners)
