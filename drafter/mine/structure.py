"""Find a plan's structure in its cleaned paragraphs: head, chapters, sections, items, closing.

The head (before the first chapter) gives the title and the 总体要求 preamble; walk.py walks
the body into chapters of item nodes; this module turns nodes into clauses (lead, body,
owners), finds the closing pledge, and fills in year, region and genre.
The result is a MinedDocument with empty categories and templates: pipeline.py classifies
and templatizes. This module reads no files and knows no taxonomy.
"""

from __future__ import annotations

import re
from collections import Counter

from drafter.mine import junk, meta
from drafter.mine.clause_text import extract_owners, first_sentence, split_lead, strip_final
from drafter.mine.enumerations import split_points
from drafter.mine.markers import parse_marker
from drafter.mine.notice import unwrap
from drafter.mine.para import Para
from drafter.mine.walk import (
    NOT_A_TASK,
    RUN_IN,
    Walker,
    bare_lead,
    is_bare_heading,
    take_part_intro,
    take_prose,
)
from drafter.mine.walk_nodes import Chapter, Levels, Node
from drafter.model.document import MinedChapter, MinedDocument, MinedItem

_PLEDGE = re.compile(
    r"让我们|我们将|将以|以更加|奋力|谱写|新篇章|新局面|新的更大|砥砺前行|不懈奋斗|努力开创|新征程|新辉煌"
    r"|新贡献|努力奋斗|踔厉奋发|勇毅前行|再创佳绩|作出.{0,8}贡献|人民满意的教育而"
)
_PLEDGE_MAX = 400
_PREAMBLE_HEADING = re.compile(
    r"^(?:总体要求|指导思想|总体思路|总的要求|指导思想和(?:总体|工作)?(?:要求|目标))$"
)
_ORG_LINE = re.compile(r"^[^，。；：、]{2,20}(?:局|委|委员会|政府|厅|办公室|中心)$")
_TEXT_END = re.compile(r"[。！？；：…][”’」』）)]*$")
_TRAILING_NOTE = re.compile(r"[（(][^（）()]*[）)]$")  # "……。（责任科室：基教科）"
_DATE_LINE = re.compile(r"\d{1,2}\s*日(?:印发|发布|发)?$|[年月]$")
_LEAD_MIN = 2
# A head paragraph ending in a title after its last sentence ("…督导工作。XX室2024年工作计划").
_TITLE_TAIL = re.compile(r"(?<=[。！？!?])(?P<title>[^。！？!?，,；;：:]{6,60})$")
_LEAD_IN = re.compile(r"(?:如下|以下|下列|几项|几个方面)[^。]{0,8}[：:]$")
_STRAY_MAX = 25  # a short line with no sentence in it, after the last item: signature etc.
_PLEDGE_SENTENCE = re.compile(
    r"(?<=[。！；])(?:全[市县区旗州盟]|各地|各级|各单位|各学校|全系统|让我们|新的一年)[^。！]{10,200}[。！]$"
)


def parse(paras: list[Para], source: str, dropped: list[str]) -> MinedDocument:
    """The structure of one cleaned document."""
    cut_lines = {p.line for p in paras if p.cut}
    unwrapped = unwrap(paras)
    paras = unwrapped.paras
    truncated = bool(paras) and (_cut_off(paras[-1].text) or junk.is_preview(dropped))
    levels = _levels(paras)
    start = _body_start(paras, levels)
    title, preamble, preamble_line = _head(paras[:start])
    if title is None and unwrapped.notice_name:
        title = unwrapped.notice_name
    if title is None:
        title = meta.title_from_dropped(dropped)
    headings = [m.rest for p in paras[start:] if (m := parse_marker(p.text))
                and m.kind in ("part", "chapter", levels.top)]
    genre = meta.genre(title, headings)
    walker = Walker(levels, summary_first=genre == "总结+计划", cut_off=truncated)
    body = paras[start:]
    for i, p in enumerate(body):
        walker.feed(p, body[i + 1] if i + 1 < len(body) else None)
    chapters = walker.finish()
    if walker.glued_title is not None:  # the document's own title, not a site's headline
        title = walker.glued_title
    if preamble is None:
        preamble, preamble_line = _preamble_chapter(chapters)
    for chapter in chapters:
        take_prose(chapter)
        take_part_intro(chapter)
    closing, closing_line = _take_closing(chapters)
    full_text = "\n".join(p.text for p in paras)
    doc = MinedDocument(
        source=source, title=title,
        year=meta.plan_year(title, preamble, full_text),
        region=meta.region(title, unwrapped.notice_name, full_text),
        genre=genre, preamble=preamble, closing=closing, dropped=list(dropped),
        chapters=[_mined_chapter(c, cut_lines) for c in chapters],
        preamble_line=preamble_line, closing_line=closing_line,
        organ=unwrapped.organ, date=unwrapped.date,
    )
    doc.chapters = [c for c in doc.chapters if c.items or c.heading]
    items = doc.items()
    if truncated and items:
        items[-1].incomplete = True  # the page ends inside its last item
        if _cut_in_lead(items):
            _drop_last_item(doc)  # cut inside its lead: a sentence fragment, nothing to reuse
    return doc


