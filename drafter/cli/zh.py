"""Click's own messages ("Usage:", "No such option …") in Simplified Chinese.

Users read Chinese, and click prints its help headings and argument errors itself. Click
looks its strings up through `gettext`'s `_` bound in each of its modules; `install()`
points those at a small table. It runs from `main()` only, never at import time.
"""

from __future__ import annotations

import importlib

_TABLE: dict[str, str] = {
    "Usage:": "用法：",
    "Options": "选项",
    "Commands": "子命令",
    "Positional arguments": "位置参数",
    "Show this message and exit.": "显示本帮助并退出。",
    "Show the version and exit.": "显示版本号并退出。",
    "Error: {message}": "错误：{message}",
    "Try '{command} {option}' for help.": "运行“{command} {option}”查看帮助。",
    "No such command {name!r}.": "没有子命令“{name}”。",
    "No such option {name!r}.": "没有选项“{name}”。",
    "Missing argument": "缺少参数",
    "Missing option": "缺少选项",
    "Missing parameter": "缺少参数",
    "Missing parameter: {param_name}": "缺少参数：{param_name}",
    "Missing {param_type}": "缺少{param_type}",
    "Missing command.": "缺少子命令。",
    "Invalid value for {param_hint}: {message}": "{param_hint} 的值无效：{message}",
    "Invalid value: {message}": "值无效：{message}",
    "Option {name!r} does not take a value.": "选项“{name}”不带值。",
    "Option {name!r} requires an argument.": "选项“{name}”需要一个值。",
    "Aborted!": "已取消。",
    "Do you want to continue?": "是否继续？",
    "{value!r} is not a valid {number_type}.": "“{value}”不是有效的{number_type}。",
    "{value} is not in the range {range}.": "{value} 不在范围 {range} 内。",
    "{name} {filename!r} does not exist.": "{name}“{filename}”不存在。",
    "{name} {filename!r} is a directory.": "{name}“{filename}”是文件夹。",
    "{name} {filename!r} is a file.": "{name}“{filename}”是文件。",
    "{name} {filename!r} is not readable.": "{name}“{filename}”无法读取。",
    "{name} {filename!r} is not writable.": "{name}“{filename}”无法写入。",
    "Could not open file {filename!r}: {message}": "无法打开文件“{filename}”：{message}",
    "Choose from:\n\t{choices}": "可选：\n\t{choices}",
    "default: {default}": "默认：{default}",
    "file": "文件",
    "directory": "文件夹",
    "path": "路径",
    "integer": "整数",
    "float": "小数",
}

_MODULES = ("core", "decorators", "exceptions", "formatting", "parser", "types", "termui")


def translate(message: str) -> str:
    return _TABLE.get(message, message)


def install() -> None:
    """Point click's message lookups at the Chinese table (idempotent)."""
    for name in _MODULES:
        module = importlib.import_module(f"click.{name}")
        if hasattr(module, "_"):
            module._ = translate  # type: ignore[attr-defined]
