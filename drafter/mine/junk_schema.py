"""The junk rules file's format (drafter/mine/data/junk.yaml), declared once with pydantic.

Three lists of regular expressions; each must compile. To add a kind of rule: add a field here
and use it in `drafter.mine.junk`.
"""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import BeforeValidator, ConfigDict

from drafter.util.validation import Strict


def _regex(value: Any) -> Any:
    if not isinstance(value, str) or not value:
        raise ValueError("规则应是一段非空的正则表达式文字")
    try:
        re.compile(f"(?:{value})")  # as junk.py joins the rules: each inside a group
    except re.error as exc:
        if exc.msg.startswith("global flags"):
            raise ValueError(
                "规则中不能使用 (?i) 这类全局标志，大小写请写成 [Ww] 这样的字符组") from None
        where = f"（第 {exc.pos} 个字符附近）" if exc.pos is not None else ""
        raise ValueError(f"正则表达式有误{where}，请检查括号和转义符") from None
    return value


Rules = list[Annotated[str, BeforeValidator(_regex)]] | None


class JunkFile(Strict):
    model_config = ConfigDict(title="规则类别")

    lines: Rules = None  # a whole line that is site furniture
    short_lines: Rules = None  # the same, for lines under SHORT_LINE characters only
    fragments: Rules = None  # furniture inside a paragraph, cut out
    title_affixes: Rules = None  # a site's numbering or label glued to a title, cut off
    elisions: Rules = None  # marks a site leaves where it cut text out ("此处隐藏…字")
    previews: Rules = None  # furniture saying the page shows only part of the document
