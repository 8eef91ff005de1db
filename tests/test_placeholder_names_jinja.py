"""The placeholder scanner accepts exactly the names and numbers Jinja can read.

A name such as 第①项 or x² matches "a letter, then word characters" but is no identifier, and
Jinja refuses it; a digit such as ٣ is a number to a regex but not to Jinja. The scanner must
report these, so `drafter check` and the catalogue's validation flag such a clause instead of
it failing only when rendered.
"""

from __future__ import annotations

import pytest
from jinja2 import TemplateSyntaxError
from jinja2.sandbox import SandboxedEnvironment

from drafter.model.placeholders import scan

_ENV = SandboxedEnvironment()


def _jinja_reads(text: str) -> bool:
    try:
        _ENV.parse(text)
    except TemplateSyntaxError:
        return False
    return True


@pytest.mark.parametrize("text", [
    "共{{ 第①项 }}所", "{{ ① }}", "{{ x² + 1 }}", "{{ ½ }}", "{{ ٣ }}", "{{ 1 + ٣ }}",
    "{{ 数量٣ }}", "{{ 名称 }}", "{{ a1 + 2.5 }}", "{{ Ⅻ项 }}", "{{ 数量 - (基数 + 3) }}",
])
def test_the_scanner_refuses_what_jinja_cannot_read(text: str) -> None:
    found = scan(text)
    assert (not found.problems) == _jinja_reads(text), (text, found)


def test_a_name_that_is_no_identifier_is_named_in_the_problem() -> None:
    (problem,) = scan("共{{ 第①项 }}所").problems
    assert "第①项" in problem
