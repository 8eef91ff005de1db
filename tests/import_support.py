"""Helpers for the import tests: run the CLI in-process, compare documents item for item."""

from __future__ import annotations

import re
import traceback
from dataclasses import dataclass
from pathlib import Path

from click.testing import CliRunner, Result

from drafter.cli import cli
from drafter.mine.pipeline import mine_file
from drafter.model.document import MinedDocument
from drafter.model.errors import DrafterError

# Whitespace and punctuation do not count (the "modulo normalisation").
_NOISE = re.compile(r"[\s\W_]+")


@dataclass
class Outcome:
    exit_code: int
    output: str  # stdout and stderr, or the DrafterError's Chinese messages


def invoke(*args: str, input: str | None = None) -> Outcome:
    """The CLI in-process; a DrafterError becomes exit 1 and its messages, as `drafter` does."""
    result: Result = CliRunner().invoke(cli, list(args), input=input, catch_exceptions=True)
    if isinstance(result.exception, DrafterError):
        return Outcome(1, result.output + str(result.exception))
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError("".join(traceback.format_exception(result.exception)))
    return Outcome(result.exit_code, result.output)


def norm(text: str) -> str:
    return _NOISE.sub("", text)


def outline(doc: MinedDocument) -> list[tuple[str, list[str]]]:
    """Chapter headings with their items' text (lead + body), numbering left out."""
    return [(norm(c.heading), [norm(i.lead + i.body) for i in c.items]) for c in doc.chapters]


def same_items(source: Path, built: Path) -> None:
    """The built document holds the source's chapters and items, chapter for chapter."""
    expected, got = mine_file(source), mine_file(built)
    assert [h for h, _ in outline(got)] == [h for h, _ in outline(expected)]
    for (heading, want), (_, have) in zip(outline(expected), outline(got), strict=True):
        assert have == want, heading
    assert norm(got.preamble or "") == norm(expected.preamble or "")
