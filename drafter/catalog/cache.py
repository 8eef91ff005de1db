"""A per-file cache of validated catalogue records, so a big catalogue opens fast when warm.

Parsing and validating 40,000 clauses of YAML takes seconds; reading back the validated plain
records takes a fraction of that. Each catalogue file gets one cache file under
`user_data_dir()/cache/catalog/`, keyed by a hash of the file's CONTENT (never size and mtime:
an edit of the same size with the mtime restored must not be served stale), the drafter
version and this format's number; any mismatch or damage means a miss. The records are plain
dicts, lists, strings and numbers, stored with marshal (never pickle): nothing in a cache file
can make code run.

This module must not validate or build model objects. Failing to write a cache is never an
error: the catalogue simply loads without it.
"""

from __future__ import annotations

import hashlib
import marshal
from pathlib import Path
from typing import Any

from drafter import __version__
from drafter.catalog.fields import signature
from drafter.model.errors import DrafterError
from drafter.util.fs import atomic_write_bytes
from drafter.util.paths import user_data_dir

FORMAT = 2


def digest(data: bytes) -> str:
    """The content key of a catalogue file."""
    return hashlib.blake2b(data, digest_size=20).hexdigest()


def _key(path: Path, content: str) -> tuple[Any, ...]:
    # signature(): the field table's names in order, so a changed table never reads old records
    return (FORMAT, __version__, signature(), str(path.resolve()), content)


def _cache_file(path: Path) -> Path:
    digest = hashlib.sha1(str(path.resolve()).encode("utf-8")).hexdigest()[:20]
    return user_data_dir() / "cache" / "catalog" / f"{digest}.marshal"


def read(path: Path, content: str) -> Any | None:
    """The cached value for this exact file content (`digest(bytes)`), or None."""
    try:
        raw = _cache_file(path).read_bytes()
        key, value = marshal.loads(raw)
    except (OSError, EOFError, ValueError, TypeError):
        return None
    return value if key == _key(path, content) else None


def write(path: Path, content: str, value: Any) -> None:
    """Store `value` (marshal-able plain data) for this file content; silently skip on failure."""
    try:
        data = marshal.dumps((_key(path, content), value))
        atomic_write_bytes(_cache_file(path), data)
    except (OSError, ValueError, DrafterError):
        return
