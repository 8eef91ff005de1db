"""The plan outline: chapters with their headings, and their items in order.

Why: the outline is where a plan is arranged (add, remove, reorder, move). It redraws from
the plan it is handed, numbers items as the document will, marks custom items and variants,
counts missing (缺) and unconfirmed (待核实) values per item and per chapter, and posts
`PlanOutline.Selected` when the cursor moves. The screen does the editing; this widget never
changes the plan.
"""

from __future__ import annotations

from collections.abc import Mapping

from rich.text import Text
from textual.message import Message
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from drafter.model import DEFAULT_HEADINGS, Catalogue, Plan, PlanItem
from drafter.model.numbering import chapter_marker
from drafter.tui.controller.selection import CLOSING, PREAMBLE, Selection
from drafter.tui.controller.titles import item_title


def _marks(text: Text, gaps: int, pending: int) -> Text:
    """缺N (missing or invalid values) and 待核实M (values nobody confirmed) side by side."""
    if gaps:
        text.append(f" 缺{gaps}", style="bold yellow")
    if pending:
        text.append(f" 待核实{pending}", style="bold magenta")
    return text


def item_label(number: int, item: PlanItem, cat: Catalogue, gaps: int,
               pending: int = 0) -> Text:
    text = Text(f"{number}. ", style="bold")
    text.append(item_title(item, cat))
    if item.clause is None:
        text.append(" ✎自定义", style="cyan")
    elif item.lead is not None or item.body is not None:
        text.append(" ✎已改", style="cyan")
    if item.variant is not None:
        text.append(" 变体", style="magenta")
    if item.clause is not None and item.clause not in cat:
        text.append(" ⚠不在目录中", style="bold red")
    return _marks(text, gaps, pending)


class PlanOutline(Tree[Selection]):
    """Chapters → items, numbered like the document."""

    class Selected(Message):
        """The cursor moved to a chapter or an item."""

        def __init__(self, selection: Selection) -> None:
            super().__init__()
            self.selection = selection

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("计划", id=id)
        self.show_root = False
        self.guide_depth = 2
        self._wanted: Selection | None = None

    def show(self, plan: Plan, cat: Catalogue, selection: Selection | None,
             gaps: Mapping[tuple[int, int], int] | None = None,
             pending: Mapping[tuple[int, int], int] | None = None) -> None:
        """Redraw from `plan`; `gaps` counts missing values and `pending` 待核实 values per
        (chapter, item), 0-based; a chapter shows its items' sums."""
        gaps, pending = gaps or {}, pending or {}
        self.clear()
        target: TreeNode[Selection] | None = None
        continuous = plan.meta.options.numbering == "continuous"
        number = 0
        if plan.preamble is not None:
            leaf = self.root.add_leaf(Text("总体要求（开篇段落）", style="italic"), data=PREAMBLE)
            if selection == PREAMBLE:
                target = leaf
        for ci, chapter in enumerate(plan.chapters):
            heading = chapter.heading or DEFAULT_HEADINGS.get(chapter.key or "", "")
            label = Text(f"{chapter_marker(ci + 1)}{heading}", style="bold")
            if not chapter.items:
                label.append("（空）", style="dim")
            _marks(label, sum(n for (c, _), n in gaps.items() if c == ci),
                   sum(n for (c, _), n in pending.items() if c == ci))
            node = self.root.add(label, data=Selection(ci), expand=True)
            if selection == Selection(ci):
                target = node
            if not continuous:
                number = 0
            for ii, item in enumerate(chapter.items):
                number += 1
                leaf = node.add_leaf(item_label(number, item, cat, gaps.get((ci, ii), 0),
                                                pending.get((ci, ii), 0)),
                                     data=Selection(ci, ii))
                if selection == Selection(ci, ii):
                    target = leaf
        if plan.closing is not None:
            leaf = self.root.add_leaf(Text("结束语", style="italic"), data=CLOSING)
            if selection == CLOSING:
                target = leaf
        if not plan.chapters:
            self.root.add_leaf(Text("计划还是空的：在左侧目录中选中条目，按 a 加入。",
                                    style="dim"))
        # Node lines exist only after the next layout: move the cursor then. Until it gets
        # there, highlights of other nodes come from the rebuild, not from the user.
        self._wanted = selection if target is not None else None
        if target is not None:
            self.call_after_refresh(self._place, target)

    def _place(self, target: TreeNode[Selection]) -> None:
        """Put the cursor on the selected node; from now on every highlight is the user's.

        The pending mark is cleared here, not when a highlight of the target arrives: moving
        the cursor to the line it is already on posts no highlight, and a mark left pending
        would swallow the user's next moves (issue 9: `x` deleted the previously edited item).
        """
        self.move_cursor(target)
        self._wanted = None

    @property
    def highlighted(self) -> Selection | None:
        """What the cursor is on, once the redraw has placed it (None while it is pending)."""
        node = self.cursor_node
        if self._wanted is not None or node is None:
            return None
        return node.data

    def on_tree_node_highlighted(self, event: Tree.NodeHighlighted[Selection]) -> None:
        event.stop()
        data = event.node.data
        if self._wanted is not None or event.node is not self.cursor_node:
            return  # a highlight from the rebuild, or one the cursor has already left
        if data is not None:
            self.post_message(self.Selected(data))

    def on_tree_node_selected(self, event: Tree.NodeSelected[Selection]) -> None:
        event.stop()
