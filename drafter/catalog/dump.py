"""Write a catalogue to disk: catalog/<chapter key>.yaml, one file per key, for humans to edit.

The files are the catalogue's source of truth, curated by hand after mining, so the output is
meant to be read: a header comment explaining the format, block scalars for long text,
Chinese unescaped, keys in a fixed order, empty fields left out, and byte-identical output
for the same catalogue. The clause order is the catalogue's own order (never re-sorted here).

This module must not validate (that is `drafter.catalog.load`) or decide anything about
clauses; it only lays them out.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from drafter.catalog.fields import CLAUSE, to_dict
from drafter.model import CHAPTER_KEYS, Catalogue, Clause
from drafter.util.fs import atomic_write_text
from drafter.util.yamlio import dump_yaml

HEADER = """\
# drafter 条目目录 · {key}
#
# 本文件可以直接手工编辑，改完请运行 `drafter catalog check` 检查。
# 顶层：chapter（章节键，须与文件名一致）和 clauses（条目列表）。每个条目：
#   id        稳定编号，计划文件按它引用条目，请勿修改；新增条目请自取一个不重复的编号
#   lead      加粗的标题句，不带句末标点（总体要求、结束语可为空）
#   body      正文。{{{{ 名称 }}}} 是参数占位符；{{{{ 年份 + 1 }}}} 表示计划年份加一
#   kind      plan 计划条目 / summary 总结（已完成的工作）/ preamble 总体要求 / closing 结束语
#   tags      细分标签            owners   责任单位
#   slots     参数：name 名称（与占位符一致）、label 说明、type 类型（integer 整数、
#             decimal 小数、percent 百分比、text 文字、year 年份）、unit 单位、default 默认值
#   sources   来源：file 文件、marker 原编号、year 年份、region 地区、title 标题
#   flags     检查提示（如过时的表述）
#   variants  其他来源的不同写法（变体）：id（条目编号/序号）、lead、body、slots、owners、source
# 地区、年份、单位是全局参数，任何条目都可直接使用，不必在 slots 中声明。
"""


def write_catalogue(cat: Catalogue, dir: Path) -> list[Path]:
    """Write every chapter key's file (empty ones too, so stale files never linger)."""
    dir = Path(dir)
    written: list[Path] = []
    for key in CHAPTER_KEYS:
        path = dir / f"{key}.yaml"
        atomic_write_text(path, chapter_yaml(key, cat.chapters.get(key, [])))
        written.append(path)
    return written


def chapter_yaml(key: str, clauses: list[Clause]) -> str:
    """The text of one chapter file."""
    data = {"chapter": key, "clauses": [clause_dict(c) for c in clauses]}
    # A blank line between clauses: top-level "- id:" lines sit at column 0, which text inside
    # a block scalar (always indented) can never do.
    text = dump_yaml(data).replace("\n- id: ", "\n\n- id: ")
    return HEADER.format(key=key) + "\n" + text


def clause_dict(clause: Clause) -> dict[str, Any]:
    """A clause as its file mapping, laid out by the field table (drafter.catalog.fields)."""
    return to_dict(clause, CLAUSE)
