"""Figures (数字指标) in plan text, and how a figure changed from last year's plan to this one.

Pure, model-only, so every layer can use it: `drafter compare --last-year` lists every
figure's change, and `check`'s baseline rules ask the same question of each slot value and its
baseline (`target_changes(resolved)`, the one pairing of values with last year's): did a target
fall where it should rise, or rise where it should fall?

A figure is a number with its unit and the words before it that say what it counts
("学前三年毛入园率达到95%" → label 学前三年毛入园率, 95, %). Years, dates, ordinals and
numbers inside 《》 or “” are not figures. Nothing here guesses intent: `expected_direction`
only says which way an indicator normally ought to move (rates and counts of new places up;
myopia, dropout, accident rates down), and a change against that direction is flagged for a
person to confirm, never corrected.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from drafter.model.resolve import ResolvedPlan, SlotUse
from drafter.model.roll import baseline_of

# Units after a number that make it a figure (longest first so 万元 wins over 元).
_UNITS = sorted(
    ["%", "％", "个百分点", "万元", "亿元", "元", "万人次", "人次", "万人", "名", "人", "所", "个",
     "项", "场", "次", "间", "套", "台", "平方米", "万平方米", "亩", "班", "支", "批", "家", "门",
     "节", "小时", "学时", "天", "周", "件", "篇", "课时", "张", "本", "册", "处", "座", "条",
     "年"],
    key=len, reverse=True)
_NUMBER = r"(\d+(?:\.\d+)?)"
_FIGURE = re.compile(_NUMBER + r"\s*(" + "|".join(re.escape(u) for u in _UNITS) + r")")
# What ends a label: punctuation, and the verbs that introduce a target.
_LABEL_STOP = re.compile(r"[，,。；;：:、（）()！？“”\"《》\s]")
_VERBS = re.compile(
    r"(?:稳定在|保持在|提高到|提升到|提高至|提升至|增加到|增长到|控制在|不低于|不少于|不超过|"
    r"低于|高于|超过|达到|达|为|至|增加|增长|提高|提升|新增|完成|保持|突破|以上|以内|左右)$")
_LEADING_VERBS = re.compile(
    r"^(?:(?:19|20)\d{2}年(?:底|末|前)?|到年底|到|全年|全市|全县|全区|全省|年内|力争|确保|其中|累计|"
    r"积极|拟|共|计)+")
_PROTECTED = re.compile(r"《[^》]*》|“[^”]*”|\"[^\"]*\"")
_DECREASING = ("近视", "肥胖", "辍学", "流失", "事故", "发生率", "不良", "超标", "负担", "大班额",
               "超大班额", "欠薪", "投诉", "违规", "失范")
_INCREASING = ("率", "占比", "比例", "覆盖", "普及", "新增", "新建", "改扩建", "增加", "学位",
               "招聘", "培训", "补充", "投入", "经费", "达标", "创建", "培育", "示范", "优质",
               "名师", "骨干")


@dataclass(frozen=True)
class Figure:
    """A number with its unit and what it counts, as found in one text."""

    label: str  # the words before the number: 学前三年毛入园率 (may be "")
    value: float
    unit: str
    text: str  # the figure as written: "95%"
    start: int = 0  # offset of the number in the text it was found in

    @property
    def shown(self) -> str:
        return f"{self.label}{self.text}" if self.label else self.text


@dataclass(frozen=True)
class FigureChange:
    """One indicator in last year's plan and this year's (either may be None)."""

    label: str
    unit: str
    before: float | None
    after: float | None
    direction: int  # +1 the indicator should rise, -1 fall, 0 unknown

    @property
    def delta(self) -> float | None:
        if self.before is None or self.after is None:
            return None
        return self.after - self.before

    @property
    def against_direction(self) -> bool:
        """The target moved the wrong way (fell for a rising indicator, or rose for a falling
        one). An unknown direction counts as rising: a falling target is shown for review."""
        delta = self.delta
        if delta is None or delta == 0:
            return False
        wanted = self.direction or 1
        return (delta > 0) != (wanted > 0)

    @property
    def unchanged(self) -> bool:
        return self.delta == 0

    @property
    def wrong_way(self) -> bool:
        """Moved against a KNOWN direction (a target is only questioned where the indicator
        says which way it should go)."""
        return self.direction != 0 and self.against_direction


@dataclass(frozen=True)
class TargetChange:
    """A slot value of this year's plan beside last year's (`Plan.baseline`)."""

    use: SlotUse
    baseline: Any  # as stored
    change: FigureChange  # both as numbers (None when either is not one)


def as_number(value: Any) -> float | None:
    """A value as a number: 95, 95.5, "95", "1,200", "95%"; None for text and booleans."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return float(value)
    try:
        return float(str(value).strip().replace(",", "").replace("，", "").rstrip("%％"))
    except ValueError:
        return None


