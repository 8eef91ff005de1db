"""Read and validate a catalogue folder: catalog/<chapter key>.yaml → Catalogue.

Every problem in every file is collected and reported at once, each with file:line, so a
curator fixes a hand-edited catalogue in one pass. Validation of one file is
`drafter.catalog.schema`; this module adds what spans files (file names, duplicate ids),
the per-file cache, and the construction of model objects.

This module must not write catalogue files (that is `drafter.catalog.dump`).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from drafter.catalog import cache
from drafter.catalog.fields import CLAUSE, build_clause, pack
from drafter.catalog.schema import Record, validate_chapter
from drafter.model import CHAPTER_KEYS, Catalogue, DrafterError, Problem
from drafter.util.level_terms import load_level_terms
from drafter.util.yamlio import MAX_YAML_BYTES, decode_utf8, load_yaml, read_bytes_bounded

_Found = tuple[str, int | None, str | None, str | None]
Packed = tuple[Any, ...]
IdLines = list[tuple[str, int | None]]  # every clause and variant id with its line


class _File:
    """One chapter file's validated content as the cache holds it."""

    __slots__ = ("id_lines", "key", "packed")

    def __init__(self, key: str, packed: list[Packed], id_lines: IdLines) -> None:
        self.key, self.packed, self.id_lines = key, packed, id_lines


def load_catalogue(dir: Path, *, freeze: bool = False) -> Catalogue:
    """The catalogue in `dir`; DrafterError listing every problem when it is not valid.
    `freeze`: see `_gc_paused` (open_catalogue's, for the TUI)."""
    with _gc_paused(freeze):
        problems, files = _read_dir(Path(dir))
        if problems:
            raise DrafterError(problems)
        cat = Catalogue(level_terms=load_level_terms(Path(dir)))
        for f in files:
            cat.chapters[f.key] = [build_clause(p, chapter=f.key) for p in f.packed]
    return cat


@contextmanager
def _gc_paused(freeze: bool = False) -> Iterator[None]:
    """Building ~10^6 small objects triggers the cyclic GC over and over (3–4× the load time);
    nothing made here is cyclic garbage, so pause it for the bulk load. `freeze`: move what
    is alive out of the GC's sight (gc.freeze) before it runs again, for a process that keeps
    the catalogue for its whole life; else the first collection after the load walks all of
    it once (a third of a second at 40,000 clauses)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if freeze:
            gc.freeze()
        if enabled:
            gc.enable()


def check_catalogue(dir: Path) -> list[Problem]:
    """Every problem of the catalogue in `dir` (empty when it is valid)."""
    try:
        with _gc_paused():
            problems, _ = _read_dir(Path(dir))
    except DrafterError as exc:
        return list(exc.problems)
    return problems


def catalogue_files(dir: Path) -> list[Path]:
    """The catalogue files of `dir`, in chapter order; DrafterError when there are none."""
    if not dir.exists():
        raise DrafterError.one(
            f"条目目录文件夹不存在：{dir}",
            hint="请用 --catalog 指定目录文件夹，或先运行 drafter mine 文件… -o 文件夹 生成",
        )
    if not dir.is_dir():
        raise DrafterError.one(f"条目目录应是一个文件夹：{dir}")
    files = [p for p in dir.iterdir() if p.suffix in (".yaml", ".yml")
             and not p.name.startswith(".") and p.is_file()]
    if not files:
        raise DrafterError.one(
            f"文件夹 {dir} 中没有条目目录文件（如 党建.yaml）",
            hint="请先运行 drafter mine 文件… -o 文件夹 生成条目目录",
        )
    order = {key: i for i, key in enumerate(CHAPTER_KEYS)}
    return sorted(files, key=lambda p: (order.get(p.stem, len(order)), p.name))


def _read_dir(dir: Path) -> tuple[list[Problem], list[_File]]:
    problems: list[Problem] = []
    files: list[_File] = []
    for path in catalogue_files(dir):
        if path.name == "level_terms.yaml":  # the folder's own level terms (util.level_terms)
            continue
        if path.stem not in CHAPTER_KEYS or path.suffix != ".yaml":
            problems.append(Problem(
                f"文件名“{path.name}”不是章节文件", file=str(path),
                hint="文件名只能是 " + "、".join(f"{k}.yaml" for k in CHAPTER_KEYS),
            ))
            continue
        found, packed, id_lines = _read_file(path)
        problems.extend(Problem(m, file=str(path), line=line, where=where, hint=hint)
                        for m, line, where, hint in found)
        files.append(_File(path.stem, packed, id_lines))
    problems.extend(_duplicate_ids(dir, files))
    return problems, files


def _read_file(path: Path) -> tuple[list[_Found], list[Packed], IdLines]:
    """(problems, packed records, id lines) of one file, from the cache when the file has not
    changed."""
    try:
        raw = read_bytes_bounded(path, "目录文件")
    except DrafterError as exc:
        return [(p.message, p.line, p.where, p.hint) for p in exc.problems], [], []
    content = cache.digest(raw)
    cached = cache.read(path, content)
    if cached is not None:
        found, packed, id_lines = cached
        return [tuple(f) for f in found], packed, id_lines
    try:
        text = decode_utf8(raw, path, "目录文件")
        quick = read_dumped(text, path.stem, MAX_YAML_BYTES)  # drafter's own layout, checked
        if quick is not None:
            packed, id_lines = quick
            cache.write(path, content, ([], packed, id_lines))
            return [], packed, id_lines
        data, lines = load_yaml(text, str(path))
    except DrafterError as exc:
        return [(p.message, p.line, p.where, p.hint) for p in exc.problems], [], []
    records, result = validate_chapter(data, lines, path.stem)
    packed, id_lines = packed_records(records)
    cache.write(path, content, (result.items, packed, id_lines))
    return result.items, packed, id_lines


def read_dumped(text: str, key: str, limit: int) -> tuple[list[Packed], IdLines] | None:
    """`drafter.catalog.dumped.read_dumped`, imported on a cache miss (a warm open, the usual
    one, never compiles its patterns)."""
    from drafter.catalog.dumped import read_dumped as read

    return read(text, key, limit)


def packed_records(records: list[Record]) -> tuple[list[Packed], IdLines]:
    id_lines = [(x["id"], x["line"]) for r in records for x in (r, *r["variants"])]
    return [pack(r, CLAUSE) for r in records], id_lines


def _duplicate_ids(dir: Path, files: list[_File]) -> list[Problem]:
    ids = [ident for f in files for ident, _ in f.id_lines]
    if len(set(ids)) == len(ids):
        return []  # the usual catalogue, answered in one pass
    seen: dict[str, tuple[str, int | None]] = {}
    out: list[Problem] = []
    for f in files:
        name = str(dir / f"{f.key}.yaml")
        for ident, line in f.id_lines:
            if ident in seen:
                first_file, first_line = seen[ident]
                out.append(Problem(
                    f"编号“{ident}”重复（首次出现在 {first_file}:{first_line}）",
                    file=name, line=line, hint="每个条目和变体的编号必须唯一",
                ))
            else:
                seen[ident] = (name, line)
    return out
