"""Issue 9 end to end: --strict, 待核实 reports, batch provenance, level terms, foreign names,
落款 by default, targets against last year, and one lenient renderer for the TUI and the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from drafter.catalog.load import load_catalogue
from drafter.cli.check_cmd import render_for_check
from drafter.model import Plan, PlanChapter, PlanItem, PlanMeta
from drafter.model.resolve import resolve
from drafter.plans.io import load_plan, plan_from_yaml, save_plan
from drafter.render.text import blocks_to_text
from drafter.tui.preview import build_preview
from drafter.util.paths import bundled_catalog_dir
from tests.conftest import ROOT, run_cli
from tests.tui_support import tui_catalogue

BUNDLED = load_catalogue(bundled_catalog_dir())
# gj-aefad0 (学前, mined from 安顺市's plan): twelve figures with catalogue defaults, and the
# names of 安顺市's other counties; js-… / zt-… carry 全市, 市级, 教育强市.
COUNTY = """\
meta:
  region: 普定县
  organ: 普定县教育局
  year: 2026
  date: 2026-02-20
  options: {signature: true}
chapters:
  - key: 各级各类教育
    items: [gj-aefad0]
"""


def _json_findings(result) -> list[dict]:  # type: ignore[no-untyped-def]
    data = json.loads(result.stdout)
    return data["findings"] if isinstance(data, dict) else data


def test_build_strict_succeeds_on_the_shipped_example(tmp_path: Path) -> None:
    result = run_cli("build", "examples/city_plan.yaml", "-o", str(tmp_path / "x.txt"),
                     "--strict")
    assert result.returncode == 0, result.stderr
    assert "待核实" not in result.stderr


def test_build_strict_refuses_catalogue_defaults_listing_each(tmp_path: Path) -> None:
    (tmp_path / "p.yaml").write_text(COUNTY, encoding="utf-8")
    strict = run_cli("build", "p.yaml", "-o", "x.txt", "--strict", cwd=tmp_path)
    assert strict.returncode == 1 and not (tmp_path / "x.txt").exists()
    assert "待核实，严格模式（--strict）不生成文档" in strict.stderr
    for piece in ("第一章 第1条", "公办幼儿园在园幼儿占比", "目录默认值", "来源：安顺市",
                  "普惠性幼儿园覆盖率"):
        assert piece in strict.stderr
    assert strict.stderr.count("待核实，来源") == 12  # every default, once
    relaxed = run_cli("build", "p.yaml", "-o", "x.txt", cwd=tmp_path)
    assert relaxed.returncode == 0, relaxed.stderr
    assert "注意：文档中有 12 个参数值待核实（目录默认值 12 项）" in relaxed.stderr


def test_batch_example_prints_where_each_countys_figures_came_from(tmp_path: Path) -> None:
    result = run_cli("batch", "examples/batch.yaml", "-o", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert "参数来源" in result.stdout
    # the city plan's clause names the other counties: each county's document is warned
    assert "变体“普定县”：第三章 第10条 （gj-aefad0）" in result.stderr
    assert "出现其他地区的地名“平坝区”" in result.stderr
    for county in ("西秀区", "平坝区", "普定县"):
        line = next(x for x in result.stdout.splitlines() if x.startswith(county))
        assert "沿用 0，目录默认 0" in line and "自填" in line


BATCH_BASE = """\
meta: {region: 测试市, organ: 测试市教育局, year: 2025, date: 2025-02-01,
       options: {signature: true}}
values: {新建数: 12}
chapters:
  - key: 党建
    items: [{lead: 加强党的建设, body: 落实党建工作责任制。}]
  - key: 保障
    items: [{lead: 守牢安全底线, body: 开展安全教育。}]
  - key: 各级各类教育
    items:
      - lead: 推进学前教育
        body: 新建幼儿园{{ 新建数 }}所，普惠率达到{{ 普惠率 }}%。
        values: {普惠率: 95}
