"""Chinese words for matching: jieba segmentation, a stoplist, and concept groups.

Plans say the same thing in different words (体卫艺 / 体育、美育; 县管校聘 / 人事制度改革), and
every item says 加强、推进、工作. Words come from jieba (a maintained segmenter with a large
dictionary); the stoplist and concept groups are data (`data/terms.yaml`), so a bureau can tune
matching without code. Numbers and punctuation never count. No I/O beyond reading that file.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from drafter.util.yamlio import load_yaml

_WORD = re.compile(r"^[\u4e00-\u9fff]{2,}$|^[A-Za-z]{2,}$")
CONCEPT_PREFIX = "§"


@dataclass(frozen=True)
class Terms:
    stopwords: frozenset[str]
    concepts: dict[str, tuple[str, ...]]  # word -> concept ids it belongs to
    words: tuple[str, ...]


@cache
def terms() -> Terms:
    text = resources.files("drafter.compare").joinpath("data/terms.yaml").read_text("utf-8")
    data: dict[str, Any]
    data, _ = load_yaml(text, "drafter/compare/data/terms.yaml")
    concepts: dict[str, list[str]] = {}
    for index, group in enumerate(data.get("concepts") or []):
        for word in group:
            concepts.setdefault(str(word), []).append(f"{CONCEPT_PREFIX}{index}")
    return Terms(frozenset(map(str, data.get("stopwords") or [])),
                 {w: tuple(ids) for w, ids in concepts.items()},
                 tuple(map(str, data.get("words") or [])))


@cache
def _tokenizer() -> Any:
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    for word in (*terms().words, *terms().concepts):
        tokenizer.add_word(word, freq=20000)
    return tokenizer


def words(text: str) -> list[str]:
    """Content words of `text`, in order (stopwords, numbers, punctuation and 1-char words out)."""
    stop = terms().stopwords
    return [w for w in _tokenizer().lcut(text) if _WORD.match(w) and w not in stop]


def features(text: str) -> list[str]:
    """Words plus the concept groups they (or a longer word containing them) belong to."""
    out = words(text)
    concepts = terms().concepts
    extra: list[str] = []
    for word in out:
        for key, ids in concepts.items():
            if key == word or (len(key) >= 2 and key in word):
                extra.extend(ids)
    return out + sorted(set(extra))


def segment(text: str) -> list[str]:
    """All of `text` cut into jieba words (punctuation and numbers kept), for word diffs."""
    return list(_tokenizer().lcut(text))
