"""A quick reader for the plain block YAML drafter itself writes; None for anything else.

`load_yaml` composes a node graph (libyaml in C, but one Python node, two marks and a resolver
call per scalar), checks it and builds the data: about a second per 5,000 catalogue clauses.
The files `dump_yaml` writes use a small part of YAML — block mappings with identifier keys,
block sequences, plain, single-quoted and one-line double-quoted scalars, literal block
scalars, `[]` and `{}` — and this reader reads exactly that part line by line, ten times faster.

Its one promise: when `quick_yaml(text)` returns data, `load_yaml(text, …)` returns the same
data and no problem. Anything it is not sure of — a tab, a carriage return, a control, bidi or
non-printable character, an anchor, alias or tag, a flow collection, a multi-line plain or
quoted scalar, a duplicate key, a date, nesting deeper than `MAX_DEPTH`, a file over
`MAX_YAML_BYTES` — makes it return None, and the caller reads the file through `load_yaml`,
which reports problems with file:line as always. Plain scalars are resolved by PyYAML's own
resolver and constructor (YAML 1.1: `yes` is a bool, `1.` a float), so a value never means
something else here. tests/test_yaml_quick.py holds the promise on generated and mutated files.

The line map it returns knows only where each sequence item that is a mapping starts (a
catalogue's clauses and variants): a caller that finds a problem reads the file again through
`load_yaml` for the line of everything.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

import yaml

from drafter.model.chars import UNSAFE_CHAR
from drafter.util.yaml_nodes import LineMap

MAX_DEPTH = 32

# Outside: what PyYAML reads as a line break or refuses as non-printable, tab, CR, BOM.
# What drafter.model.chars finds unsafe in a file is outside too (one search, not two).
NOT_QUICK = re.compile("[^\\n\\x20-\\x7e\\xa0-\\u061b\\u061d-\\u200d\\u2010-\\u2027"
                        "\\u202f-\\u2065\\u206a-\\ud7ff\\ue000-\\ufefe\\uff00-\\ufffd"
                        "\\U00010000-\\U0010ffff]")
_SINGLE = re.compile(r"'((?:[^']|'')*)'$")
_DOUBLE = re.compile(r'"(?:[^"\\]|\\.)*"$')
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
_STR = "tag:yaml.org,2002:str"
_BUILT = frozenset({"tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
                    "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null"})
_RESOLVERS = yaml.resolver.Resolver.yaml_implicit_resolvers
# First characters after which a plain scalar may be more than its own text: indicators, and
# those PyYAML's resolver looks at (digits, signs, dot, y/n/t/f/o for bools, ~ and n for null).
SPECIAL = _INDICATORS | {c for c in _RESOLVERS if c} | {" "}

try:  # pragma: no cover - depends on how PyYAML was built
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]


class NotQuick(Exception):
    """The text leaves the part of YAML this reader knows."""


class ItemLines(LineMap):
    """The lines of a quickly read document: where each sequence item that is a mapping
    starts (what a valid catalogue asks for: its clauses' and variants' lines); any other
    path is answered by the full line map, built by `exact()` on first need (a problem)."""

    def __init__(self, data: Any, starts: dict[int, int],
                 exact: Callable[[], LineMap]) -> None:
        super().__init__()
        self._data, self._starts, self._exact = data, starts, exact
        self._full: LineMap | None = None

    def line(self, *path: Any) -> int | None:
        value = self._data
        for part in path:
            if isinstance(value, dict) and part in value:
                value = value[part]
            elif isinstance(value, list) and isinstance(part, int) and 0 <= part < len(value):
                value = value[part]
            else:
                break
        else:
            start = self._starts.get(id(value)) if path else None
            if start is not None:
                return start
        if self._full is None:
            self._full = self._exact()
        return self._full.line(*path)


def quick_yaml(text: str, limit: int,
               exact: Callable[[], LineMap]) -> tuple[Any, LineMap] | None:
    """(data, lines) of `text` when it lies in the plain block part of YAML that drafter
    writes and holds nothing `load_yaml` would refuse; None otherwise. `exact` gives the full
    line map (by reading the text through `load_yaml`) when a line other than an item's is
    asked for."""
    if len(text) > limit or NOT_QUICK.search(text):
        return None
    reader = _Reader(text)
    try:
        data = reader.document()
    except (NotQuick, RecursionError):
        return None
    return data, ItemLines(data, reader.starts, exact)


@lru_cache(maxsize=1024)
def _resolved(value: str) -> Any:
    """A plain scalar PyYAML would build as int, float, bool or null, built by PyYAML."""
    data = _load_one(value)
    if isinstance(data, list | dict):  # pragma: no cover - excluded by the plain checks
        raise NotQuick
    return data


def _load_one(text: str) -> Any:
    """One scalar on its own, built by PyYAML's safe loader; NotQuick when it refuses it."""
    try:
        return yaml.load(text, Loader=_Loader)  # the safe loader
    except (yaml.YAMLError, ValueError, OverflowError):
        raise NotQuick from None


