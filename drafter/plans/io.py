"""Plan files (YAML) in and out: validated against `schema.PlanModel`, converted to `model.Plan`.

Every problem in a file is reported at once with file:line (shape errors from pydantic, unsafe
placeholders in custom text, values that are lists or mappings). Saving is atomic and
round-trips: load → save → load gives an equal Plan. This module never renders and never
looks at the catalogue: unknown clause ids are the renderer's to report.
"""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from drafter.model.errors import DrafterError, Problem
from drafter.model.formats import DOCUMENT_SUFFIXES, import_hint
from drafter.model.notice import PlanNotice
from drafter.model.plan import Plan, PlanItem, PlanText
from drafter.util.datacache import DataCache
from drafter.util.dataclass_data import build, to_data
from drafter.util.fs import atomic_write_text
from drafter.util.placeholders import placeholder_problems
from drafter.util.yamlio import LineMap, dump_yaml, load_yaml, read_text_bounded

if TYPE_CHECKING:
    from pydantic import BaseModel, ValidationError

# Plans validated before, as their validated data with where each part was read: a plan built
# again unchanged is not validated again (pydantic is not even imported). Keyed by the file's
# content and by the code of the packages a plan load runs (drafter.util.datacache).
PLAN_CACHE = DataCache("plan", ("plans", "model", "util"), 1)


def read_text_file(path: Path, what: str) -> str:
    """A UTF-8 file's text (BOM tolerated) or a Chinese DrafterError naming it; size-bounded."""
    return read_text_bounded(path, what)


def load_plan(path: Path) -> Plan:
    """Read and validate a plan file; DrafterError listing every problem with file:line.

    A document (.docx, .pdf, .txt …) where a plan is expected is named as such, with the
    `drafter import` command that turns it into a plan."""
    path = Path(path)
    if path.suffix.lower() in DOCUMENT_SUFFIXES and path.is_file():
        raise DrafterError.one("这不是计划文件", file=str(path), hint=import_hint(str(path)))
    text = read_text_file(path, "计划文件")
    plan = PLAN_CACHE.get(path, text, lambda: plan_from_yaml(text, str(path)),
                          lambda p: to_data(p, bookkeeping=True), lambda d: build(Plan, d))
    plan.path = str(path)  # as this command names it (the cache is by resolved path)
    return plan


def plan_from_yaml(text: str, file: str) -> Plan:
    data, lines = load_yaml(text, file, every_line=True)
    if data is None:
        data = {}
    return plan_from_data(data, lines, file)


def plan_from_data(data: Any, lines: LineMap, file: str, prefix: tuple[Any, ...] = ()) -> Plan:
    """Validate already-parsed YAML (the batch file reuses this for inline plans)."""
    if not isinstance(data, dict):
        raise DrafterError.one("计划文件的顶层应为“键: 值”的映射（meta、chapters、values 等）",
                               file=file, line=lines.line(*prefix))
    from pydantic import ValidationError

    from drafter.plans.schema import PlanModel

    problems = [*raw_value_problems(data, lines, file, prefix)]
    model: BaseModel | None = None
    try:
        model = PlanModel.model_validate(data)
    except ValidationError as exc:
        problems.extend(validation_problems(exc, lines, file, prefix))
    problems.extend(_placeholder_problems(data, lines, file, prefix))
    if problems or model is None:
        raise DrafterError(sorted(problems, key=lambda p: p.line or 0))
    return _to_plan(model, lines, file, prefix)


def validation_problems(
    exc: ValidationError, lines: LineMap, file: str, prefix: tuple[Any, ...] = ()
) -> list[Problem]:
    """pydantic errors as Chinese problems, each at the line of the key it concerns."""
    from drafter.plans.schema import pydantic_message

    problems: list[Problem] = []
    for error in exc.errors():
        loc = tuple(p for p in error["loc"] if not _is_union_tag(p))
        key = describe_loc(loc) or "（顶层）"
        problems.append(Problem(f"{key}：{pydantic_message(dict(error))}", file=file,
                                line=lines.line(*prefix, *loc)))
    return problems


def _is_union_tag(part: Any) -> bool:
    """pydantic inserts type names such as 'function-before[...]' into union locations."""
    return isinstance(part, str) and ("[" in part or part in ("str", "int", "float", "bool"))


