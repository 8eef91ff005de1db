"""Atomic writes (temp file, then rename), and output names that never escape their folder.

Writes never lose what the user had: the new bytes go to a temp file beside the target, fsynced,
then one rename. Without `overwrite` the rename cannot replace anything, even in a race (a hard
link, which fails if the name exists, then the temp name is dropped); with it, only a regular
file may be replaced (never /dev/null, a folder or a link). Errors name the target, in Chinese.
"""

from __future__ import annotations

import os
import re
import shutil
import stat
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from drafter.model.chars import UNSAFE_CHAR
from drafter.model.errors import DrafterError, display_path
from drafter.util.errors import os_problem

# Characters Windows forbids in file names, plus path separators and control characters.
_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f]')
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)),
             *(f"LPT{i}" for i in range(1, 10))}


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def atomic_write_bytes(path: Path, data: bytes, *, overwrite: bool = True) -> None:
    """Write `data` to `path` via a temp file in the same folder and an atomic rename.

    The result has the permissions a plain `open(path, "w")` would give (mkstemp's are 0600),
    or the existing file's, so documents stay readable by colleagues. `overwrite=False`
    refuses (DrafterError) if `path` exists at the moment of the rename."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        refuse_non_regular(path)
        try:
            mode = path.stat().st_mode & 0o777
        except FileNotFoundError:
            mode = 0o666 & ~_umask()
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name[:60]}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise DrafterError([os_problem(exc, path)]) from None
    try:
        os.chmod(tmp, mode)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if overwrite:
            refuse_non_regular(path)  # re-checked at the last moment
            os.replace(tmp, path)
        else:
            _rename_no_replace(tmp, path)
    except FileExistsError:
        Path(tmp).unlink(missing_ok=True)
        raise DrafterError.one(f"文件已存在：{path}（可能是另一个程序刚刚写入的）",
                               hint="如需覆盖请加 --force") from None
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise DrafterError([os_problem(exc, path)]) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _rename_no_replace(tmp: str, path: Path) -> None:
    """Move `tmp` to `path` only if `path` does not exist, atomically (FileExistsError if it
    does): link() never replaces on POSIX; rename() never replaces on Windows."""
    if os.name == "nt":  # pragma: no cover - Windows
        os.rename(tmp, path)
        return
    os.link(tmp, path)
    os.unlink(tmp)


def refuse_non_regular(path: Path) -> None:
    """--force may replace a regular file only: never a device, a folder, a pipe or a link."""
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return
    if not stat.S_ISREG(st.st_mode):
        kind = "文件夹" if stat.S_ISDIR(st.st_mode) else (
            "链接" if stat.S_ISLNK(st.st_mode) else "设备或特殊文件")
        raise DrafterError.one(f"{path} 是{kind}，不是普通文件，不会被覆盖（即使加了 --force）",
                               hint="请用 -o 指定一个普通的文件名")


def atomic_write_text(path: Path, text: str, *, overwrite: bool = True) -> None:
    atomic_write_bytes(path, text.encode("utf-8"), overwrite=overwrite)


MAX_NAME_BYTES = 200  # most file systems allow 255 bytes; leave room for a temp prefix


def safe_filename(name: str, fallback: str = "未命名", suffix: str = "") -> str:
    """A file name with no separators, no `..`, no control or bidi characters, nothing Windows
    forbids, no reserved device name, at most MAX_NAME_BYTES bytes — and `suffix` (".docx")
    always kept at the end, whatever the name was."""
    cleaned = UNSAFE_CHAR.sub("", name)
    cleaned = _FORBIDDEN.sub("_", cleaned).strip().strip(".").strip()
    cleaned = re.sub(r"\.{2,}", "_", cleaned)
    if not cleaned or cleaned.split(".")[0].upper() in _RESERVED:
        cleaned = f"{fallback}_{cleaned}" if cleaned else fallback
    budget = MAX_NAME_BYTES - len(suffix.encode("utf-8"))
    while len(cleaned.encode("utf-8")) > budget:
        cleaned = cleaned[:-1]
    return cleaned.rstrip(". ") + suffix


def inside(base: Path, name: str, suffix: str = "") -> Path:
    """`base / safe_filename(name, suffix=suffix)`, verified to stay inside `base`."""
    base = Path(base).resolve()
    target = (base / safe_filename(name, suffix=suffix)).resolve()
    if target.parent != base:
        raise DrafterError.one(
            f"输出文件名“{name}”会写到目标文件夹之外", hint="请改用不含路径的文件名"
        )
    return target


def check_writable(path: Path, force: bool) -> None:
    """Refuse to overwrite an existing file unless --force was given, and anything but a
    regular file even then."""
    refuse_non_regular(Path(path))
    if os.path.lexists(path) and not force:
        raise DrafterError.one(
            f"文件已存在：{path}", hint="如需覆盖请加 --force，或用 -o 指定其他文件名"
        )


def lock_path(folder: Path) -> Path:
    """The lock file for an output folder: in the user's data folder, keyed by the folder's
    resolved path, so nothing is left in the user's own folders."""
    import hashlib

    from drafter.util.paths import user_data_dir

    key = hashlib.sha1(str(Path(folder).resolve()).encode("utf-8")).hexdigest()[:20]
    return user_data_dir() / "locks" / f"{key}.lock"


