"""Temporary stand-in; replaced by the rule-based classifier (owner B1)."""

from __future__ import annotations


def classify(lead: str, body: str, fallback: str | None) -> tuple[str, list[str]]:
    return fallback or "保障", []


def classify_heading(heading: str) -> str | None:
    return None
