"""Shared fixtures: the repo's paths, the corpus, and a per-test DRAFTER_HOME."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from pathlib import Path

import pytest

# The suite starts many Python processes (xdist workers, end-to-end CLI runs, the layers and
# wheel tests): they share compiled bytecode (__pycache__, git-ignored) even where the
# environment turns writing it off, instead of each compiling drafter and the tests again.
sys.dont_write_bytecode = False
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)

# A pilot test makes millions of short-lived objects (Textual's strips, styles, messages):
# with the default thresholds the cyclic GC ran every 700 allocations and a full collection of
# the test process's large heap about once per test, ~20% of a pilot test's CPU. Collecting less
# often frees the same garbage (a worker stays under ~200 MB); nothing a test asserts depends
# on when the collector runs.
gc.set_threshold(50_000, 20, 10)

ROOT = Path(__file__).resolve().parents[1]


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """`-n auto`: two workers per core. A pilot test sleeps about half its time (Textual waits
    for the app to go idle after each key) and the LibreOffice tests wait on soffice; with one
    worker per core those waits left the cores idle for a third of the run."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return 2 * (cores or 1)


def _drives_the_app(item: pytest.Item) -> bool:
    """A pilot test (async, the real app driven by keys) or an SVG snapshot: seconds each."""
    return (item.get_closest_marker("asyncio") is not None
            or "snap_compare" in getattr(item, "fixturenames", ()))


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests marked `slow` (seconds of subprocesses each: the wheel, fault injection) run
    first, then the modules with app-driving tests (each module kept together, in its order),
    so with xdist the run ends on short tests on every worker rather than a tail of slow ones.
    (xdist itself hands out the `xdist_group` modules, largest first, before single tests.)"""
    heavy = {item.module for item in items if _drives_the_app(item)}  # type: ignore[attr-defined]
    items.sort(key=lambda item: (item.get_closest_marker("slow") is None,
                                 getattr(item, "module", None) not in heavy))
CORPUS = ROOT / "examples" / "corpus"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture
def corpus() -> Path:
    return CORPUS


def corpus_file(prefix: str) -> Path:
    """examples/corpus/<prefix>_*.txt, e.g. corpus_file("001")."""
    return next(CORPUS.glob(f"{prefix}_*.txt"))


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Autosave and caches go to a temp folder, never the developer's ~/.drafter."""
    monkeypatch.setenv("DRAFTER_HOME", str(tmp_path_factory.mktemp("home")))
    # and new plans and documents are offered in a temp "documents" folder, never ~/Documents
    monkeypatch.setenv("DRAFTER_DOCUMENTS", str(tmp_path_factory.mktemp("documents")))


def run_cli(*args: str, cwd: Path | None = None, input: str | None = None
            ) -> subprocess.CompletedProcess[str]:
    """Run `drafter` in this process, as its console script does (`drafter.cli.main`: Chinese
    click messages, the error guard, exit codes), with click's CliRunner capturing stdout and
    stderr apart. Most CLI tests use this; `run_cli_process` is for the few end-to-end ones."""
    from click.testing import CliRunner

    from drafter.cli import main

    code: int = 0
    old_cwd, old_argv = os.getcwd(), sys.argv
    with CliRunner().isolation(input=input) as (out, err, *_):
        os.chdir(cwd or ROOT)
        sys.argv = ["drafter", *args]
        try:
            main()
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 0 if exc.code is None else 1
        finally:
            os.chdir(old_cwd)
            sys.argv = old_argv
        stdout = out.getvalue().decode("utf-8", "replace")
        stderr = err.getvalue().decode("utf-8", "replace")
    return subprocess.CompletedProcess(["drafter", *args], code, stdout, stderr)


def run_cli_process(*args: str, cwd: Path | None = None, input: str | None = None
                    ) -> subprocess.CompletedProcess[str]:
    """Run the real `drafter` command in a subprocess (the few end-to-end CLI tests)."""
    env = dict(os.environ)
    env.setdefault("PYTHONIOENCODING", "utf-8")
    return subprocess.run(
        [sys.executable, "-m", "drafter", *args],
        cwd=cwd or ROOT, capture_output=True, text=True, encoding="utf-8", env=env, input=input,
        timeout=300,
    )
