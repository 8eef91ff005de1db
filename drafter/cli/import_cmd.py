"""`drafter import DOC -o PLAN.yaml` and `drafter import --update PLAN.yaml EDITED.docx`.

import: last year's document (any format the readers take) becomes an editable plan that
reproduces it, its clauses merged into a catalogue folder (--catalog, default the user's own
catalogue under the drafter home folder, never the bundled one). Nothing is written unless the
plan renders: the document's text must come back out.
--update: a leader's edited copy of a document drafter rendered is compared with the plan,
item by item (text, numbers, deletions, moves, new paragraphs); the changes are shown and,
on confirmation (--yes for scripts), written to the plan atomically, the old plan kept beside
it as a backup. Thin: the work is in drafter.mine.to_plan and drafter.plans.update.
"""

from __future__ import annotations

from pathlib import Path

import click

from drafter.model.errors import DrafterError
from drafter.model.formats import PLAN_SUFFIXES
from drafter.util.fs import check_writable
from drafter.util.paths import bundled_catalog_dir, user_catalog_dir


@click.command("import")
@click.argument("paths", nargs=-1, required=True, metavar="文件",
                type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="写出的计划文件（默认：当前目录下与文档同名的 .yaml）")
@click.option("--catalog", type=click.Path(path_type=Path),
              help="条目并入的目录文件夹（默认：drafter 主文件夹下您自己的目录，不会改动内置目录）")
@click.option("--update", is_flag=True,
              help="把改过的文档（如局长在 Word 中的修改）导回计划："
                   "drafter import --update 计划.yaml 改过的.docx")
@click.option("--yes", "-y", is_flag=True, help="不逐项确认，直接应用全部修改（用于脚本）")
@click.option("--force", is_flag=True, help="覆盖已存在的计划文件")
def import_cmd(paths: tuple[Path, ...], output: Path | None, catalog: Path | None,
               update: bool, yes: bool, force: bool) -> None:
    """从往年文件导入计划，或把改过的文档导回计划。

    \b
    支持 .docx .doc .wps .rtf .odt .pdf .html .txt .md（.doc/.wps/.rtf/.odt 需要 LibreOffice）。
    例：drafter import 2024年工作要点.docx -o 2024年计划.yaml
        drafter import --update 2025年计划.yaml 局长改过的.docx
    """
    if update:
        if len(paths) != 2 or paths[0].suffix.lower() not in PLAN_SUFFIXES:
            raise click.UsageError("用法：drafter import --update 计划.yaml 改过的文档.docx")
        from drafter.cli.update_cmd import run_update

        run_update(paths[0], paths[1], catalog=catalog, yes=yes)
        return
    if len(paths) != 1:
        raise click.UsageError("一次导入一份文档：drafter import 文档 -o 计划.yaml")
    source = paths[0]
    if source.suffix.lower() in PLAN_SUFFIXES:
        raise DrafterError.one(f"{source} 已经是计划文件，无需导入",
                               hint="用 drafter build 生成文档，或用 drafter tui 打开编辑")
    output = output or Path.cwd() / f"{source.stem}.yaml"
    run_import(source, output, catalog=catalog, force=force)


def target_catalog(catalog: Path | None) -> Path:
    """Where imported clauses go; never the bundled catalogue."""
    folder = Path(catalog) if catalog else user_catalog_dir()
    if folder.resolve() == bundled_catalog_dir().resolve():
        raise DrafterError.one("不能把条目导入 drafter 自带的目录",
                               hint="请用 --catalog 指定您自己的目录文件夹，或不加 --catalog")
    if folder.exists() and not folder.is_dir():
        raise DrafterError.one(f"目录位置已存在，但不是文件夹：{folder}",
                               hint="请用 --catalog 指定一个文件夹")
    return folder


def run_import(source: Path, output: Path, *, catalog: Path | None, force: bool) -> None:
    from drafter.catalog import (
        has_catalogue,
        load_catalogue,
        load_default_catalogue,
        overlay_catalogue,
        save_catalogue,
        seed_from_bundled,
        warm_catalogue,
    )
    from drafter.check import stale_flags
    from drafter.mine import import_document, mine_source, read_document
    from drafter.plans import plan_from_yaml, plan_to_yaml
    from drafter.render import render_blocks
    from drafter.util.fs import atomic_write_text, folder_lock, recover_folder, replace_folder

    check_writable(output, force)
    folder = target_catalog(catalog)
    doc = mine_source(read_document(source))
    if not doc.items():
        raise DrafterError.one("文档中没有找到条目（一、二、… 章和 1. 2. … 条）",
                               file=str(source), hint="请确认这是一份工作要点或计划；"
                               "可先用 drafter mine --json 查看解析结果")
    # The catalogue is merged and swapped in whole under a lock, as `mine -o` does (a crash
    # leaves the old catalogue as it was; hand-written comments are carried over).
    with folder_lock(folder, "导入"):
        recover_folder(folder)
        existing = load_catalogue(folder) if has_catalogue(folder) else None
        result = import_document(doc, existing=existing, flagger=stale_flags)
        # A clause the bundled catalogue also has is merged into a copy of it, so that the
        # user's copy does not take the bundled wording and variants away from other plans.
        seeded = None if catalog else seed_from_bundled(existing, result.catalogue)
        if seeded is not None:
            result = import_document(doc, existing=seeded, flagger=stale_flags)
        # The plan must render with the catalogue a later `build` will use, before anything
        # is written (the user's catalogue over the bundled one, or the named one alone).
        serialised = plan_to_yaml(result.plan)
        plan = plan_from_yaml(serialised, str(output))
        rendering = result.catalogue if catalog else overlay_catalogue(
            load_default_catalogue(), result.catalogue)
        render_blocks(plan, rendering)
        replace_folder(folder, lambda new: save_catalogue(result.catalogue, new,
                                                          comments_from=folder, warm=False))
        warm_catalogue(result.catalogue, folder)  # the cache under the files' final paths
    atomic_write_text(output, serialised)
    items = sum(len(c.items) for c in result.plan.chapters)
    click.echo(f"已导入：{source} → {output}")
    click.echo(f"  {len(result.plan.chapters)} 章，{items} 条；条目已并入目录 {folder}")
    if result.own_text:
        click.echo(f"  其中 {result.own_text} 条未能与目录条目对应，作为计划自己的文字保留。")
    click.echo(f"  {result.signature_note()}")
    click.echo(f"下一步：drafter build {output}（生成文档），drafter roll {output} --to "
               f"{result.plan.meta.year + 1}（滚动到下一年），或 drafter tui {output}。")
