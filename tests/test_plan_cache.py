"""A plan validated once is not validated again while its file and the reading code are
unchanged (drafter.util.datacache): the cached plan equals the validated one, lines included;
any edit, a tampered cache or a plan with problems is validated from the file."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from drafter.model import DrafterError, Plan
from drafter.plans import io as plan_io
from drafter.plans import load_plan, plan_to_yaml
from drafter.util.dataclass_data import to_data
from tests.test_format_fields import full_plan

ROOT = Path(__file__).resolve().parents[1]


def _full_plan_file(tmp_path: Path) -> Path:
    path = tmp_path / "full.yaml"
    path.write_text(plan_to_yaml(full_plan()), encoding="utf-8")
    return path


def _validations(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files validated from here on (a cache hit validates nothing)."""
    seen: list[str] = []
    real = plan_io.plan_from_yaml

    def counting(text: str, file: str) -> Plan:
        seen.append(Path(file).name)
        return real(text, file)

    monkeypatch.setattr(plan_io, "plan_from_yaml", counting)
    return seen


@pytest.mark.parametrize("source", ["examples/city_plan.yaml", "tests/data/plans/good.yaml",
                                    "full"])
def test_a_cached_plan_equals_the_validated_one_lines_included(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, source: str) -> None:
    path = _full_plan_file(tmp_path) if source == "full" else tmp_path / "plan.yaml"
    if source != "full":
        path.write_bytes((ROOT / source).read_bytes())
    validated = plan_io.plan_from_yaml(path.read_text(encoding="utf-8"), str(path))
    first = load_plan(path)  # validates, writes the cache
    seen = _validations(monkeypatch)
    cached = load_plan(path)
    assert seen == []  # served from the cache
    assert cached == validated == first
    # the bookkeeping (each part's line, the file) is what validation found
    assert to_data(cached, bookkeeping=True) == to_data(validated, bookkeeping=True)
    assert cached.value_lines == validated.value_lines
    assert [c.line for c in cached.chapters] == [c.line for c in validated.chapters]
    assert all(i.line for c in cached.chapters for i in c.items)


def test_an_edit_of_the_same_size_is_validated_again(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "plan.yaml"
    path.write_bytes((ROOT / "examples/city_plan.yaml").read_bytes())
    load_plan(path)
    stat = path.stat()
    text = path.read_text(encoding="utf-8")
    year = str(load_plan(path).meta.year)
    path.write_text(text.replace(f"year: {year}", f"year: {int(year) + 1}", 1), encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # mtime restored: content decides
    seen = _validations(monkeypatch)
    assert load_plan(path).meta.year == int(year) + 1
    assert seen == ["plan.yaml"]


def test_a_broken_edit_reports_its_problems_not_the_cached_plan(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_bytes((ROOT / "examples/city_plan.yaml").read_bytes())
    load_plan(path)
    path.write_text(path.read_text(encoding="utf-8") + "bogus_key: 1\n", encoding="utf-8")
    for _ in range(2):  # a plan with problems is never cached: reported every time
        with pytest.raises(DrafterError) as info:
            load_plan(path)
        assert any("bogus_key" in str(p) for p in info.value.problems)


def test_a_tampered_cache_is_not_served(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _full_plan_file(tmp_path)
    load_plan(path)
    folder = plan_io.PLAN_CACHE.folder()
    (entry,) = folder.glob("*.marshal")
    old = "章".encode()
    assert old in entry.read_bytes()
    entry.write_bytes(entry.read_bytes().replace(old, "节".encode()))
    seen = _validations(monkeypatch)
    plan = load_plan(path)
    assert seen == ["full.yaml"]
    assert plan == full_plan()


def test_the_plan_keeps_the_path_this_command_names(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    path = _full_plan_file(tmp_path)
    load_plan(path)
    monkeypatch.chdir(tmp_path)
    assert load_plan(Path("full.yaml")).path == "full.yaml"


def test_a_change_to_the_reading_code_is_a_miss(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    path = _full_plan_file(tmp_path)
    load_plan(path)
    monkeypatch.setattr(plan_io, "PLAN_CACHE", plan_io.DataCache("plan", ("plans",), 2))
    seen = _validations(monkeypatch)
    load_plan(path)
    assert seen == ["full.yaml"]


def test_a_cached_load_neither_validates_nor_imports_pydantic(tmp_path: Path) -> None:
    """The point of the cache: a build of an unchanged plan starts without pydantic. And the
    key covers every drafter module a plan load runs (fresh processes)."""
    path = _full_plan_file(tmp_path)
    script = (
        "import sys\n"
        "from drafter.plans import load_plan\n"
        "from drafter.plans.io import PLAN_CACHE\n"
        f"load_plan({str(path)!r})\n"
        "mods = sorted(m.replace('.', '/')[len('drafter/'):] for m in sys.modules\n"
        "              if m.startswith('drafter.') and getattr(sys.modules[m], '__file__', None))\n"
        "print('uncovered', [m for m in mods if not PLAN_CACHE.covers(m)])\n"
        "print('pydantic', 'pydantic' in sys.modules)\n")
    env = {**os.environ, "DRAFTER_HOME": str(tmp_path / "home")}
    runs = [subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                           env=env, check=True, cwd=ROOT).stdout for _ in range(2)]
    assert "uncovered []" in runs[0] and "pydantic True" in runs[0]  # validated: a miss
    assert "uncovered []" in runs[1] and "pydantic False" in runs[1]  # a hit
