"""The catalogue file format, declared once: validation of one parsed chapter file.

`validate_chapter` walks the parsed YAML of one `catalog/<key>.yaml`, collects every problem
(with the line from yamlio's LineMap) and, when there is none, returns plain records —
dicts, lists, strings and numbers only, so that the loader can cache them with marshal and
build model objects quickly. Which keys exist, which are required and how each is checked
come from the field table in `drafter.catalog.fields`; this module holds the checks per shape
and the rules that span fields (placeholders declared and used, variant ids).

This module must not read files, cache, or build model objects; cross-file checks (duplicate
ids) belong to the loader.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from drafter.catalog.fields import CLAUSE, SLOT, SOURCE, TOP_KEYS, VARIANT, Field, names
from drafter.model.clause import CLAUSE_KINDS, SLOT_TYPES
from drafter.model.levels import LEVELS
from drafter.model.placeholders import simple_names
from drafter.model.plan import GLOBAL_NAMES
from drafter.util.placeholders import placeholder_problems, template_names
from drafter.util.yamlio import LineMap

ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
_GLOBALS = frozenset(GLOBAL_NAMES)
TYPE_NAMES = {str: "文字", int: "整数", float: "小数", bool: "是/否", list: "列表", dict: "映射"}

Record = dict[str, Any]
# What a missing key of these shapes means (an absent kind is a plan item, an absent slot type
# text); any other missing key is None, "" (text) or [] (lists).
DEFAULTS: dict[str, str] = {"kind": "plan", "slot_type": "text"}


@dataclass
class Found:
    """Problems of one file, as (message, line, where, hint) tuples (cacheable)."""

    items: list[tuple[str, int | None, str | None, str | None]] = field(default_factory=list)

    def add(self, message: str, line: int | None, where: str | None = None,
            hint: str | None = None) -> None:
        self.items.append((message, line, where, hint))


class _Ctx:
    def __init__(self, lines: LineMap, found: Found) -> None:
        self.lines = lines
        self.found = found

    def problem(self, path: tuple[Any, ...], message: str, where: str | None = None,
                hint: str | None = None) -> None:
        self.found.add(message, self.lines.line(*path), where, hint)


def _type_name(value: Any) -> str:
    return "空值" if value is None else TYPE_NAMES.get(type(value), type(value).__name__)


def validate_chapter(data: Any, lines: LineMap, key: str) -> tuple[list[Record], Found]:
    """Records of the file's clauses and every problem found (records are [] on problems)."""
    found = Found()
    ctx = _Ctx(lines, found)
    if data is None:
        return [], found
    if not isinstance(data, dict):
        ctx.problem((), f"文件顶层应是含 chapter 和 clauses 的映射，实际是{_type_name(data)}")
        return [], found
    _unknown_keys(ctx, (), data, TOP_KEYS, None)
    chapter = data.get("chapter", key)
    if chapter != key:
        ctx.problem(("chapter",), f"chapter 为“{chapter}”，与文件名“{key}.yaml”不一致",
                    hint="章节由文件名决定；移动条目请把它剪切到对应文件中")
    if "clauses" not in data:
        ctx.problem((), "缺少必填字段“clauses”（条目列表）")
    raw = data.get("clauses")
    if raw is None:
        raw = []
    if not isinstance(raw, list):
        ctx.problem(("clauses",), f"clauses 应为列表，实际是{_type_name(raw)}")
        return [], found
    records = [_clause(ctx, ("clauses", i), value, i) for i, value in enumerate(raw)]
    if found.items:
        found.items.sort(key=lambda f: f[1] or 0)
        return [], found
    return [r for r in records if r is not None], found


def _unknown_keys(ctx: _Ctx, path: tuple[Any, ...], data: dict[Any, Any],
                  allowed: tuple[str, ...], where: str | None) -> None:
    for k in data:
        if k not in allowed:
            ctx.problem((*path, k), f"未知字段“{k}”", where, "允许的字段：" + "、".join(allowed))


def _required(ctx: _Ctx, path: tuple[Any, ...], data: dict[str, Any], name: str,
              where: str | None) -> None:
    if name not in data:
        ctx.problem(path, f"缺少必填字段“{name}”", where)


