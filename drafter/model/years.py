"""Years in plan titles: one definition shared by the miner and the checks.

Pure string functions; no I/O.
"""

from __future__ import annotations

import re

# "XX市教育局2024年工作要点" → 2024; "2023年工作总结和2024年工作计划" → 2024.
_PLANNED_YEAR = re.compile(
    r"(?<!\d)((?:19|20)\d{2})\s*年度?[^\d年]{0,12}?(?:要点|计划|打算|安排|思路)"
)


def planned_year(title: str | None) -> int | None:
    """The year written just before the title's plan word (要点/计划/…); None when there is none."""
    match = _PLANNED_YEAR.search(title or "")
    return int(match.group(1)) if match else None
