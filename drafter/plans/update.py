"""A leader's edited copy of a rendered document, compared with the plan, entry by entry.

drafter's .docx carries an identity per paragraph (`model.identity`); the reader returns the
edited copy's paragraphs with tracked changes accepted and the identity each still carries.
`compare` pairs them with the plan as rendered and lists, per entry: changed numbers (the new
text still fits the item's wording with other values), changed wording (a character diff),
deleted items, moved items and new paragraphs (which become the plan's own items in the
chapter they were typed in). `apply` returns the updated plan: numbers become item values,
wording becomes the item's own text (its values kept as placeholders where they still occur),
new paragraphs custom items. Pure: no files, no rendering (the caller passes the blocks).
"""

from __future__ import annotations

import copy
import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from drafter.model.blocks import Block
from drafter.model.catalogue import Catalogue
from drafter.model.identity import item_tag, parse_identity
from drafter.model.placeholders import escape_braces
from drafter.model.plan import Plan, PlanItem, PlanText
from drafter.model.resolve import item_wording
from drafter.model.template_fit import fit_template
from drafter.model.values import validate_value

_SPACE = re.compile(r"\s+")
_MARKER = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|"
                     r"\d{1,3}[.．、](?!\d))\s*")
_STOPS = ("。", "！", "？", "；", "：", "…", ".", "!", "?")

Paragraph = tuple[str, str | None]  # text, identity name
_PARTS = {"title": "标题", "preamble": "总体要求", "closing": "结束语"}
KIND_LABELS = {"numbers": "数字修改", "text": "文字修改", "deleted": "删除", "moved": "移动",
               "new": "新增段落", "heading": "章标题修改", "framing": "修改"}


@dataclass
class Change:
    kind: str  # "numbers" | "text" | "deleted" | "moved" | "new" | "heading" | "framing"
    where: str  # "第二章 第3条（dj-1a2b3c）"
    detail: str = ""  # a Chinese one-line description (diff, old → new numbers)
    chapter: int | None = None  # 1-based plan chapter (new paragraphs: where they go)
    item: int | None = None  # 1-based item in the plan as rendered
    values: dict[str, Any] = field(default_factory=dict)  # numbers: name -> new value
    text: str = ""  # text / new / heading / framing: the new text
    part: str | None = None  # framing: "title" | "preamble" | "closing" | "intro"


@dataclass
class Update:
    changes: list[Change]
    order: dict[int, list[tuple[str, Any]]]  # new chapter -> its entries in document order
    skipped: list[str] = field(default_factory=list)  # paragraphs that could not be placed

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for change in self.changes:
            out[change.kind] = out.get(change.kind, 0) + 1
        return out


def _norm(text: str) -> str:
    return _SPACE.sub("", text)


def char_diff(old: str, new: str) -> str:
    """A compact diff: unchanged runs shortened, deletions as [-…-], insertions as {+…+}."""
    out: list[str] = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for op, a0, a1, b0, b1 in matcher.get_opcodes():
        if op == "equal":
            same = old[a0:a1]
            out.append(same if len(same) <= 12 else f"{same[:5]}…{same[-5:]}")
        if op in ("delete", "replace"):
            out.append(f"[-{old[a0:a1]}-]")
        if op in ("insert", "replace"):
            out.append(f"{{+{new[b0:b1]}+}}")
    return "".join(out)


def _strip_marker(text: str, marker: str) -> str:
    text = text.strip()
    if marker and text.startswith(marker):
        return text[len(marker):].strip()
    return _MARKER.sub("", text, count=1)


def _where(ci: int, ii: int | None, clause: str | None) -> str:
    from drafter.model.blocks import Location

    return Location(chapter=ci, item=ii, clause=clause).describe() or "（文首）"


