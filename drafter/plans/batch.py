"""Batch files: one base plan, many variants (one per county), an output-name pattern.

A city office makes the same plan for each county, differing only in names and numbers.
This module reads and validates the batch file (every problem at once, file:line) and applies
one variant to the base plan. It does not render and does not name output files: the
renderer and the CLI do that.
"""

from __future__ import annotations

import copy
import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Optional

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from drafter.model.errors import DrafterError, Problem
from drafter.model.plan import Plan, PlanChapter, PlanItem
from drafter.model.taxonomy import CHAPTER_KEYS, DEFAULT_HEADINGS
from drafter.model.years import YEAR_MAX, YEAR_MIN
from drafter.plans.io import (
    describe_loc,
    load_plan,
    plan_from_data,
    raw_value_problems,
    read_text_file,
    validation_problems,
)
from drafter.plans.schema import Date, DateText, ItemEntry, NoticeChanges, Owners, Values
from drafter.util.dataclass_models import build, model_for
from drafter.util.placeholders import placeholder_problems
from drafter.util.yamlio import LineMap, load_yaml

DEFAULT_OUTPUT = "{{ 地区 }}{{ 年份 }}年教育工作要点"
DEFAULT_ORGAN = "{{ 地区 }}教育局"  # a county's organ when it names none: never the city's


@dataclass
class BatchVariant:
    """One county: its name and what differs from the base plan."""

    name: str
    title: str | None = None
    region: str | None = None
    organ: str | None = None
    year: int | None = None
    date: str | None = None
    values: dict[str, Any] = field(default_factory=dict)
    # clause id → values for every item of that clause (a name can mean different things in
    # different clauses, e.g. 新增学位 for kindergartens and for schools)
    item_values: dict[str, dict[str, Any]] = field(default_factory=dict)
    add: dict[str, list[PlanItem]] = field(default_factory=dict)  # chapter key/heading → items
    drop: list[str] = field(default_factory=list)  # clause ids removed from the base plan
    line: int | None = field(default=None, compare=False)  # bookkeeping, not in the file
    # where each value is written in the batch file, for messages at the batch file's own
    # line: "名称" for values, "<clause id>.名称" for item_values
    value_lines: dict[str, int] = field(default_factory=dict, compare=False)
    # clause id → {owners, deadline}: this county's 责任单位/完成时限 for the task table
    item_tasks: dict[str, ItemTask] = field(default_factory=dict)
    notice: dict[str, Any] = field(default_factory=dict)  # meta.notice fields that differ


@dataclass
class ItemTask:
    owners: list[str] | None = None
    deadline: str | None = None


@dataclass
class Batch:
    base: Plan
    variants: list[BatchVariant]
    output: str = DEFAULT_OUTPUT  # output-name pattern, a template over the variant's values
    format: str = "docx"
    path: str | None = None
    shared: list[str] = field(default_factory=list)  # base values meant to be the same everywhere
    organ: str = DEFAULT_ORGAN  # organ pattern for a variant that names no organ


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


# A variant and its item tasks ARE the dataclasses above: their validating models are
# generated from them (`drafter.util.dataclass_models`), with only what a type cannot say added
# here by field name, reusing the plan format's own types. A field added to `BatchVariant` is
# in the batch format at once.
VariantModel = model_for(BatchVariant, _Model, {
    BatchVariant: {
        "name": Annotated[str, Field(min_length=1)],
        "year": Annotated[int | None, Field(ge=YEAR_MIN, le=YEAR_MAX)],
        "date": Date,
        "values": Values,
        "item_values": dict[str, Values],
        "add": dict[str, list[ItemEntry]],
        "notice": NoticeChanges,
    },
    ItemTask: {"owners": Owners, "deadline": Optional[DateText]},  # noqa: UP045
})


class BatchModel(_Model):
    """The file's top level. Not generated from `Batch`: the file names its base plan (`base:`
    a path, or `plan:` inline) where the dataclass holds the loaded Plan."""

    base: str | None = None
    plan: dict[str, Any] | None = None
    output: str = DEFAULT_OUTPUT
    format: str = "docx"
    shared: list[str] = Field(default_factory=list)
    organ: str = DEFAULT_ORGAN
    variants: list[VariantModel] = Field(min_length=1)  # type: ignore[valid-type]

    @field_validator("format")
    @classmethod
    def _known_format(cls, value: str) -> str:
        if value not in ("docx", "md", "txt"):
            raise ValueError("format 应为 docx、md 或 txt")
        return value


