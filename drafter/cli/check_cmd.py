"""`drafter check` and `drafter roll`: thin wiring of plans, render, mine and check.

check: a plan file is checked as rendered (with its values; missing values become findings and
the rest is still checked); a .docx/.txt/.md draft goes through the miner's reader and
structure, with the raw lines passed along for the punctuation rule. roll: writes next year's
plan and prints what a person must review. Printing only; the rules live in drafter.check.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path

import click

from drafter.check import (
    SEVERITY_ORDER,
    Finding,
    RuleTable,
    check_draft,
    check_plan,
    draft_from_document,
    load_table,
    summary_line,
)
from drafter.model.blocks import Block, Location
from drafter.model.catalogue import Catalogue
from drafter.model.errors import DrafterError, Problem
from drafter.model.formats import DOCUMENT_SUFFIXES, SUPPORTED_HINT
from drafter.model.plan import Plan
from drafter.model.resolve import resolve
from drafter.model.roll import roll_plan
from drafter.model.value_problems import pending_summary
from drafter.model.years import YEAR_MAX, YEAR_MIN
from drafter.util.fs import check_writable

PLAN_SUFFIXES = (".yaml", ".yml")
_CATALOG_HELP = "条目目录文件夹（检查计划文件时使用，默认使用自带目录）"


def _load_catalogue(catalog: Path | None) -> Catalogue:
    from drafter.catalog import open_catalogue

    # no default catalogue: custom items still check, ids are findings
    return open_catalogue(catalog, missing_ok=True)


# --------------------------------------------------------------------------- plans


def problem_finding(problem: Problem) -> Finding:
    """A problem that stops rendering (a missing value, an unknown id) as an error finding."""
    return Finding("错误", "render.value", problem.message, "",
                   Location(file=problem.file, line=problem.line), problem.where,
                   problem.hint or "请修改计划文件后重新检查")


def render_for_check(plan: Plan, cat: Catalogue) -> tuple[list[Block], list[Finding]]:
    """Blocks to check, and the problems that stop a real render as findings.

    The preview render marks missing values as “【待填：…】” and unknown ids as marked lines, so
    the rest of the plan is still checked."""
    from drafter.render import preview_blocks

    blocks, problems = preview_blocks(plan, cat)
    return blocks, [problem_finding(p) for p in problems]


def check_plan_file(path: Path, *, year: int | None, table: RuleTable,
                    catalog: Path | None) -> tuple[list[Finding], int | None, str | None]:
    """Findings, the year judged by, and how many values are 待核实 ("12 个（目录默认值 12
    项）"), as `build` counts them."""
    from drafter.plans import load_plan

    plan = load_plan(path)
    if year is not None:
        plan.meta.year = year
    cat = _load_catalogue(catalog)
    blocks, findings = render_for_check(plan, cat)
    findings += [f for f in check_plan(plan, blocks, cat, rules=table) if not _marked(f)]
    pending = resolve(plan, cat).unconfirmed()
    return findings, plan.meta.year, (f"{len(pending)} 个（{pending_summary(pending)}）"
                                      if pending else None)


def _marked(finding: Finding) -> bool:
    """A finding about the preview's own gap markers (already reported as a problem); stale
    wording next to a marker is still reported."""
    if finding.rule.startswith(("time.", "years.")):
        return False
    return "【待填" in finding.text or "【目录中没有条目" in finding.text


# --------------------------------------------------------------------------- drafts


def check_draft_file(path: Path, *, year: int | None, table: RuleTable
                     ) -> tuple[list[Finding], int | None]:
    from drafter.mine import mine_source, read_document

    source = read_document(path)
    doc = mine_source(source)
    draft = draft_from_document(doc, year=year, raw_lines=source.lines)
    return check_draft(draft, rules=table), draft.year


# --------------------------------------------------------------------------- output


def format_text(findings: Sequence[Finding], target: str, year: int | None,
                pending: str | None = None) -> str:
    judged = f"（按{year}年的计划判断）" if year else "（未知计划年份：与年份有关的规则未运行）"
    lines = [f"检查：{target}{judged}", ""]
    for severity in SEVERITY_ORDER:
        group = [f for f in findings if f.severity == severity]
        if not group:
            continue
        lines.append(f"━━ {severity}（{len(group)}）━━")
        for number, finding in enumerate(group, start=1):
            lines.append(f"{number}. {finding.where()}  [{finding.rule}]")
            if finding.text:
                lines.append(f"   原文：{finding.text}")
            lines.append(f"   问题：{finding.message}")
            if finding.fix:
                lines.append(f"   建议：{finding.fix}")
        lines.append("")
    lines.append(summary_line(findings) if findings else f"未发现问题。{summary_line(findings)}")
    if pending:
        lines.append(f"待核实的参数值 {pending}：印发前请逐项确认（终端界面中选中条目按 y，"
                     "或在“参数”页改填），drafter build --strict 不会生成含待核实值的文档")
    return "\n".join(lines)


def format_json(findings: Sequence[Finding], target: str, year: int | None,
                pending: str | None = None) -> str:
    counts = {s: sum(1 for f in findings if f.severity == s) for s in SEVERITY_ORDER}
    unconfirmed = sum(1 for f in findings if f.rule == "values.unconfirmed")
    data = {"target": target, "year": year,
            "summary": {"total": len(findings), **counts, "unconfirmed": unconfirmed},
            "findings": [f.to_json() for f in findings]}
    return json.dumps(data, ensure_ascii=False, indent=2)


@click.command("check")
@click.argument("target", metavar="TARGET", type=click.Path(path_type=Path))
@click.option("--year", type=click.IntRange(YEAR_MIN, YEAR_MAX),
              help="按哪一年的计划判断（默认：计划文件的年份，或草稿标题中的年份）")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="输出格式")
