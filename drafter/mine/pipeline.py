"""Mine one source file into a MinedDocument: read → clean → structure → classify → slots.

The single entry point the CLI, the TUI and the bench call (`mine_file`, `mine_files`).
Classification and slot extraction belong to classify.py and slots.py; this module only
wires them in, and gives each chapter the chapter key most of its items got.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from drafter.mine import meta
from drafter.mine.classify import classify_chapter, classify_heading, load_rules
from drafter.mine.clean import clean_lines
from drafter.mine.read import SourceText, read_source
from drafter.mine.slots import templatize
from drafter.mine.structure import parse
from drafter.model.chars import UNSAFE_CHAR
from drafter.model.document import MinedChapter, MinedDocument
from drafter.model.taxonomy import CHAPTER_KEYS
from drafter.util.level_terms import load_level_terms


def mine_file(path: Path) -> MinedDocument:
    """The structure, clauses and slots of one plan (DrafterError for unreadable input)."""
    return mine_source(read_source(Path(path)))


def mine_source(source: SourceText) -> MinedDocument:
    """Mine text already read (`check` and `import` keep the raw lines and identities too)."""
    path = source.path
    # Control and bidi-override characters never enter clauses (a catalogue holding them would
    # be refused at load); `drafter check` flags them in the raw lines instead.
    cleaned = clean_lines([UNSAFE_CHAR.sub("", line) for line in source.lines])
    doc = parse(cleaned.paras, str(path), cleaned.dropped)
    doc.level = meta.document_level(doc.title, doc.region,
                                    "\n".join(p.text for p in cleaned.paras), load_level_terms())
    for chapter in doc.chapters:
        _finish_chapter(chapter, doc)
    return doc


def mine_files(paths: Iterable[Path]) -> list[MinedDocument]:
    return [mine_file(Path(p)) for p in paths]


def _finish_chapter(chapter: MinedChapter, doc: MinedDocument) -> None:
    heading_key = classify_heading(chapter.heading) if chapter.heading else None
    keys = classify_chapter([(item.lead, item.body) for item in chapter.items], heading_key)
    for item, (category, tags) in zip(chapter.items, keys, strict=True):
        item.category, item.tags = category, tags
        item.lead_template, item.body_template, item.slots = templatize(
            item.lead, item.body, year=doc.year, region=doc.region
        )
    votes = Counter(i.category for i in chapter.items if i.category in CHAPTER_KEYS)
    if votes:
        best = max(votes.values())
        # Ties go to the heading's key when it is among the winners, else the first winner.
        winners = [k for k in votes if votes[k] == best]
        chapter.category = heading_key if heading_key in winners else winners[0]
    else:
        # a chapter of prose only (指导思想, 背景, 工作目标 …) is overall-requirements text
        chapter.category = heading_key or load_rules().prose_key
