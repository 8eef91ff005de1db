"""A per-file cache of validated catalogue records, so a big catalogue opens fast when warm.

Parsing and validating 40,000 clauses of YAML takes seconds; reading back the validated plain
records takes a fraction of that. Each catalogue file gets one cache file under
`user_data_dir()/cache/catalog/`, keyed by a hash of the file's CONTENT (never size and mtime:
an edit of the same size with the mtime restored must not be served stale), a digest of the
code that reads and validates it (not the drafter version: a release that leaves that code
alone keeps the cache warm), the field tables' signature and this format's number; any
mismatch or damage means a miss. The records are plain dicts, lists, strings and numbers,
stored with marshal (never pickle).

A cache file is untrusted like any other file: it is served only when it carries the keyed
hash (BLAKE2b) that this user's drafter wrote with a secret kept beside the cache (0600, made on
first use). A file altered, copied from another machine or user, or cut short is a miss, and
marshal never reads bytes that failed that check.

This module must not validate or build model objects. Failing to write a cache is never an
error: the catalogue simply loads without it.
"""

from __future__ import annotations

import hashlib
import hmac
import marshal
import os
import tempfile
from pathlib import Path
from typing import Any

from drafter.catalog.fields import signature
from drafter.model.errors import DrafterError
from drafter.util.datacache import code_digest
from drafter.util.fs import atomic_write_bytes
from drafter.util.paths import user_data_dir

FORMAT = 3
_MAGIC = b"drafter-catalogue-cache\n"
_TAG = 32  # bytes of the keyed hash
_SECRET = 32


def digest(data: bytes) -> str:
    """The content key of a catalogue file."""
    return hashlib.blake2b(data, digest_size=20).hexdigest()


def _key(path: Path, content: str) -> tuple[Any, ...]:
    # signature(): the field table's names in order, so a changed table never reads old records
    return (FORMAT, readers(), signature(), str(path.resolve()), content)


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


def _folder() -> Path:
    return user_data_dir() / "cache" / "catalog"


def _cache_file(path: Path) -> Path:
    digest = hashlib.sha1(str(path.resolve()).encode("utf-8")).hexdigest()[:20]
    return _folder() / f"{digest}.marshal"


def _secret(create: bool) -> bytes | None:
    """This user's cache secret; made (0600, never replaced) when `create` and missing."""
    path = _folder() / "secret"
    try:
        secret = path.read_bytes()
        return secret if len(secret) == _SECRET else None
    except FileNotFoundError:
        if not create:
            return None
    except OSError:
        return None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".secret.", dir=path.parent)  # mode 0600
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(os.urandom(_SECRET))
                fh.flush()
                os.fsync(fh.fileno())
            os.link(tmp, path)  # atomic, and never over a secret another process just made
        except FileExistsError:
            pass
        finally:
            Path(tmp).unlink(missing_ok=True)
        secret = path.read_bytes()
    except OSError:
        return None
    return secret if len(secret) == _SECRET else None


def _tag(secret: bytes, payload: bytes) -> bytes:
    return hashlib.blake2b(payload, key=secret, digest_size=_TAG).digest()


def read(path: Path, content: str) -> Any | None:
    """The cached value for this exact file content (`digest(bytes)`), or None."""
    secret = _secret(create=False)
    if secret is None:
        return None
    try:
        raw = _cache_file(path).read_bytes()
    except OSError:
        return None
    head = len(_MAGIC)
    if not raw.startswith(_MAGIC) or len(raw) < head + _TAG:
        return None
    tag, payload = raw[head:head + _TAG], raw[head + _TAG:]
    if not hmac.compare_digest(tag, _tag(secret, payload)):
        return None  # altered, or written with another secret: untrusted
    try:
        key, value = marshal.loads(payload)
    except (EOFError, ValueError, TypeError):
        return None
    return value if key == _key(path, content) else None


def write(path: Path, content: str, value: Any) -> None:
    """Store `value` (marshal-able plain data) for this file content; silently skip on failure."""
    try:
        secret = _secret(create=True)
        if secret is None:
            return
        payload = marshal.dumps((_key(path, content), value))
        atomic_write_bytes(_cache_file(path), _MAGIC + _tag(secret, payload) + payload)
    except (OSError, ValueError, DrafterError):
        return
