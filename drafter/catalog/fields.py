"""The catalogue file's fields, declared once: this table drives validation, the cache and dump.

Each record kind (clause, variant, slot, source) is a tuple of `Field`s in file order. The
validator (`drafter.catalog.schema`) allows exactly these keys and checks each by its shape;
the cache packs a record as a tuple in table order and unpacks it by these names into keyword
arguments of the model class; the dump writes the keys in table order, leaving out empty
optional ones. Adding a field means one row here and one attribute on the model dataclass.
Nothing unpacks a record by position.

This module holds no logic beyond walking the table; it must not read files.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from dataclasses import fields as dataclass_fields
from typing import Any, Literal, cast

from drafter.model import Clause, Slot, Source, Variant

Shape = Literal["id", "text", "opt_text", "texts", "kind", "slot_type", "default", "year",
                "level", "slots", "sources", "source", "variants"]


@dataclass(frozen=True)
class Field:
    name: str  # the YAML key and the model attribute
    shape: Shape  # how it is validated and nested
    required: bool = False  # a missing key is a problem
    always: bool = False  # dumped even when empty; optional ones are left out when None or []


SLOT: tuple[Field, ...] = (
    Field("name", "text", required=True, always=True),
    Field("label", "opt_text", always=True),
    Field("type", "slot_type", always=True),
    Field("unit", "opt_text"),
    Field("default", "default"),
)
SOURCE: tuple[Field, ...] = (
    Field("file", "text", required=True, always=True),
    Field("marker", "opt_text"),
    Field("year", "year"),
    Field("region", "opt_text"),
    Field("title", "opt_text"),
    Field("level", "level"),  # 省/市/县/区 the source speaks at (optional: older files lack it)
)
VARIANT: tuple[Field, ...] = (
    Field("id", "text", required=True, always=True),  # "<clause id>/<n>", checked with the clause
    Field("lead", "text", always=True),
    Field("body", "text", required=True, always=True),
    Field("slots", "slots"),
    Field("owners", "texts"),
    Field("source", "source"),
)
CLAUSE: tuple[Field, ...] = (
    Field("id", "id", required=True, always=True),
    Field("lead", "text", always=True),
    Field("body", "text", required=True, always=True),
    Field("kind", "kind", always=True),
    Field("tags", "texts"),
    Field("owners", "texts"),
    Field("slots", "slots"),
    Field("sources", "sources"),
    Field("flags", "texts"),
    Field("variants", "variants"),
)
TOP_KEYS = ("chapter", "clauses")


def names(fields: tuple[Field, ...]) -> tuple[str, ...]:
    return tuple(f.name for f in fields)


def signature() -> tuple[tuple[str, ...], ...]:
    """The tables' names in order: part of the cache key, so a changed table never reads an
    old cache."""
    return tuple(names(t) for t in (CLAUSE, VARIANT, SLOT, SOURCE))


# --------------------------------------------------------------------------- cache packing

Packed = tuple[Any, ...]
_NESTED: dict[str, tuple[tuple[Field, ...], bool]] = {
    # shape -> (sub-table, is a list)
    "slots": (SLOT, True), "sources": (SOURCE, True), "variants": (VARIANT, True),
    "source": (SOURCE, False),
}


def pack(record: dict[str, Any], fields: tuple[Field, ...]) -> Packed:
    """A validated record as a tuple in table order (nested records packed too)."""
    out = []
    for f in fields:
        value = record[f.name]
        nested = _NESTED.get(f.shape)
        if nested is not None and value is not None:
            sub, many = nested
            value = [pack(v, sub) for v in value] if many else pack(value, sub)
        out.append(value)
    return tuple(out)


def _builder(fields: tuple[Field, ...], cls: Callable[..., Any], name: str,
             extra: tuple[str, ...] = ()) -> Callable[..., Any]:
    """A function building `cls` from a record packed by `pack`: generated from the table, the
    way dataclasses generate __init__, because a loop of dict(zip()) and **kwargs doubled the
    warm load time. Each value is matched to the class's field BY NAME; the call passes them in
    the order of the class's own __init__ (`Slot(p[0], p[1], …)`), a third faster than
    keywords, and any the class takes later as keywords."""
    env: dict[str, Any] = {"cls": cls}
    values: dict[str, str] = {}
    for i, f in enumerate(fields):
        nested = _NESTED.get(f.shape)
        if nested is None:
            values[f.name] = f"p[{i}]"
            continue
        sub, many = nested
        env[f"b_{f.name}"] = _builder(sub, _CLASSES[sub], f"build_{f.name}")
        values[f.name] = (f"[*map(b_{f.name}, p[{i}])]" if many else
                          f"None if p[{i}] is None else b_{f.name}(p[{i}])")
    values.update({e: e for e in extra})
    args = []
    for own in (f.name for f in dataclass_fields(cast(Any, cls)) if f.init):
        if own not in values:
            break
        args.append(values.pop(own))
    args += [f"{key}={value}" for key, value in values.items()]
    params = ", ".join(("p", *extra))
    source = f"def {name}({params}):\n    return cls({', '.join(args)})\n"
    exec(source, env)  # generated from the constant tables above, never from data
    return env[name]  # type: ignore[no-any-return]


_CLASSES: dict[tuple[Field, ...], Callable[..., Any]] = {
    SLOT: Slot, SOURCE: Source, VARIANT: Variant, CLAUSE: Clause,
}
build_clause: Callable[..., Clause] = _builder(CLAUSE, Clause, "build_clause", ("chapter",))


# --------------------------------------------------------------------------- dump


def to_dict(obj: Any, fields: tuple[Field, ...]) -> dict[str, Any]:
    """A model object as the YAML mapping the file holds: table order, empty optionals left
    out."""
    out: dict[str, Any] = {}
    for f in fields:
        value = getattr(obj, f.name)
        nested = _NESTED.get(f.shape)
        if nested is not None and value is not None:
            sub, many = nested
            value = [to_dict(v, sub) for v in value] if many else to_dict(value, sub)
        elif isinstance(value, list | tuple):
            value = list(value)
        if f.always or (value is not None and value != []):
            out[f.name] = value
    return out
