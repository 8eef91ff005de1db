"""The main screen's edit actions that ask first: delete (when the user's own text would go),
move to a chapter, custom items, text, variants, headings, title options, task fields.

Why: each opens one dialog and, with the answer, calls one `PlanSession` edit through the
screen's controller, then redraws. Functions of the screen (composition, not a mixin): they
use only its public face — `controller`, `session`, `after_edit`, `follow_highlight`. The
selection at the time of asking is restored before the edit (issue 9: the cursor may move
while a dialog is open).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from drafter.model import PlanMeta
from drafter.tui.controller.selection import Selection
from drafter.tui.controller.session import PlanSession
from drafter.tui.dialogs.confirm import ConfirmDialog
from drafter.tui.dialogs.edit_item import EditItemDialog, ItemText
from drafter.tui.dialogs.edit_meta import EditMetaDialog
from drafter.tui.dialogs.edit_task import EditTaskDialog, TaskFields
from drafter.tui.dialogs.plan_choices import (
    MAIN_WORDING,
    chapter_key_dialog,
    move_dialog,
    variant_dialog,
)
from drafter.tui.dialogs.text_input import TextInputDialog
from drafter.tui.screens import file_dialogs
from drafter.util.placeholders import placeholder_problems

if TYPE_CHECKING:
    from collections.abc import Callable

    from drafter.tui.screens.main import MainScreen


def remove_item(screen: MainScreen) -> None:
    """Remove the selection; text the user wrote is asked about first."""
    session = screen.session
    if session is None:
        return
    screen.follow_highlight()
    target = session.selection
    question = screen.controller.removal_question()

    def remove(ok: bool | None = True) -> None:
        if not ok:
            return
        notice = screen.controller.remove(target)
        if notice is not None:
            screen.notify(notice, timeout=3)
        screen.after_edit()

    if question is None:
        remove()
    else:
        screen.app.push_screen(ConfirmDialog(question, yes="删除", no="取消"), remove)


def move_chapter(screen: MainScreen) -> None:
    screen.follow_highlight()
    session = screen.session
    if session is None or session.selection is None:
        return
    target = session.selection

    def done(answer: str | None) -> None:
        session.selection = target
        if answer is not None and session.move_to_chapter(int(answer)):
            screen.after_edit()

    screen.app.push_screen(move_dialog(session.plan, target.chapter), done)


def add_custom(screen: MainScreen) -> None:
    """A custom item after the selection; with nothing selected, ask for its chapter."""
    session = screen.session
    if session is None:
        return

    target = session.selection

    def done(answer: ItemText | None) -> None:
        if answer is None:
            file_dialogs.drop_draft(screen)
            return
        session.selection = target
        session.add_custom(*answer)
        screen.after_edit()

    def draft(text: ItemText) -> None:  # typed but not kept: the recovery copy (issue 13.15)
        _autosave_draft(screen, target, lambda shadow: shadow.add_custom(*text))

    def write() -> None:
        nonlocal target
        target = session.selection
        screen.app.push_screen(EditItemDialog("新增自定义条目（只属于本计划）", on_draft=draft,
                                              taken=session.value_names()), done)

    def chapter_chosen(key: str | None) -> None:
        if key is not None:
            session.selection = Selection(session.add_chapter(key))
            write()

    if session.chapter_selection() is None:
        screen.app.push_screen(chapter_key_dialog(), chapter_chosen)
    else:
        write()


def _autosave_draft(screen: MainScreen, target: Selection | None,
                    apply: Callable[[PlanSession], object]) -> None:
    """Text typed in an open dialog goes into the recovery copy, not the plan (issue 13)."""
    draft = screen.controller.draft(target, apply)
    if draft is not None:
        screen.autosave(draft)


def edit_text(screen: MainScreen) -> None:
    """The selected item's (or preamble's / closing's) text, for this plan only."""
    screen.follow_highlight()
    session = screen.session
    if session is not None and session.selected_part() is not None:
        _edit_part_text(screen, session)
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
            file_dialogs.drop_draft(screen)
        elif session.set_text(*answer):
            screen.after_edit()

    def draft(text: ItemText) -> None:
        _autosave_draft(screen, target, lambda shadow: shadow.set_text(*text))

    screen.app.push_screen(EditItemDialog("修改本条文字（只改本计划，不改目录）", lead, body,
                                          on_draft=draft, slots=item.slots, values=values,
                                          taken=session.value_names()), done)


def _edit_part_text(screen: MainScreen, session: PlanSession) -> None:
    title = screen.controller.part_title()
    target = session.selection

    def done(answer: ItemText | None) -> None:
        if answer is None:
            file_dialogs.drop_draft(screen)
        elif session.set_part_text(answer[1]):
            screen.after_edit()

    def draft(text: ItemText) -> None:
        _autosave_draft(screen, target, lambda shadow: shadow.set_part_text(text.body))

    screen.app.push_screen(EditItemDialog(f"{title}（只改本计划，不改目录）", "",
                                          session.part_text(), with_lead=False,
                                          on_draft=draft), done)


def choose_variant(screen: MainScreen) -> None:
    screen.follow_highlight()
    session = screen.session
    clause = session.selected_clause() if session else None
    item = session.selected_item() if session else None
    if session is None or clause is None or item is None:
        return

    def done(answer: str | None) -> None:
        if answer is None:
            return
        variant = None if answer == MAIN_WORDING else answer
        if session.set_variant(variant):
            screen.show_detail(clause, variant)
            screen.after_edit()

    screen.app.push_screen(variant_dialog(clause, item.variant), done)


def edit_heading(screen: MainScreen) -> None:
    screen.follow_highlight()
    session = screen.session
    heading = screen.controller.heading()
    if session is None or heading is None:
        return
    chapter, current = heading

    def check(text: str) -> str | None:
        problems = placeholder_problems(text)
        return "；".join(problems) if problems else None

    def done(answer: str | None) -> None:
        if answer is not None and session.set_heading(chapter, answer):
            screen.after_edit()

    screen.app.push_screen(TextInputDialog("章标题：", current, validate=check), done)


def edit_meta(screen: MainScreen) -> None:
    session = screen.session
    if session is None:
        return

    def done(answer: PlanMeta | None) -> None:
        if answer is not None and answer != session.plan.meta:
            session.set_meta(answer)
            screen.after_edit()

    screen.app.push_screen(EditMetaDialog(session.plan.meta), done)


def edit_task(screen: MainScreen) -> None:
    """The selected item's 责任单位 and 完成时限 (the task table)."""
    session = screen.session
    form = screen.controller.task_form()
    if session is None or form is None:
        return
    target = session.selection

    def done(answer: TaskFields | None) -> None:
        if answer is None:
            return
        session.selection = target
        if session.set_task(*answer):
            screen.after_edit()

    screen.app.push_screen(EditTaskDialog(form.title, form.owners, form.deadline), done)
