"""Read the level-term table (全市/全县 …): the bundled data file plus a catalogue folder's own.

Why: which words change with a plan's level is data a bureau extends (a `level_terms.yaml` in
its catalogue folder adds rows) without touching code. Reading is here; the table's use is
`drafter.model.levels`. Errors name the file and line.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from drafter.model.errors import DrafterError, Problem
from drafter.model.levels import LEVELS, LevelTerms, TermRow
from drafter.util.datacache import DataCache
from drafter.util.dataclass_data import build, to_data
from drafter.util.paths import package_data_dir
from drafter.util.yamlio import load_yaml, read_text_bounded

FILE_NAME = "level_terms.yaml"
# Tables read before, by content (drafter.util.datacache): opening a catalogue with the
# bundled table does not parse YAML again.
TERMS_CACHE = DataCache("levels", ("util", "model"), 1)
Table = tuple[tuple[TermRow, ...], tuple[str, ...]]


def load_level_terms(catalog_dir: Path | None = None) -> LevelTerms:
    """The bundled table, with the rows of `catalog_dir/level_terms.yaml` added when present."""
    rows, fixed = _read(package_data_dir() / FILE_NAME)
    if catalog_dir is not None and (Path(catalog_dir) / FILE_NAME).is_file():
        extra_rows, extra_fixed = _read(Path(catalog_dir) / FILE_NAME)
        rows, fixed = rows + extra_rows, fixed + extra_fixed
    return LevelTerms(rows=list(rows), fixed=list(fixed))


def _read(path: Path) -> Table:
    """Through the YAML front door (a catalogue folder's file is untrusted), cached by content."""
    return _cached(read_text_bounded(path, "级别用语表"), str(path))


@lru_cache(maxsize=8)
def _cached(text: str, file: str) -> Table:
    return TERMS_CACHE.get(Path(file), text, lambda: _parse(text, file), _table_data, _table)


def _table_data(table: Table) -> Any:
    rows, fixed = table
    return [to_data(row) for row in rows], list(fixed)


def _table(data: Any) -> Table:
    rows, fixed = data
    return tuple(build(TermRow, row) for row in rows), tuple(fixed)


def _parse(text: str, file: str) -> Table:
    path = Path(file)
    data, lines = load_yaml(text, str(path))
    data = data or {}
    problems: list[Problem] = []
    rows: list[TermRow] = []
    if not isinstance(data, dict):
        raise DrafterError.one("级别用语表的顶层应为映射（terms、fixed）", file=str(path), line=1)
    for i, raw in enumerate(data.get("terms") or []):
        row = _row(raw)
        if row is None:
            problems.append(Problem("每行应为 {省: …, 市: …, 县: …, 区: …} 的映射，"
                                    "至少写两个级别", file=str(path), line=lines.line("terms", i)))
        else:
            rows.append(row)
    fixed = [str(p) for p in data.get("fixed") or [] if isinstance(p, str) and p]
    if problems:
        raise DrafterError(problems)
    return tuple(rows), tuple(fixed)


def _row(raw: Any) -> TermRow | None:
    if not isinstance(raw, dict):
        return None
    forms = {k: str(v) for k, v in raw.items() if k in LEVELS and isinstance(v, str) and v}
    unknown = set(raw) - set(LEVELS) - {"own"}
    if len(forms) < 2 or unknown:
        return None
    return TermRow(forms=forms, own=bool(raw.get("own", False)))
