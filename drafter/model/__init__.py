"""The nouns of drafter and pure functions over them.

This is the bottom layer: plain dataclasses, no I/O, no YAML, no Jinja, no docx, no Textual.
Everything else imports from here; nothing here imports from the rest of drafter.

Glossary (keep words the same everywhere):
条目 clause · 目录 catalogue · 要点/计划 plan · 参数 slot · 变体 variant · 章 chapter ·
节 section · 总体要求 preamble · 结束语 closing · 责任单位 owners · 来源 source.
"""

from drafter.model.blocks import Block, BlockRole, Location
from drafter.model.catalogue import Catalogue
from drafter.model.clause import Clause, Slot, SlotType, Source, Variant
from drafter.model.document import MinedChapter, MinedDocument, MinedItem
from drafter.model.errors import DrafterError, Problem, ProblemList
from drafter.model.plan import (
    GLOBAL_NAMES,
    NumberingStyle,
    Plan,
    PlanChapter,
    PlanItem,
    PlanMeta,
    PlanOptions,
    PlanText,
)
from drafter.model.taxonomy import CHAPTER_KEYS, DEFAULT_HEADINGS, ID_PREFIX

__all__ = [
    "CHAPTER_KEYS",
    "DEFAULT_HEADINGS",
    "GLOBAL_NAMES",
    "ID_PREFIX",
    "Block",
    "BlockRole",
    "Catalogue",
    "Clause",
    "DrafterError",
    "Location",
    "MinedChapter",
    "MinedDocument",
    "MinedItem",
    "NumberingStyle",
    "Plan",
    "PlanChapter",
    "PlanItem",
    "PlanMeta",
    "PlanOptions",
    "PlanText",
    "Problem",
    "ProblemList",
    "Slot",
    "SlotType",
    "Source",
    "Variant",
]
