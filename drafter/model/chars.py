"""Characters that must never reach a terminal, a .docx or a file name as they are.

Control characters (`\\x1b` starts terminal escape sequences, `\\r` rewrites a line, `\\x00` breaks
Word's XML, `\\v` is what Word's Shift+Enter becomes when pasted) and bidi overrides (U+202E shows
text reversed) are defined once here. The YAML front door refuses them, the terminal shows them
visibly (`visible`), the checks flag them, and typed or pasted text is cleaned (`clean_text`).
Pure: no I/O.
"""

from __future__ import annotations

import re

_C0 = "\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f"
_OTHER = ("\\x7f-\\x9f\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069"
          "\\ufffe\\uffff\\ud800-\\udfff")
# Unsafe anywhere in a value (tab and newline are fine; a lone carriage return is not).
UNSAFE_CHAR = re.compile(f"[{_C0}\\r{_OTHER}]")
# Unsafe in a file's raw text, where \r is part of a Windows line ending.
UNSAFE_IN_FILE = re.compile(f"[{_C0}{_OTHER}]")
# Chinese line breaking (避头尾), for every place that lays text out in lines (the title's
# lines in a document, the TUI's preview): what never starts a line, and what never ends one.
NO_LINE_START = frozenset("，。、；：？！）》”’」』】〕〉…—·%‰,.;:?!)]}")
NO_LINE_END = frozenset("（《“‘「『【〔〈([{")
# What XML 1.0 (and so .docx) cannot hold at all.
NOT_XML = re.compile("[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\ufffe\\uffff\\ud800-\\udfff]")


def char_name(ch: str) -> str:
    """A visible name for one character, e.g. `␛ (U+001B)`."""
    return f"{visible(ch)}（U+{ord(ch):04X}）"


def _show(match: re.Match[str]) -> str:
    ch = match.group()
    code = ord(ch)
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode control pictures: ␀ … ␛ … ␟
    if code == 0x7F:
        return "␡"
    return f"\\u{code:04x}"


def visible(text: str) -> str:
    """`text` with every control and bidi-override character shown as a symbol or an escape,
    so nothing from a file can retitle, rewrite or reorder the terminal. Tab and newline stay."""
    if not text or not isinstance(text, str):
        return text
    return UNSAFE_CHAR.sub(_show, text)


def has_unsafe(text: str) -> bool:
    return bool(text) and UNSAFE_CHAR.search(text) is not None


def clean_text(text: str) -> str:
    """Typed or pasted text made safe to keep: a vertical tab or form feed (Word's manual line
    break) becomes a newline, `\\r\\n` a newline, every other control or bidi character goes."""
    if not text or UNSAFE_CHAR.search(text) is None:
        return text
    text = text.replace("\r\n", "\n").replace("\v", "\n").replace("\f", "\n").replace("\r", "\n")
    return UNSAFE_CHAR.sub("", text)
