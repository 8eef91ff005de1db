"""Case 8: the TUI keeps only plans that load again, and never loses a recovery copy.

The TUI accepted a caption `{{ 会议.名称 }}` (only the title was checked), autosaved it, and after
a crash the recovery silently failed to load, offered nothing, and the next edit overwrote it;
the same plan saved with Ctrl+S could not be reopened. Now every rendered meta field is checked
in the dialog, save_plan refuses what would not load back, and an unreadable recovery copy is
moved aside and offered as text.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.model import DrafterError, Plan, PlanMeta, PlanOptions
from drafter.plans.io import save_plan
from drafter.tui import autosave
from drafter.tui.app import make_app
from drafter.tui.dialogs.confirm import ConfirmDialog
from drafter.tui.dialogs.edit_meta import meta_problems
from tests.tui_support import started, write_tui_catalogue

BAD = "{{ 会议.名称 }}"


@pytest.mark.parametrize("field", ["title", "caption", "organ"])
def test_every_rendered_meta_field_is_checked(field: str) -> None:
    values = {"title": "临江市2025年教育工作要点", "organ": "", "region": "", "year": "2025",
              "date": "", "caption": ""}
    values[field] = BAD
    assert any("不允许" in p for p in meta_problems(values))


def test_an_impossible_date_in_the_dialog() -> None:
    values = {"title": "标题", "organ": "", "region": "", "year": "2025",
              "date": "2025-02-30", "caption": ""}
    assert any("不存在" in p for p in meta_problems(values))


def test_save_refuses_a_plan_that_would_not_reopen(tmp_path: Path) -> None:
    plan = Plan(meta=PlanMeta(title="标题", options=PlanOptions(caption=BAD)))
    path = tmp_path / "plan.yaml"
    path.write_text("原来的内容", encoding="utf-8")
    with pytest.raises(DrafterError, match="不允许"):
        save_plan(plan, path)
    assert path.read_text(encoding="utf-8") == "原来的内容"


async def test_an_unreadable_recovery_copy_is_offered_as_text(tmp_path: Path) -> None:
    catalog = write_tui_catalogue(tmp_path / "catalog")
    copy = autosave.recovery_path(None)
    copy.parent.mkdir(parents=True, exist_ok=True)
    text = f"meta:\n  title: 我的未保存标题\n  options:\n    caption: '{BAD}'\n"
    copy.write_text(text, encoding="utf-8")
    app = make_app(catalog, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await started(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, ConfirmDialog)
        assert "无法按计划读取" in dialog.question and "我的未保存标题" in dialog.question
        aside = list(copy.parent.glob("*.unreadable-*.yaml"))
        assert len(aside) == 1 and aside[0].read_text(encoding="utf-8") == text
        await pilot.press("y")
        app.main.session.set_meta(PlanMeta(title="新的标题"))  # an edit: autosave runs
        app.main.refresh_views()
        await app.workers.wait_for_complete()
        assert aside[0].read_text(encoding="utf-8") == text  # never overwritten
        app.exit()
