"""Chinese line breaking (避头尾) for the preview and detail panes.

Why: a terminal wraps CJK text at any character, so lines start with "，" or "。" and end
with "（" or "“", which no official would accept on paper (issue 13). Here the break points of
a text at a given width are chosen so that no line starts with closing punctuation (避头) and
none ends with opening punctuation (避尾): the character before the break moves down with
it. Pure functions over strings and Rich Text; widths in terminal cells.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text

from drafter.model.chars import NO_LINE_END as NO_END
from drafter.model.chars import NO_LINE_START as NO_START


def break_offsets(text: str, width: int) -> list[int]:
    """Offsets in `text` where a line break goes (existing newlines are kept as they are)."""
    if width < 4:
        return []
    breaks: list[int] = []
    start = 0
    for paragraph in text.split("\n"):
        breaks += [start + b for b in _paragraph_breaks(paragraph, width)]
        start += len(paragraph) + 1
    return breaks


def _paragraph_breaks(text: str, width: int) -> list[int]:
    breaks: list[int] = []
    start, used = 0, 0
    i = 0
    while i < len(text):
        cells = cell_len(text[i])
        if used + cells <= width or i == start:
            used += cells
            i += 1
            continue
        at = _adjust(text, start, i)
        breaks.append(at)
        start, used, i = at, 0, at
    return breaks


def _adjust(text: str, start: int, at: int) -> int:
    """Move a break at `at` back until the next line does not start with NO_START and this
    one does not end with NO_END; if that would empty the line, break where it was."""
    candidate = at
    while candidate > start + 1 and (text[candidate] in NO_START or text[candidate - 1] in NO_END):
        candidate -= 1
    if text[candidate] in NO_START or text[candidate - 1] in NO_END:
        return at  # a line of nothing but punctuation: nothing better to do
    return candidate


def wrap_text(text: Text, width: int) -> Text:
    """`text` with line breaks inserted where `break_offsets` puts them (styles kept)."""
    offsets = break_offsets(text.plain, width)
    if not offsets:
        return text
    pieces = text.divide(offsets)
    out = Text(style=text.style, end=text.end, no_wrap=True)
    for n, piece in enumerate(pieces):
        if n:
            out.append("\n")
        out.append_text(piece)
    return out
