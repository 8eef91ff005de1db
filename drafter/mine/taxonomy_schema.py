"""The taxonomy file's format (drafter/mine/data/taxonomy.yaml), declared once with pydantic.

`settings` tune the scoring (numbers), `keys` give each chapter key weighted keywords, `tags`
give finer tags (each under one chapter key) their keywords, `not_words` list ordinary words
that a keyword may straddle ("深入学习" holds 入学): matched like keywords, they score nothing;
`purpose_words` open a lead's later clause that states a purpose and `means_words` a clause
that states a means (they count `minor_clause` times). To add a setting: add a field to
`Settings` with its default; `drafter.mine.classify` reads them by name.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BeforeValidator, ConfigDict, Field

from drafter.model.taxonomy import CHAPTER_KEYS
from drafter.util.validation import Strict


def _chapter_key(value: Any) -> str:
    if value not in CHAPTER_KEYS:
        raise ValueError(f"未知章节分类“{value}”（可选：{'、'.join(CHAPTER_KEYS)}）")
    return str(value)


def _tag_key(value: Any) -> str:
    if value not in CHAPTER_KEYS:
        raise ValueError(f"标签的 key“{value}”不是章节分类（可选：{'、'.join(CHAPTER_KEYS)}）")
    return str(value)


def _weight(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
        raise ValueError(f"关键词的权重应是正数，而不是“{value}”")
    return float(value)


def _number(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"设置应是数字，而不是“{value}”")
    return float(value)


ChapterKey = Annotated[str, BeforeValidator(_chapter_key)]
Number = Annotated[float, BeforeValidator(_number)]
Words = dict[str, Annotated[float, BeforeValidator(_weight)]]


class Settings(Strict):
    model_config = ConfigDict(title="设置")

    lead_weight: Number = 3
    body_weight: Number = 1
    body_repeat_cap: Number = 2
    body_cap: Number = 12
    fallback_bonus: Number = 2
    threshold: Number = 4
    margin: Number = 2
    tag_threshold: Number = 3
    max_tags: Number = 4
    heading_first_part: Number = 2
    heading_threshold: Number = 2
    lead_decides: Number = 6
    lead_margin: Number = 3
    prior_items: Number = 3
    minor_clause: Number = 1
    default_key: ChapterKey = "教育改革"
    prose_key: ChapterKey = "总体要求"


class KeyEntry(Strict):
    words: Words
    lead_only: bool = False  # its words count in leads only, never in bodies


class TagEntry(Strict):
    key: Annotated[str, BeforeValidator(_tag_key)]
    words: Words


class Taxonomy(Strict):
    model_config = ConfigDict(title="顶层字段")

    settings: Settings = Field(default_factory=Settings)
    keys: dict[ChapterKey, KeyEntry] = Field(default_factory=dict)
    tags: dict[str, TagEntry] = Field(default_factory=dict)
    not_words: list[str] = Field(default_factory=list)
    purpose_words: list[str] = Field(default_factory=list)
    means_words: list[str] = Field(default_factory=list)