def raw_value_problems(
    data: dict[str, Any], lines: LineMap, file: str, prefix: tuple[Any, ...]
) -> Iterator[Problem]:
    """Values must be single numbers or texts, at every level where values may appear."""
    places: list[tuple[tuple[Any, ...], Any]] = [(("values",), data.get("values")),
                                                 (("baseline",), data.get("baseline"))]
    chapters = data.get("chapters")
    if isinstance(chapters, list):
        for ci, chapter in enumerate(chapters):
            items = chapter.get("items") if isinstance(chapter, dict) else None
            for ii, item in enumerate(items if isinstance(items, list) else []):
                if isinstance(item, dict):
                    places.append((("chapters", ci, "items", ii, "values"), item.get("values")))
    for path, values in places:
        if not isinstance(values, dict):
            continue
        for name, value in values.items():
            if isinstance(value, list | dict):
                yield Problem(f"参数“{name}”的值只能是一个数字或一段文字", file=file,
                              line=lines.line(*prefix, *path, name))
            if isinstance(name, str) and name.startswith("_"):
                yield Problem(f"参数名“{name}”不能以下划线开头", file=file,
                              line=lines.line(*prefix, *path, name))


def _placeholder_problems(
    data: dict[str, Any], lines: LineMap, file: str, prefix: tuple[Any, ...]
) -> Iterator[Problem]:
    """Custom text travels with the plan: only simple `{{ 名称 }}` placeholders allowed.

    Walks the raw data, so these problems are reported together with shape errors."""
    for path, text in _texts(data):
        for message in placeholder_problems(text):
            yield Problem(f"{describe_loc(path)}：{message}", file=file,
                          line=lines.line(*prefix, *path),
                          hint="文字中的大括号如需原样保留，请写成 {{ '{' }}")


def _texts(data: dict[str, Any]) -> Iterator[tuple[tuple[Any, ...], str]]:
    def get(obj: Any, key: str) -> Any:
        return obj.get(key) if isinstance(obj, dict) else None

    candidates: list[tuple[tuple[Any, ...], Any]] = [
        (("meta", "title"), get(get(data, "meta"), "title")),
        (("meta", "options", "caption"), get(get(get(data, "meta"), "options"), "caption")),
        (("meta", "notice", "body"), get(get(get(data, "meta"), "notice"), "body")),
    ]
    for part in ("preamble", "closing"):
        value = data.get(part)
        if isinstance(value, str):
            candidates.append(((part,), value))
        else:
            candidates.append(((part, "text"), get(value, "text")))
    chapters = data.get("chapters")
    for ci, chapter in enumerate(chapters if isinstance(chapters, list) else []):
        candidates.append((("chapters", ci, "heading"), get(chapter, "heading")))
        intro = get(chapter, "intro")
        if isinstance(intro, str):
            candidates.append((("chapters", ci, "intro"), intro))
        else:
            candidates.append((("chapters", ci, "intro", "text"), get(intro, "text")))
        items = get(chapter, "items")
        for ii, item in enumerate(items if isinstance(items, list) else []):
            for name in ("lead", "body", "section"):
                candidates.append((("chapters", ci, "items", ii, name), get(item, name)))
    for path, text in candidates:
        if isinstance(text, str):
            yield path, text


def describe_loc(loc: tuple[Any, ...]) -> str:
    """("chapters", 1, "items", 0, "values") → "第2章 第1条 values" for messages."""
    parts: list[str] = []
    i = 0
    while i < len(loc):
        key = loc[i]
        nxt = loc[i + 1] if i + 1 < len(loc) else None
        if key in ("chapters", "items", "variants") and isinstance(nxt, int):
            unit = {"chapters": "章", "items": "条", "variants": "个变体"}[key]
            parts.append(f"第{nxt + 1}{unit}")
            i += 2
            continue
        parts.append(str(key))
        i += 1
    text = " ".join(parts)
    return text.replace(" ", ".") if all(isinstance(p, str) for p in loc) else text


def _to_plan(model: BaseModel, lines: LineMap, file: str, prefix: tuple[Any, ...]) -> Plan:
    """The validated plan, with where each part was read from (for messages)."""
    plan = build(Plan, model)
    plan.path = file
    plan.value_lines = {k: lines.line(*prefix, "values", k) or 0 for k in plan.values}
    for part in ("preamble", "closing"):
        text = getattr(plan, part)
        if text is not None:
            text.line = lines.line(*prefix, part)
    for ci, chapter in enumerate(plan.chapters):
        chapter.line = lines.line(*prefix, "chapters", ci)
        if chapter.intro is not None:
            chapter.intro.line = lines.line(*prefix, "chapters", ci, "intro")
        for ii, item in enumerate(chapter.items):
            item.line = lines.line(*prefix, "chapters", ci, "items", ii)
    return plan


