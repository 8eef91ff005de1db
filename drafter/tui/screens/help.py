"""The help screen (?): what each part of the screen is for and every key, in Chinese."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from drafter.tui.screens.commands import COMMANDS

INTRO = """\
左侧：条目目录。按章浏览，或按 / 输入关键词搜索（可输入中文，错一字也能找到）。
　　　下方显示选中条目的全文：黄色底的是待填参数；还有各地的不同措辞（变体）、
　　　来源和检查提示。
右侧：大纲（计划的章和条目）、参数（所有待填数值）、预览（生成后的样子）、
　　　检查（问题清单，回车跳到对应条目）。按 1–4 切换。
在输入框里按 Esc 回到列表，字母和数字键就又是命令了。
每次修改都会自动保存一份恢复副本；意外关闭后再次打开，会询问是否恢复。
条目目录文件不会被修改。鼠标可以点击、滚动；Ctrl+P 打开命令面板。"""


def keys_table() -> Table:
    table = Table(show_header=True, header_style="bold", box=None, padding=(0, 2))
    table.add_column("按键", no_wrap=True)
    table.add_column("操作", no_wrap=True)
    table.add_column("说明")
    for c in COMMANDS:
        key = c.key_label or c.keys.split(",")[0]
        table.add_row(Text(key, style="bold cyan"), c.name, c.help)
    table.add_row(Text("Ctrl+P", style="bold cyan"), "命令面板", "搜索并执行任何操作")
    table.add_row(Text("Tab", style="bold cyan"), "切换焦点", "在搜索框、目录、大纲、参数之间移动")
    return table


class HelpScreen(ModalScreen[None]):
    """Keys and a short guide; any of escape, q or ? closes it."""

    BINDINGS = [
        Binding("escape,q,question_mark", "close", "关闭"),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help", classes="dialog dialog-large"):
            yield Static(Text("drafter 使用说明", style="bold"), classes="dialog-question")
            yield Static(INTRO)
            yield Static(keys_table())
            yield Static(Text("按 Esc 或 ? 关闭", style="dim"))

    def action_close(self) -> None:
        self.dismiss(None)
