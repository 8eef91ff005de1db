"""A plan's identity: title, plan year, region and genre, read from its head and text.

Heuristics over cleaned text, kept apart from the chapter/item walk so each can be tested on
its own. Nothing here changes the text.
"""

from __future__ import annotations

import re
from collections import Counter

from drafter.mine import junk
from drafter.model.levels import LevelTerms, level_of_region
from drafter.model.years import planned_year

_TITLE_WORDS = re.compile(r"要点|计划|总结|方案|安排|打算|思路|意见|任务|规划|工作")
_SENTENCE_END = re.compile(r"[。；！？，]$|[。！？]")
_TITLE_MAX = 60
_YEAR_MENTIONS = 2
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年")
_CN_YEAR = re.compile(r"[〇○零一二][〇○零一二三四五六七八九]{3}(?=\s*年)")
_CN_DIGIT = str.maketrans("〇○零一二三四五六七八九", "000123456789")
_REGION_IN_TITLE = re.compile(
    r"^(?:关于)?(?P<region>(?:[xX×*＊]{2,}|某|[\u4e00-\u9fff]{2,8}?)(?:省|自治区|市|州|盟|县|区|旗))"
    r"(?=教育|教体|人民政府|委|[\d（(]|\d{4}|20xx|年度|[\u4e00-\u9fff]{0,6}(?:工作要点|计划|总结))"
)
_PLACEHOLDER_REGION = re.compile(r"^(?:[xX×*＊]{2,}|某)")
_REGION_IN_TEXT = re.compile(
    r"(?P<region>[xX]{2,4}|[\u4e00-\u9fff]{2})(?P<level>市|县|区|州)"
    r"(?![场民级委直属区域内外政府])"
)
# Characters that end a word before 市/县 rather than naming a place (全市, 我市, 城市, 县市...).
_NOT_PLACE = set("全我本各城县市区州省地该两每此这其他外内超都门上股夜集闹到至及和与对在于为把"
                 "由从向将的了是有个所新老大小")
_SUMMARY_HEADING = re.compile(
    r"总结|回顾|主要做法|做法及成效|做法和成效|主要成效|主要成绩|工作成效|取得的成绩|取得的成效"
    r"|完成情况|工作进展|工作开展情况|基本情况"
)
_PLAN_HEADING = re.compile(
    r"打算|下步|下一步|明年|今后|工作计划|工作要点|工作安排|工作思路和|努力方向|重点工作|工作设想"
    r"|\d{4}年(?:工作|重点)?(?:思路|安排|计划|要点|任务|重点)"
)
_HEADING_MAX = 25


# A line leading into the text ("现将2022年工作总结及2023年工作安排汇报如下："): never a title.
_LEAD_IN_LINE = re.compile(r"^现将|(?:如下|以下)[:：]?$")


def is_title_like(text: str) -> bool:
    """A short line naming a plan ("XX市教育局2024年工作要点"), not a sentence."""
    return (len(text) <= _TITLE_MAX and _SENTENCE_END.search(text) is None
            and _TITLE_WORDS.search(text) is not None and _LEAD_IN_LINE.search(text) is None)


# How a plan's first paragraph opens after its title ("一年来，……", "为深入贯彻……"): a title run
# into one of these ends before it.
NARRATIVE_OPENING = (r"一年来|今年以来|近年来|过去的?一年|为(?:了|进一步|深入|全面|认真|切实|贯彻)"
                     r"|根据|按照|在(?:县|市|区|省|州|旗)委")
_GLUED_TITLE = re.compile(
    r"^(?P<title>.{4,60}?(?:工作要点|工作计划|工作总结|工作安排|工作思路|工作打算|实施方案|工作规划"
    r"|要点|计划)(?:范文|范例|模板)?)"
    r"(?=(?:\d{4}|20xx|[xX]{4}|[一二〇○]{4})年|" + NARRATIVE_OPENING + ")"
)


