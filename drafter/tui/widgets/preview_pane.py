"""The live preview: the plan as it will render, numbering included, gaps marked.

Why: the official must see the document while arranging it. The text comes from the same
blocks the .docx writer lays out (via `drafter.tui.preview`), so the two cannot drift.
Display only.
"""

from __future__ import annotations

import re

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll

from drafter.tui.preview import Preview
from drafter.tui.widgets.wrapped import WrappedStatic

_MARKER = re.compile(r"【(待填|有误)：[^】]*】")


def preview_text(preview: Preview) -> Text:
    if preview.error:
        text = Text("暂时无法预览：\n", style="bold red")
        text.append(preview.error)
        return text
    if not preview.text.strip():
        return Text("计划还是空的。", style="dim")
    text = Text(preview.text)
    for match in _MARKER.finditer(preview.text):
        style = "bold black on yellow" if match.group(1) == "待填" else "bold white on red"
        text.stylize(style, match.start(), match.end())
    return text


class PreviewPane(VerticalScroll):
    """Shows a Preview."""

    DEFAULT_CSS = """
    PreviewPane { scrollbar-gutter: stable; }
    PreviewPane > WrappedStatic { width: 1fr; padding: 0 1; }
    """

    def compose(self) -> ComposeResult:
        yield WrappedStatic(Text("正在准备预览……", style="dim"), id="preview-body")

    def show(self, preview: Preview) -> None:
        self.query_one("#preview-body", WrappedStatic).update(preview_text(preview))
