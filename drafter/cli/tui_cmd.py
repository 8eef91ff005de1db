"""`drafter tui`: placeholder until the TUI lands."""

from __future__ import annotations

from pathlib import Path

import click


def open_tui(plan_path: Path | None, catalog_dir: Path | None) -> None:
    raise click.ClickException("终端界面尚未实现")


@click.command("tui")
def tui_cmd() -> None:
    """打开终端界面。"""
    open_tui(None, None)
