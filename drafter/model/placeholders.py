"""THE placeholder scanner: the one place that knows what `{{ … }}` may hold.

Clause, plan and notice text may hold only simple placeholders — `{{ 名称 }}`, `{{ 年份 + 1 }}`,
`{{ '{' }}` (an escaped brace) — because catalogues and plans travel between bureaus and must not
smuggle logic into a template. This module finds every tag (`{{ }}`, `{% %}`, `{# #}`) and parses
placeholder expressions with a small iterative parser bounded in length, depth and term count,
so hostile input (5,000 terms, 2,000 parentheses, `-----1`) gives a Chinese message, never a
RecursionError. Pure: no Jinja, no I/O. Text it accepts is a valid Jinja expression; the render
layer relies on that and never hands Jinja text this module refused.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

# Limits a real plan never comes near (the longest real placeholder is ~10 characters).
MAX_PLACEHOLDER_CHARS = 200
MAX_DEPTH = 8
MAX_TERMS = 16
MAX_SIGNS = 2
MAX_TAGS = 2000

# Names Jinja resolves by itself (template globals and special variables): never placeholders,
# so `{{ self }}` or `{{ lipsum }}` cannot print a Python repr into a document.
RESERVED_NAMES = frozenset({
    "self", "loop", "caller", "varargs", "kwargs", "super", "range", "lipsum", "dict",
    "cycler", "joiner", "namespace", "true", "false", "none", "True", "False", "None",
    "and", "or", "not", "in", "is", "if", "else", "elif", "for", "endfor", "with", "block",
    "import", "include", "extends", "macro", "call", "set", "recursive",
})

_OPEN = re.compile(r"\{[{%#]")
_CLOSE = {"{{": "}}", "{%": "%}", "{#": "#}"}
_NAME = re.compile(r"[^\W\d]\w*")
_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?")  # ASCII digits: Jinja reads no other
_SPACE = re.compile(r"\s*")
HINT = "占位符只能写成 {{ 名称 }} 或 {{ 年份 + 1 }}；文中的大括号请写成 {{ '{' }}"


@dataclass(frozen=True)
class Tag:
    """One template tag in a text: kind is "{{", "{%" or "{#"; `inner` is between the braces."""

    kind: str
    start: int
    end: int
    inner: str


@dataclass(frozen=True)
class Scan:
    """What a text holds: its tags, the placeholder names (in order, no repeats), problems."""

    tags: tuple[Tag, ...] = ()
    names: tuple[str, ...] = ()
    problems: tuple[str, ...] = field(default=())

    @property
    def ok(self) -> bool:
        return not self.problems


def _find_close(text: str, pos: int, close: str) -> int:
    """Index of `close` after `pos`, skipping quoted strings (for `{{`); -1 when missing."""
    i, n = pos, len(text)
    quote = ""
    while i < n:
        ch = text[i]
        if quote:
            if ch == "\\":
                i += 2
                continue
            if ch == quote:
                quote = ""
        elif close == "}}" and ch in "'\"":
            quote = ch
        elif text.startswith(close, i):
            return i
        i += 1
    return -1


def find_tags(text: str) -> tuple[list[Tag], list[str]]:
    """Every tag in `text`, left to right, with problems for unclosed or stray tags. Linear."""
    tags: list[Tag] = []
    problems: list[str] = []
    pos = 0
    while True:
        match = _OPEN.search(text, pos)
        if match is None:
            break
        kind = match.group()
        close = _CLOSE[kind]
        end = _find_close(text, match.end(), close)
        if end < 0:
            problems.append(f"“{kind}”没有对应的“{close}”，占位符未闭合")
            break
        tags.append(Tag(kind, match.start(), end + 2, text[match.end():end]))
        if len(tags) > MAX_TAGS:
            problems.append(f"一段文字中的占位符超过 {MAX_TAGS} 个")
            break
        pos = end + 2
    return tags, problems


def _tokens(expr: str) -> tuple[list[str], str | None]:
    """Tokens of one placeholder expression, or a problem."""
    out: list[str] = []
    i, n = 0, len(expr)
    while True:
        i = _SPACE.match(expr, i).end()  # type: ignore[union-attr]
        if i >= n:
            return out, None
        ch = expr[i]
        if ch in "+-()":
            out.append(ch)
            i += 1
            continue
        if ch in "'\"":
            j = expr.find(ch, i + 1)
            if j < 0 or "\\" in expr[i + 1:j]:
                return out, "占位符中的引号没有闭合（或含反斜杠）"
            out.append(expr[i:j + 1])
            i = j + 1
            continue
        match = _NUMBER.match(expr, i) or _NAME.match(expr, i)
        if match is None:
            return out, f"占位符中不允许“{ch}”，只能是名称、数字和加减"
        out.append(match.group())
        i = match.end()


def _parse(tokens: list[str]) -> tuple[list[str], str | None]:
    """Names used by `expr := term (± term)*`, `term := [±]{0,2} atom`, `atom := name | number |
    'text' | ( expr )`; iterative, so no input can exhaust the stack."""
    names: list[str] = []
    if not tokens:
        return names, "占位符是空的，请写上名称，如 {{ 地区 }}"
    depth = terms = 0
    i, n = 0, len(tokens)
    while True:  # at the start of a term
        signs = 0
        while i < n and tokens[i] in ("+", "-"):
            signs += 1
            i += 1
        if signs > MAX_SIGNS:
            return names, "占位符中的正负号过多"
        if i < n and tokens[i] == "(":
            depth += 1
            if depth > MAX_DEPTH:
                return names, f"占位符中的括号嵌套超过 {MAX_DEPTH} 层"
            i += 1
            continue
        if i >= n:
            return names, "占位符的运算不完整（加减号后缺少名称或数字）"
        tok = tokens[i]
        if tok == ")":
            return names, "占位符中的括号内容为空"
        if _NAME.fullmatch(tok):
            if tok in RESERVED_NAMES:
                return names, f"“{tok}”是保留字，不能用作占位符名称"
            if tok.startswith("_"):
                return names, f"占位符名称“{tok}”不能以下划线开头"
            if not tok.isidentifier():  # ①, ², ½ are word characters, not name characters
                return names, (f"占位符名称“{tok}”含有不能用于名称的字符（如①、²），"
                               "请只用汉字、字母和数字")
            if tok not in names:
                names.append(tok)
        i += 1
        terms += 1
        if terms > MAX_TERMS:
            return names, f"占位符中的运算项超过 {MAX_TERMS} 个，只能是简单的加减"
        while i < n and tokens[i] == ")":
            depth -= 1
            if depth < 0:
                return names, "占位符中的括号不配对"
            i += 1
        if i >= n:
            break
        if tokens[i] not in ("+", "-"):
            return names, f"占位符中“{tokens[i]}”前缺少加号或减号"
        i += 1
    if depth:
        return names, "占位符中的括号不配对"
    return names, None


# The usual text's placeholders: `{{ 名称 }}`, nothing else with a brace (regex first).
_SIMPLE = re.compile(r"\{\{( *([^\W\d]\w*) *)\}\}")


def _simple_name(inner: str, name: str) -> bool:
    """Whether `{{inner}}` holding `name` is a placeholder the full scanner accepts as is."""
    return not (name in RESERVED_NAMES or name[0] == "_" or not name.isidentifier()
                or len(inner) > MAX_PLACEHOLDER_CHARS)


def _simple_matches(text: str) -> list[re.Match[str]] | None:
    """The placeholders of a text whose every brace belongs to a `{{ name }}` placeholder that
    `_simple_name` accepts; None for any other text (the full scanner reads it)."""
    found = list(_SIMPLE.finditer(text))
    if not found or len(found) > MAX_TAGS or text.count("{") != 2 * len(found) or \
            text.count("}") != 2 * len(found):
        return None
    if not all(_simple_name(m[1], m[2]) for m in found):
        return None  # the full scanner says what is wrong
    return found


def simple_names(text: str) -> list[str] | None:
    """The names (repeats included) of a text `_simple_matches` accepts, as `scan` finds them
    with no problem; None for any other text. The common case without building a Scan, for a
    caller that checks many texts once each (a cold catalogue load)."""
    found = _SIMPLE.findall(text)
    if not found or len(found) > MAX_TAGS or text.count("{") != 2 * len(found) or \
            text.count("}") != 2 * len(found):
        return None
    names = []
    for inner, name in found:
        ok = _SIMPLE_OK.get(inner)
        if ok is None:
            ok = _simple_name(inner, name)
            if len(_SIMPLE_OK) < 4096:  # the names of one catalogue, not every text's
                _SIMPLE_OK[inner] = ok
        if not ok:
            return None
        names.append(name)
    return names


_SIMPLE_OK: dict[str, bool] = {}  # `{{inner}}` -> whether _simple_name accepts it (pure)


def _simple(text: str) -> Scan | None:
    """`scan` of a text `_simple_matches` accepts; None for any other text."""
    found = _simple_matches(text)
    if found is None:
        return None
    names: list[str] = []
    for match in found:
        if match[2] not in names:
            names.append(match[2])
    return Scan(tuple(Tag("{{", m.start(), m.end(), m[1]) for m in found), tuple(names))


@lru_cache(maxsize=65536)
def scan(text: str) -> Scan:
    """Tags, names and problems of one text; problems are Chinese, one per bad tag."""
    if not text or "{" not in text:
        return Scan()
    simple = _simple(text)
    if simple is not None:
        return simple
    tags, problems = find_tags(text)
    names: list[str] = []
    for tag in tags:
        if tag.kind == "{%":
            problems.append("只允许 {{ 名称 }} 形式的占位符，不允许 {% %} 语句")
            continue
        if tag.kind == "{#":
            problems.append("不允许 {# #} 注释，请直接删除")
            continue
        inner = tag.inner  # `{{-` and `-}}` are Jinja's whitespace control, not minus signs
        inner = inner[1:] if inner.startswith("-") else inner
        inner = inner[:-1] if inner.endswith("-") else inner
        if len(inner) > MAX_PLACEHOLDER_CHARS:
            problems.append(f"占位符过长（超过 {MAX_PLACEHOLDER_CHARS} 个字符）")
            continue
        tokens, problem = _tokens(inner)
        if problem is None:
            found, problem = _parse(tokens)
            names += [n for n in found if n not in names]
        if problem:
            problems.append(problem)
    return Scan(tuple(tags), tuple(names), tuple(problems))


def placeholder_names(text: str) -> list[str]:
    """Names used in placeholders, first appearance first (empty names for broken tags)."""
    return list(scan(text).names)


def strip_tags(text: str, replacement: str = "") -> str:
    """`text` with every tag replaced by `replacement` (for checks on the literal wording)."""
    tags = scan(text).tags if "{" in text else ()
    if not tags:
        return text
    out, pos = [], 0
    for tag in tags:
        out += [text[pos:tag.start], replacement]
        pos = tag.end
    out.append(text[pos:])
    return "".join(out)


def escape_braces(text: str) -> str:
    """Make literal text safe as a template: every brace becomes a `{{ '{' }}` constant."""
    if not any(tok in text for tok in ("{{", "}}", "{%", "{#")):
        return text
    return "".join("{{ '" + ch + "' }}" if ch in "{}" else ch for ch in text)


def placeholder_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, expression) of every `{{ … }}` in `text`, the expression stripped."""
    if "{" not in text:
        return []
    return [(t.start, t.end, t.inner.strip().strip("-").strip())
            for t in scan(text).tags if t.kind == "{{"]
