"""A small fixed catalogue for the TUI tests and snapshots (deterministic, every feature used),
and the plan file those tests open.

One clause per chapter key at least, a 师德 clause with a variant, typed slots (integer with a
unit, percent with a default, year), a summary-kind clause, a preamble and a closing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from drafter.model import (
    Catalogue,
    Clause,
    Plan,
    PlanChapter,
    PlanItem,
    PlanMeta,
    Slot,
    Source,
    Variant,
)
from drafter.plans.io import save_plan

SRC_A = Source(file="001_示例.txt", marker="1.", year=2024, region="甲市",
               title="甲市2024年教育工作要点")
SRC_B = Source(file="002_示例.txt", marker="3.", year=2023, region="乙县",
               title="乙县2023年教育工作要点")


def tui_catalogue() -> Catalogue:
    cat = Catalogue()
    for clause in (
        Clause(id="zt-000001", chapter="总体要求", kind="preamble", lead="",
               body="{{ 年份 }}年，全{{ 地区 }}教育工作的总体要求是：坚持立德树人，"
                    "办好人民满意的教育。",
               sources=[SRC_A]),
        Clause(id="dj-000001", chapter="党建", lead="加强教育系统党的建设",
               body="落实全面从严治党主体责任，开展党支部标准化建设，"
                    "建成示范党支部{{ 示范支部数 }}个。",
               slots=[Slot("示范支部数", "示范党支部", "integer", "个", None)],
               tags=["党建"], owners=["组织人事科"], sources=[SRC_A]),
        Clause(id="dj-000002", chapter="党建", lead="落实意识形态工作责任制",
               body="定期研判意识形态领域情况，守好课堂、讲坛阵地。", sources=[SRC_B],
               flags=["提示：示例检查标记"]),
        Clause(id="wy-000001", chapter="五育并举", lead="深化思政课一体化建设",
               body="推进大中小学思政课一体化，开展思政课优质课评选。", tags=["思政"],
               sources=[SRC_A]),
        Clause(id="gj-000001", chapter="各级各类教育", lead="推进学前教育普及普惠",
               body="新建公办幼儿园{{ 新建幼儿园数 }}所，普惠性幼儿园覆盖率达到{{ 普惠率 }}%。",
               slots=[Slot("新建幼儿园数", "新建公办幼儿园", "integer", "所", None),
                      Slot("普惠率", "普惠性幼儿园覆盖率", "percent", "%", 90)],
               tags=["学前"], sources=[SRC_A]),
        Clause(id="js-000001", chapter="教师队伍", lead="加强师德师风建设",
               body="开展师德专题教育，全年培训教师{{ 培训人数 }}人次，师德失范行为零容忍。",
               slots=[Slot("培训人数", "教师培训", "integer", "人次", None)],
               tags=["师德师风"], owners=["教师工作科"], sources=[SRC_A, SRC_B],
               variants=[Variant(id="js-000001/2", lead="持续强化师德师风建设",
                                 body="健全师德建设长效机制，完成教师培训{{ 培训人数 }}人次。",
                                 slots=[Slot("培训人数", "教师培训", "integer", "人次", None)],
                                 source=SRC_B)]),
        Clause(id="js-000002", chapter="教师队伍", lead="深化县管校聘改革",
               body="推进义务教育教师交流轮岗，交流比例不低于{{ 交流比例 }}%。",
               slots=[Slot("交流比例", "教师交流比例", "percent", "%", 10)], sources=[SRC_B]),
        Clause(id="gg-000001", chapter="教育改革", lead="推进教育数字化转型",
               body="建设智慧校园{{ 智慧校园数 }}所，到{{ 年份 + 1 }}年实现全覆盖。",
               slots=[Slot("智慧校园数", "智慧校园", "integer", "所", 5)], sources=[SRC_A]),
        Clause(id="bz-000001", chapter="保障", lead="守牢校园安全底线",
               body="开展校园安全隐患排查整治，确保全年不发生重大安全责任事故。",
               tags=["安全"], sources=[SRC_A]),
        Clause(id="bz-000002", chapter="保障", kind="summary", lead="教育投入持续加大",
               body="全年教育经费投入{{ 经费 }}亿元。",
               slots=[Slot("经费", "教育经费", "decimal", "亿元", 12.5)], sources=[SRC_B]),
        Clause(id="zt-000002", chapter="总体要求", kind="closing", lead="",
               body="让我们奋发有为，为加快建设教育强{{ 地区 }}而努力奋斗！", sources=[SRC_A]),
    ):
        cat.add(clause)
    return cat


def write_tui_catalogue(dir: Path) -> Path:
    """The fixture catalogue written as a catalogue folder (B2's writer), for make_app(dir)."""
    from drafter.catalog.dump import write_catalogue

    write_catalogue(tui_catalogue(), dir)
    return dir


# --------------------------------------------------------------------------- pilot helpers

TYPED: dict[str, str] = {"integer": "12", "percent": "95", "decimal": "3.5", "year": "2026",
                         "text": "临江"}
GLOBAL_TYPED: dict[str, str] = {"地区": "临江市", "单位": "临江市教育局", "年份": "2026"}


async def started(app, pilot) -> None:  # type: ignore[no-untyped-def]
    """Wait until the catalogue and the plan are loaded and the panes drawn."""
    await app.workers.wait_for_complete()
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


async def clear_input(pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("ctrl+a", "ctrl+k")


async def type_text(pilot, text: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.press(*text)
    await pilot.pause()


async def pick_first_in_chapter(app, pilot, key: str) -> object:  # type: ignore[no-untyped-def]
    """With the keyboard: walk the catalogue tree to chapter `key`, open it, add its first
    clause with `a`. Returns the clause added."""
    screen = app.screen
    tree = screen.query_one("#catalogue")
    tree.focus()
    await pilot.pause()
    for _ in range(200):
        node = tree.cursor_node
        if node is not None and node.data == key:
            break
        await pilot.press("down")
    else:
        raise AssertionError(f"chapter {key} not reached")
    if not tree.cursor_node.is_expanded:
        await pilot.press("enter")
    await pilot.press("down")
    await pilot.pause()
    clause = screen.current_clause
    assert clause is not None and clause.chapter == key
    await pilot.press("a")
    await pilot.pause()
    return clause


def chapter(key: str, heading: str, *clauses: str) -> PlanChapter:
    return PlanChapter(key=key, heading=heading, items=[PlanItem(clause=c) for c in clauses])


def saved_plan(tmp_path: Path, *chapters: PlanChapter, year: int = 2026, **fields: Any) -> Path:
    """A 临江市 plan of `chapters` (and any other Plan fields) saved as tmp_path/计划.yaml."""
    plan = Plan(meta=PlanMeta(region="临江市", organ="临江市教育局", year=year),
                chapters=list(chapters), **fields)
    path = tmp_path / "计划.yaml"
    save_plan(plan, path)
    return path
