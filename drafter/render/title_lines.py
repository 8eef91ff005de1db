"""Breaking a 公文 title into balanced lines of at most N characters (GB/T 9704: 标题回行时
要做到词意完整，排列对称，长短适宜，间距恰当).

Every character counts as one, half-width digits included (stricter than their printed
width, so "no line over N characters" holds however it is counted). Breaks prefer the
places the profile names (after 年/局/市/县/区…, before 工作要点…), never split a number
or a word of Latin letters, never leave an opening bracket at a line end or a closing one
at a line start, and keep the lines as even as possible.
Pure text in, text out.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence

_OPENERS = "（《“‘〔【(["
_CLOSERS = "）》”’〕】)]，。、；：！？,.;:!?"
_PREFERRED, _PUNCT, _PLAIN, _BAD = 0.0, 1.0, 6.0, 1000.0
_EXTRA_LINE = 12.0  # one more line than needed must buy clearly better breaks
# Balancing is quadratic in the title's length (a 10,000-character title took 24 s). A real
# title needs one to three lines; past this many, lines are simply filled.
MAX_BALANCED_LINES = 6


def break_title(title: str, max_chars: int, break_after: Sequence[str] = (),
                break_before: Sequence[str] = ()) -> list[str]:
    """The title's lines, each at most `max_chars` wide, balanced, broken at good places."""
    title = " ".join(title.split())
    total = len(title)
    if total <= max_chars or len(title) < 2:
        return [title] if title else []
    costs = [_break_cost(title, i, break_after, break_before) for i in range(len(title) + 1)]
    lines_needed = math.ceil(total / max_chars)
    if lines_needed > MAX_BALANCED_LINES:
        return _hard_cut(title, max_chars)
    best: tuple[float, list[int]] | None = None
    for count in range(lines_needed, lines_needed + 2):
        found = _best_breaks(title, count, max_chars, costs)
        if found is None:
            continue
        cost = found[0] + (count - lines_needed) * _EXTRA_LINE
        if best is None or cost < best[0]:
            best = (cost, found[1])
    if best is None:  # nothing fits (a very long unbreakable run): cut hard
        return _hard_cut(title, max_chars)
    cuts = [0, *best[1], len(title)]
    return [title[a:b].strip() for a, b in itertools.pairwise(cuts)]


def _break_cost(title: str, i: int, after: Sequence[str], before: Sequence[str]) -> float:
    """Cost of starting a new line before title[i]."""
    if i <= 0 or i >= len(title):
        return 0.0
    left, right = title[i - 1], title[i]
    if left in _OPENERS or right in _CLOSERS:
        return _BAD
    if left.isascii() and right.isascii() and left.isalnum() and right.isalnum():
        return _BAD
    if any(title.startswith(word, i) for word in before):
        return _PREFERRED
    if any(title.endswith(word, 0, i) for word in after):
        return _PREFERRED
    if left in _CLOSERS or left == " " or right in _OPENERS:
        return _PUNCT
    return _PLAIN


def _best_breaks(title: str, count: int, max_chars: int, costs: list[float]
                 ) -> tuple[float, list[int]] | None:
    """Dynamic programming over break positions for exactly `count` lines."""
    n = len(title)
    prefix = list(range(n + 1))
    target = n / count
    inf = float("inf")
    # best[k][j]: cost of putting title[:j] on k lines; back[k][j]: start of the k-th line
    best = [[inf] * (n + 1) for _ in range(count + 1)]
    back = [[0] * (n + 1) for _ in range(count + 1)]
    best[0][0] = 0.0
    for k in range(1, count + 1):
        for j in range(1, n + 1):
            for i in range(j - 1, -1, -1):
                width = prefix[j] - prefix[i]
                if width > max_chars:
                    break
                if best[k - 1][i] == inf:
                    continue
                cost = best[k - 1][i] + (width - target) ** 2 + costs[i] * 2
                if cost < best[k][j]:
                    best[k][j], back[k][j] = cost, i
    if best[count][n] == inf:
        return None
    cuts: list[int] = []
    j = n
    for k in range(count, 0, -1):
        j = back[k][j]
        cuts.append(j)
    return best[count][n], sorted(c for c in cuts if c)


def _hard_cut(title: str, max_chars: int) -> list[str]:
    lines, current = [], ""
    for ch in title:
        if len(current) + 1 > max_chars:
            lines.append(current)
            current = ""
        current += ch
    return [*lines, current] if current else lines
