"""`drafter build|batch|new` end to end (in process; the examples in a subprocess), on a small
catalogue."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from drafter.catalog.dump import write_catalogue
from drafter.model import Catalogue, Clause, Slot
from tests.conftest import ROOT, run_cli, run_cli_process

PLAN = """\
meta:
  title: "{{ 地区 }}教育局{{ 年份 }}年工作要点"
  organ: "{{ 地区 }}教育局"
  region: 测试市
  year: 2025
  date: 2025-01-10
  options: {signature: true}
values:
  新建幼儿园数: 12
  覆盖率: 95
preamble: {clause: zt-000001}
chapters:
  - key: 各级各类教育
    items:
      - gj-000001
      - lead: 办好特殊教育
        body: 特殊教育学校达到{{ 特教学校数 }}所。
        values: {特教学校数: 3}
  - key: 保障
    items: [bz-000001]
"""

BATCH = """\
base: plan.yaml
output: "{{ 地区 }}{{ 年份 }}年教育工作要点"
variants:
  - name: 甲县
    region: 甲县
    values: {新建幼儿园数: 3, 覆盖率: 91}
  - name: 乙县
    region: 乙县
    values: {新建幼儿园数: 5, 覆盖率: 92}
  - name: 丙县
    region: 丙县
    values: {新建幼儿园数: 7, 覆盖率: 93}
