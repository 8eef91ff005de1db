"""`drafter build|batch|new`: render a plan, render a batch of county variants, start a plan.

Thin: parse arguments, call plans/render, print. Default outputs:
- build: `<plan file name>.<format>` in the current directory, or in the folder `-o` names
  (`--tasks`: `<name>-任务分解表.docx`);
- batch: the folder `<batch file name>-out/` in the current directory;
Existing files are never overwritten without --force.
"""

from __future__ import annotations

import datetime as _dt
import os
import signal
import sys
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

import click

from drafter.model.catalogue import Catalogue
from drafter.model.errors import DrafterError, Problem
from drafter.model.plan import Plan, next_plan_year
from drafter.model.resolve import ResolvedPlan, resolve
from drafter.model.value_problems import pending_summary, unconfirmed_problems, unused_values
from drafter.model.years import YEAR_MAX, YEAR_MIN
from drafter.plans import load_plan, plan_to_yaml, starter_plan
from drafter.render import FORMATS, build_document, format_for, render_blocks
from drafter.util.fs import atomic_write_text, check_writable, folder_lock, remove_stale_temps

if TYPE_CHECKING:  # batch-only: imported inside batch_cmd, so `build` starts without a pool
    from drafter.plans import Batch
    from drafter.render import BatchResult, Checker

_CATALOG_HELP = "条目目录文件夹（默认使用自带目录）"


def load_catalogue_dir(catalog: Path | None) -> Catalogue:
    from drafter.catalog import open_catalogue

    return open_catalogue(catalog)


@click.command("build")
@click.argument("plan_file", metavar="PLAN.yaml", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="输出文件或文件夹（默认：当前目录下与计划文件同名）")
@click.option("--format", "fmt", type=click.Choice(list(FORMATS)),
              help="输出格式：docx、pdf、md、txt、xlsx（默认按输出文件扩展名，否则 docx）")
@click.option("--tasks", is_flag=True, help="生成重点任务分解表（.docx / .pdf / .xlsx）")
@click.option("--notice", is_flag=True,
              help="生成印发通知（版头、附件1要点、附件2任务分解表、版记），.docx 或 .pdf")
@click.option("--strict", is_flag=True,
              help="严格模式：检查发现错误，或文档中有待核实的参数值（去年的、目录默认的）时不生成")
@click.option("--force", is_flag=True, help="覆盖已存在的输出文件")
@click.option("--catalog", type=click.Path(path_type=Path), help=_CATALOG_HELP)
def build_cmd(plan_file: Path, output: Path | None, fmt: str | None, tasks: bool,
              notice: bool, strict: bool, force: bool, catalog: Path | None) -> None:
    """按计划文件生成文档（Word / PDF / Markdown / 纯文本 / Excel 任务表）。"""
    if tasks and notice:
        raise DrafterError.one("--tasks 与 --notice 不能同时使用",
                               hint="印发通知已含任务分解表（附件2）")
    plan = load_plan(plan_file)
    kind = "notice" if notice else "tasks" if tasks else "plan"
    if output is None or output.is_dir():
        suffix = {"tasks": "-任务分解表", "notice": "-印发通知"}.get(kind, "")
        output = (output or Path.cwd()) / f"{plan_file.stem}{suffix}.{fmt or 'docx'}"
    fmt = format_for(output, fmt, kind)
    check_writable(output, force)  # before the (slower) catalogue load
    cat = load_catalogue_dir(catalog)
    resolved = resolve(plan, cat)
    pending = unconfirmed_problems(resolved)
    blocks = render_blocks(plan, cat)
    from drafter.cli.build_checks import blocking_reasons  # the check engine: build only

    notes, reasons = blocking_reasons(plan, cat, blocks, plan_file=str(plan_file))
    for note in notes:
        click.echo(f"{'错误' if strict else '提示'}：{note}", err=True)
    if strict and (reasons or pending):  # one flag: check errors and unconfirmed values
        refusal = [Problem(
            f"文档中有 {len(pending)} 个参数值待核实，严格模式（--strict）不生成文档",
            file=plan.path, hint="逐项确认或改填后再生成；下面列出每一项"), *pending
        ] if pending else []
        if reasons:
            refusal.append(Problem("按 --strict 要求，未生成文件", hint="请先改正上述问题"))
        raise DrafterError(refusal)
    written = build_document(plan, cat, output, fmt=fmt, force=force, tasks=tasks,
                             notice=notice, blocks=blocks)
    click.echo(f"已生成：{written}")
    if pending:
        click.echo(f"注意：文档中有 {len(pending)} 个参数值待核实"
                   f"（{pending_summary(resolved.unconfirmed())}），"
                   "印发前请逐项确认：", err=True)
        for problem in pending:
            click.echo(f"  待核实：{problem}", err=True)
    for problem in unused_values(resolved):
        click.echo(f"提示：{problem}", err=True)


