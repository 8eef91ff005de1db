"""Time-bound formulations (党的十九大, “十四五”, 70周年, 脱贫攻坚…), judged against the plan year.

The formulations and their effective dates live in the rule table (data/rules.yaml and a
bureau's own file); this module only matches them and words the finding. It suggests current
wording but never rewrites a political formulation.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from drafter.check.finding import Context, Draft, Finding, excerpt
from drafter.check.table import RuleTable, TimeRule


def _spans(rule: TimeRule, text: str) -> Iterator[re.Match[str]]:
    """Matches of the rule's pattern that no `unless` match overlaps."""
    exempt = [m.span() for m in rule.unless.finditer(text)] if rule.unless else []
    for match in rule.pattern.finditer(text):
        if match.end() == match.start():
            continue
        if any(s < match.end() and match.start() < e for s, e in exempt):
            continue
        yield match


def _period(rule: TimeRule) -> str:
    if rule.years:
        return "、".join(str(y) for y in rule.years) + "年"
    first, last = rule.valid_from, rule.valid_until
    if first and last:
        return f"{first}—{last}年" if first != last else f"{first}年"
    if first:
        return f"{first}年起"
    if last:
        return f"{last}年以前"
    return "不限年份"


def flag_text(rule: TimeRule, verdict: str) -> str:
    """The short flag for the catalogue: "自2023年起过时：党的十九大"."""
    if verdict == "early":
        first = rule.first_year()
        return f"{first}年以前不能使用：{rule.label}"
    if rule.years:
        return f"仅适用于{_period(rule)}：{rule.label}"
    last = rule.last_year()
    return f"自{(last or 0) + 1}年起过时：{rule.label}"


def _quoted(label: str) -> str:
    return label if "“" in label else f"“{label}”"


def _finding(rule: TimeRule, verdict: str, year: int, text: str, match: re.Match[str],
             seg_location: object, part: str | None) -> Finding:
    severity = rule.severity_early if verdict == "early" else rule.severity
    if verdict == "ambiguous":
        severity = "提示"
        head = f"{_quoted(rule.label)}在{year}年的计划中可能有两种所指，请写明"
    elif severity == "提示":
        head = f"{_quoted(rule.label)}：请按{year}年的计划核实（适用于{_period(rule)}）"
    elif verdict == "early":
        head = f"{year}年的计划引用了当时尚未出现的{_quoted(rule.label)}（适用于{_period(rule)}）"
    else:
        head = f"{_quoted(rule.label)}在{year}年的计划中已不合时宜（适用于{_period(rule)}）"
    return Finding(
        severity=severity,
        rule=f"time.{rule.id}",
        message=f"{head}。{rule.message}",
        text=excerpt(text, match.start(), match.end()),
        location=seg_location,  # type: ignore[arg-type]
        part=part,
        fix=rule.suggest or "请按计划年份核实并改用现行表述（drafter 不会自动改写）",
    )


def check_time(draft: Draft, ctx: Context) -> Iterator[Finding]:
    """Every time-bound formulation that does not fit the plan year; where two rules match the
    same words ("“十四五”收官" is both 十四五 and 十四五收官), the longer match speaks."""
    if ctx.year is None:
        return
    year = ctx.year
    verdicts = [(rule, rule.verdict(year)) for rule in ctx.table.active()]
    failing: list[tuple[TimeRule, str]] = [(rule, v) for rule, v in verdicts if v != "ok"]
    hinted: set[str] = set()  # an ambiguous formulation is pointed out once per document
    for seg in draft.text_segments():
        if seg.role == "summary":  # a year-end summary speaks of the year before
            continue
        hits = [(match, rule, verdict) for rule, verdict in failing
                for match in _spans(rule, seg.text)]
        hits.sort(key=lambda h: (-(h[0].end() - h[0].start()), h[0].start()))
        kept: list[tuple[re.Match[str], TimeRule, str]] = []
        for hit in hits:
            if not any(hit[0].start() < k[0].end() and k[0].start() < hit[0].end()
                       for k in kept):
                kept.append(hit)
        for match, rule, verdict in sorted(kept, key=lambda h: h[0].start()):
            if verdict == "ambiguous":
                if rule.id in hinted:
                    continue
                hinted.add(rule.id)
            yield _finding(rule, verdict, year, seg.text, match, seg.location, seg.part)


def stale_flags(text: str, year: int | None, table: RuleTable) -> list[str]:
    """Short flags for a catalogue clause.

    With a year: the formulations that do not fit a plan for that year. Without one: every
    time-bound formulation in the text, with when it is valid, since a catalogue clause is
    reused in later years. Wording hints (severity 提示) are not flags.
    """
    flags: list[str] = []
    for rule in table.active():
        if next(_spans(rule, text), None) is None:
            continue
        if rule.ambiguous_years:
            continue  # a wording hint, not a flag on the clause
        if year is not None:
            verdict = rule.verdict(year)
            severity = rule.severity_early if verdict == "early" else rule.severity
            if verdict != "ok" and severity != "提示":
                flags.append(flag_text(rule, verdict))
        elif (rule.years or rule.valid_until is not None) and rule.severity != "提示":
            flags.append(flag_text(rule, "stale"))
    return list(dict.fromkeys(flags))
