"""Edit the plan meta: title, organ, region, year, date, numbering style and options."""

from __future__ import annotations

import dataclasses
import datetime as _dt
import re

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Checkbox, Input, Label, Select, Static

from drafter.model import PlanMeta
from drafter.model.chars import clean_text
from drafter.model.values import validate_value
from drafter.tui.dialogs.form import FormDialog, ok_cancel
from drafter.tui.dialogs.select_all import SELECT_ALL
from drafter.tui.widgets.tickbox import TickBox
from drafter.util.placeholders import placeholder_problems

NUMBERING_CHOICES = [
    ("条目全文连续编号（1. 2. 3. …）", "continuous"),
    ("每章重新编号", "per_chapter"),
    ("章下分节（（一）（二）…）", "sections"),
]
_DATE = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}$")
_TEXT_FIELDS = (("title", "标题"), ("organ", "发文机关"), ("region", "地区"),
                ("year", "年份"), ("date", "成文日期"), ("caption", "题注"))
_PLACEHOLDERS = {"date": "如 2026-01-10，可不填", "caption": "可不填"}


def meta_problems(values: dict[str, str]) -> list[str]:
    """Every rendered field is checked like the title (a caption with `{{ 会议.名称 }}` used to
    be kept, autosaved, and then neither the recovery copy nor the saved plan would load)."""
    problems = [f"{label}：{p}" for name, label in (("title", "标题"), ("caption", "题注"),
                                                    ("organ", "发文机关"))
                for p in placeholder_problems(values[name])]
    if not values["title"].strip():
        problems.append("标题不能为空")
    _, error = validate_value("year", values["year"])
    if error:
        problems.append(f"年份：{error}")
    date = values["date"].strip()
    if date and not _DATE.match(date):
        problems.append("成文日期应写成 2025-01-10 的形式")
    elif date:
        try:
            _dt.date(*(int(p) for p in date.split("-")))
        except ValueError:
            problems.append(f"成文日期“{date}”不存在")
    return problems


class EditMetaDialog(FormDialog[PlanMeta | None], ModalScreen[PlanMeta | None]):
    """Every meta field in one form, label beside field, one line each, so that all of it
    shows in a 100×30 terminal (issue 13); ctrl+s keeps, escape cancels."""

    ERROR = "#meta-error"

    BINDINGS = [
        Binding("ctrl+s", "keep", "确定", priority=True),
        Binding("escape", "cancel", "取消"),
        SELECT_ALL,
    ]

    def __init__(self, meta: PlanMeta) -> None:
        super().__init__(classes="dialog-screen")
        self.meta = meta

    def _initial(self, name: str) -> str:
        if name == "caption":
            return self.meta.options.caption or ""
        value = getattr(self.meta, name)
        return "" if value is None else str(value)

    def compose(self) -> ComposeResult:
        opts = self.meta.options
        with Vertical(classes="dialog meta-dialog"):
            yield Label("计划标题与选项", classes="dialog-question")
            with VerticalScroll(id="meta-form"):
                for name, label in _TEXT_FIELDS:
                    with Horizontal(classes="meta-line"):
                        yield Label(label, classes="meta-label")
                        yield Input(self._initial(name), id=f"meta-{name}", compact=True,
                                    placeholder=_PLACEHOLDERS.get(name, ""))
                with Horizontal(classes="meta-line"):
                    yield Label("编号方式", classes="meta-label")
                    yield Select(NUMBERING_CHOICES, value=opts.numbering, allow_blank=False,
                                 id="meta-numbering", compact=True)
                yield TickBox("要点首句加粗", opts.bold_leads, id="meta-bold", compact=True)
                yield TickBox("条目后注明责任科室", opts.owners, id="meta-owners", compact=True)
                yield TickBox("文末加落款和日期", opts.signature, id="meta-signature",
                              compact=True)
            yield Static("Ctrl+S 确定，Esc 取消", id="meta-error", classes="dialog-hint")
            yield ok_cancel()

    def on_mount(self) -> None:
        self.query_one("#meta-title", Input).focus()

    def action_keep(self) -> None:
        # pasted text may hold control characters (Word's Shift+Enter is \v): cleaned here
        values = {name: clean_text(self.query_one(f"#meta-{name}", Input).value).replace(
            "\n", " ") for name, _ in _TEXT_FIELDS}
        problems = meta_problems(values)
        if problems:
            self.show_error("；".join(problems))
            return
        year, _ = validate_value("year", values["year"])
        options = dataclasses.replace(
            self.meta.options,
            numbering=self.query_one("#meta-numbering", Select).value,  # type: ignore[arg-type]
            bold_leads=self.query_one("#meta-bold", Checkbox).value,
            owners=self.query_one("#meta-owners", Checkbox).value,
            signature=self.query_one("#meta-signature", Checkbox).value,
            caption=values["caption"].strip() or None,
        )
        self.dismiss(dataclasses.replace(
            self.meta, title=values["title"].strip(), organ=values["organ"].strip(),
            region=values["region"].strip(), year=year, date=values["date"].strip() or None,
            options=options,
        ))
