"""LibreOffice headless, run one way for every caller (readers converting .doc/.wps/.rtf/.odt,
render making PDF).

The program is found once ($DRAFTER_SOFFICE — set but empty means "none" — then PATH, then the
usual Windows install places). Each run gets a private, throw-away user profile (so it neither
touches nor waits for the user's own LibreOffice) and its own process group, and the whole group
is killed at the timeout or when the caller is interrupted: a hung office leaves nothing behind.
Callers turn the two failures into their own Chinese messages (they know which file it was).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

_NAMES = ("soffice", "libreoffice", "soffice.exe")
_WINDOWS = (r"C:\Program Files\LibreOffice\program\soffice.exe",
            r"C:\Program Files (x86)\LibreOffice\program\soffice.exe")


class OfficeTimeout(Exception):
    """LibreOffice ran past its time and was stopped."""


class OfficeStartError(Exception):
    """LibreOffice could not be started (the OS error's text is the message)."""


def find_soffice() -> str | None:
    """The LibreOffice program, or None."""
    if "DRAFTER_SOFFICE" in os.environ:
        configured = os.environ["DRAFTER_SOFFICE"]
        if not configured:
            return None
        return shutil.which(configured) or (configured if Path(configured).exists() else None)
    for name in _NAMES:
        found = shutil.which(name)
        if found:
            return found
    return next((p for p in _WINDOWS if Path(p).exists()), None)


def run_convert(program: str, files: Sequence[Path], out_dir: Path, fmt: str, *,
                timeout: float) -> int:
    """`soffice --convert-to fmt` of every file into `out_dir` in one run; its exit status.

    Raises OfficeTimeout or OfficeStartError; on any interruption the office is killed first."""
    with tempfile.TemporaryDirectory(prefix="drafter-lo-") as profile:
        command = [program, f"-env:UserInstallation={Path(profile).resolve().as_uri()}",
                   "--headless", "--invisible", "--nologo", "--norestore", "--nolockcheck",
                   "--convert-to", fmt, "--outdir", str(out_dir), *map(str, files)]
        env = dict(os.environ, HOME=os.environ.get("HOME", tempfile.gettempdir()))
        try:
            process = subprocess.Popen(command, stdin=subprocess.DEVNULL,
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                       start_new_session=True, env=env)
        except OSError as exc:
            raise OfficeStartError(exc.strerror or str(exc)) from None
        try:
            return process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            _kill_group(process)
            raise OfficeTimeout from None
        except BaseException:
            _kill_group(process)
            raise


def _kill_group(process: subprocess.Popen[bytes]) -> None:
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError, AttributeError):
        process.kill()
    process.wait()
