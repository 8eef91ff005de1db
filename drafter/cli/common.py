"""What every subcommand shares: error printing without tracebacks, paths to bundled data."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

import click

from drafter.model.errors import DrafterError


def run_guarded(command: Callable[..., Any]) -> None:
    """Run the click command; DrafterError → Chinese messages on stderr, exit 1."""
    try:
        # With standalone_mode=False, click returns the code given to ctx.exit(n).
        code = command(standalone_mode=False)
    except DrafterError as exc:
        for problem in exc.problems:
            click.echo(f"错误：{problem}", err=True)
        sys.exit(1)
    except click.exceptions.Abort:
        click.echo("已取消。", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        click.echo("已中断。", err=True)
        sys.exit(130)
    except OSError as exc:
        name = getattr(exc, "filename", None) or ""
        click.echo(f"错误：无法读写文件 {name}：{exc.strerror or exc}", err=True)
        sys.exit(1)
    if isinstance(code, int) and code:
        sys.exit(code)


def echo_err(message: str) -> None:
    click.echo(message, err=True)
