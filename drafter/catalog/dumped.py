"""Reading back the catalogue files `drafter.catalog.dump` writes: one regex match per clause.

A cold open of a big catalogue (no cache yet: a folder copied from another bureau) read the
YAML line by line (`drafter.util.yaml_quick`), walked every field through the table-driven
validator (`drafter.catalog.schema`), then packed the records for the cache: 5 s at 40,000
clauses. Drafter's own files have one layout — the field table's keys in table order, two
spaces of indentation, indentless lists, literal blocks for long text — so a regular
expression built from the field table (`drafter.catalog.fields`) matches a whole clause, and
its values are decoded, checked and packed as they are read.

Its one promise: when `read_dumped(text, key)` returns (packed records, id lines), the full
path (`load_yaml`, `validate_chapter`, `packed_records`) returns the same ones and no problem.
Anything else — a key out of order, unknown or repeated, a comment inside a clause, a value
not in the layout dump writes (a folded or indented block, a flow list, a multi-line quoted
string), or any problem the validator would report — gives None, and the caller reads the
file through the full path, which reports every problem with file:line as always. Scalars
on a line are decoded by `yaml_quick.line_scalar` (PyYAML's own resolver: `yes` is a bool);
the rules that are not about layout are the validator's own (`schema.ID_RE`,
`slot_name_problem`, `default_fits`, `template_problems`), never restated here.
tests/test_catalog_dumped.py holds the promise on tricky values and mutated files.

This module must not read files, cache, or build model objects.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from functools import cache, lru_cache
from typing import Any

from drafter.catalog.fields import CLAUSE, SLOT, SOURCE, VARIANT, Field
from drafter.catalog.schema import (
    DEFAULTS,
    ID_RE,
    default_fits,
    slot_name_problem,
    template_problems,
)
from drafter.model.clause import CLAUSE_KINDS, SLOT_TYPES
from drafter.model.levels import LEVELS
from drafter.util.yaml_quick import NOT_QUICK, SPECIAL, NotQuick, line_scalar

Packed = tuple[Any, ...]
IdLines = list[tuple[str, int | None]]

# Blank lines and whole-line comments, which may stand between any two lines read here (a
# line inside a literal block is the block's, matched first: these quantifiers never give
# back what they took).
_GAP = r"(?:[ ]*\#[^\n]*\n|\n)*+"


# A value on its key's line, without the spaces around it (not a block's `|` header).
_TEXT = r"[^ |\n](?:[^\n]*[^ \n])?"


def _block(n: int) -> str:
    """A literal block's lines at indentation `n`: the first one not blank; no line of only
    spaces (whether those are content depends on rules this reader does not follow)."""
    return rf"[ ]{{{n}}}[^ \n][^\n]*\n(?:[ ]{{{n}}}[ ]*[^ \n][^\n]*\n|\n)*+"


def _scalar(c: int) -> str:
    """After `key:` at column `c`: a value on the line, or `|`, `|-`, `|+` and a block at c+2.
    Three groups: the line's text, the chomping indicator, the block."""
    return rf"(?:[ ]+({_TEXT})[ ]*\n|[ ]+\|([-+]?)\n({_block(c + 2)}))"


_NESTED = {"slots": SLOT, "sources": SOURCE, "variants": VARIANT, "source": SOURCE}
_LISTS = ("texts", "slots", "sources", "variants")


def _value(f: Field, c: int) -> str:
    """The pattern of field `f`'s value after `key:` at column `c`. A list or a nested mapping
    is one group holding its lines (the deeper ones), each item read afterwards by its own
    pattern, which must account for every line."""
    if f.shape in _LISTS:  # an indentless list: `- …` at the key's column, deeper lines
        return rf"\n((?:{_GAP}[ ]{{{c}}}-[ ][^\n]*\n(?:[ ]{{{c + 2}}}[^\n]*\n|\n)*+)++)"
    if f.shape == "source":  # one mapping, its keys at c+2
        return rf"\n((?:[ ]{{{c + 2}}}[^\n]*\n|\n)++)"
    return _scalar(c)


def _mapping(fields: tuple[Field, ...], c: int, on_dash: bool) -> str:
    """A mapping whose keys sit at column `c` in table order, optional ones left out; the first
    key on the dash's line when `on_dash`."""
    parts = []
    for k, f in enumerate(fields):
        head = "" if k == 0 and on_dash else rf"{_GAP}[ ]{{{c}}}"
        part = f"{head}{f.name}:{_value(f, c)}"
        parts.append(part if f.required else f"(?:{part})?+")
    assert fields[0].required  # an item's first line is always its first field
    return "".join(parts)


