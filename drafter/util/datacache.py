"""A user's private cache of what validating a file produced, keyed by the file's content.

Why: validating a file (a plan, the style profile, the check rules, a catalogue) runs pydantic
schemas and compiles patterns; a file validated once need not be validated again while neither
its content nor the code that reads it changes. Each kind of file has a `DataCache`; each file
one cache entry under `user_data_dir()/cache/<kind>/`, keyed by:
- a digest of the file's CONTENT (never size and mtime: an edit of the same size with the mtime
  restored must not be served stale);
- a digest of the reading code: every module of the packages the kind names (whole packages, so
  a module added to a load is covered without anyone remembering to add it), the Python
  version, and the versions of the libraries that parse, validate and compile (PyYAML,
  pydantic, regex, Jinja2) read from their installed metadata's folder names, which costs no
  import;
- the kind's format number and the path of the file.
Any mismatch or damage is a miss. Values are plain dicts, lists, strings and numbers, stored
with marshal (never pickle).

A cache file is untrusted like any other file: it is served only when it carries the keyed hash
(BLAKE2b) that this user's drafter wrote with a secret kept in the cache folder (0600, made on
first use). A file altered, copied from another machine or user, or cut short is a miss, and
marshal never reads bytes that failed that check. Only what validated without a problem is
stored, so a file with problems is validated (and its problems reported) every time.

Failing to read or write a cache is never an error: the file is simply validated again. Each
kind keeps at most `MAX_ENTRIES` files and `MAX_BYTES` in all; the least recently written go
first.
"""

from __future__ import annotations

import hashlib
import hmac
import importlib.util
import marshal
import os
import stat
import sys
import tempfile
from collections.abc import Callable
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, TypeVar

from drafter import __version__
from drafter.model.errors import DrafterError
from drafter.util.fs import atomic_write_bytes
from drafter.util.paths import user_data_dir

T = TypeVar("T")
_MAGIC = b"drafter-cache\n"
_TAG = 32  # bytes of the keyed hash
_SECRET = 32
MAX_ENTRIES = 256
MAX_BYTES = 1 << 30  # per kind: a 40,000-clause catalogue's entries take some tens of MB
# The libraries whose answers a cached value keeps: their distributions' metadata folders
_LIBRARIES = (("yaml", "pyyaml"), ("pydantic", "pydantic"), ("pydantic_core", "pydantic_core"),
              ("regex", "regex"), ("jinja2", "jinja2"), ("markupsafe", "markupsafe"))


def digest(data: bytes) -> str:
    """The content key of a file."""
    return hashlib.blake2b(data, digest_size=20).hexdigest()


@cache
def code_digest(packages: tuple[str, ...]) -> str:
    """A digest of drafter's `packages` (every module) and of the parsing libraries' versions;
    drafter's version when the code cannot be read."""
    h = hashlib.blake2b(digest_size=16)
    h.update(libraries().encode() + b"\0")
    for package in packages:
        part = _package_digest(package)
        if part is None:
            return f"version {__version__}"
        h.update(package.encode() + b"\0" + part + b"\0")
    return h.hexdigest()


@cache
def _package_digest(package: str) -> bytes | None:
    """One package's modules, read once per process however many kinds name it."""
    h = hashlib.blake2b(digest_size=16)
    root = Path(__file__).resolve().parents[1]
    try:
        files = sorted((root / package).rglob("*.py"))
        for file in files:
            name = file.relative_to(root).as_posix()
            h.update(name.encode() + b"\0" + file.read_bytes() + b"\0")
    except OSError:
        return None
    return h.digest() if files else None  # no sources (a zipapp, a frozen build): unreadable


@lru_cache(maxsize=1)
def libraries() -> str:
    """The installed versions of the parsing libraries, from their metadata folders' names
    (`pydantic-2.14.4.dist-info`) and compiled parts (`yaml/_yaml….so`): importing them just
    to ask would cost what the cache saves."""
    found = [sys.version]  # marshal's format and compiled code are Python's own
    for module, dist in _LIBRARIES:
        try:
            spec = importlib.util.find_spec(module)
        except (ImportError, ValueError):
            spec = None
        origin = Path(spec.origin) if spec and spec.origin else None
        names: list[str] = []
        if origin is not None:
            site = origin.parent.parent if origin.name == "__init__.py" else origin.parent
            names = [name for name in _listing(site) if name.lower().startswith(dist + "-")
                     and name.endswith((".dist-info", ".egg-info"))]
        found.append(f"{module}:{origin}:{','.join(names)}:{','.join(_extensions(origin))}")
    return ";".join(found)


@lru_cache(maxsize=8)
def _listing(folder: Path) -> tuple[str, ...]:
    """A folder's names, listed once however many libraries it holds (site-packages)."""
    try:
        return tuple(sorted(p.name for p in folder.iterdir()))
    except OSError:
        return ()


def _extensions(origin: Path | None) -> list[str]:
    """A library's compiled parts (PyYAML with or without libyaml reads alike, but may not)."""
    if origin is None or origin.name != "__init__.py":
        return []
    try:
        return sorted(p.name for p in origin.parent.iterdir() if p.suffix in (".so", ".pyd"))
    except OSError:
        return []


