"""Case 12 (comments): a merge (`mine -o` into an existing catalogue) keeps hand-written comments:
above a clause, above a field, at the end of a field's line, and at the end of the file; a
comment whose clause is gone is kept under a note, never dropped."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.catalog.comments import LOST_NOTE, carry_comments
from drafter.catalog.load import load_catalogue
from tests.hostile.helpers import CORPUS, run_here

SOURCES = sorted(CORPUS.glob("*.txt"))


def test_a_merge_keeps_hand_written_comments(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "catalog"
    assert run_here(capsys, "mine", str(SOURCES[0]), "-o", str(out)).code == 0
    path = out / "党建.yaml"
    text = path.read_text(encoding="utf-8")
    first_id = next(line for line in text.splitlines() if line.startswith("- id: "))
    text = text.replace(first_id, "# 科长：此条每年必选\n" + first_id, 1)
    text = text.replace("  kind: plan\n", "  # 王老师核对过\n  kind: plan  # 不要改成 summary\n", 1)
    text += "# 文件末尾的备注\n"
    path.write_text(text, encoding="utf-8")
    assert run_here(capsys, "mine", str(SOURCES[1]), "-o", str(out)).code == 0
    merged = path.read_text(encoding="utf-8")
    assert f"# 科长：此条每年必选\n{first_id}\n" in merged
    assert "  # 王老师核对过\n  kind: plan  # 不要改成 summary\n" in merged
    assert merged.rstrip().endswith("# 文件末尾的备注")
    assert len(load_catalogue(out)) > 0


def test_a_comment_of_a_dropped_clause_is_kept_under_a_note() -> None:
    old = "# 头\n\nchapter: 党建\nclauses:\n\n# 关于旧条目\n- id: dj-000001\n  lead: 甲\n"
    new = "# 头\n\nchapter: 党建\nclauses:\n\n- id: dj-000002\n  lead: 乙\n"
    kept = carry_comments(old, new)
    assert kept.endswith(f"{LOST_NOTE}\n# 关于旧条目\n") and "- id: dj-000002" in kept


def test_no_comments_no_change() -> None:
    text = "# 头\n\nchapter: 党建\nclauses:\n\n- id: dj-000001\n  lead: 甲\n"
    assert carry_comments(text, text) == text
