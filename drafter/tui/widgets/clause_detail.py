"""The clause detail pane: full text with slots highlighted, variants, sources, tags, flags.

Why: before picking a clause the official reads all of it, sees which numbers must be
filled (and their defaults), which other cities worded it differently, where it came from
and whether `check` flagged it. Display only: the pane is handed a clause and renders it.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from drafter.model import Clause, Slot, Source
from drafter.model.placeholders import placeholder_spans
from drafter.model.values import type_word

SLOT_STYLE = "bold black on #e5c07b"
FLAG_STYLE = "bold red"


def slot_hint(slot: Slot | None, expr: str) -> str:
    if slot is None:
        return expr
    default = "" if slot.default in (None, "") else f"：{slot.default}{slot.unit or ''}"
    return f"{slot.label}{default}"


def template_text(template: str, slots: list[Slot], style: str = "") -> Text:
    """Template text with every `{{ … }}` shown as 〔标签：默认值〕 in the slot style."""
    by_name = {s.name: s for s in slots}
    text = Text(style=style)
    pos = 0
    for start, end, expr in placeholder_spans(template):
        text.append(template[pos:start])
        text.append(f"〔{slot_hint(by_name.get(expr), expr)}〕", style=SLOT_STYLE)
        pos = end
    text.append(template[pos:])
    return text


def source_line(source: Source | None) -> str:
    if source is None:
        return "来源不详"
    parts = [p for p in (source.region, f"{source.year}年" if source.year else None,
                         source.title or source.file) if p]
    return " · ".join(parts)


def clause_text(clause: Clause, variant_id: str | None = None) -> Text:
    """Everything the pane shows about a clause, as one Rich Text."""
    lead, body, slots = clause.wording(variant_id)
    out = Text()
    out.append(f"{clause.id}  {clause.chapter}", style="dim")
    if clause.kind != "plan":
        out.append(f"  （{_KIND_WORDS.get(clause.kind, clause.kind)}）", style="dim")
    out.append("\n\n")
    if lead:
        out.append_text(template_text(lead, slots, style="bold"))
        out.append("。" if body else "")
    out.append_text(template_text(body, slots))
    out.append("\n")
    if slots:
        out.append("\n参数\n", style="bold underline")
        for slot in slots:
            default = "（无默认值）" if slot.default in (None, "") else f"默认 {slot.default}"
            unit = f"，单位 {slot.unit}" if slot.unit else ""
            out.append(f"  {slot.label}", style="bold")
            out.append(f"（{type_word(slot.type)}{unit}）{default}\n")
    if clause.flags:
        out.append("\n检查提示\n", style="bold underline")
        for flag in clause.flags:
            out.append(f"  ⚠ {flag}\n", style=FLAG_STYLE)
    if clause.variants:
        out.append(f"\n变体（{len(clause.variants)}，在计划中选中条目后按 v 选用）\n",
                   style="bold underline")
        for n, variant in enumerate(clause.variants, start=1):
            mark = "▶ " if variant.id == variant_id else "  "
            out.append(f"{mark}{n}. ", style="bold")
            out.append(f"{source_line(variant.source)}\n", style="dim")
            out.append("     ")
            out.append_text(template_text(variant.lead or variant.body[:60], variant.slots))
            out.append("\n")
    if clause.sources:
        out.append("\n来源\n", style="bold underline")
        for source in clause.sources:
            out.append(f"  {source_line(source)}\n")
    if clause.tags:
        out.append("\n标签  ", style="bold underline")
        out.append("、".join(clause.tags) + "\n")
    if clause.owners:
        out.append("\n责任单位  ", style="bold underline")
        out.append("、".join(clause.owners) + "\n")
    return out


_KIND_WORDS = {"summary": "总结", "preamble": "总体要求", "closing": "结束语", "plan": "要点"}


class ClauseDetail(VerticalScroll):
    """Shows one clause (or a hint when none is selected)."""

    DEFAULT_CSS = """
    ClauseDetail { height: 1fr; }
    ClauseDetail > Static { width: 1fr; padding: 0 1; }
    """

    def compose(self) -> ComposeResult:
        yield Static(Text("在目录或搜索结果中选择条目，这里显示全文。", style="dim"),
                     id="detail-body")

    def show(self, clause: Clause | None, variant_id: str | None = None) -> None:
        body = self.query_one("#detail-body", Static)
        if clause is None:
            body.update(Text("在目录或搜索结果中选择条目，这里显示全文。", style="dim"))
        else:
            body.update(clause_text(clause, variant_id))
        self.scroll_home(animate=False)

    def show_custom(self, lead: str, body_text: str) -> None:
        text = Text("自定义条目（仅属于本计划）\n\n", style="dim")
        text.append_text(template_text(lead, [], style="bold"))
        text.append("。" if lead and body_text else "")
        text.append_text(template_text(body_text, []))
        self.query_one("#detail-body", Static).update(text)
