"""The main screen's state and decisions: which actions apply, what each does, what is shown.

Why: the screen binds keys, opens dialogs and redraws widgets; everything it decides — an
action's availability (so the footer shows no dead keys), the edit it makes, the question it
asks and the message the user reads — is decided here, over the `PlanSession`, and tested
without a terminal. Plain Python: no Textual. File work is in `files` and `imports`.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from drafter.model import DEFAULT_HEADINGS, Catalogue, Clause, Plan
from drafter.model.plan import next_plan_year
from drafter.model.resolve import SlotUse
from drafter.tui.controller.availability import applies
from drafter.tui.controller.files import Autosaver, default_output
from drafter.tui.controller.selection import PREAMBLE, Selection
from drafter.tui.controller.session import PlanSession
from drafter.tui.controller.titles import item_title
from drafter.tui.fields import Field, item_fields, plan_fields
from drafter.tui.labels import relabel
from drafter.tui.preview import Preview, build_preview


@dataclass(frozen=True)
class ValuesView:
    """What the 参数 form shows: plan-wide fields, the selected item's, and the counts."""

    plan: list[Field]
    item: list[Field]
    gaps: int
    title: str | None
    unconfirmed: int


@dataclass(frozen=True)
class DetailView:
    """What the detail pane shows for the selection: the catalogue's clause as it is, the
    plan's own text beside the clause's, or a custom text (no clause)."""

    kind: Literal["clause", "edited", "custom"]
    clause: Clause | None
    variant: str | None = None
    lead: str = ""
    body: str = ""


@dataclass(frozen=True)
class TaskForm:
    """The 责任单位 / 完成时限 dialog's title and what it starts from."""

    title: str
    owners: list[str] | None
    deadline: str | None


