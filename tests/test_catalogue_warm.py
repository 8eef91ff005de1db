"""Every way drafter writes a catalogue leaves its load cache warm under the files' final paths,
so the next open parses no YAML: `drafter mine -o`, `drafter import`, and the TUI's import."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.catalog import load as load_module
from drafter.catalog import open_catalogue
from tests.conftest import corpus_file, run_cli


def _no_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(text: str, file: str) -> None:
        raise AssertionError(f"parsed {file}: the cache was cold")

    monkeypatch.setattr(load_module, "load_yaml", refuse)


def test_mine_output_opens_warm(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "catalog"
    assert run_cli("mine", str(corpus_file("001")), "-o", str(out)).returncode == 0
    _no_parsing(monkeypatch)
    assert len(open_catalogue(out)) > 0


def test_cli_import_leaves_the_catalogue_warm(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "catalog"
    result = run_cli("import", str(corpus_file("001")), "-o", str(tmp_path / "plan.yaml"),
                     "--catalog", str(folder))
    assert result.returncode == 0, result.stderr
    _no_parsing(monkeypatch)
    assert len(open_catalogue(folder)) > 0


def test_tui_import_leaves_the_catalogue_warm(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    from drafter.tui.controller.imports import import_into_catalogue

    folder = tmp_path / "catalog"
    imported = import_into_catalogue(corpus_file("001"), folder)
    _no_parsing(monkeypatch)
    reopened = open_catalogue(folder)
    assert [c.id for c in reopened] == [c.id for c in imported.catalogue]
