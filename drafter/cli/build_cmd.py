"""`drafter build|batch|new`: placeholder until rendering lands."""

from __future__ import annotations

import click


@click.command("build")
def build_cmd() -> None:
    """生成文档。"""
    raise click.ClickException("尚未实现")


@click.command("batch")
def batch_cmd() -> None:
    """批量生成。"""
    raise click.ClickException("尚未实现")


@click.command("new")
def new_cmd() -> None:
    """新建计划。"""
    raise click.ClickException("尚未实现")