_TASK_LEAD = re.compile(r"^[^，,；;：:。！？]{6,25}。|^[^，,；;：:。！？]{2,12}[：:](?=\S)")
_RUN_START = ("一是", "第一")  # an ordinal run: 一是…二是…, 第一，第二，…
_OPEN_PAIR = re.compile(r"《[^》]*$|“[^”]*$|（[^）]*$")
_COLON_LABEL = re.compile(r"^([^，,；;：:。！？]{2,12})[：:]\s*(?=\S)")
_POINT_MARKER = re.compile(r"^(?:[一二三四五六七八九十]{1,3}是|第[一二三四五六七八九十]{1,3})$")
_STYLE = re.compile(r"\d+|[一二三四五六七八九十]+")  # a marker's number: its style is the rest
_DOCUMENT_NAME = re.compile(r"(?:要点|计划|总结|方案|安排|打算|思路|意见|规划)$")


def _task_led(text: str) -> bool:
    """A paragraph opening with a short task phrase and going on: an unnumbered item."""
    m = _TASK_LEAD.match(text)
    return (m is not None and len(text) > m.end() and not NOT_A_TASK.match(text)
            and not _DOCUMENT_NAME.search(text[: m.end() - 1]))


def _cut_in_lead(items: list[MinedItem]) -> bool:
    """The page ended inside the last item's lead: no body, and a lead that cannot be whole.

    A lead too short to say anything, one with a comma in it (a sentence, not a heading), or
    one whose numbered siblings all run their body on after a full stop (so this one would
    have too, had the page not ended).
    """
    last = items[-1]
    if not last.lead:  # an unnumbered paragraph that never reached a sentence end
        return _TEXT_END.search(last.body) is None
    if last.body:
        return False
    if _POINT_MARKER.match(last.marker):
        return True  # a 一是 point runs on after its lead: with no body, the lead was cut
    if len(last.lead) < _LEAD_MIN or "，" in last.lead or _OPEN_PAIR.search(last.lead):
        return True  # too short, a sentence, or a bracket the page end left open
    siblings = [i for i in items[:-1]
                if _STYLE.sub("", i.marker) == _STYLE.sub("", last.marker) and i.kind == last.kind]
    return len(siblings) >= 1 and all(i.body for i in siblings)


def _drop_last_item(doc: MinedDocument) -> None:
    for chapter in reversed(doc.chapters):
        if chapter.items:
            item = chapter.items.pop()
            doc.dropped.append(f"{item.marker}{item.lead}")
            return


def _cut_off(last: str) -> bool:
    """The text stops mid-sentence: a page or preview that ends before the document does."""
    last = _TRAILING_NOTE.sub("", last) or last
    return (_TEXT_END.search(last) is None and _ORG_LINE.match(last) is None
            and _DATE_LINE.search(last) is None)


# ---------------------------------------------------------------- levels and head


def _levels(paras: list[Para]) -> Levels:
    kinds = Counter(m.kind for p in paras if (m := parse_marker(p.text)) is not None)
    item = "item" if kinds["item"] else "sub" if kinds["sub"] else None
    if kinds["chapter"]:
        return Levels("chapter", "section" if kinds["section"] else None, item)
    if kinds["part"]:
        return Levels("part", "section" if kinds["section"] else None, item)
    if kinds["section"] and item:
        return Levels("section", None, item)
    return Levels(None, "section" if kinds["section"] else None, item)


