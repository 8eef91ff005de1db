"""The plan file format, declared once as pydantic models that reject unknown keys.

These models only validate the shape of the YAML; `drafter.plans.io` turns them into the
model dataclasses and reports every problem at once with file:line. Nothing here reads files
or knows about the catalogue.

Shorthands accepted on input (and used on output where they fit):
- an item may be a bare clause id string: `- dj-1a2b3c`;
- a preamble or closing may be a bare string of inline text.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Annotated, Any, Literal, Optional

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainValidator,
    model_validator,
)

from drafter.model.clause import SLOT_TYPES
from drafter.model.notice import PlanNotice
from drafter.model.placeholders import RESERVED_NAMES, placeholder_names
from drafter.model.plan import PlanMeta, PlanOptions
from drafter.model.taxonomy import CHAPTER_KEYS
from drafter.model.years import YEAR_MAX, YEAR_MIN
from drafter.util.dataclass_models import build, model_for


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


# Types for the hand-written models below: validated by the generated models, typed as the
# dataclasses (or the changes) they produce.
MetaEntry = Annotated[PlanMeta, PlainValidator(_meta)]
NoticeChanges = Annotated[dict[str, Any], PlainValidator(notice_changes)]
DateText = Annotated[str, BeforeValidator(_date_to_text), AfterValidator(_real_date)]


class TextModel(_Model):
    """A preamble, closing or chapter intro: a clause id, inline text, or both (text edits
    the clause)."""

    clause: str | None = None
    text: str | None = None

    @model_validator(mode="after")
    def _one_source(self) -> TextModel:
        if self.clause is None and self.text is None:
            raise ValueError("需要 clause（条目编号）或 text（文字）")
        return self


def _slot_name(value: str) -> str:
    if placeholder_names(f"{{{{ {value} }}}}") != [value] or value in RESERVED_NAMES:
        raise ValueError(f"参数名“{value}”不能用作 {{{{ 名称 }}}}："
                         "只能由汉字、字母、数字和下划线组成，且不以数字开头")
    return value


class SlotModel(_Model):
    """An item's own typed slot (a number of a custom item made a 参数)."""

    name: Annotated[str, AfterValidator(_slot_name)]
    label: str
    type: Literal[SLOT_TYPES] = "text"  # type: ignore[valid-type]
    unit: str | None = None


class ItemModel(_Model):
    clause: str | None = None
    variant: str | None = None
    lead: str | None = None
    body: str | None = None
    values: Values = Field(default_factory=dict)
    provenance: ProvenanceMap = Field(default_factory=dict)
    owners: Owners = None
    deadline: DateText | None = None
    section: str | None = None
    slots: Annotated[list[SlotModel], BeforeValidator(_none_as_empty_list)] = Field(
        default_factory=list)

    @model_validator(mode="after")
    def _clause_or_text(self) -> ItemModel:
        if self.variant is not None and self.clause is None:
            raise ValueError("variant（变体）只能与 clause（条目编号）一起使用")
        if self.clause is None and not (self.lead or self.body):
            raise ValueError("条目需要 clause（条目编号），或自定义的 lead/body 文字")
        return self


ItemEntry = Annotated[ItemModel, BeforeValidator(_clause_shorthand)]
TextEntry = Annotated[TextModel | None, BeforeValidator(_text_shorthand)]


class ChapterModel(_Model):
    key: Literal[CHAPTER_KEYS] | None = None  # type: ignore[valid-type]
    heading: str | None = None
    items: Annotated[list[ItemEntry], BeforeValidator(_none_as_empty_list)] = Field(
        default_factory=list)
    intro: TextEntry = None  # prose before the chapter's first item

    @model_validator(mode="after")
    def _key_or_heading(self) -> ChapterModel:
        if self.key is None and not self.heading:
            raise ValueError("章需要 key（章类别）或 heading（标题）")
        return self


class PlanModel(_Model):
    meta: MetaEntry = Field(default_factory=PlanMeta)
    preamble: TextEntry = None
    chapters: Annotated[list[ChapterModel], BeforeValidator(_none_as_empty_list)] = Field(
        default_factory=list)
    closing: TextEntry = None
    values: Values = Field(default_factory=dict)
    baseline: Values = Field(default_factory=dict)
    provenance: ProvenanceMap = Field(default_factory=dict)


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
