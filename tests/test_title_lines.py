"""Title breaking against real-shaped titles: words whole, good break places, no rectangles.

GB/T 9704 7.3.1: 标题回行时，要做到词意完整，排列对称，长短适宜，间距恰当，标题排列应当使用
梯形或菱形. Each row: a title as bureaus write them, and the lines it must break into (or
None where only the invariants are asserted).
"""

from __future__ import annotations

import itertools

import pytest

from drafter.render.profile import load_profile
from drafter.render.title_lines import break_title

RULES = load_profile().title
# words no line may split, whichever title they appear in
WHOLE = ("中共安顺市教育工作委员会", "安顺市教育局", "高质量", "《安顺市2025年教育工作要点》",
         "2025年", "工作要点", "进一步", "教育体育和科技局", "基础教育", "印发")

CASES = [
    # two organs: break after 委员会, never inside "安顺市教育局" (the reported defect)
    ("中共安顺市教育工作委员会安顺市教育局2025年工作要点",
     ["中共安顺市教育工作委员会", "安顺市教育局2025年工作要点"]),
    # the notice title: the quoted plan title stays whole
    ("关于印发《安顺市2025年教育工作要点》的通知",
     ["关于印发", "《安顺市2025年教育工作要点》的通知"]),
    # a quoted title longer than a line: broken after 委员会 inside it, and 《 never at a line end
    ("关于印发《中共安顺市教育工作委员会安顺市教育局2025年工作要点》的通知",
     ["关于印发《中共安顺市教育工作委员会", "安顺市教育局2025年工作要点》的通知"]),
    # province/city/county chain: after 局, never inside 2025年
    ("某某省某某市某某县教育局2025年教育工作要点",
     ["某某省某某市某某县教育局", "2025年教育工作要点"]),
    # a long organ name stays whole; the next line starts at 关于
    ("黔东南苗族侗族自治州教育局关于印发2025年全州教育工作要点的通知",
     ["黔东南苗族侗族自治州教育局关于", "印发2025年全州教育工作要点的通知"]),
    # 60 characters: never three full lines of 20 (the reported rectangle, "高 / 质量")
    ("中共安顺市教育工作委员会安顺市教育局关于推动新时代基础教育高质量发展"
     "加快建设教育强市的2025年教育工作要点", None),
    ("某某自治州某某县教育体育和科技局关于进一步加强中小学校园安全管理工作的实施方案", None),
    ("安顺市教育局关于推动新时代基础教育高质量发展加快建设教育强市的实施意见和2025年工作要点",
     None),
    # short: one line
    ("贵阳市教育局2025年工作要点", ["贵阳市教育局2025年工作要点"]),
]


@pytest.mark.parametrize(("title", "expected"), CASES, ids=[c[0][:12] for c in CASES])
def test_titles_break_into_whole_words(title: str, expected: list[str] | None) -> None:
    lines = break_title(title, RULES.max_chars, RULES.break_after, RULES.break_before,
                        RULES.keep_words)
    assert "".join(lines) == title
    assert all(0 < len(line) <= RULES.max_chars for line in lines)
    if expected is not None:
        assert lines == expected
    for word in WHOLE:
        if word in title:
            assert any(word in line for line in lines), (word, lines)
    if len(lines) > 1:
        assert not all(len(line) == RULES.max_chars for line in lines), lines
        assert not any(a == b for a, b in itertools.pairwise(map(len, lines))), lines


def test_a_line_break_written_in_the_title_wins() -> None:
    title = "中共安顺市教育工作委员会\n安顺市教育局2025年工作要点"
    assert break_title(title, 20, RULES.break_after, RULES.break_before) == [
        "中共安顺市教育工作委员会", "安顺市教育局2025年工作要点"]
    assert break_title("安顺市教育局\n工作要点", 20) == ["安顺市教育局", "工作要点"]
