"""A saved web page (.html/.htm): the article's text, in the page's own encoding.

The encoding comes from a byte-order mark, then the page's `<meta charset>` (or http-equiv
content type), then detection. The main text is extracted with trafilatura (navigation, footers
and sidebars dropped), keeping one paragraph per line; what junk survives is the miner's junk
rules' to drop. When trafilatura finds no article, the page's visible text is used.
"""

from __future__ import annotations

import re
from pathlib import Path

from drafter.mine.readers.base import SourceText, source_error
from drafter.mine.readers.text import NEWLINES, decode_bytes

_META = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb18030": "gb18030"}


def decode_html(data: bytes, path: Path) -> str:
    if not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        match = _META.search(data[:4096])
        if match:
            name = match.group(1).decode("ascii", "replace").lower()
            encoding = _ALIASES.get(name, name)
            try:
                return data.decode(encoding)
            except (LookupError, UnicodeDecodeError):
                pass  # a page that lies about its charset: detect instead
    return decode_bytes(data, path)[0]


def read_html(path: Path, data: bytes) -> SourceText:
    import trafilatura

    page = decode_html(data, path)
    try:
        text = trafilatura.extract(page, include_comments=False, include_tables=True,
                                   favor_recall=True, deduplicate=False, output_format="txt")
    except Exception:  # a library crash on a hostile page must not become a traceback
        text = None
    if not text or len(text) < 20:
        text = _visible_text(page)
    lines = [line.strip() for line in NEWLINES.split(text)]
    if not any(lines):
        raise source_error(path, "网页中没有找到正文文字",
                           "请确认保存的是正文页面（网页另存为“网页，全部”或“文本”）")
    return SourceText(path, lines, None, "html")


_SCRIPT = re.compile(r"<(script|style|noscript)\b.*?</\1\s*>", re.I | re.S)
_BLOCK = re.compile(r"<\s*(?:br|/p|/div|/h\d|/li|/tr|p|div|h\d|li|tr)\b[^>]*>", re.I)
_TAG = re.compile(r"<[^>]+>")


def _visible_text(page: str) -> str:
    import html

    body = _SCRIPT.sub("", page)
    body = _BLOCK.sub("\n", body)
    return html.unescape(_TAG.sub("", body))
