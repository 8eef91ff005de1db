"""Hand-written comments in a catalogue file survive a merge (`drafter mine -o`).

The catalogue files are written by the machine and curated by hand; a merge rewrites them from
the merged catalogue, which used to drop every comment a colleague had written. Here the comments
of the old file are found with what they annotate — a clause (`- id: …`), a field of a clause,
the end of a field's line — and put back at the same place in the new text. A comment whose
clause is gone is kept at the end of the file under a note, never dropped.

Why not a round-trip YAML library (ruamel.yaml): it attaches a comment to whatever node precedes
it (a comment above clause B belongs to clause A's last field), so moving clauses would move
comments to the wrong clause, and its output would not be the deterministic layout `dump.py`
writes (which must stay byte-identical for the same catalogue). Pure text in, text out.
"""

from __future__ import annotations

import re

_CLAUSE = re.compile(r"^- id: *(\S+)")
_KEY = re.compile(r"^( +)([A-Za-z_]+):")
_COMMENT = re.compile(r"^\s*#")
# `  kind: plan  # 备注`: a plain (unquoted, not block) value followed by a comment
_EOL = re.compile(r"^( +[A-Za-z_]+: +[^'\"|>#\s][^#]*?) +(#.*)$")
LOST_NOTE = "# 以下注释原所在的条目已不在目录中（合并时保留）："

Anchor = tuple[str, ...]


def _anchor(line: str, clause: str | None) -> Anchor:
    match = _CLAUSE.match(line)
    if match:
        return ("clause", match.group(1))
    key = _KEY.match(line)
    if key and clause is not None and len(key.group(1)) == 2:
        return ("key", clause, key.group(2))
    return ("line", line.strip())


def _header_end(lines: list[str]) -> int:
    """Index of the first line after the leading comment block (the generated header)."""
    i = 0
    while i < len(lines) and (_COMMENT.match(lines[i]) or not lines[i].strip()):
        i += 1
    return i


def hand_comments(old: str) -> tuple[dict[Anchor, list[str]], dict[Anchor, str]]:
    """(comment blocks by the line they precede, end-of-line comments by field)."""
    lines = old.splitlines()
    before: dict[Anchor, list[str]] = {}
    eol: dict[Anchor, str] = {}
    pending: list[str] = []
    clause: str | None = None
    for line in lines[_header_end(lines):]:
        if _COMMENT.match(line):
            pending.append(line)
            continue
        if not line.strip():
            continue
        anchor = _anchor(line, clause)
        if anchor[0] == "clause":
            clause = anchor[1]
        if pending:
            before.setdefault(anchor, []).extend(pending)
            pending = []
        match = _EOL.match(line)
        if match and anchor[0] == "key":
            eol[anchor] = match.group(2)
    if pending:
        before.setdefault(("end",), []).extend(pending)
    return before, eol


def carry_comments(old: str, new: str) -> str:
    """`new` with the hand-written comments of `old` put back where they belong."""
    before, eol = hand_comments(old)
    if not before and not eol:
        return new
    out: list[str] = []
    clause: str | None = None
    placed: set[Anchor] = set()
    for line in new.splitlines():
        if _COMMENT.match(line) or not line.strip():
            out.append(line)
            continue
        anchor = _anchor(line, clause)
        if anchor[0] == "clause":
            clause = anchor[1]
        if anchor in before and anchor not in placed:
            out.extend(before[anchor])
            placed.add(anchor)
        if anchor in eol and "#" not in line:
            line = f"{line}  {eol[anchor]}"
        out.append(line)
    lost = [c for a, block in before.items() if a not in placed and a != ("end",)
            for c in block]
    if lost:
        out += ["", LOST_NOTE, *lost]
    out += before.get(("end",), [])
    return "\n".join(out) + ("\n" if new.endswith("\n") else "")
