"""The declarative validator of the data files: every pydantic error becomes a Chinese problem
at the line of the key it concerns."""

from __future__ import annotations

import pytest
from pydantic import ConfigDict

from drafter.check.table import default_table, parse_table
from drafter.mine.junk_schema import JunkFile
from drafter.model import DrafterError
from drafter.util.validation import Strict, validate
from drafter.util.yamlio import load_yaml


class Inner(Strict):
    model_config = ConfigDict(title="设置")

    size: int = 1


class Outer(Strict):
    name: str
    inner: Inner = Inner()
    items: list[Inner] = []


@pytest.mark.parametrize(("text", "line", "fragment"), [
    ("name: a\ninner:\n  colour: red\n", 3, "未知设置“colour”"),  # the nested model's title
    ("name: a\nitems:\n  - size: 1\n  - size: 二\n", 4, "“items.size”应是整数"),  # list index
    ("inner: {}\n", None, "缺少 name"),  # a missing key: the top-level line is unknown
    ("name: 3\n", 1, "“name”应是文字"),  # no coercion of numbers to text
    ("name: a\ninner:\n  size: true\n", 3, "应是整数"),  # nor of booleans to numbers
    ("- a\n", 1, "文件顶层应是一个映射"),
])
def test_problems_name_the_line(text: str, line: int | None, fragment: str) -> None:
    data, lines = load_yaml(text, "f.yaml")
    with pytest.raises(DrafterError) as err:
        validate(Outer, data, lines, "f.yaml")
    problems = err.value.problems
    assert any(fragment in p.message and p.file == "f.yaml" for p in problems), problems
    if line is not None:
        assert any(p.line == line for p in problems if fragment in p.message)


def test_unknown_keys_list_the_known_ones() -> None:
    data, lines = load_yaml("name: a\nnmae: b\n", "f.yaml")
    with pytest.raises(DrafterError) as err:
        validate(Outer, data, lines, "f.yaml")
    problem = err.value.problems[0]
    assert problem.line == 2 and problem.hint is not None and "name" in problem.hint


def test_every_problem_at_once() -> None:
    data, lines = load_yaml("lines: ['(']\nfragments: ['[']\nwhatever: 1\n", "junk.yaml")
    with pytest.raises(DrafterError) as err:
        validate(JunkFile, data, lines, "junk.yaml")
    assert [p.line for p in err.value.problems] == [1, 2, 3]


@pytest.mark.parametrize("text", ["", "rules:\n", "rules: []\njunk:\ndisable:\n"])
def test_empty_rule_sections_are_fine(text: str) -> None:
    table = parse_table(text, "本局规则.yaml", base=default_table())
    assert table.rules == default_table().rules


def test_a_rule_override_changes_only_what_it_names() -> None:
    base = default_table()
    first = base.rules[0]
    table = parse_table(f"rules:\n  - id: {first.id}\n    severity: 提示\n", "x.yaml", base=base)
    changed = next(r for r in table.rules if r.id == first.id)
    assert changed.severity == "提示" and changed.pattern == first.pattern


def test_a_top_level_list_is_refused() -> None:
    with pytest.raises(DrafterError, match="顶层应为映射"):
        parse_table("- a\n", "x.yaml")
