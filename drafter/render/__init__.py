"""Rendering: plan × catalogue → blocks → .docx / .md / .txt, one entry point.

Public names, for cli, tui and other packages' callers (import-linter holds cli and tui to
them); each is imported from its module on first use, so importing the package costs nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from drafter.util.lazy import exports

if TYPE_CHECKING:
    from drafter.render.batch import BatchResult, Checker, plan_jobs, render_batch
    from drafter.render.blocks import preview_blocks, render_blocks
    from drafter.render.build import FORMATS, build_document, format_for
    from drafter.render.profile import load_profile
    from drafter.render.text import blocks_to_markdown, blocks_to_text

__all__ = [
    "FORMATS",
    "BatchResult",
    "Checker",
    "blocks_to_markdown",
    "blocks_to_text",
    "build_document",
    "format_for",
    "load_profile",
    "plan_jobs",
    "preview_blocks",
    "render_batch",
    "render_blocks",
]
__getattr__ = exports(__name__, {
    "FORMATS": "build",
    "build_document": "build",
    "format_for": "build",
    "preview_blocks": "blocks",
    "render_blocks": "blocks",
    "blocks_to_markdown": "text",
    "blocks_to_text": "text",
    "BatchResult": "batch",
    "Checker": "batch",
    "plan_jobs": "batch",
    "render_batch": "batch",
    "load_profile": "profile",
})
