"""Turn a clause's local numbers, placeholders, region and years into template placeholders.

Why: a mined clause is reused by other bureaus and in other years, so "新建9所公办幼儿园"
becomes "新建{{ 新建公办幼儿园_所 }}所公办幼儿园" with a slot (label, type, unit, default 9),
"安顺市"/"XX市" becomes `{{ 地区 }}`, and "2024年" in a 2024 plan becomes `{{ 年份 }}年` so
the plan can be rolled forward. What counts as a slot is data (drafter/mine/data/slots.yaml,
compiled by `drafter.mine.slot_rules`). This module must not invent numbers, must leave
named numerals (十四五, 二十大, 第五届, 1月10日, 2.0, 100周年, 《…》 titles) literal, and
must only ever emit placeholders that `placeholder_problems` accepts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import cast

from drafter.mine.slot_rules import SlotRules, load_slot_rules, post_noun
from drafter.model.clause import Slot, SlotType
from drafter.model.plan import GLOBAL_NAMES

_CJK_RUN = re.compile(r"[\u4e00-\u9fff]*")
_NOT_NAME = re.compile(r"[^0-9A-Za-z\u4e00-\u9fff]")
_REGION_LEVELS = "省市县区州盟旗镇乡"
_RANGE_SEP = "[-—–－~～至到]"
_DIGITS = re.compile(r"\d+")
_SEPARATORS = re.compile(r"[,\s]")  # thousands separators inside a number
_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９．，", "0123456789.,")


@dataclass
class _Token:
    """One replacement in a text: a global expression (`expr`) or a slot to be named."""

    start: int
    end: int
    priority: int  # lower wins when two tokens start at the same place
    expr: str | None = None  # "地区", "年份 + 1"
    slot_type: str = "text"
    unit: str | None = None
    default: int | float | None = None
    label_at: int = -1  # where the label's "words before" end (the number's start)
    post_at: int = -1  # where the words after the unit begin
    label_suffix: str = ""  # "（下限）" for the low end of "3—5所"
    fixed_label: str | None = None


def templatize(
    lead: str, body: str, *, year: int | None, region: str | None
) -> tuple[str, str, list[Slot]]:
    """(lead template, body template, slots) with slot names unique within the clause."""
    rules = load_slot_rules()
    slots: list[Slot] = []
    lead_t = _templatize_text(lead, rules, year, region, slots)
    body_t = _templatize_text(body, rules, year, region, slots)
    return lead_t, body_t, slots


def _templatize_text(text: str, rules: SlotRules, year: int | None, region: str | None,
                     slots: list[Slot]) -> str:
    if not text:
        return text
    tokens = _tokens(text, rules, year, region)
    escape = "{" in text or "}" in text
    out: list[str] = []
    labels: dict[int, str] = {}  # label_at -> label, so both ends of "3—5所" share it
    pos = boundary = 0  # boundary: where the words for the next label may start
    previous: str | None = None  # the label of the slot just before, if a slot
    for tok in tokens:
        out.append(_literal(text[pos:tok.start], escape))
        if tok.expr is not None:
            out.append("{{ " + tok.expr + " }}")
            previous = None
        else:
            label = (labels.get(tok.label_at) or tok.fixed_label
                     or _label(text, tok, boundary, rules, previous))
            labels[tok.label_at] = label
            slot = Slot(name=_unique_name(label + tok.label_suffix, tok, rules,
                                          {s.name for s in slots}),
                        label=label + tok.label_suffix, type=cast(SlotType, tok.slot_type),
                        unit=tok.unit, default=tok.default)
            slots.append(slot)
            out.append("{{ " + slot.name + " }}")
            previous = label
        pos = tok.end
        boundary = max(tok.end, tok.post_at)
    out.append(_literal(text[pos:], escape))
    return "".join(out)


def _literal(piece: str, escape: bool) -> str:
    """Literal text as template text: every brace becomes a `{{ '{' }}` constant."""
    if not escape or not piece:
        return piece
    return "".join("{{ '" + ch + "' }}" if ch in "{}" else ch for ch in piece)


# --------------------------------------------------------------------------- finding


def _tokens(text: str, rules: SlotRules, year: int | None, region: str | None) -> list[_Token]:
    found: list[_Token] = []
    hinted = rules.hint.search(text) is not None
    if hinted or (region and region.strip() and region.strip() in text):
        found += _region_tokens(text, rules, region)
    if hinted:
        found += _placeholder_tokens(text, rules)
    digit_runs = [m.start() for m in _DIGITS.finditer(text)]
    if digit_runs:
        protected = _protected_spans(text, rules)
        if year is not None:
            found += _year_tokens(text, rules, year, protected, digit_runs)
        found += _number_tokens(text, rules, protected, digit_runs)
    found.sort(key=lambda t: (t.start, t.priority, t.start - t.end))
    kept: list[_Token] = []
    end = 0
    for tok in found:
        if tok.start >= end:
            kept.append(tok)
            end = tok.end
    return kept


def _protected_spans(text: str, rules: SlotRules) -> list[tuple[int, int]]:
    return [m.span() for m in rules.protected.finditer(text)]


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a < pos < b for a, b in spans)


def _region_tokens(text: str, rules: SlotRules, region: str | None) -> list[_Token]:
    region = (region or "").strip()
    pattern = _region_regex(rules.region_generic, region)
    starts = [m.start() for m in rules.hint.finditer(text)]
    if region:
        starts += [m.start() for m in re.finditer(re.escape(region), text)]
        starts.sort()
    return [_Token(m.start(), m.end(), 0, expr="地区") for m in _anchored(pattern, text, starts)]


@lru_cache(maxsize=256)
def _region_regex(generic: str, region: str) -> re.Pattern[str]:
    """The plan's own region, or "XX"/"某" before its level character (市 by default)."""
    level = region[-1] if region and region[-1] in _REGION_LEVELS else "市"
    alternatives = [generic + re.escape(level)]
    if region:
        alternatives.insert(0, re.escape(region))
    return re.compile("|".join(alternatives))


