"""The one front door for YAML (catalogue, plan, batch, rules, profiles), and YAML out.

Every YAML file drafter reads is untrusted: it travels between bureaus by USB stick and chat.
`read_yaml_file` / `load_yaml` therefore
- bound the size (`MAX_YAML_BYTES`, `$DRAFTER_MAX_YAML_MB`) before parsing, and never read more;
- refuse control and bidi-override characters (tab and newline are fine), with file:line;
- use a safe loader only (libyaml's CSafeLoader where present): `!!python` tags are refused;
- check the composed node graph before anything is built: aliases may not expand beyond
  `MAX_ALIAS_EXPANSION` extra nodes (a 478-byte "billion laughs" is refused, not expanded),
  no recursive aliases, no duplicate keys, every date a real calendar date;
- turn every parser error into a Chinese `Problem` with file and line.
The walks over the node graph are iterative and visit each node once, so no input exhausts the
stack or expands an alias. Out: unicode unescaped, keys in order, block scalars for long text,
on a Dumper subclass (no global representers).
"""

from __future__ import annotations

import datetime as _dt
import os
import re
from pathlib import Path
from typing import Any

import yaml

from drafter.model.chars import UNSAFE_CHAR, UNSAFE_IN_FILE, char_name
from drafter.model.errors import DrafterError, Problem

try:  # pragma: no cover - depends on how PyYAML was built
    from yaml import CSafeDumper as _BaseDumper
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeDumper as _BaseDumper  # type: ignore[assignment]
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_YAML_BYTES = int(float(os.environ.get("DRAFTER_MAX_YAML_MB", "64")) * (1 << 20))
MAX_ALIAS_EXPANSION = 100_000
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")

Path_ = tuple[Any, ...]

# PyYAML's problems, in Chinese: English never reaches the user.
_PROBLEMS = (
    ("mapping values are not allowed", "此处不能出现“键: 值”（值中含冒号时请加引号，或检查缩进）"),
    ("could not find expected ':'", "缺少冒号（“键: 值”的冒号后要有空格）"),
    ("did not find expected key", "缩进不一致，或列表项与键混在一起"),
    ("did not find expected '-'", "列表缩进不一致（每项以“- ”开头且对齐）"),
    ("did not find expected node content", "缺少值，或引号、括号没有配对"),
    ("did not find expected ',' or ']'", "方括号列表没有闭合"),
    ("did not find expected ',' or '}'", "花括号映射没有闭合"),
    ("found character that cannot start any token",
     "含有不能作为开头的字符（如 @、` 或用制表符缩进）"),
    ("found unexpected end of stream", "文件意外结束（引号或括号没有闭合）"),
    ("found unknown escape character",
     "双引号中的反斜杠转义无效（反斜杠请写成 \\\\ 或改用单引号）"),
    ("found undefined alias", "引用了未定义的锚点（*名称）"),
    ("found duplicate anchor", "锚点（&名称）重复"),
    ("exceeded maximum nesting depth", "嵌套层数过多"),
    ("found a tab character", "缩进中含有制表符，请改用空格"),
    ("expected a single document", "文件中只能有一个 YAML 文档（请删除多余的 ---）"),
    ("expected <block end>", "缩进不一致"),
    ("found unexpected ':'", "冒号位置不对（值中含冒号时请加引号）"),
    ("while scanning a simple key", "缺少冒号（“键: 值”的冒号后要有空格）"),
    ("while parsing a quoted scalar", "引号没有闭合"),
    ("while scanning a quoted scalar", "引号没有闭合"),
    ("unacceptable character", "含有不允许的字符"),
)


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


class _NodeLines(LineMap):
    """The LineMap of a document without aliases, looked up in its node tree on demand.

    Mapping every node of a big catalogue file up front cost a tenth of its load; most lookups
    are a few per record. Without aliases every node has exactly one path, so walking down the
    path finds what the full map (`_walk`) would hold: a key's line for a mapping entry, an
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
                for key_node, value_node in node.value:  # the last of equal keys, as _walk
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


def read_yaml_file(path: Path, what: str = "文件") -> tuple[Any, LineMap]:
    """Read a YAML file through the front door: bounded, UTF-8, then `load_yaml`."""
    return load_yaml(read_text_bounded(path, what), str(path))


def read_text_bounded(path: Path, what: str = "文件", limit: int | None = None) -> str:
    """A UTF-8 text file (BOM tolerated), never more than `limit` bytes read; Chinese errors."""
    return decode_utf8(read_bytes_bounded(path, what, limit), path, what)


def read_bytes_bounded(path: Path, what: str = "文件", limit: int | None = None) -> bytes:
    """A file's bytes, never more than `limit` read (so /dev/zero is refused, not read)."""
    limit = MAX_YAML_BYTES if limit is None else limit
    try:
        with open(path, "rb") as fh:
            data = fh.read(limit + 1)
    except FileNotFoundError:
        raise DrafterError.one(f"找不到{what}：{path}", hint="请检查路径是否正确") from None
    except IsADirectoryError:
        raise DrafterError.one(f"{what}是一个文件夹：{path}", hint="请指定文件") from None
    except PermissionError:
        raise DrafterError.one(f"没有权限读取{what}：{path}", hint="请检查文件权限") from None
    except OSError as exc:
        raise DrafterError.one(f"无法读取{what}：{path}（错误码 {exc.errno}）") from None
    if len(data) > limit:
        raise DrafterError.one(
            f"{what}超过 {limit / (1 << 20):g} MB，拒绝读取：{path}",
            hint="请确认选对了文件；确需读取更大的文件，可设置环境变量 DRAFTER_MAX_YAML_MB",
        )
    return data


