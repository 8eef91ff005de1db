"""Half-width , : ; ( ) ? ! become full-width inside Chinese text.

Chinese plans use full-width punctuation; web copies often carry half-width. A mark is
converted only when a neighbour is Chinese, and never inside what must stay as it is:
decimals (3.5), times (8:30), thousands (1,000), number ranges, URLs, e-mail addresses and
item markers ("1." — the full stop is not touched at all). Pure string functions.
"""

from __future__ import annotations

import re

_CJK_CLASS = r"\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef“”‘’《》【】…—"
_CJK = re.compile(f"[{_CJK_CLASS}]")
_PROTECTED = re.compile(
    r"(?:https?|ftp)://[^\s\u4e00-\u9fff，。；、“”（）]+|www\.[A-Za-z0-9./_%-]+"
    r"|[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}"
)
_PAIR = re.compile(r"[(（]([^()（）]{0,300})[)）]")
_FULL = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"}
# , : ; next to Chinese on either side (8:30 and 1,000 have digits on both sides: untouched);
# ? ! only after Chinese. One pattern per mark, so the replacement is a constant.
_MARKS: tuple[tuple[str, re.Pattern[str]], ...] = (
    *((ch, re.compile(rf"(?<=[{_CJK_CLASS}]) ?{re.escape(ch)}|{re.escape(ch)} ?(?=[{_CJK_CLASS}])"))
      for ch in ",:;"),
    *((ch, re.compile(rf"(?<=[{_CJK_CLASS}]) ?{re.escape(ch)}")) for ch in "?!"),
)
_LONE = re.compile(rf"(?<=[{_CJK_CLASS}]) ?[()]|[()] ?(?=[{_CJK_CLASS}])")


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
    if "(" in text or ")" in text:
        text = _PAIR.sub(_pair, text)
    for ch, pattern in _MARKS:
        if ch in text:
            text = pattern.sub(_FULL[ch], text)
    if "(" in text or ")" in text:  # a bracket whose other half was lost
        text = _LONE.sub(lambda m: _FULL[m.group(0).strip()], text)
    return text


def _pair(m: re.Match[str]) -> str:
    s, a, b = m.string, m.start(), m.end()
    inner = m.group(1)
    chinese = (_CJK.search(inner) is not None
               or (a > 0 and _CJK.match(s[a - 1]) is not None)
               or (b < len(s) and _CJK.match(s[b]) is not None)
               or "（" in m.group(0) or "）" in m.group(0))
    return f"（{inner}）" if chinese else m.group(0)