def _key_ok(key: str) -> bool:
    """An identifier key that PyYAML reads as that string (not `yes`, `null`…)."""
    ok = _KEYS.get(key)
    if ok is None:
        ok = key.isascii() and key.isidentifier() and isinstance(_plain(key), str)
        if len(key) <= _KEY_CHARS and len(_KEYS) < _MAX_KEYS:  # a file's keys do not stay
            _KEYS[key] = ok
    return ok


_KEYS: dict[str, bool] = {}
_MAX_KEYS, _KEY_CHARS = 4096, 64


def _plain(value: str) -> Any:
    known = _PLAINS.get(value, NotQuick)
    if known is not NotQuick:
        return known
    data = _plain_value(value)
    if len(value) <= 16 and len(_PLAINS) < 4096:
        _PLAINS[value] = data
    return data


_PLAINS: dict[str, Any] = {}


def _plain_value(value: str) -> Any:
    first = value[0]
    if first in _INDICATORS and (first not in "-?:" or len(value) == 1 or value[1] == " "):
        raise NotQuick  # `-3`, `?x` and `:x` are plain; `- x`, `&a`, `'…` and the rest are not
    if ": " in value or " #" in value or value[-1] == ":":
        raise NotQuick
    for tag, pattern in _RESOLVERS.get(value[0], ()):
        if pattern.match(value):
            if tag not in _BUILT:
                raise NotQuick  # a date (checked by load_yaml), a merge key, `=`
            return _resolved(value)
    return value


def line_scalar(text: str) -> Any:
    """A scalar written whole on its line (plain, quoted, `[]`, `{}`; not a block scalar), as
    `load_yaml` builds it; NotQuick when it is not sure (the caller reads the file in full)."""
    first = text[0]
    if first == "'":
        match = _SINGLE.match(text)
        if match is None:
            raise NotQuick
        return match[1].replace("''", "'")
    if first == '"':
        if _DOUBLE.match(text) is None:
            raise NotQuick
        if "\\" not in text:
            return text[1:-1]
        value = _load_one(text)
        if not isinstance(value, str) or UNSAFE_CHAR.search(value):
            raise NotQuick  # an escaped control character is load_yaml's to report
        return value
    if text == "[]":
        return []
    if text == "{}":
        return {}
    return _plain(text)


