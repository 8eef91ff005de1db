"""Item identities drafter writes into its .docx (as hidden bookmarks) and reads back.

A rendered document carries, around each item, chapter heading, chapter intro, preamble and
closing, a name
that says which plan entry it came from, so a leader's edited copy can be compared with the
plan entry by entry (`drafter import --update`). Word hides bookmarks whose names start with
"_" and keeps them through editing and saving, as do WPS and LibreOffice. A name holds the
entry's 1-based chapter and item position in the plan as rendered, plus a short hash of its
clause id (or "custom"), so a plan edited since the render does not silently match the
wrong item. Names stay within Word's 40-character limit. Pure functions, no I/O.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

PREFIX = "_dft_"
BLOCK_KINDS = {"title": "title", "preamble": "preamble", "closing": "closing",
               "chapter": "chapter", "item": "item"}
_NAME = re.compile(r"^_dft_(?:(t)|(p)|(e)|(c)(\d+)|(i)(\d+)_(\d+)_([0-9a-f]{6})|(n)(\d+))$")
_ANY = re.compile(r"^_dft_[a-z0-9_]{1,32}$")


@dataclass(frozen=True)
class Identity:
    kind: str  # "title" | "preamble" | "closing" | "chapter" | "intro" | "item"
    chapter: int | None = None  # 1-based, for chapters, chapter intros and items
    item: int | None = None  # 1-based within the chapter, for items
    tag: str | None = None  # 6 hex of the item's clause id or custom text

    @property
    def name(self) -> str:
        if self.kind == "item":
            return f"{PREFIX}i{self.chapter}_{self.item}_{self.tag}"
        if self.kind == "chapter":
            return f"{PREFIX}c{self.chapter}"
        if self.kind == "intro":
            return f"{PREFIX}n{self.chapter}"
        return PREFIX + {"title": "t", "preamble": "p", "closing": "e"}[self.kind]


def item_tag(clause: str | None) -> str:
    """6 hex naming what an item is: its clause id, or "custom" for the plan's own text."""
    return hashlib.sha1((clause or "custom").encode("utf-8")).hexdigest()[:6]


def item_identity(chapter: int, item: int, clause: str | None) -> Identity:
    return Identity("item", chapter, item, item_tag(clause))


def block_identity(role: str, chapter: int | None, item: int | None, clause: str | None
                   ) -> Identity | None:
    """The identity of a rendered block (None for blocks that carry none: captions, sections,
    signature, date)."""
    if role == "item" and chapter is not None and item is not None:
        return item_identity(chapter, item, clause)
    if role == "chapter" and chapter is not None:
        return Identity("chapter", chapter)
    if role == "preamble" and chapter is not None:
        return Identity("intro", chapter)  # a chapter's intro: a body paragraph in a chapter
    if role in ("title", "preamble", "closing"):
        return Identity(role)
    return None


def is_identity(name: str) -> bool:
    return bool(_ANY.match(name))


def parse_identity(name: str) -> Identity | None:
    match = _NAME.match(name)
    if not match:
        return None
    g = match.groups()
    if g[0]:
        return Identity("title")
    if g[1]:
        return Identity("preamble")
    if g[2]:
        return Identity("closing")
    if g[3]:
        return Identity("chapter", int(g[4]))
    if g[9]:
        return Identity("intro", int(g[10]))
    return Identity("item", int(g[6]), int(g[7]), g[8])