def _text(ctx: _Ctx, path: tuple[Any, ...], data: dict[str, Any], name: str, where: str | None,
          *, optional: bool = False) -> str | None:
    value = data.get(name)
    if value is None:
        return None if optional else ""
    if type(value) is str:
        return value
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        ctx.problem((*path, name), f"字段“{name}”应为文字，实际是{_type_name(value)}", where)
        return None
    if not isinstance(value, str) and name in ("lead", "body", "id", "name", "label", "file"):
        ctx.problem((*path, name), f"字段“{name}”应为文字，实际是{_type_name(value)}", where,
                    "数字请加引号")
        return None
    return str(value)


def _text_list(ctx: _Ctx, path: tuple[Any, ...], data: dict[str, Any], name: str,
               where: str | None) -> list[str]:
    value = data.get(name)
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        ctx.problem((*path, name), f"字段“{name}”应为文字列表", where, "每行一项：- 文字")
        return []
    return list(value)


def _record(ctx: _Ctx, path: tuple[Any, ...], data: dict[str, Any],
            fields: tuple[Field, ...], where: str | None, **context: Any) -> Record:
    """One mapping checked against its field table: unknown and missing keys, then each field
    by its shape. `context` passes what a nested check needs (the clause id for variants)."""
    allowed, known, required, checks = _plan(fields)
    if not known.issuperset(data):
        _unknown_keys(ctx, path, data, allowed, where)
    for name in required:
        if name not in data:
            _required(ctx, path, data, name, where)
    if context:
        return {name: check(ctx, path, data, name, where, **context) for name, check in checks}
    return {name: check(ctx, path, data, name, where) for name, check in checks}


_Plan = tuple[tuple[str, ...], frozenset[str], tuple[str, ...], tuple[tuple[str, Any], ...]]
_PLANS: dict[int, tuple[tuple[Field, ...], _Plan]] = {}


def _plan(fields: tuple[Field, ...]) -> _Plan:
    """A table's keys (in order, and as a set), required keys and (name, check) pairs, worked
    out once per table."""
    found = _PLANS.get(id(fields))
    if found is None or found[0] is not fields:
        keys = names(fields)
        found = _PLANS[id(fields)] = (fields, (
            keys, frozenset(keys), tuple(f.name for f in fields if f.required),
            tuple((f.name, _SHAPES[f.shape]) for f in fields)))
    return found[1]


def _clause(ctx: _Ctx, path: tuple[Any, ...], data: Any, index: int) -> Record | None:
    if not isinstance(data, dict):
        ctx.problem(path, f"第{index + 1}个条目应是映射（id、lead、body…），"
                          f"实际是{_type_name(data)}")
        return None
    clause_id = data.get("id")
    where = f"条目 {clause_id}" if isinstance(clause_id, str) else f"第{index + 1}个条目"
    record = _record(ctx, path, data, CLAUSE, where,
                     clause_id=clause_id if isinstance(clause_id, str) else "")
    _templates(ctx, path, record["lead"], record["body"], record["slots"], where)
    record["line"] = ctx.lines.line(*path)
    return record


def _id(ctx: _Ctx, path: tuple[Any, ...], data: dict[str, Any], name: str,
        where: str | None, **_: Any) -> str:
    value = _text(ctx, path, data, name, where, optional=True)
    if value is not None and not ID_RE.match(value):
        ctx.problem((*path, name), f"编号“{value}”无效", where,
                    "编号只能由英文字母、数字和 - _ . 组成，如 dj-3fa2c1")
    return value or ""


def _kind(ctx: _Ctx, path: tuple[Any, ...], data: dict[str, Any], name: str,
          where: str | None, **_: Any) -> str:
    kind = data.get(name, DEFAULTS["kind"])
    if kind not in CLAUSE_KINDS:
        ctx.problem((*path, name), f"kind“{kind}”无效", where, "可选：" + "、".join(CLAUSE_KINDS))
    return str(kind)


def _slot_type(ctx: _Ctx, path: tuple[Any, ...], data: dict[str, Any], name: str,
               where: str | None, **_: Any) -> str:
    slot_type = data.get(name, DEFAULTS["slot_type"])
    if slot_type not in SLOT_TYPES:
        ctx.problem((*path, name), f"参数“{data.get('name')}”的类型“{slot_type}”无效", where,
                    "可选：" + "、".join(SLOT_TYPES))
        return "text"
    return str(slot_type)


