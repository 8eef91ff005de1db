"""Read values back out of text a template rendered to: the inverse of filling placeholders.

`fit_template("新建{{ 幼儿园数 }}所", "新建12所")` gives `{"幼儿园数": "12"}`. Used by import (the
literal a mined slot stood for) and by `import --update` (a number a leader changed in Word).
Known names (地区, 年份) and their `+ n`/`- n` forms are matched as their literal values, escaped
braces as braces; any other expression matches any text. Pure: no I/O, no Jinja.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from drafter.model.placeholders import placeholder_spans

_NAME = re.compile(r"^[^\W\d]\w*$")
_SHIFT = re.compile(r"^([^\W\d]\w*)\s*([+-])\s*(\d+)$")
_QUOTED = re.compile(r"""^(['"])(.*)\1$""", re.S)
MAX_TEXT = 20_000  # longer texts are not fitted (a real item is under 2,000 characters)


def template_pattern(template: str, known: Mapping[str, object]) -> tuple[str, list[str]]:
    """A regular expression for what `template` renders to, and the names it captures."""
    parts: list[str] = []
    names: list[str] = []
    pos = 0
    for start, end, expr in placeholder_spans(template):
        parts.append(re.escape(template[pos:start]))
        pos = end
        parts.append(_expr_pattern(expr, known, names))
    parts.append(re.escape(template[pos:]))
    return "".join(parts), names


def _expr_pattern(expr: str, known: Mapping[str, object], names: list[str]) -> str:
    quoted = _QUOTED.match(expr)
    if quoted:
        return re.escape(quoted.group(2))
    shift = _SHIFT.match(expr)
    if shift and isinstance(known.get(shift.group(1)), int):
        base = int(known[shift.group(1)])  # type: ignore[call-overload]
        value = base + int(shift.group(3)) * (1 if shift.group(2) == "+" else -1)
        return re.escape(str(value))
    if _NAME.match(expr):
        if expr in known:
            return re.escape(str(known[expr]))
        group = f"v{names.index(expr)}" if expr in names else None
        if group is not None:
            return f"(?P={group})"
        names.append(expr)
        return f"(?P<v{len(names) - 1}>.+?)"
    return ".+?"


def fit_template(template: str, text: str, known: Mapping[str, object] | None = None
                 ) -> dict[str, str] | None:
    """The literal text each placeholder of `template` stands for in `text`; None when `text`
    is not what the template renders to (whatever the values)."""
    if len(text) > MAX_TEXT or len(template) > MAX_TEXT:
        return None
    pattern, names = template_pattern(template, known or {})
    match = re.fullmatch(pattern, text, re.S)
    if match is None:
        return None
    return {name: match.group(f"v{i}") for i, name in enumerate(names)}
