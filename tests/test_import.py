"""`drafter import`: last year's document becomes a plan that builds back to the same items."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from drafter.catalog.load import load_catalogue
from drafter.mine.to_plan import with_globals
from drafter.util.paths import bundled_catalog_dir, user_catalog_dir
from tests.conftest import CORPUS, ROOT, run_cli
from tests.import_support import invoke, same_items

SOURCES = sorted(CORPUS.glob("*.txt"))


@pytest.mark.parametrize("source", SOURCES, ids=[s.name[:3] for s in SOURCES])
def test_import_then_build_gives_the_items_back(tmp_path: Path, source: Path) -> None:
    plan, out = tmp_path / "p.yaml", tmp_path / "p.txt"
    result = invoke("import", str(source), "-o", str(plan))
    assert result.exit_code == 0, result.output
    result = invoke("build", str(plan), "--format", "txt", "-o", str(out))
    assert result.exit_code == 0, result.output
    same_items(source, out)


def test_a_document_drafter_rendered_round_trips(tmp_path: Path) -> None:
    """Build the example plan to .docx, import that .docx, build again: same items."""
    original = tmp_path / "原.txt"
    docx_file = tmp_path / "原.docx"
    example = ROOT / "examples" / "city_plan.yaml"
    for out in (original, docx_file):
        assert invoke("build", str(example), "-o", str(out)).exit_code == 0
    plan, again = tmp_path / "导入.yaml", tmp_path / "再生成.txt"
    assert invoke("import", str(docx_file), "-o", str(plan)).exit_code == 0
    assert invoke("build", str(plan), "--format", "txt", "-o", str(again)).exit_code == 0
    same_items(original, again)
    data = yaml.safe_load(plan.read_text(encoding="utf-8"))
    assert data["meta"]["year"] == 2025 and data["meta"]["region"] == "安顺市"
    assert data["meta"]["date"] == "2025-02-20" and data["meta"]["organ"] == "安顺市教育局"


def test_plan_keeps_headings_order_numbers_and_baseline(tmp_path: Path) -> None:
    source = next(CORPUS.glob("000_*.txt"))
    plan = tmp_path / "p.yaml"
    assert invoke("import", str(source), "-o", str(plan)).exit_code == 0
    data = yaml.safe_load(plan.read_text(encoding="utf-8"))
    headings = [c["heading"] for c in data["chapters"]]
    assert headings[:2] == ["推进党的建设，加强党对教育工作的全面领导",
                            "发展素质教育，促进学生德智体美劳全面发展"]
    assert data["meta"]["title"] == "{{ 地区 }}教育局{{ 年份 }}年工作要点"
    # Item 5 of the source (素质教育 chapter) is filed under 教育改革 by the classifier, but the
    # plan keeps it in its own chapter.
    second = data["chapters"][1]
    ids = [i if isinstance(i, str) else i["clause"] for i in second["items"]]
    assert any(not cid.startswith("wy-") for cid in ids)
    assert len(ids) == 8
    # Numbers are item values and last year's baseline.
    values = [(i["clause"], k, v) for c in data["chapters"] for i in c["items"]
              if isinstance(i, dict) for k, v in (i.get("values") or {}).items()]
    assert any(k == "新增公办学位_个" and v == 1500 for _, k, v in values)
    for clause, name, value in values:
        assert data["baseline"][f"{clause}.{name}"] == value


def test_clauses_go_to_the_users_catalogue_never_the_bundled_one(tmp_path: Path) -> None:
    bundled = sorted(p.read_bytes() for p in bundled_catalog_dir().glob("*.yaml"))
    source = next(CORPUS.glob("001_*.txt"))
    assert invoke("import", str(source), "-o", str(tmp_path / "a.yaml")).exit_code == 0
    mine = load_catalogue(user_catalog_dir())
    assert len(mine) > 30
    again = invoke("import", str(source), "-o", str(tmp_path / "b.yaml"))
    assert again.exit_code == 0
    assert len(load_catalogue(user_catalog_dir())) == len(mine)  # merged, not duplicated
    assert sorted(p.read_bytes() for p in bundled_catalog_dir().glob("*.yaml")) == bundled
    refused = invoke("import", str(source), "-o", str(tmp_path / "c.yaml"),
                     "--catalog", str(bundled_catalog_dir()))
    assert refused.exit_code == 1 and "自带的目录" in refused.output
    own = tmp_path / "本局目录"
    assert invoke("import", str(source), "-o", str(tmp_path / "d.yaml"), "--catalog",
                  str(own)).exit_code == 0
    assert len(load_catalogue(own)) == len(mine)
    built = invoke("build", str(tmp_path / "d.yaml"), "--catalog", str(own), "-o",
                   str(tmp_path / "d.txt"))
    assert built.exit_code == 0, built.output


def test_roll_and_build_work_on_an_imported_plan(tmp_path: Path) -> None:
    source = next(CORPUS.glob("000_*.txt"))
    plan = tmp_path / "2024年计划.yaml"
    assert invoke("import", str(source), "-o", str(plan)).exit_code == 0
    rolled = invoke("roll", str(plan), "--to", "2026")
    assert rolled.exit_code == 0, rolled.output
    new = tmp_path / "2026年计划.yaml"
    built = invoke("build", str(new), "--format", "txt", "-o", str(tmp_path / "2026.txt"))
    assert built.exit_code == 0, built.output
    text = (tmp_path / "2026.txt").read_text(encoding="utf-8")
    assert text.startswith("XX市教育局2026年工作要点")


@pytest.mark.parametrize(("name", "data", "message"), [
    ("坏的.docx", b"PK\x03\x04 broken", "不是有效的 Word"),
    ("空的.pdf", b"", "文件是空的"),
    ("计划.yaml", b"meta: {}\n", "已经是计划文件"),
])
def test_bad_input_writes_nothing(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    source = tmp_path / name
    source.write_bytes(data)
    out = tmp_path / "out.yaml"
    result = run_cli("import", str(source), "-o", str(out))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert message in result.stderr
    assert not out.exists() and not user_catalog_dir().exists()


def test_existing_plan_is_not_overwritten(tmp_path: Path) -> None:
    out = tmp_path / "p.yaml"
    out.write_text("# 我的计划\n", encoding="utf-8")
    result = invoke("import", str(next(CORPUS.glob("000_*.txt"))), "-o", str(out))
    assert result.exit_code == 1 and "已存在" in result.output
    assert out.read_text(encoding="utf-8") == "# 我的计划\n"


@pytest.mark.parametrize("command", [["build"], ["roll", "--to", "2026"], ["tui"]])
def test_a_document_where_a_plan_is_expected_names_drafter_import(
        tmp_path: Path, command: list[str]) -> None:
    source = tmp_path / "去年计划.txt"
    source.write_text(next(CORPUS.glob("000_*.txt")).read_text(encoding="utf-8"),
                      encoding="utf-8")
    result = run_cli(command[0], str(source), *command[1:])
    assert result.returncode == 1, result.stderr
    assert "drafter import" in result.stderr and "去年计划.txt" in result.stderr
    assert "Traceback" not in result.stderr


def test_with_globals_makes_year_and_region_placeholders() -> None:
    assert with_globals("安顺市2024年工作{x}", 2024, "安顺市") == \
        "{{ 地区 }}{{ 年份 }}年工作{x}"
    assert with_globals("{{ a }} 12024年", 2024, None) == \
        "{{ '{' }}{{ '{' }} a {{ '}' }}{{ '}' }} 12024年"


def test_importing_does_not_take_variants_away_from_plans_on_the_bundled_catalogue(
        tmp_path: Path) -> None:
    """Regression: importing corpus 000 (one of the bundled catalogue's own sources) put a copy
    of its clauses, without the bundled variants, into the user's catalogue; that copy shadowed
    the bundled clause, and the example plan's `js-33d223/2` no longer existed."""
    example = ROOT / "examples" / "city_plan.yaml"
    before = tmp_path / "before.txt"
    assert invoke("build", str(example), "--format", "txt", "-o", str(before)).exit_code == 0
    source = next(CORPUS.glob("000_*.txt"))
    assert invoke("import", str(source), "-o", str(tmp_path / "p.yaml")).exit_code == 0
    after = tmp_path / "after.txt"
    result = invoke("build", str(example), "--format", "txt", "-o", str(after))
    assert result.exit_code == 0, result.output
    # Nothing the official chose changes wording because another document was imported.
    assert after.read_text(encoding="utf-8") == before.read_text(encoding="utf-8")
    # And the imported plan still builds its own items back.
    again = tmp_path / "p.txt"
    assert invoke("build", str(tmp_path / "p.yaml"), "--format", "txt", "-o",
                  str(again)).exit_code == 0
    same_items(source, again)


SIGNED_HEAD = ("XX市教育局2024年工作要点\n"
               "2024年全市教育工作的总体要求是：坚持以习近平新时代中国特色社会主义思想为指导，"
               "全面贯彻党的二十大精神，办好人民满意的教育。\n"
               "一、加强党的建设\n"
               "1.深化主题教育成果。巩固拓展主题教育成果，健全长效机制。\n"
               "2.加强基层党组织建设。推进党支部标准化规范化建设。\n"
               "3.推进清廉学校建设。加强教育系统党风廉政建设和作风建设。\n")


@pytest.mark.parametrize("source", SOURCES, ids=[s.name[:3] for s in SOURCES])
def test_imported_plans_sign_and_date_by_default(tmp_path: Path, source: Path) -> None:
    """Deliver 7: the 落款 is on for imported plans too, and the built document ends with it
    (the round trip above mines that built text: the 落款 never comes back as a clause)."""
    plan, out = tmp_path / "p.yaml", tmp_path / "p.txt"
    result = invoke("import", str(source), "-o", str(plan))
    assert result.exit_code == 0, result.output
    meta = yaml.safe_load(plan.read_text(encoding="utf-8"))["meta"]
    assert meta["options"]["signature"] is True and meta["organ"]
    assert f"落款：{meta['organ']}" in result.output
    assert invoke("build", str(plan), "--format", "txt", "-o", str(out)).exit_code == 0
    assert out.read_text(encoding="utf-8").rstrip().splitlines()[-1].strip() == meta["organ"]


@pytest.mark.parametrize(("tail", "organ", "date", "said"), [
    # a lone organ line at the end (was mined as an item with no lead)
    ("XX市教育局\n", "XX市教育局", None, "取自文末落款"),
    ("XX市教育局\n2024年2月20日\n", "XX市教育局", "2024-02-20", "取自文末落款"),
    ("二〇二四年二月二十日\n", "XX市教育局", "2024-02-20", "取自标题"),
])
def test_the_documents_signature_fills_the_plan_and_comes_back(
        tmp_path: Path, tail: str, organ: str, date: str | None, said: str) -> None:
    source = tmp_path / "去年.txt"
    source.write_text(SIGNED_HEAD + tail, encoding="utf-8")
    plan, out = tmp_path / "p.yaml", tmp_path / "p.txt"
    result = invoke("import", str(source), "-o", str(plan))
    assert result.exit_code == 0, result.output
    assert said in result.output
    meta = yaml.safe_load(plan.read_text(encoding="utf-8"))["meta"]
    assert (meta["organ"], meta["date"], meta["options"]["signature"]) == (organ, date, True)
    data = yaml.safe_load(plan.read_text(encoding="utf-8"))
    assert sum(len(c["items"]) for c in data["chapters"]) == 3
    assert invoke("build", str(plan), "--format", "txt", "-o", str(out)).exit_code == 0
    same_items(source, out)
    # the built document, imported again, gives the same 落款
    again = tmp_path / "again.yaml"
    assert invoke("import", str(out), "-o", str(again)).exit_code == 0
    meta2 = yaml.safe_load(again.read_text(encoding="utf-8"))["meta"]
    assert (meta2["organ"], meta2["date"]) == (organ, date)


@pytest.mark.parametrize(("head", "organ", "signature", "said"), [
    # no organ anywhere but a region: "<地区>教育局", as drafter new does, and said so
    ("安顺市2024年教育工作要点\n", "安顺市教育局", True, "按地区暂定，请核对"),
    # nothing to sign with: the 落款 is off and the output says what to fill in
    ("2024年教育工作要点\n", "", False, "已关闭落款"),
])
def test_a_document_without_an_organ(tmp_path: Path, head: str, organ: str, signature: bool,
                                     said: str) -> None:
    source = tmp_path / "去年.txt"
    source.write_text(SIGNED_HEAD.replace("XX市教育局2024年工作要点\n", head)
                      .replace("全市", "全面"), encoding="utf-8")
    plan = tmp_path / "p.yaml"
    result = invoke("import", str(source), "-o", str(plan))
    assert result.exit_code == 0, result.output
    assert said in result.output
    meta = yaml.safe_load(plan.read_text(encoding="utf-8"))["meta"]
    assert (meta["organ"], meta["options"]["signature"]) == (organ, signature)
    assert invoke("build", str(plan), "--format", "txt", "-o",
                  str(tmp_path / "p.txt")).exit_code == 0
