"""`drafter compare`: 对标 against a superior's plan, last year's plan, counties side by side.

Thin wiring: a plan file (.yaml) is rendered leniently (gaps show as 【待填】) and its items
compared as the document will read; any other file goes through the miner's reader (the same
reader interface `mine` and `check` use, so every format it takes works here). The comparisons
themselves live in drafter.compare.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import click

from drafter.compare import Entry, entries_from_blocks, entries_from_document
from drafter.model.catalogue import Catalogue
from drafter.model.errors import DrafterError
from drafter.util.fs import atomic_write_bytes, atomic_write_text, check_writable

PLAN_SUFFIXES = (".yaml", ".yml")
_FORMATS = {".xlsx": "xlsx", ".md": "md", ".json": "json", ".txt": "text"}


@dataclass
class Loaded:
    name: str
    entries: list[Entry]
    year: int | None


class _Catalogue:
    """Load the catalogue once, only when a plan file needs it."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._cat: Catalogue | None = None

    def get(self) -> Catalogue:
        if self._cat is None:
            from drafter.cli.check_cmd import _load_catalogue

            self._cat = _load_catalogue(self.path)
        return self._cat


def _load_plan_entries(path: Path, cats: _Catalogue) -> Loaded:
    from drafter.plans import load_plan
    from drafter.render import preview_blocks

    plan = load_plan(path)
    blocks, _ = preview_blocks(plan, cats.get())
    return Loaded(plan.meta.region or path.stem, entries_from_blocks(blocks), plan.meta.year)


def load_entries(path: Path, cats: _Catalogue) -> Loaded:
    """Items of a plan file or of any document the reader takes."""
    if not path.exists():
        raise DrafterError.one("找不到该文件", file=str(path), hint="请检查路径是否正确")
    if path.suffix.lower() in PLAN_SUFFIXES:
        return _load_plan_entries(path, cats)
    from drafter.mine import mine_file

    doc = mine_file(path)
    entries = entries_from_document(doc)
    if not entries:
        raise DrafterError.one("没有从该文件中找到任何条目", file=str(path),
                               hint="请确认这是一份工作要点或计划（有“一、”“1.”等编号的条目）")
    return Loaded(doc.region or path.stem, entries, doc.year)


def _format(fmt: str | None, output: Path | None) -> str:
    if fmt:
        return fmt
    if output is not None:
        return _FORMATS.get(output.suffix.lower(), "text")
    return "text"


def _emit(fmt: str, output: Path | None, force: bool, text: str | None, data: bytes | None
          ) -> None:
    if output is None:
        if fmt == "xlsx":
            raise DrafterError.one("输出 .xlsx 时请用 -o 指定文件名", hint="例如 -o 对标表.xlsx")
        click.echo(text, nl=False)
        return
    check_writable(output, force)
    if data is not None:
        atomic_write_bytes(output, data)
    else:
        atomic_write_text(output, text or "")
    click.echo(f"已写出：{output}", err=True)


def _styled(fmt: str, output: Path | None) -> bool:
    """Colours only on a terminal; elsewhere matching words are marked 【so】."""
    return fmt == "text" and output is None and sys.stdout.isatty()


@click.command("compare")
@click.argument("plans", metavar="PLAN.yaml…", nargs=-1, type=click.Path(path_type=Path))
@click.option("--against", "against", multiple=True, type=click.Path(path_type=Path),
              help="上级的工作要点（.docx/.txt/.md 等，或计划文件 .yaml），可写多次")
@click.option("--last-year", "last_year", type=click.Path(path_type=Path),
              help="去年的计划（.yaml 或 .docx 等文档），列出增删改、数字变化和已过时限")
@click.option("--batch", "batch_file", type=click.Path(path_type=Path),
              help="批量文件：基础计划和各县（区）逐条、逐个数字对比")
@click.option("--format", "fmt", type=click.Choice(["text", "md", "json", "xlsx"]),
              help="输出格式（默认按 -o 的扩展名，否则在终端显示）")
@click.option("-o", "--output", type=click.Path(path_type=Path), help="输出文件")
@click.option("--force", is_flag=True, help="覆盖已存在的输出文件")
@click.option("--catalog", type=click.Path(path_type=Path),
              help="条目目录文件夹（计划文件使用，默认使用自带目录）")
def compare_cmd(plans: Sequence[Path], against: Sequence[Path], last_year: Path | None,
                batch_file: Path | None, fmt: str | None, output: Path | None, force: bool,
                catalog: Path | None) -> None:
    """对标对表：与上级要点逐条对照（--against）、与去年比较（--last-year）、
    各县对比（--batch 或多个计划）。"""
    modes = sum(bool(x) for x in (against, last_year, batch_file))
    if modes > 1:
        raise DrafterError.one("--against、--last-year、--batch 每次只能用一个",
                               hint="请分开运行")
    fmt = _format(fmt, output)
    cats = _Catalogue(catalog)
    if against or last_year:
        if len(plans) != 1:
            raise DrafterError.one("请给出一个本级计划文件",
                                   hint="例如：drafter compare 计划.yaml --against 上级.docx")
        if against:
            _against(plans[0], against, cats, fmt, output, force)
        else:
            assert last_year is not None
            _last_year(plans[0], last_year, cats, fmt, output, force)
        return
    if batch_file is None and len(plans) < 2:
        raise DrafterError.one("请说明要比较什么",
                               hint="--against 上级要点、--last-year 去年计划、--batch 批量文件，"
                                    "或给出两个以上计划文件")
    _counties(plans, batch_file, cats, fmt, output, force)


