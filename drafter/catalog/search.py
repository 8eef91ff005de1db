"""Ranked, typo-tolerant search over a catalogue, fast enough to run on every keystroke.

The TUI searches 40,000 clauses as the user types, so each query must take milliseconds.
Every test "does clause i contain s" runs for all clauses at C speed (`map(operator.contains,
…)`) and lands in a byte vector, one byte per clause, held as a Python int. Adding and masking
those ints ranks all clauses at once without a Python loop per clause; only the hits that are
returned get their highlight spans computed. Vectors are cached per substring, and the vector of
a longer needle is computed from the previous keystroke's only (the clauses that held the
shorter needle), so typing one more character scans the few clauses still in play.

Ranking, per query term (terms are separated by spaces and must all match):
- an exact, case-insensitive match in the id (prefix) ranks highest, then lead, tags, body,
  and last a match only in one of the clause's variants (no spans: they index the main text);
- when fewer than `limit` clauses match exactly, terms of 3+ characters also match with one
  wrong, missing or extra character (candidates share a character bigram with the term, and are
  verified with a regular expression), ranked after every exact hit.

This module must not load files or know about the TUI; spans index into `clause.text`.
"""

from __future__ import annotations

import operator
import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, repeat
from typing import Any

from drafter.model import Catalogue, Clause

# Per term ≤ 31, and ≤ 5 terms, so a clause's score always fits in its byte.
_WEIGHTS = {"id": 16, "lead": 8, "tags": 4, "text": 2, "variants": 1}
MAX_TERMS = 5
MAX_BIGRAMS = 30
MAX_VERIFY = 600
_CACHE_SIZE = 512
_SPARSE = 8  # a vector with at most n / _SPARSE hits keeps their list, to narrow from


@dataclass(frozen=True)
class Hit:
    clause: Clause
    score: float  # 0–1, higher is better; fuzzy hits score below every exact hit
    spans: list[tuple[int, int]]  # (start, end) offsets into clause.text, sorted, merged


