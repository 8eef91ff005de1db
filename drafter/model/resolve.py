"""One resolved view of a plan: what each item says, with which values, from where.

Why: the renderer, the checks, the roll, the values form and the outline all need the same
answer to "what does this plan item say": its clause (or custom text), wording (variant, plan
edits, level terms for the plan's level), printed marker, owners, and every value it uses with
its provenance. It is computed here once; nobody else walks plan × catalogue.

Positions have ONE convention in code: `chapter` and `index` are 0-based positions in the plan
(the TUI's outline uses them as they are); `number` is the item's printed number, for messages
only (`location` turns a place into the 1-based, printed form a user reads).

Pure: no I/O, no Jinja, no Textual.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

from drafter.model.blocks import Location
from drafter.model.catalogue import Catalogue
from drafter.model.clause import Clause, Slot
from drafter.model.levels import LevelTerms, clause_level, plan_level
from drafter.model.numbering import chapter_marker, item_marker, section_marker
from drafter.model.plan import GLOBAL_NAMES, Plan, PlanItem, PlanText
from drafter.model.provenance import FILLED, Provenance, stored_provenance
from drafter.model.taxonomy import DEFAULT_HEADINGS
from drafter.model.values import (
    GLOBAL_LABELS,
    GLOBAL_TYPES,
    is_blank,
    placeholder_names,
    validate_value,
)

Origin = Literal["item", "plan", "default", "missing"]
Part = Literal["global", "title", "preamble", "item", "closing"]


@dataclass(frozen=True)
class SlotUse:
    """One slot used by one place in the plan, with the value it resolves to.

    `origin` is where the value sits (the item's values, the plan's values, the slot default,
    nowhere); `provenance` says how far it can be trusted (typed, confirmed, last year's,
    inherited from a batch base plan, a catalogue default, missing). Only FILLED provenances
    count as filled. `chapter`/`index` are 0-based positions, `number` the printed number.
    """

    name: str
    slot: Slot
    value: Any
    origin: Origin
    provenance: Provenance = "typed"
    part: Part = "item"
    chapter: int | None = None
    index: int | None = None
    number: int | None = None
    clause: str | None = None
    line: int | None = None
    error: str | None = None  # validate_value's message for a present but invalid value
    source_region: str | None = None  # for a catalogue default: the region it was mined from

    @property
    def label(self) -> str:
        return self.slot.label or self.name

    @property
    def location(self) -> Location:
        return Location(chapter=None if self.chapter is None else self.chapter + 1,
                        item=self.number, clause=self.clause, line=self.line, index=self.index)

    @property
    def filled(self) -> bool:
        """Present, valid and typed or confirmed by the user."""
        return self.provenance in FILLED and self.error is None

    @property
    def unconfirmed(self) -> bool:
        """A value the document would print that the user has not confirmed (待核实)."""
        return self.provenance not in FILLED and self.provenance != "missing"


@dataclass(frozen=True)
class ResolvedItem:
    """One plan item as it renders: wording templates, marker, owners, values."""

    chapter: int
    index: int
    number: int
    marker: str
    section_marker: str | None  # "（一）" when this item opens a section
    item: PlanItem
    clause: Clause | None
    lead: str  # template text (variant, plan edit and level terms applied)
    body: str
    slots: tuple[Slot, ...]
    owners: tuple[str, ...]
    values: tuple[SlotUse, ...]

    @property
    def known(self) -> bool:
        """False for a clause id that is not in the catalogue (or an unknown variant)."""
        return self.item.clause is None or self.clause is not None

    @property
    def location(self) -> Location:
        return Location(chapter=self.chapter + 1, item=self.number, clause=self.item.clause,
                        line=self.item.line, index=self.index)

    @property
    def where(self) -> str:
        return f"第{self.chapter + 1}章 第{self.number}条" + (
            f"（{self.item.clause}）" if self.item.clause else "（自定义条目）")

    @property
    def source_region(self) -> str | None:
        source = _source(self.clause, self.item.variant)
        return source.region if source else None

    @property
    def source_level(self) -> str | None:
        """The level the catalogue wording speaks at (recorded by the miner), if known."""
        return clause_level(_source(self.clause, self.item.variant))


@dataclass(frozen=True)
class ResolvedText:
    """A preamble or closing as it renders."""

    part: Part
    text: PlanText
    template: str | None  # None for an unknown clause id
    values: tuple[SlotUse, ...]


@dataclass(frozen=True)
class ResolvedChapter:
    index: int
    marker: str
    heading: str  # template text
    key: str | None
    line: int | None
    items: tuple[ResolvedItem, ...]


@dataclass
class ResolvedPlan:
    plan: Plan
    catalogue: Catalogue
    level: str | None
    globals: list[SlotUse] = field(default_factory=list)
    title: list[SlotUse] = field(default_factory=list)
    preamble: ResolvedText | None = None
    chapters: list[ResolvedChapter] = field(default_factory=list)
    closing: ResolvedText | None = None

    @property
    def uses(self) -> list[SlotUse]:
        """Every slot use: globals, title, preamble, items, closing, in plan order."""
        out = [*self.globals, *self.title]
        if self.preamble is not None:
            out.extend(self.preamble.values)
        for item in self.items():
            out.extend(item.values)
        if self.closing is not None:
            out.extend(self.closing.values)
        return out

    def items(self) -> Iterator[ResolvedItem]:
        for chapter in self.chapters:
            yield from chapter.items

    def item(self, chapter: int, index: int) -> ResolvedItem | None:
        if not 0 <= chapter < len(self.chapters):
            return None
        items = self.chapters[chapter].items
        return items[index] if 0 <= index < len(items) else None

    def item_at(self, location: Location) -> ResolvedItem | None:
        """The item a block or finding location points at (index when known, else number)."""
        if location.chapter is None:
            return None
        ci = location.chapter - 1
        if location.index is not None:
            return self.item(ci, location.index)
        if not 0 <= ci < len(self.chapters) or location.item is None:
            return None
        return next((i for i in self.chapters[ci].items if i.number == location.item), None)

    def unconfirmed(self) -> list[SlotUse]:
        """Values the document would print that nobody confirmed, once per place."""
        return [u for u in self.uses if u.unconfirmed and self._printed(u)]

    def _printed(self, use: SlotUse) -> bool:
        return use.part != "global" or use.name in self.used_globals()

    def used_globals(self) -> set[str]:
        texts = [self.plan.meta.title, self.plan.meta.options.caption or "",
                 self.plan.meta.organ]
        for part in (self.preamble, self.closing):
            if part is not None and part.template:
                texts.append(part.template)
        for chapter in self.chapters:
            texts.append(chapter.heading)
            for item in chapter.items:
                texts.extend((item.lead, item.body, item.item.section or ""))
        return {n for t in texts for n in placeholder_names(t)} & set(GLOBAL_NAMES)


# --------------------------------------------------------------------------- resolving


def resolve(plan: Plan, cat: Catalogue, terms: LevelTerms | None = None) -> ResolvedPlan:
    """The plan resolved against the catalogue, once. `terms` defaults to the catalogue's."""
    terms = terms if terms is not None else cat.level_terms
    level = plan_level(plan.meta.region, plan.meta.level)
    out = ResolvedPlan(plan=plan, catalogue=cat, level=level, globals=list(_globals(plan)))
    headings = "\n".join(c.heading or "" for c in plan.chapters)
    head_text = f"{plan.meta.title}\n{plan.meta.options.caption or ''}\n{headings}"
    out.title = [_use(plan, s, {}, {}, part="title", line=plan.value_lines.get(s.name))
                 for s in _slots_for(head_text, [])]
    out.preamble = _text(plan, cat, plan.preamble, "preamble", terms, level)
    out.closing = _text(plan, cat, plan.closing, "closing", terms, level)
    counter = 0
    for ci, chapter in enumerate(plan.chapters):
        markers, counter = item_markers([i.section for i in chapter.items],
                                        plan.meta.options.numbering, counter)
        items = tuple(_item(plan, cat, item, ci, ii, marks, terms)
                      for ii, (item, marks) in enumerate(zip(chapter.items, markers,
                                                                 strict=True)))
        heading = chapter.heading or DEFAULT_HEADINGS.get(chapter.key or "", "")
        out.chapters.append(ResolvedChapter(ci, chapter_marker(ci + 1), heading, chapter.key,
                                            chapter.line, items))
    return out


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


