"""The `drafter` command: thin wrappers that parse arguments, call the library and print.

stdout carries results, stderr diagnostics. Every user-facing message is Chinese.
A DrafterError becomes its messages on stderr and exit status 1, never a traceback.
A bare `drafter` opens the terminal UI.

Subcommands are imported only when they run (or when help lists them), so `drafter --version`
and `drafter build` do not load the check engine, the miner or Textual (bench/start.py).
"""

from __future__ import annotations

import gc
import os
import sys
from importlib import import_module
from types import ModuleType

import click

from drafter import __version__
from drafter.cli.common import run_guarded
from drafter.cli.terminal import terminal_guard
from drafter.cli.zh import install as install_chinese_messages

# name -> (module, attribute): add a command here; it is imported when used.
COMMANDS: dict[str, tuple[str, str]] = {
    "mine": ("drafter.cli.mine_cmd", "mine_cmd"),
    "catalog": ("drafter.cli.catalog_cmd", "catalog_group"),
    "build": ("drafter.cli.build_cmd", "build_cmd"),
    "batch": ("drafter.cli.build_cmd", "batch_cmd"),
    "new": ("drafter.cli.build_cmd", "new_cmd"),
    "check": ("drafter.cli.check_cmd", "check_cmd"),
    "roll": ("drafter.cli.check_cmd", "roll_cmd"),
    "tui": ("drafter.cli.tui_cmd", "tui_cmd"),
    "import": ("drafter.cli.import_cmd", "import_cmd"),
    "compare": ("drafter.cli.compare_cmd", "compare_cmd"),
}


class LazyGroup(click.Group):
    """A click group that imports a subcommand's module on first use (click's documented
    lazy-loading pattern)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.commands, *COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in COMMANDS:
            module, attr = COMMANDS[cmd_name]
            self.add_command(getattr(_import_for_good(module), attr), cmd_name)
        return self.commands.get(cmd_name)


def _import_for_good(name: str) -> ModuleType:
    """Import a command's module with the cyclic garbage collector paused, then freeze what
    it built (modules, classes, generated schemas: they live as long as the process), so the
    collector never scans them again. Importing creates no garbage worth looking for; the
    collector's passes over it were about 5% of a `drafter build`."""
    if name in sys.modules or not gc.isenabled():
        return import_module(name)
    gc.disable()
    try:
        return import_module(name)
    finally:
        gc.freeze()
        gc.enable()


@click.group(cls=LazyGroup, invoke_without_command=True,
             context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(  # the version given, not looked up in installed metadata (slow)
    __version__, message="drafter %(version)s", help="显示版本号并退出。"
)
@click.pass_context
def cli(ctx: click.Context) -> None:
    """drafter：教育局工作要点起草助手。不带子命令时打开终端界面。"""
    if ctx.invoked_subcommand is None:
        from drafter.cli.tui_cmd import open_tui

        open_tui(plan_path=None, catalog_dir=None)


def main() -> None:
    # drafter uses no pydantic plugins: don't scan every installed package for them on each
    # command, nor let one installed for another program watch a plan being validated
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    install_chinese_messages()
    with terminal_guard():  # nothing from a file reaches the terminal raw
        run_guarded(cli)
