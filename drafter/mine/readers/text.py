"""Plain text and Markdown in any encoding a Chinese plan comes in.

Encodings are detected, never guessed: byte-order marks first, then strict UTF-8, then UTF-16
without a mark (Notepad's "Unicode" saved without BOM, recognised by what it decodes to), then
charset-normalizer among the Chinese encodings. Text that is mostly control characters or
replacement characters is refused as binary.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from drafter.mine.readers.base import SourceText, source_error
from drafter.model.formats import SUPPORTED_HINT

# Longest first: the UTF-32 LE mark starts with the UTF-16 LE mark.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Encodings a Chinese plan plausibly comes in when it is not UTF-8 (charset-normalizer picks).
_CANDIDATES = ["gb18030", "gbk", "gb2312", "big5", "big5hkscs"]
# Control characters that never occur in a text document (tab, CR, LF, FF are allowed).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
NEWLINES = re.compile(r"\r\n|\r|\n|\u2028|\u2029|\x0c")
# What a real Chinese text is made of: CJK, its punctuation, full-width forms, ASCII, spaces.
_PLAUSIBLE = re.compile(r"[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef\u2010-\u206f"
                        r"\u0020-\u007e\t\r\n\u00b7\u2160-\u217f\u2460-\u24ff]")


def read_text(path: Path, data: bytes, *, markdown: bool) -> SourceText:
    text, encoding = decode_bytes(data, path)
    lines = NEWLINES.split(text)
    if markdown:
        return SourceText(path, strip_markdown(lines), encoding, "md")
    return SourceText(path, lines, encoding, "txt")


def decode_bytes(data: bytes, path: Path) -> tuple[str, str]:
    """Text and the encoding it was in. BOM, strict UTF-8, UTF-16 by content, then detection."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(data[len(bom):].decode(encoding), path), encoding
            except UnicodeDecodeError:
                raise source_error(path,
                                   f"文件开头标明是 {encoding.upper()} 编码，但内容无法按此解码",
                                   "文件可能已损坏，请重新另存为 UTF-8 文本") from None
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return _checked(utf16[0], path), utf16[1]
    if b"\x00" in data:
        raise source_error(path, "这是二进制文件，不是文本", SUPPORTED_HINT)
    try:
        return _checked(data.decode("utf-8"), path), "utf-8"
    except UnicodeDecodeError:
        pass
    return _detect(data, path)


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 text saved without a byte-order mark, when one byte order decodes to plausible
    Chinese or ASCII text (≥ 95% of characters) and the other does not."""
    if len(data) < 4 or len(data) % 2:
        return None
    best: tuple[float, str, str] | None = None
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        score = len(_PLAUSIBLE.findall(text)) / max(len(text), 1)
        if best is None or score > best[0]:
            best = (score, text, encoding)
    if best is None or best[0] < 0.95:
        return None
    # Plain ASCII/UTF-8 text read as UTF-16 gives CJK-looking pairs too: require what UTF-16
    # text of a plan has and UTF-8 has not — NUL bytes (ASCII digits, line ends) or no valid
    # UTF-8 reading at all.
    if b"\x00" not in data:
        try:
            data.decode("utf-8")
            return None
        except UnicodeDecodeError:
            pass
    return best[1], best[2]


def _detect(data: bytes, path: Path) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=_CANDIDATES).best()
    if best is None or best.encoding is None:
        raise source_error(path, "无法识别文件的文字编码",
                           "请用记事本或 WPS 把文件另存为 UTF-8 编码的 .txt 后再试")
    return _checked(str(best), path), best.encoding


def _checked(text: str, path: Path) -> str:
    controls = len(_CONTROL.findall(text))
    if controls > max(2, len(text) // 200) or text.count("\ufffd") > max(2, len(text) // 100):
        raise source_error(path, "文件含有大量无法显示的字符，看起来不是文本文件", SUPPORTED_HINT)
    return _CONTROL.sub("", text)


# ---------------------------------------------------------------- .md

_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s*(.*?)\s*#*\s*$")
_MD_BULLET = re.compile(r"^\s*(?:[-*+]|>+)\s+")
_MD_RULE = re.compile(r"^\s*(?:[-*_]\s*){3,}$|^\s*```.*$|^\s*\|?\s*:?-{3,}.*$")
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|~~|`)(?=[^\s*_])(.+?)(?<=[^\s*_])\1")
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_ORDERED = re.compile(r"^\s*(\d{1,3})\.\s+")


def strip_markdown(lines: list[str]) -> list[str]:
    """Markdown markup off: headings, emphasis, links, bullets, rules, table pipes.

    Numbered list markers ("1. ") stay, as item markers ("1."), and one line stays one line
    so line numbers still point into the file.
    """
    out: list[str] = []
    for line in lines:
        if _MD_RULE.match(line):
            out.append("")
            continue
        heading = _MD_HEADING.match(line)
        if heading:
            line = heading.group(1)
        line = _MD_BULLET.sub("", line)
        line = _MD_ORDERED.sub(lambda m: f"{m.group(1)}.", line)
        line = _MD_LINK.sub(r"\1", line)
        line = _MD_EMPHASIS.sub(r"\2", line)
        if line.lstrip().startswith("|"):
            line = " ".join(c.strip() for c in line.strip().strip("|").split("|"))
        out.append(line)
    return out
