"""Data files validated declaratively: a pydantic model per file, problems as Chinese file:line.

The rule, slot, taxonomy and junk files each declare their shape once, as models built on
`Strict` (unknown keys refused, no silent coercion: `"3"` is not a number, `true` is not 1).
`validate` runs a model over parsed YAML and turns every pydantic error into a `Problem` at the
line of the key it concerns (yamlio's LineMap), with a Chinese message: a custom validator's
own message (raise ValueError("…") in Chinese), or one from the table below. A model may name
its kind of key (`model_config = ConfigDict(title="设置")` → "未知设置“x”").

pydantic is imported only by the modules that read these files, never on a command's start.
"""

from __future__ import annotations

import types
import typing
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError

from drafter.model.errors import DrafterError, Problem
from drafter.util.yamlio import LineMap

M = TypeVar("M", bound=BaseModel)

_MESSAGES: dict[str, str] = {
    "missing": "缺少 {field}",
    "string_type": "“{key}”应是文字",
    "int_type": "“{key}”应是整数",
    "float_type": "“{key}”应是数字",
    "bool_type": "“{key}”应是 true 或 false",
    "list_type": "“{key}”应是列表（每行以“- ”开头）",
    "dict_type": "“{key}”应是“键: 值”的映射",
    "model_type": "{where}应是一个映射（键: 值）",
    "model_attributes_type": "{where}应是一个映射（键: 值）",
    "too_short": "“{key}”的项数不够",
    "too_long": "“{key}”的项数过多",
    "greater_than": "“{key}”应大于 {gt}",
    "greater_than_equal": "“{key}”应不小于 {ge}",
    "less_than_equal": "“{key}”应不大于 {le}",
    "string_too_short": "“{key}”不能为空",
}


class Strict(BaseModel):
    """Base of every data-file model: unknown keys are problems, types are not coerced."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


def validate(model: type[M], data: Any, lines: LineMap, file: str, *,
             hint: str | None = None) -> M:
    """`data` as `model`; DrafterError listing every problem with file:line otherwise."""
    try:
        return model.model_validate({} if data is None else data)
    except ValidationError as exc:
        raise DrafterError(problems(exc, model, lines, file, hint=hint)) from None


def problems(exc: ValidationError, model: type[BaseModel], lines: LineMap, file: str, *,
             hint: str | None = None) -> list[Problem]:
    out: list[Problem] = []
    for error in exc.errors():
        loc = tuple(p for p in error["loc"] if p != "[key]")
        message, extra_hint = _message(error, model, loc)
        out.append(Problem(message, file=file, line=lines.line(*loc), hint=extra_hint or hint))
    out.sort(key=lambda p: p.line or 0)
    return out


def _message(error: Any, model: type[BaseModel], loc: tuple[Any, ...]) -> tuple[str, str | None]:
    kind = error["type"]
    key = ".".join(str(p) for p in loc if not isinstance(p, int)) or "（顶层）"
    if kind == "extra_forbidden":
        owner = _model_at(model, loc[:-1])
        title = (owner.model_config.get("title") if owner else None) or "字段"
        known = "、".join(owner.model_fields) if owner else ""
        return f"未知{title}“{loc[-1]}”", (f"可用：{known}" if known else None)
    if kind == "value_error":
        return str(error.get("ctx", {}).get("error", error["msg"])), None
    if kind == "literal_error":
        # pydantic writes "'a', 'b' or 'c'": the user reads a、b、c
        expected = str(error.get("ctx", {}).get("expected", ""))
        expected = expected.replace("'", "").replace(", ", "、").replace(" or ", "、")
        return f"“{key}”的取值“{error.get('input')}”无效，应是 {expected} 之一", None
    template = _MESSAGES.get(kind)
    if template is None:
        return f"“{key}”有误：{error['msg']}", None
    where = f"“{key}”" if loc else "文件顶层"
    field = str(loc[-1]) if loc else key
    return template.format(key=key, where=where, field=field, **error.get("ctx", {})), None


def _model_at(model: type[BaseModel], loc: tuple[Any, ...]) -> type[BaseModel] | None:
    """The model class that holds the mapping at `loc` (walking fields, lists and dicts)."""
    current: Any = model
    for part in loc:
        current = _inner_model(current, part)
        if current is None:
            return None
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _inner_model(annotation: Any, part: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        field = annotation.model_fields.get(part) if isinstance(part, str) else None
        return _unwrap(field.annotation) if field is not None else None
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin in (list, tuple) and args:
        return _unwrap(args[0])
    if origin is dict and len(args) == 2:
        return _unwrap(args[1])
    return None


def _unwrap(annotation: Any) -> Any:
    """The model (or container) inside Annotated[…] and Optional[…]."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            rest = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = rest[0] if len(rest) == 1 else annotation
            if len(rest) != 1:
                return annotation
        else:
            return annotation
