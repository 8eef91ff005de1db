"""The reader of drafter's own catalogue layout (catalog/dumped.py) keeps its one promise: when
it returns records, the full path — libyaml's checked node graph, the validator, the packing —
returns the same records (same types) and id lines and no problem; everything else it leaves
to the full path, which reports with file:line. Held on tricky values, comments, hand edits
and thousands of mutated files."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest

from drafter.catalog import load as load_module
from drafter.catalog.comments import carry_comments
from drafter.catalog.dump import chapter_yaml
from drafter.catalog.dumped import read_dumped
from drafter.catalog.load import check_catalogue, load_catalogue, packed_records
from drafter.catalog.schema import validate_chapter
from drafter.catalog.store import save_catalogue
from drafter.model import ID_PREFIX, Catalogue, Clause, DrafterError, Slot, Source, Variant
from drafter.util import yamlio
from drafter.util.yamlio import MAX_YAML_BYTES
from tests.yaml_mutation import PIECES, mutate

KEY = "教师队伍"
PREFIX = ID_PREFIX[KEY]
TRICKY = [
    "yes", "no", "Off", "null", "~", "true", "1.", "2024", "1e3", "0x1F", "1:20", ".inf", "-.5",
    "+3", "- x", "a: b", "a #b", "a#b", "#x", " lead space", "trail space ", "'quoted'", '"dq"',
    "it's", "multi\nline", "multi\n\nline\n", "end\n\n", "\n开头空行", "[x]", "{a}", "@x", "`x",
    "%x", "!x", "&x", "*x", "|x", ">x", "?x", ":x", "a:", "http://example", "2025-01-01 会议",
    "=", "<<", "x" * 70, "长" * 70 + "\n第二行", "", "---", "...", "a\\b", '"\\',
    "行尾空格  \n下一行", "  \n", "\n", "  缩进开头\n第二行", "第一行\n  缩进的第二行",
    "é ü 𝄞 😀 ㊣", "全角：冒号", "制\t表",
]
DEFAULTS: list[Any] = [None, 0, 7, -3, 2.5, True, "十二", "3", "yes", ""]


def same(a: Any, b: Any) -> bool:
    """Equal with the same types all the way down (1, 1.0 and True are not the same value)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, list | tuple):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


def full(text: str, key: str = KEY) -> Any:
    """The full path's (packed records, id lines), or "problems"."""
    try:
        data, lines = yamlio._load_full(text, "f.yaml")
    except DrafterError:
        return "problems"
    records, found = validate_chapter(data, lines, key)
    if found.items:
        return "problems"
    return packed_records(records)


def quick(text: str, key: str = KEY) -> Any:
    return read_dumped(text, key, MAX_YAML_BYTES)


FITTING = [("integer", 7), ("integer", None), ("decimal", 2.5), ("percent", 3), ("text", "十二"),
           ("text", "3"), ("text", "yes"), ("year", 2024)]


def _clause(rng: random.Random, i: int, value: Any, odd: float = 0.0) -> Clause:
    cid = f"{PREFIX}-{i:04x}"
    slots = []
    for k in range(rng.randint(0, 2)):
        slot_type, default = rng.choice(FITTING)
        if rng.random() < odd:
            default = rng.choice(DEFAULTS)
        slots.append(Slot(f"数量{k}", value(), slot_type, value(), default))
    body = value() + "".join(f"，{{{{ {s.name} }}}}" for s in slots)
    return Clause(
        id=cid, chapter=KEY, lead=value().replace("\n", ""), body=body,
        kind=rng.choice(["plan", "summary"]), tags=[value() for _ in range(rng.randint(0, 2))],
        owners=[value() for _ in range(rng.randint(0, 1))], slots=slots,
        sources=[Source(file=value() or "a.txt", marker=value(), year=rng.choice([None, 2024]),
                        region=value() or None, level=rng.choice([None, "市", "县"]))
                 for _ in range(rng.randint(0, 2))],
        flags=[value() for _ in range(rng.randint(0, 1))],
        variants=[Variant(id=f"{cid}/{k + 2}", lead=value().replace("\n", ""), body=value(),
                          owners=[value()] if rng.random() < 0.3 else [],
                          source=Source(file="b.txt", year=2023) if rng.random() < 0.5 else None)
                  for k in range(rng.randint(0, 2))])


