"""The values form: every value the plan needs, validated as it is typed.

Why: officials type their local numbers here. Each field shows its label, type, unit,
default and last year's value; a value that does not fit the slot type is refused with a
message under the field and never reaches the plan. Plan-wide values come first; the
selected item's own overrides follow. The form posts `ValuesForm.Changed` (a valid value,
or None to clear) and `ValuesForm.Refused`; the screen applies the change.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.css.query import NoMatches
from textual.message import Message
from textual.widgets import Input, Label, Static

from drafter.model.values import validate_value
from drafter.tui.fields import Field

_STATUS = {
    "ok": ("✓", "green"),
    "unconfirmed": ("待核实", "bold magenta"),
    "missing": ("待填", "bold yellow"),
    "optional": ("可不填", "dim"),
    "error": ("有误", "bold red"),
}


def shown(value: Any) -> str:
    return "" if value is None else str(value)


class FieldRow(Vertical):
    """One field: label, input, status, and a note (or the refusal message)."""

    def __init__(self, field: Field, index: int) -> None:
        super().__init__(classes="field-row")
        self.field = field
        self.index = index

    def compose(self) -> ComposeResult:
        field = self.field
        placeholder = field.placeholder()
        with Horizontal(classes="field-line"):
            yield Label(field.slot.label, classes="field-label")
            yield Input(shown(field.value), placeholder=placeholder, id=f"field-{self.index}",
                        classes="field-input")
            yield Static(classes="field-status")
        yield Static(classes="field-note")

    def on_mount(self) -> None:
        self.refresh_field(self.field)

    def refresh_field(self, field: Field, *, message: str | None = None) -> None:
        """Show a field's current state; `message` is a refusal of what is being typed."""
        self.field = field
        try:
            input_ = self.query_one(Input)
        except NoMatches:  # not composed yet: on_mount shows the latest field
            return
        if not input_.has_focus and input_.value != shown(field.value):
            with input_.prevent(Input.Changed):
                input_.value = shown(field.value)
        word, style = _STATUS[field.status]
        self.query_one(".field-status", Static).update(Text(word, style=style))
        note = self.query_one(".field-note", Static)
        error = message or field.error
        if error:
            note.update(Text(f"✗ {error}", style="bold red"))
            self.add_class("-invalid")
        else:
            note.update(Text(field.note(), style="dim"))
            self.remove_class("-invalid")


class ValuesForm(VerticalScroll):
    """Plan-wide fields, then the selected item's fields."""

    class Changed(Message):
        """A valid value was typed (None: the field was cleared)."""

        def __init__(self, field: Field, value: Any) -> None:
            super().__init__()
            self.field = field
            self.value = value

    class Refused(Message):
        """What was typed does not fit the slot; nothing was stored."""

        def __init__(self, field: Field, raw: str, message: str) -> None:
            super().__init__()
            self.field = field
            self.raw = raw
            self.message = message

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._keys: list[tuple[str, str]] = []
        self._rows: list[FieldRow] = []

    def compose(self) -> ComposeResult:
        yield Static(id="values-summary")

    def show(self, plan_fields: list[Field], item_fields: list[Field], missing: int,
             item_title: str | None = None, unconfirmed: int = 0) -> None:
        """Show the fields; rows are rebuilt only when the set of fields changes."""
        summary = Text()
        summary.append(f"共 {len(plan_fields) + len(item_fields)} 项参数  ")
        if missing:
            summary.append(f"缺 {missing} 项", style="bold yellow")
        if unconfirmed:
            summary.append(f"{'  ' if missing else ''}待核实 {unconfirmed} 项（y 确认本条，"
                           "Y 确认本章）", style="bold magenta")
        if not missing and not unconfirmed:
            summary.append("已全部填写并确认", style="green")
        self.query_one("#values-summary", Static).update(summary)
        fields = plan_fields + item_fields
        keys = [f.key for f in fields] + [("title", item_title or "")]
        if keys == self._keys:
            for row, field in zip(self._rows, fields, strict=True):
                row.refresh_field(field)
            return
        self._keys = keys
        for widget in list(self.children)[1:]:
            widget.remove()
        self._rows = [FieldRow(f, n) for n, f in enumerate(fields)]
        widgets: list[Static | FieldRow] = [Static("全计划参数", classes="form-section")]
        widgets += self._rows[: len(plan_fields)]
        if item_fields:
            title = f"本条单独取值：{item_title or ''}（留空则沿用全计划参数）"
            widgets.append(Static(title, classes="form-section"))
            widgets += self._rows[len(plan_fields):]
        self.mount(*widgets)

    @property
    def rows(self) -> list[FieldRow]:
        return list(self._rows)

    def on_input_changed(self, event: Input.Changed) -> None:
        row = next((a for a in event.input.ancestors if isinstance(a, FieldRow)), None)
        if row is None:
            return
        event.stop()
        field, raw = row.field, event.value
        if raw == shown(field.value):
            row.refresh_field(field)
            return
        if not raw.strip():
            row.refresh_field(field)
            self.post_message(self.Changed(field, None))
            return
        value, error = validate_value(field.slot.type, raw, unit=field.slot.unit)
        if error:
            row.refresh_field(field, message=error)
            self.post_message(self.Refused(field, raw, error))
            return
        row.refresh_field(field)
        self.post_message(self.Changed(field, value))
