"""The quick YAML reader's one promise: when it returns data, the full front door (libyaml's
node graph, checked) returns the same data — same types — and no problem; everything else it
leaves to the full path. Held on the shapes dump writes, on hostile and unusual YAML, and on
thousands of mutated files."""

from __future__ import annotations

import copy
import random
from typing import Any

import pytest

from drafter.catalog.dump import chapter_yaml
from drafter.model import CHAPTER_KEYS, ID_PREFIX, Clause, Slot, Source, Variant
from drafter.model.errors import DrafterError
from drafter.util import yaml_quick, yamlio
from drafter.util.yaml_nodes import NodeLines
from drafter.util.yamlio import MAX_YAML_BYTES, dump_yaml
from tests.yaml_mutation import mutate

TRICKY = [
    "yes", "no", "on", "Off", "null", "Null", "~", "true", "1.", "2024", "1e3", "0x1F", "0o17",
    "1:20", "1_000", ".inf", "-.5", "+3", "- x", "a: b", "a #b", "a#b", "#x", " lead space",
    "trail space ", "'quoted'", '"dq"', "it's", "multi\nline", "multi\n\nline\n", "end\n\n",
    "{{ 数量 }}", "[x]", "{a}", "@x", "`x", "%x", "!x", "&x", "*x", "|x", ">x", "?x", ":x", "a:",
    "http://example", "2025-01-01 会议", "=", "<<", "x" * 70, "长" * 70 + "\n第二行", "",
    "---", "...", "a\\b", "\"\\", "行尾空格  \n下一行", "  \n", "\n", "\n开头空行",
]
VALUES: list[Any] = [0, 7, -3, 2.5, True, False, None, [], {}]


