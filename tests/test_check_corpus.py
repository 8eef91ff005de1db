"""`drafter check` on each corpus plan lists the expected findings, and nothing else (issue 13).

Both ways, complete: every finding of every rule family (time table, years, leftovers,
punctuation, structure, numbers, and the place/level/name rules should they ever run on a draft)
is listed with the source line it points at, so a new finding or a lost one fails here. Each was
read by eye: a stale formulation, a leftover, a web scrap, a half-width comma are what a careful
reader would mark; the 全国教育大会 hint on a 2025 plan, 22 separate web-scrap findings, the same
finding twice, a prose chapter called empty, a 党建 item called missing are noise and are not
listed. (Place, level and source-name rules need the plan's region: `drafter check` runs them
on plan files, see tests/test_trust.py; on a draft none fires, and this table says so.)
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest
from click.testing import CliRunner

from drafter.cli import cli

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "examples" / "corpus"
T = None  # the title: no source line

EXPECTED: dict[str, dict[str, list[int | None]]] = {
    # a 2024 plan carried from 2019: 十九大, 70周年, 脱贫攻坚战, 第三期学前, 两学一做, leftovers
    "000_6e1b9dddc9e44491.txt": {
        "time.shijiuda": [3, 5], "time.shijiujie-quanhui": [3], "time.guoqing-70": [5, 11],
        "time.tuopin-gongjian": [42], "time.xueqian-disanqi": [23], "time.liangxue-yizuo": [5],
        "time.quanguo-jiaoyu-dahui": [3],  # 2024: which conference? once, though cited twice
        "text.placeholder": [T, 3, 18, 21, 23, 24, 26, 28, 29, 33, 37, 40],
        "text.junk": [1], "years.same-range": [24, 36], "years.dash": [24],
        "punct.halfwidth": [41],
    },
    # a 2020 plan under a 2022 title: 十三五, 扫黑除恶线索, an ended plan, leftovers, scraps
    "001_9b87fbe62b8e467a.txt": {
        "years.title": [1], "time.shisanwu": [53], "time.saohei-xiansuo": [103],
        "years.ended-range": [81],
        "text.placeholder": [11, 15, 19, 27, 29, 41, 47, 51, 53, 57, 59, 61, 67, 79, 81, 83,
                             87, 89, 91, 93, 101, 107, 111],
        "text.junk": [3], "punct.halfwidth": [1],
        "punct.item-end": [45],  # 心理健康 item really ends without its 。
    },
    # a clean 2024 plan: half-width punctuation, two ” typed for “, one web scrap
    "002_2a7bf6d903de80bb.txt": {
        "punct.halfwidth": [2], "punct.unpaired": [24, 26], "text.junk": [1],
    },
    # a summary + 2024 plan: 十九大, 十三五, 不忘初心 (with •), 扫黑除恶专项斗争, 精准扶贫 (also in
    # the title). "一、工作思路" is a prose chapter (its text, line 11, has xx leftovers), not an
    # empty one; 党建 is the plan part's first item, not missing. The summary's own
    # 扫黑除恶专项斗争 and 精准扶贫 speak of last year and are not findings.
    "003_ba70fc74859aa5a4.txt": {
        "time.shijiuda": [35], "time.shisanwu": [39], "time.buwang-chuxin": [35],
        "time.saohei-zhuanxiang": [39], "time.jingzhun-fupin": [T, 39],
        "text.placeholder": [11, 15, 17, 19, 21, 23, 25, 27, 35, 37, 39, 41],
        "text.junk": [1], "punct.halfwidth": [7],
    },
    # a 2025 plan: leftovers (XX, 某市), many web scraps; 全国教育大会 and “双减” are current;
    # 党建 is an item of the 治理 chapter, so no chapter is missing
    "004_cf1a10ad61a3a979.txt": {
        "text.placeholder": [T, 11, 15, 23, 33, 37, 73, 91, 99, 121],
        "text.junk": [1], "punct.halfwidth": [11],
    },
}

NEVER: dict[str, tuple[str, ...]] = {
    "004_cf1a10ad61a3a979.txt": ("time.quanguo-jiaoyu-dahui", "time.shuangjian",
                                 "structure.required-chapter"),
    "001_9b87fbe62b8e467a.txt": ("time.buwang-chuxin",),  # 巩固……主题教育成果 is current
    "002_2a7bf6d903de80bb.txt": ("time.jiaoyujia-jingshen", "time.zhuti-jiaoyu"),
    "003_ba70fc74859aa5a4.txt": ("structure.empty-chapter", "structure.required-chapter"),
}


def _findings(target: Path) -> list[dict[str, object]]:
    result = CliRunner().invoke(cli, ["check", "--format", "json", str(target)])
    assert result.exit_code in (0, 1), result.output
    return list(json.loads(result.stdout)["findings"])


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_corpus_plan_has_the_expected_findings(name: str) -> None:
    findings = _findings(CORPUS / name)
    lines: dict[str, list[int | None]] = defaultdict(list)
    for f in findings:
        lines[str(f["rule"])].append(f["line"])  # type: ignore[arg-type]
    got = {rule: sorted(found, key=lambda n: n or 0) for rule, found in lines.items()}
    assert got == EXPECTED[name]
    for rule in NEVER.get(name, ()):
        assert rule not in got
    keys = [(f["rule"], f["text"], f["line"], f["chapter"], f["item"]) for f in findings]
    assert len(keys) == len(set(keys))  # no finding listed twice


def test_no_time_rule_fires_on_the_example_plan() -> None:
    """The bundled example plan is current wording: no rule of the table fires on it."""
    findings = _findings(ROOT / "examples" / "city_plan.yaml")
    assert not [f for f in findings if str(f["rule"]).startswith("time.")]
    assert findings  # the check ran (the example's one half-width dash hint)
