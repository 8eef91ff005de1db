"""The one Jinja2 environment drafter renders with: sandboxed, strict, no autoescape.

Clause text, plan text, output-name patterns and the document skeleton are all rendered here.
Any template failure (sandbox refusal, undefined name, syntax, arithmetic on text) becomes a
Chinese DrafterError naming the place: never a traceback. The environment and compiled
templates are created lazily and cached; nothing happens at import time.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from types import CodeType
from typing import Any

from jinja2 import StrictUndefined, Template, TemplateError, TemplateSyntaxError, UndefinedError
from jinja2.sandbox import SandboxedEnvironment, SecurityError

from drafter.model.errors import DrafterError, Problem
from drafter.model.placeholders import HINT, Tag, scan
from drafter.render.limits import limit_message, make_environment, render_limited, run_in_child
from drafter.util.datacache import DataCache, digest
from drafter.util.paths import templates_dir, user_data_dir

DOCUMENT_TEMPLATE = "document.j2"


@lru_cache(maxsize=1)
def environment() -> SandboxedEnvironment:
    """The single sandbox; autoescape off because output is plain text, not HTML."""
    return make_environment(undefined=StrictUndefined, autoescape=False,
                            keep_trailing_newline=False)


# Templates compiled before (the document skeleton, clause text beyond bare names): Jinja's
# compiler costs a build more than the rest of rendering, and its output depends only on the
# text, this environment (code in render/) and Jinja and Python (in the key). Stored as code
# under the cache's keyed hash, like Python's own .pyc files (drafter.util.datacache).
TEMPLATE_CACHE = DataCache("templates", ("render", "model", "util"), 1)


def compile_template(text: str) -> Template:
    """`environment().from_string(text)`, with the compiled code cached across runs."""
    env = environment()
    code = TEMPLATE_CACHE.get(f"jinja-{digest(text.encode('utf-8', 'surrogatepass'))}", text,
                              lambda: env.compile(text), _code, _code)
    return env.template_class.from_code(env, code, env.make_globals(None), None)


def _code(value: Any) -> Any:
    """Only a code object is a compiled template (anything else read back is a miss)."""
    if not isinstance(value, CodeType):
        raise TypeError("not compiled code")
    return value


@lru_cache(maxsize=16384)
def _compiled(text: str) -> Template:
    return compile_template(text)


def render_failure(exc: BaseException) -> str:
    """A Chinese sentence for why a template failed."""
    limit = limit_message(exc)
    if limit:
        return limit
    if isinstance(exc, SecurityError):
        return "文字中含有不安全的模板表达式，已拒绝渲染"
    if isinstance(exc, UndefinedError):
        match = re.search(r"'([^']*)' is undefined|has no attribute '([^']*)'", exc.message or "")
        name = next((g for g in match.groups() if g), "") if match else ""
        return f"占位符“{name}”没有对应的值" if name else "占位符没有对应的值"
    if isinstance(exc, TemplateSyntaxError):
        return f"{syntax_message(exc.message)}（第{exc.lineno}行）"
    if isinstance(exc, TemplateError):
        return "模板出错（用到了不存在的名称、属性或过滤器）"
    if isinstance(exc, TypeError):
        return "占位符的运算用到了文字，只有数字可以加减（如 {{ 年份 + 1 }}）"
    return "渲染失败（数值无效）"


def render_text(text: str, context: Mapping[str, Any], **place: Any) -> str:
    """Render one piece of text; DrafterError at `place` (file, line, where) if it fails."""
    if "{" not in text:
        return text
    found = scan(text)  # Jinja never sees text the placeholder scanner refused
    if found.problems:
        raise DrafterError([Problem(m, hint=HINT, **place) for m in found.problems])
    try:
        simple = substitute(text, found.tags, context)  # str() of a value may fail as in Jinja
        if simple is not None:
            return simple
        return _compiled(text).render(dict(context))
    except (TemplateError, TypeError, ValueError, ArithmeticError, RecursionError) as exc:
        raise DrafterError([Problem(render_failure(exc), **place)]) from None


_NAME_ONLY = re.compile(r"\s*([^\W\d]\w*)\s*")
_NEWLINE = re.compile(r"\r\n|\r|\n")


def substitute(text: str, tags: tuple[Tag, ...], context: Mapping[str, Any]) -> str | None:
    """`text` rendered as Jinja renders it, when every tag is a bare `{{ 名称 }}` with a value:
    each replaced by str(value), newlines in the text made "\n" and one final newline dropped
    (Jinja's `keep_trailing_newline=False`). None otherwise: Jinja renders it, or says why not.

    Most clause text is only such names; compiling each text with Jinja cost a build more time
    than all the rest of rendering (tests/test_render_blocks.py holds the two equal)."""
    out: list[str] = []
    pos = 0
    for tag in tags:
        match = _NAME_ONLY.fullmatch(tag.inner) if tag.kind == "{{" else None
        # Jinja's lexer refuses a name that is not an identifier (`第①项`, `x²`: the scanner's
        # `\w` takes them), a syntax error that render_text reports
        if match is None or match.group(1) not in context or not match.group(1).isidentifier():
            return None
        out += [_NEWLINE.sub("\n", text[pos:tag.start]), str(context[match.group(1)])]
        pos = tag.end
    tail = _NEWLINE.sub("\n", text[pos:])
    return "".join([*out, tail[:-1] if tail.endswith("\n") else tail])


def find_document_template(name: str, base_dir: Path | None = None) -> Path:
    """The skeleton file for a template name or folder path.

    Looked up, in order: a path (relative to the plan's folder), the user's
    $DRAFTER_HOME/templates/<name>/, the bundled templates/<name>/.
    """
    candidates: list[Path] = []
    as_path = Path(name)
    if as_path.is_absolute():
        candidates.append(as_path)
    elif base_dir is not None:
        candidates.append(base_dir / as_path)
    if len(as_path.parts) == 1:
        candidates += [user_data_dir() / "templates" / name, templates_dir() / name]
    for candidate in candidates:
        if candidate.is_dir() and (candidate / DOCUMENT_TEMPLATE).is_file():
            return candidate / DOCUMENT_TEMPLATE
        if candidate.is_file() and candidate.suffix == ".j2":
            return candidate
    known = sorted(p.name for p in templates_dir().iterdir() if (p / DOCUMENT_TEMPLATE).is_file())
    raise DrafterError.one(
        f"找不到文档模板“{name}”",
        hint=f"可用的内置模板：{'、'.join(known) or '无'}；自定义模板请放在含 {DOCUMENT_TEMPLATE} "
             "的文件夹中，并在 meta.template 写其路径",
    )


MAX_TEMPLATE_BYTES = 1 << 20
_SYNTAX_WORDS = (  # Jinja's syntax messages, in Chinese (they would otherwise reach the user)
    ("unknown tag", "未知的模板标签"),
    ("unexpected end of template", "模板意外结束（有未闭合的 {% %} 块）"),
    ("unexpected char", "模板中有无法识别的字符"),
    ("expected token", "模板语法不完整（缺少符号）"),
    ("unexpected '", "模板中有多余的符号"),
    ("tag name expected", "缺少模板标签名"),
    ("unclosed", "模板中的括号或字符串未闭合"),
)


def syntax_message(message: str | None) -> str:
    low = (message or "").lower()
    for english, chinese in _SYNTAX_WORDS:
        if english in low:
            return chinese
    return "模板语法错误"


def _skeleton(path: str) -> Template:
    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_TEMPLATE_BYTES + 1)
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DrafterError.one("文档模板不是 UTF-8 编码", file=path,
                               hint="请用 UTF-8 编码保存模板") from None
    if len(data) > MAX_TEMPLATE_BYTES:
        raise DrafterError.one(f"文档模板超过 {MAX_TEMPLATE_BYTES >> 20} MB", file=path,
                               hint="文档模板只需描述版式，请检查是否选错了文件")
    return _compile_skeleton(text, path)


@lru_cache(maxsize=32)
def _compile_skeleton(text: str, path: str) -> Template:
    """Compiled by content (not mtime), so an edit is always seen."""
    try:
        return compile_template(text)
    except TemplateSyntaxError as exc:
        raise DrafterError.one(f"文档模板语法错误：{syntax_message(exc.message)}", file=path,
                               line=exc.lineno) from None
    except (RecursionError, MemoryError):
        raise DrafterError.one("文档模板嵌套过深，无法读取", file=path) from None


def render_skeleton(path: Path, context: Mapping[str, Any]) -> str:
    """Render the document skeleton template (user-replaceable) in the sandbox, with limits:
    a custom template runs in a child process killed at the time budget (`limits.py`)."""
    template = _skeleton(str(path))

    def work() -> str:
        try:
            return render_limited(template, dict(context))
        except (TemplateError, TypeError, ValueError, ArithmeticError, RecursionError,
                MemoryError) as exc:
            line = getattr(exc, "lineno", None)
            raise DrafterError.one(f"文档模板“{path}”出错：{render_failure(exc)}",
                                   file=str(path), line=line) from None

    if Path(path).resolve().is_relative_to(templates_dir().resolve()):
        return work()
    return run_in_child(work, template=str(path))
