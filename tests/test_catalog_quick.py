"""A catalogue read through the quick YAML reader is the catalogue the full path reads, and a
broken one is reported with the same problems, files and lines (the quick reader's lines are
only its items'; a problem asks the full path for the rest)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from drafter.catalog import load as load_module
from drafter.catalog import save_catalogue
from drafter.catalog.load import check_catalogue, load_catalogue
from drafter.model import CHAPTER_KEYS, ID_PREFIX, Catalogue, Clause, Slot, Source, Variant
from drafter.util import yaml_quick, yamlio

BAD = Path(__file__).resolve().parent / "data" / "catalog_bad"


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """How often each YAML path ran, with the reader of drafter's own layout (catalog.dumped,
    tests/test_catalog_dumped.py) out of the way: these files are what it reads first."""
    monkeypatch.setattr(load_module, "read_dumped", lambda *args: None)
    counts = {"quick": 0, "full": 0}
    real_quick, real_full = yaml_quick.quick_yaml, yamlio._load_full

    def quick(*args: object) -> object:
        result = real_quick(*args)  # type: ignore[arg-type]
        counts["quick"] += result is not None
        return result

    def full(text: str, file: str) -> object:
        counts["full"] += Path(file).name != "level_terms.yaml"  # the bundled one: flow style
        return real_full(text, file)

    monkeypatch.setattr(yamlio, "quick_yaml", quick)
    monkeypatch.setattr(yamlio, "_load_full", full)
    return counts


def _full_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamlio, "quick_yaml", lambda *args: None)
    monkeypatch.setattr(load_module, "read_dumped", lambda *args: None)


def _catalogue(n: int) -> Catalogue:
    rng = random.Random(3)
    words = ["加强", "师德师风", "yes", "1.", "a: b", "#", "'引号'", "多行\n第二行", "{{ 年份 }}年"]
    cat = Catalogue()
    for i in range(n):
        key = CHAPTER_KEYS[1 + i % (len(CHAPTER_KEYS) - 1)]
        cid = f"{ID_PREFIX[key]}-{i:06x}"
        body = "，".join(rng.choice(words) for _ in range(4)) + "，新建{{ 数量 }}所。"
        cat.add(Clause(
            id=cid, chapter=key, lead=rng.choice(words).replace("\n", ""), body=body,
            tags=[rng.choice(words)], slots=[Slot("数量", "新建", "integer", "所", i)],
            sources=[Source(file=f"{i}.txt", marker=rng.choice(["1.", "（一）", "2"]),
                            year=2024)],
            variants=[Variant(id=f"{cid}/2", lead="变体", body="变体正文")] if i % 3 else []))
    return cat


def test_quick_and_full_paths_load_the_same_catalogue(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, counted: dict[str, int]) -> None:
    folder = tmp_path / "catalog"
    save_catalogue(_catalogue(60), folder, warm=False)
    quick = load_catalogue(folder)
    assert counted["quick"] == 7 and counted["full"] == 0  # cold, and every file read quickly
    (tmp_path / "home2").mkdir()
    monkeypatch.setenv("DRAFTER_HOME", str(tmp_path / "home2"))  # cold again
    _full_only(monkeypatch)
    full = load_catalogue(folder)
    assert list(quick) == list(full) and len(quick) == 60


@pytest.mark.parametrize("case", sorted(p.name for p in BAD.iterdir()))
def test_broken_catalogues_report_the_same_problems(
        case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    quick = [str(p) for p in check_catalogue(BAD / case)]
    monkeypatch.setenv("DRAFTER_HOME", str(tmp_path / "other"))  # no cache from that read
    _full_only(monkeypatch)
    assert quick == [str(p) for p in check_catalogue(BAD / case)]
    assert quick


def test_a_problem_in_a_quickly_read_file_has_the_full_paths_line(
        tmp_path: Path, counted: dict[str, int]) -> None:
    folder = tmp_path / "catalog"
    save_catalogue(_catalogue(30), folder, warm=False)
    path = folder / "教师队伍.yaml"
    lines = path.read_text(encoding="utf-8").split("\n")
    at = next(i for i, t in enumerate(lines) if t.startswith("  kind: plan")) + 1
    lines.insert(at, "  colour: 红")
    path.write_text("\n".join(lines), encoding="utf-8")
    problems = check_catalogue(folder)
    assert counted["quick"] == 7 and counted["full"] == 1  # the broken file, for its lines
    assert [(p.file, p.line) for p in problems] == [(str(path), at + 1)]
    assert "未知字段“colour”" in problems[0].message
