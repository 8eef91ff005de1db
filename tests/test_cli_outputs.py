"""`drafter build` to every output a bureau issues: the notice, PDF, the .xlsx task table;
suffix/format mismatches refused; check errors summed up and refused with --strict.

End to end through the real command (subprocess) on the example city plan and the bundled
catalogue. PDF tests need LibreOffice (CI installs it); without it the Chinese message is
checked instead (DRAFTER_SOFFICE="" hides soffice from drafter).
"""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from drafter.plans.io import load_plan
from tests.conftest import ROOT, run_cli
from tests.docx_render import HAVE_OFFICE

EXAMPLE = str(ROOT / "examples" / "city_plan.yaml")


def _inproc(*args: str, cwd: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """The build command in-process (click's CliRunner): no interpreter start-up."""
    from click.testing import CliRunner

    from drafter.cli import cli

    monkeypatch.chdir(cwd)
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def _without_soffice() -> dict[str, str]:
    return {"DRAFTER_SOFFICE": ""}


def _run(*args: str, cwd: Path, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    if env:
        old = {k: os.environ.get(k) for k in env}
        os.environ.update(env)
        try:
            return run_cli(*args, cwd=cwd)
        finally:
            for k, v in old.items():
                if v is None:
                    os.environ.pop(k, None)
                else:
                    os.environ[k] = v
    return run_cli(*args, cwd=cwd)


def test_build_notice_writes_the_whole_issued_document(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    # without soffice: no page count; Word/WPS place the 版记 on an even page (evenPage)
    monkeypatch.setenv("DRAFTER_SOFFICE", "")
    result = _inproc("build", EXAMPLE, "--notice", "-o", "通知.docx", cwd=tmp_path,
                     monkeypatch=monkeypatch)
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(tmp_path / "通知.docx") as zf:
        xml = zf.read("word/document.xml").decode("utf-8")
    for text in ("安顺市教育局文件", "安市教发〔2025〕3号", "关于印发", "各县（区）教育局",
                 "附件1", "附件2", "重点任务分解表", "抄送：", "印发"):
        assert text in xml, text
    assert xml.count("<w:sectPr") == 3 and 'w:orient="landscape"' in xml


def test_build_tasks_xlsx_has_five_columns_and_every_item(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    result = _inproc("build", EXAMPLE, "--tasks", "-o", "任务.xlsx", cwd=tmp_path,
                     monkeypatch=monkeypatch)
    assert result.exit_code == 0, result.output
    book = load_workbook(tmp_path / "任务.xlsx")
    sheet = book.active
    assert sheet["A1"].value == "安顺市2025年教育工作要点重点任务分解表"
    header = [c.value for c in sheet[2]]
    assert header == ["序号", "重点任务", "具体内容", "责任单位", "完成时限"]
    assert all(c.font.bold for c in sheet[2])
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=3)]
    items = [r for r in rows if isinstance(r[0], int)]
    assert [r[0] for r in items] == list(range(1, len(items) + 1))
    plan = load_plan(ROOT / "examples" / "city_plan.yaml")
    assert len(items) == sum(len(c.items) for c in plan.chapters) >= 20
    assert any(r[3] == "组织人事科" and r[4] == "2025年12月底" for r in items)
    assert all(r[2] for r in items)  # every item has its content
    assert any(str(r[0]).startswith("一、") for r in rows)  # chapter rows
    assert sheet.freeze_panes == "A3"
    assert sheet.print_title_rows == "$1:$2"
    assert sheet.page_setup.orientation == "landscape"
    assert int(sheet.page_setup.paperSize) == int(sheet.PAPERSIZE_A4)  # 9 = A4
    assert sheet.column_dimensions["C"].width >= 40
    assert sheet["C3"].alignment.wrap_text or sheet.cell(4, 3).alignment.wrap_text


@pytest.mark.skipif(not HAVE_OFFICE, reason="LibreOffice (soffice) not installed")
def test_build_pdf_is_a_real_pdf(tmp_path: Path) -> None:
    import pdfplumber

    result = run_cli("build", EXAMPLE, "-o", "计划.pdf", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    data = (tmp_path / "计划.pdf").read_bytes()
    assert data.startswith(b"%PDF")
    with pdfplumber.open(tmp_path / "计划.pdf") as pdf:
        assert len(pdf.pages) >= 5
        first = (pdf.pages[0].extract_text() or "").replace(" ", "")
        assert "安顺市2025年教育工作要点" in first
        assert abs(pdf.pages[0].width - 595.3) < 1  # A4


def test_pdf_without_libreoffice_says_so_in_chinese(tmp_path: Path) -> None:
    result = _run("build", EXAMPLE, "-o", "计划.pdf", cwd=tmp_path, env=_without_soffice())
    assert result.returncode == 1
    assert "未找到 LibreOffice" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "计划.pdf").exists()


@pytest.mark.parametrize(("args", "fragment"), [
    # a Word file must not be called .pdf
    (["-o", "x.pdf", "--format", "docx"], "与输出格式 docx 不符"),
    (["-o", "x.docx", "--format", "pdf"], "与输出格式 pdf 不符"),
    # an unknown suffix is not silently given Word content
    (["-o", "x.doc"], "不支持的输出文件扩展名“.doc”"),
    (["--tasks", "-o", "x.md"], "任务分解表不能生成 md 格式"),
    (["--notice", "-o", "x.xlsx"], "印发通知不能生成 xlsx 格式"),
    (["--notice", "--tasks"], "不能同时使用"),
])
def test_mismatched_outputs_are_refused(tmp_path: Path, args: list[str], fragment: str
                                        ) -> None:
    result = run_cli("build", EXAMPLE, *args, cwd=tmp_path)
    assert result.returncode != 0
    assert fragment in result.stderr, result.stderr
    assert not [p for p in tmp_path.iterdir() if p.name.startswith("x.")]


BAD_PLAN = """\
meta:
  title: "{{ 地区 }}{{ 年份 }}年教育工作要点"
  organ: 安顺市教育局
  region: 安顺市
  year: 2025
chapters:
  - key: 保障
    items:
      - lead: 守牢安全底线
        body: 开展安全教育,每学期不少于2次;落实XX项制度。
"""


def test_build_sums_up_check_errors_and_strict_refuses(tmp_path: Path) -> None:
    (tmp_path / "plan.yaml").write_text(BAD_PLAN, encoding="utf-8")
    result = run_cli("build", "plan.yaml", "-o", "out.md", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = [ln for ln in result.stderr.splitlines() if "检查发现" in ln]
    assert len(lines) == 1 and lines[0].startswith("提示：")
    assert "drafter check plan.yaml" in lines[0]
    assert (tmp_path / "out.md").is_file()
    strict = run_cli("build", "plan.yaml", "-o", "strict.md", "--strict", cwd=tmp_path)
    assert strict.returncode == 1
    assert "错误：检查发现" in strict.stderr and "--strict" in strict.stderr
    assert not (tmp_path / "strict.md").exists()


def test_strict_builds_a_clean_plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    result = _inproc("build", EXAMPLE, "-o", "ok.md", "--strict", cwd=tmp_path,
                     monkeypatch=monkeypatch)
    assert result.exit_code == 0, result.output
    assert "检查发现" not in result.stderr and (tmp_path / "ok.md").is_file()
