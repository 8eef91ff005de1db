"""`drafter tui [PLAN.yaml] [--catalog DIR]`, and the bare `drafter`: open the terminal UI.

Textual is imported only here, inside `open_tui`, so every other command starts without it
(the layering test checks that the core never imports textual). A plan file that cannot be
read is reported on stderr, in Chinese, before the screen opens.
"""

from __future__ import annotations

from pathlib import Path

import click

from drafter.model.errors import DrafterError


def open_tui(plan_path: Path | None, catalog_dir: Path | None) -> None:
    """Run the app until the user quits."""
    if plan_path is not None:
        from drafter.plans import load_plan

        if not plan_path.is_file():
            raise DrafterError.one(f"找不到计划文件：{plan_path}",
                                   hint="请检查路径，或不带参数运行 drafter tui 新建计划")
        load_plan(plan_path)  # a broken plan file is reported here, with file:line
    if catalog_dir is not None and not catalog_dir.is_dir():
        raise DrafterError.one(f"找不到条目目录文件夹：{catalog_dir}",
                               hint="请用 drafter mine … -o 文件夹 生成条目目录")
    from drafter.cli.terminal import real_streams
    from drafter.tui.app import make_app

    real_streams()  # Textual draws on the terminal itself
    app = make_app(catalog_dir, plan_path)
    app.run()
    if app.crash_message is not None:  # a crash: say so in a dialog, never exit 0
        from drafter.tui.crash import CrashApp

        CrashApp(app.crash_message).run()
    if app.return_code:
        raise SystemExit(app.return_code)


@click.command("tui")
@click.argument("plan", metavar="[PLAN.yaml]", required=False, type=click.Path(path_type=Path))
@click.option("--catalog", "catalog_dir", metavar="DIR", type=click.Path(path_type=Path),
              help="条目目录所在文件夹（默认使用自带目录）。")
def tui_cmd(plan: Path | None, catalog_dir: Path | None) -> None:
    """打开终端界面，可指定要编辑的计划文件 PLAN.yaml。"""
    open_tui(plan, catalog_dir)
