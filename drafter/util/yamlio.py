"""YAML in and out for the three file formats (catalogue, plan, batch).

In: a safe loader only (libyaml's CSafeLoader where present), plus a map from data paths
to source lines so validators can say file:line. Out: unicode unescaped, keys in the
order given, block scalars for long text, on a Dumper subclass (no global representers).
"""

from __future__ import annotations

from typing import Any

import yaml

from drafter.model.errors import DrafterError

try:  # pragma: no cover - depends on how PyYAML was built
    from yaml import CSafeDumper as _BaseDumper
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeDumper as _BaseDumper  # type: ignore[assignment]
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

Path_ = tuple[Any, ...]


class LineMap(dict[Path_, int]):
    """Data path → 1-based line. `line(path)` falls back to the nearest ancestor."""

    def line(self, *path: Any) -> int | None:
        p: Path_ = tuple(path)
        while True:
            if p in self:
                return self[p]
            if not p:
                return None
            p = p[:-1]


def load_yaml(text: str, file: str) -> tuple[Any, LineMap]:
    """Parse YAML safely; raise DrafterError naming file:line on syntax errors or unsafe tags."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        if isinstance(exc, yaml.constructor.ConstructorError):
            msg = "含有不允许的 YAML 标签（如 !!python/object），出于安全原因拒绝读取"
            hint = "请删除该标签，只保留普通文字、数字和列表"
        else:
            msg = f"YAML 格式错误：{exc.problem or exc}"
            hint = "请检查缩进、冒号和引号"
        raise DrafterError.one(msg, file=file, line=line, hint=hint) from None
    except yaml.YAMLError as exc:
        raise DrafterError.one(f"YAML 格式错误：{exc}", file=file) from None
    finally:
        loader.dispose()
    lines = LineMap()
    if node is not None:
        _walk(node, data, (), lines)
    return data, lines


def _walk(node: yaml.Node, data: Any, path: Path_, lines: LineMap) -> None:
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode) and isinstance(data, dict):
        for key_node, value_node in node.value:
            key = key_node.value
            if key in data:
                lines[(*path, key)] = key_node.start_mark.line + 1
                _walk(value_node, data[key], (*path, key), lines)
    elif isinstance(node, yaml.SequenceNode) and isinstance(data, list):
        for i, (child, value) in enumerate(zip(node.value, data, strict=False)):
            _walk(child, value, (*path, i), lines)


class _Dumper(_BaseDumper):  # type: ignore[misc,valid-type]
    """Block scalars for multi-line or long strings; everything else plain."""


def _str_representer(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    if "\n" in value or len(value) > 60:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


_Dumper.add_representer(str, _str_representer)


def dump_yaml(data: Any) -> str:
    return yaml.dump(
        data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=4096, indent=2
    )