def _year(ctx: _Ctx, path: tuple[Any, ...], data: dict[str, Any], name: str,
          where: str | None, **_: Any) -> Any:
    year = data.get(name)
    if year is not None and (isinstance(year, bool) or not isinstance(year, int)):
        ctx.problem((*path, name), f"来源年份“{year}”应为整数", where)
    return year


def _level(ctx: _Ctx, path: tuple[Any, ...], data: dict[str, Any], name: str,
           where: str | None, **_: Any) -> str | None:
    level = data.get(name)
    if level is not None and level not in LEVELS:
        ctx.problem((*path, name), f"级别“{level}”无效", where, "可选：" + "、".join(LEVELS))
        return None
    return level  # type: ignore[no-any-return]


def _plain(ctx: _Ctx, path: tuple[Any, ...], data: dict[str, Any], name: str,
           where: str | None, **_: Any) -> Any:
    return data.get(name)  # checked against its sibling fields by the record's own rules


def _list_of(ctx: _Ctx, path: tuple[Any, ...], data: dict[str, Any], name: str,
             where: str | None) -> list[Any]:
    value = data.get(name)
    if value is None:
        return []
    if not isinstance(value, list):
        ctx.problem((*path, name), f"字段“{name}”应为列表，实际是{_type_name(value)}", where)
        return []
    return value


def _slots(ctx: _Ctx, path: tuple[Any, ...], data: dict[str, Any], name: str,
           where: str | None, **_: Any) -> list[Record]:
    out: list[Record] = []
    seen: set[str] = set()
    for i, raw in enumerate(_list_of(ctx, path, data, name, where)):
        spath = (*path, name, i)
        if not isinstance(raw, dict):
            ctx.problem(spath, f"参数应是映射（name、label、type…），实际是{_type_name(raw)}",
                        where)
            continue
        slot = _record(ctx, spath, raw, SLOT, where)
        slot_name = slot["name"]
        bad_name = slot_name_problem(slot_name, seen)
        if bad_name is not None:
            message, hint = bad_name
            ctx.problem((*spath, "name"), message, where, hint)
        seen.add(slot_name)
        slot["label"] = slot["label"] or slot_name
        if not default_fits(slot["type"], slot["default"]):
            ctx.problem((*spath, "default"),
                        f"参数“{slot_name}”的默认值“{slot['default']}”与类型 {slot['type']} 不符",
                        where)
        out.append(slot)
    return out


def slot_name_problem(name: str, seen: set[str]) -> tuple[str, str | None] | None:
    """(message, hint) when a slot may not have this name (`seen`: the clause's names so far)."""
    if name and (not name.isidentifier() or name.startswith("_")):
        return f"参数名“{name}”无效", "只能用汉字、字母、数字和下划线，且不以数字或下划线开头"
    if name in _GLOBALS:
        return (f"参数名“{name}”是全局参数，不能在 slots 中声明",
                "直接在正文中使用 {{ " + name + " }} 即可")
    if name in seen:
        return f"参数名“{name}”重复", None
    return None


def default_fits(slot_type: str, value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, bool):
        return False
    if slot_type in ("integer", "year"):
        return isinstance(value, int)
    if slot_type in ("decimal", "percent"):
        return isinstance(value, int | float)
    return isinstance(value, str | int | float)


def _templates(ctx: _Ctx, path: tuple[Any, ...], lead: str, body: str, slots: list[Record],
               where: str | None) -> None:
    if not slots and "{" not in lead and "{" not in body:
        return  # nothing used, nothing declared: no template syntax starts without a brace
    for at, message, hint in template_problems(lead, body, [s["name"] for s in slots]):
        ctx.problem((*path, *at), message, where, hint)


def template_problems(lead: str, body: str,
                      slots: list[str]) -> list[tuple[tuple[Any, ...], str, str | None]]:
    """(path below the record, message, hint) for every placeholder problem of a wording whose
    slots are named `slots`: constructs not allowed, names not declared, slots not used."""
    if _templates_fine(lead, body, slots):
        return []
    out: list[tuple[tuple[Any, ...], str, str | None]] = []
    used: set[str] = set()
    declared = set(slots) | _GLOBALS
    broken = False
    for name, text in (("lead", lead), ("body", body)):
        if "{" not in text:  # no template syntax can start without a brace: skip the parse
            continue
        problems = placeholder_problems(text)
        out += [((name,), message,
                 "占位符只能写成 {{ 名称 }} 或 {{ 年份 + 1 }}；文中的大括号请写成 {{ '{' }}")
                for message in problems]
        broken = broken or bool(problems)
        names = template_names(text)
        used |= names
        out += [((name,), f"占位符“{{{{ {missing} }}}}”未在 slots 中声明",
                 "请在 slots 中添加该参数，或改正占位符名称")
                for missing in sorted(names - declared)]
    if broken:  # names of a broken template are unknown: do not call its slots unused
        return out
    out += [(("slots", i), f"参数“{slot}”已声明但正文中没有使用",
             "请删除该参数，或在正文中加入 {{ " + slot + " }}")
            for i, slot in enumerate(slots) if slot and slot not in used]
    return out


