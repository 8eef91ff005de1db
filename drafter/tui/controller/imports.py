"""Documents into the TUI, in plain Python: a plan from last year's document, and a leader's
Word edits taken back into the plan.

Why: both read documents and the first writes the user's catalogue, which no other action
does. They call what `drafter import` calls (readers, `mine.import_document`, `plans.compare`)
and are run by the screen in threads; nothing here imports Textual.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from drafter.model import Catalogue, DrafterError, Plan

if TYPE_CHECKING:
    from drafter.plans import Update


@dataclass(frozen=True)
class Imported:
    """A document made into a plan; its clauses merged into the catalogue in `folder`."""

    source: Path
    plan: Plan
    catalogue: Catalogue
    folder: Path
    signature: str = ""  # what the 落款 prints and where its organ came from

    def notice(self) -> str:
        items = sum(len(c.items) for c in self.plan.chapters)
        return (f"已从 {self.source.name} 导入 {len(self.plan.chapters)} 章 {items} 条；"
                f"条目已并入目录 {self.folder}。{self.signature}。请按 Ctrl+S 保存计划。")


def import_target(catalog_dir: Path | None) -> Path:
    """The user's catalogue, or the catalogue folder the TUI was opened on (never the
    bundled one)."""
    from drafter.util.paths import bundled_catalog_dir, user_catalog_dir

    if catalog_dir is None or catalog_dir.resolve() == bundled_catalog_dir().resolve():
        return user_catalog_dir()
    return catalog_dir


def import_into_catalogue(path: Path, folder: Path) -> Imported:
    """Read and mine the document, merge its clauses into the catalogue in `folder` (swapped
    in whole, under the folder's lock, as `drafter import` does). DrafterError / OSError."""
    from drafter.catalog import (
        has_catalogue,
        load_catalogue,
        save_catalogue,
        seed_from_bundled,
        warm_catalogue,
    )
    from drafter.check import stale_flags
    from drafter.mine import import_document, mine_source, read_document
    from drafter.util.fs import folder_lock, recover_folder, replace_folder
    from drafter.util.paths import user_catalog_dir

    doc = mine_source(read_document(path))
    if not doc.items():
        raise DrafterError.one("文档中没有找到条目（一、二、… 章和 1. 2. … 条）", file=str(path))
    with folder_lock(folder, "导入"):
        recover_folder(folder)
        existing = load_catalogue(folder) if has_catalogue(folder) else None
        result = import_document(doc, existing=existing, flagger=stale_flags)
        # As `drafter import` does: never shadow a bundled clause's variants.
        seeded = (seed_from_bundled(existing, result.catalogue)
                  if folder == user_catalog_dir() else None)
        if seeded is not None:
            result = import_document(doc, existing=seeded, flagger=stale_flags)
        replace_folder(folder, lambda new: save_catalogue(
            result.catalogue, new, comments_from=folder, warm=False))
        warm_catalogue(result.catalogue, folder)  # the cache under the files' final paths
    return Imported(path, result.plan, result.catalogue, folder, result.signature_note())


def import_problem(path: Path, exc: DrafterError | OSError) -> str:
    if isinstance(exc, DrafterError):
        return str(exc)
    return f"无法读写 {exc.filename or path}：{exc.strerror}"


def compare_edits(plan: Plan, catalogue: Catalogue, path: Path) -> Update:
    """The changes in an edited copy of a document rendered from `plan` (its paragraphs
    carry drafter's item marks). DrafterError when the copy has none."""
    from drafter.mine import read_document
    from drafter.model.identity import is_identity
    from drafter.plans import compare
    from drafter.render import render_blocks

    blocks = render_blocks(plan, catalogue)
    source = read_document(path)
    if not any(is_identity(m) for m in source.marks.values()):
        raise DrafterError.one("这份文档中没有 drafter 的条目标记，无法与计划逐条对应",
                               file=str(path),
                               hint="请选择由本计划生成、再在 Word/WPS 中修改的 .docx")
    paragraphs = [(line, source.marks.get(i)) for i, line in enumerate(source.lines)]
    return compare(plan, catalogue, blocks, paragraphs)