@click.option("--rules", "rules_file", type=click.Path(path_type=Path),
              help="本单位的规则文件（YAML），补充或覆盖自带规则")
@click.option("--catalog", type=click.Path(path_type=Path), help=_CATALOG_HELP)
def check_cmd(target: Path, year: int | None, fmt: str,
              rules_file: Path | None, catalog: Path | None) -> None:
    """检查计划文件（.yaml）或草稿（.docx .doc .wps .pdf .txt .md 等）。

    查过时提法、年份、残留、标点、结构、数字。

    有“错误”时退出码为 1。"""
    if not target.exists():
        raise DrafterError.one(f"找不到要检查的文件：{target}", hint="请检查路径是否正确")
    table = load_table(rules_file)
    suffix = target.suffix.lower()
    pending: str | None = None
    if suffix in PLAN_SUFFIXES:
        findings, judged, pending = check_plan_file(target, year=year, table=table,
                                                    catalog=catalog)
    elif suffix in DOCUMENT_SUFFIXES:
        findings, judged = check_draft_file(target, year=year, table=table)
    else:
        raise DrafterError.one(f"无法检查该类型的文件：{target}",
                               hint=f"支持计划文件 .yaml，以及草稿。{SUPPORTED_HINT}")
    output = format_json if fmt == "json" else format_text
    click.echo(output(findings, str(target), judged, pending))
    if any(f.severity == "错误" for f in findings):
        # sys.exit, not ctx.exit: run_guarded calls click with standalone_mode=False, where
        # click returns ctx.exit's code instead of exiting with it.
        sys.exit(1)


# --------------------------------------------------------------------------- roll


def _default_output(plan_file: Path, old: int, new: int) -> Path:
    stem = plan_file.stem
    name = stem.replace(str(old), str(new)) if str(old) in stem else f"{stem}-{new}"
    return plan_file.with_name(f"{name}{plan_file.suffix}")


@click.command("roll")
@click.argument("plan_file", metavar="PLAN.yaml", type=click.Path(path_type=Path))
@click.option("--to", "to_year", type=click.IntRange(YEAR_MIN, YEAR_MAX), required=True,
              help="新计划的年份，如 2026")
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="新计划文件（默认：文件名中的年份换成新年份，或加上“-年份”）")
@click.option("--force", is_flag=True, help="覆盖已存在的输出文件")
@click.option("--rules", "rules_file", type=click.Path(path_type=Path),
              help="本单位的规则文件（YAML）")
@click.option("--catalog", type=click.Path(path_type=Path), help=_CATALOG_HELP)
def roll_cmd(plan_file: Path, to_year: int, output: Path | None, force: bool,
             rules_file: Path | None, catalog: Path | None) -> None:
    """把计划滚动到新的一年：年份前移，今年的数值留作基线，列出需人工核对的年份。"""
    from drafter.plans import load_plan, save_plan

    plan = load_plan(plan_file)
    result = roll_plan(plan, to_year)
    output = output or _default_output(plan_file, result.from_year, to_year)
    check_writable(output, force)
    table = load_table(rules_file)
    save_plan(result.plan, output, overwrite=force)
    click.echo(f"已写出：{output}（{result.from_year}年 → {to_year}年）")
    click.echo(f"基线：保留了 {len(result.plan.baseline)} 个参数的{result.from_year}年数值，"
               "在终端界面中显示在新数值旁边。")
    if result.literal_years:
        click.echo("\n以下文字中写有具体年份，drafter 未作改动，请逐一核对：")
        for place, text in result.literal_years:
            click.echo(f"  · {place}：{text if len(text) <= 80 else text[:80] + '…'}")
    _print_time_findings(load_plan(output), catalog, table)  # reloaded: lines of the new file


def _print_time_findings(plan: Plan, catalog: Path | None, table: RuleTable) -> None:
    try:
        cat = _load_catalogue(catalog)
    except DrafterError as exc:
        click.echo(f"（未能载入条目目录，跳过对{plan.meta.year}年的提法检查：{exc}）", err=True)
        return
    blocks, problems = render_for_check(plan, cat)
    findings = [f for f in check_plan(plan, blocks, cat, rules=table)
                if f.rule.startswith(("time.", "years.")) and not _marked(f)]
    if not findings and not problems:
        click.echo(f"\n按{plan.meta.year}年检查：未发现过时提法或年份问题。")
        return
    click.echo(f"\n按{plan.meta.year}年检查提法和年份：")
    for finding in [*problems, *findings]:
        click.echo(f"  [{finding.severity}] {finding.where()}：{finding.message}")
        if finding.fix:
            click.echo(f"      建议：{finding.fix}")
