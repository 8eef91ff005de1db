"""The core is reachable without the TUI, and the layers import one way (harlequin's fence)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

CORE = [
    "drafter.model", "drafter.util", "drafter.mine", "drafter.catalog", "drafter.plans",
    "drafter.render", "drafter.check", "drafter.cli",
]


@pytest.mark.parametrize("module", CORE)
def test_core_imports_without_textual(module: str) -> None:
    code = f"import sys, {module}; assert 'textual' not in sys.modules, 'textual imported'"
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_model_imports_no_io_libraries() -> None:
    code = (
        "import sys, drafter.model\n"
        "bad = [m for m in ('yaml', 'jinja2', 'docx', 'textual', 'click') if m in sys.modules]\n"
        "assert not bad, bad"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_import_linter_contracts_hold() -> None:
    exe = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    if exe is None:
        pytest.skip("import-linter not installed")
    result = subprocess.run([exe], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