def _anchored(pattern: re.Pattern[str], text: str, starts: Iterable[int]
              ) -> Iterator[re.Match[str]]:
    """Non-overlapping matches of `pattern` tried only at candidate `starts`, in order.

    The slot patterns open with lookbehinds and classes, which the regex engine cannot skip
    ahead on; anchoring them at candidates found by a plain scan is several times faster.
    """
    pos = 0
    for start in starts:
        if start < pos:
            continue
        m = pattern.match(text, start)
        if m is not None:
            pos = m.end()
            yield m


def _placeholder_starts(text: str, rules: SlotRules) -> Iterator[int]:
    """Where a placeholder may start: at a hinted character, or two before it for "20xx"."""
    for hint in rules.hint.finditer(text):
        start = hint.start()
        if start >= 2 and text[start - 2 : start] in ("19", "20"):
            yield start - 2
        yield start


def _placeholder_tokens(text: str, rules: SlotRules) -> list[_Token]:
    out = []
    for m in _anchored(rules.placeholder, text, _placeholder_starts(text, rules)):
        start, end = m.span("ph")
        tok = _Token(start, end, 1, label_at=start, post_at=m.end())
        after = text[end:end + 1]
        if m.group("yr"):
            tok.slot_type = "year"
            tok.fixed_label = _year_placeholder_label(text, start, end, rules)
        elif start > 0 and text[start - 1] == "第":  # "第X届", "第xx次": an ordinal
            tok.slot_type, tok.post_at = "integer", end
            tok.label_at = start - 1
            tok.fixed_label = _ordinal_label(text, end, rules)
        elif m.group("unit"):
            _typed_placeholder(tok, m, rules)
        elif after and after in rules.calendar:  # "x月x日"
            tok.slot_type, tok.fixed_label = "integer", rules.calendar[after]
        else:
            tok.fixed_label = _text_placeholder_label(text, start, end, rules)
        out.append(tok)
    return out


