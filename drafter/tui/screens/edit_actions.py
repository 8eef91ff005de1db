"""The main screen's editing actions: add, remove, reorder, move, custom items, text, variants.

Why: each action asks the `PlanSession` to make one edit (opening a dialog first where the
user must say more) and then redraws. `check_action` hides the keys that do not apply, so
the footer only shows live keys. Mixed into `MainScreen`; no widgets are built here.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.widgets import Input

from drafter.model import DEFAULT_HEADINGS, PlanMeta
from drafter.tui.dialogs.confirm import ConfirmDialog
from drafter.tui.dialogs.edit_item import EditItemDialog, ItemText
from drafter.tui.dialogs.edit_meta import EditMetaDialog
from drafter.tui.dialogs.plan_choices import (
    MAIN_WORDING,
    chapter_key_dialog,
    move_dialog,
    variant_dialog,
)
from drafter.tui.dialogs.text_input import TextInputDialog
from drafter.tui.session import PREAMBLE, PlanSession, Selection
from drafter.tui.widgets.outline import item_title
from drafter.util.placeholders import placeholder_problems

if TYPE_CHECKING:
    from drafter.tui.screens.main import MainScreen

    _Base = MainScreen
else:
    _Base = object


class EditActions(_Base):
    """Plan edits bound to keys (see screens/commands.py)."""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        session = self.session
        if action in ("add_clause",):
            return session is not None and self.current_clause is not None
        if action == "leave_input":
            return isinstance(self.focused, Input)
        if session is None:
            return action in ("focus_search", "help", "request_quit", "show_tab",
                              "toggle_summary")
        item = session.selected_item()
        part = session.selected_part()
        if action == "remove_item":
            sel = session.chapter_selection()
            if part is not None:
                return True
            if sel is None:
                return False
            return item is not None or not session.plan.chapters[sel.chapter].items
        if action == "move_up":
            return session.can_move(-1)
        if action == "move_down":
            return session.can_move(1)
        if action == "move_chapter":
            return item is not None and len(session.plan.chapters) > 1
        if action == "edit_text":
            return item is not None or part is not None
        if action == "choose_variant":
            clause = session.selected_clause()
            return item is not None and clause is not None and bool(clause.variants)
        if action == "edit_heading":
            return session.chapter_selection() is not None
        if action == "render":
            return bool(session.plan.chapters)
        if action == "undo":
            return session.can_undo
        if action == "redo":
            return session.can_redo
        if action == "confirm_values":
            return bool(session.unconfirmed_at())
        if action == "confirm_chapter":
            return session.chapter_selection() is not None and bool(
                session.unconfirmed_at(whole_chapter=True))
        return True

    def after_edit(self, selection: Selection | None = None) -> None:
        if self.session is not None and selection is not None:
            self.session.selection = selection
        self.refresh_views()
        self.show_selected_detail()

    def autosave_draft(self, target: Selection | None,
                       apply: Callable[[PlanSession], object]) -> None:
        """Text typed in an open dialog goes into the recovery copy, not the plan (issue 13):
        a copy of the plan takes the draft in a shadow session, and that copy is autosaved."""
        session = self.session
        if session is None:
            return
        shadow = PlanSession(catalogue=session.catalogue, plan=copy.deepcopy(session.plan),
                             path=session.path, selection=target)
        apply(shadow)
        self.autosave(shadow.plan)

    def drop_draft(self) -> None:
        """A dialog cancelled: the recovery copy goes back to what the plan holds."""
        session = self.session
        if session is None:
            return
        if session.dirty:
            self.autosave()
        else:
            self.clear_recovery(session.path)

    def follow_highlight(self) -> None:
        """Before acting: the item the outline's cursor is on is the one acted on (issue 9:
        an action must never fall on an item the cursor has left)."""
        from drafter.tui.widgets.outline import PlanOutline

        session = self.session
        if session is None or self.query_one("#tabs").active != "tab-outline":
            return
        highlighted = self.query_one(PlanOutline).highlighted
        if highlighted is not None and highlighted != session.selection:
            self.on_plan_outline_selected(PlanOutline.Selected(highlighted))

    # ------------------------------------------------------------------ undo

    def action_undo(self) -> None:
        if self.session is not None and self.session.undo():
            self.after_edit()
            self.notify("已撤销上一步修改（Ctrl+Y 重做）", timeout=2)

    def action_redo(self) -> None:
        if self.session is not None and self.session.redo():
            self.after_edit()
            self.notify("已重做", timeout=2)

    # ------------------------------------------------------------------ items

    def action_add_clause(self) -> None:
        session, clause = self.session, self.current_clause
        if session is None or clause is None:
            return
        if session.contains(clause.id):
            self.notify(f"“{clause.lead or clause.id}”已在计划中，又加入了一次", timeout=3)
        session.add_clause(clause)
        self.after_edit()

    def action_remove_item(self) -> None:
        session = self.session
        if session is None:
            return
        self.follow_highlight()
        item = session.selected_item()
        part = session.selected_part()
        own_text = (item is not None and (item.clause is None or item.lead is not None
                                          or item.body is not None)) or (
            part is not None and part.text is not None)

        target = session.selection

        def remove(ok: bool | None = True) -> None:
            if not ok:
                return
            session.selection = target
            removed = session.remove_selected()
            if removed is not None:
                self.notify("已删除条目（Ctrl+Z 撤销）", timeout=3)
            self.after_edit()

        if not own_text:
            remove()
            return
        what = "自定义条目" if item is not None and item.clause is None else "已修改文字的条目"
        title = item_title(item, session.catalogue) if item is not None else "这一段"
        self.app.push_screen(
            ConfirmDialog(f"“{title}”是{what}，删除后其文字只能用 Ctrl+Z 撤销找回。\n确定删除吗？",
                          yes="删除", no="取消"), remove)

    def action_move_up(self) -> None:
        self.follow_highlight()
        if self.session is not None and self.session.move_selected(-1):
            self.after_edit()

    def action_move_down(self) -> None:
        self.follow_highlight()
        if self.session is not None and self.session.move_selected(1):
            self.after_edit()

    def action_move_chapter(self) -> None:
        self.follow_highlight()
        session = self.session
        if session is None or session.selection is None:
            return
        target = session.selection
        current = target.chapter

        def done(answer: str | None) -> None:
            session.selection = target
            if answer is not None and session.move_to_chapter(int(answer)):
                self.after_edit()

        self.app.push_screen(move_dialog(session.plan, current), done)

    def action_add_custom(self) -> None:
        """A custom item after the selection; with nothing selected, ask for its chapter."""
        session = self.session
        if session is None:
            return

        def done(answer: ItemText | None) -> None:
            if answer is None:
                self.drop_draft()
            else:
                session.selection = target
                session.add_custom(*answer)
                self.after_edit()

        def draft(text: ItemText) -> None:
            self.autosave_draft(target, lambda shadow: shadow.add_custom(*text))

        def write() -> None:
            nonlocal target
            target = session.selection
            self.app.push_screen(EditItemDialog("新增自定义条目（只属于本计划）", on_draft=draft,
                                                taken=session.value_names()), done)

        target = session.selection

        def chapter_chosen(key: str | None) -> None:
            if key is not None:
                session.selection = Selection(session.add_chapter(key))
                write()

        if session.chapter_selection() is None:
            self.app.push_screen(chapter_key_dialog(), chapter_chosen)
        else:
            write()

    def action_edit_text(self) -> None:
        self.follow_highlight()
        session = self.session
        if session is not None and session.selected_part() is not None:
            self.edit_part_text()
            return
        item = session.selected_item() if session else None
        if session is None or item is None:
            return
        lead, body = session.wording(item)
        target = session.selection
        values = {s.name: session.plan.values[s.name] for s in item.slots
                  if s.name in session.plan.values}

        def done(answer: ItemText | None) -> None:
            session.selection = target
            if answer is None:
                self.drop_draft()
            elif session.set_text(*answer):
                self.after_edit()

        def draft(text: ItemText) -> None:
            self.autosave_draft(target, lambda shadow: shadow.set_text(*text))

        self.app.push_screen(EditItemDialog("修改本条文字（只改本计划，不改目录）", lead, body,
                                            on_draft=draft, slots=item.slots, values=values,
                                            taken=session.value_names()), done)

    def edit_part_text(self) -> None:
        """The preamble or closing paragraph, for this plan only."""
        session = self.session
        assert session is not None
        title = "修改总体要求段落" if session.selection == PREAMBLE else "修改结束语"

        target = session.selection

        def done(answer: ItemText | None) -> None:
            if answer is None:
                self.drop_draft()
            elif session.set_part_text(answer[1]):
                self.after_edit()

        def draft(text: ItemText) -> None:
            self.autosave_draft(target, lambda shadow: shadow.set_part_text(text.body))

        dialog = EditItemDialog(f"{title}（只改本计划，不改目录）", "", session.part_text(),
                                with_lead=False, on_draft=draft)
        self.app.push_screen(dialog, done)

    def action_choose_variant(self) -> None:
        self.follow_highlight()
        session = self.session
        clause = session.selected_clause() if session else None
        item = session.selected_item() if session else None
        if session is None or clause is None or item is None:
            return

        def done(answer: str | None) -> None:
            if answer is None:
                return
            variant = None if answer == MAIN_WORDING else answer
            if session.set_variant(variant):
                self.show_detail(clause, variant)
                self.after_edit()

        self.app.push_screen(variant_dialog(clause, item.variant), done)

    # ------------------------------------------------------------------ chapters and meta

    def action_edit_heading(self) -> None:
        self.follow_highlight()
        session = self.session
        sel = session.chapter_selection() if session else None
        if session is None or sel is None:
            return
        ci = sel.chapter
        chapter = session.plan.chapters[ci]
        current = chapter.heading or DEFAULT_HEADINGS.get(chapter.key or "", "")

        def check(text: str) -> str | None:
            problems = placeholder_problems(text)
            return "；".join(problems) if problems else None

        def done(answer: str | None) -> None:
            if answer is not None and session.set_heading(ci, answer):
                self.after_edit()

        self.app.push_screen(TextInputDialog("章标题：", current, validate=check), done)

    def action_edit_meta(self) -> None:
        session = self.session
        if session is None:
            return

        def done(answer: PlanMeta | None) -> None:
            if answer is not None and answer != session.plan.meta:
                session.set_meta(answer)
                self.after_edit()

        self.app.push_screen(EditMetaDialog(session.plan.meta), done)
