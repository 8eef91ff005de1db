"""Document formats drafter reads, declared once: file extension → format name.

The readers (`drafter.mine.readers`) dispatch on it, `mine` picks files from folders with it,
and the plan loader uses it to tell a user who gave a document where a plan was expected to run
`drafter import` first.
"""

from __future__ import annotations

from typing import Literal

SourceFormat = Literal["txt", "md", "docx", "doc", "wps", "rtf", "odt", "pdf", "html"]

DOCUMENT_SUFFIXES: dict[str, SourceFormat] = {
    ".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".docx": "docx",
    ".doc": "doc", ".wps": "wps", ".rtf": "rtf", ".odt": "odt", ".pdf": "pdf",
    ".html": "html", ".htm": "html",
}

# One place that says what drafter reads, used by every "wrong file" message.
SUPPORTED_HINT = "支持的格式：.txt、.md、.docx、.doc、.wps、.rtf、.odt、.pdf、.html"

PLAN_SUFFIXES = (".yaml", ".yml")


def import_hint(path: str) -> str:
    """What to say when a document is given where a plan file is expected."""
    return (f"这是一份文档，不是 drafter 的计划文件；请先导入：drafter import {path} -o 计划.yaml，"
            "再对计划.yaml 使用本命令")