def load_batch(path: Path) -> Batch:
    """Read a batch file and its base plan; DrafterError listing every problem with file:line."""
    file = str(path)
    data, lines = load_yaml(read_text_file(path, "批量文件"), file, every_line=True)
    if not isinstance(data, dict):
        raise DrafterError.one("批量文件的顶层应为“键: 值”的映射（base、output、variants）",
                               file=file, line=1)
    problems: list[Problem] = []
    model: BatchModel | None = None
    try:
        model = BatchModel.model_validate(data)
    except ValidationError as exc:
        problems.extend(validation_problems(exc, lines, file))
    problems.extend(_variant_problems(data, lines, file))
    if model is not None:
        problems.extend(_base_problems(model, lines, file))
    if problems or model is None:
        raise DrafterError(sorted(problems, key=lambda p: p.line or 0))
    base = _base_plan(model, Path(path), lines, file)
    variants = [_to_variant(v, lines.line("variants", i)) for i, v in enumerate(model.variants)]
    for i, variant in enumerate(variants):
        variant.value_lines = _value_lines(variant, lines, i)
    return Batch(base=base, variants=variants, output=model.output, format=model.format,
                 path=file, shared=list(model.shared), organ=model.organ)


def _base_problems(model: BatchModel, lines: LineMap, file: str) -> list[Problem]:
    problems: list[Problem] = []
    if (model.base is None) == (model.plan is None):
        problems.append(Problem("需要 base（基础计划文件路径）或 plan（内嵌计划）二者之一",
                                file=file, line=1))
    for message in placeholder_problems(model.output):
        problems.append(Problem(f"output：{message}", file=file, line=lines.line("output")))
    return problems


def _variant_problems(data: dict[str, Any], lines: LineMap, file: str) -> list[Problem]:
    """Values must be scalars and custom text may hold only simple placeholders."""
    problems: list[Problem] = []
    variants = data.get("variants")
    seen: dict[str, int] = {}
    for vi, variant in enumerate(variants if isinstance(variants, list) else []):
        if not isinstance(variant, dict):
            continue
        prefix = ("variants", vi)
        name = variant.get("name")
        if isinstance(name, str) and name in seen:
            problems.append(Problem(f"变体名称“{name}”重复（第{seen[name] + 1}个变体已用过）",
                                    file=file, line=lines.line(*prefix, "name")))
        if isinstance(name, str):
            seen.setdefault(name, vi)
        problems.extend(raw_value_problems({"values": variant.get("values")}, lines, file,
                                            prefix))
        problems.extend(_blank_values(variant.get("values"), name, lines, file,
                                      (*prefix, "values")))
        item_values = variant.get("item_values")
        for clause_id, values in (item_values.items() if isinstance(item_values, dict) else []):
            problems.extend(raw_value_problems({"values": values}, lines, file,
                                               (*prefix, "item_values", clause_id)))
            problems.extend(_blank_values(values, name, lines, file,
                                          (*prefix, "item_values", clause_id)))
        texts: list[tuple[tuple[Any, ...], Any]] = [(("title",), variant.get("title"))]
        add = variant.get("add")
        for key, items in (add.items() if isinstance(add, dict) else []):
            for ii, item in enumerate(items if isinstance(items, list) else []):
                if isinstance(item, dict):
                    texts += [(("add", key, ii, f), item.get(f)) for f in ("lead", "body")]
        for path, text in texts:
            if not isinstance(text, str):
                continue
            for message in placeholder_problems(text):
                problems.append(Problem(f"{describe_loc((*prefix, *path))}：{message}",
                                        file=file, line=lines.line(*prefix, *path)))
    return problems


def _blank_values(values: Any, county: Any, lines: LineMap, file: str,
                  path: tuple[Any, ...]) -> list[Problem]:
    """A blank value in a variant is a mistake, never "use the base plan's" (or the catalogue's)."""
    if not isinstance(values, dict):
        return []
    return [Problem(f"变体“{county}”的参数“{name}”没有填写数值", file=file,
                    line=lines.line(*path, name),
                    hint="请填写该县（区）自己的数字；"
                         "确与基础计划相同的，把名称列入批量文件的 shared")
            for name, value in values.items()
            if value is None or (isinstance(value, str) and not value.strip())]


def _base_plan(model: BatchModel, path: Path, lines: LineMap, file: str) -> Plan:
    if model.plan is not None:
        return plan_from_data(model.plan, lines, file, ("plan",))
    assert model.base is not None
    base_path = Path(model.base)
    if not base_path.is_absolute():
        base_path = path.parent / base_path
    return load_plan(base_path)