# Each field's check as the validator records it, for a value `v` already decoded (MISSING:
# the key is absent); NotQuick where the validator would complain or change the value (a
# number where text belongs: the full path says what).
_CHECKS: dict[str, str] = {
    "text": "if v is None or v is MISSING: v = ''\nelif type(v) is not str: raise NotQuick",
    "opt_text": "if v is MISSING: v = None\n"
                "elif v is not None and type(v) is not str: raise NotQuick",
    "id": "if type(v) is not str or ID_RE.match(v) is None: raise NotQuick",
    "kind": "if v is MISSING: v = DEFAULTS['kind']\n"
            "if type(v) is not str or v not in CLAUSE_KINDS: raise NotQuick",
    "slot_type": "if v is MISSING: v = DEFAULTS['slot_type']\n"
                 "if type(v) is not str or v not in SLOT_TYPES: raise NotQuick",
    "default": "if v is MISSING: v = None\n"  # a list or mapping never fits a slot's type
               "elif type(v) is list or type(v) is dict: raise NotQuick",
    "year": "if v is MISSING: v = None\nelif v is not None and type(v) is not int: raise NotQuick",
    "level": "if v is MISSING: v = None\n"
             "elif v is not None and (type(v) is not str or v not in LEVELS): raise NotQuick",
}
# A value on its key's line `r` is its own text unless it starts with an indicator or a
# character YAML resolves (digits, y/n/t/f/o, ~ …), or holds `: ` or ` #`: then
# yaml_quick.line_scalar reads it. Written once, inlined into the generated readers.
_ON_LINE = "(line_scalar(r) if r[0] in SPECIAL or ': ' in r or ' #' in r or r[-1] == ':' else r)"
_on_line: Callable[[str], Any] = eval(  # the same test, as a function for the other callers
    f"lambda r: {_ON_LINE}", {"SPECIAL": SPECIAL, "line_scalar": line_scalar})
_MISSING: Any = object()
# Fields whose values are rarely repeated; every other value on a line (kind, a slot's type,
# label and unit, a source's file and year…) is decoded and checked once a file, and the one
# object shared by every record that holds it: less to do, to keep and to write to the cache.
_UNIQUE = frozenset({"id", "lead", "body"})


