"""Give each mined clause one of the seven chapter keys and a few finer tags.

Why: real plans mix topics inside a chapter, so a clause is classified by what it
mainly asks, from weighted keywords in its lead and body, falling back to the chapter
heading's key (or, when the heading names none, the key most of the chapter's items get)
when the signal is weak or tied. Ties between keys go to the one the lead names later (a
Chinese phrase's head comes last); a clause of the lead that states a purpose (……，促进……)
or a means (依托……，……) counts less; ordinary words that straddle a keyword ("深入学习" holds 入学)
are matched as `not_words` and score nothing. The rules live in the editable data file
`drafter/mine/data/taxonomy.yaml`; this module only scores. It must stay fast (one
compiled trie regex for every keyword), must not read the file more than once per
process, and must not put ordinary items under 总体要求 from body words (that key is
for the preamble and closing, which the structure step assigns directly).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from drafter.model.errors import DrafterError
from drafter.model.taxonomy import CHAPTER_KEYS
from drafter.util.yamlio import load_yaml

RULES_FILE = "drafter/mine/data/taxonomy.yaml"
_BUCKET = 40  # first characters per lookahead bucket, see _trie_regex
_HEADING_SPLIT = re.compile(r"[，,；;：:。]")

# One keyword hit: (chapter key index, tag index or -1, weight).
Hit = tuple[int, int, float]


@dataclass(frozen=True)
class Rules:
    """The parsed taxonomy: keyword table, one matcher, settings."""

    pattern: re.Pattern[str]  # every keyword (leads, headings)
    body_pattern: re.Pattern[str]  # keywords that count in a body (not lead-only ones)
    table: dict[str, tuple[Hit, ...]]
    lead_table: dict[str, tuple[Hit, ...]]  # weights × lead_weight
    body_table: dict[str, tuple[Hit, ...]]  # weights × body_weight, lead-only keys left out
    tags: tuple[str, ...]
    lead_only: tuple[bool, ...]
    settings: dict[str, float]
    default_key: str
    prose_key: str  # a chapter with no items and no heading key
    minor: re.Pattern[str] | None  # a purpose or means clause of a lead


def classify_chapter(clauses: list[tuple[str, str]], heading_key: str | None
                     ) -> list[tuple[str, list[str]]]:
    """(chapter key, finer tags) for each (lead, body) of one chapter.

    A chapter's heading key is its items' fallback. When the heading gives none, the key most
    of the chapter's items get (at least `prior_items` items, a strict majority over the
    runner-up) is the fallback of the items without a clear signal of their own: real
    chapters keep to one topic, so a vague item ("加强学习") most likely shares it.
    """
    first = [classify(lead, body, heading_key) for lead, body in clauses]
    if heading_key is not None or len(clauses) < load_rules().settings["prior_items"]:
        return first
    votes = Counter(key for key, _tags in first).most_common(2)
    if len(votes) > 1 and votes[0][1] == votes[1][1]:
        return first
    return [classify(lead, body, None, votes[0][0]) for lead, body in clauses]


def classify(lead: str, body: str, fallback: str | None, prior: str | None = None
             ) -> tuple[str, list[str]]:
    """(chapter key, finer tags) for one clause; `fallback` is the chapter heading's key,
    `prior` the key most of the chapter's items got (used like `fallback` when the heading
    gives none, but without its bonus).

    In order: a lead with a clear signal of its own decides; else lead and body points
    (the heading's key gets a bonus) decide when the best is high and clearly ahead; else
    the heading's key (or the prior); else the best-scoring key (ties: the one named later
    in the lead); else the rules' default key.
    """
    rules = load_rules()
    s = rules.settings
    lead_scores, scores, tag_scores, ends = _score(rules, lead, body)
    lead_best = max(lead_scores)
    if lead_best >= s["lead_decides"] and lead_best - _second(lead_scores) >= s["lead_margin"]:
        # the lead names the topic
        return CHAPTER_KEYS[lead_scores.index(lead_best)], _pick_tags(rules, tag_scores)
    if fallback in CHAPTER_KEYS and not rules.lead_only[CHAPTER_KEYS.index(fallback)]:
        scores[CHAPTER_KEYS.index(fallback)] += s["fallback_bonus"]
    else:
        # A heading naming a lead-only key ("工作思路" → 总体要求) says nothing about its
        # items: ordinary items never land there from their chapter.
        fallback = None
    best = max(scores)
    if fallback is None and prior in CHAPTER_KEYS and best < s["threshold"]:
        fallback = prior
    # Ties: the key whose word comes later in the lead (the head of a Chinese phrase is last:
    # "义务教育阶段‘三免一补’" is about 三免一补), then the first in CHAPTER_KEYS order.
    top = max((k for k, v in enumerate(scores) if v == best), key=lambda k: (ends[k], -k))
    if best >= s["threshold"] and best - _second(scores) >= s["margin"]:
        key = CHAPTER_KEYS[top]
    elif fallback is not None:
        key = fallback
    elif best > 0:
        key = CHAPTER_KEYS[top]
    else:
        key = rules.default_key
    return key, _pick_tags(rules, tag_scores)


def _second(scores: list[float]) -> float:
    """The runner-up score (equal to the best when two keys tie)."""
    return sorted(scores)[-2]


def classify_heading(heading: str) -> str | None:
    """The key a chapter heading points to, or None when it gives no clear signal.

    The first phrase of a heading ("加强党的建设，…") usually names the topic, so its
    words count `heading_first_part` times.
    """
    rules = load_rules()
    s = rules.settings
    scores = [0.0] * len(CHAPTER_KEYS)
    ends = [-1] * len(CHAPTER_KEYS)
    heading = heading.strip()
    cut = _HEADING_SPLIT.search(heading)
    first_end = cut.start() if cut else len(heading)
    for match in rules.pattern.finditer(heading):
        factor = s["heading_first_part"] if cut and match.start() < first_end else 1.0
        for key, _tag, weight in rules.table[match.group()]:
            scores[key] += weight * factor
            ends[key] = match.end()
    best = max(scores)
    if best < s["heading_threshold"]:
        return None
    tied = [k for k, v in enumerate(scores) if v == best]
    if len(tied) > 1 and len({ends[k] for k in tied}) < len(tied):
        return None
    # ties: the key named later in the heading ("中小学、幼儿园安全管理" is about 安全)
    return CHAPTER_KEYS[max(tied, key=lambda k: ends[k])]


def _score(rules: Rules, lead: str, body: str
           ) -> tuple[list[float], list[float], dict[int, float], list[int]]:
    """Points per chapter key from the lead alone and from lead + body (lists by
    CHAPTER_KEYS index), points per touched tag index, and per key where in the lead its
    strongest word ends (-1: not in the lead). A lead counts its strongest word per key (a
    lead naming two stages is not worth more than one); a body adds up."""
    scores = [0.0] * len(CHAPTER_KEYS)
    ends = [-1] * len(CHAPTER_KEYS)
    tag_scores: dict[int, float] = {}
    lead_table, body_table = rules.lead_table, rules.body_table
    if lead:
        minor = _minor_spans(rules, lead)
        for match in rules.pattern.finditer(lead):
            factor = rules.settings["minor_clause"] if any(
                a <= match.start() < b for a, b in minor) else 1.0
            for key, tag, points in lead_table[match.group()]:
                if points * factor >= scores[key]:  # a lead counts its strongest word per key
                    scores[key] = points * factor
                    ends[key] = match.end()
                if tag >= 0:  # tags name every topic the lead touches, minor clause or not
                    tag_scores[tag] = tag_scores.get(tag, 0.0) + points
    lead_scores = list(scores)
    if not body:
        return lead_scores, scores, tag_scores, ends
    cap = rules.settings["body_repeat_cap"]
    body_scores = [0.0] * len(CHAPTER_KEYS)
    for word, count in Counter(rules.body_pattern.findall(body)).items():
        n = min(float(count), cap)
        for key, tag, points in body_table[word]:
            body_scores[key] += points * n
            if tag >= 0:
                tag_scores[tag] = tag_scores.get(tag, 0.0) + points * n
    body_cap = rules.settings["body_cap"]
    for key, points in enumerate(body_scores):
        scores[key] += points if points < body_cap else body_cap
    return lead_scores, scores, tag_scores, ends


def _minor_spans(rules: Rules, lead: str) -> list[tuple[int, int]]:
    """Where a lead's clauses name what its task serves or rests on, not the task: a later
    clause opening with a purpose word ("……，促进教研工作的全面开展") or a clause opening
    with a means word that another clause follows ("依托网络教研，加强教师队伍建设")."""
    if rules.minor is None:
        return []
    return [(m.start(), m.end()) for m in rules.minor.finditer(lead)]


def _pick_tags(rules: Rules, tag_scores: dict[int, float]) -> list[str]:
    s = rules.settings
    threshold = s["tag_threshold"]
    # Ties keep the order of the rules file.
    order = sorted((i for i, v in tag_scores.items() if v >= threshold),
                   key=lambda i: (-tag_scores[i], i))
    return [rules.tags[i] for i in order[: int(s["max_tags"])]]


# --------------------------------------------------------------------------- loading


@cache
def load_rules() -> Rules:
    """Read and check taxonomy.yaml once per process."""
    text = resources.files("drafter.mine").joinpath("data/taxonomy.yaml").read_text("utf-8")
    return parse_rules(text, RULES_FILE)


def parse_rules(text: str, file: str) -> Rules:
    """Build the matcher from rules text; DrafterError listing every problem with file:line."""
    from drafter.mine.taxonomy_schema import Taxonomy
    from drafter.util.validation import validate

    data, lines = load_yaml(text, file)
    if not isinstance(data, dict):
        raise DrafterError.one("分类规则文件应是一个映射（settings、keys、tags、not_words）",
                               file=file)
    parsed = validate(Taxonomy, data, lines, file, hint="请修改分类规则文件")
    settings = parsed.settings.model_dump(exclude={"default_key", "prose_key"})
    table: dict[str, list[Hit]] = {}
    lead_only = [False] * len(CHAPTER_KEYS)
    for key, entry in parsed.keys.items():
        k = CHAPTER_KEYS.index(key)
        lead_only[k] = entry.lead_only
        for word, weight in entry.words.items():
            table.setdefault(word, []).append((k, -1, weight))
    tags: list[str] = []
    for tag, tag_entry in parsed.tags.items():
        tags.append(tag)
        for word, weight in tag_entry.words.items():
            table.setdefault(word, []).append((CHAPTER_KEYS.index(tag_entry.key), len(tags) - 1,
                                               weight))
    body_words = {w: h for w, h in table.items() if any(not lead_only[k] for k, _t, _w in h)}
    for n, word in enumerate(parsed.not_words):
        if word in table:
            raise DrafterError.one(f"“{word}”既是关键词又列在 not_words 中", file=file,
                                   line=lines.line("not_words", n),
                                   hint="请从其中一处删去")
        # matched like a keyword, so no keyword inside it is found; scores nothing
        table[word] = body_words[word] = []
    return Rules(
        pattern=_compile_words(table),
        body_pattern=_compile_words(body_words),
        table={w: tuple(h) for w, h in table.items()},
        lead_table={w: tuple((k, t, wt * settings["lead_weight"]) for k, t, wt in h)
                    for w, h in table.items()},
        body_table={w: tuple((k, t, wt * settings["body_weight"]) for k, t, wt in h
                             if not lead_only[k]) for w, h in table.items()},
        tags=tuple(tags), lead_only=tuple(lead_only), settings=settings,
        default_key=parsed.settings.default_key,
        prose_key=parsed.settings.prose_key,
        minor=_minor_regex(parsed.purpose_words, parsed.means_words),
    )


def _minor_regex(purpose: list[str], means: list[str]) -> re.Pattern[str] | None:
    parts = []
    if purpose:  # a later clause
        parts.append(r"(?<=[，,；;])\s*(?:" + "|".join(map(re.escape, purpose)) + r")[^，,；;。]*")
    if means:  # any clause another one follows
        parts.append(r"(?:^|(?<=[，,；;]))\s*(?:" + "|".join(map(re.escape, means))
                     + r")[^，,；;。]*(?=[，,；;])")
    return re.compile("|".join(parts)) if parts else None


def _compile_words(words: dict[str, Any]) -> re.Pattern[str]:
    return re.compile(_trie_regex(words)) if words else re.compile(r"(?!x)x")


def _trie_regex(words: dict[str, Any]) -> str:
    """One alternation shaped as a trie, so a longer word wins ("师德师风" over "师德").

    Python's regex engine tries alternatives one by one, so the words are split by first
    character into buckets of `_BUCKET`, each behind a lookahead on its possible first two
    characters, and the whole behind a lookahead on any first two characters. On plan text
    this measured about 2.5× faster than one flat trie. One-character words are allowed.
    """
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = True
    firsts = sorted(trie)
    groups = []
    for i in range(0, len(firsts), _BUCKET):
        chunk = firsts[i : i + _BUCKET]
        branches = "|".join(re.escape(ch) + _node_regex(trie[ch]) for ch in chunk)
        groups.append(f"(?={_pair_class(chunk, trie)})(?:{branches})")
    return f"(?={_pair_class(firsts, trie)})(?:" + "|".join(groups) + ")"


def _pair_class(chunk: list[str], trie: dict[str, Any]) -> str:
    """A lookahead body for "one of these first characters, then a possible second one"."""
    seconds = sorted({ch for first in chunk for ch in trie[first] if ch})
    if any("" in trie[first] for first in chunk) or not seconds:  # a one-character word
        return f"[{_char_class(chunk)}]"
    return f"[{_char_class(chunk)}][{_char_class(seconds)}]"


def _char_class(chars: list[str]) -> str:
    return "".join(re.escape(ch) for ch in chars)


def _node_regex(node: dict[str, Any]) -> str:
    branches = [re.escape(ch) + _node_regex(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:
        body = "(?:" + body + ")?"
    return body
