"""yamlio's fast path (a tree built in one pass, lines looked up on demand) gives exactly what
the safe constructor and the full line map give, on every YAML file in the repo and on the
shapes it hands back to the constructor (aliases, merge keys, odd tags)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from drafter.model.errors import DrafterError
from drafter.util import yaml_nodes, yamlio
from drafter.util.yamlio import LineMap, load_yaml

ROOT = Path(__file__).resolve().parents[1]
FILES = sorted(p for p in ROOT.rglob("*.yaml")
               if not {".venv", ".git", "build"} & set(p.relative_to(ROOT).parts))

SHAPES = [
    "a: 1\nb: [x, 2.5, true, null, 2025-01-10]\nc: {d: e}\n",  # every plain scalar tag
    "2025: 年\n",  # a key that is not text
    "- - 1\n  - 2\n- a: b\n",  # nested lists
    "base: &b {x: 1}\nuse: *b\n",  # an alias: the constructor builds it
    "base: &b {x: 1}\nuse:\n  <<: *b\n  y: 2\n",  # a merge key
    "? [a, b]\n: c\n",  # a key that is a list (the constructor refuses it)
    "a: !!binary aGk=\n",  # another tag
    "a: !!set {x, y}\n",
    "just text\n",
    "",
]


def _reference(text: str) -> tuple[object, LineMap]:
    """What the safe constructor builds, and the line map of every path (the full walk)."""
    loader = yamlio.loader_class()(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()
    lines = LineMap()
    if node is not None:
        yaml_nodes.walk(node, data, lines)
    return data, lines


def _paths(data: object, path: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    out = [path]
    if isinstance(data, dict):
        for k, v in data.items():
            out += _paths(v, (*path, k))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            out += _paths(v, (*path, i))
    return out


def _same(text: str) -> bool:
    """False when load_yaml refuses the text (its own checks, tested elsewhere)."""
    try:
        data, lines = load_yaml(text, "f.yaml")
    except DrafterError:
        return False
    ref_data, ref_lines = _reference(text)
    assert data == ref_data
    assert type(data) is type(ref_data)
    for path in _paths(ref_data):
        assert lines.line(*path) == ref_lines.line(*path), path
        assert lines.line(*path, "no such key") == ref_lines.line(*path, "no such key")
    return True


@pytest.mark.parametrize("path", FILES, ids=[str(p.relative_to(ROOT)) for p in FILES])
def test_every_yaml_file_loads_as_the_safe_constructor_builds_it(path: Path) -> None:
    _same(path.read_bytes().decode("utf-8-sig", "replace"))


def test_most_repo_yaml_files_are_compared() -> None:
    loaded = sum(_same(p.read_bytes().decode("utf-8-sig", "replace")) for p in FILES)
    assert loaded >= len(FILES) - 10


@pytest.mark.parametrize("text", SHAPES)
def test_unusual_shapes_load_as_the_safe_constructor_builds_them(text: str) -> None:
    if "? [a, b]" in text:  # a list as a key: both refuse it
        with pytest.raises(DrafterError):
            load_yaml(text, "f.yaml")
        with pytest.raises(yaml.constructor.ConstructorError):
            _reference(text)
        return
    assert _same(text)


def test_catalogue_file_lines_are_the_full_maps() -> None:
    """A catalogue as dump writes it: every record's line, found on demand, is the full map's."""
    from drafter.catalog import open_catalogue
    from drafter.util.paths import bundled_catalog_dir

    cat = open_catalogue(bundled_catalog_dir())
    assert len(cat) > 0
    for path in sorted(bundled_catalog_dir().glob("*.yaml")):
        assert _same(path.read_text(encoding="utf-8"))


def test_a_plain_tree_takes_the_fast_path_and_an_alias_the_full_one() -> None:
    _, lines = load_yaml("a: [1, {b: c}]\n", "f.yaml")
    assert isinstance(lines, yaml_nodes.NodeLines)
    assert lines.line("a", 1, "b") == 1
    _, lines = load_yaml("a: &x [1]\nb: *x\n", "f.yaml")
    assert not isinstance(lines, yaml_nodes.NodeLines)
    assert lines.line("b", 0) == 1
