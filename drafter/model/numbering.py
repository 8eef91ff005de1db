"""Chinese numerals and the literal numbering of plans (一、 （一） 1.) — written once, here.

drafter computes numbering itself, never Word. The miner (markers, Word's own list numbering),
the checks and the renderer all use these functions; nothing else converts Chinese numerals.
"""

from __future__ import annotations

_DIGITS = "零一二三四五六七八九"
# What a printed numeral may use for a digit: 〇 and 两 appear in real documents.
_DIGIT_VALUES = {**{ch: i for i, ch in enumerate(_DIGITS)}, "〇": 0, "两": 2}


def chinese_numeral(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九 (enough for chapters and sections);
    other numbers as Arabic digits."""
    if n <= 0:
        raise ValueError(n)
    if n < 10:
        return _DIGITS[n]
    if n < 20:
        return "十" + (_DIGITS[n - 10] if n > 10 else "")
    if n < 100:
        tens, ones = divmod(n, 10)
        return _DIGITS[tens] + "十" + (_DIGITS[ones] if ones else "")
    return str(n)


def parse_chinese_numeral(text: str) -> int | None:
    """Inverse of chinese_numeral for 零…九十九 (〇 and 两 accepted as digits); None when text
    is not such a numeral."""
    if not text or any(ch not in _DIGIT_VALUES and ch != "十" for ch in text):
        return None
    if "十" not in text:
        return _DIGIT_VALUES[text] if len(text) == 1 else None
    tens_part, _, ones_part = text.partition("十")
    if len(tens_part) > 1 or len(ones_part) > 1 or "十" in ones_part:
        return None
    tens = _DIGIT_VALUES[tens_part] if tens_part else 1
    ones = _DIGIT_VALUES[ones_part] if ones_part else 0
    return tens * 10 + ones


def chapter_marker(n: int) -> str:
    return f"{chinese_numeral(n)}、"


def section_marker(n: int) -> str:
    return f"（{chinese_numeral(n)}）"


def item_marker(n: int) -> str:
    return f"{n}."
