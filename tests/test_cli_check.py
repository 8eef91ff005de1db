"""`drafter check` and `drafter roll` end to end, in process (tests.conftest.run_cli)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from drafter.catalog.dump import write_catalogue
from drafter.model.catalogue import Catalogue
from drafter.model.clause import Clause, Slot
from tests.conftest import ROOT, corpus_file, run_cli


@pytest.fixture
def catalog_dir(tmp_path: Path) -> Path:
    cat = Catalogue()
    cat.add(Clause(id="bz-000001", chapter="保障", lead="增加学位供给",
                   body="到{{ 年份 + 1 }}年底，新增公办学位{{ 新增学位 }}个。",
                   slots=[Slot("新增学位", "新增公办学位", "integer", "个", None)]))
    cat.add(Clause(id="dj-000001", chapter="党建", lead="加强党的建设",
                   body="全面推进党支部标准化规范化建设。"))
    write_catalogue(cat, tmp_path / "catalog")
    return tmp_path / "catalog"


CLEAN_PLAN = """\
meta:
  region: 城关区
  organ: 城关区教育局
  year: 2025
preamble: "{{ 年份 }}年全区教育工作的总体要求是：深入贯彻党的二十大精神，坚持立德树人。"
chapters:
  - key: 党建
    items:
      - dj-000001
  - key: 保障
    items:
      - clause: bz-000001
        values: {新增学位: 1500}
"""

STALE_PLAN = """\
meta:
  region: 城关区
  year: 2024
preamble: "{{ 年份 }}年全区教育工作的总体要求是：全面贯彻党的十九大精神,坚持立德树人。"
chapters:
  - key: 党建
    items:
      - dj-000001
      - lead: 推进清廉学校建设
        body: 到2023年底完成xx所清廉学校建设。
  - key: 保障
    items:
      - bz-000001