def strict_equal(a: Any, b: Any) -> bool:
    """Equal with the same types all the way down (1, 1.0 and True are not the same value)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(strict_equal(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(strict_equal(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


def quick(text: str) -> Any:
    result = yaml_quick.quick_yaml(text, MAX_YAML_BYTES, lambda: yamlio._load_full(text, "f")[1])
    return None if result is None else result[0]


def full(text: str) -> Any:
    return yamlio._load_full(text, "f.yaml")[0]


def document(rng: random.Random, n: int) -> dict[str, Any]:
    """A catalogue-like document whose values come from TRICKY and VALUES."""
    def value() -> Any:  # a copy: a shared [] would be dumped as an anchor and aliases
        return copy.deepcopy(rng.choice(TRICKY + VALUES))

    return {"chapter": rng.choice(TRICKY), "clauses": [
        {"id": f"c-{i}", "lead": value(), "body": value(), "tags": [value() for _ in range(2)],
         "slots": [{"name": "n", "default": value()}], "variants": [{"id": f"c-{i}/2",
                                                                      "body": value()}]}
        for i in range(n)]}


def test_what_dump_writes_is_read_quickly_and_equals_the_full_path() -> None:
    rng = random.Random(4)
    taken = 0
    for _ in range(200):
        text = dump_yaml(document(rng, 3))
        data = quick(text)
        if data is not None:
            taken += 1
            assert strict_equal(data, full(text)), text
    assert taken > 120  # the quick path did run for most (tabs, `|2` headers fall back)


@pytest.mark.parametrize("value", TRICKY + VALUES, ids=repr)
def test_each_tricky_value_round_trips(value: Any) -> None:
    text = dump_yaml({"k": value, "l": [value, {"m": value}]})
    data = quick(text)
    assert data is None or strict_equal(data, full(text)), text


@pytest.mark.parametrize("text", [
    "a: &x 1\nb: *x\n",  # anchors and aliases
    "a: !!python/object:os.system x\n",  # tags
    "a: !!str 1\n",
    "a: 1\na: 2\n",  # a duplicate key (load_yaml reports it)
    "a: 2025-02-30\n",  # a date (load_yaml checks it)
    "a: 2025-01-01\n",
    "a:\tb\n",  # a tab
    "a: b\r\nc: d\r\n",  # Windows line ends
    "a: \x1b[31m\n",  # a control character
    'a: "\\x1b[31m"\n',  # an escaped one
    "a: \u202eevil\n",  # a bidi override
    "a: x\ufeff\n",
    "a: x\u2028y\n",  # a YAML line break inside a line
    "a: {b: c}\n",  # flow collections
    "a: [1, 2]\n",
    "a: multi\n  line plain\n",
    "a: 'multi\n  line quoted'\n",
    "a: |2\n   indented\n",  # an indentation indicator
    "a: >\n  folded\n",
    "a: |\n\n  leading blank\n",
    "a: |\nb: 1\n",  # an empty block
    "---\na: 1\n",  # document markers and directives
    "%YAML 1.1\n---\na: 1\n",
    "a: 1\n---\nb: 2\n",
    "a: 1\n...\nb: 2\n",
    "a: 1\n... # end\n",
    "? a\n: b\n",  # an explicit key
    "<<: {a: 1}\n",
    "a: <<\n",
    "yes: 1\n",  # a key that is a bool
    "1: a\n",
    "just text\n",
    "- - nested\n",
    "-\n  a: 1\n",
    "a: 1 # comment\n",
    "a: b\n  c: d\n",  # a deeper line after a value
    "a:\n- b\n c: d\n",
    "".join(f"{' ' * (2 * k)}k:\n" for k in range(40)) + " " * 80 + "v: 1\n",  # deep nesting
    "".join(f"{' ' * (2 * k)}- k:\n" for k in range(40)) + " " * 80 + "- v\n",
    "".join(f"{' ' * (4 * k)}- - k\n" for k in range(40)),
])
def test_unusual_or_hostile_yaml_is_left_to_the_full_path(text: str) -> None:
    assert quick(text) is None


@pytest.mark.parametrize("text", ["...", "...\n", "# c\n\n...\n", "   \n...\n "])
def test_a_document_end_with_no_document_is_the_full_paths_error(text: str) -> None:
    """libyaml refuses `...` before any content; the quick reader read it as an empty file
    (data None and no problem), which the full path never returns for it."""
    with pytest.raises(DrafterError):
        full(text)
    assert quick(text) is None
    with pytest.raises(DrafterError):
        yamlio.load_yaml(text, "f.yaml")


def test_the_key_cache_keeps_no_file_in_memory() -> None:
    """The cache of keys checked is process-wide: a file's many or huge keys must not stay in
    it after the file is read (it kept a 5 MB key and every one of 100,000 keys)."""
    for text in ["k" * 5_000_000 + ": v\n", "".join(f"k{i}: 1\n" for i in range(20_000))]:
        try:
            yamlio.load_yaml(text, "f.yaml")
        except DrafterError:
            pass
    assert len(yaml_quick._KEYS) <= 4096
    assert max(map(len, yaml_quick._KEYS)) <= 64
    many = "".join(f"k{i}: 1\n" for i in range(5_000))  # still read quickly, and right
    assert quick(many) == full(many)


def test_nesting_up_to_the_bound_is_read() -> None:
    text = "".join(f"{' ' * (2 * k)}- k:\n" for k in range(15)) + " " * 30 + "- v\n"
    data = quick(text)
    assert data is not None and strict_equal(data, full(text))


def test_nothing_over_the_size_bound_is_read() -> None:
    text = "a: b\n"
    assert yaml_quick.quick_yaml(text, len(text) - 1, lambda: NodeLines(None, None)) is None


@pytest.mark.parametrize(("text", "expected"), [
    ("a: 1\nb: '1.'\nc: yes\nd: ~\ne:\nf: x y\n",
     {"a": 1, "b": "1.", "c": True, "d": None, "e": None, "f": "x y"}),
    ("a:\n- 1\n- b: |-\n    x\n\n    y\n  c: []\n", {"a": [1, {"b": "x\n\ny", "c": []}]}),
    ("a: |+\n  x\n\n\nb: |\n  y\n", {"a": "x\n\n\n", "b": "y\n"}),
    ("# only a comment\n", None),
    ('a: "q \\u00e9"\n', {"a": "q é"}),
])
def test_known_documents_read_quickly(text: str, expected: Any) -> None:
    data = quick(text)
    assert strict_equal(data, expected) and strict_equal(data, full(text))
    assert text.startswith("#") or data is not None


def _mutate(rng: random.Random, text: str) -> str:
    return mutate(rng, text)


def test_mutated_files_are_read_as_the_full_path_reads_them_or_left_to_it() -> None:
    """Thousands of small edits of a dumped file: whatever the quick reader accepts, the full
    path accepts too and builds the same; a file the full path refuses is never read."""
    rng = random.Random(11)
    chapters = [chapter_yaml(key, [Clause(
        id=f"{ID_PREFIX[key]}-{i}", chapter=key, lead=rng.choice(TRICKY).replace("\n", ""),
        body=f"正文{i}，{rng.choice(TRICKY)}", tags=["学前"], slots=[Slot("n", "数", "integer")],
        sources=[Source(file="a.txt", marker="1.", year=2024)],
        variants=[Variant(id=f"{ID_PREFIX[key]}-{i}/2", lead="", body="变体")])
        for i in range(3)]) for key in CHAPTER_KEYS[1:4]]
    taken = 0
    for _ in range(3000):  # half a dump of odd values, half a chapter file as drafter writes it
        base = rng.choice(chapters) if rng.random() < 0.5 else dump_yaml(document(rng, 2))
        text = _mutate(rng, base)
        data = quick(text)
        if data is None:
            continue
        taken += 1
        try:
            reference = full(text)
        except DrafterError as exc:
            raise AssertionError(f"quick read a file the full path refuses: {text!r}") from exc
        assert strict_equal(data, reference), text
    assert taken > 300


def test_item_lines_are_the_full_maps_and_other_paths_ask_it() -> None:
    doc = {"chapter": "党建", "clauses": [
        {"id": f"c-{i}", "body": "正文\n第二行" * i, "slots": [{"name": "n", "default": i}],
         "variants": [{"id": f"c-{i}/2", "body": "变体"}]} for i in range(4)]}
    text = dump_yaml(doc) + "extra:\n  k: v\n"
    _, lines = yamlio.load_yaml(text, "f.yaml")
    assert isinstance(lines, yaml_quick.ItemLines)
    _, exact = yamlio._load_full(text, "f.yaml")
    paths: list[tuple[Any, ...]] = [("clauses", i) for i in range(4)]
    paths += [("clauses", i, "variants", 0) for i in range(4)]
    paths += [(), ("chapter",), ("clauses",), ("clauses", 1, "body"), ("extra", "k"),
              ("clauses", 9), ("nope",), ("clauses", 2, "slots", 0, "default")]
    for path in paths:
        assert lines.line(*path) == exact.line(*path), path
