"""A pydantic model generated from a model dataclass, and the dataclass built back from it.

Why: drafter's nouns are plain dataclasses in `drafter.model` (no pydantic there), and a file
format whose records are those nouns (the plan's meta and options, the style profile) must not
restate their fields in a second, hand-written model that can drift. `model_for(cls)` makes
the validating model from the dataclass's own fields, type hints and defaults; a format adds
only what a type cannot say (a range, a pattern, a shorthand) as `rules`, by field name — a
rule for a field the dataclass does not have is an error at import; `OMIT` leaves a field
out of the format. `build(cls, data)` (drafter.util.dataclass_data, re-exported here) turns
the validated data back into the dataclass (nested dataclasses and tuples included).

`tuple[X, ...]` fields are validated as lists (YAML has no tuples). pydantic is imported only
by the modules that read such files.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Mapping
from typing import Any, TypeVar

from pydantic import BaseModel, Field, create_model

from drafter.util.dataclass_data import build

__all__ = ["OMIT", "build", "model_for"]

T = TypeVar("T")
Rules = Mapping[type, Mapping[str, Any]]  # dataclass → field name → validation type
OMIT = object()  # a rule: this field is not part of the file format (the dataclass default)


def model_for(cls: type, base: type[BaseModel], rules: Rules | None = None, *,
              title: str | None = None) -> type[BaseModel]:
    """The pydantic model (on `base`) validating dataclass `cls` and the dataclasses in it.

    Fields that are bookkeeping, not data (`compare=False`, such as a record's line in its
    file) are left out. `rules[cls][name]` replaces the validation type of one field."""
    return _Generator(base, rules or {}, title).model(cls)


class _Generator:
    def __init__(self, base: type[BaseModel], rules: Rules, title: str | None) -> None:
        self.base, self.rules, self.title = base, rules, title
        self.models: dict[type, type[BaseModel]] = {}

    def model(self, cls: type) -> type[BaseModel]:
        if cls in self.models:
            return self.models[cls]
        hints = typing.get_type_hints(cls, include_extras=True)
        own = self.rules.get(cls, {})
        names = {f.name for f in dataclasses.fields(cls)}
        if set(own) - names:
            raise TypeError(f"rules for {cls.__name__} name no field: {set(own) - names}")
        fields: dict[str, Any] = {}
        for f in dataclasses.fields(cls):
            if not f.init or not f.compare or own.get(f.name) is OMIT:
                continue
            hint = self.validation_type(own[f.name] if f.name in own else hints[f.name])
            fields[f.name] = (hint, self.default(f, hints[f.name]))
        model = create_model(f"{cls.__name__}Model", __base__=self.base, **fields)
        if self.title:  # how messages name a key (drafter.util.validation), read from here
            model.model_config["title"] = self.title
        self.models[cls] = model
        return model

    def validation_type(self, hint: Any) -> Any:
        if dataclasses.is_dataclass(hint) and isinstance(hint, type):
            return self.model(hint)
        origin, args = typing.get_origin(hint), typing.get_args(hint)
        if origin is typing.Annotated:  # a rule's type: its dataclasses become models too
            return typing.Annotated[(self.validation_type(args[0]), *hint.__metadata__)]
        if origin in (typing.Union, types.UnionType):
            return typing.Union[tuple(self.validation_type(a) for a in args)]  # noqa: UP007
        if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
            return list[self.validation_type(args[0])]  # type: ignore[misc]
        if origin is list and args:
            return list[self.validation_type(args[0])]  # type: ignore[misc]
        if origin is dict and len(args) == 2:
            return dict[args[0], self.validation_type(args[1])]  # type: ignore[misc,valid-type]
        return hint

    def default(self, f: dataclasses.Field[Any], hint: Any) -> Any:
        if isinstance(f.default, tuple):
            return list(f.default)  # validated as a list (see validation_type)
        if f.default is not dataclasses.MISSING:
            return f.default
        if f.default_factory is not dataclasses.MISSING:
            factory = f.default_factory
            if isinstance(hint, type) and dataclasses.is_dataclass(hint) and factory is hint:
                return Field(default_factory=self.model(hint))
            return Field(default_factory=factory)
        return ...
