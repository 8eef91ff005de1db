"""Formats declared once: every field of the plan's and the batch file's dataclasses is read
and written with no list of field names anywhere else.

Each test fills EVERY data field of the records with a value other than its default (from the
field's type; a field whose type cannot say what is valid names its value in SAMPLES), so a
field added to a dataclass is filled too: it fails here if the file format drops it on the way
out or in."""

from __future__ import annotations

import dataclasses
import types
import typing
from pathlib import Path
from typing import Any

import pytest

from drafter.model import Plan, PlanChapter, PlanItem, PlanMeta, PlanText, Slot
from drafter.model.notice import PlanNotice
from drafter.model.plan import PlanOptions
from drafter.model.taxonomy import CHAPTER_KEYS
from drafter.plans.batch import BatchVariant, ItemTask, load_batch
from drafter.plans.io import plan_from_yaml, plan_to_data, plan_to_yaml
from drafter.util.yamlio import dump_yaml

# Values for fields whose type allows more than the format does (dates, ranges, ids …).
SAMPLES: dict[tuple[type, str], Any] = {
    (PlanMeta, "year"): 2031,
    (PlanMeta, "date"): "2031-01-10",
    (PlanMeta, "level"): "县",
    (PlanOptions, "dash"): "-",
    (PlanNotice, "urgency"): "加急",
    (PlanNotice, "date"): "2031-02-20",
    (PlanNotice, "print_date"): "2031-02-21",
    (PlanChapter, "key"): CHAPTER_KEYS[1],
    (PlanItem, "clause"): "js-aaaaaa",
    (PlanItem, "variant"): "js-aaaaaa/2",
    (PlanItem, "values"): {"培训人数": 80},
    (PlanItem, "provenance"): {"培训人数": "confirmed"},  # only stored kinds, of values present
    (PlanItem, "deadline"): "2031-06-30",
    (Plan, "values"): {"经费": 120},
    (Plan, "baseline"): {"经费": 100},
    (Plan, "provenance"): {"经费": "last_year"},
    (Slot, "name"): "培训人数",
    (Slot, "type"): "integer",
    (BatchVariant, "year"): 2031,
    (BatchVariant, "date"): "2031-01-12",
    (BatchVariant, "values"): {"经费": 90},
    (BatchVariant, "item_values"): {"js-aaaaaa": {"培训人数": 60}},
    (BatchVariant, "drop"): ["js-aaaaaa"],
    (BatchVariant, "notice"): {"doc_number": "甲教发〔2031〕1号"},
    (ItemTask, "deadline"): "2031-09-30",
}
# Fields that are not part of a file by design: an item's own slot carries no mined default.
NOT_IN_FILE = {(Slot, "default")}


def data_fields(cls: type) -> list[dataclasses.Field[Any]]:
    """The fields a file holds: bookkeeping (`compare=False`: lines, paths) is not data."""
    return [f for f in dataclasses.fields(cls) if f.init and f.compare
            and (cls, f.name) not in NOT_IN_FILE]


def filled(cls: type) -> Any:
    """An instance of `cls` with every data field set to something other than its default."""
    hints = typing.get_type_hints(cls)
    values = {f.name: SAMPLES.get((cls, f.name), _sample(hints[f.name], f.name))
              for f in data_fields(cls)}
    record = cls(**values)
    for f in data_fields(cls):  # the test would prove nothing for a field left at its default
        default = f.default_factory() if f.default_factory is not dataclasses.MISSING else (
            f.default)
        assert getattr(record, f.name) != default, f"{cls.__name__}.{f.name}: add a SAMPLE"
    return record


def _sample(hint: Any, name: str) -> Any:
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        return _sample(next(a for a in args if a is not type(None)), name)
    if origin is typing.Literal:
        return args[-1]  # the defaults are the first choices
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        return filled(hint)
    if origin is list:
        return [_sample(args[0], name)]
    if origin is dict:
        return {f"{name}键": _sample(args[1], name) if args[1] is not Any else f"{name}值"}
    if hint is bool:
        return "not default"  # replaced below: bools flip
    return {str: f"{name}的文字", int: 7, float: 1.5}.get(hint, f"{name}的文字")


