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
The plain block YAML drafter itself writes is read line by line (`drafter.util.yaml_quick`),
which returns data only where this full path would return the same data and no problem, and
builds the full line map only when a caller asks for a line it does not know (a problem).
The walks over the node graph (`drafter.util.yaml_nodes`) are iterative and visit each node once,
so no input exhausts the stack or expands an alias. Out: unicode unescaped, keys in order, block
scalars for long text, on a Dumper subclass (no global representers).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from drafter.model.chars import UNSAFE_IN_FILE, char_name
from drafter.model.errors import DrafterError, Problem
from drafter.util.linemap import LineMap

if TYPE_CHECKING:
    import yaml

MAX_YAML_BYTES = int(float(os.environ.get("DRAFTER_MAX_YAML_MB", "64")) * (1 << 20))

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


def load_yaml(text: str, file: str, *, every_line: bool = False) -> tuple[Any, LineMap]:
    """Parse untrusted YAML; DrafterError listing every problem with file:line.

    The plain block YAML drafter writes is read by `yaml_quick` (several times faster), whose
    line map asks `_load_full` for lines only when a caller reports a problem; anything else
    goes straight to `_load_full`. A caller that records the line of every value (a plan, a
    batch file) passes `every_line`: the quick read would only be followed by the full one."""
    if every_line:
        return _load_full(text, file)
    quick = quick_yaml(text, MAX_YAML_BYTES, lambda: _load_full(text, file)[1])
    return quick if quick is not None else _load_full(text, file)


def quick_yaml(text: str, limit: int, exact: Callable[[], LineMap]) -> tuple[Any, LineMap] | None:
    """`drafter.util.yaml_quick.quick_yaml`, imported (with PyYAML) when a file is read."""
    from drafter.util.yaml_quick import quick_yaml as read

    return read(text, limit, exact)


def _load_full(text: str, file: str) -> tuple[Any, LineMap]:
    """libyaml composes the node graph, checked (`yaml_nodes`) before anything is built."""
    import yaml

    from drafter.util.yaml_nodes import (
        NOT_BUILT,
        NodeLines,
        build_tree,
        check_nodes,
        tree_problems,
        walk,
    )

    if len(text) > MAX_YAML_BYTES:
        raise DrafterError.one(f"文件超过 {MAX_YAML_BYTES >> 20} MB，拒绝读取", file=file)
    bad = [Problem(f"含有控制字符或方向控制字符 {char_name(m.group())}，出于安全原因拒绝读取",
                   file=file, line=text.count("\n", 0, m.start()) + 1,
                   hint="请删除该字符（常见于从网页或 Word 粘贴的文字）")
           for m in UNSAFE_IN_FILE.finditer(text)]
    if bad:
        raise DrafterError(bad[:20])
    loader = loader_class()(text)
    try:
        node = loader.get_single_node()
        aliased = False
        if node is not None:
            tree = tree_problems(node, file)  # None: the document holds aliases
            aliased = tree is None
            problems = check_nodes(node, file) if tree is None else tree
            if problems:
                raise DrafterError(problems)
        data = None
        if node is not None:
            data = build_tree(node, loader) if not aliased else NOT_BUILT
            if data is NOT_BUILT:
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
        return data, NodeLines(node, data)
    lines = LineMap()
    walk(node, data, lines)
    return data, lines


def yaml_problem(exc: yaml.MarkedYAMLError) -> str:
    text = f"{exc.context or ''} {exc.problem or ''}"
    for english, chinese in _PROBLEMS:
        if english in text:
            return chinese
    return "无法解析"


@lru_cache(maxsize=1)
def loader_class() -> Any:
    """PyYAML's safe loader (libyaml's where PyYAML was built with it)."""
    try:  # pragma: no cover - depends on how PyYAML was built
        from yaml import CSafeLoader as loader
    except ImportError:  # pragma: no cover
        from yaml import SafeLoader as loader  # type: ignore[assignment]
    return loader


def _str_representer(dumper: Any, value: str) -> yaml.Node:
    if "\n" in value or len(value) > 60:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


@lru_cache(maxsize=1)
def _dumper() -> Any:
    """A safe Dumper subclass: block scalars for multi-line or long strings, everything else
    plain (no global representers)."""
    try:  # pragma: no cover - depends on how PyYAML was built
        from yaml import CSafeDumper as base
    except ImportError:  # pragma: no cover
        from yaml import SafeDumper as base  # type: ignore[assignment]

    class Dumper(base):  # type: ignore[misc,valid-type]
        pass

    Dumper.add_representer(str, _str_representer)
    return Dumper


def dump_yaml(data: Any) -> str:
    import yaml

    return yaml.dump(
        data, Dumper=_dumper(), allow_unicode=True, sort_keys=False, width=4096, indent=2
    )


__all__ = [
    "MAX_YAML_BYTES", "LineMap", "decode_utf8", "dump_yaml",
    "load_yaml", "read_bytes_bounded", "read_text_bounded", "read_yaml_file", "yaml_problem",
]