class _Table:
    """One record kind at one column: its pattern, and `read(m, reader)`, generated from the
    field table, which decodes, checks and packs a match of it (straight-line code, as
    fields._builder builds objects: a loop over the fields tripled the time)."""

    def __init__(self, fields: tuple[Field, ...], c: int, on_dash: bool, lead: str = "") -> None:
        self.c = c
        body = _mapping(fields, c, on_dash)
        self.pattern = re.compile(f"({lead}){body}" if lead else body)
        env: dict[str, Any] = {
            "MISSING": _MISSING, "NotQuick": NotQuick, "ID_RE": ID_RE, "DEFAULTS": DEFAULTS,
            "CLAUSE_KINDS": CLAUSE_KINDS, "SLOT_TYPES": SLOT_TYPES, "LEVELS": LEVELS,
            "SPECIAL": SPECIAL, "line_scalar": line_scalar, "literal": _literal,
            "texts": _texts, "gap_only": _gap_only}
        self.memos: set[str] = set()  # the memos (see _Reader.memo) the fields use
        code = []
        i = 1 if lead else 0  # the lead's own group
        for k, f in enumerate(fields):
            code += [f"    # {f.name}", *(f"    {line}" for line in self._field(f, i, env)),
                     f"    v{k} = v"]
            i += 1 if f.shape in _LISTS or f.shape == "source" else 3
        assert i == self.pattern.groups
        code = ["def read(m, reader):", "    g = m.groups()",
                *(f"    memo_{name} = reader.memo[{name!r}]" for name in sorted(self.memos)),
                *code]
        code.append(f"    return ({', '.join(f'v{k}' for k in range(len(fields)))},)")
        exec("\n".join(code), env)  # generated from the constant field tables, never from data
        self.read = env["read"]

    def _field(self, f: Field, i: int, env: dict[str, Any]) -> list[str]:
        c = self.c
        if f.shape == "source":
            env[f"t_{f.name}"] = _Table(SOURCE, c + 2, False)
            return [f"if g[{i}] is None:",
                    "    v = None",
                    "else:",
                    f"    it = t_{f.name}.pattern.match(reader.text, m.start({i + 1}), "
                    f"m.end({i + 1}))",
                    f"    if it is None or not gap_only(reader.text, it.end(), m.end({i + 1})):",
                    "        raise NotQuick",
                    f"    v = t_{f.name}.read(it, reader)"]
        if f.shape == "texts":
            read = [f"v = texts(reader.text, m.start({i + 1}), m.end({i + 1}), {c})"]
        elif f.shape in _LISTS:  # a list of mappings, each checked by its post hook
            env[f"t_{f.name}"] = _Table(_NESTED[f.shape], c + 2, True, rf"{_GAP}[ ]{{{c}}}-[ ]")
            env[f"post_{f.name}"] = _POST[f.shape]
            read = ["v = []",
                    f"b, e, seen, p = m.start({i + 1}), m.end({i + 1}), set(), "
                    f"t_{f.name}.pattern",
                    "while b < e:",
                    "    it = p.match(reader.text, b, e)",
                    "    if it is None:",
                    "        if gap_only(reader.text, b, e): break",
                    "        raise NotQuick",
                    f"    v.append(post_{f.name}(t_{f.name}.read(it, reader), seen, v0, it, "
                    "reader))",
                    "    b = it.end()"]
        if f.shape in _LISTS:
            if f.shape == "variants":  # ids: never repeated, and their lines are recorded
                return ["v = []", f"if g[{i}] is not None:", *(f"    {line}" for line in read)]
            memo = f"memo_{f.name}_{c}"  # the same lines, the same list: read once a file
            self.memos.add(memo[5:])
            return ["v = []",
                    f"if g[{i}] is not None:",
                    f"    v = {memo}.get(g[{i}])",
                    "    if v is None:",
                    *(f"        {line}" for line in read),
                    f"        {memo}[g[{i}]] = v",
                    "    v = [*v]  # a list of its own for each record (records are tuples)"]
        checks = _CHECKS[f.shape].split("\n")
        absent = _absent(f.shape)
        if f.name in _UNIQUE:
            on_line = [f"    v = {_ON_LINE}", *(f"    {line}" for line in checks)]
        else:  # short and repeated: read and checked once a file
            memo = f"memo_{f.shape}"
            self.memos.add(f.shape)
            on_line = [f"    v = {memo}.get(r, MISSING)",
                       "    if v is MISSING:",
                       f"        v = {_ON_LINE}",
                       *(f"        {line}" for line in checks),
                       f"        {memo}[r] = v"]
        return [f"r = g[{i}]",
                "if r is not None:",
                *on_line,
                f"elif g[{i + 2}] is None:",
                f"    v = {absent}" if absent is not NotQuick else "    raise NotQuick",
                "else:",
                f"    v = literal(g[{i + 1}], g[{i + 2}], {c + 2})",
                *(f"    {line}" for line in checks)]


def _absent(shape: str) -> Any:
    """What the check of `shape` makes of an absent key, as a literal: NotQuick for a
    required one."""
    env = {"v": _MISSING, "MISSING": _MISSING, "NotQuick": NotQuick, "DEFAULTS": DEFAULTS,
           "ID_RE": ID_RE, "CLAUSE_KINDS": CLAUSE_KINDS, "SLOT_TYPES": SLOT_TYPES,
           "LEVELS": LEVELS}
    try:
        exec(_CHECKS[shape], env)  # the constant checks above
    except NotQuick:
        return NotQuick
    return repr(env["v"])

_PADS: dict[int, str] = {}


def _literal(chomp: str, block: str, n: int) -> str:
    """A literal block's value: its lines at indentation `n`, chomped (`-` strip, `+` keep)."""
    pad = _PADS.get(n) or _PADS.setdefault(n, "\n" + " " * n)
    text = block[n:].replace(pad, "\n")
    if chomp == "-":
        return text.rstrip("\n")
    return text if chomp == "+" else text.rstrip("\n") + "\n"


@cache
def _text_item(c: int) -> re.Pattern[str]:
    return re.compile(rf"{_GAP}[ ]{{{c}}}-{_scalar(c)}")


def _texts(text: str, b: int, e: int, c: int) -> list[str]:
    """The indentless list of texts between `b` and `e`, its dashes at column `c`."""
    item = _text_item(c)
    out = []
    while b < e:
        m = item.match(text, b, e)
        if m is None:
            if _gap_only(text, b, e):
                break
            raise NotQuick
        r = m[1]
        value = _on_line(r) if r is not None else _literal(m[2], m[3], c + 2)
        if type(value) is not str:
            raise NotQuick
        out.append(value)
        b = m.end()
    return out