def compare(plan: Plan, cat: Catalogue, blocks: Sequence[Block],
            paragraphs: Sequence[Paragraph]) -> Update:
    """What the edited paragraphs change in `plan` (as rendered to `blocks`)."""
    items = {(b.location.chapter, item_position(b)): b for b in blocks if b.role == "item"}
    headings = {b.location.chapter: b for b in blocks if b.role == "chapter"}
    framing = {b.role: b for b in blocks if b.role in ("title", "preamble", "closing")
               and b.location.chapter is None}
    # A chapter's intro is a "preamble" block inside a chapter; its unchanged paragraph is
    # never new text, even where an editor lost its bookmark.
    intros = {b.location.chapter: b for b in blocks
              if b.role == "preamble" and b.location.chapter is not None}
    fixed = {_norm(b.plain) for b in blocks
             if b.role in ("caption", "section", "signature", "date")
             or (b.role == "preamble" and b.location.chapter is not None)}
    changes: list[Change] = []
    order: dict[int, list[tuple[str, Any]]] = {}
    skipped: list[str] = []
    seen: set[tuple[int, int]] = set()
    chapter: int | None = None
    for text, name in paragraphs:
        identity = parse_identity(name) if name else None
        if identity is not None and identity.kind == "item":
            key = (identity.chapter, identity.item)
            block = items.get(key)  # type: ignore[arg-type]
            plan_item = _plan_item(plan, key)
            if block is not None and plan_item is not None and key not in seen and \
                    identity.tag == item_tag(plan_item.clause):
                seen.add(key)  # type: ignore[arg-type]
                chapter = chapter or identity.chapter
                assert chapter is not None
                order.setdefault(chapter, []).append(("item", key))
                change = _item_change(plan, cat, key, block, plan_item, text)  # type: ignore[arg-type]
                if change is not None:
                    changes.append(change)
                continue
            identity = None  # a plan edited since this copy was made: treat as new text
        if identity is not None and identity.kind == "chapter" and identity.chapter is not None:
            chapter = identity.chapter
            block = headings.get(chapter)
            new = _strip_marker(text, block.marker if block else "")
            if block is not None and new and _norm(new) != _norm(block.text):
                changes.append(Change("heading", _where(chapter, None, None),
                                      char_diff(block.text, new), chapter=chapter, text=new))
            order.setdefault(chapter, [])  # type: ignore[arg-type]
            continue
        if identity is not None and identity.kind == "intro" and identity.chapter in intros:
            chapter = identity.chapter
            block = intros[chapter]
            if _norm(text) and _norm(text) != _norm(block.plain):
                changes.append(Change("framing", f"{_where(chapter, None, None)} 章首段",
                                      char_diff(block.plain, text.strip()), chapter=chapter,
                                      text=text.strip(), part="intro"))
            continue
        if identity is not None and identity.kind in framing:
            block = framing[identity.kind]
            if _norm(text) and _norm(text) != _norm(block.plain):
                label = _PARTS[identity.kind]
                changes.append(Change("framing", label, char_diff(block.plain, text.strip()),
                                      text=text.strip(), part=identity.kind))
            continue
        if not _norm(text) or _norm(text) in fixed:
            continue
        if chapter is None:
            skipped.append(text.strip())
            continue
        position = len(order.setdefault(chapter, []))
        order[chapter].append(("new", text.strip()))
        changes.append(Change("new", f"{_where(chapter, None, None)} 第{position + 1}段",
                              text.strip()[:60], chapter=chapter, text=text.strip()))
    for ci, block in headings.items():
        if ci not in order and not any(k[0] == ci and k in seen for k in items):
            changes.append(Change("deleted", _where(ci or 0, None, None), f"整章：{block.text}",
                                  chapter=ci))
    for key, block in items.items():
        if key not in seen:
            ci, ii = key
            clause = block.location.clause
            changes.append(Change("deleted", _where(ci or 0, block.location.item or ii, clause),
                                  block.plain[:60], chapter=ci, item=ii))
    changes += _moves(plan, order)
    return Update(changes, order, skipped)


def item_position(block: Block) -> int | None:
    """The block's 1-based position in its chapter (what identities name)."""
    at = block.location
    return at.index + 1 if at.index is not None else at.item


def _plan_item(plan: Plan, key: tuple[int | None, int | None]) -> PlanItem | None:
    ci, ii = key
    if ci is None or ii is None or not 1 <= ci <= len(plan.chapters):
        return None
    chapter = plan.chapters[ci - 1]
    return chapter.items[ii - 1] if 1 <= ii <= len(chapter.items) else None


def _full_template(lead: str, body: str) -> str:
    """An item's paragraph as one template: the lead gets its 。 as rendering adds it."""
    lead = lead.strip()
    if lead and not lead.endswith(_STOPS):
        lead += "。"
    return lead + body.strip()


def _item_change(plan: Plan, cat: Catalogue, key: tuple[int, int], block: Block,
                 item: PlanItem, text: str) -> Change | None:
    ci, ii = key
    where = _where(ci, block.location.item or ii, item.clause)
    new = _strip_marker(text, block.marker)
    old = (block.lead + block.text).strip()
    if _norm(new) == _norm(old):
        return None
    wording = item_wording(plan, item, cat)
    known = plan.global_values()
    before = after = None
    slots = {}
    if wording.clause is not None or item.clause is None:
        slots = {s.name: s for s in wording.slots}
        template = _full_template(wording.lead, wording.body)
        before = fit_template(template, old, known)
        after = fit_template(template, new, known)
    if before is not None and after is not None:
        changed: dict[str, Any] = {}
        for name, raw in after.items():
            if before.get(name) == raw:
                continue
            slot = slots.get(name)
            value, error = validate_value(slot.type if slot else "text", raw)
            if error is not None:
                break
            changed[name] = value if str(value) == raw else raw
        else:
            if not changed:
                return None
            detail = "；".join(f"{name}：{before.get(name)} → {after[name]}" for name in changed)
            return Change("numbers", where, detail, chapter=ci, item=ii, values=changed)
    return Change("text", where, char_diff(old, new), chapter=ci, item=ii, text=new,
                  values=dict(before or {}))


