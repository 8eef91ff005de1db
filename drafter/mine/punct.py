"""Half-width , : ; ( ) ? ! become full-width inside Chinese text.

Chinese plans use full-width punctuation; web copies often carry half-width. A mark is
converted only when a neighbour is Chinese, and never inside what must stay as it is:
decimals (3.5), times (8:30), thousands (1,000), number ranges, URLs, e-mail addresses and
item markers ("1." — the full stop is not touched at all). Pure string functions.
"""

from __future__ import annotations

import re

_CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef“”‘’《》【】…—]")
_PROTECTED = re.compile(
    r"(?:https?|ftp)://[^\s\u4e00-\u9fff，。；、“”（）]+|www\.[A-Za-z0-9./_%-]+"
    r"|[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}"
)
_PAIR = re.compile(r"[(（]([^()（）]{0,300})[)）]")
_MARK = re.compile(r"[,:;?!]")
_FULL = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"}


def to_full_width(text: str) -> str:
    """`text` with half-width punctuation made full-width where the text around it is Chinese."""
    if not any(ch in text for ch in ",:;?!()"):
        return text
    if not _CJK.search(text):
        return text
    pieces: list[str] = []
    last = 0
    for m in _PROTECTED.finditer(text):
        pieces.append(_convert(text[last:m.start()]))
        pieces.append(m.group(0))
        last = m.end()
    pieces.append(_convert(text[last:]))
    return "".join(pieces)


def _convert(text: str) -> str:
    text = _PAIR.sub(_pair, text)
    text = _MARK.sub(_mark, text)
    return _lone_brackets(text)


def _pair(m: re.Match[str]) -> str:
    s, a, b = m.string, m.start(), m.end()
    inner = m.group(1)
    chinese = (_CJK.search(inner) is not None
               or (a > 0 and _CJK.match(s[a - 1]) is not None)
               or (b < len(s) and _CJK.match(s[b]) is not None)
               or "（" in m.group(0) or "）" in m.group(0))
    return f"（{inner}）" if chinese else m.group(0)


def _neighbour(s: str, i: int, step: int) -> str:
    i += step
    while 0 <= i < len(s) and s[i] == " ":
        i += step
    return s[i] if 0 <= i < len(s) else ""


def _mark(m: re.Match[str]) -> str:
    ch, s, i = m.group(0), m.string, m.start()
    before, after = _neighbour(s, i, -1), _neighbour(s, i, 1)
    if ch in ",:" and before.isdigit() and after.isdigit():
        return ch  # 1,000 and 8:30 stay
    if ch in "?!":
        chinese = bool(before) and _CJK.match(before) is not None
    else:
        chinese = any(c and _CJK.match(c) is not None for c in (before, after))
    return _FULL[ch] if chinese else ch


def _lone_brackets(text: str) -> str:
    """A bracket left unpaired (the other half was lost) follows its Chinese neighbours."""
    if "(" not in text and ")" not in text:
        return text
    out = list(text)
    for i, ch in enumerate(text):
        if ch in "()":
            before, after = _neighbour(text, i, -1), _neighbour(text, i, 1)
            if any(c and _CJK.match(c) is not None for c in (before, after)):
                out[i] = _FULL[ch]
    return "".join(out)
