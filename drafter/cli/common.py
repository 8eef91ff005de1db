"""What every subcommand shares: error printing without tracebacks, paths to bundled data."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

import click

from drafter.model.errors import DrafterError
from drafter.util.errors import os_problem, save_crash_report


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
        click.echo(f"错误：{os_problem(exc)}", err=True)
        sys.exit(1)
    except (RecursionError, MemoryError) as exc:
        report = save_crash_report(exc)
        click.echo("错误：输入过于复杂（嵌套过深或过大），已停止处理。", err=True)
        if report:
            click.echo(f"详细报告已保存到 {report}", err=True)
        sys.exit(1)
    except Exception as exc:  # the last guard: a bug must not print a traceback at the user
        report = save_crash_report(exc)
        click.echo("错误：程序内部出现意外问题，操作未完成。", err=True)
        if report:
            click.echo(f"错误报告已保存到 {report}，请将该文件发给技术支持。", err=True)
        sys.exit(2)
    if isinstance(code, int) and code:
        sys.exit(code)


def echo_err(message: str) -> None:
    click.echo(message, err=True)
