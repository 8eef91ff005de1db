"""`drafter import --update PLAN.yaml EDITED.docx`: take a leader's Word edits back into the plan.

Reads the edited copy (tracked changes accepted), compares it with the plan as rendered,
prints every change per entry, asks once (or --yes), keeps the old plan as `<plan>.bak.yaml`
beside it, and writes the new plan atomically. Nothing is written when nothing changed, when
the user says no, or when the updated plan would not render.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import click

from drafter.model.errors import DrafterError
from drafter.model.identity import is_identity


def backup_path(plan_file: Path) -> Path:
    return plan_file.with_name(f"{plan_file.stem}.bak{plan_file.suffix}")


def run_update(plan_file: Path, edited: Path, *, catalog: Path | None, yes: bool) -> None:
    from drafter.cli.build_cmd import load_catalogue_dir
    from drafter.mine import read_document
    from drafter.plans import KIND_LABELS, apply, compare, load_plan, plan_to_yaml
    from drafter.render import render_blocks
    from drafter.util.fs import atomic_write_text

    plan = load_plan(plan_file)
    cat = load_catalogue_dir(catalog)
    blocks = render_blocks(plan, cat)
    source = read_document(edited)
    if not any(is_identity(name) for name in source.marks.values()):
        raise DrafterError.one(
            "这份文档中没有 drafter 的条目标记，无法与计划逐条对应", file=str(edited),
            hint="请使用由 drafter build 生成、再在 Word/WPS 中修改的 .docx；"
                 "其他文档请用 drafter import 导入为新计划")
    paragraphs = [(line, source.marks.get(i)) for i, line in enumerate(source.lines)]
    update = compare(plan, cat, blocks, paragraphs)
    if not update.changes:
        click.echo(f"{edited} 与计划 {plan_file} 一致，没有需要导入的修改。")
        return
    click.echo(f"{edited} 相对于 {plan_file} 的修改：")
    for change in update.changes:
        click.echo(f"  [{KIND_LABELS[change.kind]}] {change.where}：{change.detail}")
    for text in update.skipped:
        click.echo(f"  [未导入] 不在任何一章中的段落：{text[:40]}")
    counts = "，".join(f"{KIND_LABELS[k]} {n} 处" for k, n in update.counts().items())
    click.echo(f"共 {counts}。")
    if not yes and not click.confirm("把以上修改写入计划？", default=False):
        click.echo("未作修改。")
        return
    updated = apply(plan, cat, update)
    render_blocks(updated, cat)  # the updated plan must render before it replaces the old one
    backup = backup_path(plan_file)
    shutil.copy2(plan_file, backup)
    atomic_write_text(plan_file, plan_to_yaml(updated))
    click.echo(f"已更新：{plan_file}（原计划另存为 {backup}）")
