"""Atomic writes (temp file, then rename), and output names that never escape their folder."""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

from drafter.model.errors import DrafterError

# Characters Windows forbids in file names, plus path separators and control characters.
_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f]')
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)),
             *(f"LPT{i}" for i in range(1, 10))}


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write `data` to `path` via a temp file in the same folder and an atomic rename.

    The result has the permissions a plain `open(path, "w")` would give (mkstemp's are 0600),
    or the existing file's, so documents stay readable by colleagues."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        mode = path.stat().st_mode & 0o777
    except FileNotFoundError:
        mode = 0o666 & ~_umask()
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.chmod(tmp, mode)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def atomic_write_text(path: Path, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


def safe_filename(name: str, fallback: str = "未命名") -> str:
    """A file name with no separators, no `..`, nothing Windows forbids, no reserved device name."""
    cleaned = _FORBIDDEN.sub("_", name).strip().strip(".")
    cleaned = re.sub(r"\.{2,}", "_", cleaned)
    if not cleaned or cleaned.split(".")[0].upper() in _RESERVED:
        cleaned = f"{fallback}_{cleaned}" if cleaned else fallback
    return cleaned[:150]


def inside(base: Path, name: str) -> Path:
    """`base / safe_filename(name)`, verified to stay inside `base`."""
    base = Path(base).resolve()
    target = (base / safe_filename(name)).resolve()
    if target.parent != base:
        raise DrafterError.one(
            f"输出文件名“{name}”会写到目标文件夹之外", hint="请改用不含路径的文件名"
        )
    return target


def check_writable(path: Path, force: bool) -> None:
    """Refuse to overwrite an existing file unless --force was given."""
    if Path(path).exists() and not force:
        raise DrafterError.one(
            f"文件已存在：{path}", hint="如需覆盖请加 --force，或用 -o 指定其他文件名"
        )