@contextmanager
def folder_lock(folder: Path, what: str = "批量生成") -> Iterator[None]:
    """Hold an exclusive lock on an output folder (filelock: released by the OS if the holder
    dies), so two runs never interleave their files; a second run refuses at once."""
    from filelock import FileLock, Timeout

    folder = Path(folder)
    lock_file = lock_path(folder)
    try:
        lock_file.parent.mkdir(parents=True, exist_ok=True)
        lock = FileLock(str(lock_file), timeout=0)
        lock.acquire()
    except Timeout:
        raise DrafterError.one(f"另一个{what}正在写入文件夹 {folder}", hint="请等它完成后再运行，"
                               "或用 -o 指定另一个文件夹") from None
    except OSError as exc:
        raise DrafterError([os_problem(exc, folder)]) from None
    try:
        yield
    finally:
        lock.release()


def remove_stale_temps(folder: Path) -> None:
    """Temp files a killed writer left behind (`.<name>.<random>.tmp`); call under the lock."""
    for leftover in Path(folder).glob(".*.tmp"):
        try:
            leftover.unlink()
        except OSError:
            pass


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one atomic step (Linux renameat2 RENAME_EXCHANGE); False if the
    system cannot."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):  # pragma: no cover - not Linux/glibc
        return False
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    err = ctypes.get_errno()
    if err in (22, 38, 95):  # EINVAL, ENOSYS, EOPNOTSUPP: the file system cannot swap
        return False
    raise OSError(err, os.strerror(err), str(b))


def _siblings(target: Path, tag: str) -> list[Path]:
    return sorted(target.parent.glob(f".{target.name}.{tag}-*"))


def recover_folder(target: Path) -> None:
    """Undo what a killed `replace_folder` left: a half-written staging folder is dropped; if
    the target itself is missing (killed between two renames) the old folder comes back."""
    target = Path(target)
    olds = _siblings(target, "old")
    if not target.exists() and olds:
        os.rename(olds[-1], target)
        olds = olds[:-1]
    for leftover in _siblings(target, "new") + olds:
        shutil.rmtree(leftover, ignore_errors=True)


def replace_folder(target: Path, write: Callable[[Path], object]) -> None:
    """Fill a new folder beside `target` with `write(folder)`, copy over whatever else `target`
    held, then swap it in with one rename: a crash at any point leaves the old folder whole
    (or, before the first write, no folder at all). Call under a lock; `recover_folder` first."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=target.parent))
    try:  # mkdtemp's folders are 0700: give the new folder the old one's mode, or the default
        os.chmod(staging, target.stat().st_mode & 0o7777 if target.is_dir() else 0o777 & ~_umask())
        write(staging)
        if target.is_dir():
            for entry in target.iterdir():
                dest = staging / entry.name
                if dest.exists():
                    continue
                if entry.is_dir() and not entry.is_symlink():
                    shutil.copytree(entry, dest, symlinks=True)
                else:
                    shutil.copy2(entry, dest, follow_symlinks=False)
        _fsync_dir(staging)
        if not target.exists():
            os.rename(staging, target)
        elif _exchange(staging, target):
            shutil.rmtree(staging, ignore_errors=True)  # now holds the old folder
        else:  # pragma: no cover - no renameat2: two renames, `recover_folder` covers the gap
            old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
            os.rmdir(old)
            os.rename(target, old)
            os.rename(staging, target)
            shutil.rmtree(old, ignore_errors=True)
        _fsync_dir(target.parent)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise DrafterError([os_problem(exc, target)]) from None
    except DrafterError as exc:  # name the user's folder, never the staging one
        shutil.rmtree(staging, ignore_errors=True)
        raise DrafterError([replace(p, message=_unstage(p.message, staging, target),
                                    file=p.file and _unstage(p.file, staging, target))
                            for p in exc.problems]) from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _unstage(text: str, staging: Path, target: Path) -> str:
    """`text` with the staging folder named as the user's folder, in either form a message
    may show it (absolute, or relative to the current folder: `display_path`)."""
    text = text.replace(str(staging), str(target))
    return text.replace(display_path(staging), display_path(target))


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - Windows cannot open folders
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
