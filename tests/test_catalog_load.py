"""Catalogue files: every failure mode reported with file:line, round trips, the load cache."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from drafter.catalog import cache as cache_module
from drafter.catalog import load as load_module
from drafter.catalog.dump import write_catalogue
from drafter.catalog.load import check_catalogue, load_catalogue
from drafter.model import Catalogue, Clause, DrafterError, Slot, Source, Variant
from drafter.util import datacache

BAD = Path(__file__).resolve().parent / "data" / "catalog_bad"


@pytest.mark.parametrize(("case", "file", "line", "fragment"), [
    ("unknown_key", "党建.yaml", 6, "未知字段“titel”"),
    ("missing_id", "党建.yaml", 6, "缺少必填字段“id”"),
    ("missing_body", "保障.yaml", 3, "缺少必填字段“body”"),
    ("wrong_type", "保障.yaml", 6, "字段“tags”应为文字列表"),
    ("bad_kind", "保障.yaml", 6, "kind“计划”无效"),
    ("unknown_file", "其他.yaml", None, "文件名“其他.yaml”不是章节文件"),
    ("chapter_mismatch", "保障.yaml", 1, "与文件名“保障.yaml”不一致"),
    ("duplicate_id", "保障.yaml", 6, "编号“dj-000001”重复"),  # across files
    ("undeclared_slot", "各级各类教育.yaml", 5, "占位符“{{ 幼儿园数 }}”未在 slots 中声明"),
    ("unused_slot", "各级各类教育.yaml", 7, "参数“幼儿园数”已声明但正文中没有使用"),
    ("bad_placeholder", "各级各类教育.yaml", 5, "占位符中不允许“.”"),
    ("bad_slot_type", "各级各类教育.yaml", 9, "类型“number”无效"),
    ("bad_default", "各级各类教育.yaml", 10, "默认值“十二”与类型 integer 不符"),
    ("global_slot_name", "总体要求.yaml", 8, "参数名“年份”是全局参数"),
    ("variant_bad_id", "教师队伍.yaml", 7, "应以“js-000001/”开头"),
    ("variant_undeclared", "教师队伍.yaml", 9, "占位符“{{ 工作室数 }}”未在 slots 中声明"),
    ("yaml_syntax", "教育改革.yaml", 7, "YAML 格式错误"),
    ("unsafe_tag", "教育改革.yaml", 4, "不允许的 YAML 标签"),
    ("top_not_mapping", "教育改革.yaml", 1, "文件顶层应是含 chapter 和 clauses 的映射"),
    ("bad_source", "五育并举.yaml", 8, "来源年份“二〇二四”应为整数"),
    ("not_utf8", "党建.yaml", 1, "文件不是 UTF-8 编码"),  # saved as GB18030
])
def test_each_broken_file_is_reported_with_file_and_line(
    case: str, file: str, line: int | None, fragment: str
) -> None:
    problems = check_catalogue(BAD / case)
    matching = [p for p in problems if fragment in p.message]
    assert matching, [str(p) for p in problems]
    assert matching[0].file == str(BAD / case / file)
    assert matching[0].line == line
    with pytest.raises(DrafterError) as exc:
        load_catalogue(BAD / case)
    assert fragment in str(exc.value)


def test_every_problem_of_a_file_is_reported_at_once() -> None:
    problems = check_catalogue(BAD / "several_problems")
    assert [(p.line, p.message[:6]) for p in problems] == [
        (5, "占位符“{{"),  # undeclared {{ 课时 }} in the body
        (6, "未知字段“c"),
        (7, "编号“wy "),
    ]
    assert all(p.where for p in problems)  # each names its clause


def test_a_broken_placeholder_does_not_also_report_its_slot_unused() -> None:
    problems = check_catalogue(BAD / "bad_placeholder")
    assert not any("没有使用" in p.message for p in problems)


@pytest.mark.parametrize(("make", "fragment"), [
    (lambda d: None, "条目目录文件夹不存在"),  # no folder at all
    (lambda d: d.mkdir(), "中没有条目目录文件"),  # an empty folder
    (lambda d: (d.parent / "f.yaml").write_text("x") and d.symlink_to(d.parent / "f.yaml"),
     "应是一个文件夹"),  # a file instead of a folder
])
def test_missing_or_empty_folder_is_a_clear_error(tmp_path: Path, make, fragment: str) -> None:
    folder = tmp_path / "catalog"
    make(folder)
    with pytest.raises(DrafterError) as exc:
        load_catalogue(folder)
    assert fragment in str(exc.value)
    assert fragment in str(check_catalogue(folder)[0])


def sample() -> Catalogue:
    cat = Catalogue()
    cat.add(Clause(
        id="js-3fa2c1", chapter="教师队伍", lead="加强师德师风建设",
        body="开展师德专题教育，新建{{ 工作室数 }}个名师工作室，" + "长句子" * 30 + "。\n第二段。",
        tags=["师德师风"], owners=["教师科"],
        slots=[Slot("工作室数", "名师工作室", "integer", "个", 12)],
        sources=[Source("a.txt", "1.", 2024, "某市", "某市2024年工作要点")],
        variants=[Variant("js-3fa2c1/2", "加强师德建设", "落实{{ 年份 }}年师德规范。",
                          source=Source("b.txt", "三、2.", 2023))],
        flags=["过时表述：十九大"],
    ))
    cat.add(Clause(id="zt-000aaa", chapter="总体要求", lead="", body="总体要求是：以…为指导。",
                   kind="preamble", slots=[Slot("比例", "比例", "percent", "%", 92.5)]))
    cat.chapters["总体要求"][0].body += "达到{{ 比例 }}%。"
    return cat


def test_dump_then_load_round_trips_and_is_byte_identical(tmp_path: Path) -> None:
    cat = sample()
    paths = write_catalogue(cat, tmp_path / "one")
    assert [p.name for p in paths][:2] == ["总体要求.yaml", "党建.yaml"] and len(paths) == 7
    loaded = load_catalogue(tmp_path / "one")
    assert list(loaded) == list(cat)
    write_catalogue(loaded, tmp_path / "two")
    for p in paths:
        assert (tmp_path / "two" / p.name).read_bytes() == p.read_bytes()
    text = (tmp_path / "one" / "教师队伍.yaml").read_text(encoding="utf-8")
    assert text.startswith("# drafter 条目目录 · 教师队伍")
    assert "body: |-\n" in text and "师德师风" in text and "\\u" not in text
    assert check_catalogue(tmp_path / "one") == []


def test_warm_load_uses_the_cache_and_notices_edits(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "catalog"
    write_catalogue(sample(), folder)
    first = load_catalogue(folder)

    def no_parse(*args: object) -> None:
        raise AssertionError("parsed although nothing changed")

    # monkeypatch.context(), not undo() on the fixture: that would also drop the autouse
    # DRAFTER_HOME isolation and let the next load write into the real home folder.
    with monkeypatch.context() as m:
        m.setattr(load_module, "load_yaml", no_parse)
        assert list(load_catalogue(folder)) == list(first)

    path = folder / "教师队伍.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("titel", "x") + "  extra: 1\n",
                    encoding="utf-8")
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 1_000_000))
    assert any("未知字段“extra”" in p.message for p in check_catalogue(folder))


def test_a_damaged_cache_file_is_ignored(tmp_path: Path) -> None:
    folder = tmp_path / "catalog"
    write_catalogue(sample(), folder)
    load_catalogue(folder)
    cache_dir = Path(os.environ["DRAFTER_HOME"]) / "cache" / "catalog"
    for f in cache_dir.iterdir():
        f.write_bytes(b"\x00garbage")
    assert len(load_catalogue(folder)) == 2


def _cache_files() -> list[Path]:
    folder = Path(os.environ["DRAFTER_HOME"]) / "cache" / "catalog"
    return sorted(f for f in folder.iterdir() if f.suffix == ".marshal")


def _parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files load_catalogue parses from here on (a cache miss parses, a hit does not)."""
    parsed: list[str] = []
    real, real_dumped = load_module.load_yaml, load_module.read_dumped

    def counting(text: str, file: str) -> object:
        parsed.append(Path(file).name)
        return real(text, file)

    def counting_dumped(text: str, key: str, limit: int) -> object:
        found = real_dumped(text, key, limit)
        if found is not None:  # else load_yaml reads (and counts) it
            parsed.append(f"{key}.yaml")
        return found

    monkeypatch.setattr(load_module, "load_yaml", counting)
    monkeypatch.setattr(load_module, "read_dumped", counting_dumped)
    return parsed