def _flip_bools(record: Any) -> Any:
    for f in data_fields(type(record)):
        value = getattr(record, f.name)
        if value == "not default":
            setattr(record, f.name, not f.default)
        elif dataclasses.is_dataclass(value):
            _flip_bools(value)
        elif isinstance(value, list):
            for v in value:
                if dataclasses.is_dataclass(v):
                    _flip_bools(v)
        elif isinstance(value, dict):
            for v in value.values():
                if isinstance(v, list):
                    for w in v:
                        if dataclasses.is_dataclass(w):
                            _flip_bools(w)
                elif dataclasses.is_dataclass(v):
                    _flip_bools(v)
    return record


def full_plan() -> Plan:
    plan = _flip_bools(filled(Plan))
    plan.chapters.append(PlanChapter(heading="只有标题的章"))  # and a compact one
    return plan


def test_every_plan_field_is_written_and_read_back() -> None:
    plan = full_plan()
    assert plan_from_yaml(plan_to_yaml(plan), "mem.yaml") == plan


def test_every_plan_field_is_written_by_its_name() -> None:
    """Not only the equality: each field's name is a key of the file (no field renamed or
    folded into another by the writer)."""
    plan = full_plan()
    data = plan_to_data(plan)
    assert set(data) == {f.name for f in data_fields(Plan)}
    assert set(data["meta"]) == {f.name for f in data_fields(PlanMeta)}
    assert set(data["meta"]["options"]) == {f.name for f in data_fields(PlanOptions)}
    assert set(data["meta"]["notice"]) == {f.name for f in data_fields(PlanNotice)}
    chapter = data["chapters"][0]
    assert set(chapter) == {f.name for f in data_fields(PlanChapter)}
    assert set(chapter["items"][0]) == {f.name for f in data_fields(PlanItem)}
    assert set(chapter["items"][0]["slots"][0]) == {f.name for f in data_fields(Slot)}
    assert set(data["preamble"]) == {f.name for f in data_fields(PlanText)}


def _as_data(value: Any) -> Any:
    """A record as the YAML a user writes (data fields by name)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _as_data(getattr(value, f.name)) for f in data_fields(type(value))}
    if isinstance(value, list):
        return [_as_data(v) for v in value]
    if isinstance(value, dict):
        return {k: _as_data(v) for k, v in value.items()}
    return value


def test_every_batch_variant_field_is_read(tmp_path: Path) -> None:
    """The variant's format is generated from `BatchVariant`: a variant written with every
    field loads back as the same variant."""
    variant = _flip_bools(filled(BatchVariant))
    variant.add = {CHAPTER_KEYS[0]: [PlanItem(lead="新增条目", body="正文")]}
    plan = Plan(meta=PlanMeta(region="甲市", year=2031),
                chapters=[PlanChapter(key=CHAPTER_KEYS[0], items=[PlanItem(clause="js-aaaaaa")])])
    batch_file = tmp_path / "batch.yaml"
    batch_file.write_text(dump_yaml({"plan": plan_to_data(plan),
                                     "variants": [_as_data(variant)]}), encoding="utf-8")
    loaded = load_batch(batch_file).variants[0]
    assert loaded == variant
    assert loaded.line is not None  # bookkeeping filled in by the reader, not the file


@pytest.mark.parametrize("cls", [BatchVariant, ItemTask])
def test_a_batch_record_refuses_a_key_its_dataclass_lacks(tmp_path: Path, cls: type) -> None:
    from drafter.model import DrafterError

    variant: dict[str, Any] = {"name": "甲县", "bogus": 1}
    if cls is ItemTask:
        variant = {"name": "甲县", "item_tasks": {"js-aaaaaa": {"owners": ["人事科"], "bogus": 1}}}
    plan = Plan(chapters=[PlanChapter(key=CHAPTER_KEYS[0], items=[PlanItem(clause="js-aaaaaa")])])
    batch_file = tmp_path / "batch.yaml"
    batch_file.write_text(dump_yaml({"plan": plan_to_data(plan), "variants": [variant]}),
                          encoding="utf-8")
    with pytest.raises(DrafterError) as info:
        load_batch(batch_file)
    assert any("bogus" in str(p) and "未知的键" in str(p) for p in info.value.problems)
