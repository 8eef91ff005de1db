"""An unexpected error in the TUI: a Chinese dialog, a saved report, the autosave kept, exit 1.

Textual's default is to print an English traceback and exit — with status 0 from `drafter tui`
before this. Now an unhandled error writes the plan being edited to its recovery copy, saves the
traceback under the user's data folder and stops the app with a Chinese message instead of a
traceback; `drafter tui` then opens `CrashApp`, a fresh app whose only screen is a dialog
saying so (the crashed app's message loop has stopped and cannot run one), and exits 1.
"""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label

from drafter.util.errors import save_crash_report


def crash_message(report: Path | None, saved: bool) -> str:
    lines = ["程序出现意外错误，需要关闭。"]
    lines.append("正在编辑的计划已自动保存，下次打开时可以恢复。" if saved
                 else "未能写入自动保存副本；已保存的计划文件不受影响。")
    if report is not None:
        lines.append(f"错误报告已保存到：{report}（请发给技术支持）")
    return "\n".join(lines)


class CrashDialog(ModalScreen[None]):
    """Says what happened and where the report is; any key closes the app."""

    BINDINGS = [Binding("escape,enter,q", "close", "退出")]
    AUTO_FOCUS = "#close"

    def __init__(self, message: str) -> None:
        super().__init__(classes="dialog-screen")
        self.message = message

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.message, classes="dialog-question")
            yield Button("退出(Enter)", variant="error", id="close")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_close()

    def action_close(self) -> None:
        self.app.exit(return_code=1)


def _save_autosave(app: App[None]) -> bool:
    """Write the recovery copy of whatever plan is open; False when there is none or it fails."""
    try:
        from drafter.tui import autosave

        main = getattr(app, "main", None)
        session = getattr(main, "session", None)
        if session is None:
            return False
        autosave.write_recovery(session.plan, session.path)
        return True
    except Exception:  # the app is already failing: say so, do not fail again
        return False


def handle_crash(app: App[None], error: BaseException) -> str:
    """Save what can be saved and return the Chinese message; printed on exit instead of a
    traceback. (The app's message loop that raised has stopped, so no dialog can run in it.)"""
    report = save_crash_report(error, "tui")
    saved = _save_autosave(app)
    message = crash_message(report, saved)
    app._exit_renderables.append(Text(message))
    return message


class CrashApp(App[None]):
    """A fresh app that shows the crash dialog after the main app has stopped."""

    CSS_PATH = Path(__file__).with_name("app.tcss")

    def __init__(self, message: str) -> None:
        super().__init__()
        self.message = message

    def on_mount(self) -> None:
        self.push_screen(CrashDialog(self.message))
