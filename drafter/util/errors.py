"""OS errors and unexpected failures, in Chinese, for every caller that shows them to a user.

`os_problem` turns an OSError into a Problem that names the file the user cares about (the
target, not a temp file) and says what to do, by errno, so `[Errno 13] Permission denied` never
reaches a user. `save_crash_report` writes the traceback of an unexpected error to the user's
folder, so a crash is reported with a file a colleague can send, not printed.
"""

from __future__ import annotations

import datetime as _dt
import errno
import traceback
from pathlib import Path

from drafter.model.errors import Problem, display_path
from drafter.util.paths import user_data_dir

_BY_ERRNO: dict[int, tuple[str, str]] = {
    errno.EACCES: ("没有权限读写", "请检查文件夹权限，或换一个有写权限的位置"),
    errno.EPERM: ("没有权限读写", "请检查文件夹权限，或换一个有写权限的位置"),
    errno.EROFS: ("所在磁盘是只读的，无法写入", "请换一个可写的位置（如“文档”文件夹）"),
    errno.ENOSPC: ("磁盘空间不足，无法写入", "请清理磁盘空间后重试；原有文件未被改动"),
    errno.EDQUOT: ("磁盘配额已满，无法写入", "请清理磁盘空间后重试；原有文件未被改动"),
    errno.ENOENT: ("找不到文件或文件夹", "请检查路径是否正确"),
    errno.ENOTDIR: ("路径中有一段不是文件夹", "请检查路径是否正确"),
    errno.EISDIR: ("这是一个文件夹，不是文件", "请指定文件"),
    errno.EEXIST: ("文件已存在", "如需覆盖请加 --force"),
    errno.ENAMETOOLONG: ("文件名过长", "请缩短文件名或文件夹名"),
    errno.EMFILE: ("打开的文件过多", "请关闭其他程序后重试"),
    errno.EBUSY: ("文件正被占用", "请关闭打开该文件的程序（如 Word）后重试"),
    errno.ETXTBSY: ("文件正被占用", "请关闭打开该文件的程序（如 Word）后重试"),
}


def os_problem(exc: OSError, target: Path | str | None = None) -> Problem:
    """A Chinese Problem for an OSError; `target` is the file the user named (else the error's)."""
    what, hint = _BY_ERRNO.get(exc.errno or -1, ("无法读写文件", "请检查文件和文件夹是否可用"))
    name = target if target is not None else (exc.filename or "")
    return Problem(f"{what}：{display_path(name)}" if name else what, hint=hint)


def save_crash_report(exc: BaseException, where: str = "cli") -> Path | None:
    """Write the traceback to <user data>/crash/<time>-<where>.txt; None if that fails too."""
    try:
        folder = user_data_dir() / "crash"
        folder.mkdir(parents=True, exist_ok=True)
        stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        path = folder / f"{stamp}-{where}.txt"
        path.write_text("".join(traceback.format_exception(exc)), encoding="utf-8")
        return path
    except OSError:
        return None


def user_message(exc: BaseException) -> str:
    """What to show a user for a failure: a DrafterError's problems, an OSError by errno, and
    for anything else a Chinese sentence (never an exception name or an English message)."""
    from drafter.model.errors import DrafterError

    if isinstance(exc, DrafterError):
        return str(exc)
    if isinstance(exc, OSError):
        return str(os_problem(exc))
    return "程序内部出现意外问题，操作未完成"
