"""Issue 8 case 19 (documents): UTF-16 text without a byte-order mark is read as text, not called
binary; real binary is still refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.mine.readers import read_document
from drafter.model.errors import DrafterError

PLAN = "某县教育局2025年工作要点\n一、加强党的建设\n1.抓好理论学习。全年培训120人次。\n"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_text(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "plan.txt"
    path.write_bytes(PLAN.encode(encoding))
    source = read_document(path)
    assert source.encoding == encoding
    assert source.lines[:3] == PLAN.split("\n")[:3]


def test_utf16_without_bom_pure_chinese(tmp_path: Path) -> None:
    """No ASCII at all, so no NUL bytes: still recognised by what it decodes to."""
    text = "一、加强党的建设。抓好理论学习，推进全面从严治党。"
    path = tmp_path / "plan.txt"
    path.write_bytes(text.encode("utf-16-le"))
    assert read_document(path).lines == [text]


def test_binary_is_still_binary(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_bytes(bytes(range(256)) * 8)
    with pytest.raises(DrafterError, match=r"二进制|无法显示"):
        read_document(path)