def _templates_fine(lead: str, body: str, slots: list[str]) -> bool:
    """True when the usual wording — only `{{ name }}` placeholders, each declared, every slot
    used — has no problem at all, found at a cost a 40,000-clause load can pay; False when
    `template_problems` must look closer (it may still find none)."""
    used: set[str] = set()
    for text in (lead, body):
        if "{" in text:
            names = simple_names(text)
            if names is None:
                return False
            used.update(names)
    declared = set(slots)
    return used == declared or (used >= declared and used <= declared | _GLOBALS)


def _source_record(ctx: _Ctx, path: tuple[Any, ...], raw: Any, where: str | None) -> Record:
    if not isinstance(raw, dict):
        ctx.problem(path, f"来源应是映射（file、marker、year…），实际是{_type_name(raw)}", where)
        return {}
    return _record(ctx, path, raw, SOURCE, where)


def _sources(ctx: _Ctx, path: tuple[Any, ...], data: dict[str, Any], name: str,
             where: str | None, **_: Any) -> list[Record]:
    return [_source_record(ctx, (*path, name, i), s, where)
            for i, s in enumerate(_list_of(ctx, path, data, name, where))]


def _source(ctx: _Ctx, path: tuple[Any, ...], data: dict[str, Any], name: str,
            where: str | None, **_: Any) -> Record | None:
    raw = data.get(name)
    return None if raw is None else _source_record(ctx, (*path, name), raw, where)


def _variants(ctx: _Ctx, path: tuple[Any, ...], data: dict[str, Any], name: str,
              where: str | None, *, clause_id: str = "", **_: Any) -> list[Record]:
    return [_variant(ctx, (*path, name, i), v, clause_id, where)
            for i, v in enumerate(_list_of(ctx, path, data, name, where))]


def _variant(ctx: _Ctx, path: tuple[Any, ...], raw: Any, clause_id: str,
             where: str | None) -> Record:
    if not isinstance(raw, dict):
        ctx.problem(path, f"变体应是映射（id、lead、body…），实际是{_type_name(raw)}", where)
        return {}
    vid = raw.get("id")
    vwhere = f"变体 {vid}" if isinstance(vid, str) else where
    record = _record(ctx, path, raw, VARIANT, vwhere)
    value = record["id"]
    if value and clause_id and not value.startswith(f"{clause_id}/"):
        ctx.problem((*path, "id"), f"变体编号“{value}”应以“{clause_id}/”开头", vwhere,
                    f"如 {clause_id}/2")
    _templates(ctx, path, record["lead"], record["body"], record["slots"], vwhere)
    record["line"] = ctx.lines.line(*path)
    return record


def _text_field(ctx: _Ctx, path: tuple[Any, ...], data: dict[str, Any], name: str,
                where: str | None, **_: Any) -> str:
    return _text(ctx, path, data, name, where) or ""


def _opt_text_field(ctx: _Ctx, path: tuple[Any, ...], data: dict[str, Any], name: str,
                    where: str | None, **_: Any) -> str | None:
    return _text(ctx, path, data, name, where, optional=True)


def _texts_field(ctx: _Ctx, path: tuple[Any, ...], data: dict[str, Any], name: str,
                 where: str | None, **_: Any) -> list[str]:
    return _text_list(ctx, path, data, name, where)


_SHAPES: dict[str, Any] = {
    "id": _id, "text": _text_field, "opt_text": _opt_text_field, "texts": _texts_field,
    "kind": _kind, "slot_type": _slot_type, "default": _plain, "year": _year, "level": _level,
    "slots": _slots, "sources": _sources, "source": _source, "variants": _variants,
}