@click.command("batch")
@click.argument("batch_file", metavar="BATCH.yaml", type=click.Path(path_type=Path))
@click.option("-o", "--outdir", type=click.Path(path_type=Path, file_okay=False),
              help="输出文件夹（默认：当前目录下的 <批量文件名>-out）")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="并行进程数（默认：CPU 核数）")
@click.option("--force", is_flag=True, help="覆盖已存在的输出文件")
@click.option("--strict", is_flag=True,
              help="严格模式：检查中的警告也算作失败；有待核实的参数值（沿用基础计划而未列入 "
                   "shared 的、目录默认的、去年的）的县（区）不生成")
@click.option("--catalog", type=click.Path(path_type=Path), help=_CATALOG_HELP)
def batch_cmd(batch_file: Path, outdir: Path | None, jobs: int | None, force: bool,
              strict: bool, catalog: Path | None) -> None:
    """批量生成：一个基础计划，按各县（区）的名称和数字生成多份文档。"""
    from drafter.plans import load_batch
    from drafter.render import plan_jobs, render_batch

    batch = load_batch(batch_file)
    cat = load_catalogue_dir(catalog)
    outdir = outdir or Path.cwd() / f"{batch_file.stem}-out"
    variant_plans = _variant_plans(batch, cat)
    _hint_unused(variant_plans, cat)
    sources = {name: resolve(plan, cat) for name, plan, _ in variant_plans if plan is not None}
    if strict:
        variant_plans = [(name, plan, problems + [
            f"{p}" for p in unconfirmed_problems(sources[name])] if plan is not None else problems)
            for name, plan, problems in variant_plans]
    # SIGTERM stops the workers, never leaves them sleeping; the old handler comes back after
    previous = signal.signal(signal.SIGTERM, _interrupted)
    try:
        outdir.mkdir(parents=True, exist_ok=True)
        with folder_lock(outdir):  # a second batch into the same folder refuses
            remove_stale_temps(outdir)
            job_list = plan_jobs(variant_plans, batch.output, outdir, batch.format, force)
            with click.progressbar(length=len(job_list), label="生成中", file=sys.stderr,
                                   show_pos=True) as bar:
                def advance(_: BatchResult) -> None:
                    bar.update(1)

                try:
                    results = render_batch(job_list, cat, fmt=batch.format, workers=jobs,
                                           checker=batch_checker(), on_done=advance,
                                           strict=strict)
                except KeyboardInterrupt:  # Ctrl+C or SIGTERM: workers are already killed;
                    _leave_now()  # leave before the pool's exit hooks print tracebacks
    finally:
        signal.signal(signal.SIGTERM, previous)
    failed = _report(results, strict, {n: value_sources(r) for n, r in sources.items()})
    if failed:
        sys.exit(1)


def value_sources(resolved: ResolvedPlan) -> str:
    """Where a county's figures came from: "自填 12，沿用 3，目录默认 2" (each value once)."""
    seen: dict[tuple[object, ...], str] = {}
    for use in resolved.uses:
        if use.part == "global" or use.origin == "missing":
            continue
        key: tuple[object, ...] = (use.name,) if use.origin == "plan" else (
            use.name, use.part, use.chapter, use.index)
        seen.setdefault(key, use.provenance)
    words = (("typed", "自填"), ("confirmed", "自填"), ("inherited", "沿用"),
             ("default", "目录默认"), ("last_year", "去年"))
    counts: dict[str, int] = {}
    for provenance in seen.values():
        word = dict(words)[provenance]
        counts[word] = counts.get(word, 0) + 1
    return "，".join(f"{w} {counts.get(w, 0)}" for w in ("自填", "沿用", "目录默认", "去年")
                    if w in counts or w != "去年")


