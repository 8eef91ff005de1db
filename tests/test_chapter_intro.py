"""A chapter's prose introduction (a 工作思路 paragraph, the sentence before a chapter's first
item) is the user's text: it survives import → plan → build (.docx) → preview, and a TUI save.

Bug: `drafter import` of a document whose first chapter is one prose paragraph wrote that
chapter as `items: []`, dropping the paragraph, and `drafter check` called the chapter empty."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
import yaml

from drafter.catalog.load import load_catalogue
from drafter.model import DrafterError, Plan, PlanChapter, PlanItem, PlanMeta, PlanText
from drafter.model.roll import roll_plan
from drafter.plans.io import load_plan, plan_from_yaml, plan_to_yaml, save_plan
from drafter.render.blocks import preview_blocks
from drafter.tui.app import make_app
from tests.import_support import invoke
from tests.tui_support import started, tui_catalogue

PROSE = ("2025年，临江市教育系统按照市委、市政府的决策部署，围绕全面提升教育质量，"
         "推动义务教育优质均衡这一核心任务开展工作，构筑风清气正的教育环境。")
OPENING = "全市教育系统围绕立德树人根本任务，持续深化教育综合改革，推动各类教育协调发展。"
SOURCE = f"""临江市教育局2025年工作要点

一、工作思路

{PROSE}

二、重点任务

{OPENING}

1．加强党的建设。落实全面从严治党主体责任，开展党支部标准化建设，推进清廉学校建设。

2．推进学前教育普及普惠。新建幼儿园12所，普惠性幼儿园覆盖率达到90%以上。

