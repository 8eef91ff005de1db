"""Small random edits of a YAML text, for the tests that hold a fast reader to the full path
(tests/test_yaml_quick.py, tests/test_catalog_dumped.py)."""

from __future__ import annotations

import random
from collections.abc import Sequence

# Text put into a line: YAML's indicators, quoting, block and flow marks, tags, anchors, values
# its resolver reads as something other than text, a tab.
PIECES: tuple[str, ...] = (
    " ", "  ", "- ", ": ", ":", "#", " #", "'", '"', "|", "|-", "|+", ">", "&a ", "*a", "!!", "{",
    "}", "[", "]", "?", "\\", "\n", "\n  ", "yes", "1", "-", "~", "%", "@", "2025-01-01", "\t")
# Whole lines put between others.
LINES: tuple[str, ...] = ("", "  ", "#c", "  - x", "x: 1", "  y:", "    z")


def mutate(rng: random.Random, text: str, *, pieces: Sequence[str] = PIECES,
           lines: Sequence[str] = LINES) -> str:
    """`text` with one to three edits: a piece put in, characters cut, a line put in, a line
    re-indented, or a line replaced by another of the text."""
    out = text.split("\n")
    for _ in range(rng.randint(1, 3)):
        k = rng.randrange(len(out))
        line = out[k]
        op = rng.randrange(5)
        pos = rng.randint(0, len(line))
        if op == 0:
            out[k] = line[:pos] + rng.choice(list(pieces)) + line[pos:]
        elif op == 1:
            out[k] = line[:pos] + line[pos + rng.randint(1, 3):]
        elif op == 2:
            out.insert(k, rng.choice(list(lines)))
        elif op == 3:
            out[k] = " " * rng.randint(0, 6) + line.lstrip(" ")
        else:
            out[k] = out[rng.randrange(len(out))]
    return "\n".join(out)