def _body_start(paras: list[Para], levels: Levels) -> int:
    wanted = {levels.top} if levels.top else {levels.section, levels.item} - {None}
    if not wanted:  # nothing numbered: the body starts at a 一是… run, or after a lead-in
        run_at = next((i for i in range(len(paras)) if paras[i].text.startswith(_RUN_START) and (
            run := split_points("\n".join(p.text for p in paras[i:]))) is not None
            and not run[0]), None)
        if run_at is not None:
            return run_at
        # "……重点做好如下工作：" then plain paragraphs: each is an item led by its first sentence
        lead_in = next((i for i, p in enumerate(paras) if _LEAD_IN.search(p.text)), None)
        if lead_in is not None and lead_in + 2 < len(paras):
            return lead_in + 1
        # No lead-in: the items start at the first paragraph led by a short task phrase
        # ("加快教育布局专项规划调整和工程项目建设。结合……"), never at the title.
        led = next((i for i, p in enumerate(paras) if _task_led(p.text)), len(paras))
        # Or at a lead alone on its line over a paragraph of text ("加强党的建设" / "坚持……。").
        bare = next((i for i in range(1, len(paras) - 1) if bare_lead(paras[i].text)
                     and not meta.is_title_like(paras[i].text) and _is_prose(paras[i + 1].text)),
                    len(paras))
        return min(led, bare)
    first_top = next((i for i, p in enumerate(paras)
                      if (m := parse_marker(p.text)) is not None and m.kind in wanted), len(paras))
    items_first = _item_run_at(paras[:first_top], levels.item)
    if items_first is not None and levels.top is not None:
        return items_first  # "1、…2、…3、…" before the first chapter: items of no chapter
    for i, p in enumerate(paras):
        m = parse_marker(p.text)
        if m is not None and m.kind in wanted:
            while i > 0 and (part := parse_marker(paras[i - 1].text)) and part.kind == "part":
                i -= 1  # "第一部分 2023年工作总结" right above the first chapter opens the body
            # With no "一、" chapters, a bare heading line right before the first item opens
            # the first chapter (the first line of all is the title, not a heading).
            if levels.top is None and i > 1 and is_bare_heading(paras[i - 1].text):
                return i - 1
            return i
    return len(paras)


_ITEM_RUN_MIN = 3


def _item_run_at(paras: list[Para], kind: str | None) -> int | None:
    """Where a run of items numbered 1, 2, 3 … opens (one number may be missing), if any.

    A compilation's first article may be a bare list before the next article's chapters.
    """
    if kind is None:
        return None
    numbers = [(i, m.number) for i, p in enumerate(paras)  # items with text (no contents)
               if (m := parse_marker(p.text)) is not None and m.kind == kind
               and RUN_IN.search(m.rest) is not None]
    for k, (i, number) in enumerate(numbers):
        if number != 1:
            continue
        run = 1
        for (_, prev), (_, this) in zip(numbers[k:], numbers[k + 1:], strict=False):
            if not 0 < this - prev <= 2:
                break
            run += 1
        if run >= _ITEM_RUN_MIN:
            return i
    return None


def _head(head: list[Para]) -> tuple[str | None, str | None, int | None]:
    """(title, preamble, preamble line) from the paragraphs before the first chapter."""
    texts = [p.text for p in head]
    lines = [p.line for p in head]
    if texts and not meta.is_title_like(texts[0]):
        glued = meta.split_glued_title(texts[0])
        if glued is not None:
            texts[0:1] = list(glued)
            lines[0:1] = [lines[0], lines[0]]
    tails: list[int] = []  # a title glued after a site's blurb sentence ("…工作。XX工作计划")
    for k in range(len(texts) - 1, -1, -1):
        tail = _TITLE_TAIL.search(texts[k])
        if tail is not None and meta.is_title_like(tail.group("title")):
            texts[k:k + 1] = [texts[k][: tail.start("title")], tail.group("title")]
            lines[k:k + 1] = [lines[k], lines[k]]
            tails = [t + 1 for t in tails] + [k + 1]
    first_prose = next((i for i, t in enumerate(texts) if _is_prose(t)), len(texts))
    if 0 < first_prose < len(texts):  # after a compilation's or site's lines, the title run
        glued = meta.split_glued_title(texts[first_prose])  # into the text it heads
        if glued is not None:
            texts[first_prose:first_prose + 1] = list(glued)
            lines[first_prose:first_prose + 1] = [lines[first_prose]] * 2
            first_prose += 1
    title_at = max((i for i in range(first_prose) if meta.is_title_like(texts[i])), default=None)
    if title_at is None:  # the title after a site's blurb sentences ("……。XX工作计划")
        title_at = min(tails, default=next(
            (i for i in range(first_prose, len(texts)) if meta.is_title_like(texts[i])), None))
    title = meta.tidy_title(strip_final(texts[title_at])) if title_at is not None else None
    if title_at and title and _ORG_LINE.match(texts[title_at - 1]) and not title.startswith(
            texts[title_at - 1]):
        title = texts[title_at - 1] + title  # "XX市教育局" above "2024年工作要点"
    after = first_prose if title_at is None else title_at + 1
    rest = [(t, n) for t, n in zip(texts[after:], lines[after:], strict=True) if _is_prose(t)]
    if not rest:
        return title, None, None
    return title, "\n".join(t for t, _ in rest), rest[0][1]