class DataCache:
    """The cache of one kind of file (`kind` names its folder), keyed as the module says."""

    def __init__(self, kind: str, packages: tuple[str, ...], fmt: int) -> None:
        self.kind, self.packages, self.fmt = kind, packages, fmt

    def folder(self) -> Path:
        return user_data_dir() / "cache" / self.kind

    def covers(self, module: str) -> bool:
        """Whether the key covers `module` ("catalog/schema", "model", "util/yaml_quick"…)."""
        return module.split("/", 1)[0] in self.packages

    def key(self, path: Path | str, content: str) -> tuple[Any, ...]:
        return (self.fmt, self.kind, code_digest(self.packages), _place(path), content)

    def _file(self, path: Path | str) -> Path:
        name = hashlib.sha1(_place(path).encode("utf-8")).hexdigest()[:20]
        return self.folder() / f"{name}.marshal"

    def get(self, path: Path | str, text: str, compute: Callable[[], T],
            encode: Callable[[T], Any], decode: Callable[[Any], T]) -> T:
        """What `compute()` (the validation of `text`, read from `path`) gives, or what it
        gave before for this text: `decode(cached)`. A cached value that no longer decodes is a
        miss; one that cannot be encoded (TypeError) is simply not stored."""
        content = digest(text.encode("utf-8", "surrogatepass"))
        cached = self.read(path, content)
        if cached is not None:
            try:
                return decode(cached)
            except (TypeError, ValueError, KeyError, AttributeError):
                pass  # from code that no longer fits: validate as if missing
        value = compute()
        try:
            self.write(path, content, encode(value))
        except TypeError:
            pass
        return value

    def read(self, path: Path | str, content: str, key: tuple[Any, ...] = ()) -> Any | None:
        """The value cached for this exact content (`digest(bytes)`) and `key`, or None."""
        secret = _secret(self.folder(), create=False)
        if secret is None:
            return None
        raw = _read_own(self._file(path))
        if raw is None:
            return None
        head = len(_MAGIC)
        if not raw.startswith(_MAGIC) or len(raw) < head + _TAG:
            return None
        tag, payload = raw[head:head + _TAG], raw[head + _TAG:]
        if not hmac.compare_digest(tag, _tag(secret, payload)):
            return None  # altered, or written with another secret: untrusted
        try:
            stored, value = marshal.loads(payload)
        except (EOFError, ValueError, TypeError):
            return None
        return value if stored == (*self.key(path, content), *key) else None

    def write(self, path: Path | str, content: str, value: Any,
              key: tuple[Any, ...] = ()) -> None:
        """Store `value` (marshal-able plain data); silently skip on any failure."""
        try:
            secret = _secret(self.folder(), create=True)
            if secret is None:
                return
            payload = marshal.dumps(((*self.key(path, content), *key), value))
            target = self._file(path)
            atomic_write_bytes(target, _MAGIC + _tag(secret, payload) + payload)
            _prune(target.parent)
        except (OSError, ValueError, DrafterError):
            return


def _place(path: Path | str) -> str:
    """Where an entry belongs: a file (a Path) by its resolved path, else the name as given."""
    return str(path.resolve()) if isinstance(path, Path) else path


def _prune(folder: Path) -> None:
    """Keep the newest entries of a kind: at most MAX_ENTRIES of them and MAX_BYTES in all."""
    entries: list[tuple[int, int, Path]] = []
    for entry in folder.glob("*.marshal"):
        try:
            info = entry.stat()
        except OSError:
            continue
        entries.append((info.st_mtime_ns, info.st_size, entry))
    entries.sort(reverse=True)  # newest first
    kept = total = 0
    for _, size, entry in entries:
        if kept < MAX_ENTRIES and total + size <= MAX_BYTES:
            kept, total = kept + 1, total + size
        else:
            entry.unlink(missing_ok=True)


def _secret(folder: Path, create: bool) -> bytes | None:
    """This user's cache secret; made (0600, in a 0700 folder, never replaced) when `create` and
    missing. None — no caching — unless the folder and the secret are this user's own and no
    one else may write the folder or read the secret (a cache whose secret another user could
    plant would let them plant signed entries, and compiled templates are code)."""
    path = folder / "secret"
    if not _private(folder, _GROUP_OTHER_WRITE):
        try:
            if folder.exists() and _private(folder, 0):
                folder.chmod(0o700)  # ours, but others may write it (umask 002): close it
            elif create:
                folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        except OSError:
            return None
        if not _private(folder, _GROUP_OTHER_WRITE):
            return None
    secret = _read_own(path, private=True)
    if secret is None and create and not path.exists():
        try:
            fd, tmp = tempfile.mkstemp(prefix=".secret.", dir=folder)  # mode 0600
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
        except OSError:
            return None
        secret = _read_own(path, private=True)
    return secret if secret is not None and len(secret) == _SECRET else None


_GROUP_OTHER_WRITE = 0o022
_GROUP_OTHER_ANY = 0o077


def _private(path: Path, forbidden: int) -> bool:
    """`path` exists, is this user's (where the system has users) and has none of the
    `forbidden` permission bits."""
    try:
        info = path.stat()
    except OSError:
        return False
    getuid = getattr(os, "getuid", None)
    if getuid is None:  # Windows: no owner or mode bits to check here
        return True
    return info.st_uid == getuid() and not info.st_mode & forbidden


def _read_own(path: Path, *, private: bool = False) -> bytes | None:
    """A regular file's bytes, never through a symbolic link and never blocking on a pipe; with
    `private`, only when no one but this user may read or write it. None otherwise."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    flags |= getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return None
        getuid = getattr(os, "getuid", None)
        if getuid is not None and (info.st_uid != getuid()
                                   or (private and info.st_mode & _GROUP_OTHER_ANY)):
            return None
        with os.fdopen(fd, "rb", closefd=False) as fh:
            return fh.read()
    except (OSError, ValueError):
        return None
    finally:
        os.close(fd)


def _tag(secret: bytes, payload: bytes) -> bytes:
    return hashlib.blake2b(payload, key=secret, digest_size=_TAG).digest()
