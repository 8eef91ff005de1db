"""Numbers: a percentage over 100, and a value far from last year's baseline.

The baseline pairs come from the caller (a rolled or imported plan keeps last year's values in
`Plan.baseline`; `baseline_pairs` lines them up with this year's resolved values). A large
change may be intended, so the finding asks the user to confirm rather than calling it wrong.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from drafter.check.finding import BaselinePair, Context, Draft, Finding, excerpt
from drafter.model.figures import as_number, target_changes
from drafter.model.resolve import ResolvedPlan

_PERCENT = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s*[%％]")
# "增长150%" is a growth rate, not a share: percentages over 100 are fine after these words.
_GROWTH = re.compile(
    r"(?:增长|增加|增幅|增速|提高|提升|上升|翻|同比|环比|超过|高出|扩大)[^，。；]{0,6}$"
)


def check_percentages(draft: Draft, ctx: Context) -> Iterator[Finding]:
    del ctx
    for seg in draft.text_segments():
        for match in _PERCENT.finditer(seg.text):
            if float(match.group(1)) <= 100:
                continue
            if _GROWTH.search(seg.text[max(0, match.start() - 10): match.start()]):
                continue
            yield Finding("警告", "numbers.percent",
                          f"百分比“{match.group(0)}”超过100%",
                          excerpt(seg.text, match.start(), match.end()), seg.location, seg.part,
                          "比例、覆盖率不能超过100%，请核对数字（超额完成的情形可忽略）")


def check_baseline(draft: Draft, ctx: Context) -> Iterator[Finding]:
    """A value more than `baseline_tolerance` away from last year's (both numbers)."""
    tolerance = ctx.profile.baseline_tolerance
    for pair in draft.baseline:
        value, base = as_number(pair.value), as_number(pair.baseline)
        if value is None or base is None or base == 0:
            continue
        change = (value - base) / abs(base)
        if abs(change) <= tolerance:
            continue
        direction = "高出" if change > 0 else "低于"
        yield Finding("警告", "numbers.baseline",
                      f"“{pair.label}”为{pair.value}，{direction}去年的{pair.baseline}"
                      f"约{abs(change) * 100:.0f}%",
                      f"{pair.label}：{pair.value}（去年{pair.baseline}）", pair.location, None,
                      "请确认数字无误；如确有大幅变化可忽略本提示")


def baseline_pairs(resolved: ResolvedPlan) -> list[BaselinePair]:
    """This year's value of every slot that has a baseline, once per slot and place (the one
    pairing: `drafter.model.figures.target_changes`)."""
    return [BaselinePair(t.use.name, t.use.label, t.use.value, t.baseline, t.use.location)
            for t in target_changes(resolved)]