def target_changes(resolved: ResolvedPlan) -> list[TargetChange]:
    """Every slot value with a baseline (the item's own, else the plan-wide one), once per
    slot and place, with its change. A percentage whose label says no direction is taken as a
    rate that should rise."""
    out: list[TargetChange] = []
    seen: set[tuple[str, int | None, int | None]] = set()
    baseline = resolved.plan.baseline
    for use in resolved.uses:
        if use.value is None or use.error or use.part == "global":
            continue
        before = baseline_of(baseline, use.clause, use.name)
        key = (use.name, use.chapter, use.index)
        if before is None or key in seen:
            continue
        seen.add(key)
        direction = expected_direction(use.label) or (1 if use.slot.type == "percent" else 0)
        change = FigureChange(use.label, use.slot.unit or "", as_number(before),
                              as_number(use.value), direction)
        out.append(TargetChange(use, before, change))
    return out


def _label(text: str, end: int) -> str:
    """The words before offset `end` that say what the number counts (up to 16 chars)."""
    head = text[max(0, end - 24):end]
    cut = max((m.end() for m in _LABEL_STOP.finditer(head)), default=0)
    label = head[cut:]
    while True:
        stripped = _VERBS.sub("", label)
        if stripped == label:
            break
        label = stripped
    label = _LEADING_VERBS.sub("", label)
    return label[-16:]


def extract_figures(text: str) -> list[Figure]:
    """Every figure in `text`, in order. Years ("2025年") and numbers in 《》/“” are skipped."""
    masked = _PROTECTED.sub(lambda m: "※" * len(m.group(0)), text)
    out: list[Figure] = []
    for match in _FIGURE.finditer(masked):
        number, unit = match.group(1), match.group(2)
        if unit == "年" and (len(number) == 4 or "." in number):
            continue  # a year, or "1.5年" durations are not targets either way
        if unit == "年" and not _label(masked, match.start()):
            continue
        if match.start() > 0 and masked[match.start() - 1] in ".．第":
            continue  # "第3批", list numbers
        out.append(Figure(_label(masked, match.start()), float(number),
                          "%" if unit == "％" else unit, text[match.start():match.end()],
                          match.start()))
    return out


def expected_direction(label: str) -> int:
    """+1 when the indicator normally rises year on year, -1 when it should fall, 0 unknown."""
    if any(word in label for word in _DECREASING):
        return -1
    if any(word in label for word in _INCREASING):
        return 1
    return 0


def figure_change(label: str, before: float | None, after: float | None,
                  unit: str = "") -> FigureChange:
    """One indicator's change; the shared core of `compare --last-year` and baseline checks."""
    return FigureChange(label, unit, before, after, expected_direction(label))


def _same_label(a: str, b: str) -> bool:
    if not a or not b:
        return False
    return a == b or a.endswith(b) or b.endswith(a)


def align_figures(before: Sequence[Figure], after: Sequence[Figure]
                  ) -> list[tuple[Figure | None, Figure | None]]:
    """Line up the figures of two versions of one item: same unit and label first, then the
    remaining ones of a unit in order. Figures found in one version only are listed too."""
    left, right = list(before), list(after)
    pairs: list[tuple[Figure | None, Figure | None]] = []
    for fig in list(left):
        match = next((g for g in right if g.unit == fig.unit and _same_label(fig.label, g.label)),
                     None)
        if match is not None:
            pairs.append((fig, match))
            left.remove(fig)
            right.remove(match)
    for fig in list(left):
        same_unit = [g for g in right if g.unit == fig.unit and not (g.label and fig.label)]
        if same_unit:
            pairs.append((fig, same_unit[0]))
            left.remove(fig)
            right.remove(same_unit[0])
    pairs += [(fig, None) for fig in left] + [(None, fig) for fig in right]
    return pairs


def pair_figures(before: Sequence[Figure], after: Sequence[Figure]) -> list[FigureChange]:
    """Every figure's change between two versions of one item (see `align_figures`)."""
    out: list[FigureChange] = []
    for old, new in align_figures(before, after):
        ref = new or old
        assert ref is not None
        label = (new.label if new and new.label else (old.label if old else "")) or ref.text
        out.append(figure_change(label, old.value if old else None,
                                 new.value if new else None, ref.unit))
    return out
