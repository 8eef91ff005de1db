"""Case 17: batch output names keep their extension, drop bidi/control characters, stay short
enough for the file system; a county marked 失败 gets no file.

Inputs: a 300-character county name, a name ending in ".", a name with U+202E (which shows
"xcod.exe" as "exe.docx"), and a county whose text fails the checks (a lone "x" region)."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.util.fs import MAX_NAME_BYTES, safe_filename
from tests.hostile.helpers import EXAMPLES, run_here

LONG = "黔" * 300


@pytest.mark.parametrize(("name", "expected"), [
    ("西秀区.", "西秀区.docx"),  # a trailing dot used to eat the extension
    ("西秀\u202e区", "西秀区.docx"),  # bidi override dropped
    ("a\x1bb", "ab.docx"),
    ("...", "未命名.docx"),
    ("CON", "未命名_CON.docx"),
])
def test_safe_filename_keeps_the_suffix(name: str, expected: str) -> None:
    assert safe_filename(name, suffix=".docx") == expected


def test_a_300_character_name_is_shortened_not_truncated_mid_extension() -> None:
    name = safe_filename(LONG, suffix=".docx")
    assert name.endswith(".docx") and len(name.encode()) <= MAX_NAME_BYTES


def _batch(tmp_path: Path, variants: str) -> Path:
    (tmp_path / "city_plan.yaml").write_bytes((EXAMPLES / "city_plan.yaml").read_bytes())
    batch = tmp_path / "batch.yaml"
    batch.write_text('base: city_plan.yaml\noutput: "{{ 名称 }}"\nformat: md\nvariants:\n'
                     + variants, encoding="utf-8")
    return batch


def test_batch_names_end_to_end(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    batch = _batch(tmp_path, f"  - name: {LONG}\n    region: 西秀区\n"
                             '  - name: "平坝区."\n    region: 平坝区\n')
    out = tmp_path / "out"
    assert run_here(capsys, "batch", str(batch), "-o", str(out), "-j", "1").code == 0
    names = sorted(p.name for p in out.iterdir() if not p.name.startswith("."))
    assert len(names) == 2 and all(n.endswith(".md") for n in names), names
    assert "平坝区.md" in names


def test_a_bidi_override_in_a_batch_file_is_refused(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    batch = _batch(tmp_path, '  - name: "普定\u202e县"\n    region: 普定县\n')
    run_here(capsys, "batch", str(batch), "-o", str(tmp_path / "out")).refused("batch.yaml:5",
                                                                              "U+202E")
    assert not (tmp_path / "out").exists()


def test_a_failed_county_gets_no_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    batch = _batch(tmp_path, "  - name: 西秀区\n    region: 西秀区\n"
                             "  - name: 坏县\n    region: x\n")
    out = tmp_path / "out"
    result = run_here(capsys, "batch", str(batch), "-o", str(out), "-j", "1").refused("坏县")
    assert "失败" in result.out
    names = sorted(p.name for p in out.iterdir() if not p.name.startswith("."))
    assert names == ["西秀区.md"]
