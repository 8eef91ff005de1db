"""The main screen's task-table action: edit the selected item's 责任单位 and 完成时限.

Kept apart from edit_actions so the task table's editing stays one small mixin: it opens
`EditTaskDialog`, writes the answer into the plan item and redraws. Mixed into `MainScreen`
before the other action mixins (its `check_action` handles only its own action).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from drafter.tui.dialogs.edit_task import EditTaskDialog, TaskFields

if TYPE_CHECKING:
    from drafter.tui.screens.main import MainScreen

    _Base = MainScreen
else:
    _Base = object


class TaskActions(_Base):
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "edit_task":
            session = self.session
            return session is not None and session.selected_item() is not None
        return super().check_action(action, parameters)

    def action_edit_task(self) -> None:
        session = self.session
        item = session.selected_item() if session is not None else None
        if session is None or item is None:
            return
        clause = session.catalogue.get(item.clause) if item.clause else None
        owners = item.owners if item.owners is not None else (clause.owners if clause else None)
        lead, _ = session.wording(item)
        title = f"责任单位和完成时限：{(lead or item.clause or '')[:30]}"

        def done(answer: TaskFields | None) -> None:
            if answer is None:
                return
            new_owners, deadline = answer
            if (new_owners, deadline) == (item.owners, item.deadline):
                return
            item.owners, item.deadline = new_owners, deadline
            session.changed()
            self.after_edit()

        self.app.push_screen(EditTaskDialog(title, owners, item.deadline), done)
