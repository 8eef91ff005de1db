"""User-facing problems: every message is Simplified Chinese and names a place.

`Problem` is one finding (file, line, what, how to fix). `DrafterError` carries one or
many problems up to the CLI/TUI, which print them without a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass, field


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
            place = self.file if self.line is None else f"{self.file}:{self.line}"
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
