"""Ask how a number typed in an item becomes a 参数: its label and its type (issue 13.6).

Opened from the item editor (Ctrl+T on a number). The label is offered from the sentence
(the phrase the number completes) and the type from the number ("90%" → 百分比); both can be
changed. The answer is checked before the dialog closes: the number must fit the type.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Select, Static

from drafter.model.clause import SLOT_TYPES
from drafter.model.values import type_word
from drafter.tui.dialogs.form import FormDialog, ok_cancel
from drafter.tui.dialogs.select_all import SELECT_ALL

SlotAnswer = tuple[str, str]  # (label, slot type)
Checker = Callable[[str, str], str | None]  # (label, type) -> Chinese error, or None


class MarkSlotDialog(FormDialog[SlotAnswer | None], ModalScreen[SlotAnswer | None]):
    """Label on one line, type from a list; enter or Ctrl+S keeps, escape cancels."""

    ERROR = "#slot-error"

    BINDINGS = [
        Binding("ctrl+s", "keep", "确定", priority=True),
        Binding("escape", "cancel", "取消"),
        SELECT_ALL,
    ]

    def __init__(self, words: str, label: str, slot_type: str, unit: str | None, *,
                 check: Checker) -> None:
        super().__init__(classes="dialog-screen")
        self.words, self.label, self.slot_type, self.unit = words, label, slot_type, unit
        self.check = check

    def compose(self) -> ComposeResult:
        unit = f"，单位“{self.unit}”" if self.unit and self.unit != "%" else ""
        with Vertical(classes="dialog", id="mark-slot"):
            yield Label(f"把“{self.words}”设为参数{unit}", classes="dialog-question")
            yield Label("参数名称（参数表中显示，如“新建幼儿园”）")
            yield Input(self.label, id="slot-label")
            yield Label("类型（填写时按类型检查）")
            yield Select([(type_word(t), t) for t in SLOT_TYPES], value=self.slot_type,
                         allow_blank=False, id="slot-type")
            yield Static(f"“{self.words}”成为本条的参数值，可在“参数”中修改。"
                         "回车或 Ctrl+S 确定，Esc 取消。", id="slot-error", classes="dialog-hint")
            yield ok_cancel()

    def on_mount(self) -> None:
        self.query_one("#slot-label", Input).focus()

    def action_keep(self) -> None:
        label = self.query_one("#slot-label", Input).value.strip()
        slot_type = str(self.query_one("#slot-type", Select).value)
        error = self.check(label, slot_type)
        if error:
            self.show_error(error)
            return
        self.dismiss((label, slot_type))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_keep()
