"""Last year's document → an editable plan that reproduces it, plus its clauses for a catalogue.

`import_document` merges the document's clauses into a catalogue (as `mine -o` does, variants
kept) and builds a plan that refers to them: the document's own title, chapter headings in its
own order, every item in the chapter it was in (never reclassified), its owners, and its
numbers as item values, also kept as last year's baseline. An item whose text cannot be
matched back to a catalogue wording (nothing should, but a plan must never lose text) stays
as the plan's own text. Pure: no files; the caller loads and writes the catalogue and plan.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from drafter.mine.catalogue_build import build_catalogue, mined_wording, wording_index
from drafter.model.catalogue import Catalogue
from drafter.model.clause import Clause, Variant
from drafter.model.document import MinedChapter, MinedDocument, MinedItem
from drafter.model.placeholders import escape_braces, placeholder_spans
from drafter.model.plan import Plan, PlanChapter, PlanItem, PlanMeta, PlanOptions, PlanText
from drafter.model.roll import baseline_key
from drafter.model.taxonomy import CHAPTER_KEYS
from drafter.model.template_fit import fit_template
from drafter.model.values import validate_value

Flagger = Callable[[str, int | None], list[str]]

_ORGAN = re.compile(r"^(.{2,30}?(?:教育局|教育厅|教育委员会|教育和体育局|教育体育局|教体局|"
                    r"教育工作委员会|教育工委|局|委员会))")
_RUN_IN = re.compile(r"^[（(][一二三四五六七八九十]+[）)]$")


@dataclass
class Imported:
    plan: Plan
    catalogue: Catalogue
    own_text: int = 0  # items kept as the plan's own text (no catalogue wording fitted)
    # where the 落款's organ came from: "signature" (the document's own), "title", "region"
    # (not in the document: "<地区>教育局", as `drafter new` defaults), None (none: 落款 off)
    organ_from: str | None = None

    def signature_note(self) -> str:
        """What the 落款 will print and what the document did not give (CLI and TUI)."""
        meta = self.plan.meta
        if self.organ_from is None:
            return ("文档中没有落款，也看不出发文机关：已关闭落款；请在 meta.organ 填写发文机关，"
                    "并设 signature: true")
        where = {"signature": "取自文末落款", "title": "取自标题",
                 "region": "文档中没有，按地区暂定，请核对"}[self.organ_from]
        date = meta.date or "（无，请在 meta.date 填写成文日期）"
        return f"落款：{meta.organ}（{where}），成文日期：{date}"


def import_document(doc: MinedDocument, *, existing: Catalogue | None = None,
                    flagger: Flagger | None = None) -> Imported:
    """The catalogue with `doc`'s clauses merged in, and a plan reproducing `doc`."""
    cat = build_catalogue([doc], existing=existing, flagger=flagger)
    index = wording_index(cat)
    known: dict[str, Any] = {"年份": doc.year, "地区": doc.region} if doc.region else {
        "年份": doc.year}
    meta, organ_from = _meta(doc)
    plan = Plan(meta=meta)
    imported = Imported(plan, cat, organ_from=organ_from)
    plan.preamble = _framing(doc.preamble, doc)
    plan.closing = _framing(doc.closing, doc)
    for chapter in doc.chapters:
        key = chapter.category if chapter.category in CHAPTER_KEYS else None
        out = PlanChapter(key=key, heading=chapter.heading or None,
                          intro=_framing(_intro_text(chapter), doc))
        if out.key is None and not out.heading:
            out.key = CHAPTER_KEYS[-1]
        for item in chapter.items:
            out.items.append(_item(item, index, known, plan, imported))
        plan.chapters.append(out)
    plan.meta.options.numbering = _numbering(doc)  # type: ignore[assignment]
    return imported


def _meta(doc: MinedDocument) -> tuple[PlanMeta, str | None]:
    """Year, region, title, and the 落款 (on by default, as for new plans) with where its
    organ came from: the organ and date the document signs with, else the organ its title
    names, else "<地区>教育局"; with no organ at all the 落款 is off (check hints it)."""
    meta = PlanMeta(options=PlanOptions(signature=True))
    meta.year = doc.year or _dt.date.today().year
    meta.region = doc.region or ""
    meta.date = doc.date
    organ_from: str | None = None
    if doc.title:
        meta.title = with_globals(doc.title, meta.year, meta.region)
    titled = _ORGAN.match(doc.title.split(str(meta.year))[0]) if doc.title and doc.year else None
    if doc.organ:
        meta.organ, organ_from = doc.organ, "signature"
    elif titled:
        meta.organ, organ_from = titled.group(1), "title"
    elif meta.region:
        meta.organ, organ_from = f"{meta.region}教育局", "region"
    else:
        meta.options.signature = False
    return meta, organ_from


