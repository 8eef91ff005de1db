"""Every CLI command and option users can type is documented in the README (sqlite-utils' idea)."""

from __future__ import annotations

from pathlib import Path

import click
import pytest

from drafter.cli import cli

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def _subcommands(group: click.Group) -> list[tuple[str, click.Command]]:
    """Every subcommand, the lazily imported ones too."""
    ctx = click.Context(group)
    found = [(name, group.get_command(ctx, name)) for name in group.list_commands(ctx)]
    return [(name, command) for name, command in found if command is not None]


def _commands(group: click.Group, prefix: str = "drafter") -> list[str]:
    out: list[str] = []
    for name, command in _subcommands(group):
        path = f"{prefix} {name}"
        if isinstance(command, click.Group):
            out.extend(_commands(command, path))
        else:
            out.append(path)
    return out


@pytest.mark.parametrize("command", _commands(cli))
def test_every_command_is_in_the_readme(command: str) -> None:
    assert command in README, f"README does not show `{command}`"


def test_readme_starts_with_the_two_setup_commands() -> None:
    head = README[:400]
    assert "make run" in head and "make test" in head


def test_readme_pictures_exist() -> None:
    root = Path(__file__).resolve().parents[1]
    for picture in ("docs/images/tui.svg", "docs/images/page1.png"):
        assert picture in README
        assert (root / picture).is_file()


def _options(group: click.Group, prefix: str = "drafter") -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for name, command in _subcommands(group):
        path = f"{prefix} {name}"
        if isinstance(command, click.Group):
            out.extend(_options(command, path))
            continue
        for param in command.params:
            if isinstance(param, click.Option):
                out.extend((path, opt) for opt in param.opts if opt.startswith("--"))
    return out


@pytest.mark.parametrize(("command", "option"), _options(cli))
def test_every_long_option_is_in_the_readme(command: str, option: str) -> None:
    assert option in README, f"README does not mention `{command} {option}`"