def _chapter(rng: random.Random, n: int, tricky: float) -> str:
    words = ["加强师德师风建设", "推进县域义务教育优质均衡发展。", "全面落实“双减”", "新建幼儿园"]

    def value() -> str:
        return rng.choice(TRICKY) if rng.random() < tricky else rng.choice(words)

    return chapter_yaml(KEY, [_clause(rng, i, value, tricky) for i in range(n)])


def test_what_dump_writes_is_read_and_equals_the_full_path() -> None:
    rng = random.Random(5)
    taken = accepted = 0
    for _ in range(200):
        text = _chapter(rng, 3, tricky=0.1)
        data, reference = quick(text), full(text)
        accepted += reference != "problems"
        if data is not None:
            taken += 1
            assert reference != "problems" and same(data, reference), text
    # most valid files are read here; the rest hold a value dump writes with an indentation
    # indicator (`|2-`: a block starting with a blank line or a space) or the like
    assert accepted > 60 and taken > accepted // 2


def test_a_plain_catalogue_is_always_read_here() -> None:
    rng = random.Random(8)
    for _ in range(30):
        text = _chapter(rng, 6, tricky=0.0)
        data = quick(text)
        assert data is not None and same(data, full(text)), text


@pytest.mark.parametrize("value", TRICKY, ids=repr)
def test_each_tricky_value_in_every_text_field(value: str) -> None:
    slot = Slot("数量", value or "x", "text", value or None, value or None)
    clause = Clause(id=f"{PREFIX}-0001", chapter=KEY, lead=value.replace("\n", ""),
                    body=f"{value}{{{{ 数量 }}}}", tags=[value], owners=[value], flags=[value],
                    slots=[slot], sources=[Source(file=value or "f", marker=value,
                                                  region=value or None, title=value or None)],
                    variants=[Variant(id=f"{PREFIX}-0001/2", lead=value, body=value or "x",
                                      owners=[value], source=Source(file=value or "f"))])
    text = chapter_yaml(KEY, [clause])
    data, reference = quick(text), full(text)
    assert data is None or (reference != "problems" and same(data, reference)), text


@pytest.mark.parametrize("default", DEFAULTS, ids=repr)
def test_slot_defaults_keep_their_types(default: Any) -> None:
    clause = Clause(id=f"{PREFIX}-1", chapter=KEY, lead="", body="新建{{ n }}所",
                    slots=[Slot("n", "", "integer", None, default)])
    text = chapter_yaml(KEY, [clause])
    data, reference = quick(text), full(text)
    assert data is None or (reference != "problems" and same(data, reference)), text
    if default in (None, 0, 7, -3) and type(default) is not bool:
        assert data is not None  # a fitting default is read here; "" label becomes the name
        assert data[0][0][6][0][1] == "n"


@pytest.mark.parametrize("text", [
    "chapter: 教师队伍\nclauses: []\n",
    "# 注释\n\nchapter: 教师队伍\nclauses:\n",
    "chapter: 教师队伍\nclauses:\n\n- id: js-1\n  lead: ''\n  body: 正文\n  kind: plan\n",
    # comments between clauses, before fields and list items; blank lines around them
    "chapter: 教师队伍\nclauses:\n# 说明\n\n- id: js-1\n  # 标题\n  lead: 标题\n\n  body: |-\n"
    "    正文\n\n    第二段\n  # 注释\n  kind: plan\n  tags:\n  # 标签\n  - 学前\n\n# 下一条\n"
    "- id: js-2\n  lead: 标题二\n  body: 正文二\n",
    # keep and clip chomping, a block at the end of the file and before the next clause
    "chapter: 教师队伍\nclauses:\n- id: js-1\n  body: |+\n    保留\n\n\n- id: js-2\n  body: |\n"
    "    截取\n\n",
    # a more indented line inside a block, and a `# ` line inside it (content, not a comment)
    "chapter: 教师队伍\nclauses:\n- id: js-1\n  body: |-\n    一\n      二\n    # 三\n",
    # a comment after a block, less indented: the block ends there
    "chapter: 教师队伍\nclauses:\n- id: js-1\n  body: |-\n    一\n  # 注释\n  kind: summary\n",
    # extra spaces after the colon and at a line's end
    "chapter: 教师队伍\nclauses:\n- id: js-1\n  lead:   标题  \n  body:  正文\n",
])
def test_hand_written_yet_plain_layouts_equal_the_full_path(text: str) -> None:
    data = quick(text)
    assert data is not None and same(data, full(text)), text


