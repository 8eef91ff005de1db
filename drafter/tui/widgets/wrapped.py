"""A Static that breaks Chinese lines by the rules (避头尾) at its own width.

Why: Textual wraps CJK text at any character; the preview and the detail pane must look like
the document (issue 13.10). The widget keeps the text it was given and re-breaks it with
`drafter.tui.linebreak` whenever its width changes. Display only.
"""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.visual import VisualType
from textual.widgets import Static

from drafter.tui.linebreak import wrap_text


class WrappedStatic(Static):
    """`Static` for Rich Text, broken into lines by the Chinese rules at its content width."""

    def __init__(self, content: VisualType = "", **kwargs: object) -> None:
        super().__init__(content, **kwargs)  # type: ignore[arg-type]
        self._source: VisualType = content

    @property
    def source(self) -> VisualType:
        """What was given (before line breaks were inserted)."""
        return self._source

    def update(self, content: VisualType = "", *, layout: bool = True) -> None:
        self._source = content
        super().update(self._wrapped(), layout=layout)

    def _wrapped(self) -> VisualType:
        width = self.content_size.width
        if not isinstance(self._source, Text) or width <= 0:
            return self._source
        return wrap_text(self._source, width)

    def on_resize(self, event: events.Resize) -> None:
        super().update(self._wrapped())
