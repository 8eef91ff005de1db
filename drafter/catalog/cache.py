"""The per-file cache of validated catalogue records, so a big catalogue opens fast when warm.

Parsing and validating 40,000 clauses of YAML takes seconds; reading back the validated plain
records takes a fraction of that. Each catalogue file gets one entry of drafter's cache of
validated files (drafter.util.datacache: keyed by the file's CONTENT, never size and mtime, and
by a digest of the code that reads and validates it, not the drafter version; stored with
marshal under this user's keyed hash, so an altered or copied entry is a miss and never read),
here also keyed by the field tables' signature and this format's number. The records are plain
dicts, lists, strings and numbers.

This module must not validate or build model objects. Failing to write a cache is never an
error: the catalogue simply loads without it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from drafter.catalog.fields import signature
from drafter.util.datacache import DataCache, code_digest, digest

FORMAT = 4

__all__ = ["FORMAT", "covers", "digest", "read", "readers", "write"]


# The code whose answer the cache keeps: every module of the packages a load runs (YAML in,
# validation, the shared terms it checks against) and the YAML library itself. A release that
# changes none of it keeps every user's cache warm; one that changes any of it (or runs from
# files that cannot be read) misses once and rewrites. Whole packages, not a list of files, so a
# module added to the load is covered without anyone remembering to add it.
_PACKAGES = ("catalog", "model", "util")


def covers(module: str) -> bool:
    """Whether the key covers `module` ("catalog/schema", "model", "util/yaml_quick"…)."""
    return module.split("/", 1)[0] in _PACKAGES


def readers() -> str:
    """A digest of the reading and validating code (`_PACKAGES`) and of PyYAML's version and
    build (drafter.util.datacache, which reads each package once per process)."""
    return code_digest(_PACKAGES)


def _cache() -> DataCache:
    return DataCache("catalog", _PACKAGES, FORMAT)


def _extra() -> tuple[Any, ...]:
    # signature(): the field table's names in order, so a changed table never reads old records
    return (readers(), signature())


def read(path: Path, content: str) -> Any | None:
    """The cached value for this exact file content (`digest(bytes)`), or None."""
    return _cache().read(path, content, _extra())


def write(path: Path, content: str, value: Any) -> None:
    """Store `value` (marshal-able plain data) for this file content; silently skip on failure."""
    _cache().write(path, content, value, _extra())
