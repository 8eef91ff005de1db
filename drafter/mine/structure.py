"""Find a plan's structure in its cleaned paragraphs: head, chapters, sections, items, closing.

The head (before the first chapter) gives the title and the 总体要求 preamble. The body is a
walk over paragraphs: "一、" opens a chapter, "（一）" a section, "1." an item; a paragraph
with no marker continues the item before it, or is an item of its own when its chapter has
no numbered items. Where a section holds numbered items, the items are the clauses and carry
the section heading; where sections are the smallest unit, each section is a clause. In a
总结+计划 document, clauses before the plan part are marked kind "summary".
The result is a MinedDocument with empty categories and templates: pipeline.py classifies
and templatizes. This module reads no files and knows no taxonomy.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from drafter.mine import meta
from drafter.mine.clause_text import extract_owners, split_lead, strip_final
from drafter.mine.clean import Para
from drafter.mine.markers import Marker, parse_marker
from drafter.mine.notice import unwrap
from drafter.model.document import MinedChapter, MinedDocument, MinedItem

_HEADING_MAX = 60
_RUN_IN = re.compile(r"[。！？]")
_INTRO = re.compile(r"以下|如下|几个方面|重点做好|主要任务是|[：:]$")
_INTRO_MAX = 80
_PLAN_TRIGGER = re.compile(
    r"^(?:接下来|下一步|下步|今后|明年|新的一年|\d{4}年[，,]?我们将)|我们将|将着力|将重点"
)
_PROBLEMS = re.compile(r"问题|不足|差距|困难")
_PLEDGE = re.compile(
    r"让我们|我们将|将以|以更加|奋力|谱写|新篇章|新局面|新的更大|砥砺前行|不懈奋斗|努力开创|新征程|新辉煌"
    r"|新贡献|努力奋斗|踔厉奋发|勇毅前行|再创佳绩|作出.{0,8}贡献|人民满意的教育而"
)
_PLEDGE_MAX = 400
_PREAMBLE_HEADING = re.compile(
    r"^(?:总体要求|指导思想|总体思路|总的要求|指导思想和(?:总体|工作)?(?:要求|目标))$"
)
_ORG_LINE = re.compile(r"^[^，。；：、]{2,20}(?:局|委|委员会|政府|厅|办公室|中心)$")
_STRAY_MAX = 25  # a short line with no sentence in it, after the last item: signature etc.
_BARE_HEADING_MAX = 30
_BARE_HEADING_STOP = re.compile(r"[。；！？：:;!?]|[，,].*[，,]")
_PLEDGE_SENTENCE = re.compile(
    r"(?<=[。！；])(?:全[市县区旗州盟]|各地|各级|各单位|各学校|全系统|让我们|新的一年)[^。！]{10,200}[。！]$"
)


@dataclass
class _Node:
    """An item under construction: its marker paragraph and the paragraphs that continue it."""

    marker: str
    line: int
    texts: list[str]
    kind: str
    standalone: bool = False  # a heading on its own line: texts[0] is the lead
    numbered: bool = True
    section: str | None = None
    container: bool = False  # a chapter/section that turned out to hold numbered items


@dataclass
class _Chapter:
    marker: str
    heading: str
    line: int
    nodes: list[_Node] = field(default_factory=list)
    own: _Node | None = None  # the chapter's run-in text, an item unless children follow


@dataclass
class _Levels:
    top: str | None  # marker kind of chapters; None: one unnamed chapter
    section: str | None
    item: str | None


def parse(paras: list[Para], source: str, dropped: list[str]) -> MinedDocument:
    """The structure of one cleaned document."""
    unwrapped = unwrap(paras)
    paras = unwrapped.paras
    levels = _levels(paras)
    start = _body_start(paras, levels)
    title, preamble, preamble_line = _head(paras[:start])
    if title is None and unwrapped.notice_name:
        title = unwrapped.notice_name
    headings = [m.rest for p in paras[start:] if (m := parse_marker(p.text))
                and m.kind in ("part", "chapter", levels.top)]
    genre = meta.genre(title, headings)
    walker = _Walker(levels, summary_first=genre == "总结+计划")
    body = paras[start:]
    for i, p in enumerate(body):
        walker.feed(p, body[i + 1] if i + 1 < len(body) else None)
    chapters = walker.finish()
    if preamble is None:
        preamble, preamble_line = _preamble_chapter(chapters)
    closing, closing_line = _take_closing(chapters)
    full_text = "\n".join(p.text for p in paras)
    doc = MinedDocument(
        source=source, title=title,
        year=meta.plan_year(title, preamble, full_text),
        region=meta.region(title, unwrapped.notice_name, full_text),
        genre=genre, preamble=preamble, closing=closing, dropped=list(dropped),
        chapters=[_mined_chapter(c) for c in chapters],
        preamble_line=preamble_line, closing_line=closing_line,
    )
    doc.chapters = [c for c in doc.chapters if c.items or c.heading]
    return doc


# ---------------------------------------------------------------- levels and head


def _levels(paras: list[Para]) -> _Levels:
    kinds = Counter(m.kind for p in paras if (m := parse_marker(p.text)) is not None)
    item = "item" if kinds["item"] else "sub" if kinds["sub"] else None
    if kinds["chapter"]:
        return _Levels("chapter", "section" if kinds["section"] else None, item)
    if kinds["part"]:
        return _Levels("part", "section" if kinds["section"] else None, item)
    if kinds["section"] and item:
        return _Levels("section", None, item)
    return _Levels(None, "section" if kinds["section"] else None, item)


def _body_start(paras: list[Para], levels: _Levels) -> int:
    wanted = {levels.top} if levels.top else {levels.section, levels.item} - {None}
    for i, p in enumerate(paras):
        m = parse_marker(p.text)
        if m is not None and m.kind in wanted:
            # With no "一、" chapters, a bare heading line right before the first item opens
            # the first chapter (the first line of all is the title, not a heading).
            if levels.top is None and i > 1 and _is_bare_heading(paras[i - 1].text):
                return i - 1
            return i
    return len(paras)


def _is_bare_heading(text: str) -> bool:
    """A chapter heading with no number ("加强党的建设"): short, no sentence in it."""
    return len(text) <= _BARE_HEADING_MAX and not _BARE_HEADING_STOP.search(text)


def _head(head: list[Para]) -> tuple[str | None, str | None, int | None]:
    """(title, preamble, preamble line) from the paragraphs before the first chapter."""
    texts = [p.text for p in head]
    lines = [p.line for p in head]
    if texts and not meta.is_title_like(texts[0]):
        glued = meta.split_glued_title(texts[0])
        if glued is not None:
            texts[0:1] = list(glued)
            lines[0:1] = [lines[0], lines[0]]
    first_prose = next((i for i, t in enumerate(texts) if _is_prose(t)), len(texts))
    title_at = max((i for i in range(first_prose) if meta.is_title_like(texts[i])), default=None)
    title = strip_final(texts[title_at]) if title_at is not None else None
    if title_at and title and _ORG_LINE.match(texts[title_at - 1]):
        title = texts[title_at - 1] + title  # "XX市教育局" above "2024年工作要点"
    after = first_prose if title_at is None else title_at + 1
    rest = [(t, n) for t, n in zip(texts[after:], lines[after:], strict=True) if _is_prose(t)]
    if not rest:
        return title, None, None
    return title, "\n".join(t for t, _ in rest), rest[0][1]


def _is_prose(text: str) -> bool:
    """A paragraph of running text (not a title, not a stray short line)."""
    return not meta.is_title_like(text) and (len(text) > 40 or _RUN_IN.search(text) is not None)


# ---------------------------------------------------------------- the walk


class _Walker:
    """Feeds body paragraphs one by one into chapters of item nodes."""

    def __init__(self, levels: _Levels, *, summary_first: bool) -> None:
        self.levels = levels
        self.chapters: list[_Chapter] = []
        self.section: _Node | None = None
        self.current: _Node | None = None
        self.mixed = summary_first
        self.kind = "summary" if summary_first else "plan"
        self.pending_plan = False  # a "问题及打算" chapter: plan starts at its first marker
        self.last_top = 0
        if levels.top is None:
            self.chapters.append(_Chapter("", "", 0))

    def feed(self, p: Para, following: Para | None) -> None:
        m = parse_marker(p.text)
        kind = m.kind if m is not None else None
        if m is None and self.levels.top is None and following is not None and _is_bare_heading(
                p.text) and _opens_child(following, self.levels):
            self._open_bare_chapter(p)
            return
        if m is not None and kind == self.levels.top and self._plausible_top(m, p.text):
            self._open_chapter(m, p)
        elif m is not None and kind == "part":
            self._switch_kind(m.rest)
        elif m is not None and kind == self.levels.section:
            self._open_section(m, p)
        elif m is not None and kind == self.levels.item:
            self._open_item(m, p)
        else:
            self._plain(p)

    def finish(self) -> list[_Chapter]:
        for chapter in self.chapters:
            _drop_intros(chapter)
        return self.chapters

    def _plausible_top(self, m: Marker, text: str) -> bool:
        ok = m.number in (self.last_top + 1, 1) or (
            len(text) <= _HEADING_MAX and not _RUN_IN.search(text))
        if ok:
            self.last_top = m.number
        return ok

    def _open_chapter(self, m: Marker, p: Para) -> None:
        self._switch_kind(m.rest)
        heading, rest = _split_heading(m.rest)
        chapter = _Chapter(m.text, heading, p.line)
        self.chapters.append(chapter)
        self.section = self.current = None
        if rest:
            node = _Node("", p.line, [heading, rest], self.kind, standalone=True)
            chapter.own = node
            chapter.nodes.append(node)
            self.current = node

    def _open_section(self, m: Marker, p: Para) -> None:
        self._plan_starts()
        chapter = self._chapter()
        if chapter.own is not None:
            chapter.own.container = True
        standalone = len(m.rest) <= _HEADING_MAX and not _RUN_IN.search(m.rest)
        node = _Node(m.text, p.line, [m.rest], self.kind, standalone=standalone)
        chapter.nodes.append(node)
        self.section = self.current = node

    def _open_item(self, m: Marker, p: Para) -> None:
        self._plan_starts()
        chapter = self._chapter()
        section_heading = None
        if self.section is not None:
            self.section.container = True
            section_heading = _node_heading(self.section)
        elif chapter.own is not None:
            chapter.own.container = True
        standalone = len(m.rest) <= _HEADING_MAX and not _RUN_IN.search(m.rest) and bool(
            m.rest) and not m.rest.endswith(("，", "、"))
        node = _Node(m.text, p.line, [m.rest], self.kind, standalone=standalone,
                     section=section_heading)
        chapter.nodes.append(node)
        self.current = node

    def _open_bare_chapter(self, p: Para) -> None:
        """A heading with no number over numbered items, in a plan with no "一、" chapters."""
        self._switch_kind(p.text)
        self.chapters.append(_Chapter("", strip_final(p.text), p.line))
        self.section = self.current = None

    def _plain(self, p: Para) -> None:
        if self.kind == "summary" and self.pending_plan and _PLAN_TRIGGER.search(p.text):
            self._plan_starts()
        node = self.current
        if node is not None and node.numbered:
            node.texts.append(p.text)
            return
        chapter = self._chapter()
        node = _Node("", p.line, [p.text], self.kind, numbered=False)
        chapter.nodes.append(node)
        self.current = node

    def _chapter(self) -> _Chapter:
        if not self.chapters:
            self.chapters.append(_Chapter("", "", 0))
        return self.chapters[-1]

    def _switch_kind(self, heading: str) -> None:
        if not self.mixed:
            return
        if meta.is_plan_heading(heading):
            if _PROBLEMS.search(heading):
                self.pending_plan = True
            else:
                self.kind, self.pending_plan = "plan", False
        elif meta.is_summary_heading(heading):
            self.kind, self.pending_plan = "summary", False

    def _plan_starts(self) -> None:
        if self.pending_plan:
            self.kind, self.pending_plan = "plan", False


def _opens_child(p: Para, levels: _Levels) -> bool:
    m = parse_marker(p.text)
    return m is not None and m.kind in (levels.section, levels.item)


def _split_heading(rest: str) -> tuple[str, str]:
    """A chapter heading and any text run into it ("一、总体要求。以……")."""
    if len(rest) <= _HEADING_MAX and not _RUN_IN.search(rest[:-1]):
        return strip_final(rest), ""
    lead, body = split_lead(rest)
    return (lead, body) if lead else (strip_final(rest[:_HEADING_MAX]), rest)


def _node_heading(node: _Node) -> str:
    if node.standalone:
        return strip_final(node.texts[0])
    lead, _ = split_lead(node.texts[0])
    return lead or strip_final(node.texts[0][:_HEADING_MAX])


def _drop_intros(chapter: _Chapter) -> None:
    """Unnumbered lead-in paragraphs ("重点抓好以下工作：") before numbered children go."""
    if not any(n.numbered and n.marker for n in chapter.nodes):
        return
    chapter.nodes = [
        n for n in chapter.nodes
        if n.numbered or not (len(n.texts[0]) <= _INTRO_MAX and _INTRO.search(n.texts[0]))
    ]


def _preamble_chapter(chapters: list[_Chapter]) -> tuple[str | None, int | None]:
    """A first chapter "一、总体要求/指导思想" of plain paragraphs holds the preamble.

    The chapter stays (it is one of the plan's chapters) but its text is the preamble, not
    a clause.
    """
    if not chapters or not _PREAMBLE_HEADING.match(chapters[0].heading):
        return None, None
    nodes = chapters[0].nodes
    if not nodes or any(n.marker for n in nodes):
        return None, None
    chapters[0].nodes = []
    return "\n".join(t for n in nodes for t in n.texts), nodes[0].line


def _take_closing(chapters: list[_Chapter]) -> tuple[str | None, int | None]:
    """The pledge paragraph that ends a plan, if the last item swallowed it."""
    if not chapters or not chapters[-1].nodes:
        return None, None
    node = chapters[-1].nodes[-1]
    while len(node.texts) > 1 and len(node.texts[-1]) <= _STRAY_MAX and not _RUN_IN.search(
            node.texts[-1]):
        node.texts.pop()
    last = node.texts[-1]
    if len(last) <= _PLEDGE_MAX and _PLEDGE.search(last):
        if not node.numbered:
            chapters[-1].nodes.pop()
            return last, node.line
        if len(node.texts) >= (3 if node.standalone else 2):
            node.texts.pop()
            return last, None
    # Line breaks lost: the pledge is the last sentence of the last item's paragraph.
    m = _PLEDGE_SENTENCE.search(last)
    if m is not None and m.start() > 0 and _PLEDGE.search(m.group(0)):
        node.texts[-1] = last[: m.start()]
        return m.group(0), None
    return None, None


# ---------------------------------------------------------------- output


def _mined_chapter(chapter: _Chapter) -> MinedChapter:
    items = [_mined_item(n) for n in chapter.nodes if not n.container]
    return MinedChapter(chapter.marker, chapter.heading, "",
                        [i for i in items if i.lead or i.body], chapter.line or None)


def _mined_item(node: _Node) -> MinedItem:
    owners: list[str] = []
    texts: list[str] = []
    for text in node.texts:
        cleaned, found = extract_owners(text)
        owners.extend(o for o in found if o not in owners)
        texts.append(cleaned)
    if node.standalone:
        lead, body = strip_final(texts[0]), "\n".join(t for t in texts[1:] if t)
    else:
        lead, first = split_lead(texts[0], numbered=node.numbered)
        body = "\n".join(t for t in (first, *texts[1:]) if t)
    return MinedItem(marker=node.marker, lead=lead, body=body, category="",
                     section=node.section, kind=node.kind, owners=owners, line=node.line)
