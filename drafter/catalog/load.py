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
from drafter.catalog.schema import Record, validate_chapter
from drafter.model import (
    CHAPTER_KEYS,
    Catalogue,
    Clause,
    DrafterError,
    Problem,
    Slot,
    Source,
    Variant,
)
from drafter.util.level_terms import load_level_terms
from drafter.util.yamlio import decode_utf8, load_yaml, read_bytes_bounded

_Found = tuple[str, int | None, str | None, str | None]
Packed = tuple[Any, ...]


def load_catalogue(dir: Path) -> Catalogue:
    """The catalogue in `dir`; DrafterError listing every problem when it is not valid."""
    with _gc_paused():
        problems, files = _read_dir(Path(dir))
        if problems:
            raise DrafterError(problems)
        cat = Catalogue(level_terms=load_level_terms(Path(dir)))
        for key, records in files:
            cat.chapters[key] = [_clause(key, r) for r in records]
    return cat


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Building ~10^6 small objects triggers the cyclic GC over and over (3–4× the load time);
    nothing made here is cyclic garbage, so pause it for the bulk load."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
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


def _read_dir(dir: Path) -> tuple[list[Problem], list[tuple[str, list[Packed]]]]:
    problems: list[Problem] = []
    files: list[tuple[str, list[Packed]]] = []
    for path in catalogue_files(dir):
        if path.name == "level_terms.yaml":  # the folder's own level terms (util.level_terms)
            continue
        if path.stem not in CHAPTER_KEYS or path.suffix != ".yaml":
            problems.append(Problem(
                f"文件名“{path.name}”不是章节文件", file=str(path),
                hint="文件名只能是 " + "、".join(f"{k}.yaml" for k in CHAPTER_KEYS),
            ))
            continue
        found, records = _read_file(path)
        problems.extend(Problem(m, file=str(path), line=line, where=where, hint=hint)
                        for m, line, where, hint in found)
        files.append((path.stem, records))
    problems.extend(_duplicate_ids(dir, files))
    return problems, files


def _read_file(path: Path) -> tuple[list[_Found], list[Packed]]:
    """(problems, records) of one file, from the cache when the file has not changed."""
    try:
        raw = read_bytes_bounded(path, "目录文件")
    except DrafterError as exc:
        return [(p.message, p.line, p.where, p.hint) for p in exc.problems], []
    content = cache.digest(raw)
    cached = cache.read(path, content)
    if cached is not None:
        found, records = cached
        return [tuple(f) for f in found], records  # type: ignore[misc]
    try:
        data, lines = load_yaml(decode_utf8(raw, path, "目录文件"), str(path))
    except DrafterError as exc:
        return [(p.message, p.line, p.where, p.hint) for p in exc.problems], []
    records, result = validate_chapter(data, lines, path.stem)
    packed = [_pack(r) for r in records]
    cache.write(path, content, (result.items, packed))
    return result.items, packed


def _duplicate_ids(dir: Path, files: list[tuple[str, list[Packed]]]) -> list[Problem]:
    seen: dict[str, tuple[str, int | None]] = {}
    out: list[Problem] = []
    for key, records in files:
        name = str(dir / f"{key}.yaml")
        for p in records:
            for ident, line in [(p[0], p[-1])] + [(v[0], v[-1]) for v in p[9]]:
                if ident in seen:
                    first_file, first_line = seen[ident]
                    out.append(Problem(
                        f"编号“{ident}”重复（首次出现在 {first_file}:{first_line}）",
                        file=name, line=line, hint="每个条目和变体的编号必须唯一",
                    ))
                else:
                    seen[ident] = (name, line)
    return out


def _pack(r: Record) -> Packed:
    """A validated record as nested tuples: smaller to cache, faster to load than dicts."""
    return (
        r["id"], r["lead"], r["body"], r["kind"], r["tags"], r["owners"], r["flags"],
        [_pack_slot(s) for s in r["slots"]],
        [_pack_source(s) for s in r["sources"]],
        [(v["id"], v["lead"], v["body"], [_pack_slot(s) for s in v["slots"]],
          None if v["source"] is None else _pack_source(v["source"]), v["owners"], v["line"])
         for v in r["variants"]],
        r["line"],
    )


def _pack_slot(s: Record) -> tuple[Any, ...]:
    return (s["name"], s["label"], s["type"], s["unit"], s["default"])


def _pack_source(s: Record) -> tuple[Any, ...]:
    return (s["file"], s["marker"], s["year"], s["region"], s["title"])


def _clause(key: str, p: Packed) -> Clause:
    cid, lead, body, kind, tags, owners, flags, slots, sources, variants, _line = p
    return Clause(
        id=cid, chapter=key, lead=lead, body=body, kind=kind, tags=tags, owners=owners,
        slots=[Slot(*s) for s in slots], sources=[Source(*s) for s in sources],
        variants=[Variant(vid, vlead, vbody, [Slot(*s) for s in vslots],
                          None if vsource is None else Source(*vsource), vowners)
                  for vid, vlead, vbody, vslots, vsource, vowners, _ in variants],
        flags=flags,
    )