def _typed_placeholder(tok: _Token, m: re.Match[str], rules: SlotRules) -> None:
    """"xx所" integer, "x.xx%"/"xxx%" percent, "xx万元" decimal."""
    ph, unit = m.group("ph"), m.group("unit")
    tok.unit = (m.group("mag") or m.group("mag2") or "") + unit
    if unit in rules.percent_units:
        tok.slot_type = "percent"
    elif "." in ph or "．" in ph or tok.unit in rules.decimal_units \
            or unit in rules.decimal_units:
        tok.slot_type = "decimal"
    else:
        tok.slot_type = "integer"


def _year_tokens(text: str, rules: SlotRules, year: int, protected: list[tuple[int, int]],
                 digit_runs: list[int]) -> list[_Token]:
    low, high = rules.year_window
    out = []
    for m in _anchored(rules.year, text, digit_runs):
        if _inside(m.start(), protected):
            continue
        years = [("y1", int(m.group("y1")))]
        if m.group("y2"):
            years.append(("y2", int(m.group("y2"))))
            if abs(years[1][1] - years[0][1]) > rules.year_range_max_span:
                continue  # a named period such as 2021—2025年
        if not all(low <= y - year <= high for _, y in years):
            continue
        for group, y in years:
            delta = y - year
            expr = "年份" if delta == 0 else f"年份 {'+' if delta > 0 else '-'} {abs(delta)}"
            out.append(_Token(m.start(group), m.end(group), 2, expr=expr))
    return out


def _number_tokens(text: str, rules: SlotRules, protected: list[tuple[int, int]],
                   digit_runs: list[int]) -> list[_Token]:
    out = []
    for m in _anchored(rules.number, text, digit_runs):
        if _inside(m.start(), protected):
            continue
        unit = (m.group("mag") or m.group("mag2") or "") + m.group("unit")
        ends = [("a", "（下限）"), ("b", "（上限）")] if m.group("b") else [("a", "")]
        for group, suffix in ends:
            raw = _SEPARATORS.sub("", m.group(group).translate(_FULLWIDTH_DIGITS))
            is_decimal = "." in raw
            value = float(raw) if is_decimal else int(raw)
            # a percent slot holds 0–100; "增长150%" stays a number with the unit %
            percent = m.group("unit") in rules.percent_units and value <= 100
            slot_type = "percent" if percent else "decimal" if is_decimal else "integer"
            out.append(_Token(
                m.start(group), m.end(group), 3, slot_type=slot_type, unit=unit,
                default=value,
                label_at=m.start("a"), post_at=m.end(), label_suffix=suffix))
    return out


# --------------------------------------------------------------------------- naming


def _label(text: str, tok: _Token, boundary: int, rules: SlotRules,
           previous: str | None = None) -> str:
    """Words just before the number, plus the noun after its unit ("新建" + "公办幼儿园").

    When only link words stand between this number and the previous slot ("由500元提高到
    700元"), the previous slot's label is reused.
    """
    lo = max(boundary, tok.label_at - 3 * rules.label_max)
    raw = _cjk_before(text, lo, tok.label_at)
    cut = max((raw.rfind(b) + len(b) for b in rules.pre_boundaries if b in raw), default=0)
    words = raw[cut:].rstrip(rules.trim_suffix)
    links = [m for m in rules.link_words.finditer(words) if m.start() >= 2]
    if links and links[-1].end() < len(words):  # "交流人数达到应交流总数的" -> "交流人数"
        words, linked = words[: links[-1].start()], True
    else:
        words, linked = _strip_suffix(words, rules)
    words = _strip_prefix(_strip_prefix(words, rules)[-rules.label_max:], rules)
    post = ""
    if not linked or not words:
        m = rules.post.match(text, tok.post_at)
        post = post_noun(m)[:10]
    label = words + post
    if label:
        return label
    if previous and raw == text[boundary:tok.label_at].strip():  # nothing but link words
        return previous
    return {"percent": "比例", "text": "名称", "year": "年份"}.get(tok.slot_type, "数量")


