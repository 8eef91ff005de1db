"""Issue 13.7 and 13.13: `drafter new` takes -o, and its default year is the TUI's (next year)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from drafter.cli import cli as main
from drafter.model.plan import next_plan_year
from drafter.plans.io import load_plan


def test_new_takes_o_and_defaults_to_next_year(tmp_path: Path) -> None:
    out = tmp_path / "我的计划.yaml"
    result = CliRunner().invoke(main, ["new", "-o", str(out), "--region", "临河县"])
    assert result.exit_code == 0, result.output
    plan = load_plan(out)
    assert plan.meta.year == next_plan_year() and plan.meta.region == "临河县"


def test_new_without_a_path_says_how(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["new"])
    assert result.exit_code == 2 and "-o" in result.output
    two = CliRunner().invoke(main, ["new", str(tmp_path / "a.yaml"), "-o",
                                    str(tmp_path / "b.yaml")])
    assert two.exit_code == 2 and "只需给一次" in two.output
