"""`drafter catalog list|show|search|check`: browse, search and validate a clause catalogue.

Thin: parse arguments, call drafter.catalog, print. Results go to stdout, diagnostics to
stderr, all in Chinese. Highlighting uses click.style only when stdout is a terminal.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from drafter.catalog import SearchIndex, check_catalogue, open_catalogue
from drafter.model import CHAPTER_KEYS, Catalogue, Clause, DrafterError, Slot, Source

KIND_LABELS = {"plan": "计划条目", "summary": "总结（已完成工作）", "preamble": "总体要求",
               "closing": "结束语"}
TYPE_LABELS = {"integer": "整数", "decimal": "小数", "percent": "百分比", "text": "文字",
               "year": "年份"}

_catalog_option = click.option(
    "--catalog", "catalog_dir", type=click.Path(path_type=Path), default=None,
    help="条目目录文件夹（默认：内置目录）。",
)
_chapter_option = click.option(
    "--chapter", default=None, help="只看这一章节（" + "、".join(CHAPTER_KEYS) + "）。",
)


def _chapter(value: str | None) -> str | None:
    if value is not None and value not in CHAPTER_KEYS:
        raise DrafterError.one(f"没有名为“{value}”的章节",
                               hint="章节只能是：" + "、".join(CHAPTER_KEYS))
    return value


def _dir(catalog_dir: Path | None) -> Path:
    from drafter.util.paths import bundled_catalog_dir

    return catalog_dir if catalog_dir is not None else bundled_catalog_dir()


@click.group("catalog")
def catalog_group() -> None:
    """浏览、搜索和检查条目目录。"""


@catalog_group.command("list")
@_chapter_option
@_catalog_option
def list_cmd(chapter: str | None, catalog_dir: Path | None) -> None:
    """按章节列出条目：编号、标题和变体数。"""
    chapter = _chapter(chapter)
    cat = open_catalogue(catalog_dir)
    total = 0
    for key in [chapter] if chapter else list(CHAPTER_KEYS):
        clauses = cat.chapters.get(key, [])
        click.echo(f"【{key}】{len(clauses)} 条")
        for clause in clauses:
            click.echo(f"  {clause.id}  {_title(clause)}{_list_note(clause)}")
        total += len(clauses)
    click.echo(f"共 {total} 条。", err=True)


def _title(clause: Clause, width: int = 40) -> str:
    if clause.lead:
        return clause.lead
    text = clause.body.replace("\n", " ")
    return text if len(text) <= width else text[:width] + "…"


def _list_note(clause: Clause) -> str:
    notes = []
    if clause.kind != "plan":
        notes.append(KIND_LABELS[clause.kind])
    if clause.variants:
        notes.append(f"{len(clause.variants)} 个变体")
    if clause.flags:
        notes.append(f"{len(clause.flags)} 条提示")
    return f"  （{'，'.join(notes)}）" if notes else ""


@catalog_group.command("show")
@click.argument("clause_id")
@_catalog_option
def show_cmd(clause_id: str, catalog_dir: Path | None) -> None:
    """显示一个条目的全文、参数、来源和变体。"""
    cat = open_catalogue(catalog_dir)
    clause = cat.get(clause_id.partition("/")[0])
    if clause is None or ("/" in clause_id and clause.variant(clause_id) is None):
        raise DrafterError.one(f"目录中没有编号为“{clause_id}”的条目",
                               hint=_suggest(cat, clause_id))
    for line in _describe(clause, clause_id if "/" in clause_id else None):
        click.echo(line)


def _suggest(cat: Catalogue, clause_id: str) -> str:
    prefix = clause_id[:5].lower()
    near = [c.id for c in cat if c.id.lower().startswith(prefix)][:5]
    if near:
        return "相近的编号：" + "、".join(near)
    return "可用 drafter catalog search 词 查找条目编号"


def _describe(clause: Clause, chosen: str | None) -> list[str]:
    lines = [f"{clause.id} · {clause.chapter} · {KIND_LABELS[clause.kind]}"]
    if clause.lead:
        lines.append(f"标题：{clause.lead}")
    lines.append(f"正文：{clause.body}")
    if clause.tags:
        lines.append("标签：" + "、".join(clause.tags))
    if clause.owners:
        lines.append("责任单位：" + "、".join(clause.owners))
    lines += _slot_lines(clause.slots, "")
    for source in clause.sources:
        lines.append(f"来源：{_source_text(source)}")
    for flag in clause.flags:
        lines.append(f"提示：{flag}")
    if clause.variants:
        lines.append(f"变体（{len(clause.variants)} 个）：")
    for v in clause.variants:
        mark = "  ← 所选" if v.id == chosen else ""
        origin = f"（来源：{_source_text(v.source)}）" if v.source else ""
        lines.append(f"  {v.id}{origin}{mark}")
        if v.lead:
            lines.append(f"    标题：{v.lead}")
        lines.append(f"    正文：{v.body}")
        if v.owners:
            lines.append("    责任单位：" + "、".join(v.owners))
        lines += _slot_lines(v.slots, "    ")
    return lines


def _slot_lines(slots: list[Slot], indent: str) -> list[str]:
    if not slots:
        return []
    lines = [f"{indent}参数："]
    for s in slots:
        parts = [TYPE_LABELS.get(s.type, s.type)]
        if s.unit:
            parts.append(f"单位 {s.unit}")
        parts.append("无默认值" if s.default is None else f"默认 {s.default}")
        lines.append(f"{indent}  {s.name}（{s.label}）：{'，'.join(parts)}")
    return lines


def _source_text(source: Source) -> str:
    text = source.file + (f" {source.marker}" if source.marker else "")
    extra = [f"{source.year}年" if source.year else "", source.region or "",
             f"{source.level}级用语" if source.level else ""]
    extra = [e for e in extra if e]
    return text + (f"（{'，'.join(extra)}）" if extra else "")


@catalog_group.command("search")
@click.argument("words", nargs=-1, required=True)
@click.option("--limit", type=int, default=20, show_default=True, help="最多显示几条。")
@_chapter_option
@_catalog_option
def search_cmd(words: tuple[str, ...], limit: int, chapter: str | None,
               catalog_dir: Path | None) -> None:
    """按词搜索条目（标题、正文、标签），容许个别错字，按相关度排序。"""
    chapter = _chapter(chapter)
    if limit < 1:
        raise DrafterError.one(f"--limit 应为正整数，实际是 {limit}")
    cat = open_catalogue(catalog_dir)
    query = " ".join(words)
    hits = SearchIndex(cat).search(query, limit=limit, chapter=chapter)
    if not hits:
        click.echo(f"没有找到与“{query}”相关的条目。", err=True)
        return
    color = sys.stdout.isatty()
    for hit in hits:
        c = hit.clause
        click.echo(f"{c.id}  [{c.chapter}]  {_title(c)}")
        click.echo(f"    {_snippet(c.text, hit.spans, color)}")
    click.echo(f"共找到 {len(hits)} 条（最多显示 {limit} 条）。", err=True)


def _snippet(text: str, spans: list[tuple[int, int]], color: bool, width: int = 70) -> str:
    """About `width` characters around the first match, matches highlighted on a terminal."""
    start = max(0, spans[0][0] - width // 3) if spans else 0
    end = min(len(text), start + width)
    out: list[str] = ["…" if start > 0 else ""]
    pos = start
    for s, e in spans:
        s, e = max(s, start), min(e, end)
        if s >= e:
            continue
        out.append(text[pos:s])
        out.append(click.style(text[s:e], fg="red", bold=True) if color else text[s:e])
        pos = e
    out.append(text[pos:end])
    out.append("…" if end < len(text) else "")
    return "".join(out).replace("\n", " ")


@catalog_group.command("check")
@click.argument("directory", required=False, type=click.Path(path_type=Path))
def check_cmd(directory: Path | None) -> None:
    """检查条目目录：未知字段、重复编号、未声明或未使用的参数、错误的占位符等。"""
    folder = _dir(directory)
    problems = check_catalogue(folder)
    if problems:
        for problem in problems:
            click.echo(str(problem))
        click.echo(f"条目目录 {folder} 有 {len(problems)} 个问题，请逐条修改后重新检查。", err=True)
        sys.exit(1)
    cat = open_catalogue(folder)
    variants = sum(len(c.variants) for c in cat)
    slots = sum(len(c.slots) for c in cat)
    counts = "，".join(f"{k} {n}" for k, n in cat.counts().items())
    click.echo(f"条目目录检查通过：{folder}")
    click.echo(f"共 {len(cat)} 条条目、{variants} 个变体、{slots} 个参数（{counts}）。")
