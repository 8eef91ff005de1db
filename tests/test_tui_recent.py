"""Recent files for the open and import dialogs: newest first, no repeats, gone files dropped,
a damaged store is an empty list (never an error)."""

from __future__ import annotations

from pathlib import Path

from drafter.tui import recent
from drafter.util.paths import user_data_dir


def test_newest_first_without_repeats(tmp_path: Path) -> None:
    files = [tmp_path / f"{n}.yaml" for n in range(3)]
    for path in files:
        path.write_text("meta: {}\n", encoding="utf-8")
        recent.remember("plan", path)
    recent.remember("plan", files[0])
    assert recent.recent("plan") == [files[0], files[2], files[1]]
    assert recent.recent("document") == []


def test_gone_files_and_the_limit(tmp_path: Path) -> None:
    files = [tmp_path / f"{n}.docx" for n in range(recent.LIMIT + 3)]
    for path in files:
        path.write_bytes(b"x")
        recent.remember("document", path)
    assert len(recent.recent("document")) == recent.LIMIT
    files[-1].unlink()
    assert files[-1] not in recent.recent("document")


def test_damaged_store_is_empty(tmp_path: Path) -> None:
    user_data_dir().mkdir(parents=True, exist_ok=True)
    (user_data_dir() / "recent.json").write_text("{not json", encoding="utf-8")
    assert recent.recent("plan") == []
    path = tmp_path / "p.yaml"
    path.write_text("meta: {}\n", encoding="utf-8")
    recent.remember("plan", path)  # rewrites the store
    assert recent.recent("plan") == [path]
