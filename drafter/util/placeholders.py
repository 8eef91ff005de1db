"""Placeholder checks for the middle layers, as they have always been imported from here.

The scanner itself lives in `drafter.model.placeholders` (pure, bounded, no Jinja): this module
only keeps the names the catalogue, plan, render and TUI code call.
"""

from __future__ import annotations

from drafter.model.placeholders import escape_braces, scan

__all__ = ["escape_braces", "placeholder_problems", "template_names"]


def placeholder_problems(text: str) -> list[str]:
    """Chinese messages for every disallowed construct in `text`; empty when it is fine."""
    return list(scan(text).problems)


def template_names(text: str) -> set[str]:
    """The placeholder names `text` uses (empty when it has problems)."""
    result = scan(text)
    return set() if result.problems else set(result.names)
