"""Choosing a file: recent files first, then a real file picker (textual-fspicker).

`recent_dialog` lists the recent files of a kind with "浏览…" (the picker) and "输入路径…";
`picker` is textual-fspicker's FileOpen with Chinese labels and a filter for the formats that
apply. Both only return a choice; the screen acts on it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from rich.text import Text
from textual_fspicker import FileOpen, Filters

from drafter.model.formats import DOCUMENT_SUFFIXES, PLAN_SUFFIXES
from drafter.tui.dialogs.choice import Choice, ChoiceDialog

BROWSE, TYPE_PATH = "@browse", "@type"


class ChineseFileOpen(FileOpen):
    """FileOpen with its messages in Chinese."""

    ERROR_PERMISSION_ERROR = "没有权限打开该文件夹"
    ERROR_A_FILE_MUST_BE_CHOSEN = "请选择一个文件"
    ERROR_A_FILE_MUST_EXIST = "文件不存在"


def _suffixes(suffixes: tuple[str, ...]) -> Callable[[Path], bool]:
    return lambda path: path.suffix.lower() in suffixes


def picker(kind: str, start: Path | None = None) -> ChineseFileOpen:
    """A file picker for plans (.yaml), documents (every format drafter reads) or a superior's
    plan (`superior`: either)."""
    if kind == "superior":
        label = "上级要点（.docx .doc .wps .pdf .html .txt .yaml …）"
        filters = Filters((label, _suffixes((*DOCUMENT_SUFFIXES, *PLAN_SUFFIXES))),
                          ("全部文件", lambda _: True))
        title = "选择上级要点文件"
    elif kind == "plan":
        filters = Filters(("计划文件（.yaml）", _suffixes(PLAN_SUFFIXES)),
                          ("全部文件", lambda _: True))
        title = "打开计划文件"
    else:
        label = "可读取的文档（.docx .doc .wps .pdf .html .txt …）"
        filters = Filters((label, _suffixes(tuple(DOCUMENT_SUFFIXES))),
                          ("全部文件", lambda _: True))
        title = "选择文件"
    return ChineseFileOpen(start or Path.cwd(), title, open_button="打开", cancel_button="取消",
                           filters=filters)


def recent_dialog(title: str, paths: list[Path], *, allow_typing: bool = True) -> ChoiceDialog:
    choices: list[Choice] = [(BROWSE, "浏览…（在文件夹中选择文件）")]
    if allow_typing:
        choices.append((TYPE_PATH, "输入路径…"))
    choices += [(str(p), Text.assemble(("最近：", "bold"), p.name, "　", (str(p.parent), "dim")))
                for p in paths]
    return ChoiceDialog(title, choices, current=str(paths[0]) if paths else BROWSE)
