"""The `drafter` command: thin wrappers that parse arguments, call the library and print.

stdout carries results, stderr diagnostics. Every user-facing message is Chinese.
A DrafterError becomes its messages on stderr and exit status 1, never a traceback.
A bare `drafter` opens the terminal UI.
"""

from __future__ import annotations

import click

from drafter.cli.build_cmd import batch_cmd, build_cmd, new_cmd
from drafter.cli.catalog_cmd import catalog_group
from drafter.cli.check_cmd import check_cmd, roll_cmd
from drafter.cli.common import run_guarded
from drafter.cli.import_cmd import import_cmd
from drafter.cli.mine_cmd import mine_cmd
from drafter.cli.terminal import terminal_guard
from drafter.cli.tui_cmd import open_tui, tui_cmd
from drafter.cli.zh import install as install_chinese_messages


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(
    package_name="drafter", message="drafter %(version)s", help="显示版本号并退出。"
)
@click.pass_context
def cli(ctx: click.Context) -> None:
    """drafter：教育局工作要点起草助手。不带子命令时打开终端界面。"""
    if ctx.invoked_subcommand is None:
        open_tui(plan_path=None, catalog_dir=None)


for command in (mine_cmd, catalog_group, build_cmd, batch_cmd, new_cmd, check_cmd, roll_cmd,
                tui_cmd, import_cmd):
    cli.add_command(command)


def main() -> None:
    install_chinese_messages()
    with terminal_guard():  # nothing from a file reaches the terminal raw
        run_guarded(cli)
