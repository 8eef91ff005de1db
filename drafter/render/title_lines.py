"""Breaking a 公文 title into lines of at most N characters (GB/T 9704: 标题回行时要做到词意
完整，排列对称，长短适宜，间距恰当).

Every character counts as one, half-width digits included (stricter than their printed
width, so "no line over N characters" holds however it is counted). Words stay whole: organ
names (中共…委员会, …市教育局), a quoted title 《…》 that fits a line, numbers with their
unit (2025年), and the profile's `keep_words` (高质量, 工作要点…). Breaks prefer the places the
profile names (after 委员会/年/局…, before 关于/工作要点/的通知), never leave an opening
bracket at a line end or a closing one at a line start. Lines are balanced in a pyramid or
inverted-pyramid shape, never a rectangle of full lines. A line break the user wrote into
the title wins. Pure text in, text out.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Sequence

from drafter.model.chars import NO_LINE_END, NO_LINE_START

# Closing punctuation after which a title line may well end (a preferred break).
_BREAK_AFTER = "）》”’〕】)]，。、；：！？,.;:!?"
_PREFERRED, _PUNCT, _SOFT, _PLAIN, _WORD, _BAD = 0.0, 1.0, 3.0, 30.0, 400.0, 1000.0
# Words a title line may well start with (function words, leading verbs): a break before
# them keeps the words on both sides whole without a dictionary.
_SOFT_BEFORE = ("关于", "印发", "进一步", "加快", "加强", "推进", "推动", "做好", "全面", "深化",
                "落实", "建设", "实施", "开展", "的", "和", "暨", "与", "及", "重点任务")
_EXTRA_LINE = 12.0  # one more line than needed must buy clearly better breaks
_EQUAL_LINES = 10.0  # two neighbouring lines of the same length (a rectangle)
_FULL_RECTANGLE = 500.0  # every line full: a block of text, not a title
_ENUMERATE_UP_TO = 5  # lines; longer titles use the dynamic programme
_REGION = "[\u4e00-\u9fff]{1,8}?(?:自治州|自治县|特别行政区|省|市|州|县|区|旗|盟)"
_ORGAN = ("(?:教育体育和科技局|教育和体育局|教育科技局|教育和科技局|教育体育局|教育局|教育厅|"
          "教体局|教科局|人民政府|政府|教育委员会|教育工作委员会|工作委员会|委员会|教委|教育部|"
          "教工委)")
_SPANS = (
    re.compile(f"中共(?:{_REGION})?[\u4e00-\u9fff]{{0,8}}?委员会"),  # 中共某某市委教育工作委员会
    re.compile(f"{_REGION}(?:委)?{_ORGAN}"),  # 某某市教育局, 某某县人民政府
    re.compile(r"\d+(?:\.\d+)?(?:年度|年|月|日|个|所|项|%|％)"),  # 2025年
)
_QUOTED = re.compile("《[^》]*》|“[^”]*”")
# Balancing is quadratic in the title's length (a 10,000-character title took 24 s). A real
# title needs one to three lines; past this many, lines are simply filled.
MAX_BALANCED_LINES = 6


def break_title(title: str, max_chars: int, break_after: Sequence[str] = (),
                break_before: Sequence[str] = (), keep_words: Sequence[str] = ()
                ) -> list[str]:
    """The title's lines, each at most `max_chars` wide, balanced, broken at good places."""
    if "\n" in title.strip():  # the user's own breaks; a line too long is broken further
        rules = (max_chars, break_after, break_before, keep_words)
        return [part for line in title.strip().splitlines() if line.strip()
                for part in break_title(" ".join(line.split()), *rules)]
    title = " ".join(title.split())
    total = len(title)
    if total <= max_chars or len(title) < 2:
        return [title] if title else []
    lines_needed = math.ceil(total / max_chars)
    if lines_needed > MAX_BALANCED_LINES:
        return _hard_cut(title, max_chars)
    inside = _protected(title, max_chars, keep_words)
    costs = [_break_cost(title, i, break_after, break_before, inside)
             for i in range(len(title) + 1)]
    best: tuple[float, list[int]] | None = None
    for count in range(lines_needed, lines_needed + 2):
        finder = _enumerate if count <= _ENUMERATE_UP_TO else _best_breaks
        found = finder(title, count, max_chars, costs)
        if found is None:
            continue
        cost = found[0] + (count - lines_needed) * _EXTRA_LINE
        if best is None or cost < best[0]:
            best = (cost, found[1])
    if best is None:  # nothing fits (a very long unbreakable run): cut hard
        return _hard_cut(title, max_chars)
    cuts = [0, *best[1], len(title)]
    return [title[a:b].strip() for a, b in itertools.pairwise(cuts)]


def _protected(title: str, max_chars: int, keep_words: Sequence[str]) -> set[int]:
    """Positions i where a break (before title[i]) would split a word that must stay whole."""
    spans: list[tuple[int, int]] = []
    for pattern in (*_SPANS, _QUOTED):
        spans += [m.span() for m in pattern.finditer(title) if m.end() - m.start() <= max_chars]
    for word in keep_words:
        start = title.find(word)
        while word and start >= 0:
            spans.append((start, start + len(word)))
            start = title.find(word, start + 1)
    return {i for a, b in spans for i in range(a + 1, b)}


def _break_cost(title: str, i: int, after: Sequence[str], before: Sequence[str],
                inside: set[int]) -> float:
    """Cost of starting a new line before title[i]."""
    if i <= 0 or i >= len(title):
        return 0.0
    left, right = title[i - 1], title[i]
    if left in NO_LINE_END or right in NO_LINE_START:
        return _BAD
    if left.isascii() and right.isascii() and left.isalnum() and right.isalnum():
        return _BAD
    if i in inside:
        return _WORD
    if any(title.startswith(word, i) for word in before):
        return _PREFERRED
    if any(title.endswith(word, 0, i) for word in after):
        return _PREFERRED
    if left in _BREAK_AFTER or left == " " or right in NO_LINE_END:
        return _PUNCT
    if any(title.startswith(word, i) for word in _SOFT_BEFORE):
        return _SOFT
    return _PLAIN


def _shape(widths: Sequence[int], max_chars: int) -> float:
    """Balance, plus the penalties for a rectangle."""
    target = sum(widths) / len(widths)
    cost = sum((w - target) ** 2 for w in widths)
    cost += sum(_EQUAL_LINES for a, b in itertools.pairwise(widths) if a == b)
    if len(widths) > 1 and all(w == max_chars for w in widths):
        cost += _FULL_RECTANGLE
    return cost


def _enumerate(title: str, count: int, max_chars: int, costs: list[float]
               ) -> tuple[float, list[int]] | None:
    """Every way to cut the title into `count` lines that fit; the cheapest."""
    n = len(title)
    best: tuple[float, list[int]] | None = None

    def walk(start: int, left: int, cuts: list[int], acc: float) -> None:
        nonlocal best
        if left == 1:
            if n - start > max_chars:
                return
            widths = [b - a for a, b in itertools.pairwise([0, *cuts, n])]
            cost = acc + _shape(widths, max_chars)
            if best is None or cost < best[0]:
                best = (cost, list(cuts))
            return
        lo = max(start + 1, n - max_chars * (left - 1))
        for cut in range(lo, min(start + max_chars, n - left + 1) + 1):
            step = costs[cut] * 2
            if best is not None and acc + step >= best[0]:
                continue
            walk(cut, left - 1, [*cuts, cut], acc + step)

    walk(0, count, [], 0.0)
    return best


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