class MainController:
    """The main screen without the screen: the session (once loaded), the preview of it,
    recovery copies, and every action's decision."""

    def __init__(self, catalog_dir: Path | None = None, plan_path: Path | None = None) -> None:
        self.catalog_dir = catalog_dir
        self.plan_path = plan_path
        self.session: PlanSession | None = None
        self.preview = Preview()
        self.autosaver = Autosaver()

    def load(self, catalogue: Catalogue | None = None) -> tuple[Catalogue, Plan]:
        """Read the catalogue (unless given) and the plan with the library functions the CLI
        uses; a new plan is for next year. Slow: the screen runs it in a thread.
        DrafterError / OSError."""
        from drafter.catalog import open_catalogue
        from drafter.plans import blank_plan, load_plan

        if catalogue is None:
            # frozen: a big catalogue lives as long as the app; the cyclic GC need not walk
            # it on every collection
            catalogue = open_catalogue(self.catalog_dir, freeze=True)
        plan = (load_plan(self.plan_path) if self.plan_path
                else blank_plan(year=next_plan_year(), date=_today()))
        build_preview(plan, catalogue)  # compiles the document template, off the UI thread
        return catalogue, plan

    def start(self, catalogue: Catalogue, plan: Plan, path: Path | None) -> PlanSession:
        """The catalogue and plan are loaded: the first chapter is selected."""
        self.session = PlanSession(catalogue=catalogue, plan=plan, path=path)
        if plan.chapters:
            self.session.selection = Selection(0)
        return self.session

    # ------------------------------------------------------------------ what is shown

    def refresh(self) -> Preview:
        """The preview of the plan as it is now (the panes and the checks read it)."""
        if self.session is not None:
            self.preview = build_preview(self.session.plan, self.session.catalogue)
        return self.preview

    def item_gaps(self) -> dict[tuple[int, int], int]:
        """Missing or invalid values per item (chapter, index), for the outline's marks."""
        return _per_item(self.preview.gaps)

    def item_pending(self) -> dict[tuple[int, int], int]:
        """待核实 values per item (chapter, index), for the outline's marks: what `y` on the
        item (or `Y` on its chapter) would confirm."""
        return _per_item(self.preview.unconfirmed)

    def values_view(self) -> ValuesView | None:
        session = self.session
        if session is None:
            return None
        uses = self.preview.uses
        item = session.selected_item()
        title = item_title(item, session.catalogue) if item is not None else None
        needed = {u.name for u in self.preview.gaps if u.part == "global"}
        needed |= {u.name for u in uses if u.part == "global" and u.origin != "missing"}
        plan, cat = session.plan, session.catalogue
        return ValuesView(relabel(plan_fields(plan, uses, needed), plan, cat),
                          relabel(item_fields(plan, uses, session.selection), plan, cat),
                          len(self.preview.gaps), title, len(self.preview.unconfirmed))

    def sub_title(self) -> str | None:
        """The plan's file name, with * while it has unsaved changes."""
        session = self.session
        if session is None:
            return None
        name = session.path.name if session.path else "未命名计划"
        return f"{name}{' *' if session.dirty else ''}"

    def detail(self) -> DetailView | None:
        """The selected item (or preamble / closing) as the plan has it, own text first."""
        session = self.session
        if session is None:
            return None
        item, part = session.selected_item(), session.selected_part()
        clause = session.selected_clause()
        if part is not None:
            if clause is not None and part.text is None:
                return DetailView("clause", clause)
            kind: Literal["edited", "custom"] = "edited" if clause is not None else "custom"
            return DetailView(kind, clause, None, "", session.part_text())
        if item is None:
            return None
        lead, body = session.wording(item)
        if clause is None:
            return DetailView("custom", None, None, lead, body)
        if item.lead is None and item.body is None:
            return DetailView("clause", clause, item.variant)
        return DetailView("edited", clause, item.variant, lead, body)

    # ------------------------------------------------------------------ which actions apply

    def enabled(self, action: str, *, clause: Clause | None = None,
                in_input: bool = False) -> bool:
        """Whether `action` applies now (`clause`: the one under the browser's cursor;
        `in_input`: the focus is in a text box)."""
        session = self.session
        if action == "add_clause":
            return session is not None and clause is not None
        if action == "leave_input":
            return in_input
        return applies(action, session)

    # ------------------------------------------------------------------ actions

    def select(self, selection: Selection | None) -> bool:
        """The outline's cursor moved; False when it was already there."""
        if self.session is None or selection == self.session.selection:
            return False
        self.session.selection = selection
        return True

    def add_clause(self, clause: Clause) -> str | None:
        """Add the clause; the notice to show when it was already in the plan."""
        session = self.session
        if session is None:
            return None
        notice = None
        if session.contains(clause.id):
            notice = f"“{clause.lead or clause.id}”已在计划中，又加入了一次"
        session.add_clause(clause)
        return notice

    def removal_question(self) -> str | None:
        """The question to ask before removing the selection: only text the user wrote
        (a custom item, an edited one, an edited preamble / closing) is asked about."""
        session = self.session
        if session is None:
            return None
        item, part = session.selected_item(), session.selected_part()
        if item is not None and (item.clause is None or item.lead is not None
                                 or item.body is not None):
            what = "自定义条目" if item.clause is None else "已修改文字的条目"
            title = item_title(item, session.catalogue)
        elif part is not None and part.text is not None:
            what, title = "已修改文字的条目", "这一段"
        else:
            return None
        return f"“{title}”是{what}，删除后其文字只能用 Ctrl+Z 撤销找回。\n确定删除吗？"

    def remove(self, target: Selection | None) -> str | None:
        """Remove what `target` names (the selection when the question was asked)."""
        session = self.session
        if session is None:
            return None
        session.selection = target
        removed = session.remove_selected()
        return "已删除条目（Ctrl+Z 撤销）" if removed is not None else None

    def undo(self) -> str | None:
        if self.session is None or not self.session.undo():
            return None
        return "已撤销上一步修改（Ctrl+Y 重做）"

    def redo(self) -> str | None:
        if self.session is None or not self.session.redo():
            return None
        return "已重做"

    def confirm(self, *, whole_chapter: bool) -> str | None:
        """`y` / `Y`: accept the shown 待核实 values; the message to show (None: no plan)."""
        session = self.session
        if session is None:
            return None
        uses = session.unconfirmed_at(whole_chapter=whole_chapter)
        if not uses:
            return "这里没有待核实的参数值"
        return f"已确认 {session.confirm(uses)} 个参数值"

    def store_value(self, field: Field, value: object, *, as_typed: bool) -> bool:
        """One value into the plan where its field says (global, plan-wide or the selected
        item); True when the plan changed (then the views are redrawn)."""
        session = self.session
        if session is None:
            return False
        before = session.revision
        if field.scope == "global":
            session.set_global(field.name, value, as_typed=as_typed)
        elif field.scope == "plan":
            session.set_value(field.name, value)
        else:
            session.set_value(field.name, value, item=session.selected_item())
        return session.revision != before

    def task_form(self) -> TaskForm | None:
        """The selected item's 责任单位 (its own, else the clause's) and 完成时限."""
        session = self.session
        item = session.selected_item() if session is not None else None
        if session is None or item is None:
            return None
        clause = session.catalogue.get(item.clause) if item.clause else None
        owners = item.owners if item.owners is not None else (clause.owners if clause else None)
        lead, _ = session.wording(item)
        return TaskForm(f"责任单位和完成时限：{(lead or item.clause or '')[:30]}", owners,
                        item.deadline)

    def heading(self) -> tuple[int, str] | None:
        """The selected chapter and the heading the dialog starts from."""
        session = self.session
        sel = session.chapter_selection() if session is not None else None
        if session is None or sel is None:
            return None
        chapter = session.plan.chapters[sel.chapter]
        return sel.chapter, chapter.heading or DEFAULT_HEADINGS.get(chapter.key or "", "")

    def part_title(self) -> str:
        """The edit dialog's title for the selected preamble or closing."""
        assert self.session is not None
        return "修改总体要求段落" if self.session.selection == PREAMBLE else "修改结束语"

    def draft(self, target: Selection | None, apply: Callable[[PlanSession], object]
              ) -> Plan | None:
        """Text typed in an open dialog goes into the recovery copy, not the plan (issue 13):
        a copy of the plan takes the draft in a shadow session; that copy is returned."""
        session = self.session
        if session is None:
            return None
        shadow = PlanSession(catalogue=session.catalogue, plan=copy.deepcopy(session.plan),
                             path=session.path, selection=target)
        apply(shadow)
        return shadow.plan

    def gaps_refusal(self) -> str | None:
        """Why no document can be made yet (values missing or invalid), or None."""
        if not self.preview.gaps:
            return None
        return f"还有 {len(self.preview.gaps)} 项参数未填或有误，请先在“参数”页填写"

    def default_output(self) -> Path:
        """Where a document goes unless the user says otherwise."""
        path = self.session.path if self.session is not None else None
        return default_output(path, self.preview)


def _per_item(uses: list[SlotUse]) -> dict[tuple[int, int], int]:
    counts: dict[tuple[int, int], int] = {}
    for use in uses:
        if use.part == "item" and use.chapter is not None and use.index is not None:
            key = (use.chapter, use.index)
            counts[key] = counts.get(key, 0) + 1
    return counts


def _today() -> str:
    """A new plan's 成文日期 (on by default, as Ctrl+N and `drafter new` give; edited with i)."""
    import datetime as dt

    return dt.date.today().isoformat()
