"""The placeholder check's regex fast path agrees with Jinja's parser on every shape it takes,
and hands everything else to the parser."""

from __future__ import annotations

import pytest

from drafter.util import placeholders as ph

TEXTS = [
    "新建{{ 数量 }}所",  # the common case
    "{{ 年份 + 1 }}年",  # arithmetic on the plan year
    "{{年份-2}}",  # no spaces
    "{{ '{' }}x{{ '}' }}",  # escaped braces
    "{{ 数量1 }}与{{ 数量2 }}",  # two names
    "a { b",  # a lone brace is text
    "a } b",
    "{{ true }}",  # a keyword is a constant, not a name
    "{{ none }}",
    "{{ _x }}",  # underscore names are refused
    "{{ x.y }}",  # attribute access is refused
    "{{ x }}{",  # a trailing brace
    "{{{ x }}",  # three braces: a syntax error
    "{{ x }}}",
    "{% if x %}{% endif %}",  # statements are refused
    "{# c #}",  # a comment
    "{{ 1x }}",  # not a name
    "{{ x + y }}",
    "{{ x + 1.5 }}",
]


@pytest.mark.parametrize("text", TEXTS)
def test_fast_path_agrees_with_jinja(text: str) -> None:
    ph._check.cache_clear()
    assert ph._check(text) == ph._jinja_check(text)


def test_fast_path_skips_the_parser_for_simple_text(monkeypatch: pytest.MonkeyPatch) -> None:
    ph._check.cache_clear()

    def refuse(text: str) -> None:
        raise AssertionError(f"parsed {text!r}")

    monkeypatch.setattr(ph, "_jinja_check", refuse)
    assert ph.template_names("新建{{ 数量 }}所，{{ 年份 + 1 }}年") == {"数量", "年份"}
    assert ph.placeholder_problems("没有占位符") == []
