"""Helpers for the miner's layout tests: mine a text written at test time, read its leads."""

from __future__ import annotations

from pathlib import Path

from drafter.mine.pipeline import mine_file
from drafter.model import MinedDocument


def mine_text(tmp_path: Path, text: str, name: str = "plan.txt") -> MinedDocument:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return mine_file(path)


def leads(doc: MinedDocument) -> list[tuple[str, str]]:
    return [(i.marker, i.lead) for i in doc.items()]
