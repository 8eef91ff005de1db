"""Leftovers: placeholders (xx, XX, x.xx, ***, ××, 某市), unfilled `{{ }}` slots and website junk.

A draft copied from a template or the web keeps these traces; each one is an error in a
document that goes out under a bureau's name. The rules report; they never delete text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from drafter.check.finding import Context, Draft, Finding, excerpt, is_junk_line
from drafter.model.blocks import Location
from drafter.model.chars import UNSAFE_CHAR, char_name, visible
from drafter.model.placeholders import scan, strip_tags

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_PLACEHOLDER = re.compile(
    r"(?<![A-Za-z])(?:[xX]\s*[-－~～至]\s*[xX]|[xX]\.[xX]+|[xX]{2,}|×{2,})(?![A-Za-z])"
    r"|\*{2,}|＊{2,}|[○□]{2,}|_{3,}|＿{2,}"
    r"|某某|某(?=[省市县区镇乡村校园局])"
)
# A lone "x" standing for a number or a name: "x个月", "第X届", "在x高校" — but not "1+X证书".
_SINGLE_X = re.compile(r"(?<![A-Za-z0-9+＋.])[xX](?![A-Za-z0-9+＋.]|光|射线)")


def _placeholders(text: str) -> Iterator[re.Match[str]]:
    taken: list[tuple[int, int]] = []
    for match in _PLACEHOLDER.finditer(text):
        taken.append(match.span())
        yield match
    for match in _SINGLE_X.finditer(text):
        if any(s <= match.start() < e for s, e in taken):
            continue
        left = text[match.start() - 1] if match.start() > 0 else ""
        right = text[match.end()] if match.end() < len(text) else ""
        if _CJK.match(left) or _CJK.match(right):
            yield match


def check_placeholders(draft: Draft, ctx: Context) -> Iterator[Finding]:
    """One finding per segment, listing every placeholder left in it."""
    del ctx
    for seg in draft.text_segments():
        text = strip_tags(seg.text)
        matches = list(_placeholders(text))
        if not matches:
            continue
        found = "、".join(dict.fromkeys(m.group(0) for m in matches))
        first = matches[0]
        yield Finding("错误", "text.placeholder",
                      f"残留占位符“{found}”（共{len(matches)}处）",
                      excerpt(text, first.start(), first.end()), seg.location, seg.part,
                      "请填入实际的名称或数字，或删去该句")


def check_slots(draft: Draft, ctx: Context) -> Iterator[Finding]:
    """`{{ 名称 }}` left in the text: a value that was never filled in."""
    del ctx
    for seg in draft.text_segments():
        for tag in scan(seg.text).tags if "{" in seg.text else ():
            yield Finding("错误", "text.slot", f"参数“{seg.text[tag.start:tag.end]}”未填写",
                          excerpt(seg.text, tag.start, tag.end), seg.location, seg.part,
                          "请在计划文件的 values 中填写该参数")


def check_junk(draft: Draft, ctx: Context) -> Iterator[Finding]:
    """Website junk: what the reader dropped (one finding per document, with how many and on
    which lines, not one per scrap), and any that is still in the text."""
    dropped = list(dict.fromkeys(t for t in draft.dropped if t.strip()))
    if dropped:
        lines = _junk_lines(draft.raw_lines or [], dropped)
        where = f"，在第{'、'.join(map(str, lines[:8]))}{'等' if len(lines) > 8 else ''}行" \
            if lines else ""
        shown = "；".join(t[:20] + ("…" if len(t) > 20 else "") for t in dropped[:3])
        yield Finding("警告", "text.junk",
                      f"原文中有{len(dropped)}处网页残留文字{where}（读取时已略去，原文件中仍在）",
                      shown + ("；…" if len(dropped) > 3 else ""),
                      Location(file=draft.source, line=lines[0] if lines else None), "原文",
                      "请从原文件中删除这些网页文字")
    for seg in draft.text_segments():
        for pattern in ctx.table.junk:
            match = pattern.search(seg.text)
            if match:
                yield Finding("错误", "text.junk", "正文中有网页残留文字",
                              excerpt(seg.text, match.start(), match.end()), seg.location,
                              seg.part, "请删除这段网页文字")
                break


def _junk_lines(raw_lines: list[str], dropped: list[str]) -> list[int]:
    """The 1-based raw lines that hold a dropped text."""
    return [n for n, line in enumerate(raw_lines, start=1)
            if line.strip() and is_junk_line(line.strip(), dropped)]


def check_control(draft: Draft, ctx: Context) -> Iterator[Finding]:
    """Control and bidi-override characters: invisible in Word, they can reverse or hide text
    (U+202E shows "xcod.exe" as "exe.docx"); shown visibly, never as they are."""
    del ctx
    places: list[tuple[str, Location, str | None]]
    if draft.raw_lines is not None:  # a document: the miner drops them, so look at the source
        places = [(line, Location(file=draft.source, line=number), "原文")
                  for number, line in enumerate(draft.raw_lines, start=1)]
    else:
        places = [(seg.text, seg.location, seg.part) for seg in draft.text_segments()]
    for text, location, part in places:
        found = list(UNSAFE_CHAR.finditer(text))
        if not found:
            continue
        names = "、".join(dict.fromkeys(char_name(m.group()) for m in found))
        first = found[0]
        yield Finding("错误", "text.control", f"含有不可见的控制字符或方向控制字符：{names}",
                      visible(excerpt(text, first.start(), first.end())), location,
                      part, "请删除这些字符（常见于从网页或其他软件粘贴的文字）")
