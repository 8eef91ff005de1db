"""Years: ranges that start and end in the same year, deadlines already past, a title year that
is not the body's plan year, and year ranges written with a non-standard dash.

These are the traces of copying last year's plan and replacing years blindly. The rules only
report; they never change a year.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from drafter.check.finding import Context, Draft, Finding, Segment, excerpt, is_junk_line
from drafter.model.years import planned_year

_YEAR = r"(?:19|20)\d{2}"
_DASHES = r"\-－—–~～―‐−"  # for character classes
RANGE = re.compile(
    rf"(?<!\d)({_YEAR})\s*(?:年度?)?\s*([{_DASHES}]{{1,2}}|至|到)\s*({_YEAR})(?!\d)"
)
_DEADLINE = re.compile(
    rf"(?<![\d年截])(?:到|至)\s*({_YEAR})\s*年(?:底|末)?"
    rf"|(?<![\d{_DASHES}至到])({_YEAR})\s*年(?:底|末)(?:之)?前"
)
_TITLE_YEAR = re.compile(rf"(?<!\d)({_YEAR})\s*年")
# The year a title's plan is for: "2024年工作总结和2025年工作计划" → 2025.
_OPENING_YEAR = re.compile(
    rf"(?<![\d到至])({_YEAR})\s*年度?(?![\d底末{_DASHES}至到])[^。；\d]{{0,14}}?"
    r"(总体要求|总体思路|工作思路|指导思想|教育工作)"
)

DASH_NAMES: dict[str, str] = {
    "-": "半角连字符“-”", "－": "全角连字符“－”", "—": "一字线“—”", "–": "短横线“–”",
    "~": "波浪线“~”", "～": "全角波浪线“～”", "――": "两个横线", "——": "破折号“——”",
    "―": "横线“―”", "‐": "连字符“‐”", "−": "减号“−”",
}


def title_year(title: str | None) -> int | None:
    """The year a title's plan is for ("XX市教育局2024年工作要点" → 2024; in "2024年工作总结
    和2025年工作计划" the plan's year, 2025); else the first year it names."""
    planned = planned_year(title)
    if planned is not None:
        return planned
    match = _TITLE_YEAR.search(title or "")
    return int(match.group(1)) if match else None


_CHAPTER_LINE = re.compile(r"\s*[一二三四五六七八九十]{1,3}\s*[、.．]")
_TITLE_WORDS = re.compile(r"要点|计划|打算|安排|思路|总结")


def claimed_title(raw_lines: list[str], dropped: list[str]) -> tuple[str, int, int] | None:
    """(title, year, line) of the first title-like line above the first chapter: the year a
    document claims, e.g. a 2020 plan republished as "2022年度教育局工作要点"."""
    for number, line in enumerate(raw_lines, start=1):
        if _CHAPTER_LINE.match(line):
            return None
        text = line.strip()
        if not text or len(text) > 40 or "。" in text or "，" in text:
            continue
        if is_junk_line(text, dropped) or not _TITLE_WORDS.search(text):
            continue
        year = title_year(text)
        if year is not None:
            return text, year, number
    return None


def opening_year(preamble: str | None) -> int | None:
    """The year the body's opening sentence plans for ("2020年，全市教育工作总体要求是…" →
    2020); a sentence naming the 总体要求 wins over one looking back on last year."""
    text = preamble or ""
    matches = list(_OPENING_YEAR.finditer(text))
    for match in matches:
        sentence = text[match.start():].split("。", 1)[0]
        if any(word in sentence for word in ("总体要求", "总体思路", "工作思路", "指导思想")):
            return int(match.group(1))
    return int(matches[0].group(1)) if matches and matches[0].start() < 20 else None


def _dash_finding(seg: Segment, match: re.Match[str], message: str, severity: str,
                  fix: str) -> Finding:
    return Finding(severity, "years.dash", message,  # type: ignore[arg-type]
                   excerpt(seg.text, match.start(), match.end()), seg.location, seg.part, fix)


