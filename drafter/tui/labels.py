"""Labels a person would write for the values form, taken from the sentence around the number.

Why: mined slot names (`数量_所`, `中小学_所`, `义教项目_个_2`) and their labels ("中小学",
"义教项目" twice in one clause) leave the official guessing which number is which; truncated
in the form's label column, two fields even looked the same (issue 13). Here each field gets
the phrase the number completes ("新建中小学（所）"), unique within the form, and the whole
sentence around it for the note under a focused field. Pure: no Textual.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable

from rich.cells import cell_len

from drafter.model import Catalogue, Plan
from drafter.model.resolve import resolve
from drafter.tui.fields import Field

_PLACEHOLDER = re.compile(r"\{\{\s*(.*?)\s*\}\}", re.S)
_CLAUSE_STOP = "。；！？\n"
_PHRASE_STOP = "，。；：、！？（）《》“”\n"
# words that lead up to a number but do not say what it counts
_FILLER = re.compile(r"(?:达到|达|为|约|共计|共|不低于|不少于|不超过|超过|至少|累计|控制在|保持在|"
                     r"提高到|提升到|提高至|提升至|增加到|增长|稳定在|在|到|至)$")
MECHANICAL = re.compile(r"_|^(?:数量|数目|数值|名称|项目|比例)$")


def _sentence(template: str, start: int, end: int) -> tuple[int, int]:
    left = max((template.rfind(ch, 0, start) for ch in _CLAUSE_STOP), default=-1) + 1
    rights = [i for ch in _CLAUSE_STOP if (i := template.find(ch, end)) != -1]
    return left, (min(rights) + 1 if rights else len(template))


def sentence_around(template: str, name: str, labels: dict[str, str]) -> str:
    """The sentence holding `{{ name }}`, that number shown as 〔……〕, others by label."""
    for match in _PLACEHOLDER.finditer(template):
        if match.group(1) != name:
            continue
        left, right = _sentence(template, match.start(), match.end())
        text = template[left:match.start()] + "〔……〕" + template[match.end():right]
        return _PLACEHOLDER.sub(lambda m: f"〔{labels.get(m.group(1), m.group(1))}〕",
                                text).strip()
    return ""


def phrase_label(template: str, name: str, unit: str | None) -> str | None:
    """The phrase a number completes: text before it back to a comma, filler verbs dropped,
    with its unit ("新建公办幼儿园（所）"); None when the sentence gives nothing."""
    match = next((m for m in _PLACEHOLDER.finditer(template) if m.group(1) == name), None)
    if match is None:
        return None
    before = template[: match.start()]
    cut = max((before.rfind(ch) for ch in _PHRASE_STOP), default=-1)
    prev = list(_PLACEHOLDER.finditer(before))
    if prev:
        cut = max(cut, prev[-1].end() - 1)
    phrase = before[cut + 1:].strip()
    while (shorter := _FILLER.sub("", phrase)) != phrase:
        phrase = shorter
    if len(phrase) < 2:
        after = template[match.end():]
        stop = min([i for ch in _PHRASE_STOP if (i := after.find(ch)) != -1] or [len(after)])
        phrase = after[:stop].strip()
        if unit and phrase.startswith(unit):
            phrase = phrase[len(unit):]
        if len(phrase) < 2:
            return None
    phrase = phrase[-14:]
    return f"{phrase}（{unit}）" if unit and unit not in ("%", "％") else phrase


def _texts(plan: Plan, cat: Catalogue) -> Iterable[str]:
    resolved = resolve(plan, cat)
    for part in (resolved.preamble, resolved.closing):
        if part is not None and part.template:
            yield part.template
    for item in resolved.items():
        yield f"{item.lead}。{item.body}"


def relabel(fields: list[Field], plan: Plan, cat: Catalogue) -> list[Field]:
    """Fields with human labels, unique within the list, and the sentence of each number."""
    texts = list(_texts(plan, cat))
    labels = {f.name: f.slot.label for f in fields}
    out: list[Field] = []
    for field in fields:
        if field.scope == "global":
            out.append(field)
            continue
        template = next((t for t in texts if re.search(
            r"\{\{\s*" + re.escape(field.name) + r"\s*\}\}", t)), "")
        label = field.slot.label or field.name
        if MECHANICAL.search(field.name) or MECHANICAL.search(label):
            label = phrase_label(template, field.name, field.slot.unit) or label
        context = sentence_around(template, field.name, labels)
        out.append(dataclasses.replace(field, slot=dataclasses.replace(field.slot, label=label),
                                       context=context))
    return _unique(out)


def short(label: str, width: int) -> str:
    """A label in `width` cells: whole, or its head and tail around an ellipsis (the tail
    tells "…财政拨款" from "…生均公用经费" where heads are the same)."""
    if cell_len(label) <= width:
        return label
    head, tail = "", ""
    chars = list(label)
    while chars and cell_len(head + "…" + tail) < width - 1:
        head += chars.pop(0)
        if chars and cell_len(head + "…" + tail) < width - 1:
            tail = chars.pop() + tail
    return f"{head}…{tail}"


def _unique(fields: list[Field], width: int = 22) -> list[Field]:
    """No two fields of one scope show the same label (in full or shortened)."""
    out = list(fields)
    for scope in {f.scope for f in fields}:
        seen: dict[str, int] = {}
        for n, field in enumerate(out):
            if field.scope != scope:
                continue
            shown = short(field.slot.label, width)
            count = seen.get(shown, 0) + 1
            seen[shown] = count
            if count > 1:
                label = f"{field.slot.label}（{'②③④⑤⑥⑦⑧⑨'[min(count, 9) - 2]}）"
                out[n] = dataclasses.replace(field, slot=dataclasses.replace(field.slot,
                                                                             label=label))
    return out
