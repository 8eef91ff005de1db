"""Search results: ranked clauses with the matched characters highlighted.

Why: the search box filters as you type; this list shows at most a few hundred hits
(the index ranks them), each with its chapter key and the matched spans from `Hit.spans`.
It only shows what it is given and posts `HitList.Highlighted`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.text import Text
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from drafter.model import Clause
from drafter.model.placeholders import placeholder_spans

SNIPPET = 60  # at most this many characters of clause text per hit (about two lines)
MATCH_STYLE = "bold reverse"


def _shown(full: str, slots: dict[str, str]) -> tuple[str, list[int]]:
    """Clause text with `{{ name }}` shown as 〔label〕, and where each original offset went."""
    out: list[str] = []
    where: list[int] = []
    pos = 0
    for start, end, expr in placeholder_spans(full):
        for ch in full[pos:start]:
            where.append(len(out))
            out.append(ch)
        label = f"〔{slots.get(expr, expr)}〕"
        where.extend([len(out)] * (end - start))
        out.extend(label)
        pos = end
    for ch in full[pos:]:
        where.append(len(out))
        out.append(ch)
    where.append(len(out))
    return "".join(out), where


def hit_text(clause: Clause, spans: Sequence[tuple[int, int]], width: int = SNIPPET) -> Text:
    """The clause text around its first match, matches highlighted, chapter key in front."""
    full, where = _shown(clause.text.replace("\n", " "), {s.name: s.label for s in clause.slots})
    spans = [(where[s], where[e]) for s, e in spans if 0 <= s < e < len(where)]
    first = min((s for s, _ in spans), default=0)
    start = 0 if first < width - 20 else max(first - 10, 0)
    end = min(start + width, len(full))
    text = Text()
    text.append(f"{clause.chapter} ", style="dim")
    if clause.kind == "summary":
        text.append("（总结）", style="dim")
    if clause.flags:
        text.append("⚠ ", style="bold red")
    if start > 0:
        text.append("…")
    offset = len(text)
    text.append(full[start:end])
    if end < len(full):
        text.append("…")
    for s, e in spans:
        s, e = max(s, start), min(e, end)
        if s < e:
            text.stylize(MATCH_STYLE, offset + s - start, offset + e - start)
    return text


class HitList(OptionList):
    """The ranked hits of the current query."""

    class Highlighted(Message):
        def __init__(self, clause: Clause | None) -> None:
            super().__init__()
            self.clause = clause

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._clauses: list[Clause] = []
        self.query_text = ""

    def show(self, query: str, hits: Sequence[Any]) -> None:
        """Show `hits` (objects with .clause and .spans) for `query`."""
        self.query_text = query
        self._clauses = [h.clause for h in hits]
        # two lines of CJK text at the list's width (each glyph is two cells)
        width = max(16, min(SNIPPET, self.size.width - 8)) if self.size.width else SNIPPET
        options = [Option(hit_text(h.clause, h.spans, width), id=h.clause.id) for h in hits]
        self.set_options(options)
        if not options:
            self.add_option(Option(Text(f"没有找到与“{query}”相关的条目", style="dim"),
                                   disabled=True))
        else:
            self.highlighted = 0

    def show_message(self, message: str) -> None:
        self._clauses = []
        self.set_options([Option(Text(message, style="dim"), disabled=True)])

    @property
    def clauses(self) -> list[Clause]:
        return list(self._clauses)

    @property
    def current_clause(self) -> Clause | None:
        index = self.highlighted
        if index is None or not 0 <= index < len(self._clauses):
            return None
        return self._clauses[index]

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self.post_message(self.Highlighted(self.current_clause))
