"""Case 3: control characters in a title or region (`\\v` — Word's Shift+Enter when pasted —
`\\x00`, `\\x1b`, `\\uffff`) never crash .docx writing (`All strings must be XML compatible`).

From a file they are refused at load with file:line; typed or pasted (the TUI, or a plan built
in code) they are cleaned before any writer sees them: \\v becomes a line break, the rest go.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from drafter.catalog.load import load_catalogue
from drafter.model.chars import clean_text
from drafter.plans.io import load_plan
from drafter.render.build import build_document
from drafter.util.paths import bundled_catalog_dir
from tests.hostile.helpers import city_plan, run, run_here

CONTROLS = ["\\v", "\\x00", "\\x1b", "\\uffff", "\\u202e"]


@pytest.mark.parametrize("escape", CONTROLS)
def test_a_plan_file_with_an_escaped_control_character(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], escape: str) -> None:
    plan = city_plan(tmp_path, "  region: 安顺市", f'  region: "安顺{escape}市"')
    run_here(capsys, "build", str(plan), "-o", str(tmp_path / "x.docx")).refused(
        "plan.yaml:7", "控制字符")
    assert not (tmp_path / "x.docx").exists()


def test_a_raw_vertical_tab_in_the_title_end_to_end(tmp_path: Path) -> None:
    plan = city_plan(tmp_path, 'title: "{{ 地区 }}{{ 年份 }}年教育工作要点"',
                     "title: 安顺市2025年\v教育工作要点")
    run("build", str(plan), "-o", str(tmp_path / "x.docx")).refused("plan.yaml:5", "U+000B")


def test_typed_control_characters_are_cleaned_before_the_docx(tmp_path: Path) -> None:
    plan = load_plan(city_plan(tmp_path))
    plan.meta.title = "安顺市2025年\v教育\x00工作\x1b要点\uffff"
    plan.meta.region = "安顺\x0c市"
    plan.values["地区"] = "安顺\x1b[2K市"
    out = build_document(plan, load_catalogue(bundled_catalog_dir()), tmp_path / "x.docx")
    with zipfile.ZipFile(out) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    assert "教育工作要点" in xml and "\x1b" not in xml and "\x00" not in xml


@pytest.mark.parametrize(("raw", "clean"), [
    ("甲\v乙", "甲\n乙"),  # Shift+Enter
    ("甲\r\n乙", "甲\n乙"),
    ("甲\x00\x1b\x07乙", "甲乙"),
    ("甲\u202e乙\uffff", "甲乙"),
    ("甲\t乙\n丙", "甲\t乙\n丙"),  # tab and newline stay
])
def test_clean_text(raw: str, clean: str) -> None:
    assert clean_text(raw) == clean
