"""Undo and redo for the plan being edited: a stack of whole-plan snapshots.

Why: every plan edit (add, delete, move, reorder, text, values, meta) must be undoable, and
the edits live in several places (`PlanSession` methods, and methods other features add).
Recording snapshots of the whole plan, rather than one inverse command per kind of edit,
makes every edit that goes through `PlanSession.changed()` undoable without knowing what it
did. Plans are small (a few hundred items at most), so a deep copy per edit is cheap.
Plain Python: no Textual, no file I/O.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")
S = TypeVar("S")

LIMIT = 200  # edits kept; the oldest are dropped first


@dataclass(frozen=True)
class State(Generic[T, S]):
    """A private copy of the plan and where the user was in it."""

    plan: T
    selection: S | None


class History(Generic[T, S]):
    """Snapshots before each edit (undo) and after each undone edit (redo).

    `merge` coalesces runs of the same small edit (typing into one field) into one step, so
    undo does not go back one keystroke at a time.
    """

    def __init__(self, limit: int = LIMIT) -> None:
        self._undo: list[tuple[State[T, S], object]] = []
        self._redo: list[State[T, S]] = []
        self._limit = limit
        self._sealed = False

    def record(self, before: State[T, S], merge: object = None) -> None:
        """An edit was made; `before` is the state it started from."""
        self._redo.clear()
        sealed, self._sealed = self._sealed, False
        if merge is not None and not sealed and self._undo and self._undo[-1][1] == merge:
            return  # same field typed again: the step already holds the older state
        self._undo.append((before, merge))
        del self._undo[: -self._limit]

    def record_break(self) -> None:
        """The next record starts a new step even with the same merge key."""
        self._sealed = True

    def undo(self, current: State[T, S]) -> State[T, S] | None:
        if not self._undo:
            return None
        self._redo.append(current)
        self._sealed = True
        return self._undo.pop()[0]

    def redo(self, current: State[T, S]) -> State[T, S] | None:
        if not self._redo:
            return None
        self._undo.append((current, None))
        self._sealed = True
        return self._redo.pop()

    def clear(self) -> None:
        self._undo.clear()
        self._redo.clear()

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)


def snapshot(plan: T, selection: S | None) -> State[T, S]:
    return State(copy.deepcopy(plan), selection)
