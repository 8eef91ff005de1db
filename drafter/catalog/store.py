"""The catalogue's two entry points: `open_catalogue` (which folder, then load) and
`save_catalogue` (write, then leave the load cache warm).

Every caller (the CLI commands, the TUI, the benches) opens a catalogue here, so the choice of
catalogue — the folder given, else the bundled one with the user's own on top — and the errors
for a missing folder are written once. Saving validates the in-memory records and stores them in the
cache under the written files' state, so the next open does not parse YAML again.

This module must not lay out or validate files itself (dump and schema do).
"""

from __future__ import annotations

import gc
from pathlib import Path

from drafter.catalog import cache
from drafter.catalog.comments import carry_comments
from drafter.catalog.dump import chapter_yaml, clause_dict
from drafter.catalog.load import load_catalogue, packed_records
from drafter.catalog.overlay import load_default_catalogue
from drafter.catalog.schema import validate_chapter
from drafter.model import CHAPTER_KEYS, Catalogue, DrafterError
from drafter.util.fs import atomic_write_text
from drafter.util.paths import bundled_catalog_dir
from drafter.util.yamlio import LineMap


def open_catalogue(folder: Path | None = None, *, missing_ok: bool = False,
                   freeze: bool = False) -> Catalogue:
    """The catalogue in `folder`, or the default one: the bundled catalogue with the user's own
    (~/.drafter/catalog/, where drafter import files clauses) on top (catalog.overlay).

    `missing_ok`: an empty catalogue when no folder was given and there is no catalogue at all.
    `freeze`: move what was loaded out of the cyclic GC's sight (gc.freeze), for a long-lived
    process such as the TUI that keeps the catalogue for its whole life.
    """
    if folder is not None:
        # DrafterError naming the folder when missing/empty; frozen before the GC runs again
        return load_catalogue(Path(folder), freeze=freeze)
    cat = load_default_catalogue()  # empty when there is none at all
    if not missing_ok and not any(True for _ in cat):
        load_catalogue(bundled_catalog_dir())  # DrafterError naming the missing folder
    if freeze:
        gc.freeze()
    return cat


def save_catalogue(cat: Catalogue, folder: Path, *, comments_from: Path | None = None,
                   warm: bool = True) -> list[Path]:
    """Write every chapter file (atomic, deterministic) and warm the load cache for them.

    `comments_from`: a folder whose files' hand-written comments are carried over into the
    new files (drafter mine -o writes into a fresh folder, then swaps it in, and warms the
    cache under the final paths itself: `warm=False`)."""
    folder = Path(folder)
    written: list[Path] = []
    for key in CHAPTER_KEYS:
        path = folder / f"{key}.yaml"
        text = chapter_yaml(key, cat.chapters.get(key, []))
        old = Path(comments_from) / path.name if comments_from is not None else None
        if old is not None and old.is_file():
            text = carry_comments(old.read_text(encoding="utf-8", errors="replace"), text)
        atomic_write_text(path, text)
        written.append(path)
    if warm:
        warm_catalogue(cat, folder)
    return written


def warm_catalogue(cat: Catalogue, folder: Path) -> None:
    """Leave the load cache warm for `cat`'s chapter files in `folder`, just written from it
    (by save_catalogue, or by drafter mine's whole-folder swap, comments carried over)."""
    for key in CHAPTER_KEYS:
        path = Path(folder) / f"{key}.yaml"
        try:
            raw = path.read_bytes()
        except OSError:
            continue
        dicts = [clause_dict(c) for c in cat.chapters.get(key, [])]
        _warm(path, key, dicts, raw)


def _warm(path: Path, key: str, dicts: list[dict[str, object]], raw: bytes) -> None:
    """Cache the file's records, validated from memory; skipped (the next open parses the
    file and reports with lines) when anything is wrong."""
    records, found = validate_chapter({"chapter": key, "clauses": dicts}, LineMap(), key)
    if found.items or len(records) != len(dicts):
        return
    lines = _id_lines(raw.decode("utf-8", "replace"))
    for record in records:
        record["line"] = lines.get(record["id"])
        for variant in record["variants"]:
            variant["line"] = lines.get(variant["id"])
    packed, id_lines = packed_records(records)
    cache.write(path, cache.digest(raw), ([], packed, id_lines))


def _id_lines(text: str) -> dict[str, int]:
    """Line of each clause ("- id: …") and variant ("  - id: …") in a file dump wrote."""
    out: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.lstrip(" ")
        if stripped.startswith("- id: ") and len(line) - len(stripped) in (0, 2):
            out.setdefault(stripped[6:].strip().strip("'\""), number)
    return out


def open_existing(folder: Path) -> Catalogue | None:
    """What `folder` already holds, to merge into (None when it is new or has no files)."""
    folder = Path(folder)
    if not folder.exists():
        return None
    if not folder.is_dir():
        raise DrafterError.one("输出位置已存在，但不是文件夹", file=str(folder),
                               hint="请用 -o 指定一个文件夹")
    if not any(p.suffix in (".yaml", ".yml") for p in folder.iterdir()):
        return None
    return load_catalogue(folder)
