"""What every reader returns, and the errors and limits they share.

A reader turns one file into `SourceText`: plain lines in reading order, before any cleaning
(junk, wrapping and punctuation are clean.py's). Documents drafter rendered itself carry item
identities (bookmarks); a reader that finds them records, per line, the identity it carries.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from drafter.model.errors import DrafterError
from drafter.model.formats import SourceFormat
from drafter.util.safezip import MiB

# A text plan is a few hundred KB; a scanned PDF or a .docx with photos some tens of MB.
TEXT_LIMIT = 32 * MiB
DOCUMENT_LIMIT = 200 * MiB



@dataclass
class SourceText:
    """A source file's text as lines (no line ends), before any cleaning."""

    path: Path
    lines: list[str]
    encoding: str | None  # None for documents that are not plain text
    format: SourceFormat
    # line index (0-based) -> item identity found on it (bookmarks drafter writes)
    marks: dict[int, str] = field(default_factory=dict)


def source_error(path: Path, message: str, hint: str | None = None) -> DrafterError:
    return DrafterError.one(message, file=str(path), hint=hint)
