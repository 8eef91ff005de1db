"""`drafter mine` end to end (in process; the corpus run in a subprocess): --json contract,
-o catalogue, bad input."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from drafter.model.errors import display_path
from tests.conftest import CORPUS, DATA, run_cli, run_cli_process

# one xdist worker runs this module, so its module-scoped fixtures are built once
pytestmark = pytest.mark.xdist_group("test_cli_mine")

MINE = DATA / "mine"


@pytest.fixture(scope="module")
def corpus_json() -> dict[str, dict[str, Any]]:
    files = sorted(str(p.relative_to(CORPUS.parents[1])) for p in CORPUS.glob("*.txt"))
    result = run_cli_process("mine", *files, "--json")  # end to end: the real command
    assert result.returncode == 0, result.stderr
    docs = json.loads(result.stdout)["documents"]
    assert [d["source"] for d in docs] == files  # the path as given
    return {Path(d["source"]).name[:3]: d for d in docs}


def items(doc: dict[str, Any]) -> list[dict[str, Any]]:
    return [i for c in doc["chapters"] for i in c["items"]]


def test_json_contract_keys(corpus_json: dict[str, dict[str, Any]]) -> None:
    doc_keys = {"source", "title", "year", "region", "genre", "preamble", "closing", "dropped",
                "chapters"}
    item_keys = {"marker", "section", "lead", "body", "category", "kind", "owners", "slots"}
    for doc in corpus_json.values():
        assert doc_keys <= doc.keys()
        assert doc["genre"] in ("要点", "计划", "总结+计划")
        for chapter in doc["chapters"]:
            assert {"marker", "heading", "category", "items"} <= chapter.keys()
            for item in chapter["items"]:
                assert item_keys <= item.keys()
                assert item["kind"] in ("plan", "summary")
                assert not item["lead"].endswith(("。", "；", "：", "，"))


@pytest.mark.parametrize(
    ("doc", "chapters", "count"),
    [("000", 6, 34), ("001", 9, 41), ("002", 5, 25), ("004", 6, 24)],
)
def test_corpus_counts(corpus_json: dict[str, dict[str, Any]], doc: str, chapters: int,
                       count: int) -> None:
    assert len(corpus_json[doc]["chapters"]) == chapters
    assert len(items(corpus_json[doc])) == count


def test_corpus_acceptance_details(corpus_json: dict[str, dict[str, Any]]) -> None:
    d000, d001, d002, d003, d004 = (corpus_json[k] for k in ("000", "001", "002", "003", "004"))
    assert items(d000)[0]["lead"] == "开展党的理论学习宣传和教育培训系列活动"
    assert any(x.startswith("XX市教育局2024年工作要点2024年全市") for x in d000["dropped"])
    assert d001["title"] == "教育局2020年工作要点（市级）" and d001["year"] == 2020
    text = json.dumps([d001["title"], d001["preamble"], d001["chapters"]], ensure_ascii=False)
    for junk in ("当前隐藏内容免费查看", "小编", "推荐访问", "网友投稿"):
        assert junk not in text
    assert "当前隐藏内容免费查看" in d001["dropped"]
    assert d002["title"] is None
    assert d003["genre"] == "总结+计划"
    kinds = {i["kind"] for i in items(d003)}
    assert kinds == {"summary", "plan"}
    assert [i["lead"] for i in d004["chapters"][0]["items"]] == [
        "科学谋划教育布局蓝图", "加大教育资源供给力度",
        "强化数字教育资源建设", "促进教育资源共享流通",
    ]
    assert d004["closing"].startswith("XX市教育系统将以高度的责任感和使命感")


def test_json_writes_nothing(tmp_path: Path) -> None:
    source = tmp_path / "plan.txt"
    shutil.copy(MINE / "three_level.txt", source)
    result = run_cli("mine", str(source), "--json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.txt"]
    doc = json.loads(result.stdout)["documents"][0]
    assert doc["chapters"][0]["items"][0]["owners"] == ["组织人事科", "机关党委"]


def test_output_catalogue_then_merge_then_replace(tmp_path: Path) -> None:
    out = tmp_path / "catalog"
    first = run_cli("mine", str(MINE / "three_level.txt"), "-o", str(out))
    assert first.returncode == 0, first.stderr
    assert "挖掘 1 份文件" in first.stdout and "合计" in first.stdout
    written = {p.name for p in out.glob("*.yaml")}
    assert "党建.yaml" in written
    count = _total(first.stdout)
    merged = run_cli("mine", str(MINE / "three_level.txt"), str(MINE / "notice.txt"),
                     "-o", str(out))
    assert merged.returncode == 0, merged.stderr
    assert "合并进" in merged.stdout and _total(merged.stdout) > count
    refused = run_cli("mine", str(MINE / "notice.txt"), "-o", str(out), "--replace")
    assert refused.returncode == 1 and "--force" in refused.stderr  # it would drop clauses
    replaced = run_cli("mine", str(MINE / "notice.txt"), "-o", str(out), "--replace", "--force")
    assert replaced.returncode == 0, replaced.stderr
    assert _total(replaced.stdout) < _total(merged.stdout)
    check = run_cli("catalog", "check", str(out))
    assert check.returncode == 0, check.stdout + check.stderr


def _total(stdout: str) -> int:
    line = next(x for x in stdout.splitlines() if "合计" in x)
    return int(line.split("：")[1].split(" ")[0])


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("empty.txt", "文件是空的"),
        ("binary.txt", "二进制文件"),
        ("undecodable.txt", "无法识别文件的文字编码"),
        ("missing.txt", "找不到该文件"),
    ],
)
def test_bad_input_is_a_chinese_error(name: str, message: str) -> None:
    path = str(MINE / name)
    result = run_cli("mine", path, "--json")
    assert result.returncode != 0
    assert message in result.stderr and display_path(path) in result.stderr  # issue 13.14
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_every_bad_file_is_reported_and_nothing_written(tmp_path: Path) -> None:
    out = tmp_path / "catalog"
    result = run_cli("mine", str(MINE / "three_level.txt"), str(MINE / "empty.txt"),
                     str(MINE / "binary.txt"), "-o", str(out))
    assert result.returncode == 1
    assert "empty.txt" in result.stderr and "binary.txt" in result.stderr
    assert not out.exists()


def test_usage_errors_are_chinese() -> None:
    result = run_cli("mine", str(MINE / "three_level.txt"))
    assert result.returncode == 2 and "--json" in result.stderr and "Traceback" not in result.stderr


def test_a_folder_stands_for_its_plans() -> None:
    result = run_cli("mine", str(CORPUS), "--json")
    assert result.returncode == 0, result.stderr
    names = [Path(d["source"]).name for d in json.loads(result.stdout)["documents"]]
    assert names == sorted(p.name for p in CORPUS.glob("*.txt"))  # README.md is not a plan
