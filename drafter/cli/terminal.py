"""Nothing from a file reaches the terminal raw.

Catalogue, plan and document text can hold escape sequences (`\\e]0;…\\a` retitles the terminal,
`\\r\\e[2K` hides a sentence that is still in the Word output) and bidi overrides. While a command
runs, stdout and stderr are wrapped so every control and bidi character is shown visibly (␛,
\\u202e); only the few sequences click's own progress bar writes pass through unchanged.
The TUI draws through Textual, which writes to the real terminal, and is not wrapped.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TextIO

from drafter.model.chars import visible

# Exactly what click's progress bar writes around a bar line (click/_termui_impl.py).
_PREFIXES = ("\r\x1b[?25l", "\r")
_SUFFIXES = ("\x1b[?25h\n", "\x1b[?25h")


class VisibleStream:
    """A text stream that shows control characters instead of obeying them."""

    def __init__(self, inner: TextIO) -> None:
        self._inner = inner

    def write(self, text: str) -> int:
        if not isinstance(text, str):
            return self._inner.write(text)
        prefix = next((p for p in _PREFIXES if text.startswith(p)), "")
        body = text[len(prefix):]
        suffix = next((s for s in _SUFFIXES if body.endswith(s)), "")
        body = body[: len(body) - len(suffix)]
        self._inner.write(prefix + visible(body) + suffix)
        return len(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


@contextmanager
def terminal_guard() -> Iterator[None]:
    """Wrap stdout and stderr for the duration of a command; restore them afterwards."""
    old_out, old_err = sys.stdout, sys.stderr
    sys.stdout = VisibleStream(old_out)  # type: ignore[assignment]
    sys.stderr = VisibleStream(old_err)  # type: ignore[assignment]
    try:
        yield
    finally:
        sys.stdout, sys.stderr = old_out, old_err


def real_streams() -> None:
    """Unwrap (the TUI needs the terminal itself)."""
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        while isinstance(stream, VisibleStream):
            stream = stream._inner
        setattr(sys, name, stream)
