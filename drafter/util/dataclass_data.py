"""A model dataclass to plain data and back, with no validator imported.

`build(cls, data)` turns validated data (a mapping, or a generated pydantic model: anything
`dict()` accepts) back into the dataclass, nested dataclasses and tuples included; `to_data`
is its inverse for a validated record: plain dicts, lists, tuples, strings and numbers, with
the bookkeeping fields (`compare=False`, such as a record's line in its file) left out unless
asked for, so a validated record can be kept in a cache (drafter.util.datacache) and built
again with `build(cls, to_data(record)) == record`.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Mapping
from typing import Any, TypeVar

T = TypeVar("T")


def build(cls: type[T], data: Any) -> T:
    """The dataclass `cls` from validated data: a generated model (its fields as validated)
    or its `model_dump()`; nested models, mappings and lists become their dataclasses."""
    hints = _hints(cls)
    items = data if isinstance(data, Mapping) else dict(data)
    values = {name: _value(hints[name], value) for name, value in items.items()}
    return cls(**values)


def to_data(record: Any, *, bookkeeping: bool = False) -> Any:
    """A validated record as plain data that `build` turns back into an equal record;
    `bookkeeping` keeps the `compare=False` fields too (where each part was read from)."""
    if dataclasses.is_dataclass(record) and not isinstance(record, type):
        return {f.name: to_data(getattr(record, f.name), bookkeeping=bookkeeping)
                for f in dataclasses.fields(record) if f.init and (f.compare or bookkeeping)}
    if isinstance(record, list):
        return [to_data(v, bookkeeping=bookkeeping) for v in record]
    if isinstance(record, tuple):
        return tuple(to_data(v, bookkeeping=bookkeeping) for v in record)
    if isinstance(record, dict):
        return {k: to_data(v, bookkeeping=bookkeeping) for k, v in record.items()}
    if record is None or isinstance(record, str | int | float | bool):
        return record
    raise TypeError(f"not plain data: {type(record).__name__}")


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    """A dataclass's type hints, evaluated once (records are built by the hundred)."""
    if cls not in _HINTS:
        _HINTS[cls] = typing.get_type_hints(cls)
    return _HINTS[cls]


def _is_model(value: Any) -> bool:
    """A pydantic model instance (told without importing pydantic)."""
    return hasattr(type(value), "model_fields") and hasattr(value, "model_dump")


def _value(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    if dataclasses.is_dataclass(hint) and isinstance(hint, type) and (
            isinstance(value, Mapping) or _is_model(value)):
        return build(hint, value)
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        return _value(inner[0], value) if len(inner) == 1 else value
    if origin is list and args and isinstance(value, list):
        return [_value(args[0], v) for v in value]
    if origin is dict and len(args) == 2 and isinstance(value, Mapping):
        return {k: _value(args[1], v) for k, v in value.items()}
    if origin is tuple and isinstance(value, Mapping):  # a mapping kept as (key, value) pairs
        return tuple(value.items())
    if origin is tuple and isinstance(value, list | tuple):
        item = args[0] if len(args) == 2 and args[1] is Ellipsis else Any
        return tuple(_value(item, v) for v in value)
    return value
