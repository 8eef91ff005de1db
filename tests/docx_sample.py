"""A realistic block list for the Word writer tests, built from a real plan of the corpus.

Corpus file 002 (a city's 2024 教育工作要点, 5 chapters, 25 items; its half-width
punctuation made full-width, as the miner's cleaning does) gives the preamble, chapters and
items; five more items sit under run-in （一） headings and one standalone
section, so every role appears. One item carries `< & " '` to prove text stays literal.
"""

from __future__ import annotations

import re

from drafter.model.blocks import Block
from drafter.model.plan import PlanMeta, PlanOptions
from tests.conftest import ROOT, corpus_file

SPECIAL = "家长热线<12345> & “家校共育” \"周末课堂\" 'AI' 试点"
TITLE = "中共某某市委教育工作委员会某某市教育局2024年工作要点"
CAPTION = "（2024年1月10日局党组会议审议通过）"
ORGAN = "中共某某市委教育工作委员会"
DATE = "2024年1月10日"

_CHAPTER = re.compile(r"^([一二三四五六七八九十]+、)(.+)$")
_ITEM = re.compile(r"^(\d+\.)(.+)$")


_FULL_WIDTH = str.maketrans({",": "，", ":": "：", ";": "；", "(": "（", ")": "）", "?": "？"})


def _split_lead(text: str) -> tuple[str, str]:
    head, stop, rest = text.partition("。")
    if stop and len(head) <= 40:
        return head + stop, rest
    return "", text


def sample_blocks() -> list[Block]:
    """Title, caption, preamble, 5 chapters, 1 section, 30 items, closing, signature, date."""
    text = corpus_file("002").read_text("utf-8").translate(_FULL_WIDTH)  # as the miner cleans it
    lines = [line.strip() for line in text.splitlines()]
    blocks = [Block(role="title", text=TITLE), Block(role="caption", text=CAPTION)]
    for line in lines:
        if "总体要求" in line and not blocks[2:]:
            blocks.append(Block(role="preamble", text=line))
        elif match := _CHAPTER.match(line):
            blocks.append(Block(role="chapter", marker=match[1], text=match[2]))
        elif match := _ITEM.match(line):
            lead, body = _split_lead(match[2])
            blocks.append(Block(role="item", marker=match[1], lead=lead, text=body,
                                owners=["基础教育科", "教师工作科"], deadline="2024年12月"))
    n = sum(1 for b in blocks if b.role == "item")
    blocks.append(Block(role="chapter", marker="六、", text="加强安全稳定和家校协同"))
    blocks.append(Block(role="section", marker="（一）", text="守牢校园安全底线"))
    blocks.append(Block(role="item", marker=f"{n + 1}.", lead="开展家校共育试点。",
                        text=f"在10所学校开通{SPECIAL}，每月通报1次。", owners=["基础教育科"]))
    for i, (lead, body) in enumerate([
        ("加强校园安全管理。", "落实校园安全“一岗双责”，开展安全隐患排查整治，每学期不少于2次。"),
        ("推进平安校园建设。", "健全校园安全风险防控体系，100%的中小学校达到平安校园标准。"),
        ("做好教育信访工作。", "畅通信访渠道，推动信访事项及时就地解决，办结率达到98.5%。"),
        ("强化食品安全监管。", "落实校长陪餐制度，推进“互联网+明厨亮灶”全覆盖。"),
    ], start=2):
        blocks.append(Block(role="item", marker=f"（{'一二三四五'[i - 1]}）", lead=lead, text=body,
                            owners=["安全稳定科"], deadline="2024年6月底前"))
    blocks.append(Block(role="closing", text="新的一年，全市教育系统要以更加昂扬的斗志、更加务实的"
                        "作风，奋力推动教育高质量发展，为建设教育强市作出新的更大贡献。"))
    blocks.append(Block(role="signature", text=ORGAN))
    blocks.append(Block(role="date", text=DATE))
    return blocks


def sample_meta(**options: object) -> PlanMeta:
    return PlanMeta(title=TITLE, organ=ORGAN, region="某某市", year=2024, date="2024-01-10",
                    options=PlanOptions(signature=True, caption=CAPTION, **options))  # type: ignore[arg-type]


def example_cases() -> list[tuple[str, list[Block], PlanMeta]]:
    """The example plans (examples/*.yaml) rendered through the plan loader, the bundled
    catalogue and render_blocks, when they render (the catalogue may not be built yet)."""
    from drafter.catalog.load import load_catalogue
    from drafter.model.errors import DrafterError
    from drafter.plans.io import load_plan
    from drafter.render.blocks import render_blocks
    from drafter.util.paths import bundled_catalog_dir

    cases = []
    for path in sorted((ROOT / "examples").glob("*.yaml")):
        try:
            plan = load_plan(path)
            blocks = render_blocks(plan, load_catalogue(bundled_catalog_dir()))
        except DrafterError:
            continue
        if sum(b.role == "item" for b in blocks) >= 20:
            cases.append((path.name, blocks, plan.meta))
    return cases