def _gap_only(text: str, b: int, e: int) -> bool:
    """Whether only blank and comment lines stand between `b` and `e`."""
    return _GAP_ONLY.match(text, b, e).end() == e  # type: ignore[union-attr]


def _at(fields: tuple[Field, ...]) -> dict[str, int]:
    """Each field's index in a record packed by `fields.pack` (by name, never by position)."""
    return {f.name: i for i, f in enumerate(fields)}


_CL, _VA, _SL = _at(CLAUSE), _at(VARIANT), _at(SLOT)
_SLOT_NAME = _SL["name"]


def _slot(packed: Packed, seen: set[str], owner: str, item: re.Match[str],
          reader: _Reader) -> Packed:
    """A slot, checked as the validator checks it against its clause's other slots."""
    name, label = packed[_SL["name"]], packed[_SL["label"]]
    if slot_name_problem(name, seen) is not None or \
            not default_fits(packed[_SL["type"]], packed[_SL["default"]]):
        raise NotQuick
    seen.add(name)
    if label:
        return packed
    named = list(packed)
    named[_SL["label"]] = name  # an empty label is the name, as the validator records it
    return tuple(named)


def _source(packed: Packed, seen: set[str], owner: str, item: re.Match[str],
            reader: _Reader) -> Packed:
    return packed


def _variant(packed: Packed, seen: set[str], owner: str, item: re.Match[str],
             reader: _Reader) -> Packed:
    """A variant, checked against its clause `owner`; its id's line recorded."""
    vid = packed[_VA["id"]]
    if vid and not vid.startswith(f"{owner}/"):
        raise NotQuick
    _templates(packed[_VA["lead"]], packed[_VA["body"]], packed[_VA["slots"]])
    reader.ids.append((vid, reader.line + reader.text.count("\n", reader.pos, item.end(1))))
    return packed


_POST = {"slots": _slot, "sources": _source, "variants": _variant}


def _templates(lead: str, body: str, slots: list[Packed]) -> None:
    if (slots or "{" in lead or "{" in body) and \
            template_problems(lead, body, [s[_SLOT_NAME] for s in slots]):
        raise NotQuick


class _Reader:
    """The clauses of one file's text, with the line of every clause and variant id."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.ids: IdLines = []
        # per shape: a value's text on its line -> the value, checked (never a list); per list
        # field and column: the list's lines -> its items, checked (copied for each record)
        self.memo: defaultdict[str, dict[str, Any]] = defaultdict(dict)
        self.line, self.pos = 1, 0  # the current clause's first line, and where it is

    def clauses(self, pos: int) -> list[Packed] | None:
        table = _clause_table()
        text, end, ids = self.text, len(self.text), self.ids
        lead, body, slots, ident = _CL["lead"], _CL["body"], _CL["slots"], _CL["id"]
        records: list[Packed] = []
        while pos < end:
            m = table.pattern.match(text, pos)
            if m is None:
                gap = _GAP_ONLY.match(text, pos)
                return records if gap is not None and gap.end() == end else None
            dash = m.end(1)
            self.line += text.count("\n", self.pos, dash)
            self.pos = dash
            index = len(ids)
            ids.append(("", self.line))  # the clause's, before its variants'
            packed = table.read(m, self)
            ids[index] = (packed[ident], self.line)
            _templates(packed[lead], packed[body], packed[slots])
            records.append(packed)
            pos = m.end()
        return records


@lru_cache(maxsize=1)
def _clause_table() -> _Table:
    return _Table(CLAUSE, 2, True, rf"{_GAP}-[ ]")


_HEAD = re.compile(rf"{_GAP}chapter:{_scalar(0)}{_GAP}clauses:(?:[ ]+\[\]\n|\n)")
_GAP_ONLY = re.compile(_GAP)


def read_dumped(text: str, key: str, limit: int) -> tuple[list[Packed], IdLines] | None:
    """(packed records, id lines) of chapter `key`'s file `text` when it is in the layout dump
    writes and holds nothing the validator would report; None otherwise."""
    if len(text) > limit or not text.endswith("\n") or NOT_QUICK.search(text):
        return None
    head = _HEAD.match(text)
    if head is None:
        return None
    reader = _Reader(text)
    try:
        if head[1] is None or _on_line(head[1]) != key:
            return None
        records = reader.clauses(head.end())
    except NotQuick:
        return None
    return None if records is None else (records, reader.ids)
