"""`drafter catalog`: placeholder until the catalogue I/O lands."""

from __future__ import annotations

import click


@click.group("catalog")
def catalog_group() -> None:
    """浏览、搜索和检查条目目录。"""
