"""Issue 8 case 4: a .docx whose word/document.xml is truncated, holds an entity bomb or nests
deeper than 256 gives a Chinese message naming the file in `mine` and `check` — no traceback,
bounded time."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import run_cli
from tests.hostile.documents import deep_xml, docx_with_document_xml, entity_bomb_xml, truncated_xml

CASES: list[tuple[str, Callable[[], bytes], str]] = [
    # (file name, document.xml, what the message says)
    ("截断.docx", truncated_xml, "不是完整有效的 XML"),
    ("实体炸弹.docx", entity_bomb_xml, "DTD/实体声明"),
    ("嵌套过深.docx", deep_xml, "嵌套层级过深"),
]


@pytest.mark.parametrize(("name", "make", "message"), CASES, ids=["truncated", "entities", "deep"])
@pytest.mark.parametrize("command", [["mine", "--json"], ["check"]])
def test_broken_document_xml_is_refused_in_chinese(tmp_path: Path, name: str,
                                                   make: Callable[[], bytes], message: str,
                                                   command: list[str]) -> None:
    path = docx_with_document_xml(tmp_path / name, make())
    result = run_cli(*command, str(path))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert message in result.stderr and name in result.stderr
    assert "请在 Word/WPS 中打开" in result.stderr
