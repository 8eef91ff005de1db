"""An installed wheel works: built from this checkout, installed into a fresh venv, `drafter
build` renders the example plan from a folder far from the checkout.

The fresh venv gets the test venv's site-packages as a plain path entry (so its .pth files,
the editable install of this checkout among them, are not processed): dependencies come from
there, drafter itself only from the wheel. Nothing is downloaded.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.slow


def _run(*cmd: str | Path, cwd: Path | None = None) -> str:
    # no PYTHONPATH: a path to a checkout there would shadow the installed wheel
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    done = subprocess.run([str(c) for c in cmd], cwd=cwd, capture_output=True, text=True,
                          encoding="utf-8", timeout=300, env=env)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout + done.stderr


def test_wheel_installs_and_builds_the_example(tmp_path: Path) -> None:
    src = tmp_path / "src"  # a clean copy: no build/ or egg-info left in the checkout
    shutil.copytree(ROOT, src, ignore=shutil.ignore_patterns(
        ".venv", ".git", "build", "*.egg-info", "__pycache__", ".pytest_cache", ".ruff_cache",
        ".mypy_cache", "tests", "bench", "docs"))
    _run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
         "--quiet", "-w", tmp_path / "dist", src)
    wheel = next((tmp_path / "dist").glob("drafter-*.whl"))

    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    site = Path(_run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])")
                .strip())
    (site / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    _run(sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "--quiet",
         wheel)

    work = tmp_path / "work"
    work.mkdir()
    shutil.copy(ROOT / "examples" / "city_plan.yaml", work / "plan.yaml")
    where = _run(python, "-c", "import drafter; print(drafter.__file__)", cwd=work)
    assert str(site) in where, where  # drafter came from the wheel, not the checkout
    _run(env_dir / "bin" / "drafter", "build", "plan.yaml", "-o", "out.docx", cwd=work)
    out = work / "out.docx"
    assert out.stat().st_size > 10_000
    import zipfile

    xml = zipfile.ZipFile(out).read("word/document.xml").decode("utf-8")
    assert "工作要点" in xml  # the bundled template and catalogue were found in the wheel
