"""Administrative levels (省/市/县/区) and level terms (全市/全县, 市级/县级 …).

Why: clauses mined from a 市 plan say 全市, 市级, 教育强市; in a 县 plan those must read 全县,
县级, 教育强县. The pairs come from a data file (drafter/data/level_terms.yaml, extendable in a
catalogue folder without code) read by `drafter.util.level_terms`; this module only holds the
table's shape and the pure functions over it: convert a clause's wording from its source level
to the plan's level, and find words of another level in a text (for `drafter check`).
Placeholders (`{{ … }}`) and fixed phrases (市委教育工委 quoted in a county plan) are never
touched. Pure: no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from drafter.model.placeholders import placeholder_spans

LEVELS: tuple[str, ...] = ("省", "市", "县", "区")
_RANK = {"省": 0, "市": 1, "县": 2, "区": 2}

# Region-name endings → level, longest first (自治区 is a province, not a district).
_ENDINGS: tuple[tuple[str, str], ...] = (
    ("特别行政区", "省"), ("自治区", "省"), ("省", "省"), ("自治州", "市"), ("地区", "市"),
    ("盟", "市"), ("州", "市"), ("市", "市"), ("自治县", "县"), ("自治旗", "县"), ("县", "县"),
    ("旗", "县"), ("新区", "区"), ("区", "区"),
)


def level_of_region(region: str | None) -> str | None:
    """省/市/县/区 from a region's name ("普定县" → 县); None when the name does not tell."""
    name = (region or "").strip()
    for ending, level in _ENDINGS:
        if name.endswith(ending) and len(name) > len(ending):
            return level
    return None


def plan_level(region: str | None, explicit: str | None = None) -> str | None:
    """A plan's level: meta.level when set, else from the region's name."""
    if explicit in LEVELS:
        return explicit
    return level_of_region(region)


def clause_level(source: Any) -> str | None:
    """The level a clause's wording speaks at: the level the miner recorded on its source,
    else (a catalogue written before levels were recorded) from the source region's name."""
    if source is None:
        return None
    level = getattr(source, "level", None)
    return level if level in LEVELS else level_of_region(getattr(source, "region", None))


@dataclass(frozen=True)
class TermRow:
    """One phrase at each level, e.g. {省: 全省, 市: 全市, 县: 全县, 区: 全区}.

    `own` rows name the plan's own jurisdiction (全市, 教育强市): wrong at any other level.
    Other rows (市级) are only wrong one level up from the plan (市级 in a 县 plan)."""

    forms: dict[str, str]
    own: bool = False


@dataclass(frozen=True)
class LevelHit:
    word: str  # the word found
    level: str  # its level
    start: int
    end: int
    fix: str | None  # the plan level's form, when the table has one


@dataclass
class LevelTerms:
    rows: list[TermRow] = field(default_factory=list)
    fixed: list[str] = field(default_factory=list)  # phrases never converted nor flagged
    _pattern: dict[str, re.Pattern[str] | None] = field(default_factory=dict, repr=False,
                                                         compare=False)

    def _regex(self, level: str) -> re.Pattern[str] | None:
        if level not in self._pattern:
            words = sorted({r.forms[level] for r in self.rows if level in r.forms},
                           key=len, reverse=True)
            self._pattern[level] = (re.compile("|".join(map(re.escape, words)))
                                    if words else None)
        return self._pattern[level]

    def _protected(self, text: str) -> list[tuple[int, int]]:
        spans = [(start, end) for start, end, _ in placeholder_spans(text)]
        for phrase in self.fixed:
            start = text.find(phrase)
            while start >= 0:
                spans.append((start, start + len(phrase)))
                start = text.find(phrase, start + 1)
        return spans

    def _hits(self, text: str, level: str) -> Iterator[tuple[int, int, TermRow]]:
        regex = self._regex(level)
        if regex is None:
            return
        protected = self._protected(text)
        by_form = {r.forms[level]: r for r in self.rows if level in r.forms}
        for match in regex.finditer(text):
            if any(s < match.end() and match.start() < e for s, e in protected):
                continue
            yield match.start(), match.end(), by_form[match.group()]

    def convert(self, text: str, source: str | None, target: str | None) -> str:
        """`text` (written for `source` level) with its level terms said at `target` level."""
        if not text or source is None or target is None or source == target or not self.rows:
            return text
        out: list[str] = []
        last = 0
        for start, end, row in self._hits(text, source):
            if target in row.forms:
                out.append(text[last:start])
                out.append(row.forms[target])
                last = end
        out.append(text[last:])
        return "".join(out)

    def own_level(self, text: str) -> str | None:
        """The level whose own-jurisdiction words (全市, 市委市政府 …) `text` uses for itself:
        at least twice, and more than twice as often as any other level's; else None."""
        counts = sorted(((sum(1 for _, _, row in self._hits(text, level) if row.own), level)
                         for level in LEVELS), reverse=True)
        (best, level), (second, _) = counts[0], counts[1]
        return level if best >= 2 and best > 2 * second else None

    def foreign(self, text: str, level: str | None) -> list[LevelHit]:
        """Words of another level that a plan of `level` should not say (省 words never)."""
        if level is None or not text or not self.rows:
            return []
        hits: list[LevelHit] = []
        for other in LEVELS:
            if other in (level, "省"):
                continue
            up_one = _RANK[other] == _RANK[level] - 1
            for start, end, row in self._hits(text, other):
                if row.own or up_one:
                    hits.append(LevelHit(text[start:end], other, start, end,
                                         row.forms.get(level)))
        return sorted(hits, key=lambda h: h.start)