def _printed_number(marker: str, fallback: int) -> int:
    digits = "".join(ch for ch in marker if ch.isdigit())
    return int(digits) if digits else fallback


def _source(clause: Clause | None, variant_id: str | None) -> Any:
    if clause is None:
        return None
    variant = clause.variant(variant_id)
    if variant is not None and variant.source is not None:
        return variant.source
    return clause.sources[0] if clause.sources else None


@dataclass(frozen=True)
class Wording:
    """What an item says: templates after variant, plan edits and level terms."""

    lead: str
    body: str
    clause: Clause | None  # None for a custom item, an unknown id or an unknown variant
    slots: list[Slot]
    owners: list[str]
    region: str | None  # the source region of the catalogue wording


def item_wording(plan: Plan, item: PlanItem, cat: Catalogue,
                 terms: LevelTerms | None = None) -> Wording:
    """The one computation of an item's wording (the outline and edit dialog use it too)."""
    terms = terms if terms is not None else cat.level_terms
    level = plan_level(plan.meta.region, plan.meta.level)
    clause = cat.get(item.clause) if item.clause else None
    if clause is not None and item.variant is not None and clause.variant(item.variant) is None:
        clause = None  # an unknown variant is reported like an unknown id
    if clause is None:
        custom = item.clause is None
        return Wording(item.lead or "" if custom else "", item.body or "" if custom else "",
                       None, list(item.slots) if custom else [], list(item.owners or []), None)
    lead, body, declared = clause.wording(item.variant)
    if item.slots:  # the item's own typed slots win over the clause's of the same name
        own = {s.name for s in item.slots}
        declared = [s for s in declared if s.name not in own] + list(item.slots)
    source = _source(clause, item.variant)
    source_level = clause_level(source)
    if item.lead is None:
        lead = terms.convert(lead, source_level, level)
    else:
        lead = item.lead
    body = terms.convert(body, source_level, level) if item.body is None else item.body
    variant = clause.variant(item.variant)
    owners = list(variant.owners if variant is not None and variant.owners else clause.owners)
    if item.owners is not None:
        owners = list(item.owners)
    return Wording(lead, body, clause, list(declared), owners,
                   source.region if source else None)


