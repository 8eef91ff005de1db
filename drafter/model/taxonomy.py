"""The seven chapter keys (../shared/TAXONOMY.md), fixed strings compared literally."""

from __future__ import annotations

CHAPTER_KEYS: tuple[str, ...] = (
    "总体要求",
    "党建",
    "五育并举",
    "各级各类教育",
    "教师队伍",
    "教育改革",
    "保障",
)

# ASCII prefixes for stable clause ids, so ids are easy to type in a plan file.
ID_PREFIX: dict[str, str] = {
    "总体要求": "zt",
    "党建": "dj",
    "五育并举": "wy",
    "各级各类教育": "gj",
    "教师队伍": "js",
    "教育改革": "gg",
    "保障": "bz",
}

# A chapter heading for a plan when the plan file does not give one.
DEFAULT_HEADINGS: dict[str, str] = {
    "总体要求": "总体要求",
    "党建": "坚持党的全面领导，加强教育系统党的建设",
    "五育并举": "落实立德树人根本任务，促进学生全面发展",
    "各级各类教育": "推动各级各类教育高质量发展",
    "教师队伍": "加强高素质专业化教师队伍建设",
    "教育改革": "深化教育综合改革，提升教育治理水平",
    "保障": "强化教育保障，守牢安全稳定底线",
}


def is_chapter_key(value: str) -> bool:
    return value in CHAPTER_KEYS