class _Reader:
    """One pass over the lines with a stack of open blocks (column, container)."""

    def __init__(self, text: str) -> None:
        self.lines = text.split("\n")
        self.ends_with_break = text.endswith("\n")
        if self.ends_with_break:
            self.lines.pop()
        self.i = 0  # the line being read
        self.root: Any = None
        self.stack: list[tuple[int, Any]] = []  # open blocks, innermost last
        self.pending: tuple[dict[str, Any], str, int] | None = None  # `key:` awaiting a value
        self.starts: dict[int, int] = {}  # id(mapping item) -> its line

    def document(self) -> Any:
        """The data; the common line — `key: plain text` in the open mapping — read inline."""
        lines, n, special, keys = self.lines, len(self.lines), SPECIAL, _KEYS
        column: int = -1  # the innermost open block's column when it is a mapping, else -1
        mapping: dict[str, Any] = {}
        lcolumn: int = -1  # the same when it is a sequence
        items: list[Any] = []
        while self.i < n:
            line = lines[self.i]
            text = line.lstrip(" ")
            if not text or text[0] == "#":
                self.i += 1
                continue
            col = len(line) - len(text)
            if text == "..." and col == 0:  # the document's end: only comments may follow
                self.i += 1
                if self.root is None or self.peek_content():
                    raise NotQuick  # libyaml refuses a `...` that ends no document
                break
            if self.pending is not None:
                if text[:2] == "- " and col >= self.pending[2]:  # `key:` then its sequence
                    owner, key, _ = self.pending
                    self.pending = None
                    owner[key] = items = []
                    self.stack.append((col, items))
                    lcolumn = col
                    if len(self.stack) > MAX_DEPTH:
                        raise NotQuick
            elif col < column or col < lcolumn:  # blocks end: back to the one at this column
                stack = self.stack
                while stack and col < stack[-1][0]:
                    stack.pop()
                column = lcolumn = -1
                if stack:
                    if type(stack[-1][1]) is dict:
                        column, mapping = stack[-1]
                    else:
                        lcolumn, items = stack[-1]
            if col == lcolumn and text[:2] == "- " and text[2:3] not in ("", " "):
                rest = text[2:]
                head, colon, after = rest.partition(":")
                if not colon or (after and after[0] != " "):  # `- text`: a scalar item
                    rest = rest.rstrip(" ")
                    self.i += 1
                    if rest[0] in special or ": " in rest or " #" in rest or rest[-1] == ":":
                        items.append(self.scalar(rest, col))
                    else:
                        items.append(rest)
                    continue
                if keys.get(head):  # `- key: …`: a mapping item, its first key read below
                    mapping = {}
                    items.append(mapping)
                    self.starts[id(mapping)] = self.i + 1
                    col = column = col + 2
                    self.stack.append((col, mapping))
                    if len(self.stack) > MAX_DEPTH:
                        raise NotQuick
                    lcolumn, text = -1, rest
            if col == column and text[0] != "-":
                head, colon, after = text.partition(":")
                if colon and (after[:1] == " " or not after) and keys.get(head) and \
                        head not in mapping:
                    rest = after.strip(" ")
                    self.i += 1
                    if not rest:  # `key:`: its value starts on a later line
                        self.pending = (mapping, head, col)
                        column = -1
                    elif rest[0] in special or ": " in rest or " #" in rest or rest[-1] == ":":
                        mapping[head] = self.scalar(rest, col)
                    else:
                        mapping[head] = rest
                    continue
            self.step(text, col)
            column = lcolumn = -1
            if self.stack and self.pending is None:
                top = self.stack[-1]
                if type(top[1]) is dict:
                    column, mapping = top
                else:
                    lcolumn, items = top
        if self.pending is not None:
            self.pending[0][self.pending[1]] = None
        return self.root

    def peek_content(self) -> bool:
        """Whether a line other than an empty one or a comment follows."""
        return any(line.strip(" ") and line.lstrip(" ")[0] != "#"
                   for line in self.lines[self.i:])

    def step(self, text: str, col: int) -> None:
        """Read the line `text` at column `col` (not empty, not a comment) in any case."""
        stack = self.stack
        item = text[0] == "-" and (len(text) == 1 or text[1] == " ")
        if self.pending is not None:
            owner, key, kcol = self.pending
            self.pending = None
            block: list[Any] | dict[str, Any]
            if item and col >= kcol:  # a sequence, at the key's column or deeper
                owner[key] = block = []
                stack.append((col, block))
            elif col > kcol:
                owner[key] = block = {}
                stack.append((col, block))
            else:
                owner[key] = None
        elif self.root is None:
            self.root = [] if item else {}
            stack.append((col, self.root))
        while stack and col < stack[-1][0]:
            stack.pop()
        if not stack or col != stack[-1][0] or len(stack) > MAX_DEPTH:
            raise NotQuick
        target = stack[-1][1]
        if type(target) is list:
            if item:
                self.item(target, text[2:], col)
                return
            stack.pop()  # an indentless sequence ends at its mapping's next key
            if not stack or col != stack[-1][0] or type(stack[-1][1]) is list:
                raise NotQuick
            target = stack[-1][1]
        elif item:
            raise NotQuick  # a dash where a key belongs
        self.entry(target, text, col)

    def item(self, target: list[Any], rest: str, col: int) -> None:
        """`- value` or `- key: value` (a mapping item starting on the dash's line)."""
        inner = len(rest) - len(rest.lstrip(" "))
        rest = rest[inner:].rstrip(" ")
        if not rest:
            raise NotQuick
        head, colon, after = rest.partition(":")
        if colon and (not after or after[0] == " ") and _key_ok(head):
            block: dict[str, Any] = {}
            target.append(block)
            self.starts[id(block)] = self.i + 1
            self.stack.append((col + 2 + inner, block))
            self.entry(block, rest, col + 2 + inner)
        else:
            self.i += 1
            target.append(self.scalar(rest, col))

    def entry(self, target: dict[str, Any], text: str, col: int) -> None:
        """`key: value`, or `key:` whose value follows on the next lines."""
        head, colon, after = text.partition(":")
        if not colon or (after and after[0] != " ") or head in target or not _key_ok(head):
            raise NotQuick  # not `key: value`, or a key load_yaml reads otherwise or refuses
        self.i += 1
        rest = after.strip(" ")
        if rest:
            target[head] = self.scalar(rest, col)
        else:
            self.pending = (target, head, col)

    def scalar(self, text: str, owner: int) -> Any:
        """The value written on the line itself; `owner` is the column of its key or dash."""
        if text[0] == "|":
            if text not in ("|", "|-", "|+"):
                raise NotQuick
            return self.literal(text[1:], owner)
        return line_scalar(text)

    def literal(self, chomp: str, owner: int) -> str:
        """A literal block scalar's text (the header line already read)."""
        lines, i, n = self.lines, self.i, len(self.lines)
        if i >= n:
            raise NotQuick
        head = lines[i]
        indent = len(head) - len(head.lstrip(" "))
        if indent <= owner or indent == len(head):
            raise NotQuick  # an empty block, or leading blank lines
        pad = " " * indent
        body: list[str] = []
        while i < n:
            line = lines[i]
            if line.startswith(pad):
                if line.isspace():
                    raise NotQuick  # spaces-only lines: content or not by column rules
                body.append(line[indent:])
            elif not line:
                body.append("")
            elif line.isspace():
                raise NotQuick
            else:
                break
            i += 1
        if i == n and not self.ends_with_break and chomp != "-":
            raise NotQuick  # the last line has no break to keep
        self.i = i
        trailing = 0
        while body[-1 - trailing] == "":
            trailing += 1
        text = "\n".join(body[:len(body) - trailing])
        if chomp == "-":
            return text
        return text + "\n" * (1 + (trailing if chomp == "+" else 0))
