"""Recently used files, per kind ("plan", "document"), for the open and import dialogs.

Kept in `user_data_dir()/recent.json`, written atomically; a missing or damaged file is just an
empty list (it is a convenience, never a reason to fail). Files that no longer exist are not
offered.
"""

from __future__ import annotations

import json
from pathlib import Path

from drafter.util.fs import atomic_write_text
from drafter.util.paths import user_data_dir

LIMIT = 8


def _store() -> Path:
    return user_data_dir() / "recent.json"


def _load() -> dict[str, list[str]]:
    try:
        data = json.loads(_store().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {k: [p for p in v if isinstance(p, str)] for k, v in data.items()
            if isinstance(v, list)}


def recent(kind: str) -> list[Path]:
    """The kind's recent files, newest first, that still exist."""
    return [Path(p) for p in _load().get(kind, []) if Path(p).is_file()][:LIMIT]


def remember(kind: str, path: Path) -> None:
    data = _load()
    name = str(Path(path).expanduser().resolve())
    data[kind] = [name, *[p for p in data.get(kind, []) if p != name]][:LIMIT]
    try:
        atomic_write_text(_store(), json.dumps(data, ensure_ascii=False, indent=1))
    except OSError:
        pass  # a read-only home folder: no recent list, nothing else changes
