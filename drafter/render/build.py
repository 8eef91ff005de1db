"""The one entry point that turns a plan into a file: .docx, .pdf, .md or .txt, the task table
(.docx/.pdf/.xlsx) or the whole issued notice (`notice=True`).

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
from drafter.render.profile import Profile
from drafter.render.text import blocks_to_markdown, blocks_to_text
from drafter.util.fs import atomic_write_bytes, check_writable
from drafter.util.safezip import check_package

FORMATS: tuple[str, ...] = ("docx", "pdf", "md", "txt", "xlsx")
_KINDS = {"plan": ("docx", "pdf", "md", "txt"), "tasks": ("docx", "pdf", "xlsx"),
          "notice": ("docx", "pdf")}
_KIND_NAMES = {"plan": "要点正文", "tasks": "任务分解表", "notice": "印发通知"}


def format_for(out: Path, fmt: str | None, kind: str = "plan") -> str:
    """The explicit format, else the output's suffix, else docx; a suffix that names another
    format than the one asked for is refused (a Word file must not be called .pdf)."""
    if fmt and fmt not in FORMATS:
        raise DrafterError.one(f"不支持的输出格式“{fmt}”", hint=f"可选 {'、'.join(FORMATS)}")
    suffix = Path(out).suffix.lower().lstrip(".")
    if suffix and not fmt and suffix not in FORMATS:
        raise DrafterError.one(f"不支持的输出文件扩展名“.{suffix}”：{out}",
                               hint=f"可选 {'、'.join('.' + f for f in _KINDS[kind])}")
    chosen = fmt or (suffix if suffix else "docx")
    if suffix and suffix != chosen:
        raise DrafterError.one(
            f"输出文件扩展名“.{suffix}”与输出格式 {chosen} 不符：{out}",
            hint=f"请把文件名改为 .{chosen} 结尾，或去掉 --format 按扩展名选择格式"
            + ("" if suffix in FORMATS else f"（可选 {'、'.join(FORMATS)}）"))
    allowed = _KINDS[kind]
    if chosen not in allowed:
        raise DrafterError.one(f"{_KIND_NAMES[kind]}不能生成 {chosen} 格式",
                               hint=f"可选 {'、'.join(allowed)}")
    return chosen


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
    # Vetted before python-docx opens it: a zip bomb or an XML bomb is refused, not parsed.
    check_package(path, what="参考文档（.docx）")
    return path


def _beside_plan(plan: Plan, name: str) -> str:
    """A profile given as a relative .yaml path is relative to the plan's folder."""
    path = Path(name)
    if name.endswith((".yaml", ".yml")) and not path.is_absolute() and plan.path:
        candidate = Path(plan.path).parent / path
        if candidate.is_file():
            return str(candidate)
    return name


def document_bytes(blocks: list[Block], plan: Plan, *, fmt: str, tasks: bool = False,
                   notice: bool = False) -> bytes:
    """The output file's bytes for already-rendered blocks."""
    kind = "notice" if notice else "tasks" if tasks else "plan"
    if fmt not in _KINDS[kind]:
        raise DrafterError.one(f"{_KIND_NAMES[kind]}不能生成 {fmt} 格式",
                               hint=f"可选 {'、'.join(_KINDS[kind])}")
    if fmt == "md":
        return blocks_to_markdown(blocks).encode("utf-8")
    if fmt == "txt":
        return blocks_to_text(blocks).encode("utf-8")
    from drafter.render.profile import load_profile

    options = plan.meta.options
    profile = load_profile(_beside_plan(plan, options.profile), dict(options.fonts) or None)
    if fmt == "xlsx":
        from drafter.render.tasks_xlsx import tasks_xlsx_bytes

        return tasks_xlsx_bytes(blocks, profile=profile)
    if notice:
        return _notice_bytes(blocks, plan, profile, pdf=fmt == "pdf")
    if tasks:
        from drafter.render.tasks import tasks_docx_bytes

        data = tasks_docx_bytes(blocks, profile=profile, meta=plan.meta)
    else:
        from drafter.render.docx_writer import docx_bytes

        data = docx_bytes(blocks, profile=profile, meta=plan.meta,
                          reference=reference_docx(plan))
    if fmt == "pdf":
        from drafter.render.pdf import docx_to_pdf

        return docx_to_pdf(data)
    return data


def _notice_bytes(blocks: list[Block], plan: Plan, profile: Profile, *, pdf: bool) -> bytes:
    """The notice; where LibreOffice is at hand it lays the document out once, and a blank
    page goes in when the 版记 would otherwise land on an odd page (Word and WPS do the same
    from the section's evenPage start)."""
    from drafter.render.notice import notice_text
    from drafter.render.notice_docx import notice_docx_bytes
    from drafter.render.pdf import docx_to_pdf, have_soffice, page_count

    text = notice_text(plan, blocks)
    data = notice_docx_bytes(text, blocks, profile=profile, meta=plan.meta)
    if not (pdf or have_soffice()):
        return data
    rendered = docx_to_pdf(data)
    if page_count(rendered) % 2 == 1:
        data = notice_docx_bytes(text, blocks, profile=profile, meta=plan.meta, blank_page=True)
        rendered = docx_to_pdf(data) if pdf else rendered
    return rendered if pdf else data


def build_document(plan: Plan, cat: Catalogue, out: Path, *, fmt: str | None = "docx",
                   force: bool = False, tasks: bool = False, notice: bool = False,
                   blocks: list[Block] | None = None) -> Path:
    """Render `plan` and write it to `out`; nothing is written if anything is wrong."""
    out = Path(out)
    fmt = format_for(out, fmt, "notice" if notice else "tasks" if tasks else "plan")
    check_writable(out, force)
    if blocks is None:
        blocks = render_blocks(plan, cat)
    data = document_bytes(blocks, plan, fmt=fmt, tasks=tasks, notice=notice)
    atomic_write_bytes(out, data, overwrite=force)  # existence re-checked at the rename
    return out
