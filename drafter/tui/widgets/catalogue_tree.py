"""The catalogue as a tree: the seven chapter keys with counts, clauses by lead phrase.

Why: browsing by chapter is how an official finds clauses without a word to search for.
Chapter nodes are filled only when opened, a page at a time, so a catalogue of 40,000
clauses opens instantly. The tree only shows what it is given and posts
`ClauseTree.Highlighted`; it never reads files or reaches into other widgets.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.message import Message
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from drafter.model import CHAPTER_KEYS, Catalogue, Clause

PAGE = 200  # clause nodes added per expansion step


@dataclass(frozen=True)
class _More:
    """A "load more" node: the chapter key and where the next page starts."""

    key: str
    start: int


NodeData = Clause | str | _More


def clause_title(clause: Clause, width: int = 40) -> str:
    """A clause's short name: its lead phrase, else the start of its body."""
    title = clause.lead or clause.body
    title = " ".join(title.split())
    return title if len(title) <= width else title[: width - 1] + "…"


class ClauseTree(Tree[NodeData]):
    """Chapters → clauses, filled lazily."""

    class Highlighted(Message):
        """The cursor is on a clause (None when it is on a chapter)."""

        def __init__(self, clause: Clause | None) -> None:
            super().__init__()
            self.clause = clause

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("目录", id=id)
        self.show_root = False
        self.auto_expand = False  # chapters open synchronously, see _toggle_chapter
        self._catalogue: Catalogue | None = None
        self._hide_summary = False

    def show(self, catalogue: Catalogue, *, hide_summary: bool = False) -> None:
        """Show a catalogue; chapter nodes start collapsed and fill on expansion."""
        self._catalogue = catalogue
        self._hide_summary = hide_summary
        self.clear()
        for key in CHAPTER_KEYS:
            count = len(self._clauses(key))
            label = Text.assemble((key, "bold"), (f"（{count}）", "dim"))
            self.root.add(label, data=key, allow_expand=count > 0)
        self.root.expand()

    def _clauses(self, key: str) -> list[Clause]:
        if self._catalogue is None:
            return []
        clauses = self._catalogue.chapters.get(key, [])
        if self._hide_summary:
            return [c for c in clauses if c.kind != "summary"]
        return clauses

    def _fill(self, node: TreeNode[NodeData], key: str, start: int) -> None:
        clauses = self._clauses(key)
        for clause in clauses[start : start + PAGE]:
            label = Text(clause_title(clause))
            if clause.kind == "summary":
                label.append("（总结）", style="dim")
            if clause.flags:
                label.append(" ⚠", style="bold red")  # check flags: details in the pane
            node.add_leaf(label, data=clause)
        rest = len(clauses) - start - PAGE
        if rest > 0:
            node.add_leaf(Text(f"……还有 {rest} 条，回车加载", style="italic dim"),
                          data=_More(key, start + PAGE))

    def on_tree_node_expanded(self, event: Tree.NodeExpanded[NodeData]) -> None:
        node = event.node
        if isinstance(node.data, str) and not node.children:
            self._fill(node, node.data, 0)

    def on_tree_node_selected(self, event: Tree.NodeSelected[NodeData]) -> None:
        node = event.node
        if isinstance(node.data, str):  # a click on a chapter's name
            self._toggle_chapter(node)
        elif isinstance(node.data, _More) and node.parent is not None:
            more, parent = node.data, node.parent
            node.remove()
            self._fill(parent, more.key, more.start)

    def _toggle_chapter(self, node: TreeNode[NodeData]) -> None:
        """Open or close a chapter at once (filled first), so keys typed ahead ("enter",
        "down") land on its first clause rather than on the next chapter."""
        if isinstance(node.data, str) and not node.children:
            self._fill(node, node.data, 0)
        node.toggle()

    def action_select_cursor(self) -> None:
        node = self.cursor_node
        if node is not None and isinstance(node.data, str):
            self._toggle_chapter(node)
        else:
            super().action_select_cursor()

    def action_toggle_node(self) -> None:
        node = self.cursor_node
        if node is not None and isinstance(node.data, str):
            self._toggle_chapter(node)

    def on_tree_node_highlighted(self, event: Tree.NodeHighlighted[NodeData]) -> None:
        event.stop()
        data = event.node.data
        self.post_message(self.Highlighted(data if isinstance(data, Clause) else None))

    @property
    def current_clause(self) -> Clause | None:
        node = self.cursor_node
        return node.data if node is not None and isinstance(node.data, Clause) else None

    def reveal(self, clause: Clause) -> bool:
        """Expand the clause's chapter and put the cursor on it (when it is on a loaded page)."""
        for chapter in self.root.children:
            if chapter.data != clause.chapter:
                continue
            chapter.expand()
            if not chapter.children:
                self._fill(chapter, clause.chapter, 0)
            for node in chapter.children:
                if node.data is clause:
                    self.move_cursor(node)
                    return True
        return False