# --------------------------------------------------------------------------- out

_SAVED = ("confirmed", "last_year")  # "inherited" only exists inside a batch run
# Plan keys written first, where users look for them; every other field follows in declaration
# order. Only the order is named here: a field not listed is written all the same.
_LEAD = ("meta", "values", "provenance")


def plan_to_data(plan: Plan) -> dict[str, Any]:
    """The plan as plain YAML data: meta in full (so users see every option), the rest compact.

    Every record is written field by field from its dataclass (by name, in declaration order;
    bookkeeping such as lines left out), so a field added to a model dataclass is written,
    and read back through the generated schema, with no change here. Only what differs from
    "write the field, leave it out when empty" is said below: shorthands, the stored
    provenance, the meta written in full, an item's slots without their mined default."""
    data = _fields(plan)
    data["meta"] = _meta_data(plan.meta)
    data = {k: data[k] for k in (*_LEAD, *data) if k in data}  # the order users read
    data["provenance"] = _stored(plan.provenance, plan.values)
    return {k: v for k, v in data.items() if k in ("meta", "chapters") or not _empty(v)}


def _fields(record: Any) -> dict[str, Any]:
    """A record's data fields by name, as plain data; `compare=False` fields (lines, paths)
    are bookkeeping, not part of the file."""
    return {f.name: _data(getattr(record, f.name)) for f in dataclasses.fields(record)
            if f.init and f.compare}


def _data(value: Any) -> Any:
    """Plain YAML data for a field's value (records compact, containers copied)."""
    if isinstance(value, PlanText):
        return _text_data(value)
    if isinstance(value, PlanItem):
        return _item_data(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _compact(_fields(value), keep=("items",))  # a chapter's items, even none
    if isinstance(value, list | tuple):
        return [_data(v) for v in value]
    if isinstance(value, dict):
        return {k: _data(v) for k, v in value.items()}
    return copy.deepcopy(value)


def _meta_data(meta: Any) -> dict[str, Any]:
    """The meta in full, every option shown; a level of None (derived from the region) and an
    unused notice left out."""
    data = _full(meta)
    if meta.notice == PlanNotice():
        data.pop("notice", None)  # only plans issued with a notice carry it
    if data.get("level") is None:
        data.pop("level", None)
    return data


def _full(record: Any) -> dict[str, Any]:
    """Every data field, empty ones too, records inside in full as well."""
    return {f.name: _full(v) if dataclasses.is_dataclass(v) else _data(v)
            for f in dataclasses.fields(record) if f.init and f.compare
            for v in (getattr(record, f.name),)}


def _empty(value: Any) -> bool:
    """Left out when written: None and {} (an empty list may mean something, as `owners: []`
    does: no owners, not the clause's)."""
    return value is None or value == {}


def _compact(data: dict[str, Any], keep: tuple[str, ...] = ()) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k in keep or not _empty(v)}


def _stored(provenance: dict[str, str], values: dict[str, Any]) -> dict[str, str]:
    """The provenance worth saving: of values present, never "inherited" (a batch run's)."""
    return {k: v for k, v in provenance.items() if v in _SAVED and k in values}


def _text_data(text: PlanText) -> Any:
    data = _compact(_fields(text))
    return text.text if list(data) == ["text"] else data  # bare inline text: the shorthand


def _item_data(item: PlanItem) -> Any:
    data = _fields(item)
    data["provenance"] = _stored(item.provenance, item.values)
    # an item's own slots carry no default: the value lives in the item's values
    data["slots"] = [_compact({k: v for k, v in slot.items() if k != "default"})
                     for slot in data["slots"]] or None
    data = _compact(data)
    return item.clause if list(data) == ["clause"] else data  # a bare clause id: the shorthand


def plan_to_yaml(plan: Plan) -> str:
    header = "# drafter 计划文件（工作要点）。用 drafter build 生成文档，drafter tui 编辑。\n"
    return header + dump_yaml(plan_to_data(plan))


def save_plan(plan: Plan, path: Path, *, overwrite: bool = True) -> None:
    """Write the plan atomically (temp file, then rename) — only if it reads back: a plan that
    could be saved but never reopened (say, a caption with `{{ 会议.名称 }}`) is refused."""
    text = plan_to_yaml(plan)
    plan_from_yaml(text, str(path))  # DrafterError naming what would not load
    atomic_write_text(Path(path), text, overwrite=overwrite)
