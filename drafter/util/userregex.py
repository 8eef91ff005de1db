"""Regular expressions from users' rule files, which must not hang a check.

Python's `re` has no time limit: `(甲+)+乙` on 32 characters ran past 60 s. A pattern from a
user's file is therefore (1) refused when it nests a repeat inside a repeated group — the shape
of catastrophic backtracking — and (2) compiled with the `regex` package and run with a timeout,
so anything the shape test misses still stops. `TimedPattern` offers the few methods the checks
use; a timeout raises a Chinese DrafterError naming the rule.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import regex

from drafter.model.errors import DrafterError

TIMEOUT = 1.0  # seconds per call; a real rule over a real paragraph takes microseconds
# A group holding a repeat (+ * {n,}) that is itself repeated: (a+)+, (a*)*, (甲{1,}乙)+ …
_META = frozenset(".^$*+?{}[]\\|()#")  # what makes a pattern more than its own characters
_NESTED = re.compile(r"\((?:[^()\\]|\\.)*?(?:[+*]|\{\d*,\d*\})(?:[^()\\]|\\.)*\)(?:[+*]|\{\d*,)")


class UnsafePattern(ValueError):
    """The pattern is refused; str() is a Chinese sentence."""


class TimedPattern:
    """A compiled user pattern whose searches stop after TIMEOUT seconds."""

    def __init__(self, source: str, where: str = "", *, checked: bool = False) -> None:
        """Compiled now (a bad pattern raises regex.error here), or on first use when the
        pattern was `checked` before (read back from a validated rule file's cache)."""
        self.pattern = source
        self.where = where
        self._compiled: Any = None if checked else regex.compile(source, flags=regex.VERSION0)
        # A pattern of plain characters matches exactly where its text occurs: where it does
        # not, nothing is compiled or searched (most rules are such words, absent from a plan).
        self._literal = source if source and _META.isdisjoint(source) else None

    def __eq__(self, other: object) -> bool:
        return isinstance(other, TimedPattern) and other.pattern == self.pattern

    def __hash__(self) -> int:
        return hash(self.pattern)

    @property
    def _re(self) -> Any:
        if self._compiled is None:
            self._compiled = regex.compile(self.pattern, flags=regex.VERSION0)
        return self._compiled

    def _timeout(self) -> DrafterError:
        return DrafterError.one(f"规则的正则表达式运行超时：{self.pattern}",
                                where=self.where or None,
                                hint="请简化该表达式（避免 (甲+)+ 这样的嵌套重复）")

    def finditer(self, text: str) -> Iterator[Any]:
        if self._literal is not None and self._literal not in text:
            return
        try:
            yield from self._re.finditer(text, timeout=TIMEOUT)
        except TimeoutError:
            raise self._timeout() from None

    def search(self, text: str) -> Any:
        if self._literal is not None and self._literal not in text:
            return None
        try:
            return self._re.search(text, timeout=TIMEOUT)
        except TimeoutError:
            raise self._timeout() from None

    def findall(self, text: str) -> list[Any]:
        return [m.group() for m in self.finditer(text)]


def compile_user_regex(source: str, *, literal: bool = False, where: str = "") -> TimedPattern:
    """Compile a pattern from a user's file; UnsafePattern (Chinese) when it is refused."""
    if literal:
        return TimedPattern(regex.escape(source), where)
    if _NESTED.search(source):
        raise UnsafePattern("正则表达式中有嵌套的重复（如 (甲+)+），可能让检查卡住")
    try:
        return TimedPattern(source, where)
    except regex.error as exc:
        pos = getattr(exc, "pos", None)  # set by regex at run time; its stubs omit it
        raise UnsafePattern(f"正则表达式有误（第 {pos} 个字符附近）"
                            if pos is not None else "正则表达式有误") from None
