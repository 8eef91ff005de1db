"""`drafter import --update`: a leader's Word edits come back into the plan, exactly those."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pytest
import yaml
from docx.oxml import parse_xml

from drafter.mine.readers.office import convert
from drafter.model.identity import is_identity
from tests.conftest import ROOT, run_cli
from tests.import_support import invoke

# one xdist worker runs this module, so its module-scoped fixtures are built once
pytestmark = pytest.mark.xdist_group("test_import_update")

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
EXAMPLE = ROOT / "examples" / "city_plan.yaml"


def _find(document: docx.document.Document, prefix: str) -> docx.text.paragraph.Paragraph:
    return next(p for p in document.paragraphs if p.text.startswith(prefix))


def edit(rendered: Path, out: Path) -> Path:
    """What a 局长 does in Word: a number, a rewording, a deletion, a new paragraph, and a
    tracked insertion/deletion."""
    document = docx.Document(str(rendered))
    number = _find(document, "16.")
    run = next(r for r in number.runs if "招聘教师1000名" in r.text)
    run.text = run.text.replace("招聘教师1000名", "招聘教师1200名")
    reword = _find(document, "2.")
    run = next(r for r in reword.runs if "持续开展清廉学校建设" in r.text)
    run.text = run.text.replace("持续开展清廉学校建设", "持续深化清廉学校建设")
    deleted = _find(document, "3.")
    deleted._p.getparent().remove(deleted._p)
    _find(document, "5.").insert_paragraph_before("开展读书月活动。每校每年组织一次读书月。")
    tracked = _find(document, "4.")
    run = max(tracked.runs, key=lambda r: len(r.text))  # the body's longest run
    text = run.text
    at = text.index("，") + 1
    run.text = text[:at]
    run._r.addnext(parse_xml(f'<w:r {W_NS}><w:t xml:space="preserve">{text[at:]}</w:t></w:r>'))
    run._r.addnext(parse_xml(f'<w:ins {W_NS} w:id="901" w:author="局长"><w:r><w:t>（修订）'
                             '</w:t></w:r></w:ins>'))
    run._r.addnext(parse_xml(f'<w:del {W_NS} w:id="902" w:author="局长"><w:r><w:delText>'
                             '旧提法</w:delText></w:r></w:del>'))
    document.save(str(out))
    return out


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The example plan rendered, edited, and the edited copy opened and saved by LibreOffice."""
    folder = tmp_path_factory.mktemp("update")
    plan = folder / "plan.yaml"
    shutil.copy(EXAMPLE, plan)
    original = folder / "plan.docx"
    assert invoke("build", str(plan), "-o", str(original)).exit_code == 0
    edited = edit(original, folder / "局长改过.docx")
    (resaved,) = convert([edited], folder / "lo", "docx:MS Word 2007 XML")
    return {"plan": plan, "original": original, "edited": edited, "resaved": resaved}


def _clause(item: object) -> str:
    return item if isinstance(item, str) else item["clause"]  # type: ignore[index, return-value]


def _items(plan: Path) -> list[list[object]]:
    data = yaml.safe_load(plan.read_text(encoding="utf-8"))
    return [c["items"] for c in data["chapters"]]


def _apply(tmp_path: Path, rendered: dict[str, Path], which: str) -> tuple[str, Path]:
    plan = tmp_path / "plan.yaml"
    shutil.copy(rendered["plan"], plan)
    result = invoke("import", "--update", str(plan), str(rendered[which]), "--yes")
    assert result.exit_code == 0, result.output
    return result.output, plan


