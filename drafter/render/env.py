"""The one Jinja2 environment drafter renders with: sandboxed, strict, no autoescape.

Clause text, plan text, output-name patterns and the document skeleton are all rendered here.
Any template failure (sandbox refusal, undefined name, syntax, arithmetic on text) becomes a
Chinese DrafterError naming the place: never a traceback. The environment and compiled
templates are created lazily and cached; nothing happens at import time.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import StrictUndefined, Template, TemplateError, TemplateSyntaxError, UndefinedError
from jinja2.sandbox import SandboxedEnvironment, SecurityError

from drafter.model.errors import DrafterError, Problem
from drafter.util.paths import templates_dir, user_data_dir

DOCUMENT_TEMPLATE = "document.j2"


@lru_cache(maxsize=1)
def environment() -> SandboxedEnvironment:
    """The single sandbox; autoescape off because output is plain text, not HTML."""
    return SandboxedEnvironment(undefined=StrictUndefined, autoescape=False,
                                keep_trailing_newline=False)


@lru_cache(maxsize=16384)
def _compiled(text: str) -> Template:
    return environment().from_string(text)


def render_failure(exc: BaseException) -> str:
    """A Chinese sentence for why a template failed."""
    if isinstance(exc, SecurityError):
        return "文字中含有不安全的模板表达式，已拒绝渲染"
    if isinstance(exc, UndefinedError):
        return f"占位符没有对应的值（{exc.message}）"
    if isinstance(exc, TemplateSyntaxError):
        return f"模板语法错误：{exc.message}（第{exc.lineno}行）"
    if isinstance(exc, TemplateError):
        return f"模板错误：{exc.message or exc}"
    if isinstance(exc, TypeError):
        return "占位符的运算用到了文字，只有数字可以加减（如 {{ 年份 + 1 }}）"
    return f"渲染失败：{exc}"


def render_text(text: str, context: Mapping[str, Any], **place: Any) -> str:
    """Render one piece of text; DrafterError at `place` (file, line, where) if it fails."""
    if "{" not in text:
        return text
    try:
        return _compiled(text).render(dict(context))
    except (TemplateError, TypeError, ValueError, ArithmeticError) as exc:
        raise DrafterError([Problem(render_failure(exc), **place)]) from None


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


@lru_cache(maxsize=32)
def _skeleton(path: str, mtime_ns: int) -> Template:
    text = Path(path).read_text(encoding="utf-8-sig")
    try:
        return environment().from_string(text)
    except TemplateSyntaxError as exc:
        raise DrafterError.one(f"文档模板语法错误：{exc.message}", file=path,
                               line=exc.lineno) from None


def render_skeleton(path: Path, context: Mapping[str, Any]) -> str:
    """Render the document skeleton template (user-replaceable) in the sandbox."""
    template = _skeleton(str(path), path.stat().st_mtime_ns)
    try:
        return template.render(dict(context))
    except (TemplateError, TypeError, ValueError, ArithmeticError) as exc:
        line = getattr(exc, "lineno", None)
        raise DrafterError.one(f"文档模板出错：{render_failure(exc)}", file=str(path),
                               line=line) from None
