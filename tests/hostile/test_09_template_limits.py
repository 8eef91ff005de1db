"""Case 9: a custom document template runs with limits, and says so in Chinese naming itself.

Nested `range(100000)` loops ran past 90 s, `{{ 9**(9**9) }}` past 60 s, `'a'*10**9` wrote a 1 GB
file, a self-calling macro gave a RecursionError traceback. Now a custom skeleton renders in a
child process with a wall-clock budget (DRAFTER_TEMPLATE_SECONDS, lowered here to keep the test
short), an output cap, and a sandbox that refuses huge powers and repeats.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.hostile.helpers import city_plan, run, run_here

BUNDLED = Path(__file__).resolve().parents[2] / "drafter/data/templates/gongzuo_yaodian"

HOSTILE = {
    "nested_loops": "{% for i in range(100000) %}{% for j in range(100000) %}"
                    "{% endfor %}{% endfor %}",
    "huge_power": "{{ 9**(9**9) }}",
    "huge_repeat": "{{ 'a'*10**9 }}",
    "self_macro": "{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}",
    "huge_output": "{% for i in range(100000) %}{{ '甲' * 300 }}{% endfor %}",
    "filter_bomb": "{{ 'a'|center(10**9) }}",
}


def _plan_with_template(tmp_path: Path, body: str) -> Path:
    folder = tmp_path / "我的模板"
    folder.mkdir()
    skeleton = (BUNDLED / "document.j2").read_text(encoding="utf-8")
    (folder / "document.j2").write_text(body + "\n" + skeleton, encoding="utf-8")
    return city_plan(tmp_path, "template: gongzuo_yaodian", "template: 我的模板")


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_template(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                          monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    from drafter.render import limits

    monkeypatch.setattr(limits, "TIME_BUDGET", 3.0)
    monkeypatch.setattr(limits, "MAX_OUTPUT", 2_000_000)
    plan = _plan_with_template(tmp_path, HOSTILE[name])
    out = tmp_path / "x.md"
    out.write_text("上一版", encoding="utf-8")
    run_here(capsys, "build", str(plan), "-o", str(out), "--force").refused("我的模板",
                                                                            within=20)
    assert out.read_text(encoding="utf-8") == "上一版"


def test_end_to_end_with_a_budget(tmp_path: Path) -> None:
    plan = _plan_with_template(tmp_path, HOSTILE["nested_loops"])
    result = run("build", str(plan), "-o", str(tmp_path / "x.docx"),
                 env={"DRAFTER_TEMPLATE_SECONDS": "2"}, timeout=60)
    result.refused("我的模板", "秒", within=30)


def test_a_normal_custom_template_still_renders(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    plan = _plan_with_template(tmp_path, "{% for i in range(3) %}{% endfor %}")
    out = tmp_path / "x.md"
    assert run_here(capsys, "build", str(plan), "-o", str(out)).code == 0
    assert "安顺市" in out.read_text(encoding="utf-8")
