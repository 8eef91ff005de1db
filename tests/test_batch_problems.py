"""Issue 13.16: `drafter batch` reports every problem of every county in one pass, at the batch
file's own line; a value name that matches no slot is an error naming the nearest slot."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from drafter.cli import cli
from drafter.cli.batch_problems import nearest

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def _line(text: str, needle: str, after: int = 0) -> int:
    lines = text.splitlines()
    return next(n for n, line in enumerate(lines, start=1) if n > after and needle in line)


def test_every_problem_of_every_county_in_one_pass(tmp_path: Path) -> None:
    shutil.copy(EXAMPLES / "city_plan.yaml", tmp_path / "city_plan.yaml")
    text = (EXAMPLES / "batch.yaml").read_text(encoding="utf-8")
    text = text.replace("      中小学_所: 4\n", "      中小学_所: abc\n      中小学所: 3\n", 1)
    text = text.replace("gj-aefad0: {新增学位_个: 420}", "gj-zzzzzz: {新增学位_个: 420}", 1)
    text = text.replace("义务教育巩固率_百分比: 96.5", "义务教育巩固率_百分比: 196.5", 1)
    batch = tmp_path / "batch.yaml"
    batch.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["batch", str(batch), "-o", str(tmp_path / "out"),
                                      "-j", "1"])
    assert result.exit_code == 1
    err = result.stderr
    # four kinds in one run, each at the batch file's own line (not city_plan.yaml's)
    assert f"batch.yaml:{_line(text, 'gj-zzzzzz')}" in err and "gj-zzzzzz" in err
    assert f"batch.yaml:{_line(text, '中小学所: 3')}" in err and "是不是“中小学_所”" in err
    assert f"batch.yaml:{_line(text, '中小学_所: abc')}" in err and "不是整数" in err
    assert f"batch.yaml:{_line(text, '196.5')}" in err and "超出范围" in err
    errors = [line for line in err.splitlines() if line.startswith("错误")]
    assert not [e for e in errors if "city_plan.yaml" in e]  # all set in the batch file
    assert "成功 1 份，失败 2 份" in result.stdout  # 普定县 still builds


def test_nearest_slot_name() -> None:
    slots = {"中小学_所", "改扩建幼儿园_所", "新增学位_个"}
    assert nearest("中小学所", slots) == "中小学_所"  # the underscore forgotten
    assert nearest("新增学位", slots) == "新增学位_个"
    assert nearest("完全无关的名字", slots) is None