def decode_utf8(data: bytes, path: Path | str, what: str = "文件") -> str:
    """UTF-8 text (BOM tolerated), or a Chinese error naming the line of the first bad byte."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise DrafterError.one(f"{what}不是 UTF-8 编码", file=str(path), line=line,
                               hint="请用 UTF-8 编码另存该文件") from None


def load_yaml(text: str, file: str) -> tuple[Any, LineMap]:
    """Parse untrusted YAML; DrafterError listing every problem with file:line."""
    if len(text) > MAX_YAML_BYTES:
        raise DrafterError.one(f"文件超过 {MAX_YAML_BYTES >> 20} MB，拒绝读取", file=file)
    bad = [Problem(f"含有控制字符或方向控制字符 {char_name(m.group())}，出于安全原因拒绝读取",
                   file=file, line=text.count("\n", 0, m.start()) + 1,
                   hint="请删除该字符（常见于从网页或 Word 粘贴的文字）")
           for m in UNSAFE_IN_FILE.finditer(text)]
    if bad:
        raise DrafterError(bad[:20])
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        aliased = False
        if node is not None:
            tree = _tree_problems(node, file)  # None: the document holds aliases
            aliased = tree is None
            problems = check_nodes(node, file) if tree is None else tree
            if problems:
                raise DrafterError(problems)
        data = None
        if node is not None:
            data = _build_tree(node, loader) if not aliased else _NOT_BUILT
            if data is _NOT_BUILT:
                data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        if isinstance(exc, yaml.constructor.ConstructorError):
            msg = "含有不允许的 YAML 标签（如 !!python/object），出于安全原因拒绝读取"
            hint = "请删除该标签，只保留普通文字、数字和列表"
        else:
            msg = f"YAML 格式错误：{yaml_problem(exc)}"
            hint = "请检查缩进、冒号和引号"
        raise DrafterError.one(msg, file=file, line=line, hint=hint) from None
    except yaml.YAMLError:
        raise DrafterError.one("YAML 格式错误，无法读取", file=file,
                               hint="请检查缩进、冒号和引号") from None
    except (ValueError, OverflowError, RecursionError):
        raise DrafterError.one("YAML 中有无法读取的值（如无效的日期或过大的数字）", file=file,
                               hint="请检查日期和数字") from None
    finally:
        loader.dispose()
    if node is None:
        return data, LineMap()
    if not aliased:
        return data, _NodeLines(node, data)
    lines = LineMap()
    _walk(node, data, lines)
    return data, lines


def yaml_problem(exc: yaml.MarkedYAMLError) -> str:
    text = f"{exc.context or ''} {exc.problem or ''}"
    for english, chinese in _PROBLEMS:
        if english in text:
            return chinese
    return "无法解析"


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


def _tree_problems(root: yaml.Node, file: str) -> list[Problem] | None:
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
_NOT_BUILT = object()


def _build_tree(root: yaml.Node, loader: Any) -> Any:
    """The data of a tree of plain mappings, lists and scalars (what drafter's files hold),
    built in one pass instead of the safe constructor's generators; `_NOT_BUILT` at anything
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
        return _NOT_BUILT


class _Unusual(Exception):
    """A node `_build_tree` leaves to the safe constructor."""


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


def _walk(root: yaml.Node, data: Any, lines: LineMap) -> None:
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


class _Dumper(_BaseDumper):  # type: ignore[misc,valid-type]
    """Block scalars for multi-line or long strings; everything else plain."""


def _str_representer(dumper: Any, value: str) -> yaml.Node:
    if "\n" in value or len(value) > 60:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


_Dumper.add_representer(str, _str_representer)


def dump_yaml(data: Any) -> str:
    return yaml.dump(
        data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=4096, indent=2
    )
