"""One paragraph of cleaned text: the unit cleaning, re-splitting and structure pass along.

A plain record with no behaviour, kept apart so the cleaning steps (clean, resplit) and the
structure steps (notice, walk, structure) can share it without importing each other.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Para:
    """One paragraph of cleaned text and the 1-based source line it starts on."""

    text: str
    line: int
    indent: bool = False  # the source line was indented
    gap_before: bool = False  # a blank line preceded it
    cut: bool = False  # text is missing here: an elision was cut out, or the text resumes after one
