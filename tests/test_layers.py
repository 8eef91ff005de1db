"""The core is reachable without the TUI, and the layers import one way (harlequin's fence)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# one xdist worker runs this module, so the one process of `core_imports` runs once
pytestmark = pytest.mark.xdist_group("test_layers")

CORE = [
    "drafter.model", "drafter.util", "drafter.mine", "drafter.catalog", "drafter.plans",
    "drafter.render", "drafter.check", "drafter.cli",
]
_IMPORT_ALL = """
import importlib, pkgutil, sys
package = importlib.import_module(sys.argv[1])
names = [sys.argv[1]] + [m.name for m in pkgutil.walk_packages(package.__path__,
                                                                 sys.argv[1] + ".")]
for name in names:
    importlib.import_module(name)
    assert "textual" not in sys.modules, f"{name} imported textual"
print(len(names))
"""
# Every core package in ONE interpreter, one after the other (a Python start and the shared
# imports cost ~0.6 s a package): a module that imports textual is named at its package, and
# every later package then reports that textual was already there.
_IMPORT_CORE = """
import importlib, json, pkgutil, sys
found = {}
for top in sys.argv[1:]:
    try:
        package = importlib.import_module(top)
        names = [top] + [m.name for m in pkgutil.walk_packages(package.__path__, top + ".")]
        for name in names:
            before = "textual" in sys.modules
            importlib.import_module(name)
            if "textual" in sys.modules:
                raise AssertionError(f"{name} imported textual" if not before else
                                     "textual was imported by an earlier package")
        found[top] = len(names)
    except BaseException as exc:
        found[top] = f"{type(exc).__name__}: {exc}"
print(json.dumps(found))
"""


@pytest.fixture(scope="module")
def core_imports() -> dict[str, int | str]:
    """{package: modules imported, or the error}, every core package walked in one process."""
    done = subprocess.run([sys.executable, "-c", _IMPORT_CORE, *CORE], cwd=ROOT,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)  # type: ignore[no-any-return]


@pytest.mark.parametrize("package", CORE)
def test_every_core_module_imports_without_textual(package: str,
                                                   core_imports: dict[str, int | str]) -> None:
    """Every submodule of the package, not just its __init__ (which imports nothing)."""
    walked = core_imports[package]
    assert isinstance(walked, int), walked
    assert walked > 1  # the package and its modules were walked


def test_every_tui_module_imports() -> None:
    fence = '    assert "textual" not in sys.modules, f"{name} imported textual"\n'
    code = _IMPORT_ALL.replace(fence, "")
    done = subprocess.run([sys.executable, "-c", code, "drafter.tui"], cwd=ROOT,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert int(done.stdout) > 10


@pytest.mark.parametrize(("package", "names"), [
    ("drafter.catalog", ["open_catalogue", "save_catalogue", "SearchIndex"]),
    ("drafter.mine", ["mine_file", "mine_into_catalogue"]),
    ("drafter.plans", ["load_plan", "save_plan"]),
    ("drafter.render", ["build_document", "render_blocks"]),
    ("drafter.check", ["check_plan", "stale_flags"]),
])
def test_public_names_resolve(package: str, names: list[str]) -> None:
    """Each name in __all__ resolves (lazily) to what its module defines."""
    import importlib

    module = importlib.import_module(package)
    assert set(names) <= set(module.__all__)
    for name in module.__all__:
        assert getattr(module, name) is not None
    with pytest.raises(AttributeError):
        module.no_such_name  # noqa: B018


def test_model_imports_no_io_libraries() -> None:
    code = (
        "import sys, drafter.model\n"
        "bad = [m for m in ('yaml', 'jinja2', 'docx', 'textual', 'click') if m in sys.modules]\n"
        "assert not bad, bad"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_import_linter_contracts_hold() -> None:
    exe = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert exe is not None, "import-linter is in the test extra: pip install -e '.[test]'"
    result = subprocess.run([exe], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
