"""The Textual app: wiring only. `make_app` is the one factory the CLI and the tests use.

The app pushes the main screen, and offers every action of that screen in the command
palette (only those that apply now). Loading, editing and files live in the screens.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from pathlib import Path

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from drafter.model import Catalogue
from drafter.tui.crash import handle_crash
from drafter.tui.screens.commands import COMMANDS, action_name
from drafter.tui.screens.main import MainScreen


class DrafterApp(App[None]):
    """drafter's terminal UI."""

    CSS_PATH = Path(__file__).with_name("app.tcss")
    TITLE = "drafter 工作要点起草助手"
    ENABLE_COMMAND_PALETTE = True
    BINDINGS = [
        Binding("ctrl+q", "quit_app", "退出", show=False, priority=True),
        Binding("ctrl+p", "command_palette", "命令", show=False, priority=True),
    ]

    def __init__(self, catalog_dir: Path | None = None, plan_path: Path | None = None,
                 *, catalogue: Catalogue | None = None) -> None:
        super().__init__()
        self.catalog_dir = catalog_dir
        self.plan_path = plan_path
        self._catalogue = catalogue
        self.crash_message: str | None = None  # set when the app stopped on an unexpected error

    def _handle_exception(self, error: Exception) -> None:
        """An unexpected error: report saved, autosave written, exit 1 with a Chinese message
        instead of a traceback; `drafter tui` then shows it in a dialog (`crash.py`)."""
        self._return_code = 1
        if self.crash_message is None:
            self.crash_message = handle_crash(self, error)
        if self._exception is None:  # run_test re-raises it: no test passes over a crash
            self._exception = error
            self._exception_event.set()
        self._close_messages_no_wait()

    def on_mount(self) -> None:
        self.push_screen(MainScreen(self.catalog_dir, self.plan_path, self._catalogue))

    @property
    def main(self) -> MainScreen:
        """The main screen, even while a dialog is on top of it."""
        for screen in self.screen_stack:
            if isinstance(screen, MainScreen):
                return screen
        raise LookupError("main screen not mounted")

    def action_command_palette(self) -> None:
        """The palette, in Chinese."""
        from drafter.tui.dialogs.palette import Palette

        if self.use_command_palette and not Palette.is_open(self):  # type: ignore[arg-type]  # App[None] vs App[object]
            self.push_screen(Palette())

    def action_help_quit(self) -> None:
        """Ctrl+C does not quit (it copies): say how to quit, in Chinese."""
        self.notify("按 Ctrl+Q 退出", title="要退出吗？")

    async def action_quit_app(self) -> None:
        """ctrl+q anywhere: the main screen asks when there are unsaved changes."""
        if isinstance(self.screen, MainScreen):
            self.screen.action_request_quit()
        elif len(self.screen_stack) > 1:
            self.pop_screen()

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        if isinstance(screen, MainScreen):
            for command in COMMANDS:
                if screen.check_action(action_name(command), ()) is False:
                    continue
                run = partial(self.run_action, command.action, screen)
                yield SystemCommand(command.name, command.help, run)
        yield SystemCommand("主题", "切换配色主题", self.action_change_theme)


def make_app(catalog_dir: Path | None, plan_path: Path | None,
             *, catalogue: Catalogue | None = None) -> DrafterApp:
    """The app on a catalogue folder (default: the bundled one) and an optional plan file."""
    return DrafterApp(catalog_dir, plan_path, catalogue=catalogue)
