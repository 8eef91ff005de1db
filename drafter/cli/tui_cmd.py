"""`drafter tui [PLAN.yaml] [--catalog DIR]`, and the bare `drafter`: open the terminal UI.

Textual is imported only here, inside `open_tui`, so every other command starts without it
(the layering test checks that the core never imports textual).
"""

from __future__ import annotations

from pathlib import Path

import click


def open_tui(plan_path: Path | None, catalog_dir: Path | None) -> None:
    """Run the app until the user quits."""
    from drafter.tui.app import make_app

    make_app(catalog_dir, plan_path).run()


@click.command("tui")
@click.argument("plan", required=False,
                type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--catalog", "catalog_dir", metavar="DIR",
              type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="条目目录所在文件夹（默认使用自带目录）。")
def tui_cmd(plan: Path | None, catalog_dir: Path | None) -> None:
    """打开终端界面，可指定要编辑的计划文件 PLAN.yaml。"""
    open_tui(plan, catalog_dir)