def _fold(text: str) -> str:
    """Lower case without changing offsets (spans must index the original text)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


@lru_cache(maxsize=256)
def _fuzzy_pattern(term: str) -> re.Pattern[str]:
    """`term` with one character wrong, missing or extra."""
    e = re.escape
    alts: list[str] = []
    for k in range(len(term)):
        alts.append(e(term[:k]) + "." + e(term[k + 1 :]))  # one wrong character
        alts.append(e(term[:k]) + e(term[k + 1 :]))  # the text lacks one character
    for k in range(1, len(term)):
        alts.append(e(term[:k]) + "." + e(term[k:]))  # the text has one extra character
    return re.compile("|".join(sorted(set(alts), key=lambda a: (-len(a), a))))


class SearchIndex:
    """Build once per catalogue (cheap: lower-cased copies of the texts), then query often."""

    def __init__(self, cat: Catalogue) -> None:
        self._clauses: list[Clause] = list(cat)
        self._n = len(self._clauses)
        self._fields: dict[str, list[str]] = {
            "id": [c.id.lower() for c in self._clauses],
            "lead": [_fold(c.lead) for c in self._clauses],
            "tags": ["\x00".join(c.tags).lower() for c in self._clauses],
            "text": [_fold(c.text) for c in self._clauses],
            "variants": ["\x00".join(_fold(f"{v.lead}。{v.body}") for v in c.variants)
                         for c in self._clauses],
        }
        # A field of few distinct values (tags, variants — often all empty): one byte per
        # clause naming its value, so a vector is one bytes.translate, not 100,000 tests.
        self._codes: dict[str, tuple[bytes, list[str]]] = {}
        for name in ("tags", "variants"):
            values = list(dict.fromkeys(self._fields[name]))
            if len(values) <= 256:
                code = {v: i for i, v in enumerate(values)}
                self._codes[name] = (bytes(map(code.__getitem__, self._fields[name])), values)
        # Every clause's text starts with its lead, so a lead holds a needle only where the
        # text does: the lead vector is narrowed from the text's (checked, not assumed).
        self._lead_in_text = all(map(str.startswith, self._fields["text"], self._fields["lead"]))
        self._vectors: dict[tuple[str, str], int] = {}
        self._hits: dict[tuple[str, str], list[int]] = {}  # of the vectors with few hits
        self._masks: dict[tuple[str | None, bool], int] = {}
        # One byte per clause, its chapter's number and whether it is a summary, for masks.
        chapters = {c: i for i, c in enumerate(dict.fromkeys(c.chapter for c in self._clauses))}
        codes = [2 * chapters[c.chapter] + (c.kind == "summary") for c in self._clauses]
        self._kinds = (bytes(codes) if len(chapters) <= 127 else b"", chapters)

    def __len__(self) -> int:
        return self._n

    # -- vectors -----------------------------------------------------------------------------

    def _vector(self, field: str, needle: str) -> int:
        """0/1 per clause (one byte each): does `field` contain `needle` (id: start with it)."""
        key = (field, needle)
        vec = self._vectors.get(key)
        if vec is None:
            test = str.startswith if field == "id" else operator.contains
            codes = self._codes.get(field)
            hits: list[int] | None = None
            if codes is not None:
                table = bytes(test(v, needle) for v in codes[1]).ljust(256, b"\0")
                vec = int.from_bytes(codes[0].translate(table), "little")
            else:
                hits = self._narrowed(field, needle, test)
                if hits is None:
                    raw = bytes(map(test, self._fields[field], repeat(needle)))
                    vec = int.from_bytes(raw, "little")
                    if vec.bit_count() <= self._n // _SPARSE:
                        hits = _positions(raw)
                else:
                    vec = self._from_hits(hits)
            if len(self._vectors) >= _CACHE_SIZE:
                oldest = next(iter(self._vectors))
                del self._vectors[oldest]
                self._hits.pop(oldest, None)
            self._vectors[key] = vec
            if hits is not None:
                self._hits[key] = hits
        return vec

    def _narrowed(self, field: str, needle: str, test: Any) -> list[int] | None:
        """The clauses whose `field` holds `needle`, tested only on those that hold a shorter
        needle it contains (the previous keystroke's, usually: a text containing "师德师"
        contains "师德"), or whose text holds it (for a lead). None when no such needle's hits
        are kept (it was not searched, or it is too common to pay off: a full scan is a C
        loop, this is one too but over the few candidates)."""
        keys = [(field, needle[:-1])] if field == "id" else [(field, needle[:-1]),
                                                             (field, needle[1:])]
        if field == "lead" and self._lead_in_text:
            self._vector("text", needle)
            keys.insert(0, ("text", needle))
        candidates = next((self._hits[k] for k in keys if k[1] and k in self._hits), None)
        if candidates is None or not candidates:
            return candidates
        texts = self._fields[field]
        subset = [texts[candidates[0]]] if len(candidates) < 2 else \
            operator.itemgetter(*candidates)(texts)
        return list(compress(candidates, map(test, subset, repeat(needle))))

    def _from_hits(self, hits: list[int]) -> int:
        out = bytearray(self._n)
        for i in hits:
            out[i] = 1
        return int.from_bytes(out, "little")

    def _mask(self, chapter: str | None, include_summary: bool) -> int:
        key = (chapter, include_summary)
        if key not in self._masks:
            codes_bytes, chapters = self._kinds
            if codes_bytes or not self._n:
                table = bytes((chapter is None or chapters.get(chapter) == b // 2)
                              and (include_summary or b % 2 == 0) for b in range(256))
                keep = codes_bytes.translate(table)
            else:
                keep = bytes((chapter is None or c.chapter == chapter)
                             and (include_summary or c.kind != "summary") for c in self._clauses)
            self._masks[key] = int.from_bytes(keep, "little")
        return self._masks[key]

    def _bytes(self, vec: int) -> bytes:
        return vec.to_bytes(self._n, "little")

    def _ranked(self, scores: int, limit: int) -> list[tuple[int, int]]:
        """The first `limit` (clause index, level) by level descending, then catalogue order."""
        raw = self._bytes(scores)
        out: list[tuple[int, int]] = []
        for level in sorted(set(raw) - {0}, reverse=True):
            mark = bytes((level,))
            i = raw.find(mark)  # a C scan to each hit: a rare level costs no Python loop
            while i >= 0 and len(out) < limit:
                out.append((i, level))
                i = raw.find(mark, i + 1)
            if len(out) >= limit:
                break
        return out

    # -- search ------------------------------------------------------------------------------

    def search(self, query: str, *, limit: int = 50, chapter: str | None = None,
               include_summary: bool = True) -> list[Hit]:
        """Best matches first; an empty query lists clauses in catalogue order."""
        mask = self._mask(chapter, include_summary)
        terms = list(dict.fromkeys(_fold(query).split()))[:MAX_TERMS]
        if not terms:
            idx = compress(range(self._n), self._bytes(mask))
            return [Hit(self._clauses[i], 0.0, []) for i, _ in zip(idx, range(limit), strict=False)]
        if self._n == 0 or limit <= 0:
            return []
        scores, hits = 0, mask
        for term in terms:
            vecs = {f: self._vector(f, _id_part(term)) if f == "id" else self._vector(f, term)
                    for f in _fields_for(term)}
            scores += sum(_WEIGHTS[f] * v for f, v in vecs.items())
            any_match = 0
            for v in vecs.values():
                any_match |= v
            hits &= any_match
        full = 31 * len(terms)
        exact = self._ranked(scores & (hits * 0xFF), limit)
        result = [Hit(self._clauses[i], 0.5 + 0.5 * level / full,
                      self._exact_spans(i, terms)) for i, level in exact]
        if len(result) < limit and any(len(t) >= 3 for t in terms):
            result += self._fuzzy(terms, mask & ~hits, limit - len(result))
        return result

    def _exact_spans(self, i: int, terms: list[str]) -> list[tuple[int, int]]:
        text = self._fields["text"][i]
        spans: list[tuple[int, int]] = []
        for term in terms:
            start = text.find(term)
            while start >= 0:
                spans.append((start, start + len(term)))
                start = text.find(term, start + len(term))
        return _merge(spans)

    def _fuzzy(self, terms: list[str], allowed: int, limit: int) -> list[Hit]:
        """Hits where every term matches exactly or with one character off."""
        candidates, closeness = allowed, 0
        for term in terms:
            exact = self._vector("text", term) | self._vector("tags", term)
            if len(term) < 3:
                candidates &= exact
                continue
            near = exact
            for gram in list(dict.fromkeys(term[k : k + 2] for k in range(len(term) - 1)))[
                :MAX_BIGRAMS
            ]:
                vec = self._vector("text", gram)
                near |= vec
                closeness += vec
            if len(term) == 3:
                near |= self._vector("text", term[0]) & self._vector("text", term[2])
            candidates &= near
        patterns = {t: _fuzzy_pattern(t) for t in terms if len(t) >= 3}
        ranked = self._ranked((closeness + candidates) & (candidates * 0xFF), MAX_VERIFY)
        found: list[tuple[bool, int, int, list[tuple[int, int]]]] = []
        for i, level in ranked:
            spans = self._verify(i, terms, patterns)
            if spans is not None:
                in_lead = any(s < len(self._fields["lead"][i]) for s, _ in spans)
                found.append((in_lead, level, i, spans))
        # Lead matches first, then more shared bigrams, then catalogue order.
        found.sort(key=lambda f: (not f[0], -f[1], f[2]))
        top = max((f[1] for f in found), default=1)
        return [Hit(self._clauses[i], 0.4 * level / top * (1.0 if in_lead else 0.75), spans)
                for in_lead, level, i, spans in found[:limit]]

    def _verify(self, i: int, terms: list[str],
                patterns: dict[str, re.Pattern[str]]) -> list[tuple[int, int]] | None:
        text = self._fields["text"][i]
        spans: list[tuple[int, int]] = []
        for term in terms:
            if term in text or term in self._fields["tags"][i]:
                spans.extend(self._exact_spans(i, [term]))
                continue
            pattern = patterns.get(term)
            if pattern is None:
                return None
            found = [m.span() for m in pattern.finditer(text)]
            if not found:
                return None
            spans.extend(found)
        return _merge(spans)


def _positions(raw: bytes) -> list[int]:
    """Where `raw` holds 1 (a C scan to each)."""
    out: list[int] = []
    i = raw.find(1)
    while i >= 0:
        out.append(i)
        i = raw.find(1, i + 1)
    return out


def _id_part(term: str) -> str:
    return term.partition("/")[0]


def _fields_for(term: str) -> tuple[str, ...]:
    """Ids are ASCII: a term with other characters cannot match one."""
    fields = ("lead", "tags", "text", "variants")
    return ("id", *fields) if term.isascii() else fields


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out
