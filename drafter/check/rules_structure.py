"""Structure: numbering gaps and duplicates, empty chapters, required chapters missing, and the
same clause (or two near-duplicates) twice in one plan.

Reads the draft's outline (chapters with item markers) and its item texts. Numbering may run
straight through the plan or restart per chapter or per section; both are accepted.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from drafter.check.finding import Context, Draft, Finding, OutlineChapter, OutlineItem, Segment
from drafter.model.numbering import chinese_numeral, parse_chinese_numeral

_ARABIC = re.compile(r"[（(]?\s*(\d{1,3})\s*[）)]?\s*[.．、,，]?\s*$")
_CHINESE = re.compile(r"[（(]?\s*([一二三四五六七八九十]{1,3})\s*[）)]?\s*[、.．]?\s*$")
_NORMALISE = re.compile(r"[\s，。、；：！？“”‘’（）《》,.;:!?()\"'—\-]")
NEAR_DUPLICATE = 90  # rapidfuzz ratio at and above which two items count as near-duplicates
_MIN_LENGTH = 12  # shorter items are not compared (too little text to judge)


def marker_number(marker: str) -> tuple[str, int] | None:
    """("arabic", 3) for "3." / "（3）", ("chinese", 2) for "二、" / "（二）"; None otherwise."""
    text = marker.strip()
    bracketed = text.startswith(("（", "("))
    match = _ARABIC.fullmatch(text)
    if match:
        return ("arabic-b" if bracketed else "arabic", int(match.group(1)))
    match = _CHINESE.fullmatch(text)
    if match:
        value = parse_chinese_numeral(match.group(1))
        if value is not None:
            return ("chinese-b" if bracketed else "chinese", value)
    return None


def _chapter_label(chapter: OutlineChapter) -> str:
    return f"{chapter.marker}{chapter.heading}"[:30]


def check_chapter_numbering(draft: Draft, ctx: Context) -> Iterator[Finding]:
    del ctx
    previous = 0
    for chapter in draft.outline:
        parsed = marker_number(chapter.marker)
        if parsed is None:
            continue
        number = parsed[1]
        if number == previous:
            yield Finding("错误", "structure.numbering", f"章序号“{chapter.marker}”重复",
                          _chapter_label(chapter), chapter.location, "章标题",
                          f"应为“{chinese_numeral(previous + 1)}、”")
        elif number != previous + 1:
            yield Finding("错误", "structure.numbering",
                          f"章序号不连续：“{chapter.marker}”前缺少或多出章节"
                          f"（应为“{chinese_numeral(previous + 1)}、”）",
                          _chapter_label(chapter), chapter.location, "章标题",
                          "请按一、二、三……顺序编号")
        previous = number


def marker_like(kind: str, number: int) -> str:
    """The marker `number` written in the style of `kind`: 3. / （3） / 三、 / （三）."""
    return {"arabic": f"{number}.", "arabic-b": f"（{number}）",
            "chinese": f"{chinese_numeral(number)}、",
            "chinese-b": f"（{chinese_numeral(number)}）"}[kind]


def _item_finding(item: OutlineItem, message: str, fix: str) -> Finding:
    return Finding("错误", "structure.numbering", message, item.label or item.marker,
                   item.location, None, fix)


def check_item_numbering(draft: Draft, ctx: Context) -> Iterator[Finding]:
    """Items numbered 1, 2, 3 … straight through, or restarting per chapter or per section."""
    del ctx
    last_in_plan: dict[str, int] = {}
    for chapter in draft.outline:
        last: dict[str, int] = {}
        section: dict[str, str | None] = {}
        for item in chapter.items:
            parsed = marker_number(item.marker)
            if parsed is None:
                continue
            kind, number = parsed
            if kind not in last:
                allowed = {1, last_in_plan.get(kind, 0) + 1}
                if number not in allowed:
                    want = "或".join(f"“{marker_like(kind, n)}”" for n in sorted(allowed))
                    yield _item_finding(item, f"本章第一条的编号“{item.marker}”不连续",
                                        f"应为{want}")
            else:
                prev = last[kind]
                restart = number == 1 and item.section != section.get(kind)
                if number == prev:
                    yield _item_finding(item, f"条目编号“{item.marker}”重复",
                                        f"应为“{marker_like(kind, prev + 1)}”")
                elif number > prev + 1 and not restart:
                    want = marker_like(kind, prev + 1)
                    message = f"条目编号不连续：“{item.marker}”之前缺少“{want}”"
                    yield _item_finding(item, message, f"应为“{want}”，或补上缺少的条目")
                elif number < prev and not restart:
                    yield _item_finding(item, f"条目编号“{item.marker}”顺序错乱",
                                        f"应为“{marker_like(kind, prev + 1)}”")
            last[kind] = number
            section[kind] = item.section
        last_in_plan.update(last)


def check_empty_chapters(draft: Draft, ctx: Context) -> Iterator[Finding]:
    del ctx
    for chapter in draft.outline:
        if not chapter.items and not chapter.prose:  # a prose chapter (工作思路) is not empty
            yield Finding("警告", "structure.empty-chapter", "该章没有任何条目",
                          _chapter_label(chapter), chapter.location, "章标题",
                          "请添加条目，或删去这一章")


def check_required_chapters(draft: Draft, ctx: Context) -> Iterator[Finding]:
    """A required topic (党建, 保障) with neither a chapter nor a plan item of its own: the
    fix offered is either, so a plan whose 党建 is an item of another chapter has it."""
    keys = {c.key for c in draft.outline if c.key}
    if not keys or not draft.outline:
        return
    keys |= {i.category for c in draft.outline for i in c.items if i.category}
    for key in ctx.profile.required_chapters:
        if key not in keys:
            yield Finding("警告", "structure.required-chapter", f"缺少“{key}”方面的章节",
                          "", draft.title_location, "全文",
                          f"请增加一章“{key}”，或从目录中选取“{key}”类条目")


def _normalised(seg: Segment) -> str:
    return _NORMALISE.sub("", seg.text)


def check_duplicates(draft: Draft, ctx: Context) -> Iterator[Finding]:
    """The same clause id twice; the same text twice (an error); nearly the same text twice
    (a warning: compared only when warnings are wanted, rapidfuzz loaded only then)."""
    items = [s for s in draft.text_segments() if s.role == "item"]
    seen_ids: dict[str, Segment] = {}
    reported: set[int] = set()
    for index, seg in enumerate(items):
        clause = seg.location.clause
        if clause and clause in seen_ids:
            first = seen_ids[clause]
            reported.add(index)
            yield Finding("错误", "structure.duplicate",
                          f"条目“{clause}”在本计划中出现两次（第一次在{first.location.describe()}）",
                          seg.lead or seg.text[:30], seg.location, None, "删去其中一条")
        elif clause:
            seen_ids[clause] = seg
    texts = [_normalised(s) for s in items]
    first_seen: dict[str, int] = {}
    near = "警告" in ctx.wanted
    for j in range(len(items)):
        if len(texts[j]) < _MIN_LENGTH:
            continue
        same = first_seen.setdefault(texts[j], j)  # the first item with this very text
        if j in reported:
            continue
        i, score = (same, 100.0) if same != j else _near(texts, j) if near else (None, 0.0)
        if i is None:
            continue
        where = items[i].location.describe() or "前文"
        yield Finding("错误" if same != j else "警告", "structure.duplicate",
                      (f"与{where}的条目完全相同" if same != j
                       else f"与{where}的条目几乎相同（相似度{score:.0f}%）"),
                      items[j].lead or items[j].text[:30], items[j].location, None,
                      "删去重复的一条，或合并两条的内容")


def _near(texts: list[str], j: int) -> tuple[int | None, float]:
    """The first earlier item nearly the same as item j, and the similarity."""
    from rapidfuzz import fuzz  # only `drafter check` and the TUI ask for warnings

    for i in range(j):
        if len(texts[i]) >= _MIN_LENGTH:
            score = fuzz.ratio(texts[i], texts[j], score_cutoff=NEAR_DUPLICATE)
            if score:
                return i, score
    return None, 0.0
