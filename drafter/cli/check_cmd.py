"""`drafter check|roll`: placeholder until the checks land."""

from __future__ import annotations

import click


@click.command("check")
def check_cmd() -> None:
    """检查草稿。"""
    raise click.ClickException("尚未实现")


@click.command("roll")
def roll_cmd() -> None:
    """滚动到下一年。"""
    raise click.ClickException("尚未实现")
