"""Case 16: the catalogue cache is keyed on content, so a same-size edit with the mtime restored
is seen (it used to serve stale text, and `catalog check` then passed a broken file)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from drafter.catalog.load import load_catalogue
from tests.hostile.helpers import run_here, small_catalogue


def test_same_size_edit_with_mtime_restored(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    cat = small_catalogue(tmp_path / "catalog")
    path = cat / "党建.yaml"
    first = load_catalogue(cat)  # warms the cache
    clause = first.get("dj-03784f")
    assert clause is not None and clause.body.startswith("开展主题教育")
    stat = path.stat()
    text = path.read_text(encoding="utf-8")
    edited = text.replace("开展主题教育", "开展专题教育", 1)
    assert len(edited.encode()) == len(text.encode())
    path.write_text(edited, encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert path.stat().st_size == stat.st_size and path.stat().st_mtime_ns == stat.st_mtime_ns
    again = load_catalogue(cat).get("dj-03784f")
    assert again is not None and again.body.startswith("开展专题教育")

    broken = edited.replace("  kind: plan\n", "  kind: pla!\n", 1)  # same size, now invalid
    path.write_text(broken, encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    run_here(capsys, "catalog", "check", str(cat)).refused("党建.yaml:", "pla!")