"""


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    cat = Catalogue()
    cat.add(Clause(id="zt-000001", chapter="总体要求", lead="", kind="preamble",
                   body="{{ 年份 }}年全{{ 地区 }}教育工作的总体要求是：稳中求进。"))
    cat.add(Clause(id="gj-000001", chapter="各级各类教育", lead="推进学前教育普及普惠",
                   body="新建公办幼儿园{{ 新建幼儿园数 }}所，普惠率达到{{ 覆盖率 }}%。",
                   slots=[Slot("新建幼儿园数", "新建公办幼儿园", "integer", "所"),
                          Slot("覆盖率", "普惠性幼儿园覆盖率", "percent", "%")]))
    cat.add(Clause(id="bz-000001", chapter="保障", lead="守牢安全底线", body="开展安全教育。"))
    write_catalogue(cat, tmp_path / "cat")
    (tmp_path / "plan.yaml").write_text(PLAN, encoding="utf-8")
    (tmp_path / "batch.yaml").write_text(BATCH, encoding="utf-8")
    return tmp_path


def _cli(workdir: Path, *args: str):  # type: ignore[no-untyped-def]
    return run_cli(*args, "--catalog", str(workdir / "cat"), cwd=workdir)


def _docx_text(path: Path) -> str:
    with zipfile.ZipFile(path) as zf:
        return zf.read("word/document.xml").decode("utf-8")


@pytest.mark.parametrize("fmt", ["md", "txt"])
def test_build_text_formats(workdir: Path, fmt: str) -> None:
    result = _cli(workdir, "build", "plan.yaml", "-o", f"out.{fmt}")
    assert result.returncode == 0, result.stderr
    text = (workdir / f"out.{fmt}").read_text(encoding="utf-8")
    assert "测试市教育局2025年工作要点" in text
    assert "新建公办幼儿园12所，普惠率达到95%。" in text
    assert "特殊教育学校达到3所。" in text and "2025年1月10日" in text


def test_build_hints_at_unused_values(workdir: Path) -> None:
    typo = PLAN.replace("  覆盖率: 95\n", "  覆盖率: 95\n  复盖率: 9\n")
    (workdir / "plan.yaml").write_text(typo, encoding="utf-8")
    result = _cli(workdir, "build", "plan.yaml", "-o", "out.md")
    assert result.returncode == 0, result.stderr
    assert "提示：plan.yaml:11 values：参数“复盖率”没有被任何条目使用" in result.stderr


def test_build_default_output_is_in_cwd(workdir: Path) -> None:
    result = _cli(workdir, "build", "plan.yaml", "--format", "txt")
    assert result.returncode == 0, result.stderr
    assert (workdir / "plan.txt").is_file() and "plan.txt" in result.stdout


def test_build_into_a_folder(workdir: Path) -> None:
    (workdir / "docs").mkdir()
    result = _cli(workdir, "build", "plan.yaml", "-o", "docs", "--format", "md")
    assert result.returncode == 0, result.stderr
    assert (workdir / "docs" / "plan.md").is_file()


def test_build_refuses_to_overwrite_without_force(workdir: Path) -> None:
    out = workdir / "out.txt"
    out.write_text("旧内容", encoding="utf-8")
    result = _cli(workdir, "build", "plan.yaml", "-o", "out.txt")
    assert result.returncode == 1 and "--force" in result.stderr
    assert out.read_text(encoding="utf-8") == "旧内容"
    assert _cli(workdir, "build", "plan.yaml", "-o", "out.txt", "--force").returncode == 0
    assert "工作要点" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("old", "new", "fragment"),
    [
        ("  新建幼儿园数: 12\n", "", "缺少参数“新建公办幼儿园”"),  # a missing value
        ("覆盖率: 95", "覆盖率: 120", "0 到 100"),  # a value of the wrong type
        ("- gj-000001", "- gj-ffffff", "条目编号“gj-ffffff”不在目录中"),  # unknown clause id
        ("body: 特殊", "body: \"{{ ''.__class__ }}特殊\"\n        x: 1\n        #", "不允许“.”"),
        ("region: 测试市", "region: !!python/object:os.system x", "!!python/object"),
    ],
)
def test_build_failures_write_nothing(workdir: Path, old: str, new: str, fragment: str) -> None:
    plan = workdir / "plan.yaml"
    plan.write_text(PLAN.replace(old, new), encoding="utf-8")
    result = _cli(workdir, "build", "plan.yaml", "-o", "out.docx")
    assert result.returncode == 1
    assert fragment in result.stderr and "plan.yaml:" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (workdir / "out.docx").exists()


def test_build_docx(workdir: Path) -> None:
    plan = workdir / "plan.yaml"
    plan.write_text(PLAN.replace("region: 测试市", "region: \"<测&\\\"'>\""), encoding="utf-8")
    result = _cli(workdir, "build", "plan.yaml", "-o", "out.docx")
    assert result.returncode == 0, result.stderr
    import docx

    document = docx.Document(str(workdir / "out.docx"))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "<测&\"'>教育局" in text and "新建公办幼儿园12所" in text


def test_build_task_table(workdir: Path) -> None:
    plan = workdir / "plan.yaml"
    plan.write_text(PLAN.replace("        values: {特教学校数: 3}",
                                 "        values: {特教学校数: 3}\n        owners: [基础教育科]\n"
                                 "        deadline: 2025年6月底"), encoding="utf-8")
    result = _cli(workdir, "build", "plan.yaml", "--tasks")
    assert result.returncode == 0, result.stderr
    text = _docx_text(workdir / "plan-任务分解表.docx")
    assert "办好特殊教育" in text and "基础教育科" in text and "2025年6月底" in text
    refused = _cli(workdir, "build", "plan.yaml", "--tasks", "--format", "md", "-o", "t.md")
    assert refused.returncode == 1 and "任务分解表不能生成 md 格式" in refused.stderr


def test_batch_writes_each_county(workdir: Path) -> None:
    result = _cli(workdir, "batch", "batch.yaml", "-o", "out", "--jobs", "2")
    assert result.returncode == 0, result.stderr
    for county, number in (("甲县", 3), ("乙县", 5), ("丙县", 7)):
        path = workdir / "out" / f"{county}2025年教育工作要点.docx"
        assert path.is_file()
        text = _docx_text(path)
        assert f"{county}教育局" in text and f"新建公办幼儿园{number}所" in text
        assert county in result.stdout
    assert "成功 3 份" in result.stdout
    assert "没有被" not in result.stderr


def test_batch_hints_at_unused_variant_values(workdir: Path) -> None:
    text = BATCH.replace("values: {新建幼儿园数: 5, 覆盖率: 92}", "values: {新建园数: 5}")
    (workdir / "batch.yaml").write_text("format: txt\n" + text, encoding="utf-8")
    result = _cli(workdir, "batch", "batch.yaml", "-o", "out")
    assert result.returncode == 0, result.stderr
    assert "提示：变体“乙县”" in result.stderr and "新建园数" in result.stderr


def test_batch_names_stay_inside_outdir(workdir: Path) -> None:
    # A lone "x" would also be a leftover placeholder for the checks: use a real-looking name.
    text = BATCH.replace("region: 甲县", "region: ../../西县")
    text = text.replace("name: 甲县", "name: ../../西县")
    (workdir / "batch.yaml").write_text("format: md\n" + text, encoding="utf-8")
    result = _cli(workdir, "batch", "batch.yaml", "-o", "out")
    assert result.returncode == 0, result.stderr
    written = sorted(p.name for p in (workdir / "out").iterdir())
    assert len(written) == 3 and all("/" not in n and ".." not in n for n in written)
    assert not (workdir.parent / "西县2025年教育工作要点.md").exists()
    assert not list(workdir.parent.glob("西县*"))


def test_bad_variant_is_named_and_others_render(workdir: Path) -> None:
    text = BATCH.replace("values: {新建幼儿园数: 5, 覆盖率: 92}", "values: {覆盖率: 92}")
    (workdir / "plan.yaml").write_text(PLAN.replace("  新建幼儿园数: 12\n", ""),
                                       encoding="utf-8")
    (workdir / "batch.yaml").write_text(text, encoding="utf-8")
    result = _cli(workdir, "batch", "batch.yaml", "-o", "out")
    assert result.returncode == 1
    assert "变体“乙县”" in result.stderr and "新建公办幼儿园" in result.stderr
    assert "成功 2 份，失败 1 份" in result.stdout
    written = sorted(p.name for p in (workdir / "out").iterdir())
    assert written == sorted(["甲县2025年教育工作要点.docx", "丙县2025年教育工作要点.docx"])


def test_new_writes_a_starter_plan_that_builds(workdir: Path) -> None:
    result = _cli(workdir, "new", "start.yaml", "--region", "测试县", "--year", "2026")
    assert result.returncode == 0, result.stderr
    text = (workdir / "start.yaml").read_text(encoding="utf-8")
    assert "测试县" in text and "gj-000001" in text
    assert _cli(workdir, "new", "start.yaml").returncode == 1  # exists: needs --force
    built = _cli(workdir, "build", "start.yaml", "-o", "start.txt")
    assert built.returncode == 1 and "新建公办幼儿园" in built.stderr  # values still to fill


def test_example_city_plan_builds_from_bundled_catalogue(tmp_path: Path) -> None:
    """Stale clause ids in the example fail here."""
    result = run_cli_process("build", str(ROOT / "examples" / "city_plan.yaml"), "-o",
                             str(tmp_path / "city.md"))  # end to end: the real command
    assert result.returncode == 0, result.stderr
    assert "没有被" not in result.stderr  # every value in the example is used (no stale names)
    text = (tmp_path / "city.md").read_text(encoding="utf-8")
    assert text.count("## ") >= 6


def test_example_batch_writes_three_counties(tmp_path: Path) -> None:
    # end to end: the real command and its process pool
    result = run_cli_process("batch", str(ROOT / "examples" / "batch.yaml"), "-o", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "没有被" not in result.stderr  # no stale slot names in the batch file
    written = sorted(p.name for p in tmp_path.iterdir())
    assert written == sorted(f"{c}2025年教育工作要点.docx" for c in ("西秀区", "平坝区", "普定县"))
    for county, teachers in (("西秀区", 260), ("平坝区", 150), ("普定县", 120)):
        text = _docx_text(tmp_path / f"{county}2025年教育工作要点.docx")
        assert f"{county}教育局" in text and f"招聘教师{teachers}名" in text
