"""Deliver 5: the miner records the source level of every clause, the catalogue stores it, and
level terms are rendered (and checked) from it — not guessed from the region's name later.

The level recorded is the one whose words the source uses for its own jurisdiction (全市 /
全县 …), because that is what the conversion rewrites: a 县级市 such as 义乌市 says 全市 and
市委市政府, so its clauses are 市-worded; a county plan whose region the miner could not read
from the title still says 全县.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from drafter.catalog.dump import write_catalogue
from drafter.catalog.load import check_catalogue, load_catalogue
from drafter.mine.catalogue_build import build_catalogue
from drafter.mine.pipeline import mine_file
from drafter.model import Catalogue, Clause, Plan, PlanChapter, PlanItem, PlanMeta, Source
from drafter.model.resolve import resolve
from drafter.util.level_terms import load_level_terms
from tests.conftest import run_cli

BAD = Path(__file__).resolve().parent / "data" / "catalog_bad"

COUNTY_BODY = ("一、加强党的建设\n"
               "1.深化主题教育成果。全县教育系统巩固拓展主题教育成果，健全长效机制。\n"
               "2.加强基层党组织建设。推进全县中小学党支部标准化规范化建设。\n"
               "二、推进教育改革\n"
               "3.深化教育评价改革。落实县委县政府部署，建设教育强县，全县推进评价改革。\n")


@pytest.mark.parametrize(("head", "region", "level"), [
    # the title names the county: 县
    ("普定县教育局2024年工作要点\n", "普定县", "县"),
    # no region in the title; the text names its parent city more often than itself, but
    # speaks of 全县 and 县委县政府: the clauses are 县-worded
    ("2024年教育工作要点\n安顺市教育局部署，安顺市考核，安顺市督导。\n", "安顺市", "县"),
    # a county-level city says 全市 for itself: 市 wording, as its name says
    ("义乌市教育局2024年工作要点\n", "义乌市", "市"),
    # the title says the level outright
    ("教育局2024年工作要点（区级）\n", None, "区"),
])
def test_the_miner_records_the_level_a_document_speaks_at(
        tmp_path: Path, head: str, region: str | None, level: str) -> None:
    body = COUNTY_BODY
    if region == "义乌市":
        body = body.replace("县", "市")
    elif level == "区":
        body = body.replace("县", "区").replace("全区", "全区")
    path = tmp_path / "p.txt"
    path.write_text(head + body, encoding="utf-8")
    doc = mine_file(path)
    assert doc.region == region
    assert doc.level == level
    cat = build_catalogue([doc])
    assert {s.level for c in cat for s in c.sources} == {level}


def test_the_level_is_stored_in_the_catalogue_and_old_catalogues_load(tmp_path: Path) -> None:
    cat = Catalogue()
    cat.add(Clause(id="dj-000001", chapter="党建", lead="加强党建", body="全县推进。",
                   sources=[Source(file="a.txt", region="安顺市", level="县")]))
    write_catalogue(cat, tmp_path / "c")
    text = (tmp_path / "c" / "党建.yaml").read_text(encoding="utf-8")
    assert "level: 县" in text
    (clause,) = load_catalogue(tmp_path / "c")
    assert clause.sources[0].level == "县"
    # a catalogue written before the field existed: no level, still loads
    old = tmp_path / "old"
    shutil.copytree(tmp_path / "c", old)
    (old / "党建.yaml").write_text(text.replace("    level: 县\n", ""), encoding="utf-8")
    (clause,) = load_catalogue(old)
    assert clause.sources[0].level is None
    # a level that is none of 省/市/县/区 is refused with the file and line
    (old / "党建.yaml").write_text(text.replace("level: 县", "level: 乡"), encoding="utf-8")
    problems = check_catalogue(old)
    assert any("级别“乡”无效" in p.message and p.line for p in problems), problems


def _plan(region: str, clause: str = "dj-000001") -> Plan:
    return Plan(meta=PlanMeta(region=region, organ=f"{region}教育局", year=2025),
                chapters=[PlanChapter(key="党建", items=[PlanItem(clause=clause)])])


@pytest.mark.parametrize(("source", "region", "body"), [
    # recorded 县 although its region is a city: a 市 plan says 全市
    (Source(file="a.txt", region="安顺市", level="县"), "六盘水市", "全市推进，建设教育强市。"),
    # recorded level, no region at all
    (Source(file="a.txt", level="县"), "六盘水市", "全市推进，建设教育强市。"),
    # an old catalogue's source (no level): the region's name still decides
    (Source(file="a.txt", region="普定县"), "六盘水市", "全市推进，建设教育强市。"),
    # a 县级市's clause in a county plan
    (Source(file="a.txt", region="义乌市", level="市"), "普定县", "全县推进，建设教育强县。"),
])
def test_level_terms_render_from_the_recorded_level(source: Source, region: str,
                                                     body: str) -> None:
    cat = Catalogue(level_terms=load_level_terms())
    wording = "全县推进，建设教育强县。" if source.level != "市" else "全市推进，建设教育强市。"
    cat.add(Clause(id="dj-000001", chapter="党建", lead="加强党建", body=wording,
                   sources=[source]))
    item = next(resolve(_plan(region), cat).items())
    assert item.body == body


def test_a_county_documents_clauses_read_for_a_city_plan_end_to_end(tmp_path: Path) -> None:
    """Mine a county plan whose title names no region, build a 市 plan from it: 全市, and
    check names the recorded level when wording is forced back."""
    source = tmp_path / "县.txt"
    source.write_text("2024年教育工作要点\n" + COUNTY_BODY, encoding="utf-8")
    assert run_cli("mine", str(source), "-o", "cat", cwd=tmp_path).returncode == 0
    cat = load_catalogue(tmp_path / "cat")
    ids = [c.id for c in cat if c.kind == "plan"]
    chapters = "\n".join(f"  - key: {cat.get(i).chapter}\n    items: [{i}]" for i in ids)
    (tmp_path / "p.yaml").write_text(
        "meta: {region: 六盘水市, organ: 六盘水市教育局, year: 2025, date: 2025-02-01,\n"
        "       options: {signature: true}}\nchapters:\n" + chapters + "\n", encoding="utf-8")
    built = run_cli("build", "p.yaml", "--catalog", "cat", "-o", "p.txt", cwd=tmp_path)
    assert built.returncode == 0, built.stderr
    text = (tmp_path / "p.txt").read_text(encoding="utf-8")
    assert "全县" not in text and "县委县政府" not in text and "教育强县" not in text
    assert "全市" in text and "市委市政府" in text and "教育强市" in text


@pytest.mark.parametrize(("source", "edited", "why"), [
    # the level recorded: converted, nothing to flag
    (Source(file="a.txt", region="普定县", level="县"), False, None),
    # no level recorded and a region whose name does not tell: the check says why it stayed
    (Source(file="a.txt"), False, "目录中没有记录本条来源的级别，未能自动转换级别用语"),
    # the plan's own rewrite of a catalogue item is never converted: the check says so
    (Source(file="a.txt", region="普定县", level="县"), True,
     "本条文字已在计划中改写，级别用语不再自动转换"),
])
def test_check_uses_the_recorded_level(source: Source, edited: bool, why: str | None) -> None:
    from drafter.check.engine import check_plan
    from drafter.render.blocks import preview_blocks

    cat = Catalogue(level_terms=load_level_terms())
    cat.add(Clause(id="dj-000001", chapter="党建", lead="加强党建", body="全县推进党建。",
                   sources=[source]))
    plan = _plan("六盘水市")
    if edited:
        plan.chapters[0].items[0].body = "全县推进党建工作。"
    blocks, _ = preview_blocks(plan, cat)
    found = [f for f in check_plan(plan, blocks, cat) if f.rule == "foreign.level"]
    if why is None:
        assert found == []
    else:
        assert len(found) == 1 and why in found[0].message and "全市" in (found[0].fix or "")