@pytest.mark.parametrize("text", [
    "chapter: 保障\nclauses: []\n",  # another chapter: the full path reports it
    "chapter: 教师队伍\nclauses:\n- id: js-1\n  body: 正文\n  colour: 红\n",  # unknown key
    "chapter: 教师队伍\nclauses:\n- id: js-1\n  kind: plan\n  body: 正文\n",  # another order
    "chapter: 教师队伍\nclauses:\n- id: js-1\n  body: 正文\n  body: 再次\n",  # a repeated key
    "chapter: 教师队伍\nclauses:\n- id: js-1\n  lead: 标题 # 注释\n  body: 正文\n",
    "chapter: 教师队伍\nclauses:\n- id: js-1\n  body: >-\n    折叠\n",  # folded
    "chapter: 教师队伍\nclauses:\n- id: js-1\n  body: |2-\n      缩进\n",  # an indent indicator
    "chapter: 教师队伍\nclauses:\n- id: js-1\n  body: |-\n    一\n    \n    二\n",  # spaces line
    "chapter: 教师队伍\nclauses:\n- id: js-1\n  body: 'a\n    b'\n",  # a multi-line quote
    "chapter: 教师队伍\nclauses:\n- id: js-1\n  body: 正文\n  tags: [a, b]\n",  # flow
    "chapter: 教师队伍\nclauses:\n- id: js-1\n  body: 正文\n  tags:\n  - 1\n",  # not text
    "chapter: 教师队伍\nclauses:\n- id: 'js 1'\n  body: 正文\n",  # a bad id
    "chapter: 教师队伍\nclauses:\n- id: js-1\n  body: 正文\n  kind: 计划\n",
    "chapter: 教师队伍\nclauses:\n- id: js-1\n  body: '{{ 数 }}'\n",  # undeclared
    "chapter: 教师队伍\nclauses:\n- id: js-1\n  body: 正文\n  slots:\n  - name: 数\n",  # unused
    "chapter: 教师队伍\nclauses:\n- id: js-1\n  body: 正文\n  variants:\n  - id: js-2/1\n"
    "    body: 变体\n",  # a variant of another clause
    "chapter: 教师队伍\nclauses:\n- id: js-1\n  body: 正文\n  sources:\n  - file: a\n"
    "    year: 二〇二四\n",
    "chapter: 教师队伍\nclauses:\n- id: &a js-1\n  body: *a\n",  # an anchor
    "chapter: 教师队伍\nclauses:\n- id: js-1\n  body: 正文\x1b[31m\n",  # a control character
    "chapter: 教师队伍\nclauses:\n- id: js-1\n  body: 正文\r\n",  # a Windows line end
    "chapter: 教师队伍\nclauses:\n- id: js-1\n  body: 正文",  # no final line break
    "chapter: 教师队伍\nclauses:\n- id: js-1\n  body: 正文\n- 文字\n",  # not a mapping
    "chapter: 教师队伍\nclauses:\n- id: js-1\n  body: 2025-01-01\n",  # a date
    "chapter: 教师队伍\nclauses:\n- id: js-1\n  body: 正文\nextra: 1\n",  # after the list
])
def test_anything_else_is_left_to_the_full_path(text: str) -> None:
    assert quick(text) is None


def test_carried_comments_are_read_here_and_equal_the_full_path() -> None:
    """drafter mine -o carries a colleague's comments into the new files: before a clause,
    before a field and at the end of the file (an end-of-line comment falls back)."""
    rng = random.Random(2)
    new = _chapter(rng, 5, tricky=0.0)
    lines = new.split("\n")
    first = next(i for i, t in enumerate(lines) if t.startswith("- id: "))
    lines.insert(first, "# 这一条请核对")
    body = next(i for i, t in enumerate(lines) if t.startswith("  body:"))
    lines.insert(body, "  # 正文来自 2024 年文件")
    old = "\n".join(lines) + "# 文件末尾的说明\n"
    text = carry_comments(old, new)
    assert "# 这一条请核对" in text and "# 正文来自 2024 年文件" in text
    data = quick(text)
    assert data is not None and same(data, full(text))


def test_id_lines_are_the_full_paths_lines() -> None:
    rng = random.Random(9)
    text = _chapter(rng, 12, tricky=0.0)
    records, lines = quick(text)
    assert len(lines) == sum(1 + len(r[9]) for r in records)
    assert lines == full(text)[1]
    numbered = text.split("\n")
    for ident, line in lines:
        assert numbered[line - 1].lstrip(" ") == f"- id: {ident}"


