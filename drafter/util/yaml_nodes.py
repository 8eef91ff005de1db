"""Checks and builds over a composed YAML node graph, for the front door (`drafter.util.yamlio`).

`check_nodes` judges any graph (aliases may not expand past MAX_ALIAS_EXPANSION, no recursion,
no duplicate keys, real dates, no control characters in escaped strings); `tree_problems` does
the same in one visit for the usual document, a tree, and gives up (None) at the first alias.
`build_tree` builds a tree of plain maps, lists and scalars in one pass, leaving anything else
to PyYAML's safe constructor (NOT_BUILT). `LineMap` (drafter.util.linemap) maps data paths
to lines: `walk` fills one for any graph, `NodeLines` answers for a tree by walking its nodes
on demand.
Every walk is iterative. This module never parses text and never raises: the front door turns
what it finds into errors.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Any

import yaml

from drafter.model.chars import UNSAFE_CHAR, char_name
from drafter.model.errors import Problem
from drafter.util.linemap import LineMap, Path_

MAX_ALIAS_EXPANSION = 100_000
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


class NodeLines(LineMap):
    """The LineMap of a document without aliases, looked up in its node tree on demand.

    Mapping every node of a big catalogue file up front cost a tenth of its load; most lookups
    are a few per record. Without aliases every node has exactly one path, so walking down the
    path finds what the full map (`walk`) would hold: a key's line for a mapping entry, an
    item's first line for a list entry, else the nearest ancestor's."""

    def __init__(self, root: yaml.Node, data: Any) -> None:
        super().__init__()
        self._root, self._data = root, data

    def line(self, *path: Any) -> int | None:
        node, value = self._root, self._data
        line = node.start_mark.line + 1
        for part in path:
            if isinstance(node, yaml.MappingNode) and isinstance(value, dict):
                if part not in value:
                    break
                found = None
                for key_node, value_node in node.value:  # the last of equal keys, as walk
                    if key_node.value == part:
                        found = key_node, value_node
                if found is None:
                    break
                line = found[0].start_mark.line + 1
                node, value = found[1], value[part]
            elif (isinstance(node, yaml.SequenceNode) and isinstance(value, list)
                  and isinstance(part, int) and 0 <= part < min(len(node.value), len(value))):
                node, value = node.value[part], value[part]
                line = node.start_mark.line + 1
            else:
                break
        return line


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def check_nodes(root: yaml.Node, file: str) -> list[Problem]:
    """Problems in the composed graph: alias expansion, recursion, duplicate keys, bad dates,
    control characters in (escaped) strings. Iterative; every node is visited once."""
    problems: list[Problem] = []
    size: dict[int, int] = {}  # expanded subtree size per node id
    on_stack: set[int] = set()
    unique = 0
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        key = id(node)
        if done:
            on_stack.discard(key)
            size[key] = 1 + sum(size.get(id(c), 1) for c in _children(node))
            continue
        if key in size:
            continue
        if key in on_stack:
            problems.append(Problem("含有递归的锚点引用（&/*），拒绝读取", file=file,
                                    line=node.start_mark.line + 1, hint="请删除锚点和引用"))
            return problems
        unique += 1
        on_stack.add(key)
        stack.append((node, True))
        if isinstance(node, yaml.ScalarNode):
            problems.extend(_scalar_problems(node, file))
        elif isinstance(node, yaml.MappingNode):
            problems.extend(_duplicate_keys(node, file))
        stack.extend((child, False) for child in _children(node) if id(child) not in size)
        if len(problems) >= 50:
            return problems
    if size.get(id(root), 0) - unique > MAX_ALIAS_EXPANSION:
        problems.append(Problem(
            f"锚点引用（&/*）展开后超过 {MAX_ALIAS_EXPANSION:,} 项，疑为恶意文件，拒绝读取",
            file=file, line=1, hint="drafter 的文件不需要锚点和引用，请删除它们"))
    return problems


def tree_problems(root: yaml.Node, file: str) -> list[Problem] | None:
    """`check_nodes` for the usual document, a tree: each node reached once, so nothing
    expands and nothing recurses; only scalars and duplicate keys can be wrong. None as soon as
    a node is reached twice (an alias): `check_nodes` then judges the whole graph."""
    problems: list[Problem] = []
    seen: set[int] = set()
    stack: list[yaml.Node] = [root]
    scalar, mapping = yaml.ScalarNode, yaml.MappingNode
    while stack:
        node = stack.pop()
        if id(node) in seen:
            return None
        seen.add(id(node))
        if isinstance(node, scalar):
            if node.tag == _TIMESTAMP or UNSAFE_CHAR.search(node.value):
                problems.extend(_scalar_problems(node, file))
        elif isinstance(node, mapping):
            pairs = node.value
            if len({(k.tag, k.value) if isinstance(k, scalar) else id(k)
                    for k, _ in pairs}) < len(pairs):
                problems.extend(_duplicate_keys(node, file))
            for key_node, value_node in pairs:
                stack.append(key_node)
                stack.append(value_node)
        else:
            stack.extend(node.value)
        if len(problems) >= 50:
            return problems
    return problems


_STR, _MAP, _SEQ = "tag:yaml.org,2002:str", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"
# Scalars whose value does not depend on anything but their own text: built by the safe
# constructor one by one, exactly as it builds them inside a document.
_PLAIN_SCALARS = frozenset({_TIMESTAMP, "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
                            "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null"})
NOT_BUILT = object()


def build_tree(root: yaml.Node, loader: Any) -> Any:
    """The data of a tree of plain mappings, lists and scalars (what drafter's files hold),
    built in one pass instead of the safe constructor's generators; `NOT_BUILT` at anything
    else (a merge key, a non-scalar key, another tag), for the constructor to build it all."""
    scalar, mapping = yaml.ScalarNode, yaml.MappingNode

    def value_of(node: yaml.Node) -> Any:
        if node.tag == _STR:
            return node.value
        if node.tag in _PLAIN_SCALARS:
            return loader.construct_object(node, deep=True)
        raise _Unusual

    def container(node: yaml.Node) -> Any:
        if node.tag == _MAP and isinstance(node, mapping):
            return {}
        if node.tag == _SEQ and isinstance(node, yaml.SequenceNode):
            return []
        raise _Unusual

    try:
        if isinstance(root, scalar):
            return value_of(root)
        out = container(root)
        stack: list[tuple[yaml.Node, Any]] = [(root, out)]
        while stack:
            node, target = stack.pop()
            if isinstance(target, dict):
                for key_node, value_node in node.value:
                    if not isinstance(key_node, scalar):
                        raise _Unusual
                    key = value_of(key_node)
                    if isinstance(value_node, scalar):
                        target[key] = value_of(value_node)
                    else:
                        target[key] = child = container(value_node)
                        stack.append((value_node, child))
            else:
                for item in node.value:
                    if isinstance(item, scalar):
                        target.append(value_of(item))
                    else:
                        child = container(item)
                        target.append(child)
                        stack.append((item, child))
        return out
    except _Unusual:
        return NOT_BUILT


class _Unusual(Exception):
    """A node `build_tree` leaves to the safe constructor."""


def _scalar_problems(node: yaml.ScalarNode, file: str) -> list[Problem]:
    line = node.start_mark.line + 1
    out: list[Problem] = []
    value = node.value
    match = UNSAFE_CHAR.search(value)
    if match:
        out.append(Problem(
            f"文字中含有控制字符 {char_name(match.group())}（可能来自转义写法），拒绝读取",
            file=file, line=line, hint="请删除该字符；换行请直接换行书写"))
    if node.tag == _TIMESTAMP:
        date = _DATE.match(value)
        if date:
            try:
                _dt.date(*(int(g) for g in date.groups()))
            except ValueError:
                out.append(Problem(f"日期“{value}”不存在（月份或日期超出范围）", file=file,
                                   line=line, hint="请写成真实的日期，如 2025-02-28"))
    return out


def _duplicate_keys(node: yaml.MappingNode, file: str) -> list[Problem]:
    seen: dict[tuple[str, str], int] = {}
    out: list[Problem] = []
    for key_node, _ in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            continue
        key = (key_node.tag, key_node.value)
        line = key_node.start_mark.line + 1
        if key in seen:
            out.append(Problem(f"键“{key_node.value}”重复（第{seen[key]}行已有）", file=file,
                               line=line, hint="同一层里每个键只能出现一次，请删除或合并重复的键"))
        else:
            seen[key] = line
    return out


def walk(root: yaml.Node, data: Any, lines: LineMap) -> None:
    """Data path → line, visiting each node once (an alias is not expanded again)."""
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, Any, Path_]] = [(root, data, ())]
    while stack:
        node, value, path = stack.pop()
        lines.setdefault(path, node.start_mark.line + 1)
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode) and isinstance(value, dict):
            for key_node, value_node in node.value:
                key = key_node.value
                if key in value:
                    lines[(*path, key)] = key_node.start_mark.line + 1
                    stack.append((value_node, value[key], (*path, key)))
        elif isinstance(node, yaml.SequenceNode) and isinstance(value, list):
            for i, (child, item) in enumerate(zip(node.value, value, strict=False)):
                stack.append((child, item, (*path, i)))
