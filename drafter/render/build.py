"""The one entry point that turns a plan into a file: .docx, .md or .txt (and the task table).

The CLI and the TUI both call `build_document`. It refuses to overwrite without `force`,
renders everything before writing anything, and writes atomically. Layout belongs to the
writers (`text.py`, `docx_writer.py`, `tasks.py`); this module only chooses and wires them.
"""

from __future__ import annotations

from pathlib import Path

from drafter.model.blocks import Block
from drafter.model.catalogue import Catalogue
from drafter.model.errors import DrafterError
from drafter.model.plan import Plan
from drafter.render.blocks import render_blocks
from drafter.render.text import blocks_to_markdown, blocks_to_text
from drafter.util.fs import atomic_write_bytes, check_writable

FORMATS: tuple[str, ...] = ("docx", "md", "txt")


def format_for(out: Path, fmt: str | None) -> str:
    """The explicit format, else the output's suffix, else docx."""
    if fmt:
        if fmt not in FORMATS:
            raise DrafterError.one(f"不支持的输出格式“{fmt}”", hint="可选 docx、md、txt")
        return fmt
    suffix = Path(out).suffix.lower().lstrip(".")
    return suffix if suffix in FORMATS else "docx"


def reference_docx(plan: Plan) -> Path | None:
    """The user's reference .docx named in options, relative to the plan's folder."""
    name = plan.meta.options.reference
    if not name:
        return None
    path = Path(name).expanduser()
    if not path.is_absolute() and plan.path:
        path = Path(plan.path).parent / path
    if not path.is_file():
        raise DrafterError.one(f"找不到参考文档：{path}", file=plan.path,
                               where="meta.options.reference",
                               hint="请写 .docx 文件的路径（相对于计划文件所在文件夹）")
    return path


def _beside_plan(plan: Plan, name: str) -> str:
    """A profile given as a relative .yaml path is relative to the plan's folder."""
    path = Path(name)
    if name.endswith((".yaml", ".yml")) and not path.is_absolute() and plan.path:
        candidate = Path(plan.path).parent / path
        if candidate.is_file():
            return str(candidate)
    return name


def document_bytes(blocks: list[Block], plan: Plan, *, fmt: str, tasks: bool = False) -> bytes:
    """The output file's bytes for already-rendered blocks."""
    if tasks and fmt != "docx":
        raise DrafterError.one("任务分解表只能生成 .docx", hint="请去掉 --format 或改为 docx")
    if fmt == "md":
        return blocks_to_markdown(blocks).encode("utf-8")
    if fmt == "txt":
        return blocks_to_text(blocks).encode("utf-8")
    from drafter.render.docx_writer import docx_bytes
    from drafter.render.profile import load_profile

    options = plan.meta.options
    profile = load_profile(_beside_plan(plan, options.profile), dict(options.fonts) or None)
    if tasks:
        from drafter.render.tasks import tasks_docx_bytes

        return tasks_docx_bytes(blocks, profile=profile, meta=plan.meta)
    return docx_bytes(blocks, profile=profile, meta=plan.meta, reference=reference_docx(plan))


def build_document(plan: Plan, cat: Catalogue, out: Path, *, fmt: str | None = "docx",
                   force: bool = False, tasks: bool = False) -> Path:
    """Render `plan` and write it to `out`; nothing is written if anything is wrong."""
    out = Path(out)
    fmt = format_for(out, fmt)
    check_writable(out, force)
    blocks = render_blocks(plan, cat)
    data = document_bytes(blocks, plan, fmt=fmt, tasks=tasks)
    atomic_write_bytes(out, data, overwrite=force)  # existence re-checked at the rename
    return out
