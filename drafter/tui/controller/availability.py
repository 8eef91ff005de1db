"""When each action of the main screen applies: one rule per action over the plan session.

Why: the footer and the command palette must show only keys that do something now, and the
screen must not run an action that does not apply; both ask `applies`. Plain Python.
"""

from __future__ import annotations

from collections.abc import Callable

from drafter.tui.controller.session import PlanSession

# the actions that apply before a plan is loaded
BEFORE_LOAD = ("focus_search", "help", "request_quit", "show_tab", "toggle_summary")


def applies(action: str, session: PlanSession | None) -> bool:
    """Whether `action` applies to the session as it is (None: nothing loaded yet)."""
    if session is None:
        return action in BEFORE_LOAD
    rule = _RULES.get(action)
    return True if rule is None else rule(session)


def _can_remove(s: PlanSession) -> bool:
    sel = s.chapter_selection()
    if s.selected_part() is not None:
        return True
    if sel is None:
        return False
    return s.selected_item() is not None or not s.plan.chapters[sel.chapter].items


def _has_variants(s: PlanSession) -> bool:
    clause = s.selected_clause()
    return s.selected_item() is not None and clause is not None and bool(clause.variants)


# action → when it applies (an action not listed always applies once a plan is loaded)
_RULES: dict[str, Callable[[PlanSession], bool]] = {
    "remove_item": _can_remove,
    "move_up": lambda s: s.can_move(-1),
    "move_down": lambda s: s.can_move(1),
    "move_chapter": lambda s: s.selected_item() is not None and len(s.plan.chapters) > 1,
    "edit_text": lambda s: s.selected_item() is not None or s.selected_part() is not None,
    "choose_variant": _has_variants,
    "edit_heading": lambda s: s.chapter_selection() is not None,
    "edit_task": lambda s: s.selected_item() is not None,
    "render": lambda s: bool(s.plan.chapters),
    "render_as": lambda s: bool(s.plan.chapters),
    "undo": lambda s: s.can_undo,
    "redo": lambda s: s.can_redo,
    "confirm_values": lambda s: bool(s.unconfirmed_at()),
    "confirm_chapter": lambda s: s.chapter_selection() is not None and bool(
        s.unconfirmed_at(whole_chapter=True)),
}
