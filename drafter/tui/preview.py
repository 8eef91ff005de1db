"""The TUI preview: the plan through the one lenient renderer `drafter check` also uses.

Why: a plan being drafted always has gaps, and the preview must still show the whole document,
exactly as `drafter check` and `drafter build` see it. So the preview calls
`render.blocks.preview_blocks` (gaps shown as 【待填：标签】/【有误：标签】, unknown ids as marked
lines) and keeps the plan's resolved view for the values form and the checks panel. Nothing
here renders on its own or writes files.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from drafter.model import Block, Catalogue, DrafterError, Plan
from drafter.model.resolve import ResolvedPlan, SlotUse, resolve


@dataclass
class Preview:
    """What the preview pane and the checks panel show."""

    blocks: list[Block] = field(default_factory=list)
    text: str = ""
    resolved: ResolvedPlan | None = None
    error: str | None = None  # a problem no marker can stand in for (a broken skeleton)

    @property
    def uses(self) -> list[SlotUse]:
        return self.resolved.uses if self.resolved is not None else []

    @property
    def gaps(self) -> list[SlotUse]:
        """Uses that still need a value (missing or invalid); globals only when some text
        uses them."""
        if self.resolved is None:
            return []
        used = self.resolved.used_globals()
        return [u for u in self.uses if (u.origin == "missing" or u.error)
                and (u.part != "global" or u.name in used)]

    @property
    def unconfirmed(self) -> list[SlotUse]:
        """Values printed but not confirmed (去年, 目录默认值, 沿用): 待核实."""
        return self.resolved.unconfirmed() if self.resolved is not None else []


def build_preview(plan: Plan, cat: Catalogue) -> Preview:
    """Render the plan for the preview; never raises for a user's mistake."""
    from drafter.render import blocks_to_text, preview_blocks

    resolved = resolve(plan, cat)
    try:
        blocks, _problems = preview_blocks(plan, cat)
    except DrafterError as exc:
        return Preview(resolved=resolved, error=str(exc))
    return Preview(blocks=blocks, text=blocks_to_text(blocks), resolved=resolved)