# the shared edits, with the catalogue's own keys and placeholders among them
_PIECES = (*PIECES[:18], "{{ ", " }}", *PIECES[18:], "_", "年份")
_LINES = ("", "  ", "#c", "  # c", "  - x", "x: 1", "  y:", "    z", "  tags:", "  - 学前",
          "  owners: []")


def _mutate(rng: random.Random, text: str) -> str:
    return mutate(rng, text, pieces=_PIECES, lines=_LINES)


def test_mutated_files_are_read_as_the_full_path_reads_them_or_left_to_it() -> None:
    """Thousands of small edits of dumped files: whatever is read here, the full path accepts
    with no problem and packs the same; a file with any problem is never read here."""
    rng = random.Random(13)
    bases = [_chapter(rng, 3, tricky=t) for t in (0.0, 0.0, 0.2, 0.5) for _ in range(3)]
    taken = accepted = 0
    for _ in range(3000):
        text = _mutate(rng, rng.choice(bases))
        data, reference = quick(text), full(text)
        accepted += reference != "problems"
        if data is None:
            continue
        taken += 1
        assert reference != "problems", f"read a file the full path refuses: {text!r}"
        assert same(data, reference), text
    assert taken > 200 and taken > accepted // 2  # most edits that stay valid are read here


def test_a_broken_file_falls_back_and_is_reported_with_file_and_line(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(4)
    text = _chapter(rng, 8, tricky=0.0)
    folder = tmp_path / "catalog"
    folder.mkdir()
    path = folder / f"{KEY}.yaml"
    lines = text.split("\n")
    at = [i for i, t in enumerate(lines) if t.startswith("  kind: ")][3] + 1
    lines.insert(at, "  colour: 红")
    path.write_text("\n".join(lines), encoding="utf-8")
    calls: list[bool] = []
    real = load_module.read_dumped

    def spy(*args: Any) -> Any:
        found = real(*args)
        calls.append(found is not None)
        return found

    monkeypatch.setattr(load_module, "read_dumped", spy)
    problems = check_catalogue(folder)
    assert calls == [False]  # tried here, left to the full path
    assert [(p.file, p.line) for p in problems] == [(str(path), at + 1)]
    assert "未知字段“colour”" in problems[0].message
    with pytest.raises(DrafterError):
        load_catalogue(folder)


def test_a_saved_catalogue_opens_cold_through_this_reader(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(6)
    cat = Catalogue()
    for i in range(40):
        cat.add(_clause(rng, i, lambda: rng.choice(["加强", "推进工作", "1.", "yes", "多\n行"])))
    folder = tmp_path / "catalog"
    save_catalogue(cat, folder, warm=False)
    calls: list[bool] = []
    real = load_module.read_dumped
    monkeypatch.setattr(load_module, "read_dumped",
                        lambda *args: calls.append(True) or real(*args))
    loaded = load_catalogue(folder)
    assert len(calls) == 7
    monkeypatch.setattr(load_module, "read_dumped", lambda *args: None)
    monkeypatch.setenv("DRAFTER_HOME", str(tmp_path / "other"))  # cold again, full path only
    assert list(loaded) == list(load_catalogue(folder)) == list(cat)


def test_every_field_shape_has_a_reading_here() -> None:
    """A shape added to the field table must be taught to the layout reader (or the cold open
    of every catalogue would fail on it): its check as the validator records it."""
    from typing import get_args

    from drafter.catalog import dumped
    from drafter.catalog.fields import Shape

    assert set(get_args(Shape)) == set(dumped._CHECKS) | set(dumped._LISTS) | {"source"}


def test_the_bundled_catalogue_is_read_here_file_by_file() -> None:
    """The catalogue drafter ships (mined from the corpus: variants, sources with levels, long
    bodies in blocks) is drafter's own layout: every file is read here, as the full path reads
    it — the guard against dump's layout drifting from this reader's."""
    from drafter.util.paths import bundled_catalog_dir

    files = sorted(bundled_catalog_dir().glob("*.yaml"))
    chapters = [p for p in files if p.name != "level_terms.yaml"]
    assert len(chapters) == 7
    for path in chapters:
        text = path.read_text(encoding="utf-8")
        data = quick(text, path.stem)
        assert data is not None, path.name
        assert same(data, full(text, path.stem)), path.name
