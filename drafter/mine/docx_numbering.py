"""Word's automatic list numbers ("一、", "（一）", "1.") rebuilt as text.

A plan typed in Word often numbers its chapters and items with list numbering, which lives in
numbering.xml, not in the paragraph text python-docx returns. Without it, every marker the
structure finder relies on would be missing. This module works on the raw WordprocessingML
elements that read.py hands it (it does not import python-docx and opens no files).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from drafter.model.numbering import chinese_numeral

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_CHINESE_FORMATS = {"chineseCounting", "chineseCountingThousand", "chineseLegalSimplified",
                    "ideographTraditional", "japaneseCounting", "taiwaneseCounting",
                    "taiwaneseCountingThousand", "koreanCounting"}
_MAX_STYLE_DEPTH = 8


@dataclass(frozen=True)
class _Level:
    start: int
    fmt: str
    text: str


@dataclass
class Numbering:
    """List definitions of one document and the running counters while reading it."""

    abstract: dict[str, dict[int, _Level]] = field(default_factory=dict)
    nums: dict[str, str] = field(default_factory=dict)  # numId -> abstractNumId
    overrides: dict[tuple[str, int], int] = field(default_factory=dict)
    style_num: dict[str, tuple[str, int] | None] = field(default_factory=dict)
    counters: dict[str, list[int | None]] = field(default_factory=dict)
    started: set[str] = field(default_factory=set)

    @classmethod
    def from_parts(cls, numbering: Any | None, styles: Any | None) -> Numbering:
        """Read numbering.xml and styles.xml elements (either may be None)."""
        out = cls()
        if numbering is not None:
            out._read_numbering(numbering)
        if styles is not None:
            out._read_styles(styles)
        return out

    def _read_numbering(self, root: Any) -> None:
        for abstract in root.iterchildren(f"{W}abstractNum"):
            levels: dict[int, _Level] = {}
            for lvl in abstract.iterchildren(f"{W}lvl"):
                levels[int(lvl.get(f"{W}ilvl", "0"))] = _Level(
                    int(_val(lvl, "start") or 1), _val(lvl, "numFmt") or "decimal",
                    _val(lvl, "lvlText") or "")
            self.abstract[abstract.get(f"{W}abstractNumId", "")] = levels
        for num in root.iterchildren(f"{W}num"):
            num_id = num.get(f"{W}numId", "")
            ref = num.find(f"{W}abstractNumId")
            if ref is not None:
                self.nums[num_id] = ref.get(f"{W}val", "")
            for override in num.iterchildren(f"{W}lvlOverride"):
                start = override.find(f"{W}startOverride")
                if start is not None:
                    ilvl = int(override.get(f"{W}ilvl", "0"))
                    self.overrides[(num_id, ilvl)] = int(start.get(f"{W}val", "1"))

    def _read_styles(self, root: Any) -> None:
        direct: dict[str, tuple[str | None, int | None, str | None]] = {}
        for style in root.iterchildren(f"{W}style"):
            num_id, ilvl = _num_pr(style.find(f"{W}pPr"))
            based = style.find(f"{W}basedOn")
            direct[style.get(f"{W}styleId", "")] = (
                num_id, ilvl, based.get(f"{W}val") if based is not None else None)
        for style_id in direct:
            self.style_num[style_id] = _resolve_style(style_id, direct)

    def prefix(self, p: Any) -> str:
        """The list number text of paragraph element `p` ("" when it is not numbered)."""
        ppr = p.find(f"{W}pPr")
        num_id, ilvl = _num_pr(ppr)
        if num_id is None and ppr is not None:
            style = ppr.find(f"{W}pStyle")
            found = self.style_num.get(style.get(f"{W}val", "")) if style is not None else None
            if found is not None:
                num_id, ilvl = found[0], ilvl if ilvl is not None else found[1]
        if not num_id or num_id == "0" or num_id not in self.nums:
            return ""
        return self._advance(num_id, ilvl or 0)

    def _advance(self, num_id: str, ilvl: int) -> str:
        abstract_id = self.nums[num_id]
        levels = self.abstract.get(abstract_id, {})
        level = levels.get(ilvl)
        if level is None or level.fmt in ("bullet", "none"):
            return ""
        counters = self.counters.setdefault(abstract_id, [None] * 9)
        if num_id not in self.started:  # a list with its own start restarts the numbering
            self.started.add(num_id)
            for (nid, lvl), start in self.overrides.items():
                if nid == num_id and lvl < 9:
                    counters[lvl] = start - 1
        current = counters[ilvl]
        counters[ilvl] = (level.start if current is None else current + 1)
        for deeper in range(ilvl + 1, 9):
            counters[deeper] = None
        text = level.text
        for i in range(9):
            token = f"%{i + 1}"
            if token in text:
                spec = levels.get(i)
                count = counters[i]
                value = count if count is not None else (spec.start if spec else 1)
                text = text.replace(token, _format(value, spec.fmt if spec else "decimal"))
        return text


def _val(el: Any, tag: str) -> str | None:
    child = el.find(f"{W}{tag}")
    return child.get(f"{W}val") if child is not None else None


def _num_pr(ppr: Any | None) -> tuple[str | None, int | None]:
    if ppr is None:
        return None, None
    num_pr = ppr.find(f"{W}numPr")
    if num_pr is None:
        return None, None
    num_id = _val(num_pr, "numId")
    ilvl = _val(num_pr, "ilvl")
    return num_id, int(ilvl) if ilvl is not None else None


def _resolve_style(style_id: str,
                   direct: dict[str, tuple[str | None, int | None, str | None]]
                   ) -> tuple[str, int] | None:
    current: str | None = style_id
    for _ in range(_MAX_STYLE_DEPTH):
        if current is None or current not in direct:
            return None
        num_id, ilvl, based = direct[current]
        if num_id is not None:
            return num_id, ilvl or 0
        current = based
    return None


def _format(value: int, fmt: str) -> str:
    if fmt in _CHINESE_FORMATS:
        return chinese_numeral(value) if 0 < value < 100 else str(value)
    if fmt.startswith("decimalEnclosedCircle") and 1 <= value <= len(_CIRCLED):
        return _CIRCLED[value - 1]
    if fmt in ("lowerLetter", "upperLetter") and 1 <= value <= 26:
        letter = chr(ord("a") + value - 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        roman = _roman(value)
        return roman if fmt == "upperRoman" else roman.lower()
    if fmt == "decimalFullWidth":
        return "".join(chr(0xFF10 + int(d)) for d in str(value))
    return str(value)


def _roman(value: int) -> str:
    out = ""
    for number, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"),
                            (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"),
                            (4, "IV"), (1, "I")):
        while value >= number:
            out += letters
            value -= number
    return out
