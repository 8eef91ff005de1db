"""The walk over a plan's body: paragraphs in, chapters of item nodes out.

"一、" opens a chapter, "（一）" a section, "1." an item; a paragraph with no marker continues
the item before it, or is an item of its own when its chapter has no numbered items. A
chapter or section followed by numbered items becomes their container (its heading is the
items' section); one that is not is itself an item. In a 总结+计划 document the walk tracks
whether it is in the summary or the plan part. Nodes are raw paragraphs (walk_nodes.py):
turning them into clauses (lead, body, owners) is structure.py's job; 一是 runs become items in
walk_points.py once a chapter is walked.
"""

from __future__ import annotations

import re

from drafter.mine import meta
from drafter.mine.clause_text import split_lead, strip_final
from drafter.mine.markers import Marker, parse_marker
from drafter.mine.para import Para
from drafter.mine.walk_nodes import HEADING_MAX as _HEADING_MAX
from drafter.mine.walk_nodes import Chapter, Levels, Node, node_heading
from drafter.mine.walk_points import split_chapter_points

# The standard part headings of a plan: the prose parts (总体要求-kind text, not clauses) and
# the task parts. One list for both uses: a copy may run any of them into its text.
_PROSE_HEADINGS = (
    "指导思想", "总体要求", "总的要求", "总体思路", "工作思路", "基本思路", "基本原则",
    "工作原则", "指导原则", "工作目标", "主要目标", "总体目标", "发展目标", "奋斗目标", "目标任务",
    "主要目标任务", "目标和任务", "工作目标和任务", "主要指标", "工作目标任务", "总体目标任务",
    "发展目标任务",
)
_TASK_HEADINGS = (
    "主要任务", "重点任务", "主要措施", "工作措施", "保障措施", "重点工作", "主要工作及措施",
    "主要工作措施", "基本方式", "工作重点",
)
_GLUED_HEADING = re.compile(
    r"^(?:" + "|".join(sorted(_PROSE_HEADINGS + _TASK_HEADINGS, key=len, reverse=True))
    + r")(?=[\u4e00-\u9fff\d“xX*＊])"
)
# Any heading run into a text that opens with a year ("一、xx区教育局xxxx年工作基本情况xxxx年，…").
_GLUED_YEAR_HEADING = re.compile(
    r"^[^。，,；：]{4,30}?(?:情况|成效|成绩|做法|亮点|回顾|总结|目标|思路|措施|要求|任务|打算|安排)"
    r"(?=(?:\d{4}|[xX*]{4}|20[xX*]{2})年|今年|一年来|近年来)"
)
_GLUED_BODY_MIN = 10
_CLAUSE_END = re.compile(r"[；;，,、]$")
# The document's title run into its first chapter's heading ("一、2018年教育局工作计划指导思想：…").
_TITLE_BEFORE_HEADING = re.compile(
    r"^(?P<title>[^。，,；;：:！？]{2,40}?(?:工作要点|工作计划|工作思路|工作安排|实施方案))"
    r"(?=(?:" + "|".join(sorted(_PROSE_HEADINGS + _TASK_HEADINGS, key=len, reverse=True))
    + r"))"
)
_COLON_HEADING = re.compile(r"^([^，,。；;：:！？]{2,12})[：:]\s*")
RUN_IN = re.compile(r"[。！？]")
_OWN_LINE_STOP = re.compile(r"[。！？：:；;]")  # a colon label or a second clause runs text in
_INTRO = re.compile(r"以下|如下|几个方面|重点做好|主要任务是|[：:]$")
_INTRO_MAX = 80
_PLAN_TRIGGER = re.compile(
    r"^(?:接下来|下一步|下步|今后|明年|新的一年|\d{4}年[，,]?我们将)|我们将|将着力|将重点"
)
_PROBLEMS = re.compile(r"问题|不足|差距|困难")
_BARE_HEADING_MAX = 30
_BARE_HEADING_STOP = re.compile(r"[。；！？：:;!?]|[，,].*[，,]")


def is_bare_heading(text: str) -> bool:
    """A chapter heading with no number ("加强党的建设"): short, no sentence in it."""
    return len(text) <= _BARE_HEADING_MAX and not _BARE_HEADING_STOP.search(text)