def check_ranges(draft: Draft, ctx: Context) -> Iterator[Finding]:
    """Same start and end, reversed ranges, and ranges of cited documents already over."""
    for seg in draft.text_segments():
        for match in RANGE.finditer(seg.text):
            start, end = int(match.group(1)), int(match.group(3))
            text = excerpt(seg.text, match.start(), match.end())
            if start == end:
                yield Finding("错误", "years.same-range",
                              f"年份区间“{match.group(0)}”起止年份相同，多半是整篇替换年份时留下的",
                              text, seg.location, seg.part,
                              "请核对原文件的实际起止年份（如“2024—2026年”）")
            elif start > end:
                yield Finding("错误", "years.reversed-range",
                              f"年份区间“{match.group(0)}”起始年份晚于结束年份",
                              text, seg.location, seg.part, "请核对起止年份")
            elif ctx.year is not None and end < ctx.year and _cited(seg.text, match):
                yield Finding("提示", "years.ended-range",
                              f"所引文件的期限（{start}—{end}年）在{ctx.year}年以前已经结束",
                              text, seg.location, seg.part,
                              "请确认该文件是否仍然有效，或改引接续的新文件")


_DATED_PLAN = re.compile(r"(?:计划|规划|方案|纲要|工程|行动)[”\"]?\s*[（(]$")


def _cited(text: str, match: re.Match[str]) -> bool:
    """Is the range part of a document's or a programme's name: 《…（2019—2021年）》, or
    “对标争先”建设计划（2018—2020年） cited as current work (issue 13)?"""
    before = text[: match.start()]
    return before.rfind("《") > before.rfind("》") or bool(_DATED_PLAN.search(before[-12:]))


def check_deadlines(draft: Draft, ctx: Context) -> Iterator[Finding]:
    """"到2023年底" in a 2025 plan: a deadline already past when the plan starts."""
    if ctx.year is None:
        return
    for seg in draft.text_segments():
        if seg.role in ("title", "summary"):
            continue
        for match in _DEADLINE.finditer(seg.text):
            year = int(match.group(1) or match.group(2))
            if year < ctx.year:
                yield Finding("警告", "years.deadline",
                              f"时限“{match.group(0)}”早于计划年份{ctx.year}年",
                              excerpt(seg.text, match.start(), match.end()), seg.location,
                              seg.part, f"请改为{ctx.year}年或以后的时限，或删去过期任务")


def check_title_year(draft: Draft, ctx: Context) -> Iterator[Finding]:
    """The title's year against the body's plan year (or the year being checked)."""
    year_in_title = title_year(draft.title)
    if year_in_title is None or not draft.title:
        return
    body = draft.body_year if draft.body_year is not None else ctx.year
    if body is None or body == year_in_title:
        return
    what = "正文的计划年份" if draft.body_year is not None else "计划年份"
    yield Finding("错误", "years.title",
                  f"标题年份（{year_in_title}年）与{what}（{body}年）不一致",
                  draft.title, draft.title_location, "标题",
                  "请统一标题和正文的年份；若是沿用旧稿，请逐条核对年份和提法")


def check_dashes(draft: Draft, ctx: Context) -> Iterator[Finding]:
    """Year ranges must use the bureau's dash ("—" or "-"), and one of them consistently."""
    standard = ctx.profile.dash or draft.dash
    found: list[tuple[Segment, re.Match[str], str]] = []
    for seg in draft.text_segments():
        for match in RANGE.finditer(seg.text):
            dash = match.group(2)
            if dash not in ("至", "到"):
                found.append((seg, match, dash))
    if standard is None:
        counts = Counter(d for _, _, d in found if d in ("—", "-"))
        if len(counts) == 2:
            standard = "—" if counts["—"] >= counts["-"] else "-"
    for seg, match, dash in found:
        if dash == standard:
            continue
        name = DASH_NAMES.get(dash, f"“{dash}”")
        if dash not in ("—", "-"):
            want = DASH_NAMES[standard] if standard else "一字线“—”或半角连字符“-”"
            yield _dash_finding(seg, match, f"年份区间用了{name}", "警告",
                                f"年份区间应使用{want}，如“2024{standard or '—'}2026年”")
        elif standard is not None:
            why = "本单位规定" if (ctx.profile.dash or draft.dash) else "全文多数"
            yield _dash_finding(seg, match, f"年份区间用了{name}，与{why}的写法不一致", "提示",
                                f"统一使用{DASH_NAMES[standard]}，如“2024{standard}2026年”")