_BLURB_TITLE = re.compile(
    r"(?:整理|收集|搜集|带来|分享|推荐|准备)(?:了|的)(?:多篇|几篇|相关的)?[《“]?(?P<title>[^，,。《》“”]{4,40}?)[》”]?"
    r"(?:相关|有关)?(?:参考)?(?:[，,。]|供大家|希望|欢迎|范文|范例)"
)
_COPY_MIN = 5
_COPY_WORDS = 3  # a copied run holds words, not only a year
_NOT_WORDS = re.compile(r"[\d年度xX*]")
_JOINERS = "和及与暨、"
_BREADCRUMB_END = re.compile(r"(?:>|›|»|＞)\s*(?P<title>[^>›»＞]{4,60})$")
# A title run into its first chapter's heading ("教育局工作计划指导思想").
_GLUED_CHAPTER_HEADING = re.compile(
    r"(?<=要点|计划|总结|意见|思路|安排)(?:指导思想|总体要求|总体思路|工作目标|主要目标)$")


_WRAPPED = re.compile(r"^(?:“(?P<q>[^“”]+)”|《(?P<b>[^《》]+)》|「(?P<c>[^「」]+)」)$")


def _unwrap(title: str) -> str:
    """A title a page quoted whole ("“2024年县教育局工作要点”") without its quotes."""
    m = _WRAPPED.match(title)
    return next(g for g in m.groups() if g) if m else title


