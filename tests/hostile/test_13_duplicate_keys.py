"""Case 13: duplicate YAML keys (`region: 安顺市`, then `region: 黑客县`) are refused.

PyYAML keeps the last value silently, so a second key hidden further down a plan could replace
what the official read at the top.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.model.errors import DrafterError
from drafter.util.yamlio import load_yaml
from tests.hostile.helpers import city_plan, run_here, small_catalogue


def test_plan_with_a_second_region(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = city_plan(tmp_path, "  region: 安顺市\n", "  region: 安顺市\n  region: 黑客县\n")
    out = tmp_path / "x.md"
    run_here(capsys, "build", str(plan), "-o", str(out)).refused("plan.yaml:8", "region",
                                                                 "第7行")
    assert not out.exists()


def test_catalogue_clause_with_two_bodies(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    cat = small_catalogue(tmp_path / "catalog")
    path = cat / "党建.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  kind: plan\n", "  kind: plan\n  body: 替换的正文\n", 1),
                    encoding="utf-8")
    run_here(capsys, "catalog", "check", str(cat)).refused("党建.yaml:", "body", "重复")


@pytest.mark.parametrize("text", [
    "a: 1\nb: 2\na: 3\n",  # top level
    "x:\n  - k: 1\n    k: 2\n",  # inside a list item
    "{a: 1, a: 2}\n",  # flow style
])
def test_every_level_and_style(text: str) -> None:
    with pytest.raises(DrafterError, match="重复"):
        load_yaml(text, "f.yaml")


def test_same_key_in_different_maps_is_fine() -> None:
    data, _ = load_yaml("a: {k: 1}\nb: {k: 2}\n", "f.yaml")
    assert data == {"a": {"k": 1}, "b": {"k": 2}}
