"""Every action of the main screen with its Chinese name: one table for keys, help and palette.

Why: the footer, the help screen and the command palette must name the same actions the same
way; keeping them in one table means a new action cannot be forgotten in one of them.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding


@dataclass(frozen=True)
class Command:
    action: str  # the screen action, without "action_"
    keys: str  # Textual key names, comma separated
    name: str  # short name for the footer
    help: str  # one line for the help screen and the palette
    show: bool = True  # in the footer (when it applies)
    key_label: str | None = None  # how the help screen writes the key


COMMANDS: tuple[Command, ...] = (
    Command("focus_search", "slash", "搜索", "把光标移到搜索框，边打字边筛选目录",
            key_label="/"),
    Command("add_clause", "a", "加入", "把选中的目录条目加入计划（放到它所属的章）"),
    Command("remove_item", "x,delete", "删除", "从计划中删除选中的条目（或空章）",
            key_label="x / Delete"),
    Command("move_up", "left_square_bracket", "上移", "把选中的条目（或章）上移一位",
            key_label="["),
    Command("move_down", "right_square_bracket", "下移", "把选中的条目（或章）下移一位",
            key_label="]"),
    Command("move_chapter", "m", "移章", "把选中的条目移到另一章", show=False),
    Command("add_custom", "c", "自定义", "在选中位置后新增一条自定义条目", show=False),
    Command("edit_text", "e", "改文字", "只为本计划修改选中条目的文字（不改目录）"),
    Command("choose_variant", "v", "变体", "为选中条目选择其他地区的措辞"),
    Command("confirm_values", "y", "确认",
            "确认选中条目（或章）中待核实的参数值（去年、目录建议等）"),
    Command("confirm_chapter", "Y", "确认本章", "确认选中条目所在章的全部待核实参数值",
            show=False, key_label="Shift+Y"),
    Command("edit_task", "o", "责任单位", "修改选中条目的责任单位和完成时限（任务分解表）",
            show=False),
    Command("edit_heading", "r", "章标题", "修改选中章的标题", show=False),
    Command("edit_meta", "i", "标题选项", "修改计划标题、地区、年份、发文机关和编号方式",
            show=False),
    Command("toggle_summary", "t", "总结类", "显示或隐藏总结类条目", show=False),
    Command("leave_input", "escape", "离开输入框", "从搜索框或参数框回到列表，字母和数字键重新可用",
            show=False, key_label="Esc"),
    Command("show_tab('tab-outline')", "1", "大纲", "切换到计划大纲", show=False),
    Command("show_tab('tab-values')", "2", "参数", "切换到参数表", show=False),
    Command("show_tab('tab-preview')", "3", "预览", "切换到文档预览", show=False),
    Command("show_tab('tab-checks')", "4", "检查", "切换到检查结果", show=False),
    Command("show_tab('tab-duibiao')", "5", "对标", "与上级要点逐条对照，为未对应的任务查找条目",
            show=False),
    Command("save", "ctrl+s", "保存", "保存计划（YAML）", key_label="Ctrl+S"),
    Command("save_as", "ctrl+shift+s", "另存为", "把计划另存为新文件", show=False,
            key_label="Ctrl+Shift+S"),
    Command("open_plan", "ctrl+o", "打开", "打开一个计划文件", show=False, key_label="Ctrl+O"),
    Command("new_plan", "ctrl+n", "新建", "新建计划（空白或从模板）", show=False,
            key_label="Ctrl+N"),
    Command("import_edits", "ctrl+u", "导入修改",
            "把改过的 Word 文档（如局长的修改）导回本计划：逐条显示差别，确认后应用", show=False,
            key_label="Ctrl+U"),
    Command("render", "ctrl+r", "生成Word", "把计划生成为 Word 文档（.docx）", key_label="Ctrl+R"),
    Command("render_as", "g", "生成其他", "生成印发通知、PDF 或任务分解表（.docx/.xlsx）",
            show=False),
    Command("help", "question_mark", "帮助", "显示按键说明", key_label="?"),
    Command("request_quit", "ctrl+q", "退出", "退出（有未保存的修改时会询问）", key_label="Ctrl+Q"),
)


def bindings() -> list[Binding]:
    out: list[Binding] = []
    for c in COMMANDS:
        priority = c.action in ("request_quit", "save", "render")
        out.append(Binding(c.keys, c.action, c.name, show=c.show, priority=priority))
    return out


def action_name(command: Command) -> str:
    """The action's name as `check_action` receives it (parameters stripped)."""
    return command.action.split("(", 1)[0]
