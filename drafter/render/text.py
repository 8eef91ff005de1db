"""Blocks → Markdown and plain text: the .md/.txt outputs and the TUI preview.

The same blocks feed the .docx writer, so the preview cannot drift from the document.
Layout only: no rendering, no values, no files.
"""

from __future__ import annotations

import re

from drafter.model.blocks import Block

INDENT = "\u3000\u3000"  # two full-width spaces: the first-line indent of Chinese body text
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")
_MD_LINE_START = re.compile(r"^([#>+\-=]|\d+\.)")


def _md(text: str) -> str:
    """Escape what Markdown would interpret inside a line, so values appear literally."""
    return _MD_SPECIAL.sub(r"\\\1", text)


def _md_para(text: str) -> str:
    """A paragraph that starts with text: also escape list/heading markers at its start."""
    return _MD_LINE_START.sub(r"\\\1", _md(text))


def blocks_to_markdown(blocks: list[Block]) -> str:
    """Title as `#`, chapters `##`, sections `###`, items as paragraphs with a bold lead."""
    out: list[str] = []
    for block in blocks:
        text = _md(block.text)
        if block.role == "title":
            out.append(f"# {text}")
        elif block.role == "chapter":
            out.append(f"## {_md(block.marker)}{text}")
        elif block.role == "section":
            out.append(f"### {_md(block.marker)}{text}")
        elif block.role == "item":
            lead = f"**{_md(block.lead)}**" if block.lead else ""
            out.append(f"{_md(block.marker)}{lead}{text}" if block.marker or lead
                       else _md_para(block.text))
        elif block.role in ("signature", "date"):
            out.append(f'<p align="right">{text}</p>')
        elif block.role == "caption":
            out.append(f'<p align="center">{text}</p>')
        else:
            out.append(_md_para(block.marker + block.text))
    return "\n\n".join(out) + "\n"


def blocks_to_text(blocks: list[Block]) -> str:
    """Plain text for pasting: one paragraph per line, body paragraphs indented two spaces."""
    out: list[str] = []
    for i, block in enumerate(blocks):
        if block.role in ("title", "caption", "signature", "date"):
            out.append(block.plain)
        else:
            out.append(f"{INDENT}{block.plain}")
        following = blocks[i + 1].role if i + 1 < len(blocks) else None
        if block.role in ("title", "caption") and following not in ("title", "caption"):
            out.append("")  # a blank line between the heading group and the body
    return "\n".join(out) + "\n"