def _interrupted(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _leave_now() -> None:
    """Exit 130 at once (the OS drops the folder lock; a stray temp file is removed next run)."""
    click.echo("\n已中断：未完成的文件没有写出，已写出的文件完整。", err=True)
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(130)


def batch_checker() -> Checker | None:
    """The per-variant checks of `drafter check`, as a picklable `(blocks, plan) -> findings`."""
    from drafter.check import batch_findings

    return batch_findings


def _variant_plans(batch: Batch, cat: Catalogue) -> list[tuple[str, Plan | None, list[str]]]:
    """Each county's plan, or every problem it has (all kinds at once, issue 13.16)."""
    from drafter.cli.batch_problems import variant_problems

    out: list[tuple[str, Plan | None, list[str]]] = []
    for variant in batch.variants:
        plan, problems = variant_problems(batch, variant, cat)
        out.append((variant.name, plan, [str(p) for p in problems]))
    return out


def _hint_unused(variant_plans: list[tuple[str, Plan | None, list[str]]],
                 cat: Catalogue) -> None:
    """Values no text uses, once each (the base plan's would otherwise repeat per variant)."""
    seen: set[str] = set()
    for name, plan, _ in variant_plans:
        for problem in unused_values(resolve(plan, cat)) if plan is not None else []:
            key = f"{problem.message}{problem.line}"
            if key not in seen:
                seen.add(key)
                click.echo(f"提示：变体“{name}”：{problem}", err=True)


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - _width(text))


def _report(results: list[BatchResult], strict: bool, sources: dict[str, str]) -> int:
    """Problems on stderr (named by variant), then a summary table on stdout; failures count."""
    failed = 0
    rows: list[tuple[str, str, str, str, str]] = []
    for r in results:
        errors = [m for s, m in r.findings if s == "错误" or (strict and s == "警告")]
        warnings = [m for s, m in r.findings if s == "警告" and not strict]
        ok = r.ok and not errors
        failed += not ok
        for message in r.problems + errors:
            click.echo(f"错误：变体“{r.name}”：{message}", err=True)
        for message in warnings:
            click.echo(f"警告：变体“{r.name}”：{message}", err=True)
        status = "成功" if ok else "失败"
        note = f"{r.items} 条" if r.ok else f"{len(r.problems) + len(errors)} 个问题"
        if r.ok:
            hints = sum(s == "提示" for s, _ in r.findings)
            note += f"；检查：错误 {len(errors)}，警告 {len(warnings)}，提示 {hints}"
        rows.append((r.name, status, r.out.name if r.out and r.ok else "—",
                     sources.get(r.name, "—"), note))
    header = ("变体", "状态", "文件", "参数来源", "说明")
    widths = [max(_width(row[i]) for row in [header, *rows]) for i in range(5)]
    for row in [header, *rows]:
        click.echo("  ".join(_pad(cell, widths[i]) for i, cell in enumerate(row)).rstrip())
    click.echo(f"共 {len(results)} 份：成功 {len(results) - failed} 份，失败 {failed} 份。")
    return failed


@click.command("new")
@click.argument("plan_file", metavar="PLAN.yaml", type=click.Path(path_type=Path), required=False)
@click.option("-o", "--output", "output", type=click.Path(path_type=Path),
              help="计划文件路径（也可直接写在命令后）")
@click.option("--region", default="", help="地区，如“安顺市”")
@click.option("--year", type=click.IntRange(YEAR_MIN, YEAR_MAX), default=None,
              help="计划年份（默认：明年）")
@click.option("--organ", default="", help="发文机关（默认：<地区>教育局）")
@click.option("--force", is_flag=True, help="覆盖已存在的文件")
@click.option("--catalog", type=click.Path(path_type=Path), help=_CATALOG_HELP)
def new_cmd(plan_file: Path | None, output: Path | None, region: str, year: int | None,
            organ: str, force: bool, catalog: Path | None) -> None:
    """新建计划文件：从目录中每章选取一两个条目作为起点。"""
    if plan_file is not None and output is not None and plan_file != output:
        raise click.UsageError("计划文件路径只需给一次：写在命令后，或用 -o 指定。")
    plan_file = plan_file or output
    if plan_file is None:
        raise click.UsageError("请给出计划文件路径，如 drafter new 计划.yaml 或 -o 计划.yaml")
    check_writable(plan_file, force)
    cat = load_catalogue_dir(catalog)
    year = year or next_plan_year()
    plan = starter_plan(cat, region=region, year=year, organ=organ,
                        date=_dt.date.today().isoformat())
    atomic_write_text(plan_file, plan_to_yaml(plan), overwrite=force)
    click.echo(f"已新建计划：{plan_file}")
    if not region:
        click.echo("提示：请在 meta.region 填写地区，然后运行 drafter build 生成文档。", err=True)
