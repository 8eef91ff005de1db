"""Punctuation: half-width marks in Chinese text, unpaired quotes and brackets, doubled marks,
and an item's lead phrase without its 。.

For text sources the miner's cleaner has already turned half-width marks into full-width ones,
so the half-width rule reads the raw lines when the caller provides them. Nothing is rewritten.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from drafter.check.finding import Context, Draft, Finding, excerpt, is_junk_line
from drafter.model.blocks import Location

_CJK = r"[\u3400-\u9fff\uf900-\ufaff“”‘’《》（）、。，：；！？]"
_HALF = re.compile(rf"(?<={_CJK})[,:;?!()\"]|[,:;?!()\"](?={_CJK})")
_FULL = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）",
         '"': "“”"}
_DOUBLED = re.compile(r"[，、；：。][，、；：。]|[！？][，、；：。]")
_PAIRS = {"“": "”", "（": "）", "《": "》", "【": "】", "‘": "’"}
_CLOSERS = {v: k for k, v in _PAIRS.items()}


_SUMMARISE_OVER = 5  # more places than this become one finding for the whole text


@dataclass(frozen=True)
class _Hits:
    """Half-width marks found in one line or segment."""

    text: str
    location: Location
    part: str | None
    matches: tuple[re.Match[str], ...]

    @property
    def marks(self) -> str:
        return "".join(dict.fromkeys(m.group(0) for m in self.matches))

    @property
    def excerpt(self) -> str:
        first = self.matches[0]
        return excerpt(self.text, first.start(), first.end())


def _fix(marks: str) -> str:
    return "改为全角标点：" + "、".join(f"{m}→{_FULL[m]}" for m in dict.fromkeys(marks))


def _one(hits: _Hits) -> Finding:
    return Finding("警告", "punct.halfwidth",
                   f"中文文字中有{len(hits.matches)}处半角标点“{' '.join(hits.marks)}”",
                   hits.excerpt, hits.location, hits.part, _fix(hits.marks))


def _summary(found: list[_Hits]) -> Finding:
    """One finding for a text that uses half-width marks throughout."""
    total = sum(len(h.matches) for h in found)
    marks = "".join(dict.fromkeys("".join(h.marks for h in found)))
    by_line = found[0].location.line is not None
    places = [(h.location.line if by_line else h.location.item) for h in found]
    shown = "、".join(str(p) for p in places[:8] if p is not None)
    unit = "行" if by_line else "条"
    more = "等" if len(places) > 8 else ""
    where = f"，如第{shown}{unit}{more}" if shown else ""
    return Finding("警告", "punct.halfwidth",
                   f"全文有{len(found)}处段落使用了半角标点（共{total}个“{' '.join(marks)}”）"
                   f"{where}",
                   found[0].excerpt, found[0].location, found[0].part,
                   _fix(marks) + "（可全文替换，注意保留小数和时间中的半角符号）")


def _hits(text: str, location: Location, part: str | None) -> _Hits | None:
    matches = tuple(_HALF.finditer(text))
    return _Hits(text, location, part, matches) if matches else None


def check_halfwidth(draft: Draft, ctx: Context) -> Iterator[Finding]:
    """Half-width , : ; ( ) ? ! next to Chinese; raw source lines when we have them."""
    del ctx
    found: list[_Hits] = []
    if draft.raw_lines is not None:
        for number, line in enumerate(draft.raw_lines, start=1):
            stripped = line.strip()
            if not stripped or is_junk_line(stripped, draft.dropped):
                continue
            hits = _hits(stripped, Location(file=draft.source, line=number), "原文")
            if hits:
                found.append(hits)
    else:
        for seg in draft.text_segments():
            hits = _hits(seg.text, seg.location, seg.part)
            if hits:
                found.append(hits)
    if len(found) > _SUMMARISE_OVER:
        yield _summary(found)
    else:
        yield from (_one(h) for h in found)


def _unpaired(text: str) -> int | None:
    """Index of the first unpaired quote or bracket, or None when all pair up."""
    stack: list[tuple[str, int]] = []
    for i, ch in enumerate(text):
        if ch in _PAIRS:
            if ch == "“" and stack and stack[-1][0] == "“":
                return stack[-1][1]  # “ … “ : the first one was never closed
            stack.append((ch, i))
        elif ch in _CLOSERS:
            if not stack or stack[-1][0] != _CLOSERS[ch]:
                return i
            stack.pop()
    return stack[0][1] if stack else None


def check_unpaired(draft: Draft, ctx: Context) -> Iterator[Finding]:
    del ctx
    for seg in draft.text_segments():
        index = _unpaired(seg.text)
        if index is not None:
            mark = seg.text[index]
            yield Finding("警告", "punct.unpaired", f"引号或括号“{mark}”不成对",
                          excerpt(seg.text, index, index + 1), seg.location, seg.part,
                          f"请补上与“{mark}”配对的标点，或删去多余的一个")


def check_doubled(draft: Draft, ctx: Context) -> Iterator[Finding]:
    del ctx
    for seg in draft.text_segments():
        for match in _DOUBLED.finditer(seg.text):
            yield Finding("警告", "punct.doubled", f"标点重复“{match.group(0)}”",
                          excerpt(seg.text, match.start(), match.end()), seg.location, seg.part,
                          "只保留一个标点")


def check_lead_stop(draft: Draft, ctx: Context) -> Iterator[Finding]:
    """A run-in lead phrase ends with 。 (items as rendered carry their lead with its mark)."""
    del ctx
    for seg in draft.text_segments():
        if seg.role != "item" or not seg.lead.strip():
            continue
        if not seg.lead.rstrip().endswith(("。", "！", "？", "：")):
            yield Finding("警告", "punct.lead-stop", "条目的标题句末尾缺少句号“。”",
                          seg.lead, seg.location, seg.part, f"改为“{seg.lead.rstrip()}。”")


_ITEM_END = ("。", "；", "！", "？", "…", "”", "）")


def check_item_end(draft: Draft, ctx: Context) -> Iterator[Finding]:
    """An item's text ends with 。 (or ；): a custom item typed without its full stop, or a
    mined item cut short, reads as unfinished in the issued document."""
    del ctx
    for seg in draft.text_segments():
        if seg.role != "item":
            continue
        body = seg.text[len(seg.lead):] if seg.lead and seg.text.startswith(seg.lead) \
            else seg.text
        text = body.rstrip() or seg.text.rstrip()
        if not text or text.endswith(_ITEM_END) or text.endswith(("”。", "）。")):
            continue
        if text.endswith(("，", "、", "：", ",", ";", ".")):
            fix = f"把末尾的“{text[-1]}”改为“。”"
        else:
            fix = "在条目末尾加上句号“。”"
        yield Finding("警告", "punct.item-end", "条目末尾缺少句号“。”（或分号“；”）",
                      text[-20:], seg.location, seg.part, fix)
