"""How a plan item is named in one line: its lead phrase with 〔label〕 for each number.

Why: the outline, the values form's heading, the delete question and the variant list all
name an item the same way, so the words cannot drift between them. Plain Python.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from drafter.model import Catalogue, Plan, PlanItem, Slot
from drafter.model.resolve import item_wording

_PLACEHOLDER = re.compile(r"\{\{\s*(.*?)\s*\}\}", re.S)


def bracket_slots(template: str, slots: Sequence[Slot] = ()) -> str:
    """`{{ 名称 }}` as 〔label〕: what a person reads in a title line, not template syntax."""
    labels = {s.name: s.label for s in slots}

    def label(match: re.Match[str]) -> str:
        expr = match.group(1)
        return f"〔{labels.get(expr) or expr}〕"

    return _PLACEHOLDER.sub(label, template)


def item_title(item: PlanItem, cat: Catalogue, width: int = 36,
               plan: Plan | None = None) -> str:
    """The item's lead phrase as it will render (plan-local text and variants included)."""
    wording = item_wording(plan or Plan(), item, cat)
    if wording.clause is None and item.clause is not None:
        text = item.clause or "（空条目）"
    else:
        text = bracket_slots(wording.lead or wording.body or "（空条目）", wording.slots)
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