def _cjk_before(text: str, lo: int, hi: int) -> str:
    """The run of Chinese characters that ends at `hi` (not reaching before `lo`)."""
    while hi > lo and text[hi - 1] in " \t\u3000":  # "初中 3 所"
        hi -= 1
    if hi <= lo:
        return ""
    run = _CJK_RUN.match(text[lo:hi][::-1])
    n = run.end() if run else 0
    return text[hi - n : hi]


def _strip_suffix(words: str, rules: SlotRules) -> tuple[str, bool]:
    """Drop link words and quantity words from the end, repeatedly; True when a link word
    was dropped (the words before it are the subject: no noun from after the unit)."""
    linked = False
    while words:
        last = words[-1]
        link = next((s for s in rules.strip_suffix.get(last, ()) if words.endswith(s)), None)
        quantity = next((s for s in rules.quantifiers.get(last, ()) if words.endswith(s)), None)
        word = max((w for w in (link, quantity) if w), key=len, default=None)
        if word is None:
            break
        words = words[: -len(word)]
        linked = linked or word == link
    return words, linked


def _strip_prefix(words: str, rules: SlotRules) -> str:
    """Drop filler words from the start, repeatedly, never breaking a kept word and never
    leaving a single character (all of it may go: the noun after the unit takes over)."""
    while words:
        if any(words.startswith(k) for k in rules.keep_words):
            break
        prefix = next((p for p in rules.strip_prefix.get(words[0], ()) if words.startswith(p)),
                      None)
        if prefix is None or len(words) - len(prefix) == 1:
            break
        words = words[len(prefix):]
    return words


def _year_placeholder_label(text: str, start: int, end: int, rules: SlotRules) -> str:
    """"（20xx-20xx年）" → 起始年份 / 截止年份; a lone "20xx年" → 某年份."""
    ph = rules.year_placeholder
    if re.match(rf"\s*年?\s*{_RANGE_SEP}\s*{ph}", text[end:end + 8]):
        return "起始年份"
    if re.search(rf"{ph}\s*年?\s*{_RANGE_SEP}\s*$", text[max(0, start - 8):start]):
        return "截止年份"
    return "某年份"


def _ordinal_label(text: str, end: int, rules: SlotRules) -> str:
    """"第X届名师" → "名师届次", "第xx次会议" → "会议序号": what is counted, then the
    counter word."""
    counter = text[end:end + 1]
    m = rules.post.match(text, end + 1)
    noun = post_noun(m)[:6]
    if not counter or not "\u4e00" <= counter <= "\u9fff":
        return "序号"
    return f"{noun}序号" if counter == "次" else f"{noun}{counter}次"


def _text_placeholder_label(text: str, start: int, end: int, rules: SlotRules) -> str:
    """"xx技师学院" → "技师学院名称"; with nothing after it, the words before it."""
    m = rules.post.match(text, end)
    noun = post_noun(m)
    head = rules.name_head.match(noun)
    noun = head.group(0) if head else noun[:6]  # "xx技师学院实训楼" -> "技师学院"
    if not noun:
        noun = _cjk_before(text, max(0, start - rules.label_max), start)
    return f"{noun}名称" if noun else "名称"


def _unique_name(label: str, tok: _Token, rules: SlotRules, taken: set[str]) -> str:
    base = _NOT_NAME.sub("", label).lstrip("0123456789_")
    if tok.unit and tok.slot_type != "year":
        unit = _NOT_NAME.sub("", rules.unit_names.get(tok.unit, tok.unit))
        base = f"{base}_{unit}" if base and unit else base or unit
    if not base or base in GLOBAL_NAMES:
        base = f"{base or '参数'}_值"
    name, n = base, 2
    while name in taken or name in GLOBAL_NAMES:
        name, n = f"{base}_{n}", n + 1
    return name
