"""Where the user is in the plan: a chapter, one of its items, or the preamble / closing.

Why: the outline, the checks panel, the values form and every edit speak of "the selected
place" the same way; one small frozen value, 0-based like `drafter.model.resolve`. Plain data.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Part = Literal["chapter", "preamble", "closing", "title", "values"]


@dataclass(frozen=True)
class Selection:
    """A place in the plan outline: a chapter and optionally one of its items (0-based), or
    the preamble / closing paragraph (then `chapter` is unused)."""

    chapter: int
    item: int | None = None
    part: Part = "chapter"


PREAMBLE = Selection(0, None, "preamble")
CLOSING = Selection(0, None, "closing")
TITLE = Selection(0, None, "title")  # a check's place only: the outline has no title line
VALUES = Selection(0, None, "values")  # a check's place only: a plan-wide value (参数 tab)