def _is_prose(text: str) -> bool:
    """A paragraph of running text (not a title, not a stray short line)."""
    return not meta.is_title_like(text) and (len(text) > 40 or RUN_IN.search(text) is not None)


def _preamble_chapter(chapters: list[Chapter]) -> tuple[str | None, int | None]:
    """A first chapter "一、总体要求/指导思想" of plain paragraphs holds the preamble.

    The chapter stays (it is one of the plan's chapters) but its text is the preamble, not
    a clause.
    """
    if not chapters or not _PREAMBLE_HEADING.match(chapters[0].heading):
        return None, None
    chapter = chapters[0]
    nodes = chapter.nodes
    if not nodes or any(n.marker for n in nodes):
        return None, None
    chapter.nodes = []
    texts = [t for n in nodes for t in (n.texts[1:] if n is chapter.own else n.texts)]
    return "\n".join(texts), nodes[0].line


def _take_closing(chapters: list[Chapter]) -> tuple[str | None, int | None]:
    """The pledge paragraph that ends a plan, if the last item swallowed it."""
    if not chapters or not chapters[-1].nodes:
        return None, None
    node = chapters[-1].nodes[-1]
    while len(node.texts) > 1 and len(node.texts[-1]) <= _STRAY_MAX and not RUN_IN.search(
            node.texts[-1]):
        node.pop_text()
    last = node.texts[-1]
    if len(last) <= _PLEDGE_MAX and _PLEDGE.search(last):
        if not node.numbered:
            chapters[-1].nodes.pop()
            return last, node.line
        if len(node.texts) >= (3 if node.standalone else 2):
            return node.pop_text()
    # Line breaks lost: the pledge is the last sentence of the last item's paragraph.
    m = _PLEDGE_SENTENCE.search(last)
    if m is not None and m.start() > 0 and _PLEDGE.search(m.group(0)):
        node.texts[-1] = last[: m.start()]
        return m.group(0), node.last_line()
    return None, None


# ---------------------------------------------------------------- output


def _mined_chapter(chapter: Chapter, cut_lines: set[int]) -> MinedChapter:
    # With nothing numbered in the chapter, each paragraph is an item led by its first sentence.
    plain = not any(n.marker for n in chapter.nodes)
    items = [_mined_item(n, cut_lines, sentence_leads=plain) for n in chapter.nodes
             if not n.container]
    # In a chapter nothing numbers, a paragraph with no lead that opens like narrative
    # ("全县有幼儿园17所……", "一年来，……") reports, it asks nothing: the chapter's text, not
    # a clause. (After numbered items it stays an unnumbered item, as _split_trailing made it.)
    narrative = {id(i) for i in items
                 if plain and not i.lead and NOT_A_TASK.match(i.body)}
    intro = [*chapter.intro, *(i.body for i in items if id(i) in narrative)]
    intro_line = chapter.intro_line if chapter.intro else next(
        (i.line for i in items if id(i) in narrative), None)
    return MinedChapter(chapter.marker, chapter.heading, "",
                        [i for i in items if (i.lead or i.body) and id(i) not in narrative],
                        chapter.line or None,
                        intro="\n".join(intro) or None,
                        intro_line=intro_line,
                        lead_in="\n".join(chapter.lead_in) or None)


def _mined_item(node: Node, cut_lines: set[int], *, sentence_leads: bool = False) -> MinedItem:
    owners: list[str] = []
    texts: list[str] = []
    for text in node.texts:
        cleaned, found = extract_owners(text)
        owners.extend(o for o in found if o not in owners)
        texts.append(cleaned)
    if node.standalone:
        lead, body = strip_final(texts[0]), "\n".join(t for t in texts[1:] if t)
    elif sentence_leads and not node.numbered and (label := _COLON_LABEL.match(texts[0])):
        lead, first = label.group(1), texts[0][label.end():]  # "学前教育：扩大普惠资源……"
        body = "\n".join(t for t in (first, *texts[1:]) if t)
    elif sentence_leads and not node.numbered:
        lead, first = first_sentence(texts[0])
        body = "\n".join(t for t in (first, *texts[1:]) if t)
    else:
        lead, first = split_lead(texts[0], numbered=node.numbered)
        body = "\n".join(t for t in (first, *texts[1:]) if t)
    incomplete = not cut_lines.isdisjoint([node.line, *node.more_lines])
    return MinedItem(marker=node.marker, lead=lead, body=body, category="",
                     section=node.section, kind=node.kind, owners=owners, line=node.line,
                     incomplete=incomplete)
