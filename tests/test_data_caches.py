"""Files validated once are not validated again while their content and the reading code are
unchanged (drafter.util.datacache): the style profile, the check rules, the level-term table,
and (tests/test_plan_cache.py) plans. What a cache serves equals what validation gives; an edit
is seen; a file with problems reports them every time; a repeat build imports no validator."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from drafter.check import table as table_module
from drafter.check.table import RuleTable, default_table, load_table, parse_table
from drafter.model.errors import DrafterError
from drafter.render import profile as profile_module
from drafter.render.profile import load_profile
from drafter.util import datacache, level_terms
from drafter.util.datacache import DataCache
from drafter.util.dataclass_data import to_data
from drafter.util.userregex import TimedPattern

ROOT = Path(__file__).resolve().parents[1]


def _refuse(monkeypatch: pytest.MonkeyPatch, module: Any, name: str) -> list[str]:
    """Count calls of module.name (the validation a cache hit must skip)."""
    calls: list[str] = []
    real = getattr(module, name)

    def counting(*args: Any, **kwargs: Any) -> Any:
        calls.append(name)
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, counting)
    return calls


# --------------------------------------------------------------------------- profile

def _fresh_profiles() -> None:
    profile_module._load_path.cache_clear()  # the in-process cache: as a new command starts


def test_a_cached_profile_equals_the_validated_one(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "本单位.yaml"
    path.write_text("name: 本单位\nroles:\n  body:\n    font: 方正仿宋_GBK\n", encoding="utf-8")
    _fresh_profiles()  # not what an earlier test of this process loaded
    validated = [load_profile(), load_profile(str(path))]
    _fresh_profiles()
    calls = _refuse(monkeypatch, profile_module, "_validated")
    assert [load_profile(), load_profile(str(path))] == validated
    assert calls == []
    path.write_text("name: 本单位\nroles:\n  body:\n    font: 楷体_GB2312\n", encoding="utf-8")
    _fresh_profiles()
    assert load_profile(str(path)).roles.body.font == "楷体_GB2312"  # the edit is seen
    assert calls == ["_validated"]


def test_a_broken_profile_is_reported_every_time(tmp_path: Path) -> None:
    path = tmp_path / "坏.yaml"
    path.write_text("grid:\n  line_pitch: 0\n", encoding="utf-8")
    for _ in range(2):
        _fresh_profiles()
        with pytest.raises(DrafterError, match="应大于 0"):
            load_profile(str(path))


# --------------------------------------------------------------------------- rules

def _rules(table: RuleTable) -> list[tuple[Any, ...]]:
    """Every field of every rule, patterns by source and place."""
    def fields(rule: Any) -> tuple[Any, ...]:
        plain = [(f.name, getattr(rule, f.name)) for f in dataclasses.fields(rule)
                 if f.name not in ("pattern", "unless")]
        return (*plain, rule.pattern.pattern, rule.pattern.where,
                rule.unless and (rule.unless.pattern, rule.unless.where))
    return [fields(rule) for rule in table.rules]


def _same_table(a: RuleTable, b: RuleTable) -> None:
    assert _rules(a) == _rules(b)
    assert [(p.pattern, p.where) for p in a.junk] == [(p.pattern, p.where) for p in b.junk]
    assert (a.disabled, a.profile) == (b.disabled, b.profile)


def test_the_cached_bundled_rules_equal_the_parsed_ones(monkeypatch: pytest.MonkeyPatch) -> None:
    parsed = parse_table(table_module.default_rules_text(), table_module._BUNDLED)
    default_table.cache_clear()
    first = default_table()  # parses and writes the cache
    default_table.cache_clear()
    calls = _refuse(monkeypatch, table_module, "parse_table")
    cached = default_table()
    assert calls == []
    _same_table(cached, parsed)
    _same_table(first, parsed)
    assert cached.rules == parsed.rules  # patterns compare by their source


def test_a_bureau_rule_file_is_served_from_the_cache_until_edited(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "本局规则.yaml"
    path.write_text("rules:\n  - id: local.x\n    pattern: 旧提法\n    message: 请改\n"
                    "junk:\n  - 广告\ndisable: [punct]\nprofile:\n  dash: \"-\"\n",
                    encoding="utf-8")
    parsed = load_table(path)
    calls = _refuse(monkeypatch, table_module, "parse_table")
    _same_table(load_table(path), parsed)
    assert calls == []
    assert load_table(path).profile.dash == "-" and "punct" in load_table(path).disabled
    path.write_text(path.read_text(encoding="utf-8").replace("旧提法", "新提法"),
                    encoding="utf-8")
    assert any(r.pattern.pattern == "新提法" for r in load_table(path).rules)
    assert calls == ["parse_table"]


def test_a_broken_rule_file_is_reported_every_time(tmp_path: Path) -> None:
    path = tmp_path / "坏规则.yaml"
    path.write_text("rules:\n  - id: local.x\n    pattern: (甲+)+\n    message: m\n",
                    encoding="utf-8")
    for _ in range(2):
        with pytest.raises(DrafterError, match="嵌套的重复"):
            load_table(path)


def test_a_checked_pattern_compiles_on_first_use_and_matches_alike() -> None:
    eager = TimedPattern(r"十[三四]五")
    lazy = TimedPattern(r"十[三四]五", "规则.yaml:3", checked=True)
    assert lazy._compiled is None  # nothing compiled for a rule that never runs
    text = "十三五规划与十四五规划"
    assert lazy.findall(text) == eager.findall(text) == ["十三五", "十四五"]
    assert lazy._compiled is not None and lazy == eager


# --------------------------------------------------------------------------- level terms

def test_cached_level_terms_equal_the_parsed_ones(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "catalog"
    folder.mkdir()
    (folder / "level_terms.yaml").write_text(
        "terms:\n  - {市: 全市各校, 县: 全县各校, own: true}\nfixed: [全市通用]\n",
        encoding="utf-8")
    level_terms._cached.cache_clear()  # not what an earlier test of this process loaded
    parsed = level_terms.load_level_terms(folder)
    level_terms._cached.cache_clear()
    calls = _refuse(monkeypatch, level_terms, "_parse")
    assert level_terms.load_level_terms(folder) == parsed
    assert calls == []
    assert parsed.rows[-1].forms == {"市": "全市各校", "县": "全县各校"} and parsed.rows[-1].own


# --------------------------------------------------------------------------- the cache itself

def test_a_value_that_no_longer_decodes_is_computed_again(tmp_path: Path) -> None:
    cache = DataCache("test", ("util",), 1)
    source = tmp_path / "f.yaml"
    assert cache.get(source, "a: 1", lambda: {"a": 1}, dict, dict) == {"a": 1}

    def broken(data: Any) -> Any:
        raise KeyError("old shape")

    assert cache.get(source, "a: 1", lambda: {"a": 2}, dict, broken) == {"a": 2}
    # a value that cannot be stored is still returned, and nothing is stored for it
    assert cache.get(tmp_path / "g.yaml", "b", lambda: object, to_data, set) is object
    assert cache.read(tmp_path / "g.yaml", datacache.digest(b"b")) is None


def test_each_kind_keeps_at_most_its_bound(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(datacache, "MAX_ENTRIES", 3)
    cache = DataCache("bounded", ("util",), 1)
    for i in range(6):
        cache.get(tmp_path / f"{i}.yaml", str(i), lambda i=i: i, int, int)
    assert len(list(cache.folder().glob("*.marshal"))) == 3


def test_each_kind_keeps_at_most_its_bytes(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    cache = DataCache("big", ("util",), 1)
    cache.get(tmp_path / "0.yaml", "0", lambda: "甲" * 1000, str, str)
    one = next(cache.folder().glob("*.marshal")).stat().st_size
    monkeypatch.setattr(datacache, "MAX_BYTES", one * 2 + one // 2)  # room for two
    for i in range(1, 5):
        cache.get(tmp_path / f"{i}.yaml", str(i), lambda: "甲" * 1000, str, str)
    entries = list(cache.folder().glob("*.marshal"))
    assert len(entries) == 2 and sum(e.stat().st_size for e in entries) <= datacache.MAX_BYTES
    newest = cache.read(tmp_path / "4.yaml", datacache.digest(b"4"))
    assert newest == "甲" * 1000  # the newest kept, the oldest gone
    assert cache.read(tmp_path / "0.yaml", datacache.digest(b"0")) is None


def test_the_key_names_the_libraries_without_importing_them() -> None:
    script = ("import sys\nfrom drafter.util.datacache import libraries\n"
              "print(libraries())\n"
              "print([m for m in ('yaml', 'pydantic', 'regex') if m in sys.modules])\n")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         check=True, cwd=ROOT).stdout.splitlines()
    assert "pyyaml-" in out[0] and "pydantic-" in out[0]
    assert out[1] == "[]"


def test_a_repeat_build_imports_neither_pydantic_nor_yaml(tmp_path: Path) -> None:
    """The point of the caches: `drafter build` of an unchanged plan validates nothing again.
    The first build of a plan still validates it (and imports what that needs)."""
    plan = tmp_path / "plan.yaml"
    plan.write_bytes((ROOT / "examples" / "city_plan.yaml").read_bytes())
    script = (
        "import sys\n"
        "from drafter.cli import main\n"
        f"sys.argv = ['drafter', 'build', {str(plan)!r}, '-o', {str(tmp_path / 'out.docx')!r},"
        " '--force']\n"
        "try:\n    main()\nexcept SystemExit as exc:\n    assert not exc.code, exc.code\n"
        "print('loaded', sorted(m for m in ('pydantic', 'yaml') if m in sys.modules))\n")
    env = {**os.environ, "DRAFTER_HOME": str(tmp_path / "home")}
    env.pop("DRAFTER_CATALOG", None)
    runs = [subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                           env=env, cwd=tmp_path) for _ in range(2)]
    assert all(r.returncode == 0 for r in runs), runs[-1].stderr
    assert "loaded ['pydantic', 'yaml']" in runs[0].stdout
    assert "loaded []" in runs[1].stdout
    assert (tmp_path / "out.docx").stat().st_size > 0


# --------------------------------------------------------------------------- compiled templates

def test_a_compiled_template_is_served_from_the_cache_and_still_sandboxed(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from jinja2.sandbox import SecurityError

    from drafter.render import env as env_module

    text = "{{ 年份 + 1 }}年{% if 学校 %}共{{ 学校 }}所{% endif %}{{ 名称.__class__ }}"
    first = env_module.compile_template(text)
    env = env_module.environment()
    calls = _refuse(monkeypatch, type(env), "compile")
    again = env_module.compile_template(text)
    assert calls == []  # served from the cache, not compiled
    with pytest.raises(SecurityError):  # the cached code runs in the same sandbox
        again.render({"年份": 2025, "学校": 3, "名称": "x"})
    safe = "{{ 年份 + 1 }}年{% if 学校 %}共{{ 学校 }}所{% endif %}"
    assert env_module.compile_template(safe).render({"年份": 2025, "学校": 3}) == "2026年共3所"
    assert type(first) is type(again)


def test_a_template_with_a_syntax_error_is_refused_every_time() -> None:
    from jinja2 import TemplateSyntaxError

    from drafter.render.env import TEMPLATE_CACHE, compile_template

    for _ in range(2):  # never stored: refused by the compiler each time
        with pytest.raises(TemplateSyntaxError):
            compile_template("{% if 学校 %}没有结束")
    assert not list(TEMPLATE_CACHE.folder().glob("*.marshal"))


def test_code_that_cannot_be_read_keys_by_the_version_not_by_nothing() -> None:
    """A package whose modules are not on disk as .py files (a zipapp, a frozen build) must
    not give every release the same key: its version stands in (datacache.code_digest)."""
    from drafter import __version__

    assert datacache.code_digest(("no_such_package",)) == f"version {__version__}"
    assert datacache.code_digest(("util",)) != datacache.code_digest(("util", "model"))


# --------------------------------------------------------------------------- whose cache

def _warm(tmp_path: Path) -> tuple[DataCache, Path]:
    cache = DataCache("own", ("util",), 1)
    source = tmp_path / "f.yaml"
    cache.get(source, "a", lambda: 1, int, int)
    assert cache.read(source, datacache.digest(b"a")) == 1
    return cache, source


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="owners and modes are POSIX")
def test_a_secret_others_may_read_or_write_is_not_trusted(tmp_path: Path) -> None:
    cache, source = _warm(tmp_path)
    secret = cache.folder() / "secret"
    assert secret.stat().st_mode & 0o077 == 0 and cache.folder().stat().st_mode & 0o077 == 0
    secret.chmod(0o644)  # another user could have read it, and so sign entries
    assert cache.read(source, datacache.digest(b"a")) is None
    assert cache.get(source, "a", lambda: 2, int, int) == 2  # validated, not served


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="owners and modes are POSIX")
def test_a_folder_others_may_write_is_closed_before_it_is_trusted(tmp_path: Path) -> None:
    cache, source = _warm(tmp_path)
    cache.folder().chmod(0o777)
    assert cache.read(source, datacache.digest(b"a")) == 1  # ours: closed again, then read
    assert cache.folder().stat().st_mode & 0o077 == 0


def test_an_entry_that_is_a_pipe_or_a_link_is_a_miss(tmp_path: Path) -> None:
    cache, source = _warm(tmp_path)
    entry = next(cache.folder().glob("*.marshal"))
    elsewhere = tmp_path / "elsewhere.marshal"
    entry.rename(elsewhere)
    entry.symlink_to(elsewhere)  # a valid entry, but reached through a link: not read
    assert cache.read(source, datacache.digest(b"a")) is None
    entry.unlink()
    if hasattr(os, "mkfifo"):
        os.mkfifo(entry)  # a pipe would block a plain read forever
        assert cache.read(source, datacache.digest(b"a")) is None
