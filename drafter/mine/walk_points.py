"""一是/二是… runs in the walk's chapters: where they become items, and the nodes they make.

Called by walk.py once a chapter is walked; enumerations.py finds the runs in text.
"""

from __future__ import annotations

from drafter.mine.enumerations import split_points
from drafter.mine.walk_nodes import Chapter, Node, node_heading


def split_chapter_points(chapter: Chapter, *, cut_off: bool = False) -> None:
    """一是/二是… runs become items where nothing else numbers the text they are in.

    A run under a heading with no sentence of its own (a chapter, a "（一）" or "1." line) makes
    the heading their container; a run in plain paragraphs (one paragraph or one per point)
    replaces them. A run inside a numbered item's running text stays its body.
    """
    out: list[Node] = []
    plain: list[Node] = []
    # In a chapter nothing else numbers, a run may follow the sentences that introduce it.
    alone = not any(n.marker for n in chapter.nodes)
    for node in chapter.nodes:
        if not node.marker and not node.numbered:
            plain.append(node)
            continue
        out.extend(_points_in_plain(plain))
        plain = []
        # A chapter's own run-in text may introduce its run ("2024年以来，……。一是……"); a
        # page that ends inside it may show only the run's first point.
        own = alone and node is chapter.own
        out.extend(_points_under_heading(node, chapter if own else None,
                                         lone=cut_off and node is chapter.nodes[-1])
                   or [node])
    if alone and plain and chapter.intro == [] and (made := _intro_and_points(plain)):
        intro, points = made
        chapter.intro, chapter.intro_line = [intro[0]], intro[1]
        out.extend(points)
    else:
        out.extend(_points_in_plain(plain))
    chapter.nodes = out


def _intro_and_points(nodes: list[Node]) -> tuple[tuple[str, int], list[Node]] | None:
    """(intro, points) when plain paragraphs are sentences then a 一是… run in one paragraph."""
    made = _point_nodes([pair for n in nodes for pair in _texts_and_lines(n)], nodes[0].kind,
                        None, after_intro=True)
    if made is None or made[0] is None or "\n" in made[0][0]:
        return None
    return made[0], made[1]


def _texts_and_lines(node: Node) -> list[tuple[str, int]]:
    return list(zip(node.texts, [node.line, *node.more_lines], strict=False))


def _points_in_plain(nodes: list[Node]) -> list[Node]:
    pairs = [pair for n in nodes for pair in _texts_and_lines(n)]
    made = _point_nodes(pairs, nodes[0].kind, None) if nodes else None
    if made is None:
        return nodes
    intro, points = made
    return ([Node("", intro[1], [intro[0]], nodes[0].kind, numbered=False)] if intro else []
            ) + points


def _points_under_heading(node: Node, chapter: Chapter | None = None, *, lone: bool = False
                          ) -> list[Node] | None:
    """The points of a 一是… run under a heading; with `chapter` (the heading is the chapter's
    own), sentences before the run are the chapter's text; `lone`: one point may be all the
    page shows of the run."""
    if node.container or not node.standalone or len(node.texts) < 2:
        return None
    made = _point_nodes(_texts_and_lines(node)[1:], node.kind, node_heading(node),
                        after_intro=chapter is not None, lone=lone)
    if made is None:
        return None
    intro, points = made  # text between the heading and its 一是 introduces the list: not a clause
    if chapter is not None and intro is not None and not chapter.intro:
        chapter.intro, chapter.intro_line = [intro[0]], intro[1]
    del node.texts[1:], node.more_lines[:]
    node.container = bool(node.marker)
    if not node.marker:  # a chapter's own run-in text: its heading is the chapter's
        return points
    return [node, *points]


def _point_nodes(pairs: list[tuple[str, int]], kind: str, section: str | None, *,
                 after_intro: bool = False, lone: bool = False
                 ) -> tuple[tuple[str, int] | None, list[Node]] | None:
    """(intro paragraph, point nodes) when the paragraphs hold a 一是… run."""
    if not pairs:
        return None
    joined = "\n".join(t for t, _ in pairs)
    found = split_points(joined, after_intro=after_intro, min_run=1 if lone else None)
    if found is None:
        return None
    intro, points = found
    starts = []  # the source line of each paragraph's first character in `joined`
    offset = 0
    for text, line in pairs:
        starts.append((offset, line))
        offset += len(text) + 1
    nodes: list[Node] = []
    cursor = joined.find(intro) + len(intro) if intro else 0
    for marker, text in points:
        at = joined.find(text, cursor)
        cursor = max(cursor, at)
        line = max((ln for off, ln in starts if off <= max(at, 0)), default=pairs[0][1])
        paras = [t for t in text.split("\n") if t]
        nodes.append(Node(marker, line, paras, kind, section=section,
                          more_lines=[line] * (len(paras) - 1)))
    return ((intro, pairs[0][1]) if intro else None), nodes
