"""The plan file format, declared once as pydantic models that reject unknown keys.

The format IS the model dataclasses (Plan, PlanMeta, PlanOptions, PlanNotice, PlanChapter,
PlanItem, PlanText, Slot): each record's pydantic model is generated from its dataclass
(`drafter.util.dataclass_models`), with only what a type cannot say added here by field name
(ranges, patterns, choices, shorthands, rules across fields), and validating a record yields
the dataclass. `drafter.plans.io` reports every problem at once with file:line. Nothing here
reads files or knows about the catalogue.

Shorthands accepted on input (and used on output where they fit):
- an item may be a bare clause id string: `- dj-1a2b3c`;
- a preamble or closing may be a bare string of inline text.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable
from typing import Annotated, Any, Literal, Optional, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainValidator,
)

from drafter.model.clause import SLOT_TYPES, Slot
from drafter.model.notice import PlanNotice
from drafter.model.placeholders import RESERVED_NAMES, placeholder_names
from drafter.model.plan import Plan, PlanChapter, PlanItem, PlanMeta, PlanOptions, PlanText
from drafter.model.taxonomy import CHAPTER_KEYS
from drafter.model.years import YEAR_MAX, YEAR_MIN
from drafter.util.dataclass_models import OMIT, build, model_for

T = TypeVar("T")


def _date_to_text(value: Any) -> Any:
    """YAML reads 2025-01-10 as a date: keep it as the ISO text the user wrote."""
    if isinstance(value, _dt.date):
        return value.isoformat()
    return value


def _real_date(value: str | None) -> str | None:
    """A quoted "2025-02-30" passes the pattern: check it is a day on the calendar."""
    match = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", value or "")
    if match:
        try:
            _dt.date(*(int(g) for g in match.groups()))
        except ValueError:
            raise ValueError(f"日期“{value}”不存在（月份或日期超出范围）") from None
    return value


def _clause_shorthand(value: Any) -> Any:
    return {"clause": value} if isinstance(value, str) else value


def _text_shorthand(value: Any) -> Any:
    return {"text": value} if isinstance(value, str) else value


def _none_as_empty_dict(value: Any) -> Any:
    return {} if value is None else value


def _none_as_empty_list(value: Any) -> Any:
    return [] if value is None else value


def _owners_text(value: Any) -> Any:
    """`owners: 人事科、基教科` is as good as a list."""
    if isinstance(value, str):
        return [p.strip() for p in re.split(r"[、，,；;]", value) if p.strip()]
    return value


# Stored provenance of a value (model.provenance.STORED): a value without an entry was typed.
ProvenanceMap = Annotated[dict[str, Literal["confirmed", "last_year"]],
                          BeforeValidator(_none_as_empty_dict)]
# An empty `values:` or `items:` line in YAML is null: read it as empty, not as an error.
Values = Annotated[dict[str, Any], BeforeValidator(_none_as_empty_dict)]
Owners = Annotated[list[str] | None, BeforeValidator(_owners_text)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=False)


Date = Annotated[str | None, Field(pattern=r"^\d{4}-\d{1,2}-\d{1,2}$"),
                 BeforeValidator(_date_to_text), AfterValidator(_real_date)]

# The meta, its options and its notice ARE the model dataclasses (PlanMeta, PlanOptions,
# PlanNotice): their validating models are generated from them (fields, types, defaults), and
# only what a type cannot say is added here, by field name. A field added to a dataclass is
# in the plan format at once; `meta_from_data` builds the dataclass back.
NoticeModel = model_for(PlanNotice, _Model, {PlanNotice: {
    "urgency": Literal["特急", "加急"] | None,
    "organs": Annotated[list[str], BeforeValidator(_owners_text)],
    "date": Date,
    "print_date": Date,
}})
MetaModel = model_for(PlanMeta, _Model, {
    PlanMeta: {
        "year": Annotated[int, Field(ge=YEAR_MIN, le=YEAR_MAX)],
        "date": Date,
        "level": Literal["省", "市", "县", "区"] | None,
        "notice": Optional[NoticeModel],  # noqa: UP045 (a model class held in a variable)
    },
    PlanOptions: {
        "fonts": Annotated[dict[str, str], BeforeValidator(_none_as_empty_dict)],
        "dash": Literal["—", "-"],
    },
})


def _meta(value: Any) -> PlanMeta:
    if isinstance(value, PlanMeta):
        return value
    data = MetaModel.model_validate({} if value is None else value).model_dump()
    if data.get("notice") is None:
        data.pop("notice", None)  # no notice: the dataclass's own (empty) one
    return build(PlanMeta, data)


def notice_changes(value: Any) -> dict[str, Any]:
    """A batch variant's `notice:`: only the keys it sets, validated as the plan's notice."""
    if value is None:
        return {}
    return NoticeModel.model_validate(value).model_dump(exclude_unset=True)


# Field types that validate through a generated model and yield its dataclass (typed Any for
# pydantic, so it does not build a second schema of the dataclass only to serialise it).
MetaEntry = Annotated[Any, PlainValidator(_meta)]
NoticeChanges = Annotated[dict[str, Any], PlainValidator(notice_changes)]
DateText = Annotated[str, BeforeValidator(_date_to_text), AfterValidator(_real_date)]


def _slot_name(value: str) -> str:
    if placeholder_names(f"{{{{ {value} }}}}") != [value] or value in RESERVED_NAMES:
        raise ValueError(f"参数名“{value}”不能用作 {{{{ 名称 }}}}："
                         "只能由汉字、字母、数字和下划线组成，且不以数字开头")
    return value


def _dates_as_text(values: dict[str, Any]) -> dict[str, Any]:
    """A value YAML read as a date is kept as the ISO text the user wrote."""
    return {k: v.isoformat() if isinstance(v, _dt.date) else v for k, v in values.items()}


PlanValues = Annotated[dict[str, Any], BeforeValidator(_none_as_empty_dict),
                       AfterValidator(_dates_as_text)]


def _one_source(text: dict[str, Any]) -> None:
    if text["clause"] is None and text["text"] is None:
        raise ValueError("需要 clause（条目编号）或 text（文字）")


def _clause_or_text(item: dict[str, Any]) -> None:
    if item["variant"] is not None and item["clause"] is None:
        raise ValueError("variant（变体）只能与 clause（条目编号）一起使用")
    if item["clause"] is None and not (item["lead"] or item["body"]):
        raise ValueError("条目需要 clause（条目编号），或自定义的 lead/body 文字")


def _key_or_heading(chapter: dict[str, Any]) -> None:
    if chapter["key"] is None and not chapter["heading"]:
        raise ValueError("章需要 key（章类别）或 heading（标题）")


def _entry(model: type[BaseModel], cls: type[T], check: Callable[[dict[str, Any]], None],
           shorthand: Callable[[Any], Any] | None = None) -> Callable[[Any], T]:
    """Validate one record with its generated model, then the rule across its fields (a
    ValueError in Chinese, at the record's line), and build the dataclass."""
    def run(value: Any) -> T:
        if isinstance(value, cls):
            return value
        record = model.model_validate(shorthand(value) if shorthand else value)
        check(dict(record))
        return build(cls, record)

    return run


# Items, chapters, preamble/closing and the plan itself are the model dataclasses too; an
# item's own slots are `Slot`s without a default (the value lives in the item's values).
_ItemModel = model_for(PlanItem, _Model, {
    PlanItem: {"values": PlanValues, "provenance": ProvenanceMap, "owners": Owners,
               "deadline": Optional[DateText],  # noqa: UP045
               "slots": Annotated[list[Slot], BeforeValidator(_none_as_empty_list)]},
    Slot: {"name": Annotated[str, AfterValidator(_slot_name)], "type": Literal[SLOT_TYPES],
           "default": OMIT},
})
ItemEntry = Annotated[Any, PlainValidator(
    _entry(_ItemModel, PlanItem, _clause_or_text, _clause_shorthand))]
_text = _entry(model_for(PlanText, _Model), PlanText, _one_source, _text_shorthand)
TextEntry = Annotated[Any, PlainValidator(lambda v: None if v is None else _text(v))]
_ChapterModel = model_for(PlanChapter, _Model, {PlanChapter: {
    "key": Literal[CHAPTER_KEYS] | None,
    "items": Annotated[list[ItemEntry], BeforeValidator(_none_as_empty_list)],
}})
ChapterEntry = Annotated[Any, PlainValidator(
    _entry(_ChapterModel, PlanChapter, _key_or_heading))]
PlanModel = model_for(Plan, _Model, {Plan: {
    "meta": MetaEntry,
    "preamble": Annotated[TextEntry, Field(default=None)],
    "chapters": Annotated[list[ChapterEntry], BeforeValidator(_none_as_empty_list)],
    "closing": Annotated[TextEntry, Field(default=None)],
    "values": PlanValues,
    "baseline": PlanValues,
    "provenance": ProvenanceMap,
}})


_TYPE_MESSAGES: dict[str, str] = {
    "extra_forbidden": "未知的键，请检查拼写（只接受说明中列出的键）",
    "missing": "缺少必填项",
    "string_type": "应为文字（如含冒号等特殊字符请加引号）",
    "int_type": "应为整数",
    "int_parsing": "应为整数",
    "int_from_float": "应为整数",
    "bool_type": "应为 true 或 false",
    "bool_parsing": "应为 true 或 false",
    "dict_type": "应为“键: 值”的映射",
    "model_type": "应为“键: 值”的映射",
    "model_attributes_type": "应为“键: 值”的映射",
    "list_type": "应为列表（每行以“- ”开头）",
    "greater_than_equal": f"年份应不早于 {YEAR_MIN}",
    "less_than_equal": f"年份应不晚于 {YEAR_MAX}",
    "string_pattern_mismatch": "日期应写成 2025-01-10 的形式",
    "string_too_short": "不能为空",
    "string_too_long": "文字过长",
    "too_short": "至少需要一项",
    "too_long": "项数过多",
    "float_type": "应为数字",
    "float_parsing": "应为数字",
    "greater_than": "数值过小",
    "less_than": "数值过大",
    "date_from_datetime_parsing": "日期应写成 2025-01-10 的形式",
    "date_type": "日期应写成 2025-01-10 的形式",
    "none_not_allowed": "不能为空",
    "dict_attributes_type": "应为“键: 值”的映射",
}


def pydantic_message(error: dict[str, Any]) -> str:
    """A Chinese message for one pydantic error."""
    kind = error.get("type", "")
    if kind == "literal_error":
        expected = str(error.get("ctx", {}).get("expected", ""))
        expected = expected.replace("' or '", "'、'").replace("', '", "'、'")
        return f"取值“{error.get('input')}”无效，应为以下之一：{expected}"
    if kind == "value_error":
        return str(error.get("ctx", {}).get("error", error.get("msg", "")))
    if kind in _TYPE_MESSAGES:
        return _TYPE_MESSAGES[kind]
    return "格式不正确"  # pydantic's own (English) message never reaches the user
