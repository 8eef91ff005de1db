"""Regular expressions from users' rule files, which must not hang a check.

Python's `re` has no time limit: `(甲+)+乙` on 32 characters ran past 60 s. A pattern from a
user's file is therefore (1) refused when it nests a repeat inside a repeated group — the shape
of catastrophic backtracking — and (2) compiled with the `regex` package and run with a timeout,
so anything the shape test misses still stops. `TimedPattern` offers the few methods the checks
use; a timeout raises a Chinese DrafterError naming the rule.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from typing import Any

from drafter.model.errors import DrafterError

TIMEOUT = 1.0  # seconds per call; a real rule over a real paragraph takes microseconds
_META = frozenset(".^$*+?{}[]\\|()#")  # what makes a pattern more than its own characters
_FLAGS = re.compile(r"\(\?[^:<=!]")  # any (? group but (?: and look-arounds: flags, atomic…
# A group holding a repeat (+ * {n,}) that is itself repeated: (a+)+, (a*)*, (甲{1,}乙)+ …
_POSIX = re.compile(r"\[:\^?\w+:\]")  # a POSIX class inside a set, as regex reads it
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
        self._compiled: Any = None if checked else _compile(source)
        # Words every match contains: where they do not occur, nothing is compiled or searched
        # (most rules name words a given plan does not use).
        self._required = required_text(source)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, TimedPattern) and other.pattern == self.pattern

    def __hash__(self) -> int:
        return hash(self.pattern)

    def _may_match(self, text: str) -> bool:
        return self._required is None or any(words in text for words in self._required)

    @property
    def _re(self) -> Any:
        if self._compiled is None:
            self._compiled = _compile(self.pattern)
        return self._compiled

    def _timeout(self) -> DrafterError:
        return DrafterError.one(f"规则的正则表达式运行超时：{self.pattern}",
                                where=self.where or None,
                                hint="请简化该表达式（避免 (甲+)+ 这样的嵌套重复）")

    def finditer(self, text: str) -> Iterator[Any]:
        if not self._may_match(text):
            return
        try:
            yield from self._re.finditer(text, timeout=TIMEOUT)
        except TimeoutError:
            raise self._timeout() from None

    def search(self, text: str) -> Any:
        if not self._may_match(text):
            return None
        try:
            return self._re.search(text, timeout=TIMEOUT)
        except TimeoutError:
            raise self._timeout() from None

    def findall(self, text: str) -> list[Any]:
        return [m.group() for m in self.finditer(text)]


def _compile(source: str) -> Any:
    import regex  # the timed engine, imported when a pattern is first compiled

    return regex.compile(source, flags=regex.VERSION0)


def required_text(source: str) -> tuple[str, ...] | None:
    """Texts of which every match of `source` contains at least one, or None when that cannot
    be told simply. Each top-level alternative needs its own: after any leading look-behind
    groups and optional `(?:…)?` groups, either a required `(?:…)` group's alternatives or the
    plain characters up to the first special character (less the last one when `*`, `?` or `{`
    may make it absent). `(?<![二三])十九大` needs 十九大; `二十届[一二]中` needs 二十届;
    `(?:迎接|喜迎)二十大` needs 迎接 or 喜迎; `a|b` needs a or b; `.+` needs nothing."""
    if _FLAGS.search(source):
        return None  # (?i) and the like may change what every character matches
    branches = _split_bars(source)
    found: list[str] = []
    for branch in branches:
        texts = _branch_required(branch)
        if texts is None:
            return None
        found += texts
    return tuple(dict.fromkeys(found))


def _branch_required(branch: str) -> tuple[str, ...] | None:
    rest = branch
    while rest.startswith("("):
        end = _group_end(rest)
        if end is None:
            return None
        head, after = rest[:end], rest[end:]
        if head.startswith(("(?<!", "(?<=")):
            rest = after  # look-behind: consumes nothing
        elif after[:1] in ("*", "?", "{"):
            past = _after_quantifier(after)  # an optional group: may be absent
            if past is None:
                return None
            rest = past
        elif head.startswith("(?:"):
            return required_text(head[3:-1])  # a group every match passes through
        else:
            return None
    n = 0
    while n < len(rest) and rest[n] not in _META:
        n += 1
    if n < len(rest) and rest[n] in "*?{":
        n -= 1
    return (rest[:n],) if n > 0 else None


def _after_quantifier(text: str) -> str | None:
    """`text` past the quantifier it starts with (and a lazy/possessive mark)."""
    if text[:1] == "{":
        close = text.find("}")
        if close < 0 or any(c in "[]()|\\" for c in text[1:close]):
            return None  # a { that is no quantifier: its } may lie in a class or group
        text = text[close + 1:]
    else:
        text = text[1:]
    return text[1:] if text[:1] in ("?", "+") else text


def _split_bars(source: str) -> list[str]:
    cuts = [i for i, c, depth in _scan(source) if c == "|" and depth == 0]
    bounds = [-1, *cuts, len(source)]
    return [source[a + 1:b] for a, b in itertools.pairwise(bounds)]


def _scan(source: str) -> Iterator[tuple[int, str, int]]:
    """(position, character, group depth before it) of the characters outside escapes and
    character classes."""
    depth, i = 0, 0
    while i < len(source):
        c = source[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            i += 1
            if i < len(source) and source[i] == "^":
                i += 1
            if i < len(source) and source[i] == "]":
                i += 1  # a ] first in a class is a member
            while i < len(source) and source[i] != "]":
                posix = _POSIX.match(source, i)  # [:digit:] inside a class: its ] is its own
                i = posix.end() if posix else i + (2 if source[i] == "\\" else 1)
            i += 1
            continue
        yield i, c, depth
        depth += 1 if c == "(" else -1 if c == ")" else 0
        i += 1


def _group_end(source: str) -> int | None:
    """The index after the `)` closing the group that opens at 0."""
    for i, c, depth in _scan(source):
        if c == ")" and depth == 1:
            return i + 1
    return None


def compile_user_regex(source: str, *, literal: bool = False, where: str = "") -> TimedPattern:
    """Compile a pattern from a user's file; UnsafePattern (Chinese) when it is refused."""
    import regex

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
