"""Clause text may hold only simple placeholders: `{{ 名称 }}`, `{{ 年份 + 1 }}`.

Checked on the parsed Jinja2 AST (names, constants, + and − only), so a catalogue or plan
that travels between bureaus cannot smuggle logic or attribute access into a template.
This module parses; it never renders.
"""

from __future__ import annotations

import re
from functools import lru_cache

from jinja2 import Environment, TemplateSyntaxError, nodes

_ENV = Environment(autoescape=False)
_ALLOWED_EXPR = (nodes.Name, nodes.Const, nodes.Add, nodes.Sub, nodes.Neg, nodes.Pos)
# The shapes nearly every clause uses: {{ 名称 }}, {{ 年份 + 1 }}, {{ '{' }}. Text whose braces
# are all inside these is checked by this regex alone; anything else goes to Jinja's parser
# (a 40,000-clause catalogue spent a quarter of its cold load parsing templates).
_SIMPLE = re.compile(r"\{\{\s*(?:([^\W\d]\w*)(?:\s*[-+]\s*\d+)?|'[{}]')\s*\}\}")
_KEYWORDS = frozenset({"and", "or", "not", "in", "is", "if", "else", "true", "false", "none",
                       "True", "False", "None"})


def escape_braces(text: str) -> str:
    """Make literal text safe as a template: every brace becomes a `{{ '{' }}` constant."""
    if not any(tok in text for tok in ("{{", "}}", "{%", "{#")):
        return text
    out: list[str] = []
    for ch in text:
        if ch in "{}":
            out.append("{{ '" + ch + "' }}")
        else:
            out.append(ch)
    return "".join(out)


@lru_cache(maxsize=65536)
def _check(text: str) -> tuple[frozenset[str], tuple[str, ...]]:
    if "{" not in text and "}" not in text:
        return frozenset(), ()
    simple = _simple_names(text)
    if simple is not None:
        return simple, ()
    return _jinja_check(text)


def _jinja_check(text: str) -> tuple[frozenset[str], tuple[str, ...]]:
    try:
        tree = _ENV.parse(text)
    except TemplateSyntaxError as exc:
        return frozenset(), (f"模板语法错误：{exc.message}（第{exc.lineno}行）",)
    names: set[str] = set()
    problems: list[str] = []
    for node in tree.body:
        if not isinstance(node, nodes.Output):
            problems.append("只允许 {{ 名称 }} 形式的占位符，不允许 {% %} 语句")
            continue
        for child in node.nodes:
            if isinstance(child, nodes.TemplateData):
                continue
            _check_expr(child, names, problems)
    return frozenset(names), tuple(problems)


def _simple_names(text: str) -> frozenset[str] | None:
    """The names of text whose every brace is in a simple placeholder; None otherwise."""
    names: set[str] = set()
    for m in _SIMPLE.finditer(text):
        name = m.group(1)
        if name is not None:
            if name.startswith("_") or name in _KEYWORDS or not name.isidentifier():
                return None
            names.add(name)
    rest = _SIMPLE.sub("", text)
    return None if "{" in rest or "}" in rest else frozenset(names)


def _check_expr(expr: nodes.Node, names: set[str], problems: list[str]) -> None:
    if not isinstance(expr, _ALLOWED_EXPR):
        problems.append(
            f"占位符中不允许“{type(expr).__name__}”表达式，只能是名称、数字和加减"
        )
        return
    if isinstance(expr, nodes.Name):
        if expr.name.startswith("_"):
            problems.append(f"占位符名称“{expr.name}”不能以下划线开头")
        names.add(expr.name)
    elif isinstance(expr, nodes.Const):
        if not isinstance(expr.value, int | float | str):
            problems.append("占位符中的常量只能是数字或文字")
    for child in expr.iter_child_nodes():
        _check_expr(child, names, problems)


def placeholder_problems(text: str) -> list[str]:
    """Chinese messages for every disallowed construct in `text`; empty when it is fine."""
    return list(_check(text)[1])


def template_names(text: str) -> set[str]:
    """The placeholder names `text` uses (empty when it has problems)."""
    return set(_check(text)[0])