class Walker:
    """Feeds body paragraphs one by one into chapters of item nodes."""

    def __init__(self, levels: Levels, *, summary_first: bool, cut_off: bool = False) -> None:
        self.levels = levels
        self.chapters: list[Chapter] = []
        self.section: Node | None = None
        self.current: Node | None = None
        self.mixed = summary_first
        self.kind = "summary" if summary_first else "plan"
        self.pending_plan = False  # a "问题及打算" chapter: plan starts at its first marker
        self.last_top = 0
        self.sub_items = False  # "（1）" items in a part of the plan with no "1." items
        self.glued_title: str | None = None  # the title, when it was run into chapter 一
        self.cut_off = cut_off  # the page ends before the document does
        if levels.top is None:
            self.chapters.append(Chapter("", "", 0))

    def feed(self, p: Para, following: Para | None) -> None:
        m = parse_marker(p.text)
        kind = m.kind if m is not None else None
        if m is None and self.levels.top is None and following is not None and is_bare_heading(
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
            self.sub_items = False
            self._open_item(m, p)
        elif m is not None and kind in ("sub", "circled") and self.levels.item is not None and (
                self.sub_items or not self._inside_item()):
            # "（1）" or "①" right under a heading numbers items, not sub-points
            self.sub_items = True
            self._open_item(m, p)
        else:
            self._plain(p)

    def finish(self) -> list[Chapter]:
        for chapter in self.chapters:
            split_chapter_points(chapter, cut_off=self.cut_off and chapter is self.chapters[-1])
            _drop_intros(chapter)
            _take_intro(chapter)
            _split_trailing(chapter)
            _heading_leads(chapter)
        return self.chapters

    def _plausible_top(self, m: Marker, text: str) -> bool:
        # Out of sequence (numbering that restarts after a summary part, or skips), a chapter
        # marker opens a heading; a clause that ends like one ("一、高二年级……达到94%；", a
        # number cut from "高一、") is not a chapter.
        heading_like = (len(text) <= _HEADING_MAX and not RUN_IN.search(text)
                        and not _CLAUSE_END.search(text))
        ok = m.number == self.last_top + 1 or (m.number == 1 and self.last_top == 0) or (
            m.number == 1 and not _CLAUSE_END.search(text)) or heading_like
        if ok:
            self.last_top = m.number
        return ok

    def _inside_item(self) -> bool:
        node = self.current
        return node is not None and bool(node.marker) and node is not self.section

    def _open_chapter(self, m: Marker, p: Para) -> None:
        self._switch_kind(m.rest)
        self.sub_items = False
        text = m.rest
        glued = _TITLE_BEFORE_HEADING.match(text) if not any(
            c.heading for c in self.chapters) else None
        if glued is not None:
            self.glued_title, text = glued.group("title"), text[glued.end():]
        heading, rest = _split_heading(text)
        chapter = Chapter(m.text, heading, p.line)
        self.chapters.append(chapter)
        self.section = self.current = None
        if rest:
            node = Node("", p.line, [heading, rest], self.kind, standalone=True,
                        more_lines=[p.line])
            chapter.own = node
            chapter.nodes.append(node)
            self.current = node

    def _open_section(self, m: Marker, p: Para) -> None:
        self._plan_starts()
        chapter = self._chapter()
        if chapter.own is not None:
            chapter.own.container = True
        self.sub_items = False
        node = Node(m.text, p.line, [m.rest], self.kind, standalone=_own_line(m.rest))
        chapter.nodes.append(node)
        self.section = self.current = node

    def _open_item(self, m: Marker, p: Para) -> None:
        self._plan_starts()
        chapter = self._chapter()
        section_heading = None
        if self.section is not None:
            self.section.container = True
            section_heading = node_heading(self.section)
        elif chapter.own is not None:
            chapter.own.container = True
        standalone = _own_line(m.rest) and bool(m.rest) and not m.rest.endswith(("，", "、"))
        node = Node(m.text, p.line, [m.rest], self.kind, standalone=standalone,
                     section=section_heading)
        chapter.nodes.append(node)
        self.current = node

    def _open_bare_chapter(self, p: Para) -> None:
        """A heading with no number over numbered items, in a plan with no "一、" chapters."""
        self._switch_kind(p.text)
        self.chapters.append(Chapter("", strip_final(p.text), p.line))
        self.section = self.current = None

    def _plain(self, p: Para) -> None:
        if self.kind == "summary" and self.pending_plan and _PLAN_TRIGGER.search(p.text):
            self._plan_starts()
        node = self.current
        # A numbered item, or a lead on a line of its own with no body yet ("加强理论学习" /
        # "抓好中心组学习，……"), takes the paragraph as its body.
        if node is not None and (node.numbered or (node.standalone and len(node.texts) == 1)):
            node.texts.append(p.text)
            node.more_lines.append(p.line)
            return
        chapter = self._chapter()
        node = Node("", p.line, [p.text], self.kind, numbered=False,
                    standalone=bare_lead(p.text))
        chapter.nodes.append(node)
        self.current = node

    def _chapter(self) -> Chapter:
        if not self.chapters:
            self.chapters.append(Chapter("", "", 0))
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


_BARE_LEAD = re.compile(r"^[^，,。；;：:！？!?、（(“]{4,25}$")


def bare_lead(text: str) -> bool:
    """A short task phrase alone on its line, no punctuation: an unnumbered item's lead."""
    return _BARE_LEAD.match(text) is not None and not meta.is_plan_heading(text) and not (
        meta.is_summary_heading(text))


def _own_line(rest: str) -> bool:
    """A numbered heading with no text of its own: short, one sentence at most, ending there."""
    return len(rest) <= _HEADING_MAX and not _OWN_LINE_STOP.search(rest[:-1])


def _opens_child(p: Para, levels: Levels) -> bool:
    m = parse_marker(p.text)
    return m is not None and m.kind in (levels.section, levels.item)


def _split_heading(rest: str) -> tuple[str, str]:
    """A chapter heading and any text run into it ("一、总体要求。以……")."""
    label = _COLON_HEADING.match(rest)
    if label is not None and len(rest) > label.end() + _GLUED_BODY_MIN:
        return label.group(1), rest[label.end():]  # "指导思想：以……为指导，……"
    glued = _GLUED_HEADING.match(rest) or _GLUED_YEAR_HEADING.match(rest)
    if glued is not None and len(rest) > glued.end() + _GLUED_BODY_MIN:
        return glued.group(0), rest[glued.end():]  # "指导思想认真学习……": breaks were lost
    if len(rest) <= _HEADING_MAX and not RUN_IN.search(rest[:-1]):
        return strip_final(rest), ""
    lead, body = split_lead(rest)
    return (lead, body) if lead else (strip_final(rest[:_HEADING_MAX]), rest)


def _drop_intros(chapter: Chapter) -> None:
    """Unnumbered lead-in paragraphs ("重点抓好以下工作：") before numbered children go."""
    if not any(n.numbered and n.marker for n in chapter.nodes):
        return
    kept: list[Node] = []
    for node in chapter.nodes:
        if node.numbered or not (len(node.texts[0]) <= _INTRO_MAX
                                 and _INTRO.search(node.texts[0])):
            kept.append(node)
        elif not any(n.numbered for n in kept):  # before the first item: the chapter's lead-in
            chapter.lead_in += node.texts
            chapter.lead_in_line = chapter.lead_in_line or node.line
    chapter.nodes = kept


def _take_intro(chapter: Chapter) -> None:
    """Prose paragraphs before a chapter's first numbered child introduce it: not clauses.

    ("2025年，在市委、市政府的坚强领导下，……" under "一、2025年度工作回顾" and over its
    "（一）…" sections.) Only paragraphs with no lead phrase of their own; they stay the
    chapter's text. In a "存在问题及下步打算" chapter the text before the plan's items is the
    problems part, not an introduction.
    """
    first = next((k for k, n in enumerate(chapter.nodes) if n.marker), None)
    if not first or _PROBLEMS.search(chapter.heading):
        return
    head = chapter.nodes[:first]
    if any(n.numbered or split_lead(n.texts[0], numbered=False)[0] for n in head):
        return
    chapter.intro = [t for n in head for t in n.texts]
    chapter.intro_line = head[0].line
    del chapter.nodes[:first]


_PROSE_HEADING = re.compile(r"^(?:目标|" + "|".join(_PROSE_HEADINGS) + r")$")


def take_prose(chapter: Chapter) -> None:
    """A 指导思想/工作目标-kind chapter of plain paragraphs is 总体要求 text, not clauses.

    So is one whose only numbered parts are themselves prose parts ("一、总体要求" over
    "（一）指导思想" and "（二）发展目标").
    """
    if not _PROSE_HEADING.match(chapter.heading):
        return
    marked = [n for n in chapter.nodes if n.marker]
    if any(not _PROSE_HEADING.match(node_heading(n)) for n in marked):
        return

    if chapter.nodes and chapter.intro_line is None:
        chapter.intro_line = chapter.nodes[0].line
    chapter.intro += [t for n in chapter.nodes for t in n.texts]
    chapter.nodes = []
    chapter.own = None


def _split_trailing(chapter: Chapter) -> None:
    """Paragraphs after a chapter's last item that its siblings never have are not its text.

    When every other numbered item of the chapter is one block of the same size, extra plain
    paragraphs after the last one ("一年来，……" closing a summary chapter) become unnumbered
    items of their own. Sub-lists ("（1）…") stay with their item.
    """
    numbered = [n for n in chapter.nodes if n.marker and not n.container]
    if len(numbered) < 3 or chapter.nodes[-1] is not numbered[-1] or (
            numbered[-1].standalone and not all(n.standalone for n in numbered[:-1])):
        return  # a lead on its own line has its body in the next paragraph: not an extra
    sizes = {len(n.texts) for n in numbered[:-1]}
    last = numbered[-1]
    if len(sizes) != 1 or len(last.texts) <= (size := sizes.pop()):
        return
    extras = list(zip(last.texts[size:], last.more_lines[size - 1:], strict=False))
    if any(parse_marker(t) is not None for t, _ in extras):
        return
    del last.texts[size:], last.more_lines[size - 1:]
    for text, line in extras:
        chapter.nodes.append(Node("", line, [text], last.kind, numbered=False))


_PART_HEADING = re.compile(r"^(?:" + "|".join(_PROSE_HEADINGS + _TASK_HEADINGS) + r")$")
# A paragraph opening like narrative (a year, 今年, 我局, 在……下), not like a task.
NOT_A_TASK = re.compile(
    r"^(?:\d|[xX*]{2}|20|今年|去年|明年|本年|我|全[市县区镇乡]|在|为|根据|按照|随着|一年来|近年来"
    r"|过去的?一年)")


def _heading_leads(chapter: Chapter) -> None:
    """A chapter whose body is one plain paragraph ("三、加强学前教育" / "以乡镇中心幼儿园建设
    为重点……"): its heading is that clause's lead, as when the text runs into the heading.

    Not under a part heading (指导思想, 主要任务 …), a summary's or a plan part's heading: their
    text introduces, it does not carry a lead. A paragraph that opens like narrative ("2020年
    上半年，尽管……", "一年来，……", "全县有幼儿园17所……") is the chapter's text (a summary's
    heading too; a part heading's text is the preamble or prose, taken later).
    """
    if chapter.own is not None or not chapter.heading or len(chapter.nodes) != 1:
        return
    node = chapter.nodes[0]
    if node.marker or node.numbered or _PART_HEADING.match(chapter.heading):
        return
    if NOT_A_TASK.match(node.texts[0]):  # narrative: the chapter's text
        chapter.intro, chapter.intro_line = list(node.texts), node.line
        chapter.nodes = []
        return
    if meta.is_summary_heading(chapter.heading) or meta.is_plan_heading(chapter.heading):
        return
    node.texts.insert(0, chapter.heading)
    node.more_lines.insert(0, node.line)
    node.line, node.standalone = chapter.line, True
    chapter.own = node


def take_part_intro(chapter: Chapter) -> None:
    """A task part heading's own run-in text ("三、主要工作及措施2019年，进一步……") with nothing
    numbered under it introduces the part: chapter text, not a clause."""
    if chapter.own is None or chapter.nodes != [chapter.own] or not (
            _PART_HEADING.match(chapter.heading)):
        return
    if chapter.intro_line is None:
        chapter.intro_line = chapter.own.line
    chapter.intro += chapter.own.texts[1:]
    chapter.nodes, chapter.own = [], None
