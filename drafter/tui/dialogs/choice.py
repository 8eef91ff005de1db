"""Pick one of a few options (new plan kind, variant, target chapter)."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

Choice = tuple[str, str | Text]  # (answer, what the user sees)


class ChoiceDialog(ModalScreen[str | None]):
    """An option list; enter or click picks, escape cancels (None)."""

    BINDINGS = [Binding("escape", "cancel", "取消")]

    def __init__(self, title: str, choices: Sequence[Choice], *, current: str | None = None
                 ) -> None:
        super().__init__(classes="dialog-screen")
        self.title_text = title
        self.choices = list(choices)
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog dialog-wide"):
            yield Label(self.title_text, classes="dialog-question")
            yield OptionList(*[Option(label) for _, label in self.choices], id="choices")
            yield Label("回车选择，Esc 取消", classes="dialog-hint")

    def on_mount(self) -> None:
        options = self.query_one("#choices", OptionList)
        answers = [a for a, _ in self.choices]
        options.highlighted = answers.index(self.current) if self.current in answers else 0
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.choices[event.option_index][0])

    def action_cancel(self) -> None:
        self.dismiss(None)
