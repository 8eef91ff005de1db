"""Where a value came from, and whether it counts as filled.

Why: a figure in a plan may be one the official typed, a suggestion she accepted, last year's
figure carried by `roll`, the batch base plan's figure a county inherited, or a catalogue
default mined from another region's plan. Only the first two are hers; the others are shown
as 待核实 until she confirms them, and `--strict` refuses a document that prints them.

Only "confirmed" and "last_year" are stored in a plan file (a value without an entry was
typed, so old plans load with every value typed); "inherited" is set by batch, "default"
and "missing" are what resolution finds. Pure data, no I/O.
"""

from __future__ import annotations

from typing import Literal

Provenance = Literal["typed", "confirmed", "last_year", "inherited", "default", "missing"]
PROVENANCES: tuple[str, ...] = ("typed", "confirmed", "last_year", "inherited", "default",
                                "missing")
FILLED: tuple[str, ...] = ("typed", "confirmed")
STORED: tuple[str, ...] = ("confirmed", "last_year", "inherited")

LABELS: dict[str, str] = {
    "typed": "已填写",
    "confirmed": "已确认",
    "last_year": "去年",
    "inherited": "沿用基础计划",
    "default": "目录默认值",
    "missing": "缺",
}


def stored_provenance(code: str | None) -> Provenance:
    """A stored entry as a provenance; no entry (or an unknown one) means typed."""
    if code in STORED:
        return code  # type: ignore[return-value]
    return "typed"


def label(provenance: str) -> str:
    """The Chinese word for a provenance, for the TUI and messages."""
    return LABELS.get(provenance, provenance)