"""


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_clean_plan_has_no_errors(tmp_path: Path, catalog_dir: Path) -> None:
    plan = _write(tmp_path, "plan.yaml", CLEAN_PLAN)
    result = run_cli("check", str(plan), "--catalog", str(catalog_dir))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "错误 0" in result.stdout


def test_plan_is_checked_as_rendered_and_missing_values_are_findings(
        tmp_path: Path, catalog_dir: Path) -> None:
    plan = _write(tmp_path, "plan.yaml", STALE_PLAN)
    result = run_cli("check", str(plan), "--catalog", str(catalog_dir))
    assert result.returncode == 1, result.stderr
    out = result.stdout
    for words in ("党的十九大", "xx", "到2023年底", "半角标点", "缺少参数“新增公办学位”",
                  "建议：", "plan.yaml:9"):
        assert words in out, words
    assert out.rstrip().splitlines()[-1].startswith("共 ")
    assert "Traceback" not in result.stderr


def test_json_output(tmp_path: Path, catalog_dir: Path) -> None:
    plan = _write(tmp_path, "plan.yaml", STALE_PLAN)
    result = run_cli("check", str(plan), "--catalog", str(catalog_dir), "--format", "json")
    data = json.loads(result.stdout)
    assert data["year"] == 2024
    assert data["summary"]["total"] == len(data["findings"]) > 0
    assert {"time.shijiuda", "text.placeholder", "render.value"} <= {
        f["rule"] for f in data["findings"]}


def test_year_option_and_bureau_rules(tmp_path: Path, catalog_dir: Path) -> None:
    plan = _write(tmp_path, "plan.yaml", STALE_PLAN.replace("十九大", "十九大和创文攻坚"))
    rules = _write(tmp_path, "本局规则.yaml",
                   "rules:\n  - id: cw\n    pattern: 创文攻坚\n    valid_until: 2021\n"
                   "    message: 已结束\n    severity: 提示\n")
    result = run_cli("check", str(plan), "--catalog", str(catalog_dir), "--rules", str(rules),
                     "--year", "2021", "--format", "json")
    rules_found = {f["rule"] for f in json.loads(result.stdout)["findings"]}
    assert "time.shijiuda" not in rules_found  # judged as a 2021 plan
    assert "time.cw" not in rules_found
    result = run_cli("check", str(plan), "--catalog", str(catalog_dir), "--rules", str(rules),
                     "--format", "json")
    assert "time.cw" in {f["rule"] for f in json.loads(result.stdout)["findings"]}


@pytest.mark.parametrize(("name", "text", "words"), [
    ("本局规则.yaml", "rules:\n  - id: a\n    pattern: x\n    message: m\n    colour: 1\n",
     "本局规则.yaml:5"),  # an unknown key, with file:line
    ("坏规则.yaml", "rules: [\n", "YAML"),
])
def test_bad_rule_file_is_a_chinese_error(tmp_path: Path, catalog_dir: Path, name: str,
                                          text: str, words: str) -> None:
    plan = _write(tmp_path, "plan.yaml", CLEAN_PLAN)
    rules = _write(tmp_path, name, text)
    result = run_cli("check", str(plan), "--catalog", str(catalog_dir), "--rules", str(rules))
    assert result.returncode == 1
    assert words in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize(("name", "words"), [
    ("plan.pdf", "不是有效的 PDF"),  # PDFs are read now; a broken one is named
    ("plan.png", "无法检查"),  # not a document at all
    ("none.txt", "找不到"),
])
def test_bad_targets(tmp_path: Path, name: str, words: str) -> None:
    if name.endswith((".pdf", ".png")):
        _write(tmp_path, name, "%PDF")
    result = run_cli("check", str(tmp_path / name))
    assert result.returncode == 1 and words in result.stderr


# --------------------------------------------------------------------------- roll


def test_roll_writes_next_years_plan_that_builds(tmp_path: Path, catalog_dir: Path) -> None:
    plan = _write(tmp_path, "城关区2025.yaml", CLEAN_PLAN.replace(
        "- dj-000001", "- dj-000001\n      - lead: 推进清廉学校建设\n"
                       "        body: 2025年底前完成清廉学校建设标准编制。"))
    result = run_cli("roll", str(plan), "--to", "2026", "--catalog", str(catalog_dir))
    assert result.returncode == 0, result.stderr
    rolled = tmp_path / "城关区2026.yaml"
    assert rolled.exists()
    assert "2025年底前完成清廉学校建设标准编制" in result.stdout  # listed for review
    from drafter.plans.io import load_plan

    new = load_plan(rolled)
    assert new.meta.year == 2026
    assert new.baseline == {"bz-000001.新增学位": 1500}
    out = tmp_path / "out.txt"
    built = run_cli("build", str(rolled), "-o", str(out), "--catalog", str(catalog_dir))
    assert built.returncode == 0, built.stderr
    text = out.read_text(encoding="utf-8")
    assert "2026年工作要点" in text and "到2027年底" in text and "1500" in text
    again = run_cli("roll", str(plan), "--to", "2026", "--catalog", str(catalog_dir))
    assert again.returncode == 1 and "--force" in again.stderr


# --------------------------------------------------------------------------- drafts


def test_corpus_000_as_a_2024_plan() -> None:
    result = run_cli("check", str(corpus_file("000")), "--year", "2024")
    assert result.returncode == 1, result.stderr
    out = result.stdout
    for words in ("十九大", "新中国成立70周年", "2024－2024", "2024-2024", "教育脱贫攻坚战"):
        assert words in out, words


def test_corpus_001_leftovers_punctuation_and_title_year() -> None:
    result = run_cli("check", str(corpus_file("001")), "--format", "json")
    data = json.loads(result.stdout)
    findings = data["findings"]
    rules = {f["rule"] for f in findings}
    assert data["year"] == 2022  # its title year
    placeholders = " ".join(f["message"] for f in findings if f["rule"] == "text.placeholder")
    assert "xx" in placeholders and "***" in placeholders
    assert "punct.halfwidth" in rules
    assert any(f["rule"] == "time.shisanwu" for f in findings)
    junk = [f["text"] for f in findings if f["rule"] == "text.junk"]
    assert any("小编" in t for t in junk)


def test_docx_written_elsewhere(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_heading("城关区教育局2025年工作要点", level=0)
    document.add_paragraph("2025年全区教育工作的总体要求是：全面贯彻党的十九大精神，坚持立德树人。")
    document.add_heading("一、加强党的建设", level=1)
    document.add_paragraph("1.加强基层党组织建设。落实《专项规划（2025－2025年）》。")
    document.add_paragraph("2.推进清廉学校建设。新建清廉学校xx所。")
    document.add_heading("二、强化教育保障", level=1)
    table = document.add_table(rows=1, cols=1)
    table.cell(0, 0).text = "3.维护校园安全稳定。深入开展扫黑除恶专项斗争。"
    path = tmp_path / "外单位草稿.docx"
    document.save(str(path))
    result = run_cli("check", str(path), "--format", "json")
    assert result.returncode == 1, result.stderr
    data = json.loads(result.stdout)
    rules = {f["rule"] for f in data["findings"]}
    assert data["year"] == 2025
    assert {"time.shijiuda", "years.same-range", "text.placeholder",
            "time.saohei-zhuanxiang"} <= rules


def _example_plan() -> Path:
    from drafter.plans.io import load_plan

    for path in sorted((ROOT / "examples").glob("*.yaml")):
        try:
            load_plan(path)
        except Exception:  # a batch file, not a plan
            continue
        return path
    pytest.skip("examples/ has no city plan yet")


def test_example_plan_has_no_errors() -> None:
    result = run_cli("check", str(_example_plan()))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "错误 0" in result.stdout


def test_example_plan_rolls_and_builds(tmp_path: Path) -> None:
    from drafter.plans.io import load_plan

    source = _example_plan()
    plan = load_plan(source)
    rolled = tmp_path / "next.yaml"
    result = run_cli("roll", str(source), "--to", str(plan.meta.year + 1), "-o", str(rolled))
    assert result.returncode == 0, result.stderr
    new = load_plan(rolled)
    assert new.meta.year == plan.meta.year + 1
    kept = {k: v for k, v in plan.values.items() if k not in ("地区", "年份", "单位")}
    assert kept.items() <= new.baseline.items()  # this year's values are the baseline
    assert new.values == {**plan.values, **({"年份": new.meta.year} if "年份" in plan.values
                                              else {})}
    out = tmp_path / "next.txt"
    built = run_cli("build", str(rolled), "-o", str(out))
    assert built.returncode == 0, built.stderr
    assert f"{plan.meta.year + 1}年" in out.read_text(encoding="utf-8").splitlines()[0]
