"""Temporary stand-in; replaced by the slot extractor (owner B1)."""

from __future__ import annotations

from drafter.model.clause import Slot
from drafter.util.placeholders import escape_braces


def templatize(
    lead: str, body: str, *, year: int | None, region: str | None
) -> tuple[str, str, list[Slot]]:
    return escape_braces(lead), escape_braces(body), []
