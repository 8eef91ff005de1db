"""Chinese numerals are written once (drafter.model.numbering); the miner's markers and Word's
list numbers go through it, so the three can never disagree again."""

from __future__ import annotations

import pytest

from drafter.mine.docx_numbering import _format
from drafter.mine.markers import cn_to_int, parse_marker
from drafter.model.numbering import chinese_numeral, parse_chinese_numeral
from drafter.model.years import YEAR_MAX, YEAR_MIN, plausible_year


@pytest.mark.parametrize("n", range(1, 100))
def test_round_trip(n: int) -> None:
    assert parse_chinese_numeral(chinese_numeral(n)) == n
    assert cn_to_int(chinese_numeral(n)) == n
    assert _format(n, "chineseCounting") == chinese_numeral(n)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("〇", 0),  # 〇 is a zero digit in printed numerals
        ("两", 2),  # 两 for 二
        ("二十两", 22),
        ("十", 10),
        ("", None),
        ("十十", None),  # two tens
        ("一二", None),  # two digits without 十
        ("百", None),  # beyond what plans number
        ("二十三四", None),
    ],
)
def test_parse_edge_cases(text: str, value: int | None) -> None:
    assert parse_chinese_numeral(text) == value
    assert cn_to_int(text) == value


def test_numbers_beyond_numerals_stay_arabic() -> None:
    assert chinese_numeral(100) == "100"
    assert _format(100, "chineseCounting") == "100"
    with pytest.raises(ValueError):
        chinese_numeral(0)


def test_marker_numbers_come_from_the_shared_parser() -> None:
    marker = parse_marker("二十三、加强党的建设")
    assert marker is not None and (marker.kind, marker.number) == ("chapter", 23)
    section = parse_marker("（十二）保障")
    assert section is not None and (section.kind, section.number) == ("section", 12)


@pytest.mark.parametrize(
    ("value", "ok"),
    [(YEAR_MIN, True), (YEAR_MAX, True), (YEAR_MIN - 1, False), (YEAR_MAX + 1, False),
     (True, False), ("2025", False)],
)
def test_year_bounds(value: object, ok: bool) -> None:
    assert plausible_year(value) is ok