def _item(plan: Plan, cat: Catalogue, item: PlanItem, ci: int, ii: int,
          marks: tuple[str, str | None], terms: LevelTerms) -> ResolvedItem:
    marker, opens = marks
    number = _printed_number(marker, ii + 1)
    w = item_wording(plan, item, cat, terms)
    known = w.clause is not None or item.clause is None
    values = tuple(
        _use(plan, slot, item.values, item.provenance, part="item", chapter=ci, index=ii,
             number=number, clause=item.clause, line=item.line, region=w.region)
        for slot in (_slots_for(f"{w.lead}\n{w.body}", w.slots) if known else []))
    return ResolvedItem(ci, ii, number, marker, opens, item, w.clause, w.lead, w.body,
                        tuple(w.slots), tuple(w.owners), values)


def _text(plan: Plan, cat: Catalogue, part: PlanText | None, name: Part, terms: LevelTerms,
          level: str | None) -> ResolvedText | None:
    if part is None:
        return None
    clause = cat.get(part.clause) if part.clause else None
    declared = list(clause.slots) if clause else []
    source = _source(clause, None)
    if part.text is not None:
        template: str | None = part.text
    elif clause is not None:
        template = terms.convert(clause.text, clause_level(source), level)
    else:
        template = None
    region = source.region if source else None
    values = tuple(_use(plan, s, {}, {}, part=name, clause=part.clause, line=part.line,
                        region=region)
                   for s in (_slots_for(template, declared) if template is not None else []))
    return ResolvedText(name, part, template, values)


def _slots_for(text: str, declared: list[Slot]) -> list[Slot]:
    """Declared slots the text uses, then undeclared names as text slots labelled by name."""
    used = [n for n in placeholder_names(text) if n not in GLOBAL_NAMES]
    by_name = {s.name: s for s in declared}
    return [by_name.get(n) or Slot(name=n, label=n, type="text") for n in used]


def _use(plan: Plan, slot: Slot, item_values: dict[str, Any],
         item_provenance: dict[str, str], *, part: Part, chapter: int | None = None,
         index: int | None = None, number: int | None = None, clause: str | None = None,
         line: int | None = None, region: str | None = None) -> SlotUse:
    name = slot.name
    source_region = None
    if name in item_values and not is_blank(item_values[name]):
        raw, origin = item_values[name], "item"
        provenance = stored_provenance(item_provenance.get(name))
    elif name in plan.values and not is_blank(plan.values[name]):
        raw, origin = plan.values[name], "plan"
        provenance = stored_provenance(plan.provenance.get(name))
        line = plan.value_lines.get(name, line)
    elif not is_blank(slot.default):
        raw, origin, provenance = slot.default, "default", "default"
        source_region = region
    else:
        return SlotUse(name, slot, None, "missing", "missing", part, chapter, index, number,
                       clause, line)
    value, error = validate_value(slot.type, raw, unit=slot.unit)
    return SlotUse(name, slot, raw if error else value, origin, provenance,  # type: ignore[arg-type]
                   part, chapter, index, number, clause, line, error, source_region)


def _globals(plan: Plan) -> Iterator[SlotUse]:
    meta_values = plan.meta_values()
    for name in GLOBAL_NAMES:
        slot = Slot(name=name, label=GLOBAL_LABELS[name], type=GLOBAL_TYPES[name])  # type: ignore[arg-type]
        if name in plan.values and not is_blank(plan.values[name]):
            raw, origin, line = plan.values[name], "plan", plan.value_lines.get(name)
        elif not is_blank(meta_values[name]):
            raw, origin, line = meta_values[name], "default", None
        else:
            yield SlotUse(name, slot, None, "missing", "missing", part="global")
            continue
        value, error = validate_value(slot.type, raw)
        yield SlotUse(name, slot, raw if error else value, origin, "typed",  # type: ignore[arg-type]
                      part="global", line=line, error=error)