def _against(plan: Path, against: Sequence[Path], cats: _Catalogue, fmt: str,
             output: Path | None, force: bool) -> None:
    from drafter.compare import (
        align,
        alignment_json,
        alignment_markdown,
        alignment_text,
        alignment_xlsx,
    )

    mine = load_entries(plan, cats)
    superior: list[Entry] = []
    for path in against:
        loaded = load_entries(path, cats)
        prefix = f"{path.stem}：" if len(against) > 1 else ""
        superior += [Entry(prefix + e.ref, e.chapter, e.lead, e.body, e.clause, e.deadline, e.line)
                     for e in loaded.entries]
    title = f"{plan.name} 对照 {'、'.join(p.name for p in against)}"
    al = align(superior, mine.entries, source=title)
    if fmt == "xlsx":
        _emit(fmt, output, force, None, alignment_xlsx(al))
    elif fmt == "json":
        _emit(fmt, output, force, alignment_json(al, title=title) + "\n", None)
    elif fmt == "md":
        _emit(fmt, output, force, alignment_markdown(al, title=title), None)
    else:
        mark = (lambda w: click.style(w, fg="yellow", bold=True)) if _styled(fmt, output) else (
            lambda w: f"【{w}】")
        _emit(fmt, output, force, alignment_text(al, mark=mark, title=title) + "\n", None)


def _last_year(plan: Path, old_path: Path, cats: _Catalogue, fmt: str, output: Path | None,
               force: bool) -> None:
    from drafter.compare import diff_years, year_json, year_markdown, year_text, year_xlsx

    new, old = load_entries(plan, cats), load_entries(old_path, cats)
    diff = diff_years(old.entries, new.entries, new_year=new.year, old_year=old.year)
    title = f"{plan.name} 对照 {old_path.name}"
    if fmt == "xlsx":
        _emit(fmt, output, force, None, year_xlsx(diff))
    elif fmt == "json":
        _emit(fmt, output, force, year_json(diff, title=title) + "\n", None)
    elif fmt == "md":
        _emit(fmt, output, force, year_markdown(diff, title=title), None)
    elif _styled(fmt, output):
        text = year_text(diff, title=title,
                                mark_del=lambda w: click.style(w, fg="red"),
                                mark_add=lambda w: click.style(w, fg="green"),
                                mark_warn=lambda w: click.style(w, fg="yellow", bold=True))
        _emit(fmt, output, force, text, None)
    else:
        _emit(fmt, output, force, year_text(diff, title=title), None)


def _counties(plans: Sequence[Path], batch_file: Path | None, cats: _Catalogue, fmt: str,
              output: Path | None, force: bool) -> None:
    from drafter.compare import (
        county_matrix,
        matrix_json,
        matrix_markdown,
        matrix_text,
        matrix_xlsx,
    )

    named: list[tuple[str, list[Entry]]] = []
    regions: list[str | None] = []
    title = ""
    if batch_file is not None:
        for name, region, entries in _batch_entries(batch_file, cats):
            named.append((name, entries))
            regions.append(region)
        title = batch_file.name
    for path in plans:
        loaded = load_entries(path, cats)
        named.append((_unique(loaded.name, [n for n, _ in named]), loaded.entries))
        regions.append(loaded.name)
    title = title or "、".join(p.name for p in plans)
    from drafter.util.level_terms import load_level_terms

    levels = load_level_terms(cats.path)
    matrix = county_matrix(named, regions, [tuple(r.forms.values()) for r in levels.rows])
    if fmt == "xlsx":
        _emit(fmt, output, force, None, matrix_xlsx(matrix))
    elif fmt == "json":
        _emit(fmt, output, force, matrix_json(matrix, title=title) + "\n", None)
    elif fmt == "md":
        _emit(fmt, output, force, matrix_markdown(matrix, title=title), None)
    else:
        _emit(fmt, output, force, matrix_text(matrix, title=title), None)


def _unique(name: str, taken: list[str]) -> str:
    candidate, n = name, 2
    while candidate in taken:
        candidate, n = f"{name}（{n}）", n + 1
    return candidate


def _batch_entries(batch_file: Path, cats: _Catalogue
                   ) -> list[tuple[str, str | None, list[Entry]]]:
    """(column name, region, items) of the base plan and of every county."""
    from drafter.plans import apply_variant, load_batch
    from drafter.render import preview_blocks

    batch = load_batch(batch_file)
    cat = cats.get()
    base_blocks, _ = preview_blocks(batch.base, cat)
    base_region = batch.base.meta.region or None
    out = [(f"{base_region or '基础计划'}（基础）", base_region, entries_from_blocks(base_blocks))]
    for variant in batch.variants:
        plan = apply_variant(batch.base, variant, str(batch_file))
        blocks, _ = preview_blocks(plan, cat)
        name = _unique(variant.name, [n for n, _, _ in out])
        out.append((name, plan.meta.region or None, entries_from_blocks(blocks)))
    return out
