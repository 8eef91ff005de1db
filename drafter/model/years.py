"""Years: the bounds of a plausible plan year, and the plan year written in a title.

One definition shared by the miner, the plan and batch schemas, the checks, roll-forward and
the CLI options. Pure string functions; no I/O.
"""

from __future__ import annotations

import re

# A plan year outside these bounds is a typo (the People's Republic's first year to 2100).
YEAR_MIN, YEAR_MAX = 1949, 2100

# "XX市教育局2024年工作要点" → 2024; "2023年工作总结和2024年工作计划" → 2024.
_PLANNED_YEAR = re.compile(
    r"(?<!\d)((?:19|20)\d{2})\s*年度?[^\d年]{0,12}?(?:要点|计划|打算|安排|思路)"
)


def plausible_year(value: object) -> bool:
    """An int (not a bool) within YEAR_MIN..YEAR_MAX."""
    return isinstance(value, int) and not isinstance(value, bool) and YEAR_MIN <= value <= YEAR_MAX


def planned_year(title: str | None) -> int | None:
    """The year written just before the title's plan word (要点/计划/…); None when there is none."""
    match = _PLANNED_YEAR.search(title or "")
    return int(match.group(1)) if match else None