def _value_lines(variant: BatchVariant, lines: LineMap, index: int) -> dict[str, int]:
    found: dict[str, int] = {}
    for name in variant.values:
        if (line := lines.line("variants", index, "values", name)) is not None:
            found[name] = line
    for clause_id, named in variant.item_values.items():
        for name in named:
            line = lines.line("variants", index, "item_values", clause_id, name)
            if line is not None:
                found[f"{clause_id}.{name}"] = line
    return found


def _to_variant(model: BaseModel, line: int | None) -> BatchVariant:
    variant = build(BatchVariant, model)
    variant.line = line
    variant.add = {k: [dataclasses.replace(i, line=line) for i in items]
                   for k, items in variant.add.items()}  # messages point at the variant
    return variant


def apply_variant(base: Plan, variant: BatchVariant, batch_file: str | None = None, *,
                  shared: list[str] | tuple[str, ...] = (),
                  organ: str = DEFAULT_ORGAN) -> Plan:
    """The base plan with one variant's overrides; DrafterError naming the variant.

    Base values the variant does not set are marked inherited (待核实: the county did not
    say them) unless the batch lists them as `shared`. A variant that changes the region but
    names no organ gets the organ pattern, never the base plan's organ."""
    plan = copy.deepcopy(base)
    meta = plan.meta
    for attr in ("title", "region", "organ", "year", "date"):
        value = getattr(variant, attr)
        if value is not None:
            setattr(meta, attr, value)
    if variant.organ is None and variant.region is not None and variant.region != base.meta.region:
        meta.organ = organ
    _mark_inherited(plan, set(shared))
    plan.values.update(variant.values)
    for name in variant.values:
        plan.value_lines.pop(name, None)
        plan.provenance.pop(name, None)
        for item in (i for c in plan.chapters for i in c.items):
            item.values.pop(name, None)  # the county's own figure wins over the base item's
            item.provenance.pop(name, None)
    problems = _drop(plan, variant.drop)
    problems += _item_values(plan, variant.item_values)
    problems += _item_tasks(plan, variant.item_tasks)
    if variant.notice:
        meta.notice = dataclasses.replace(meta.notice, **variant.notice)
    problems += _add(plan, variant.add)
    if problems:
        where = f"变体“{variant.name}”"
        raise DrafterError([Problem(m, file=batch_file, line=variant.line, where=where)
                            for m in problems])
    return plan


def _drop(plan: Plan, ids: list[str]) -> list[str]:
    present = {i.clause for c in plan.chapters for i in c.items if i.clause}
    missing = [cid for cid in ids if cid not in present]
    drop = set(ids)
    for chapter in plan.chapters:
        chapter.items = [i for i in chapter.items if i.clause not in drop]
    return [f"要删除的条目“{cid}”不在基础计划中" for cid in missing]


def _item_values(plan: Plan, values: dict[str, dict[str, Any]]) -> list[str]:
    items = [i for c in plan.chapters for i in c.items]
    problems: list[str] = []
    for clause_id, named in values.items():
        targets = [i for i in items if i.clause == clause_id]
        if not targets:
            problems.append(f"item_values 中的条目“{clause_id}”不在计划中")
        for item in targets:
            item.values.update(named)
            for name in named:
                item.provenance.pop(name, None)
    return problems


def _mark_inherited(plan: Plan, shared: set[str]) -> None:
    """Every base value is inherited until the variant sets it (shared names excepted)."""
    places = [(plan.values, plan.provenance)]
    places += [(i.values, i.provenance) for c in plan.chapters for i in c.items]
    for values, provenance in places:
        for name in values:
            if name not in shared and provenance.get(name) in (None, "confirmed"):
                provenance[name] = "inherited"


def _item_tasks(plan: Plan, tasks: dict[str, ItemTask]) -> list[str]:
    items = [i for c in plan.chapters for i in c.items]
    problems: list[str] = []
    for clause_id, task in tasks.items():
        targets = [i for i in items if i.clause == clause_id]
        if not targets:
            problems.append(f"item_tasks 中的条目“{clause_id}”不在计划中")
        for item in targets:
            if task.owners is not None:
                item.owners = list(task.owners)
            if task.deadline is not None:
                item.deadline = task.deadline
    return problems


def _add(plan: Plan, additions: dict[str, list[PlanItem]]) -> list[str]:
    problems: list[str] = []
    for key, items in additions.items():
        chapter = next((c for c in plan.chapters if key in (c.key, c.heading)), None)
        if chapter is None and key in CHAPTER_KEYS:
            chapter = PlanChapter(key=key, heading=DEFAULT_HEADINGS[key])
            plan.chapters.append(chapter)
        if chapter is None:
            problems.append(f"add 中的“{key}”既不是章类别，也不是基础计划中的章标题")
            continue
        chapter.items.extend(copy.deepcopy(items))
    return problems