def _moves(plan: Plan, order: dict[int, list[tuple[str, Any]]]) -> list[Change]:
    """Items whose place among the surviving items changed (not on the longest run kept in
    the original order), with where they went."""
    original = {(ci, ii): n for n, (ci, ii) in enumerate(
        (ci, ii) for ci, chapter in enumerate(plan.chapters, start=1)
        for ii in range(1, len(chapter.items) + 1))}
    placed: list[tuple[tuple[int, int], int, int]] = []  # key, new chapter, new position
    for ci in sorted(order):
        position = 0
        for kind, entry in order[ci]:
            position += 1
            if kind == "item":
                placed.append((entry, ci, position))
    keep = _increasing([original[key] for key, _, _ in placed])
    out: list[Change] = []
    for n, (key, ci, position) in enumerate(placed):
        if n not in keep or key[0] != ci:
            clause = _plan_item(plan, key)
            out.append(Change("moved", _where(key[0], key[1], clause.clause if clause else None),
                              f"移到第{ci}章第{position}条的位置", chapter=ci, item=key[1]))
    return out


def _increasing(seq: list[int]) -> set[int]:
    """Indexes of one longest strictly increasing subsequence of `seq` (patience sorting)."""
    import bisect

    tails: list[int] = []
    tail_index: list[int] = []
    parent = [-1] * len(seq)
    for i, value in enumerate(seq):
        k = bisect.bisect_left(tails, value)
        if k == len(tails):
            tails.append(value)
            tail_index.append(i)
        else:
            tails[k] = value
            tail_index[k] = i
        parent[i] = tail_index[k - 1] if k else -1
    out: set[int] = set()
    i = tail_index[-1] if tail_index else -1
    while i >= 0:
        out.add(i)
        i = parent[i]
    return out


# --------------------------------------------------------------------------- apply


def _templated(text: str, literals: dict[str, Any], plan: Plan) -> str:
    """Edited text as template text: braces escaped, and every value that still occurs once
    as written (and the plan's year and region) back as its placeholder."""
    out = escape_braces(text)
    for name, raw in sorted(literals.items(), key=lambda kv: -len(str(kv[1]))):
        raw = str(raw)
        if raw and "{" not in raw and "}" not in raw and out.count(raw) == 1:
            out = out.replace(raw, "{{ " + name + " }}")
    year = plan.meta.year
    out = re.sub(rf"(?<![\d{{]){year}(?=\s*年)", "{{ 年份 }}", out)
    if plan.meta.region:
        out = out.replace(plan.meta.region, "{{ 地区 }}")
    return out


def split_lead(text: str, had_lead: bool) -> tuple[str | None, str]:
    """(lead, body) of an item paragraph: the lead runs to the first 。 when the item had one."""
    if had_lead:
        head, stop, rest = text.partition("。")
        if stop and 0 < len(head) <= 60:
            return head, rest
    return None, text


def apply(plan: Plan, cat: Catalogue, update: Update) -> Plan:
    """The plan with every change of `update` made; `plan` itself is not modified."""
    out = copy.deepcopy(plan)
    by_key = {(ci, ii): item for ci, chapter in enumerate(out.chapters, start=1)
              for ii, item in enumerate(chapter.items, start=1)}
    for change in update.changes:
        if change.kind == "numbers" and change.item is not None:
            item = by_key[(change.chapter, change.item)]  # type: ignore[index]
            item.values.update(change.values)
            for name in change.values:  # typed from the leader's copy: no longer last year's
                item.provenance.pop(name, None)
        elif change.kind == "text" and change.item is not None and change.chapter is not None:
            item = by_key[(change.chapter, change.item)]
            original = plan.chapters[change.chapter - 1].items[change.item - 1]  # type: ignore[index]
            had_lead = bool(item_wording(plan, original, cat).lead.strip())
            lead, body = split_lead(change.text, had_lead)
            item.lead = _templated(lead, change.values, out) if lead is not None else ""
            item.body = _templated(body, change.values, out)
        elif change.kind == "heading" and change.chapter is not None:
            out.chapters[change.chapter - 1].heading = _templated(change.text, {}, out)
        elif change.kind == "framing":
            _framing(out, change)
    chapters = []
    for ci, chapter in enumerate(out.chapters, start=1):
        if ci not in update.order:
            continue  # the whole chapter was deleted
        entries: list[PlanItem] = []
        for kind, entry in update.order[ci]:
            if kind == "item":
                entries.append(by_key[entry])
            else:
                lead, body = split_lead(entry, True)
                entries.append(PlanItem(lead=_templated(lead, {}, out) if lead else None,
                                        body=_templated(body, {}, out)))
        chapter.items = entries
        chapters.append(chapter)
    out.chapters = chapters
    return out


def _framing(plan: Plan, change: Change) -> None:
    text = _templated(change.text, {}, plan)
    if change.part == "title":
        plan.meta.title = text
    elif change.part == "preamble":
        clause = plan.preamble.clause if plan.preamble else None
        plan.preamble = PlanText(clause=clause, text=text)
    elif change.part == "closing":
        clause = plan.closing.clause if plan.closing else None
        plan.closing = PlanText(clause=clause, text=text)
    elif change.part == "intro" and change.chapter is not None:
        chapter = plan.chapters[change.chapter - 1]
        clause = chapter.intro.clause if chapter.intro else None
        chapter.intro = PlanText(clause=clause, text=text)