@pytest.mark.parametrize("which", ["edited", "resaved"])
def test_update_takes_exactly_the_leaders_changes(tmp_path: Path, rendered: dict[str, Path],
                                                  which: str) -> None:
    before = _items(rendered["plan"])
    output, plan = _apply(tmp_path, rendered, which)
    after = _items(plan)
    assert "数字修改" in output and "1000 → 1200" in output
    first_before, first_after = before[0], after[0]
    # item 3 deleted; items 1, 2 kept; 2 has its own wording now
    assert len(first_after) == len(first_before) - 1
    assert first_after[0] == first_before[0]
    reworded = first_after[1]
    assert isinstance(reworded, dict) and "持续深化清廉学校建设" in reworded["body"]
    assert "持续开展清廉学校建设" not in reworded["body"]
    assert reworded["clause"] == _clause(first_before[1])
    # tracked insertion kept, deletion dropped (item 4 → now the third of chapter 1)
    tracked = first_after[2]
    assert "（修订）" in tracked["body"] and "旧提法" not in tracked["body"]
    # the new paragraph, typed under chapter 2's heading before item 5, opens chapter 2
    custom = after[1][0]
    assert custom == {"lead": "开展读书月活动", "body": "每校每年组织一次读书月。"}
    assert after[1][1:] == before[1]
    # the number became a value of its item; nothing else changed anywhere
    numbered = [i for chapter in after for i in chapter
                if isinstance(i, dict) and "教育系统招聘教师_名" in (i.get("values") or {})]
    assert [i["values"]["教育系统招聘教师_名"] for i in numbered] == [1200]
    changed = {str(i) for c in after for i in c} - {str(i) for c in before for i in c}
    assert len(changed) == 4  # reworded, tracked, custom, numbers
    assert (tmp_path / "plan.bak.yaml").read_text(encoding="utf-8") == \
        rendered["plan"].read_text(encoding="utf-8")
    # and the updated plan builds to the edited text
    out = tmp_path / "again.txt"
    assert invoke("build", str(plan), "-o", str(out)).exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert "招聘教师1200名" in text and "开展读书月活动。每校每年组织一次读书月。" in text


def test_identities_survive_a_libreoffice_round_trip(rendered: dict[str, Path]) -> None:
    from drafter.mine.readers import read_document

    before = set(read_document(rendered["edited"]).marks.values())
    after = set(read_document(rendered["resaved"]).marks.values())
    assert len(before) >= 38 and all(is_identity(m) for m in before)
    assert after == before


def test_saying_no_changes_nothing(tmp_path: Path, rendered: dict[str, Path]) -> None:
    plan = tmp_path / "plan.yaml"
    shutil.copy(rendered["plan"], plan)
    result = invoke("import", "--update", str(plan), str(rendered["edited"]), input="n\n")
    assert result.exit_code == 0 and "未作修改" in result.output
    assert plan.read_bytes() == rendered["plan"].read_bytes()
    assert not (tmp_path / "plan.bak.yaml").exists()


def test_unchanged_copy_reports_nothing(tmp_path: Path, rendered: dict[str, Path]) -> None:
    plan = tmp_path / "plan.yaml"
    shutil.copy(rendered["plan"], plan)
    result = invoke("import", "--update", str(plan), str(rendered["original"]), "--yes")
    assert result.exit_code == 0 and "没有需要导入的修改" in result.output
    assert plan.read_bytes() == rendered["plan"].read_bytes()


def test_moved_item_is_reported_and_moved(tmp_path: Path, rendered: dict[str, Path]) -> None:
    document = docx.Document(str(rendered["original"]))
    first, second = _find(document, "1."), _find(document, "2.")
    second._p.addnext(first._p)  # item 1 now after item 2
    moved = tmp_path / "moved.docx"
    document.save(str(moved))
    plan = tmp_path / "plan.yaml"
    shutil.copy(rendered["plan"], plan)
    before = _items(plan)
    result = invoke("import", "--update", str(plan), str(moved), "--yes")
    assert "移动" in result.output
    after = _items(plan)
    assert after[0][:2] == [before[0][1], before[0][0]]


def test_a_document_without_identities_is_refused(tmp_path: Path,
                                                  rendered: dict[str, Path]) -> None:
    plain = tmp_path / "别的文档.docx"
    document = docx.Document()
    document.add_paragraph("一、加强党建")
    document.save(str(plain))
    result = run_cli("import", "--update", str(rendered["plan"]), str(plain), "--yes")
    assert result.returncode == 1 and "没有 drafter 的条目标记" in result.stderr
    assert "Traceback" not in result.stderr
