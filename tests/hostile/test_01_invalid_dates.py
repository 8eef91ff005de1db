"""Case 1: an invalid calendar date is a Chinese problem at file:line, never a ValueError.

`date: 2025-02-30` in a plan, `year: 2024-13-01` in a catalogue, bad dates in rule, profile and
batch files; a quoted "2025-02-30" where a date is expected is refused too (it used to print as
2025年2月30日).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.model.errors import DrafterError
from drafter.util.yamlio import load_yaml
from tests.hostile.helpers import city_plan, run, run_here, small_catalogue


def test_build_refuses_an_impossible_date(tmp_path: Path) -> None:
    plan = city_plan(tmp_path, "date: 2025-02-20", "date: 2025-02-30")
    out = tmp_path / "out.docx"
    out.write_bytes(b"previous")
    run("build", str(plan), "-o", str(out), "--force").refused("plan.yaml:9", "2025-02-30",
                                                               "不存在")
    assert out.read_bytes() == b"previous"


@pytest.mark.parametrize("value", ['"2025-02-30"', "'2025-13-01'", "2025-00-10"])
def test_quoted_or_unquoted_bad_dates_in_a_plan(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                value: str) -> None:
    plan = city_plan(tmp_path, "date: 2025-02-20", f"date: {value}")
    run_here(capsys, "build", str(plan), "-o", str(tmp_path / "x.md")).refused("plan.yaml:9")
    assert not (tmp_path / "x.md").exists()


def test_catalogue_with_a_bad_year_is_reported_by_check_and_list(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cat = small_catalogue(tmp_path / "catalog")
    path = cat / "党建.yaml"
    text = path.read_text(encoding="utf-8").replace("year: 2024", "year: 2024-13-01", 1)
    path.write_text(text, encoding="utf-8")
    line = text.splitlines().index("    year: 2024-13-01") + 1
    for args in (("catalog", "check", str(cat)), ("catalog", "list", "--catalog", str(cat))):
        run_here(capsys, *args).refused(f"党建.yaml:{line}", "2024-13-01")


@pytest.mark.parametrize("text", [
    "deadline: 2025-02-30\n",  # a rule/profile/batch file: every YAML goes through one door
    "a:\n  b: [1, 2]\n  c: 2023-02-29\n",
])
def test_every_yaml_file_validates_dates(text: str) -> None:
    with pytest.raises(DrafterError) as info:
        load_yaml(text, "f.yaml")
    assert "不存在" in str(info.value) and "f.yaml:" in str(info.value)


def test_rules_file_with_a_bad_date(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rules = tmp_path / "rules.yaml"
    rules.write_text("stale:\n  - phrase: 老提法\n    since: 2024-02-31\n", encoding="utf-8")
    plan = city_plan(tmp_path)
    run_here(capsys, "check", str(plan), "--rules", str(rules)).refused("rules.yaml:3")


def test_a_real_leap_day_is_fine() -> None:
    data, _ = load_yaml("date: 2024-02-29\n", "f.yaml")
    assert str(data["date"]) == "2024-02-29"