"""


@pytest.mark.parametrize(("variants", "shared", "strict", "code", "pieces"), [
    # a county that sets nothing inherits the city's figures: shown, and refused with --strict
    ("  - {name: 甲县, region: 甲县, values: {新建数: 3}}\n", "", True, 1,
     ["变体“甲县”", "普惠率", "沿用基础计划，待核实"]),
    ("  - {name: 甲县, region: 甲县, values: {新建数: 3}}\n", "", False, 0, ["自填 1，沿用 1"]),
    # a figure listed as shared is meant to be the same everywhere
    ("  - {name: 甲县, region: 甲县, values: {新建数: 3}}\n", "shared: [普惠率]\n", True, 0,
     ["甲县"]),
    # a blank value is an error naming the county, never a fallback
    ("  - {name: 乙县, region: 乙县, values: {新建数: }}\n", "", False, 1,
     ["变体“乙县”的参数“新建数”没有填写数值"]),
])
def test_batch_provenance(tmp_path: Path, variants: str, shared: str, strict: bool, code: int,
                          pieces: list[str]) -> None:
    (tmp_path / "base.yaml").write_text(BATCH_BASE, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(f"base: base.yaml\nformat: txt\n{shared}variants:\n"
                                     f"{variants}", encoding="utf-8")
    args = ["batch", "b.yaml", "-o", "out"] + (["--strict"] if strict else [])
    result = run_cli(*args, cwd=tmp_path)
    assert result.returncode == code, result.stdout + result.stderr
    for piece in pieces:
        assert piece in result.stdout + result.stderr
    if code == 0:  # a county with no organ gets its own, from the pattern
        text = (tmp_path / "out" / "甲县2025年教育工作要点.txt").read_text(encoding="utf-8")
        assert "甲县教育局" in text and "测试市教育局" not in text


def _county_plan(region: str = "普定县") -> Plan:
    """Clauses mined from a 市 plan, with 全市/市级/教育强市/市委市政府 in their wording."""
    ids = [c.id for c in BUNDLED if c.kind == "plan" and not c.slots
           and any(w in c.text for w in ("全市", "市级", "教育强市"))][:6]
    plan = Plan(meta=PlanMeta(region=region, organ=f"{region}教育局", year=2026,
                              date="2026-02-20"),
                chapters=[PlanChapter(key=BUNDLED.get(i).chapter, items=[PlanItem(clause=i)])
                          for i in ids])
    plan.meta.options.signature = True
    return plan


def test_county_plan_renders_county_wording_and_check_flags_city_wording(tmp_path: Path) -> None:
    plan = _county_plan()
    save_plan(plan, tmp_path / "county.yaml")
    built = run_cli("build", "county.yaml", "-o", "c.txt", cwd=tmp_path)
    assert built.returncode == 0, built.stderr
    text = (tmp_path / "c.txt").read_text(encoding="utf-8")
    assert "全县" in text and "教育强市" not in text
    assert "全市" not in text.replace("健全市、县", "")  # 市、县 is a fixed phrase
    assert "县级" in text or "教育强县" in text
    # the same plan with the level terms forced back to 市 wording (plan-local text)
    city_words = 0
    for chapter in plan.chapters:
        for item in chapter.items:
            clause = BUNDLED.get(item.clause or "")
            assert clause is not None
            item.lead, item.body = clause.lead, clause.body
            city_words += sum(len(BUNDLED.level_terms.foreign(t, "县"))
                              for t in (clause.lead, clause.body))
    save_plan(plan, tmp_path / "forced.yaml")
    checked = run_cli("check", "forced.yaml", "--format", "json", cwd=tmp_path)
    level = [f for f in _json_findings(checked) if f["rule"] == "foreign.level"]
    assert city_words >= 6 and len(level) == city_words
    assert all("县" in (f["fix"] or "") for f in level)


def test_check_flags_another_citys_districts_and_the_source_city(tmp_path: Path) -> None:
    (tmp_path / "p.yaml").write_text(COUNTY.replace("普定县", "修文县").replace(
        "[gj-aefad0]", "[gj-aefad0, gj-fab492]"), encoding="utf-8")
    result = run_cli("check", "p.yaml", cwd=tmp_path)
    out = result.stdout
    for name in ("普定县", "平坝区", "镇宁自治县", "紫云自治县"):
        assert f"出现其他地区的地名“{name}”" in out
    assert "出现来源计划的地区名“安顺”" in out and "本条采自安顺市的计划" in out


def test_example_plan_has_no_foreign_name_noise() -> None:
    result = run_cli("check", "examples/city_plan.yaml", "--format", "json")
    rules = {f["rule"] for f in _json_findings(result)}
    assert not {r for r in rules if r.startswith(("foreign.", "targets.", "plan."))}


def test_new_plans_have_signature_and_date_and_county_wording(tmp_path: Path) -> None:
    result = run_cli("new", "c.yaml", "--region", "普定县", "--year", "2026", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    plan = load_plan(tmp_path / "c.yaml")
    assert plan.meta.options.signature and plan.meta.date
    built = run_cli("build", "c.yaml", "-o", "c.txt", cwd=tmp_path)
    text = (tmp_path / "c.txt").read_text(encoding="utf-8")
    assert built.returncode == 0 and "全市" not in text and "教育强市" not in text
    assert "普定县教育局" in text.splitlines()[-2]  # the 落款


def test_a_plan_without_signature_gets_a_hint(tmp_path: Path) -> None:
    (tmp_path / "p.yaml").write_text(COUNTY.replace("signature: true", "signature: false"),
                                     encoding="utf-8")
    findings = _json_findings(run_cli("check", "p.yaml", "--format", "json", cwd=tmp_path))
    assert any(f["rule"] == "plan.signature" and f["severity"] == "提示" for f in findings)


def test_targets_against_last_year(tmp_path: Path) -> None:
    plan = COUNTY + ("values: {公办幼儿园在园幼儿占比_百分比: 50,\n"
                     "         学前三年毛入园率_百分比: 94.5}\n"
                     "baseline: {公办幼儿园在园幼儿占比_百分比: 58,\n"
                     "           学前三年毛入园率_百分比: 94.5}\n")
    (tmp_path / "p.yaml").write_text(plan, encoding="utf-8")
    findings = _json_findings(run_cli("check", "p.yaml", "--format", "json", cwd=tmp_path))
    lower = [f for f in findings if f["rule"] == "targets.lower"]
    same = [f for f in findings if f["rule"] == "targets.unchanged"]
    assert len(lower) == 1 and "低于去年的58" in lower[0]["message"]
    assert len(same) == 1 and same[0]["severity"] == "提示" and "94.5" in same[0]["message"]


GAP_PLANS = {
    "missing value": "values: {}\n",
    "bad value": "values: {新建幼儿园数: abc, 普惠率: 150}\n",
    "bad year": "values: {年份: 二〇二五}\n",
    "unknown clause": "chapters:\n  - key: 保障\n    items: [bz-999999]\n",
    "custom placeholder": ("chapters:\n  - key: 保障\n    items:\n      - lead: 自定义\n"
                           "        body: 完成{{ 任务数 }}项。\n"),
}


@pytest.mark.parametrize("extra", list(GAP_PLANS.values()), ids=list(GAP_PLANS))
def test_tui_preview_and_cli_render_gap_plans_identically(extra: str) -> None:
    base = ("meta: {region: 临江市, organ: 临江市教育局, year: 2025}\n"
            "chapters:\n  - key: 各级各类教育\n    items: [gj-000001]\n")
    if extra.startswith("chapters:"):
        base = base.replace("chapters:\n", extra + "  - key: 党建\n    items: [dj-000001]\n"
                            "# \n", 1).replace("# \n", "")
    else:
        base += extra
    plan = plan_from_yaml(base, "gap.yaml")
    cat = tui_catalogue()
    tui = build_preview(plan, cat)
    cli_blocks, _ = render_for_check(plan, cat)
    assert tui.error is None
    assert tui.text == blocks_to_text(cli_blocks)
    assert "【" in tui.text  # the gap is visible in both
    if "年份" in extra:
        assert "【有误：年份】" in tui.text


def test_example_root_is_the_repo() -> None:
    assert (ROOT / "examples" / "city_plan.yaml").is_file()


def test_check_reports_unconfirmed_values_like_build(tmp_path: Path) -> None:
    """`drafter check` lists every 待核实 value (chapter, item, label, source region) with a
    count, in the words `build` uses; the example plan (all confirmed) has none."""
    (tmp_path / "p.yaml").write_text(COUNTY, encoding="utf-8")
    text = run_cli("check", "p.yaml", cwd=tmp_path)
    assert text.returncode == 0, text.stderr  # a warning, not an error: build still writes
    assert "待核实的参数值 12 个（目录默认值 12 项）" in text.stdout
    build = run_cli("build", "p.yaml", "-o", "x.txt", "--strict", cwd=tmp_path)
    listed = [line.split("：", 1)[1] for line in build.stderr.splitlines()
              if "待核实，来源" in line]
    findings = [f for f in _json_findings(run_cli("check", "p.yaml", "--format", "json",
                                                  cwd=tmp_path))
                if f["rule"] == "values.unconfirmed"]
    assert len(findings) == 12 == len(listed)
    for finding in findings:
        assert finding["severity"] == "警告" and (finding["chapter"], finding["item"]) == (1, 1)
        assert "来源：安顺市" in finding["message"] and "目录默认值，待核实" in finding["message"]
        assert any(finding["message"] in line for line in listed)  # build's own words
    assert "公办幼儿园在园幼儿占比" in findings[0]["message"]
    summary = json.loads(run_cli("check", "p.yaml", "--format", "json",
                                 cwd=tmp_path).stdout)["summary"]
    assert summary["unconfirmed"] == 12
    example = run_cli("check", "examples/city_plan.yaml", "--format", "json")
    assert json.loads(example.stdout)["summary"]["unconfirmed"] == 0
    assert "values.unconfirmed" not in example.stdout


TARGETS = ("meta: {region: 普定县, organ: 普定县教育局, year: 2026, date: 2026-02-20,\n"
           "       options: {signature: true}}\n"
           "chapters:\n  - key: 五育并举\n    items:\n      - lead: 加强近视防控\n"
           "        body: 学生近视率控制在{{ 近视率 }}%以内，义务教育巩固率达到{{ 巩固率 }}%，"
           "新建幼儿园{{ 新建 }}所。\n"
           "values: {近视率: NOW, 巩固率: 96, 新建: 5}\n"
           "baseline: {近视率: 5, 巩固率: 97, 新建: 5}\n")


@pytest.mark.parametrize(("myopia", "rules"), [
    # a falling myopia rate is the goal: only 巩固率 (fell) and 新建 (unchanged) are flagged
    (4, {("targets.lower", "巩固率"), ("targets.unchanged", "新建")}),
    # a rising myopia rate goes the wrong way for an indicator that should fall
    (6, {("targets.lower", "巩固率"), ("targets.unchanged", "新建"),
         ("targets.higher", "近视率")}),
])
def test_targets_follow_each_indicators_direction(tmp_path: Path, myopia: int,
                                                  rules: set[tuple[str, str]]) -> None:
    (tmp_path / "p.yaml").write_text(TARGETS.replace("NOW", str(myopia)), encoding="utf-8")
    findings = _json_findings(run_cli("check", "p.yaml", "--format", "json", cwd=tmp_path))
    got = {(f["rule"], f["text"].split("：")[0]) for f in findings
           if f["rule"].startswith("targets.")}
    assert got == rules
    higher = [f for f in findings if f["rule"] == "targets.higher"]
    assert all("高于去年的5" in f["message"] and "逐年降低" in f["fix"] for f in higher)


def test_tui_shows_last_year_beside_an_items_own_value() -> None:
    """Deliver 9: import and roll keep an item's value as "<clause>.名称"; the 参数 form must
    show that baseline as 去年 beside the item's value, not only plan-wide ones."""
    from drafter.model.roll import roll_plan
    from drafter.tui.controller.selection import Selection
    from drafter.tui.fields import item_fields

    plan = plan_from_yaml("meta: {region: 临江市, organ: 临江市教育局, year: 2025}\n"
                          "chapters:\n  - key: 各级各类教育\n    items:\n"
                          "      - {clause: gj-000001, values: {新建幼儿园数: 5, 普惠率: 92}}\n",
                          "p.yaml")
    rolled = roll_plan(plan, 2026).plan
    cat = tui_catalogue()
    fields = item_fields(rolled, resolve(rolled, cat).uses, Selection(0, 0))
    assert {f.name: f.baseline for f in fields} == {"新建幼儿园数": 5, "普惠率": 92}
    assert [f.note().count("去年") for f in fields] == [2, 2]  # 去年，待核实 · 去年 5
    assert "去年 5" in fields[0].note()


def test_a_value_carried_from_last_year_is_reported_once(tmp_path: Path) -> None:
    """After import or roll every value is last year's and 待核实: `check` says so once per
    value (values.unconfirmed), not a second time as an unchanged target. Once the user
    confirms last year's figure, keeping it is a choice worth a hint (targets.unchanged)."""
    carried = TARGETS.replace("NOW", "4") + "provenance: {新建: last_year}\n"
    (tmp_path / "p.yaml").write_text(carried, encoding="utf-8")
    findings = _json_findings(run_cli("check", "p.yaml", "--format", "json", cwd=tmp_path))
    about = {f["rule"] for f in findings if "新建" in f["text"] + f["message"]}
    assert about == {"values.unconfirmed"}
    (tmp_path / "p.yaml").write_text(TARGETS.replace("NOW", "4"), encoding="utf-8")
    findings = _json_findings(run_cli("check", "p.yaml", "--format", "json", cwd=tmp_path))
    assert {f["rule"] for f in findings if "新建" in f["text"] + f["message"]} == {
        "targets.unchanged"}