3．提升义务教育质量。深化课堂教学改革，推进集团化办学，缩小城乡校际差距。
"""


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _docx_text(path: Path) -> str:
    with zipfile.ZipFile(path) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    return "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml))


def _imported(tmp_path: Path) -> Path:
    source = tmp_path / "要点.txt"
    source.write_text(SOURCE, encoding="utf-8")
    plan = tmp_path / "p.yaml"
    result = invoke("import", str(source), "-o", str(plan), "--catalog", str(tmp_path / "cat"))
    assert result.exit_code == 0, result.output
    return plan


def test_import_keeps_a_prose_chapter_and_a_chapter_intro(tmp_path: Path) -> None:
    plan_file = _imported(tmp_path)
    data = yaml.safe_load(plan_file.read_text(encoding="utf-8"))
    first, second = data["chapters"][0], data["chapters"][1]
    assert first["heading"] == "工作思路" and first["items"] == []
    assert "{{ 年份 }}年，{{ 地区 }}教育系统按照" in first["intro"]  # globals, as the preamble
    assert second["intro"] == OPENING
    assert len(second["items"]) == 3
    docx = tmp_path / "p.docx"
    result = invoke("build", str(plan_file), "-o", str(docx), "--catalog", str(tmp_path / "cat"))
    assert result.exit_code == 0, result.output
    text = _norm(_docx_text(docx))
    assert _norm(PROSE) in text
    assert text.index("工作思路") < text.index(_norm(PROSE)) < text.index("重点任务")
    assert text.index("重点任务") < text.index(_norm(OPENING)) < text.index("加强党的建设")


def test_check_does_not_call_a_prose_chapter_empty(tmp_path: Path) -> None:
    plan_file = _imported(tmp_path)
    result = invoke("check", str(plan_file), "--catalog", str(tmp_path / "cat"))
    assert "该章没有任何条目" not in result.output, result.output
    bare = tmp_path / "bare.yaml"
    plan = load_plan(plan_file)
    plan.chapters[0].intro = None
    save_plan(plan, bare)
    result = invoke("check", str(bare), "--catalog", str(tmp_path / "cat"))
    assert "该章没有任何条目" in result.output  # the rule still fires for a really empty one


def _plan(intro: PlanText) -> Plan:
    return Plan(meta=PlanMeta(region="临江市", organ="临江市教育局", year=2026),
                chapters=[PlanChapter(heading="工作思路", intro=intro),
                          PlanChapter(key="党建", items=[PlanItem(lead="加强党的建设",
                                                                 body="落实主体责任。")])])


def test_the_plan_file_saves_loads_and_checks_the_intro(tmp_path: Path) -> None:
    plan = _plan(PlanText(text="{{ 年份 }}年，新建学校{{ 新建学校 }}所。"))
    text = plan_to_yaml(plan)
    assert "intro: '{{ 年份 }}年，新建学校{{ 新建学校 }}所。'" in text
    again = plan_from_yaml(text, "p.yaml")
    assert again == plan
    intro = again.chapters[0].intro
    assert intro is not None and intro.line == text.splitlines().index(
        next(line for line in text.splitlines() if "intro:" in line)) + 1
    bare = Plan(chapters=[PlanChapter(key="党建")])
    assert "intro" not in plan_to_yaml(bare)  # written only when present
    assert plan_from_yaml(plan_to_yaml(bare), "p.yaml").chapters[0].intro is None
    # A missing value in the intro stops the build like one in the preamble.
    save_plan(plan, tmp_path / "p.yaml")
    result = invoke("build", str(tmp_path / "p.yaml"), "-o", str(tmp_path / "p.docx"))
    assert result.exit_code != 0 and "新建学校" in result.output and "第一章首段" in result.output
    # A broken placeholder is named with its place.
    bad = text.replace("{{ 新建学校 }}", "{{ 新建 学校 }}")
    with pytest.raises(DrafterError, match="intro"):
        plan_from_yaml(bad, "p.yaml")


def test_preview_shows_the_intro_after_the_heading() -> None:
    plan = _plan(PlanText(text="{{ 年份 }}年，{{ 地区 }}教育工作坚持稳中求进。"))
    blocks, _ = preview_blocks(plan, tui_catalogue())
    roles = [(b.role, b.text) for b in blocks]
    at = roles.index(("chapter", "工作思路"))
    assert roles[at + 1] == ("preamble", "2026年，临江市教育工作坚持稳中求进。")
    assert blocks[at + 1].location.chapter == 1


def test_roll_carries_the_intro_and_names_its_literal_years() -> None:
    plan = _plan(PlanText(text="2026年，{{ 地区 }}教育工作坚持稳中求进。"))
    rolled = roll_plan(plan, 2027)
    assert rolled.plan.chapters[0].intro == plan.chapters[0].intro
    assert any("首段" in place for place, _ in rolled.literal_years)


async def test_the_tui_keeps_the_intro_on_save(tmp_path: Path) -> None:
    path = tmp_path / "计划.yaml"
    plan = _plan(PlanText(text="{{ 年份 }}年，{{ 地区 }}教育工作坚持稳中求进。"))
    save_plan(plan, path)
    app = make_app(None, path, catalogue=tui_catalogue())
    async with app.run_test(size=(120, 40)) as pilot:
        await started(app, pilot)
        assert "2026年，临江市教育工作坚持稳中求进。" in app.main.preview.text
        app.main.session.plan.meta.organ = "临江市教育局办公室"  # a change to save
        await pilot.press("ctrl+s")
        await pilot.pause()
        await app.workers.wait_for_complete()
    again = load_plan(path)
    assert again.chapters[0].intro == plan.chapters[0].intro


def test_the_catalogue_loads_for_the_import(tmp_path: Path) -> None:
    _imported(tmp_path)
    assert load_catalogue(tmp_path / "cat") is not None


def test_update_takes_a_leaders_edit_of_an_intro_and_keeps_the_others(tmp_path: Path) -> None:
    import docx

    from drafter.model.identity import Identity, block_identity, parse_identity

    assert block_identity("preamble", 2, None, None) == Identity("intro", 2)
    assert block_identity("preamble", None, None, None) == Identity("preamble")
    assert parse_identity(Identity("intro", 2).name) == Identity("intro", 2)

    plan = _plan(PlanText(text="{{ 年份 }}年，{{ 地区 }}教育工作坚持稳中求进。"))
    plan.chapters[1].intro = PlanText(text="全市教育系统持续深化教育综合改革。")
    path = tmp_path / "p.yaml"
    save_plan(plan, path)
    rendered = tmp_path / "p.docx"
    assert invoke("build", str(path), "-o", str(rendered)).exit_code == 0
    document = docx.Document(str(rendered))
    paragraph = next(p for p in document.paragraphs if "稳中求进" in p.text)
    run = next(r for r in paragraph.runs if "稳中求进" in r.text)
    run.text = run.text.replace("稳中求进", "稳中有进")
    edited = tmp_path / "改过.docx"
    document.save(str(edited))
    result = invoke("import", "--update", str(path), str(edited), "--yes")
    assert result.exit_code == 0, result.output
    again = load_plan(path)
    changed = PlanText(text="{{ 年份 }}年，{{ 地区 }}教育工作坚持稳中有进。")
    assert again.chapters[0].intro == changed
    assert again.chapters[1].intro == plan.chapters[1].intro  # untouched, not a new item
    assert [i.lead for i in again.chapters[1].items] == ["加强党的建设"]
    assert again.chapters[0].items == []


LEAD_IN = "今年重点抓好以下几个方面工作："


@pytest.mark.parametrize("problems", [False, True], ids=["plain", "下步打算 chapter"])
def test_import_keeps_a_short_lead_in_line(tmp_path: Path, problems: bool) -> None:
    """A short "…以下几个方面工作：" line before a chapter's items is not a clause (the miner
    leaves it out of the catalogue), but it is the user's text: import keeps it as the
    chapter's intro, also in a 存在问题及下步打算 chapter, where no prose intro is taken."""
    heading = "存在问题及下步打算" if problems else "重点任务"
    source = tmp_path / "要点.txt"
    source.write_text(SOURCE.replace(f"二、重点任务\n\n{OPENING}", f"二、{heading}\n\n{LEAD_IN}"),
                      encoding="utf-8")
    plan = tmp_path / "p.yaml"
    result = invoke("import", str(source), "-o", str(plan), "--catalog", str(tmp_path / "cat"))
    assert result.exit_code == 0, result.output
    second = yaml.safe_load(plan.read_text(encoding="utf-8"))["chapters"][1]
    assert second["intro"] == LEAD_IN
    assert len(second["items"]) == 3
    cat = load_catalogue(tmp_path / "cat")
    assert not any(LEAD_IN in c.lead + c.body for c in cat)
