"""Edit an item's lead and body for this plan only, in a multi-line editor.

The text is a template: `{{ 名称 }}` placeholders stay as they are. A placeholder that is
not allowed is refused here, before the plan changes. The catalogue is never edited.
Ctrl+T on a number typed in the text makes it a typed 参数 of the item (issue 13.6): the
number becomes `{{ 名称 }}`, the dialog asks for its label and type, and the answer carries
the new slots and their values.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import Any, NamedTuple

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static, TextArea

from drafter.model.clause import Slot, SlotType
from drafter.model.plan import GLOBAL_NAMES
from drafter.model.slot_marking import mark_slot, number_at
from drafter.model.values import placeholder_names, type_word
from drafter.tui.dialogs.form import FormDialog, ok_cancel
from drafter.tui.dialogs.mark_slot import MarkSlotDialog, SlotAnswer
from drafter.tui.dialogs.select_all import SELECT_ALL
from drafter.tui.labels import phrase_label
from drafter.util.placeholders import placeholder_problems


class ItemText(NamedTuple):
    """What the editor gives back: the text, the item's slots it uses, and the values of the
    numbers marked in this dialog (plan-wide values, as the values form stores them)."""

    lead: str
    body: str
    slots: tuple[Slot, ...] = ()
    values: Mapping[str, Any] = MappingProxyType({})


class EditItemDialog(FormDialog[ItemText | None], ModalScreen[ItemText | None]):
    """Lead phrase on one line, body in a TextArea; ctrl+s keeps, escape cancels, ctrl+a
    selects all of the field (then typing replaces it)."""

    ERROR = "#edit-error"

    BINDINGS = [
        Binding("ctrl+s", "keep", "确定", priority=True),
        Binding("escape", "cancel", "取消"),
        Binding("ctrl+t", "mark_slot", "设为参数", priority=True),
        SELECT_ALL,
    ]

    def __init__(self, title: str, lead: str = "", body: str = "", *,
                 with_lead: bool = True, on_draft: Callable[[ItemText], None] | None = None,
                 slots: Sequence[Slot] = (), values: Mapping[str, Any] | None = None,
                 taken: Iterable[str] = ()) -> None:
        super().__init__(classes="dialog-screen")
        self.on_draft = on_draft  # called with the text as the user types: the autosave
        self.title_text = title
        self.lead, self.body = lead, body
        self.with_lead = with_lead  # a preamble or closing is one paragraph, no lead, no slots
        # the item's own slots (those it has, those marked here); the values they have now
        # (shown), the values of the numbers marked here (given back); the names the plan
        # already uses (a new slot's name is unique in the plan: values are plan-wide)
        self.slots: dict[str, Slot] = {s.name: s for s in slots}
        self.values: dict[str, Any] = dict(values or {})
        self.marked: dict[str, Any] = {}
        self.taken = set(taken)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog dialog-large"):
            yield Label(self.title_text, classes="dialog-question")
            yield Label("要点（加粗的首句，可不填）", classes="lead-part")
            yield Input(self.lead, id="edit-lead", classes="lead-part")
            yield Label("正文（{{ 名称 }} 是待填参数）")
            yield TextArea(self.body, id="edit-body", soft_wrap=True)
            yield Static("", id="edit-slots", classes="dialog-hint")
            marking = "Ctrl+T 把光标处的数字设为参数，" if self.with_lead else ""
            yield Static(f"Ctrl+S 确定，Esc 取消，Ctrl+A 全选（再输入即替换），{marking}"
                         "只修改本计划，不改动目录。", id="edit-error", classes="dialog-hint")
            yield ok_cancel()

    def on_mount(self) -> None:
        if self.with_lead:
            self.query_one("#edit-lead", Input).focus()
        else:
            self.query(".lead-part").set(display=False)
            self.query_one("#edit-body", TextArea).focus()
        self._show_slots()

    def _text(self) -> ItemText:
        """The text as typed, with the slots it still uses and their values."""
        lead = self.query_one("#edit-lead", Input).value.strip()
        body = self.query_one("#edit-body", TextArea).text.strip()
        used = set(placeholder_names(lead)) | set(placeholder_names(body))
        slots = tuple(s for name, s in self.slots.items() if name in used)
        values = {s.name: self.marked[s.name] for s in slots if s.name in self.marked}
        return ItemText(lead, body, slots, values)

    def action_keep(self) -> None:
        text = self._text()
        problems = placeholder_problems(text.lead) + placeholder_problems(text.body)
        if not (text.lead or text.body):
            problems.append("要点和正文不能都为空")
        if problems:
            self.show_error("；".join(problems))
            return
        self.dismiss(text)

    # ------------------------------------------------------------------ numbers as slots

    def _cursor(self) -> tuple[Input | TextArea, str, int, int] | None:
        """The focused text field, its text and the selected span (start = end: the cursor)."""
        focused = self.focused
        if isinstance(focused, TextArea):
            text = focused.text
            a, b = (_index(text, loc) for loc in focused.selection)
            return focused, text, min(a, b), max(a, b)
        if isinstance(focused, Input) and focused.id == "edit-lead":
            a, b = focused.selection
            return focused, focused.value, min(a, b), max(a, b)
        return None

    def action_mark_slot(self) -> None:
        """The number under the cursor (or the selected words) becomes a typed slot."""
        where = self._cursor() if self.with_lead else None
        if where is None:
            self.show_error("请先把光标放在正文或要点中的数字上，再按 Ctrl+T")
            return
        widget, text, start, end = where
        found = number_at(text, start)
        if start != end and not (found and (found.start, found.end) == (start, end)):
            if any(ch in text[start:end] for ch in "{}"):
                self.show_error("选中的文字含有参数，请只选中一个数字或一段文字")
                return
            slot_type: SlotType = "text"
            unit = None  # selected words: a 文字 slot unless they are exactly a number
        elif found is None:
            self.show_error("光标处没有数字：把光标放在数字上（或选中一段文字）再按 Ctrl+T")
            return
        else:
            start, end, slot_type, unit = found.start, found.end, found.type, found.unit
        words = text[start:end]
        probe = f"{text[:start]}{{{{ 〔参数〕 }}}}{text[end:]}"
        label = phrase_label(probe, "〔参数〕", None) or ""
        current = self._text()
        taken = (self.taken | set(self.slots) | set(GLOBAL_NAMES) | set(placeholder_names(text))
                 | set(placeholder_names(f"{current.lead}\n{current.body}")))

        def attempt(label: str, kind: str) -> tuple[Any, str | None]:
            return mark_slot(text, start, end, label=label, slot_type=kind,  # type: ignore[arg-type]
                             unit=unit if kind != "text" else None, taken=taken)

        def done(answer: SlotAnswer | None) -> None:
            if answer is None:
                return
            marked, _error = attempt(*answer)
            if marked is None:
                return
            placeholder = marked.text[start:len(marked.text) - (len(text) - end)]
            self.slots[marked.slot.name] = marked.slot
            self.values[marked.slot.name] = self.marked[marked.slot.name] = marked.value
            if isinstance(widget, TextArea):
                widget.replace(placeholder, _location(text, start), _location(text, end))
            else:
                widget.value = marked.text
                widget.cursor_position = start + len(placeholder)
            widget.focus()
            self._show_slots()
            self._draft()

        dialog = MarkSlotDialog(words, label, slot_type, unit,
                                check=lambda lb, kind: attempt(lb, kind)[1])
        self.app.push_screen(dialog, done)

    def _show_slots(self) -> None:
        text = self._text()
        parts = [f"{s.label}＝{self.values.get(s.name, '（未填）')}"
                 f"{'%' if s.type == 'percent' else s.unit or ''}（{type_word(s.type)}）"
                 for s in text.slots]
        line = self.query_one("#edit-slots", Static)
        line.update("本条参数：" + "；".join(parts) if parts else "")
        line.display = bool(parts)

    def on_input_changed(self, event: Input.Changed) -> None:
        self._draft()

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        self._draft()

    def _draft(self) -> None:
        """Text typed but not yet kept is passed on, so a crash does not lose it (issue 13)."""
        if not self.is_mounted:
            return
        if self.slots:
            self._show_slots()
        if self.on_draft is None:
            return
        text = self._text()
        if (text.lead, text.body) != (self.lead.strip(), self.body.strip()) or text.slots:
            self.on_draft(text)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one("#edit-body", TextArea).focus()


def _index(text: str, location: tuple[int, int]) -> int:
    """A TextArea (row, column) as an index into its text."""
    row, column = location
    return sum(len(line) + 1 for line in text.split("\n")[:row]) + column


def _location(text: str, index: int) -> tuple[int, int]:
    before = text[:index]
    return before.count("\n"), index - (before.rfind("\n") + 1)
