"""The nouns of drafter and pure functions over them.

This is the bottom layer: plain dataclasses, no I/O, no YAML, no Jinja, no docx, no Textual.
Everything else imports from here; nothing here imports from the rest of drafter.

Glossary (keep words the same everywhere):
条目 clause · 目录 catalogue · 要点/计划 plan · 参数 slot · 变体 variant · 章 chapter ·
节 section · 总体要求 preamble · 结束语 closing · 责任单位 owners · 来源 source.
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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
# Imported on first use (PEP 562), so a command that needs one noun does not load them all.
# (drafter.util.lazy does the same for the middle packages; the model may not import util.)
_EXPORTS = {
    "Block": "blocks",
    "BlockRole": "blocks",
    "Location": "blocks",
    "Catalogue": "catalogue",
    "Clause": "clause",
    "Slot": "clause",
    "SlotType": "clause",
    "Source": "clause",
    "Variant": "clause",
    "MinedChapter": "document",
    "MinedDocument": "document",
    "MinedItem": "document",
    "DrafterError": "errors",
    "Problem": "errors",
    "ProblemList": "errors",
    "GLOBAL_NAMES": "plan",
    "NumberingStyle": "plan",
    "Plan": "plan",
    "PlanChapter": "plan",
    "PlanItem": "plan",
    "PlanMeta": "plan",
    "PlanOptions": "plan",
    "PlanText": "plan",
    "CHAPTER_KEYS": "taxonomy",
    "DEFAULT_HEADINGS": "taxonomy",
    "ID_PREFIX": "taxonomy",
}


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'drafter.model' has no attribute {name!r}")
    value = getattr(import_module(f"drafter.model.{module}"), name)
    globals()[name] = value
    return value
