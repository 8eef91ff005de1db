"""The placeholder scanner reads the usual text (`{{ 名称 }}` and no other brace) with one
regular expression; every text must scan exactly as the full scanner scans it."""

from __future__ import annotations

import random

import pytest

from drafter.model import placeholders
from drafter.model.placeholders import Scan

TEXTS = ["新建{{ 数量0 }}所", "{{a}}{{ b }}x{{a}}", "{{ 地区 }}{{ 年份 }}", "{{ self }}",
         "{{ _x }}", "{{{ a }}}", "{{ a }}}", "{ {{ a }}", "{{ a b }}", "{{ 1a }}",
         "{{  年份  }}", "{{ 地区 }}{% if x %}", "{{ 年份 + 1 }}", "{{ '{' }}", "{{ a }}{# c #}",
         "{{ " + " " * 300 + "a }}", "{{ a }}" * 2001, "{{\ta }}", "{{ range }}"]


def _full(text: str) -> Scan:
    saved = placeholders._simple
    placeholders._simple = lambda _: None  # type: ignore[assignment]
    try:
        return placeholders.scan.__wrapped__(text)
    finally:
        placeholders._simple = saved


def _random_texts() -> list[str]:
    rng = random.Random(5)
    pieces = ["{{ ", " }}", "{{", "}}", "{", "}", " ", "名称", "a", "_b", "1", "self", "+", "'",
              "{%", "%}", "{#", "#}", "文字", "-"]
    out = []
    for _ in range(5000):
        if rng.random() < 0.5:  # mostly well-formed, so the regex path runs often
            names = [rng.choice(["数量", "地区", "a1", "_x", "loop", "年份"]) for _ in range(3)]
            out.append("".join(f"文{{{{{' ' * rng.randint(0, 2)}{n}{' ' * rng.randint(0, 2)}}}}}"
                               for n in names) + rng.choice(["", "}", "{", "。"]))
        else:
            out.append("".join(rng.choice(pieces) for _ in range(rng.randint(1, 10))))
    return out


@pytest.mark.parametrize("text", TEXTS, ids=range(len(TEXTS)))
def test_each_text_scans_as_the_full_scanner_scans_it(text: str) -> None:
    assert placeholders.scan.__wrapped__(text) == _full(text)


def test_random_texts_scan_alike_and_the_regex_path_runs() -> None:
    texts = _random_texts()
    assert sum(placeholders._simple(t) is not None for t in texts) > 250
    for text in texts:
        assert placeholders.scan.__wrapped__(text) == _full(text), text


def test_simple_names_are_the_full_scanners_names_when_it_answers() -> None:
    """simple_names (a cold catalogue load's check of each wording) answers only for a text the
    full scanner finds no problem in, with its names (repeats kept); None leaves it to scan.
    Its memo of accepted placeholders must not change an answer on a second asking."""
    texts = _random_texts() + TEXTS
    answered = 0
    for _ in range(2):
        for text in texts:
            names = placeholders.simple_names(text)
            if names is None:
                continue
            answered += 1
            full = _full(text)
            assert full.problems == () and tuple(dict.fromkeys(names)) == full.names, text
    assert answered > 500
