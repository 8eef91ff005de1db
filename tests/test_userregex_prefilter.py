"""A rule pattern is compiled and searched only where the words every match needs occur
(drafter.util.userregex.required_text): what it finds is exactly what the compiled pattern
finds, on every bundled pattern and on the shapes the prefilter must leave alone."""

from __future__ import annotations

import random

import pytest
import regex

from drafter.check.table import default_rules_text, parse_table
from drafter.util.userregex import TimedPattern, required_text


def _bundled() -> list[str]:
    table = parse_table(default_rules_text(), "rules.yaml")
    return [r.pattern.pattern for r in table.rules] + [
        r.unless.pattern for r in table.rules if r.unless]


def _spans(pattern: TimedPattern | regex.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


def test_the_prefilter_finds_what_the_compiled_pattern_finds_on_every_bundled_pattern() -> None:
    patterns = _bundled()
    words = [w for p in patterns for w in required_text(p) or ()]
    pieces = [*words, "党的", "以来", "草案", "（", "迎接", "中全会", "精神", "成立", "70", "周年",
              *"的了在教育局一二三四五六七八九十届大中全会、和及与"]
    rng = random.Random(11)
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
             for _ in range(600)]
    matched = 0
    for source in patterns:
        eager = regex.compile(source, flags=regex.VERSION0)
        lazy = TimedPattern(source, checked=True)
        for text in texts:
            found = _spans(lazy, text)
            assert found == _spans(eager, text), (source, text)
            assert (lazy.search(text) is None) == (eager.search(text) is None)
            matched += bool(found)
    assert matched > 1000  # the texts do exercise the patterns
    # and the prefilter applies to the bundled rules (most need words a plan rarely has)
    assert sum(required_text(p) is not None for p in patterns) >= len(patterns) * 0.9


@pytest.mark.parametrize(("source", "needs"), [
    ("新时代", ("新时代",)),
    ("(?<![二三四五六七八九])十九大", ("十九大",)),
    ("二十届[、和及与]*[一二]中", ("二十届",)),
    ("十八大以来|十八大(?:以后|之后)", ("十八大以来", "十八大")),
    ("(?:迎接|喜迎)(?:党的)?二十大", ("迎接", "喜迎")),
    ("(?:新中国|建国)(?:成立)?周年", ("新中国", "建国")),
    ("(?:成立)?七十周年", ("七十周年",)),
    ("学前教育法(?![（(]?草案)", ("学前教育法",)),
    ("ab*", ("a",)), ("ab?c", ("a",)), ("ab{0,2}", ("a",)), ("ab+", ("ab",)),
    # nothing can be told simply: compiled and searched every time
    (".+", None), ("[甲乙]丙", None), ("(?i)abc", None), ("abc(?i)", None),
    ("(?=甲)甲乙", None), ("(甲)乙", None), ("a|.", None), ("\\d+年", None), ("(?:甲|.)乙", None),
    ("(?>甲)乙", None), ("(?#注)甲", None), ("", None),
])
def test_what_a_pattern_needs(source: str, needs: tuple[str, ...] | None) -> None:
    assert required_text(source) == needs


@pytest.mark.parametrize("source", ["a{0,2}b", "ab?c", "(?i)abc", "(?:迎接|喜迎)二十大", "x|y"])
def test_optional_and_flagged_shapes_still_match_alike(source: str) -> None:
    texts = ["", "b", "ac", "abc", "ABC", "aab", "迎接二十大", "喜迎二十大", "二十大", "x", "y"]
    eager = regex.compile(source, flags=regex.VERSION0)
    lazy = TimedPattern(source, checked=True)
    assert [_spans(lazy, t) for t in texts] == [_spans(eager, t) for t in texts]


def test_a_pattern_is_compiled_only_where_its_words_occur() -> None:
    lazy = TimedPattern("(?<![二三])十九大", "规则.yaml:3", checked=True)
    assert lazy.search("深入学习贯彻党的二十大精神") is None
    assert lazy._compiled is None
    assert lazy.findall("党的十九大和二十九大") == ["十九大"]
    assert lazy._compiled is not None
    eager = TimedPattern("(?<![二三])十九大")
    assert eager._compiled is not None and eager == lazy  # equal by source


def _fuzz_pattern(rng: random.Random, depth: int = 0) -> str:
    """A random pattern from the shapes the prefilter reads: groups of every kind, classes
    holding | ( } ], escapes, quantifiers (lazy, possessive, {n}, {,n}), fuzzy constraints
    and braces that are no quantifier."""
    def atom() -> str:
        roll = rng.random()
        if roll < 0.35 or depth > 1:
            return rng.choice(["甲", "乙", "甲乙", "a", "ab"])
        if roll < 0.45:
            return rng.choice(["\\(", "\\|", "\\}", "\\{", "\\d", "."])
        if roll < 0.55:
            return "[" + rng.choice(["甲|", "(乙", "^甲", "]甲", "甲}乙", "甲{", "[:digit:])",
                                     "[:alpha:]|(", "甲[:^alpha:]"]) + "]"
        if roll < 0.8:
            kind = rng.choice(["(", "(?:", "(?<=", "(?<!", "(?="])
            return kind + _fuzz_pattern(rng, depth + 1) + ")"
        return rng.choice(["{", "}", "{x}", "{2", ","])

    def quantifier() -> str:
        mark = rng.choice(["", "", "", "?", "*", "+", "{2}", "{,3}", "{1,2}", "{0}", "{e<=1}"])
        return mark + (rng.choice("?+") if mark and rng.random() < 0.3 else "")

    branches = ["".join(atom() + quantifier() for _ in range(rng.randint(1, 4)))
                for _ in range(rng.randint(1, 2))]
    return "|".join(branches)


@pytest.mark.parametrize(("source", "text"), [
    ("(x){[a}b]c", "x{ac"),  # a { that is no quantifier, its } inside a class
    ("(x){(a}b|c)d", "x{cd"),  # … inside a group with alternatives
    ("乙[[:digit:])]|x", "z|)x"),  # a POSIX class's ] does not end the class it is in
    ("甲[[:alpha:](]|", "z"),
])
def test_a_brace_or_class_the_prefilter_misreads_does_not_hide_a_match(source: str,
                                                                       text: str) -> None:
    eager = regex.compile(source, flags=regex.VERSION0)
    assert _spans(TimedPattern(source, checked=True), text) == _spans(eager, text) != []


def test_the_prefilter_finds_what_the_compiled_pattern_finds_on_random_patterns() -> None:
    """Differential fuzz: random patterns, texts made of their own characters."""
    rng = random.Random(14)
    prefiltered = 0
    for _ in range(3000):
        source = _fuzz_pattern(rng)
        if rng.random() < 0.3:  # a group first, then a literal { and a structure after it
            source = f"({rng.choice(['x', '甲'])}){{" + rng.choice(
                ["[a}b]c", "(a}b|c)d", "[}]b", "a}b", "(a|b}c)"]) + source
        try:
            eager = regex.compile(source, flags=regex.VERSION0)
        except (regex.error, ValueError):
            continue
        lazy = TimedPattern(source, checked=True)
        if lazy._required is None:
            continue
        prefiltered += 1
        chars = [*set(source), "x", "甲"]
        texts = ["".join(rng.choice(chars) for _ in range(rng.randint(0, 7)))
                 for _ in range(60)]
        for text in texts:
            try:
                expected = [m.span() for m in eager.finditer(text, timeout=0.5)]
            except TimeoutError:
                continue
            assert _spans(lazy, text) == expected, (source, text)
    assert prefiltered > 300  # the fuzz does reach the prefilter