def test_a_tampered_cache_file_is_not_served(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """A cache file whose records were altered (still well-formed) is untrusted: the clause
    comes from the YAML, never from the altered cache."""
    folder = tmp_path / "catalog"
    write_catalogue(sample(), folder)
    load_catalogue(folder)
    old, new = "开展师德专题教育".encode(), "开展违规专题教育".encode()
    (target,) = [f for f in _cache_files() if old in f.read_bytes()]
    target.write_bytes(target.read_bytes().replace(old, new))
    parsed = _parses(monkeypatch)
    clause = load_catalogue(folder).get("js-3fa2c1")
    assert clause is not None and clause.body.startswith("开展师德专题教育")
    assert parsed == ["教师队伍.yaml"]


def test_a_cache_written_with_another_secret_is_not_served(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Cache files copied from another machine or user (another secret) are misses."""
    folder = tmp_path / "catalog"
    write_catalogue(sample(), folder)
    load_catalogue(folder)
    secret = Path(os.environ["DRAFTER_HOME"]) / "cache" / "catalog" / "secret"
    assert secret.stat().st_mode & 0o077 == 0  # readable by this user only
    secret.write_bytes(bytes(32))
    parsed = _parses(monkeypatch)
    assert len(load_catalogue(folder)) == 2
    assert len(parsed) == 7  # every chapter file parsed again


def test_a_new_cache_format_is_a_miss_then_warm_again(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "catalog"
    write_catalogue(sample(), folder)
    load_catalogue(folder)
    monkeypatch.setattr(cache_module, "FORMAT", cache_module.FORMAT + 1)
    parsed = _parses(monkeypatch)
    load_catalogue(folder)
    assert len(parsed) == 7
    parsed.clear()
    load_catalogue(folder)  # the new format's cache was written on that load
    assert parsed == []


def test_hand_added_clause_without_optional_fields_loads(tmp_path: Path) -> None:
    shutil.copytree(BAD / "missing_body", tmp_path / "c")
    (tmp_path / "c" / "保障.yaml").write_text(
        "chapter: 保障\nclauses:\n- id: bz-my-own\n  lead: 自拟条目\n  body: 由{{ 单位 }}负责。\n",
        encoding="utf-8")
    (clause,) = load_catalogue(tmp_path / "c")
    assert (clause.id, clause.kind, clause.slots) == ("bz-my-own", "plan", [])
    assert clause.chapter == "保障"


def test_a_new_release_keeps_the_cache_unless_the_reading_code_changed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The cache is keyed by the code that reads and validates a file, not by the version: a
    release that leaves that code alone opens warm; a change to it is a miss."""
    folder = tmp_path / "catalog"
    write_catalogue(sample(), folder)
    load_catalogue(folder)
    monkeypatch.setattr(datacache, "__version__", "99.0")
    parsed = _parses(monkeypatch)
    load_catalogue(folder)
    assert parsed == []
    assert len(cache_module.readers()) == 32 and cache_module.covers("catalog/schema")
    monkeypatch.setattr(cache_module, "readers", lambda: "another validator")
    load_catalogue(folder)
    assert len(parsed) == 7


def test_the_cache_key_covers_every_module_a_catalogue_load_runs(tmp_path: Path) -> None:
    """A module the load imports but the key leaves out could change in a release and serve
    records it would now read differently: the key must cover each one (fresh process)."""
    folder = tmp_path / "catalog"
    write_catalogue(sample(), folder)
    script = (
        "import sys\n"
        "from drafter.catalog import load_catalogue\n"
        "from drafter.catalog import cache\n"
        f"load_catalogue({str(folder)!r})\n"
        "mods = [m for m in sys.modules if m.startswith('drafter.')\n"
        "        and getattr(sys.modules[m], '__file__', None)]\n"
        "names = sorted(m.replace('.', '/')[len('drafter/'):] for m in mods)\n"
        "print('\\n'.join(n for n in names if not cache.covers(n)))\n")
    env = {**os.environ, "DRAFTER_HOME": str(tmp_path / "home")}
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         env=env, check=True).stdout.split()
    assert out == []
