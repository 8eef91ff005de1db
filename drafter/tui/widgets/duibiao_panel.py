"""The 对标 tab: check the plan against a superior's plan, and find clauses for what is missing.

Why: an unmatched superior task (未对应) is only useful with a way to answer it. The panel takes
a file (typed, or chosen with the 浏览… button's file picker; any format `drafter compare
--against` takes), compares in a worker with the same
library call the CLI makes (`drafter.compare.match.align`), lists unmatched tasks first, and on
enter posts `DuibiaoPanel.Search` with words from that task, so the screen can pre-fill the
catalogue search with them. Under each task it shows every answer the matcher kept and, dimmed,
the weaker candidates it set aside (`Row.near`), so the official sees the alternatives too. The
plan's rendered blocks come down from the screen with the
request (`compare(path, blocks, catalogue)`); the panel never reaches into its siblings.
"""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Button, Input, OptionList, Static
from textual.widgets.option_list import Option

from drafter.compare import (
    Alignment,
    Entry,
    Row,
    align,
    clean,
    entries_from_blocks,
    entries_from_document,
    words,
)
from drafter.model import Catalogue, DrafterError
from drafter.model.blocks import Block
from drafter.tui.dialogs.file_picker import picker


def search_words(entry: Entry, limit: int = 2) -> str:
    """The first content words of a superior item's lead (else its body): a catalogue query."""
    found = words(entry.lead) or words(entry.body)
    return " ".join(sorted(found[:limit], key=found.index))


def superior_entries(path: Path, catalogue: Catalogue) -> list[Entry]:
    """Items of the superior's plan: a plan file rendered leniently, or any document mined."""
    if path.suffix.lower() in (".yaml", ".yml"):
        from drafter.plans import load_plan
        from drafter.render import preview_blocks

        blocks, _ = preview_blocks(load_plan(path), catalogue)
        return entries_from_blocks(blocks)
    from drafter.mine import mine_file

    return entries_from_document(mine_file(path))


class DuibiaoPanel(Vertical):
    """File box, summary line and the list of superior tasks."""

    DEFAULT_CSS = """
    DuibiaoPanel { height: 1fr; }
    DuibiaoPanel > #duibiao-open { height: auto; }
    DuibiaoPanel > #duibiao-open > Input { width: 1fr; }
    DuibiaoPanel > #duibiao-open > Button { width: auto; min-width: 10; }
    DuibiaoPanel > #duibiao-summary { height: auto; padding: 0 1; }
    DuibiaoPanel > OptionList { height: 1fr; border: none; }
    """

    class Compare(Message):
        """The user asked to compare the plan with this file."""

        def __init__(self, path: Path) -> None:
            super().__init__()
            self.path = path

    class Search(Message):
        """Look for catalogue clauses that could answer a superior task."""

        def __init__(self, query: str, superior: Entry) -> None:
            super().__init__()
            self.query, self.superior = query, superior

    class Done(Message):
        def __init__(self, alignment: Alignment | None, error: str | None) -> None:
            super().__init__()
            self.alignment, self.error = alignment, error

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: list[Row] = []
        self.alignment: Alignment | None = None

    def compose(self) -> ComposeResult:
        with Horizontal(id="duibiao-open"):
            yield Input(placeholder="上级要点文件（.docx/.txt/.md/.yaml 等），回车开始对照",
                        id="duibiao-file")
            yield Button("浏览…", id="duibiao-browse")
        yield Static("对照上级要点：输入文件路径后回车，或按“浏览…”选择文件。未对应的任务排在最前，"
                     "选中后回车，在目录中查找能回应它的条目。", id="duibiao-summary")
        yield OptionList(id="duibiao-list")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id != "duibiao-file":
            return
        event.stop()
        value = event.value.strip().strip("'\"")
        if value:
            self.post_message(self.Compare(Path(value).expanduser()))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id != "duibiao-browse":
            return
        event.stop()
        typed = Path(self.query_one("#duibiao-file", Input).value.strip().strip("'\"")).expanduser()
        start = typed if typed.is_dir() else typed.parent if typed.parent.is_dir() else None
        self.app.push_screen(picker("superior", start if str(typed) != "." else None),
                             self._picked)

    def _picked(self, path: Path | None) -> None:
        """The picker's answer: fill the box (so the choice is visible and editable) and compare."""
        if path is None:
            return
        self.query_one("#duibiao-file", Input).value = str(path)
        self.post_message(self.Compare(path))

    def compare(self, path: Path, blocks: list[Block], catalogue: Catalogue) -> None:
        self.query_one("#duibiao-summary", Static).update(f"正在对照 {clean(str(path))} ……")
        self._run(path, list(blocks), catalogue)

    @work(thread=True, exclusive=True, group="duibiao", description="对标")
    def _run(self, path: Path, blocks: list[Block], catalogue: Catalogue) -> None:
        try:
            if not path.is_file():
                raise DrafterError.one("找不到该文件", file=str(path), hint="请检查路径")
            superior = superior_entries(path, catalogue)
            alignment = align(superior, entries_from_blocks(blocks), source=path.name)
        except DrafterError as exc:
            self.post_message(self.Done(None, str(exc)))
            return
        except OSError as exc:
            self.post_message(self.Done(None, f"无法读取 {path}：{exc.strerror or exc}"))
            return
        self.post_message(self.Done(alignment, None))

    def on_duibiao_panel_done(self, message: Done) -> None:
        message.stop()
        summary = self.query_one("#duibiao-summary", Static)
        if message.alignment is None:
            summary.update(Text(f"无法对照：{clean(message.error)}", style="bold red"))
            return
        self.show(message.alignment)

    def show(self, alignment: Alignment) -> None:
        self.alignment = alignment
        self.rows = alignment.unmatched + [r for r in alignment.rows if r.matched]
        missing = len(alignment.unmatched)
        self.query_one("#duibiao-summary", Static).update(
            f"上级任务 {len(alignment.rows)} 条：未对应 {missing} 条，"
            f"本级另有 {len(alignment.local)} 条本地工作。选中一条回车，在目录中查找可用条目。")
        options = []
        for row in self.rows:
            text = Text()
            sup = row.superior
            if row.matched:
                text.append("✓ ", style="green")
                text.append(f"{clean(sup.ref)} {clean(sup.title)}")
                for ans in row.answers:
                    text.append(f"\n    → {clean(ans.entry.ref)} {clean(ans.entry.title)}"
                                f"（{ans.score:.2f}）")
                near_label = "其他可能"
            else:
                text.append("✗ 未对应 ", style="bold red")
                text.append(f"{clean(sup.ref)} {clean(sup.title)}")
                near_label = "最接近"
            for ans in row.near:
                text.append(f"\n    · {near_label}：{clean(ans.entry.ref)} {clean(ans.entry.title)}"
                            f"（{ans.score:.2f}，未计入）", style="dim")
            options.append(Option(text))
        listing = self.query_one(OptionList)
        listing.set_options(options)
        if options:
            listing.highlighted = 0

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        index = event.option_index
        if 0 <= index < len(self.rows):
            superior = self.rows[index].superior
            self.post_message(self.Search(search_words(superior), superior))
