"""Case 2: placeholders built to exhaust the parser's stack are refused, never a RecursionError.

A sum of 5,000 terms, 2,000 nested parentheses or a run of minus signs, in a plan title or a
catalogue clause, through `build`, `check`, `roll`, `catalog check`, `catalog list` and `mine -o`.
The inputs are generated here, at test time.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.model.placeholders import scan
from tests.hostile.helpers import CORPUS, city_plan, run, run_here, small_catalogue, snapshot

HOSTILE = {
    "long_sum": "{{ " + "+".join(["1"] * 5000) + " }}",
    "deep_parens": "{{ " + "(" * 2000 + "1" + ")" * 2000 + " }}",
    "minus_run": "{{ " + "-" * 3000 + "1 }}",
    "short_deep": "{{ " + "(" * 40 + "年份" + ")" * 40 + " }}",
    "many_tags": "{{ 年份 }}" * 5000,
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_scanner_refuses_in_bounded_time(name: str) -> None:
    result = scan(HOSTILE[name] + "年教育工作要点")
    assert result.problems and all("\u4e00" <= p[0] <= "\u9fff" or p[0] in "“{" for p in
                                   result.problems), result.problems


def test_build_refuses_a_hostile_title(tmp_path: Path) -> None:
    title = '"{{ ' + "+".join(["1"] * 5000) + ' }}年教育工作要点"'
    plan = city_plan(tmp_path, 'title: "{{ 地区 }}{{ 年份 }}年教育工作要点"', f"title: {title}")
    run("build", str(plan), "-o", str(tmp_path / "x.docx")).refused("plan.yaml:5", "占位符")
    assert not (tmp_path / "x.docx").exists()


@pytest.mark.parametrize("name", ["deep_parens", "minus_run"])
@pytest.mark.parametrize("command", ["check", "roll"])
def test_check_and_roll_refuse(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                               name: str, command: str) -> None:
    plan = city_plan(tmp_path, 'title: "{{ 地区 }}{{ 年份 }}年教育工作要点"',
                     f'title: "{HOSTILE[name]}年教育工作要点"')
    extra = ["--to", "2026", "-o", str(tmp_path / "next.yaml")] if command == "roll" else []
    run_here(capsys, command, str(plan), *extra).refused("plan.yaml:5", "占位符")
    assert not (tmp_path / "next.yaml").exists()


@pytest.fixture
def bad_catalogue(tmp_path: Path) -> Path:
    cat = small_catalogue(tmp_path / "catalog")
    path = cat / "党建.yaml"
    text = path.read_text(encoding="utf-8")
    first_body = "  body: |-\n    开展主题教育"
    assert first_body in text
    path.write_text(text.replace(first_body, "  body: |-\n    " + HOSTILE["long_sum"]
                                 + "开展主题教育", 1), encoding="utf-8")
    return cat


def test_catalog_check_finds_the_bad_clause(bad_catalogue: Path) -> None:
    run("catalog", "check", str(bad_catalogue)).refused("党建.yaml:22", "占位符")


def test_catalog_list_refuses(bad_catalogue: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run_here(capsys, "catalog", "list", "--catalog", str(bad_catalogue)).refused("党建.yaml:22")


def test_mine_into_a_bad_catalogue_leaves_it_untouched(
        bad_catalogue: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = snapshot(bad_catalogue)
    source = next(CORPUS.glob("001_*.txt"))
    run_here(capsys, "mine", str(source), "-o", str(bad_catalogue)).refused("党建.yaml:22")
    assert snapshot(bad_catalogue) == before
