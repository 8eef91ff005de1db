"""Case 5 (YAML part): a 478-byte alias bomb is refused at once instead of expanding to 11 GB.

The document readers' zip bombs and `mine /dev/zero` are the readers' cases (issue 15); here:
the alias bomb in a plan, a catalogue and a batch file, recursive aliases, and an oversized file.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from drafter.model.errors import DrafterError
from drafter.util import yamlio
from tests.hostile.helpers import run, run_here, small_catalogue


def bomb(levels: int = 9) -> str:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, levels):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [" + ",".join([f"*{prev}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def test_the_bomb_is_small_and_refused_fast() -> None:
    text = bomb()
    assert len(text.encode()) < 600
    start = time.process_time()  # CPU: the machine's load does not move it
    with pytest.raises(DrafterError) as info:
        yamlio.load_yaml(text, "bomb.yaml")
    assert time.process_time() - start < 2
    assert "锚点" in str(info.value) and "bomb.yaml:1" in str(info.value)


def test_plan_bomb_through_the_cli(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(bomb() + "meta:\n  title: x\n", encoding="utf-8")
    run("build", str(plan), "-o", str(tmp_path / "x.md"), timeout=60).refused("锚点", within=20)


def test_catalogue_and_batch_bombs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cat = small_catalogue(tmp_path / "catalog")
    (cat / "党建.yaml").write_text(bomb() + "chapter: 党建\nclauses: []\n", encoding="utf-8")
    run_here(capsys, "catalog", "check", str(cat)).refused("党建.yaml:1", "锚点")
    batch = tmp_path / "batch.yaml"
    batch.write_text(bomb() + "base: plan.yaml\n", encoding="utf-8")
    run_here(capsys, "batch", str(batch), "-o", str(tmp_path / "out")).refused("锚点")
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_modest_aliases_still_load() -> None:
    data, lines = yamlio.load_yaml("a: &x {k: 1}\nb: *x\nc: *x\n", "f.yaml")
    assert data["b"] == {"k": 1} and lines.line("c") == 3


@pytest.mark.parametrize("text", ["&a [*a]\n", "a: &a\n  b: *a\n"])
def test_recursive_aliases_are_refused(text: str) -> None:
    with pytest.raises(DrafterError, match="递归"):
        yamlio.load_yaml(text, "f.yaml")


def test_an_oversized_file_is_not_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamlio, "MAX_YAML_BYTES", 1000)
    path = tmp_path / "big.yaml"
    path.write_text("a: " + "x" * 5000 + "\n", encoding="utf-8")
    with pytest.raises(DrafterError, match="超过"):
        yamlio.read_yaml_file(path, "计划文件")


def test_a_plan_named_dev_zero_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero here")
    run_here(capsys, "build", "/dev/zero", "-o", "/dev/null").refused()
