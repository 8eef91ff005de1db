"""The catalogue's entry points: the field table (by name), save leaves the cache warm, the
user's own catalogue folder, merging mined documents."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

import pytest

from drafter.catalog import fields as F
from drafter.catalog import load as load_module
from drafter.catalog import open_catalogue, open_existing, save_catalogue
from drafter.catalog.dump import clause_dict
from drafter.mine import mine_into_catalogue
from drafter.model import (
    Catalogue,
    Clause,
    DrafterError,
    MinedChapter,
    MinedDocument,
    MinedItem,
    Slot,
    Source,
    Variant,
)


def _catalogue() -> Catalogue:
    cat = Catalogue()
    cat.add(Clause(
        id="js-000001", chapter="教师队伍", lead="加强师德师风建设",
        body="新建{{ 工作室数 }}个工作室。",
        tags=["师德师风"], owners=["人事科"],
        slots=[Slot("工作室数", "名师工作室", "integer", "个", 12)],
        sources=[Source("2024.txt", "1.", 2024, "安顺市", "2024年工作要点")],
        variants=[Variant("js-000001/2", "师德师风", "抓好师德。", [], Source("b.txt"),
                          ["教育科"])],
        flags=["提示"],
    ))
    cat.add(Clause(id="bz-000001", chapter="保障", lead="", body="落实经费保障。", kind="preamble"))
    return cat


@pytest.mark.parametrize(("table", "cls"), [
    (F.CLAUSE, Clause),  # chapter comes from the file name, not a key
    (F.VARIANT, Variant),
    (F.SLOT, Slot),
    (F.SOURCE, Source),
])
def test_the_table_names_every_model_field(table: tuple[F.Field, ...], cls: type) -> None:
    model = {f.name for f in dataclasses.fields(cls)} - {"chapter"}
    assert set(F.names(table)) == model


def test_pack_and_build_go_by_name_not_position() -> None:
    clause = _catalogue().chapters["教师队伍"][0]
    record = clause_dict(clause)
    full = {f.name: record.get(f.name) for f in F.CLAUSE}
    full.update(tags=clause.tags, owners=clause.owners, flags=clause.flags,
                slots=[{**dataclasses.asdict(s)} for s in clause.slots],
                sources=[dataclasses.asdict(s) for s in clause.sources],
                variants=[{**dataclasses.asdict(v), "source": dataclasses.asdict(v.source)}
                          for v in clause.variants if v.source is not None])
    assert F.build_clause(F.pack(full, F.CLAUSE), chapter="教师队伍") == clause


def test_a_reordered_table_changes_the_cache_key(monkeypatch: pytest.MonkeyPatch) -> None:
    before = F.signature()
    monkeypatch.setattr(F, "SLOT", tuple(reversed(F.SLOT)))
    assert F.signature() != before


def test_save_leaves_the_cache_warm(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cat = _catalogue()
    save_catalogue(cat, tmp_path / "cat")

    def no_parsing(text: str, file: str) -> None:
        raise AssertionError(f"parsed {file}")

    monkeypatch.setattr(load_module, "load_yaml", no_parsing)
    loaded = open_catalogue(tmp_path / "cat")
    assert [c.id for c in loaded] == [c.id for c in cat]
    assert loaded.get("js-000001") == cat.get("js-000001")


def test_warm_cache_keeps_lines_for_duplicate_ids(tmp_path: Path) -> None:
    cat = _catalogue()
    save_catalogue(cat, tmp_path / "cat")
    text = (tmp_path / "cat" / "保障.yaml").read_text("utf-8")
    dup = text.replace("bz-000001", "js-000001")
    (tmp_path / "cat" / "保障.yaml").write_text(dup, "utf-8")
    with pytest.raises(DrafterError) as err:
        open_catalogue(tmp_path / "cat")
    first = (tmp_path / "cat" / "教师队伍.yaml").read_text("utf-8").splitlines()
    line = next(i for i, t in enumerate(first, 1) if t.startswith("- id: js-000001"))
    assert f"教师队伍.yaml:{line}" in str(err.value)


def test_the_users_own_catalogue_lies_on_top_of_the_bundled_one(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DRAFTER_CATALOG", raising=False)
    bundled = open_catalogue()
    assert len(bundled) > 10  # the bundled one while the user has none
    save_catalogue(_catalogue(), Path(os.environ["DRAFTER_HOME"]) / "catalog")
    both = open_catalogue()
    assert len(both) == len(bundled) + 2
    assert both.get("js-000001") is not None and both.level_terms == bundled.level_terms


def test_missing_default_catalogue(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DRAFTER_CATALOG", str(tmp_path / "none"))
    assert len(open_catalogue(missing_ok=True)) == 0
    with pytest.raises(DrafterError, match="条目目录文件夹不存在"):
        open_catalogue()


def test_open_existing(tmp_path: Path) -> None:
    assert open_existing(tmp_path / "new") is None
    (tmp_path / "empty").mkdir()
    assert open_existing(tmp_path / "empty") is None
    (tmp_path / "file").write_text("x")
    with pytest.raises(DrafterError, match="不是文件夹"):
        open_existing(tmp_path / "file")


def test_mine_into_catalogue_merges_and_counts() -> None:
    item = MinedItem(marker="1.", lead="加强师德师风建设", body="抓好师德。", category="教师队伍")
    doc = MinedDocument(source="a.txt", year=2025, chapters=[
        MinedChapter("一、", "教师队伍", "教师队伍", [item])])
    first = mine_into_catalogue([doc])
    assert not first.merged and len(first.catalogue) == 1
    other = MinedItem(marker="2.", lead="落实经费保障", body="经费到位。", category="保障")
    doc2 = MinedDocument(source="b.txt", year=2025, chapters=[
        MinedChapter("一、", "保障", "保障", [other])])
    second = mine_into_catalogue([doc2], existing=first.catalogue,
                                 flagger=lambda text, year: ["过时"] if "经费" in text else [])
    assert second.merged and len(second.catalogue) == 2
    rows = {key: (n, new) for key, n, new, _v, _s in second.rows()}
    assert rows["保障"] == (1, 1) and rows["教师队伍"] == (1, 0)
    assert second.catalogue.chapters["保障"][0].flags == ["过时"]


def test_mine_output_opens_warm(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """drafter mine -o swaps the folder in whole and still leaves the cache warm."""
    from tests.conftest import CORPUS, run_cli

    source = next(CORPUS.glob("001_*.txt"))
    result = run_cli("mine", str(source), "-o", str(tmp_path / "cat"))
    assert result.returncode == 0, result.stderr

    def no_parsing(text: str, file: str) -> None:
        raise AssertionError(f"parsed {file}")

    monkeypatch.setattr(load_module, "load_yaml", no_parsing)
    assert len(open_catalogue(tmp_path / "cat")) > 10


def test_freeze_moves_the_loaded_catalogue_out_of_the_gcs_sight(tmp_path: Path) -> None:
    """The TUI's open: what was loaded is frozen before the cyclic GC runs again (so no
    collection walks it), and the GC is on again afterwards."""
    import gc

    save_catalogue(_catalogue(), tmp_path / "cat")
    gc.collect()
    gc.unfreeze()
    try:
        cat = open_catalogue(tmp_path / "cat", freeze=True)
        assert gc.isenabled()
        assert gc.get_freeze_count() > 0
        assert gc.get_count()[0] < 50  # nothing left for the young generation to walk
        assert cat.get("js-000001") is not None
    finally:
        gc.unfreeze()
