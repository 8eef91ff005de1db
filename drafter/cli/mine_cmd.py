"""`drafter mine FILE... (--json | -o DIR [--replace])`: mine plans into a clause catalogue.

Thin: expand the arguments, call drafter.mine, print. `--json` prints the parsed structure
(the contract in docs/ARCHITECTURE.md) and writes nothing; `-o DIR` builds a catalogue,
merged into what DIR holds unless `--replace`, and prints a Chinese summary on stdout.
Diagnostics (dropped junk, per-file counts) go to stderr.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from drafter.model import Catalogue, DrafterError, MinedDocument, Problem


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
            from drafter.model.formats import DOCUMENT_SUFFIXES, SUPPORTED_HINT

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
    from drafter.mine import mine_source, read_documents

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
    disk at any point leaves the old catalogue as it was, never half old, half new. The load
    cache is left warm for the new files."""
    from drafter.catalog import save_catalogue, warm_catalogue
    from drafter.check import stale_flags
    from drafter.mine import mine_into_catalogue
    from drafter.util.fs import folder_lock, recover_folder, replace_folder

    with folder_lock(out_dir, "挖掘"):
        recover_folder(out_dir)
        old = _existing(out_dir, strict=not (replace and force))
        result = mine_into_catalogue(docs, existing=None if replace else old,
                                     flagger=stale_flags)
        cat = result.catalogue
        if replace and not force:
            _refuse_drops(old, cat, out_dir)
        # the new files, hand-written comments of the old ones carried over
        replace_folder(out_dir, lambda folder: save_catalogue(cat, folder, comments_from=out_dir,
                                                                warm=False))
        warm_catalogue(cat, out_dir)  # the cache under the files' final paths
    action = "合并进" if result.merged else "写入"
    click.echo(f"挖掘 {len(docs)} 份文件，条目目录已{action} {out_dir}")
    totals = [0, 0, 0, 0]
    for key, *row in result.rows():
        totals = [a + b for a, b in zip(totals, row, strict=True)]
        click.echo(_row(key, row))
    click.echo(_row("合计", totals))


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
    from drafter.catalog import open_existing

    if strict:
        return open_existing(out_dir)
    try:
        return open_existing(out_dir)
    except DrafterError:
        return None


def _row(label: str, row: list[int]) -> str:
    clauses, new, variants, slots = row
    return f"  {label}：{clauses} 条（新增 {new}），变体 {variants} 个，参数 {slots} 个"
