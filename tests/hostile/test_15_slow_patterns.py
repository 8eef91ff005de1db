"""Case 15: nothing a user writes makes drafter work for minutes.

A user `--rules` pattern `(甲+)+乙` hung past 60 s on 32 characters: nested repeats are now
refused with file:line, and every rule pattern runs under a timeout (the `regex` package), so
a slow shape the test misses (`(甲|甲甲)+乙`) stops with a Chinese message. A 10,000-character
title took 24.5 s to lay out (quadratic balancing); long titles are now filled line by line.
Every bound is on CPU time (tests.hostile.helpers), which the machine's load does not move.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from drafter.render.title_lines import break_title
from tests.hostile.helpers import WALL_FACTOR, run, run_here


def _rules(tmp_path: Path, pattern: str) -> Path:
    rules = tmp_path / "rules.yaml"
    rules.write_text(f"rules:\n  - id: slow\n    label: 慢\n    pattern: '{pattern}'\n"
                     "    valid_until: 2020\n    message: 测试\n", encoding="utf-8")
    return rules


def _draft(tmp_path: Path) -> Path:
    draft = tmp_path / "draft.txt"
    draft.write_text("某市教育局2025年工作要点\n\n一、加强党的建设\n1.推进" + "甲" * 32
                     + "项目。\n", encoding="utf-8")
    return draft


def test_nested_repeats_are_refused_at_load(tmp_path: Path) -> None:
    run("check", str(_draft(tmp_path)), "--rules", str(_rules(tmp_path, "(甲+)+乙"))).refused(
        "rules.yaml:4", "嵌套的重复", within=20)


def test_a_slow_shape_the_test_misses_times_out(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    run_here(capsys, "check", str(_draft(tmp_path)), "--rules",
             str(_rules(tmp_path, "(甲|甲甲)+乙"))).refused("超时", "rules.yaml:4", within=15)


def test_a_10000_character_title_is_laid_out_fast() -> None:
    start = time.process_time()
    lines = break_title("安顺市教育局" * 1700, 22)
    assert time.process_time() - start < 2
    assert all(len(line) <= 22 for line in lines) and "".join(lines) == "安顺市教育局" * 1700


def test_a_long_title_builds(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tests.hostile.helpers import city_plan

    plan = city_plan(tmp_path, 'title: "{{ 地区 }}{{ 年份 }}年教育工作要点"',
                     "title: " + "安顺市教育局" * 1700)
    result = run_here(capsys, "build", str(plan), "-o", str(tmp_path / "x.docx"))
    assert result.code == 0, result.err
    assert result.cpu < 30 and result.seconds < 30 * WALL_FACTOR
