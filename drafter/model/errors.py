"""User-facing problems: every message is Simplified Chinese and names a place.

`Problem` is one finding (file, line, what, how to fix). `DrafterError` carries one or
many problems up to the CLI/TUI, which print them without a traceback.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import PurePath


def display_path(path: str | PurePath) -> str:
    """A file path as a user should read it: relative to the current folder when that is
    shorter (`计划/临江.yaml`, `../目录/x.yaml`), else as given. Only absolute paths are
    rewritten; anything else (a relative path, `<stdin>`, a web address) is left alone."""
    text = str(path)
    if not os.path.isabs(text):
        return text
    try:
        relative = os.path.relpath(text)
    except (ValueError, OSError):  # another drive on Windows; the folder is gone
        return text
    return relative if len(relative) < len(text) else text


@dataclass(frozen=True)
class Problem:
    message: str
    file: str | None = None
    line: int | None = None
    where: str | None = None  # e.g. "第二章 第3条 (js-1a2b3c)"
    hint: str | None = None  # what to do about it

    def __str__(self) -> str:
        place = ""
        if self.file:
            shown = display_path(self.file)
            place = shown if self.line is None else f"{shown}:{self.line}"
        parts = [p for p in (place, self.where) if p]
        head = " ".join(parts)
        text = f"{head}：{self.message}" if head else self.message
        if self.hint:
            text += f"（{self.hint}）"
        return text


ProblemList = list[Problem]


@dataclass
class DrafterError(Exception):
    """One or more problems the user must fix. Never shown with a traceback."""

    problems: list[Problem] = field(default_factory=list)

    @classmethod
    def one(cls, message: str, **place: object) -> DrafterError:
        return cls([Problem(message, **place)])  # type: ignore[arg-type]

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)
