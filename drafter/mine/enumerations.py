"""一是/二是/三是… enumerations: when they are a plan's items, and cutting them out of text.

Real plans often number their points "一是……。二是……。" instead of "1.": inline in one paragraph,
one per line, right under a chapter or section heading, or glued to it. They are the items of
their chapter or section when nothing else numbers them; inside the running text of a numbered
item (a "（一）……。" or "1.……。" with a lead sentence of its own) they are that item's body.
Pure string functions; walk.py decides where they apply.
"""

from __future__ import annotations

import re

from drafter.model.numbering import parse_chinese_numeral

# An ordinal that opens a point: at the start, or right after a sentence or clause end.
_ORDINAL = re.compile(
    r"(?:(?<=^)|(?<=\n)|(?<=[。；;：:！？]))\s*(?P<num>[一二三四五六七八九十]{1,3})是(?=\S)"
)
# The same run written 第一，第二，… (one form per run).
_ORDINAL_DI = re.compile(
    r"(?:(?<=^)|(?<=\n)|(?<=[。；;：:！？]))\s*第(?P<num>[一二三四五六七八九十]{1,3})[，,、](?=\S)"
)
_MIN_RUN = 2  # one lone "一是" is a turn of phrase, not a list
# A heading glued to its first point: "（一）坚定政治方向，夯实保障一是深入开展……".
GLUED_ORDINAL = re.compile(r"(?<=[\u4e00-\u9fff”》）)])一是(?=[\u4e00-\u9fff“《])")
_GLUED_MAX = 60


_SENTENCES_END = re.compile(r"[。；;：:！？]\s*$")


def split_points(text: str, *, after_intro: bool = False, min_run: int | None = None
                 ) -> tuple[str, list[tuple[str, str]]] | None:
    """(text before the first point, [(marker, point text), …]) when `text` holds a 一是… run.

    The run must start at 一是, at the start of a paragraph, and count up by one (一是, 二是,
    三是…); it ends at the first ordinal out of sequence. None when there is no run of at least
    two points (`min_run`: fewer, where a page's end may have cut the run short). With
    `after_intro` the run may also follow whole sentences in its paragraph
    ("牢牢把握……。一是……二是……"): where nothing else numbers the text, they introduce it.
    """
    least = _MIN_RUN if min_run is None else min_run
    starts = _run(text, _ORDINAL, "{}是")
    if len(starts) < least:
        starts = _run(text, _ORDINAL_DI, "第{}")
    if len(starts) < least:
        return None
    intro = text[: starts[0][0]].strip()
    if intro and not text[: starts[0][0]].rstrip(" ").endswith("\n") and not (
            after_intro and _SENTENCES_END.search(intro)):
        return None  # a paragraph that opens with prose and then counts is one prose paragraph
    points = []
    for k, (_, begin, marker) in enumerate(starts):
        end = starts[k + 1][0] if k + 1 < len(starts) else len(text)
        points.append((marker, text[begin:end].strip()))
    return intro, points


def _run(text: str, ordinal: re.Pattern[str], form: str) -> list[tuple[int, int, str]]:
    """(start of marker, start of text, marker) of the ordinals counting up from 一."""
    starts: list[tuple[int, int, str]] = []
    expected = 1
    for m in ordinal.finditer(text):
        if parse_chinese_numeral(m.group("num")) != expected:
            continue
        at = m.start("num") - (1 if form.startswith("第") else 0)
        starts.append((at, m.end(), form.format(m.group("num"))))
        expected += 1
    return starts


def glued_point(text: str) -> int | None:
    """Where a heading with no sentence of its own runs into its 一是 ("…保障一是深入…")."""
    m = GLUED_ORDINAL.search(text, 0, _GLUED_MAX)
    if m is None or re.search(r"[。！？；]", text[: m.start()]):
        return None
    return m.start()
