"""Issue 11: a clause mined from a page that cut it is flagged ⚠ in the TUI's clause tree, and
its detail names the flag (real app, driven through the pilot)."""

from __future__ import annotations

from pathlib import Path

from drafter.mine.catalogue_build import build_catalogue
from drafter.mine.pipeline import mine_file
from drafter.model.clause import INCOMPLETE_FLAG
from drafter.tui.app import make_app
from drafter.tui.widgets.catalogue_tree import ClauseTree
from drafter.tui.widgets.clause_detail import clause_text
from tests.tui_support import started

SIZE = (120, 40)


async def test_incomplete_clause_is_flagged_in_the_tree(tmp_path: Path) -> None:
    page = tmp_path / "网页.txt"
    page.write_text("2023年教育局工作要点\n一、加强教师队伍建设\n"
                    "1.加强师德师风建设。开展师德专题教育。\n"
                    "2.实施名师培养工程。遴选一批名师，建设工作\n", encoding="utf-8")
    catalogue = build_catalogue([mine_file(page)])
    app = make_app(None, None, catalogue=catalogue)
    async with app.run_test(size=SIZE) as pilot:
        await started(app, pilot)
        tree = app.screen.query_one(ClauseTree)
        chapter = next(n for n in tree.root.children if n.data == "教师队伍")
        chapter.expand()
        await pilot.pause()
        labels = {str(leaf.label): leaf.data for leaf in chapter.children}
        flagged = [label for label in labels if "⚠" in label]
        assert len(flagged) == 1 and "实施名师培养工程" in flagged[0]
        assert not any("⚠" in label for label in labels if "师德师风" in label)
        assert INCOMPLETE_FLAG in clause_text(labels[flagged[0]]).plain
