"""`drafter mine`: placeholder until the miner lands."""

from __future__ import annotations

import click


@click.command("mine")
def mine_cmd() -> None:
    """从现有计划文本中挖掘条目。"""
    raise click.ClickException("尚未实现")
