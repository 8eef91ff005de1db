"""`drafter mine FILE... (--json | -o DIR [--replace])`: mine plans into a clause catalogue.

Thin: expand the arguments, call drafter.mine, print. `--json` prints the parsed structure
(the contract in docs/ARCHITECTURE.md) and writes nothing; `-o DIR` builds a catalogue,
merged into what DIR holds unless `--replace`, and prints a Chinese summary on stdout.
Diagnostics (dropped junk, per-file counts) go to stderr.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import click

from drafter.model import CHAPTER_KEYS, Catalogue, DrafterError, MinedDocument, Problem


@click.command("mine")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="输出解析结构（JSON），不写任何文件。")
@click.option("-o", "--output", "out_dir", type=click.Path(path_type=Path), default=None,
              help="把挖掘出的条目写入（或合并进）这个条目目录文件夹。")
@click.option("--replace", is_flag=True, help="不合并：忽略输出文件夹里原有的条目，重新生成。")
@click.option("--force", is_flag=True,
              help="与 --replace 同用：确认删除新挖掘结果中没有的原有条目。")
def mine_cmd(files: tuple[Path, ...], as_json: bool, out_dir: Path | None,
             replace: bool, force: bool) -> None:
    """从现有计划文件中挖掘条目（.txt .md .docx .doc .wps .rtf .odt .pdf .html）。

    \b
    例：drafter mine 2024年工作要点.txt --json
        drafter mine examples/corpus/*.txt -o catalog
    """
    if as_json == (out_dir is not None):
        raise click.UsageError("请二选一：--json（只看解析结果）或 -o 文件夹（写入条目目录）。")
    if replace and out_dir is None:
        raise click.UsageError("--replace 只能和 -o 一起使用。")
    docs = _mine_all(_expand(files))
    for doc in docs:
        _report(doc)
    if as_json:
        payload = {"documents": [d.to_json() for d in docs]}
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    assert out_dir is not None
    _write(docs, out_dir, replace=replace, force=force)


def _expand(paths: tuple[Path, ...]) -> list[Path]:
    """Files as given; a folder stands for the readable documents directly inside it
    (except its README)."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            from drafter.mine.readers import DOCUMENT_SUFFIXES, SUPPORTED_HINT

            found = sorted(p for p in path.iterdir()
                           if p.is_file() and p.suffix.lower() in DOCUMENT_SUFFIXES
                           and not p.name.upper().startswith("README"))
            if not found:
                raise DrafterError.one("文件夹中没有可读取的文件", file=str(path),
                                      hint=SUPPORTED_HINT)
            out.extend(found)
        else:
            out.append(path)
    return out


def _mine_all(paths: list[Path]) -> list[MinedDocument]:
    """Every file mined; every bad file reported at once (and nothing written)."""
    from drafter.mine.pipeline import mine_source
    from drafter.mine.readers import read_documents

    docs: list[MinedDocument] = []
    problems: list[Problem] = []
    for source in read_documents(paths):  # office formats converted in one LibreOffice run
        try:
            docs.append(mine_source(source))
        except DrafterError as exc:
            problems.extend(exc.problems)
    if problems:
        raise DrafterError(problems)
    return docs


def _report(doc: MinedDocument) -> None:
    items = doc.items()
    summary = sum(1 for i in items if i.kind == "summary")
    parts = [f"{len(doc.chapters)} 章", f"{len(items)} 条"]
    if summary:
        parts.append(f"其中总结 {summary} 条")
    if doc.dropped:
        parts.append(f"删除网页杂项 {len(doc.dropped)} 处")
    title = doc.title or "（无标题）"
    click.echo(f"{doc.source}：{title}，{'，'.join(parts)}", err=True)
    for junk in doc.dropped:
        short = junk if len(junk) <= 40 else junk[:40] + "…"
        click.echo(f"  已删除：{short}", err=True)


def _write(docs: list[MinedDocument], out_dir: Path, *, replace: bool, force: bool) -> None:
    """Build the catalogue and swap it in whole (`replace_folder`): a crash, a kill or a full
    disk at any point leaves the old catalogue as it was, never half old, half new."""
    from drafter.mine.catalogue_build import build_catalogue
    from drafter.util.fs import folder_lock, recover_folder, replace_folder

    with folder_lock(out_dir, "挖掘"):
        recover_folder(out_dir)
        old = _existing(out_dir, strict=not (replace and force))
        existing = None if replace else old
        before = existing.counts() if existing is not None else dict.fromkeys(CHAPTER_KEYS, 0)
        cat = build_catalogue(docs, existing=existing, flagger=_flagger())
        if replace and not force:
            _refuse_drops(old, cat, out_dir)
        replace_folder(out_dir, lambda folder: _write_keeping_comments(cat, folder, out_dir))
    _summary(cat, docs, out_dir, before, merged=existing is not None)


def _write_keeping_comments(cat: Catalogue, folder: Path, old_dir: Path) -> None:
    """The catalogue's files, with the hand-written comments of the old files carried over."""
    from drafter.catalog.comments import carry_comments
    from drafter.catalog.dump import write_catalogue
    from drafter.util.fs import atomic_write_text

    for path in write_catalogue(cat, folder):
        old = old_dir / path.name
        if old.is_file():
            text = path.read_text(encoding="utf-8")
            kept = carry_comments(old.read_text(encoding="utf-8", errors="replace"), text)
            if kept != text:
                atomic_write_text(path, kept)


def _refuse_drops(old: Catalogue | None, cat: Catalogue, out_dir: Path) -> None:
    """--replace would drop clauses the folder holds: only with --force."""
    if old is None:
        return
    kept = {c.id for c in cat}
    dropped = [c.id for c in old if c.id not in kept]
    if dropped:
        sample = "、".join(dropped[:5]) + ("等" if len(dropped) > 5 else "")
        raise DrafterError.one(
            f"--replace 会删除 {out_dir} 中的 {len(dropped)} 个原有条目（{sample}）",
            hint="确认要删除请再加 --force；想保留原有条目请去掉 --replace（合并）")


def _existing(out_dir: Path, strict: bool = True) -> Catalogue | None:
    """What DIR already holds (None when it is new or empty; when it cannot be read and not
    `strict`, None too: --replace --force may overwrite a broken catalogue)."""
    from drafter.catalog.load import load_catalogue

    if not strict:
        try:
            return _existing(out_dir)
        except DrafterError:
            return None
    if not out_dir.exists():
        return None
    if not out_dir.is_dir():
        raise DrafterError.one("输出位置已存在，但不是文件夹", file=str(out_dir),
                               hint="请用 -o 指定一个文件夹")
    if not any(p.suffix in (".yaml", ".yml") for p in out_dir.iterdir()):
        return None
    return load_catalogue(out_dir)


def _flagger() -> Callable[[str, int | None], list[str]] | None:
    try:
        from drafter.check.engine import stale_flags
    except ImportError:
        return None
    return stale_flags


def _summary(cat: Catalogue, docs: list[MinedDocument], out_dir: Path,
             before: dict[str, int], *, merged: bool) -> None:
    action = "合并进" if merged else "写入"
    click.echo(f"挖掘 {len(docs)} 份文件，条目目录已{action} {out_dir}")
    totals = [0, 0, 0, 0]
    for key in CHAPTER_KEYS:
        clauses = cat.chapters.get(key, [])
        row = [len(clauses), len(clauses) - before.get(key, 0),
               sum(len(c.variants) for c in clauses), sum(len(c.slots) for c in clauses)]
        totals = [a + b for a, b in zip(totals, row, strict=True)]
        click.echo(_row(key, row))
    click.echo(_row("合计", totals))


def _row(label: str, row: list[int]) -> str:
    clauses, new, variants, slots = row
    return f"  {label}：{clauses} 条（新增 {new}），变体 {variants} 个，参数 {slots} 个"