def tidy_title(title: str) -> str:
    """A title line without copy-site affixes, and from its second copy when a site doubled it.

    "教育局工作总结结尾教育局工作总结与计划篇一" → "教育局工作总结与计划".
    """
    title = _GLUED_CHAPTER_HEADING.sub("", junk.strip_title_affixes(_unwrap(title)))
    for size in range(min(12, len(title) // 2), _COPY_MIN - 1, -1):
        for i in range(len(title) - 2 * size + 1):
            if i and title[i].isdigit() and title[i - 1].isdigit():
                continue  # never from the middle of a number
            if len(_NOT_WORDS.sub("", title[i:i + size])) < _COPY_WORDS:
                continue  # a year said twice ("2023年文教局2023年工作要点") is no copy
            j = title.find(title[i:i + size], i + size)
            # A phrase repeated after 和/及 ("2025年工作总结及2025年工作计划") is no copy.
            if j != -1 and title[j - 1] not in _JOINERS and not (
                    title[j].isdigit() and title[j - 1].isdigit()):
                return junk.strip_title_affixes(title[j:])
    return title


def title_from_dropped(dropped: list[str]) -> str | None:
    """A title when the page gives it only in lines dropped as site furniture.

    The site's blurb names it ("下面是小编为大家整理的2023年教育局工作要点，供大家参考"), or a
    compilation heading or a file name does ("教育局工作计划（汇总14篇）", "xx.doc"): the
    longest (a blurb may shorten it).
    """
    found: str | None = None
    for line in dropped:
        crumb = _BREADCRUMB_END.search(line)
        if crumb is not None:  # "首页 > 政务公开 > XX县教育局2024年工作要点": its last step
            line = crumb.group("title")
        m = _BLURB_TITLE.search(line)
        candidate = m.group("title") if m else line
        if not _TITLE_WORDS.search(candidate) or len(candidate) > _TITLE_MAX:
            continue
        if m is None and crumb is None and not re.search(r"篇|范文|范例|模板|\.docx?$", candidate):
            continue
        tidy = tidy_title(candidate.replace(" ", ""))
        if is_title_like(tidy) and not re.search(r"[:：>|]", tidy) and len(tidy) >= len(
                found or ""):
            found = tidy
    return found


def split_glued_title(text: str) -> tuple[str, str] | None:
    """A title run into the first paragraph when line breaks were lost ("…工作要点2024年全市…")."""
    m = _GLUED_TITLE.match(text)
    if m is None or len(text) <= len(m.group("title")) + 20:
        return None
    title, rest = m.group("title"), text[m.end():]
    return title, rest.removeprefix(title)  # a site may have doubled the title


def _arabic_years(text: str | None) -> str | None:
    """"二〇二四年" → "2024年"."""
    if not text or not _CN_YEAR.search(text):
        return text
    return _CN_YEAR.sub(lambda m: m.group(0).translate(_CN_DIGIT), text)


def plan_year(title: str | None, preamble: str | None, text: str) -> int | None:
    """The year the plan is for: from the title, else the preamble, else the commonest year.

    In "2023年工作总结和2024年工作计划" it is the year before the plan word, else the latest.
    Years in Chinese numerals ("二〇二四年") count too.
    """
    title, preamble = _arabic_years(title), _arabic_years(preamble)
    if title:
        planned = planned_year(title)
        years = [int(y) for y in _YEAR.findall(title)]
        if planned is not None:
            return planned
        if years:
            return max(years)
    if preamble:
        planned = planned_year(preamble)
        if planned is not None and re.search(r"计划|打算|要点|思路", preamble[:200]):
            return planned
        m = _YEAR.search(preamble)
        if m:
            return int(m.group(1))
    counts = Counter(int(y) for y in _YEAR.findall(_arabic_years(text) or ""))
    best = counts.most_common(1)
    # One passing mention ("到2013年底") does not date a plan.
    return best[0][0] if best and best[0][1] >= _YEAR_MENTIONS else None


def region(title: str | None, notice_name: str | None, text: str) -> str | None:
    """The plan's own region ("安顺市", "XX市"): from the title, else the text's commonest."""
    placeholder: str | None = None
    for source in (title, notice_name):
        if not source:
            continue
        m = _REGION_IN_TITLE.match(source)
        if m:
            name = m.group("region")
            if not _PLACEHOLDER_REGION.match(name):
                return name
            placeholder = placeholder or name
    counts: Counter[str] = Counter()
    for m in _REGION_IN_TEXT.finditer(text):
        name = m.group("region")
        if name[-1] in _NOT_PLACE or name[0] in _NOT_PLACE:
            continue
        counts[name + m.group("level")] += 1
    best = counts.most_common(1)
    if best and best[0][1] >= 2:
        return best[0][0]
    return placeholder


_LEVEL_IN_TITLE = re.compile(r"[（(]([省市县区])级[）)]")


def document_level(title: str | None, region: str | None, text: str,
                   terms: LevelTerms) -> str | None:
    """The level whose words the document uses for its own jurisdiction (全市 or 全县 …):
    stated in the title ("（市级）"), else the words the text itself uses, else the region's
    name. The words come before the name: a county plan may name its city more often than
    itself, and a 县级市 (义乌市) says 全市."""
    stated = _LEVEL_IN_TITLE.search(title or "")
    if stated is not None:
        return stated.group(1)
    return terms.own_level(text) or level_of_region(region)


def genre(title: str | None, headings: list[str]) -> str:
    """"总结+计划" when the text reviews a year and plans the next, "计划" or "要点" otherwise."""
    title = title or ""
    summary = "总结" in title or any(is_summary_heading(h) for h in headings)
    plan = (re.search(r"计划|打算|要点|思路", title) is not None
            or any(is_plan_heading(h) for h in headings))
    if (summary and plan) or (summary and "总结" in title):  # a bare 总结 is all summary
        return "总结+计划"
    if "要点" not in title and re.search(r"计划|方案|安排", title):
        return "计划"
    return "要点"


def is_summary_heading(heading: str) -> bool:
    """A heading over past work ("主要做法及成效"), not one that also looks ahead."""
    return (len(heading) <= _HEADING_MAX and _SUMMARY_HEADING.search(heading) is not None
            and _PLAN_HEADING.search(heading) is None)


def is_plan_heading(heading: str) -> bool:
    """A heading over next year's work ("下步工作打算")."""
    return len(heading) <= _HEADING_MAX and _PLAN_HEADING.search(heading) is not None
