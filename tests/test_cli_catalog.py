"""`drafter catalog list|show|search|check` end to end, and the bundled catalogue's freshness."""

from __future__ import annotations

import glob
from pathlib import Path

import pytest

from drafter.catalog.dump import write_catalogue
from drafter.model import Catalogue, Clause, Slot, Source, Variant
from tests.conftest import CORPUS, ROOT, run_cli

BAD = Path(__file__).resolve().parent / "data" / "catalog_bad"


@pytest.fixture
def catalog(tmp_path: Path) -> Path:
    cat = Catalogue()
    cat.add(Clause(
        id="js-3fa2c1", chapter="教师队伍", lead="加强师德师风建设",
        body="开展师德专题教育，新建{{ 工作室数 }}个名师工作室。",
        slots=[Slot("工作室数", "名师工作室", "integer", "个", 12)],
        sources=[Source("a.txt", "一、1.", 2024, "某市")],
        variants=[Variant("js-3fa2c1/2", "加强师德建设", "落实师德规范。",
                          source=Source("b.txt", "三、2.", 2023))],
    ))
    cat.add(Clause(id="bz-00aa11", chapter="保障", lead="推进平安校园建设",
                   body="开展安全隐患排查整治。", owners=["安全科"]))
    cat.add(Clause(id="zt-00bb22", chapter="总体要求", lead="", kind="preamble",
                   body="全市教育工作的总体要求是：以新时代思想为指导。"))
    folder = tmp_path / "catalog"
    write_catalogue(cat, folder)
    return folder


def test_list_groups_by_chapter(catalog: Path) -> None:
    result = run_cli("catalog", "list", "--catalog", str(catalog))
    assert result.returncode == 0, result.stderr
    assert "【教师队伍】1 条" in result.stdout
    assert "js-3fa2c1  加强师德师风建设  （1 个变体）" in result.stdout
    assert "zt-00bb22  全市教育工作的总体要求是" in result.stdout
    assert "共 3 条" in result.stderr
    only = run_cli("catalog", "list", "--chapter", "保障", "--catalog", str(catalog))
    assert "bz-00aa11" in only.stdout and "js-3fa2c1" not in only.stdout


def test_show_prints_text_slots_sources_and_variants(catalog: Path) -> None:
    result = run_cli("catalog", "show", "js-3fa2c1/2", "--catalog", str(catalog))
    assert result.returncode == 0, result.stderr
    for expected in ("标题：加强师德师风建设", "工作室数（名师工作室）：整数，单位 个，默认 12",
                     "来源：a.txt 一、1.（2024年，某市）",
                     "js-3fa2c1/2（来源：b.txt 三、2.（2023年））  ← 所选"):
        assert expected in result.stdout


def test_show_unknown_id_is_a_chinese_error(catalog: Path) -> None:
    result = run_cli("catalog", "show", "js-3fa", "--catalog", str(catalog))
    assert result.returncode == 1
    assert "目录中没有编号为“js-3fa”的条目" in result.stderr and "js-3fa2c1" in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_search_ranks_and_tolerates_a_typo(catalog: Path) -> None:
    result = run_cli("catalog", "search", "帅德师风", "--catalog", str(catalog))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == "js-3fa2c1  [教师队伍]  加强师德师风建设"
    assert "\x1b[" not in result.stdout  # no colour codes when stdout is not a terminal
    none = run_cli("catalog", "search", "量子力学", "--catalog", str(catalog))
    assert none.returncode == 0 and none.stdout == "" and "没有找到" in none.stderr


@pytest.mark.parametrize("args", [
    ("list", "--chapter", "其他"),  # not a chapter key
    ("search", "师德", "--limit", "0"),  # a limit below 1
])
def test_bad_options_are_chinese_errors(catalog: Path, args: tuple[str, ...]) -> None:
    result = run_cli("catalog", *args, "--catalog", str(catalog))
    assert result.returncode == 1 and result.stderr.startswith("错误：") and result.stdout == ""


def test_check_passes_with_a_summary(catalog: Path) -> None:
    result = run_cli("catalog", "check", str(catalog))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "条目目录检查通过" in result.stdout
    assert "共 3 条条目、1 个变体、1 个参数" in result.stdout


def test_check_lists_every_problem_with_file_and_line() -> None:
    result = run_cli("catalog", "check", str(BAD / "several_problems"))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 3 and all("五育并举.yaml:" in line for line in lines)
    assert "有 3 个问题" in result.stderr


def test_check_of_a_missing_folder(tmp_path: Path) -> None:
    result = run_cli("catalog", "check", str(tmp_path / "nowhere"))
    assert result.returncode == 1 and "条目目录文件夹不存在" in result.stdout + result.stderr


def test_bundled_catalogue_is_fresh_and_byte_identical(tmp_path: Path) -> None:
    """Mining the corpus twice gives identical files, equal to the committed bundled catalogue."""
    sources = sorted(glob.glob(str(CORPUS / "*.txt")))
    for name in ("one", "two"):
        result = run_cli("mine", *sources, "-o", str(tmp_path / name), "--replace")
        assert result.returncode == 0, result.stderr
    files = sorted(p.name for p in (tmp_path / "one").glob("*.yaml"))
    assert len(files) == 7
    for name in files:
        mined = (tmp_path / "one" / name).read_bytes()
        assert mined == (tmp_path / "two" / name).read_bytes(), name
        assert mined == (ROOT / "drafter" / "data" / "catalog" / name).read_bytes(), (
            f"drafter/data/catalog/{name} is stale: run `make catalog` and commit it")
    check = run_cli("catalog", "check")
    assert check.returncode == 0, check.stdout + check.stderr
