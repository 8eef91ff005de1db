"""The document skeleton's context: every text of a plan rendered with its values, numbered.

Numbering is literal (一、 （一） 1.), computed once by `model.resolve`, never left to Word. The
skeleton template only lays these pieces out. Strict mode assumes `blocks.plan_problems` found
nothing; lenient mode (the TUI preview) renders whatever it can and marks the rest.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import asdict
from typing import Any

from drafter.model.errors import DrafterError
from drafter.model.resolve import ResolvedItem, ResolvedPlan, ResolvedText, SlotUse
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
    """Resolved values per place, from the one resolved view.

    Lenient (preview) mode puts "【待填：标签】" where a value is missing and "【有误：标签】"
    where one is invalid, so the user sees the document while still filling it in."""

    def __init__(self, resolved: ResolvedPlan, lenient: bool) -> None:
        self.lenient = lenient
        self.globals = self._values(resolved.globals)
        self.head = {**self.globals, **self._values(resolved.title)}

    def _values(self, uses: Iterable[SlotUse]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for use in uses:
            if use.origin == "missing" or use.error:
                if self.lenient:
                    out[use.name] = gap_marker(use)
                continue
            out[use.name] = use.value
        return out

    def context(self, uses: Iterable[SlotUse]) -> dict[str, Any]:
        return {**self.globals, **self._values(uses)}


def gap_marker(use: SlotUse) -> str:
    """What a lenient render prints for a missing or invalid value."""
    word = "待填" if use.origin == "missing" else "有误"
    return f"【{word}：{use.label}】"


class _Renderer:
    """Renders every text of one plan; in lenient mode a text that fails shows as written."""

    def __init__(self, resolved: ResolvedPlan, lenient: bool) -> None:
        self.resolved, self.plan, self.lenient = resolved, resolved.plan, lenient
        self.values = _Values(resolved, lenient)

    def text(self, src: str, ctx: dict[str, Any], **place: Any) -> str:
        if self.lenient and placeholder_problems(src):
            return src  # never render text that failed the placeholder check
        try:
            return render_text(src, ctx, file=self.plan.path, **place)
        except DrafterError:
            if self.lenient:
                return src
            raise


def build_context(resolved: ResolvedPlan, *, lenient: bool = False) -> dict[str, Any]:
    """Everything the skeleton template needs, with every text already rendered."""
    r = _Renderer(resolved, lenient)
    plan = resolved.plan
    head = r.values.head
    options = plan.meta.options
    organ_src = plan.meta.organ or str(r.values.globals.get("单位") or "")
    return {
        "title": r.text(plan.meta.title, head, where="标题（meta.title）"),
        "caption": r.text(options.caption, head, where="题注") if options.caption else None,
        "preamble": _text_part(r, resolved.preamble),
        "chapters": _chapters(r),
        "closing": _text_part(r, resolved.closing),
        "organ": r.text(organ_src, head, where="meta.organ"),
        "date": chinese_date(plan.meta.date),
        "region": r.values.globals.get("地区"),
        "year": r.values.globals.get("年份"),
        "level": resolved.level,
        "options": asdict(options),
        "meta": {"template": plan.meta.template, "title_template": plan.meta.title},
    }


def _at(chapter: int | None, item: int | None, clause: str | None, file: str | None,
        line: int | None, index: int | None = None) -> dict[str, Any]:
    return {"chapter": chapter, "item": item, "clause": clause, "file": file, "line": line,
            "index": index}


def _text_part(r: _Renderer, part: ResolvedText | None) -> dict[str, Any] | None:
    if part is None:
        return None
    template = part.template
    if template is None:
        if not r.lenient:
            return None
        template = f"【目录中没有条目 {part.text.clause}】"
    chapter = None if part.chapter is None else part.chapter + 1
    where = {"preamble": "总体要求", "closing": "结束语"}.get(part.part, f"第{chapter}章首段")
    text = join_lines(r.text(template, r.values.context(part.values), line=part.text.line,
                             where=where))
    return {"text": text,
            "at": _at(chapter, None, part.text.clause, r.plan.path, part.text.line)}


def _chapters(r: _Renderer) -> list[dict[str, Any]]:
    plan = r.plan
    chapters: list[dict[str, Any]] = []
    head = r.values.head
    for chapter in r.resolved.chapters:
        ci = chapter.index + 1
        heading = r.text(chapter.heading, head, line=chapter.line, where=f"第{ci}章标题")
        items: list[dict[str, Any]] = []
        for item in chapter.items:
            section = None
            if item.section_marker is not None and item.item.section:
                text = r.text(item.item.section, head, line=item.item.line,
                              where=f"{item.where}的节")
                section = {"marker": item.section_marker, "heading": text}
            items.append(_item(r, item, section))
        chapters.append({"marker": chapter.marker, "heading": heading, "key": chapter.key,
                         "intro": _text_part(r, chapter.intro), "entries": items,
                         "at": _at(ci, None, None, plan.path, chapter.line)})
    return chapters


def _item(r: _Renderer, item: ResolvedItem, section: dict[str, str] | None) -> dict[str, Any]:
    lead_src, body_src = item.lead, item.body
    if not item.known:  # unknown id: reported before rendering, shown in a preview
        lead_src, body_src = "", f"【目录中没有条目 {item.item.clause}】"
    ctx = r.values.context(item.values)
    place = {"line": item.item.line, "where": item.where}
    return {
        "marker": item.marker,
        "lead": finish_lead(join_lines(r.text(lead_src, ctx, **place))),
        "body": join_lines(r.text(body_src, ctx, **place)),
        "owners": list(item.owners),
        "deadline": item.item.deadline,
        "section": section,
        "clause": item.item.clause,
        "at": _at(item.chapter + 1, item.number, item.item.clause, r.plan.path, item.item.line,
                  item.index),
    }
