"""The messages the main screen's workers post back to it (loading, checks, redraws).

Why: workers run in threads and hand their result to the UI thread as one message each; kept
here so the screen module holds only what it does with them. Rendered / DocumentImported /
EditsCompared live beside the dialogs that start their workers.
"""

from __future__ import annotations

from pathlib import Path

from textual.message import Message

from drafter.model import Catalogue, Plan
from drafter.tui.checks import CheckEntry


class PlanLoaded(Message):
    """The catalogue and the plan are read."""

    def __init__(self, catalogue: Catalogue, plan: Plan, path: Path | None) -> None:
        super().__init__()
        self.catalogue, self.plan, self.path = catalogue, plan, path


class LoadFailed(Message):
    def __init__(self, error: str) -> None:
        super().__init__()
        self.error = error


class Checked(Message):
    """The checks of one revision of the plan are done."""

    def __init__(self, entries: list[CheckEntry], revision: int) -> None:
        super().__init__()
        self.entries, self.revision = entries, revision


class Refreshed(Message):
    """Every pane shows the current plan (posted after each redraw)."""

    def __init__(self, revision: int) -> None:
        super().__init__()
        self.revision = revision
