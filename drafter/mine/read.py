"""The miner's reader, kept under its old name: `read_source` is `readers.read_document`.

Everything about formats lives in `drafter.mine.readers`; this module only keeps the names
other modules and tests import.
"""

from __future__ import annotations

from drafter.mine.readers import SourceFormat, SourceText
from drafter.mine.readers import read_document as read_source
from drafter.mine.readers.text import decode_bytes, strip_markdown

__all__ = ["SourceFormat", "SourceText", "decode_bytes", "read_source", "strip_markdown"]
