"""Issue 13.10: preview and detail text follow Chinese line breaking (避头尾) at every width."""

from __future__ import annotations

import itertools

import pytest
from rich.cells import cell_len
from rich.text import Text

from drafter.tui.linebreak import NO_END, NO_START, break_offsets, wrap_text

SAMPLE = ("2026年，全县教育工作的总体要求是：坚持以习近平新时代中国特色社会主义思想为指导，"
          "全面贯彻党的二十大和二十届历次全会精神（含四中全会），落实《教育强国建设规划纲要"
          "（2024—2035年）》，办好人民满意的教育。新建公办幼儿园12所，普惠率达到95%。"
          "开展“最美教师”评选，全年培训教师3000人次……确保安全！")


def _lines(text: str, width: int) -> list[str]:
    offsets = [0, *break_offsets(text, width), len(text)]
    return [text[a:b] for a, b in itertools.pairwise(offsets)]


@pytest.mark.parametrize("width", range(8, 81))
def test_no_line_starts_or_ends_with_forbidden_punctuation(width: int) -> None:
    lines = _lines(SAMPLE, width)
    assert "".join(lines) == SAMPLE  # nothing lost, nothing added
    for n, line in enumerate(lines):
        assert line, width
        assert cell_len(line) <= width, (width, line)
        if n:
            assert line[0] not in NO_START, (width, line)
        if n < len(lines) - 1:
            assert line[-1] not in NO_END, (width, line)


def test_without_the_rule_a_plain_wrap_would_start_a_line_with_punctuation() -> None:
    """The table above can fail: at some width a naive cut lands before a "，"."""
    naive = [SAMPLE[i:i + 10] for i in range(0, len(SAMPLE), 10)]  # 10 CJK cells wide: 20
    assert any(line[0] in NO_START for line in naive[1:])


def test_styles_and_paragraphs_survive() -> None:
    text = Text("第一段，文字。\n第二段【待填：地区】，文字。")
    text.stylize("bold", 11, 19)
    wrapped = wrap_text(text, 12)
    assert wrapped.plain.replace("\n", "") == text.plain.replace("\n", "")
    assert any(span.style == "bold" for span in wrapped.spans)
    assert all(not line or line[0] not in NO_START for line in wrapped.plain.split("\n"))
