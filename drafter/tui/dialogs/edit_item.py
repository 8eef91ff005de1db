"""Edit an item's lead and body for this plan only, in a multi-line editor.

The text is a template: `{{ 名称 }}` placeholders stay as they are. A placeholder that is
not allowed is refused here, before the plan changes. The catalogue is never edited.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static, TextArea

from drafter.tui.dialogs.select_all import SELECT_ALL, SelectAll
from drafter.util.placeholders import placeholder_problems

ItemText = tuple[str, str]  # (lead, body)


class EditItemDialog(SelectAll[ItemText | None], ModalScreen[ItemText | None]):
    """Lead phrase on one line, body in a TextArea; ctrl+s keeps, escape cancels, ctrl+a
    selects all of the field (then typing replaces it)."""

    BINDINGS = [
        Binding("ctrl+s", "keep", "确定", priority=True),
        Binding("escape", "cancel", "取消"),
        SELECT_ALL,
    ]

    def __init__(self, title: str, lead: str = "", body: str = "", *,
                 with_lead: bool = True, on_draft: Callable[[str, str], None] | None = None
                 ) -> None:
        super().__init__(classes="dialog-screen")
        self.on_draft = on_draft  # called with (lead, body) as the user types: the autosave
        self.title_text = title
        self.lead, self.body = lead, body
        self.with_lead = with_lead  # a preamble or closing is one paragraph, no lead

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog dialog-large"):
            yield Label(self.title_text, classes="dialog-question")
            yield Label("要点（加粗的首句，可不填）", classes="lead-part")
            yield Input(self.lead, id="edit-lead", classes="lead-part")
            yield Label("正文（{{ 名称 }} 是待填参数）")
            yield TextArea(self.body, id="edit-body", soft_wrap=True)
            yield Static("Ctrl+S 确定，Esc 取消，Ctrl+A 全选（再输入即替换）。"
                         "只修改本计划，不改动目录。", id="edit-error", classes="dialog-hint")
            with Horizontal(classes="dialog-buttons"):
                yield Button("确定", variant="primary", id="ok")
                yield Button("取消", id="cancel")

    def on_mount(self) -> None:
        if self.with_lead:
            self.query_one("#edit-lead", Input).focus()
        else:
            self.query(".lead-part").set(display=False)
            self.query_one("#edit-body", TextArea).focus()

    def action_keep(self) -> None:
        lead = self.query_one("#edit-lead", Input).value.strip()
        body = self.query_one("#edit-body", TextArea).text.strip()
        problems = placeholder_problems(lead) + placeholder_problems(body)
        if not (lead or body):
            problems.append("要点和正文不能都为空")
        if problems:
            error = self.query_one("#edit-error", Static)
            error.update("✗ " + "；".join(problems))
            error.add_class("-error")
            return
        self.dismiss((lead, body))

    def action_cancel(self) -> None:
        self.dismiss(None)

    def on_input_changed(self, event: Input.Changed) -> None:
        self._draft()

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        self._draft()

    def _draft(self) -> None:
        """Text typed but not yet kept is passed on, so a crash does not lose it (issue 13)."""
        if self.on_draft is None or not self.is_mounted:
            return
        lead = self.query_one("#edit-lead", Input).value
        body = self.query_one("#edit-body", TextArea).text
        if (lead, body) != (self.lead, self.body):
            self.on_draft(lead.strip(), body.strip())

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one("#edit-body", TextArea).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "ok":
            self.action_keep()
        else:
            self.dismiss(None)
