"""Case 6: text from a file never drives the terminal.

`\\e]0;…\\a` retitled the terminal and `\\r\\e[2K` hid a sentence on screen that was still in the
Word output; `catalog check` passed the file. Now catalogues and plans holding control or bidi
characters are refused at load with file:line (so `catalog check` flags them), documents are
flagged by `drafter check` (rule text.control), and everything the CLI prints goes through a
stream that shows such characters visibly (␛, ␍, \\u202e).
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from drafter.cli.terminal import VisibleStream
from tests.hostile.helpers import run, run_here, small_catalogue

ATTACK = "\x1b]0;被改了标题\x07开展主题教育\r\x1b[2K隐藏的句子"


def test_the_stream_shows_what_it_would_obey() -> None:
    buffer = io.StringIO()
    VisibleStream(buffer).write(ATTACK + "\u202e\n")  # type: ignore[arg-type]
    shown = buffer.getvalue()
    assert "\x1b" not in shown and "\r" not in shown and "\u202e" not in shown
    assert "␛]0;被改了标题␇" in shown and "␍␛[2K隐藏的句子" in shown and "\\u202e" in shown


def test_progress_bar_sequences_pass() -> None:
    buffer = io.StringIO()
    VisibleStream(buffer).write("\r\x1b[?25l生成中 [###]\x1b[?25h\n")  # type: ignore[arg-type]
    assert buffer.getvalue() == "\r\x1b[?25l生成中 [###]\x1b[?25h\n"


@pytest.mark.parametrize("escaped", ["\\e]0;被改了标题\\a", "\\r\\e[2K", "\\u202e"])
def test_catalog_check_flags_escapes(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                     escaped: str) -> None:
    cat = small_catalogue(tmp_path / "catalog")
    path = cat / "党建.yaml"
    text = path.read_text(encoding="utf-8")
    lead = "  lead: 开展党的理论学习宣传和教育培训系列活动\n"
    assert lead in text
    line = text[: text.index(lead)].count("\n") + 1
    path.write_text(text.replace(lead, f'  lead: "开展{escaped}党的理论学习"\n', 1),
                    encoding="utf-8")
    run_here(capsys, "catalog", "check", str(cat)).refused(f"党建.yaml:{line}", "控制字符")
    run_here(capsys, "catalog", "show", "dj-03784f", "--catalog", str(cat)).refused("党建.yaml")


def test_drafter_check_flags_and_shows_a_bidi_override(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    items = "".join(f"{i}.加强理论学习和教育培训，推进工作落实，全面提升教育质量。\n"
                    for i in range(1, 6))
    draft.write_text("某市教育局2025年工作要点\n\n一、加强党的建设\n" + items
                     + "6.推进\u202e项目建设工作。\n", encoding="utf-8")
    result = run("check", str(draft)).clean()
    assert result.code == 1
    assert "text.control" in result.out and "\\u202e" in result.out
    assert "\u202e" not in result.out + result.err


def test_mined_clauses_never_carry_escapes_or_bidi_overrides(tmp_path: Path) -> None:
    """The miner is the front door for documents: control and bidi characters are dropped before
    anything becomes a clause (kept, a catalogue `import` writes would be refused at its next
    load; `drafter check` flags them in the raw text, above)."""
    source = tmp_path / "s.txt"
    source.write_text("某市教育局2025年工作要点\n\n一、加强党的建设\n"
                      "1.推进\u202e项目\x1b]0;x\x07建设。\n", encoding="utf-8")
    result = run("mine", str(source), "--json").clean()
    assert "\u202e" not in result.out and "\\u202e" not in result.out
    assert "\x1b" not in result.out and "␛" not in result.out
    assert "推进项目" in result.out