def with_globals(text: str, year: int | None, region: str | None) -> str:
    """Literal text as template text, with the plan's year and region as placeholders (so
    `drafter roll` moves them)."""
    out = escape_braces(text)
    if year:
        out = re.sub(rf"(?<!\d){year}(?=\s*年)", "{{ 年份 }}", out)
    if region:
        out = out.replace(region, "{{ 地区 }}")
    return out


def _intro_text(chapter: MinedChapter) -> str | None:
    """A chapter's prose introduction and its lead-in line, in that order (the lead-in is the
    last thing before the items): both are the user's text."""
    parts = [t for t in (chapter.intro, chapter.lead_in) if t and t.strip()]
    return "\n".join(parts) or None


def _framing(text: str | None, doc: MinedDocument) -> PlanText | None:
    if not text or not text.strip():
        return None
    return PlanText(text=with_globals(text, doc.year, doc.region))


def _numbering(doc: MinedDocument) -> str:
    markers = [[i.marker for i in c.items] for c in doc.chapters]
    flat = [m for chapter in markers for m in chapter if m]
    if flat and sum(bool(_RUN_IN.match(m)) for m in flat) * 2 > len(flat):
        return "sections"
    restarts = sum(1 for chapter in markers[1:] if chapter and chapter[0] in ("1.", "1、", "1．"))
    return "per_chapter" if restarts and restarts * 2 >= len(markers) - 1 else "continuous"


def _item(item: MinedItem, index: dict[Any, tuple[Clause, Variant | None]],
          known: dict[str, Any], plan: Plan, imported: Imported) -> PlanItem:
    key = mined_wording(item.lead, item.body, item.lead_template, item.body_template, item.slots)
    found = index.get(key)
    fitted = _values(item, known) if found is not None else None
    if found is None or fitted is None:
        imported.own_text += 1
        return PlanItem(lead=escape_braces(item.lead) or None, body=escape_braces(item.body),
                        owners=list(item.owners) or None, section=item.section)
    clause, variant = found
    values, literal = fitted
    for name, value in values.items():
        plan.baseline[baseline_key(clause.id, name)] = value
    default_owners = variant.owners if variant is not None and variant.owners else clause.owners
    out = PlanItem(clause=clause.id, variant=variant.id if variant else None, values=values,
                   owners=list(item.owners) if list(item.owners) != list(default_owners)
                   else None, section=item.section,
                   # last year's figures: shown as 去年 and 待核实 until the user confirms them
                   provenance=dict.fromkeys(values, "last_year"))
    if literal:  # "第X届": a placeholder where the slot wants a number stays as written
        out.lead = _inline(item.lead_template or escape_braces(item.lead), literal)
        out.body = _inline(item.body_template or escape_braces(item.body), literal)
    return out


def _inline(template: str, literal: dict[str, str]) -> str:
    """Each `{{ name }}` whose value is a literal replaced by that text (escaped); placeholders
    are found by the one scanner (drafter.model.placeholders), not by a regex of their own."""
    out, pos = [], 0
    for start, end, expr in placeholder_spans(template):
        if expr in literal:
            out += [template[pos:start], escape_braces(literal[expr])]
            pos = end
    out.append(template[pos:])
    return "".join(out)


def _values(item: MinedItem, known: dict[str, Any]
            ) -> tuple[dict[str, Any], dict[str, str]] | None:
    """The item's slot values read from its own text, and the literals that are no valid
    value of their slot (kept as text); None when the text does not fit the template."""
    lead = fit_template(item.lead_template or escape_braces(item.lead), item.lead, known)
    body = fit_template(item.body_template or escape_braces(item.body), item.body, known)
    if lead is None or body is None:
        return None
    found = {**lead, **body}
    values: dict[str, Any] = {}
    literal: dict[str, str] = {}
    for slot in item.slots:
        raw = found.get(slot.name)
        if slot.name in known or raw is None:
            continue
        value, error = validate_value(slot.type, raw)
        if error is not None:
            literal[slot.name] = raw
        else:
            values[slot.name] = value if str(value) == raw else raw
    return values, literal
