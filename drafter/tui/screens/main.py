"""The main screen: catalogue on the left, the plan (outline, values, preview, checks) right.

Why: one place to browse, pick, arrange, fill in, preview and render. The screen is the
controller: it hands data down to its widgets, handles their messages, applies edits to
the `PlanSession` and redraws. Browsing, editing and file actions live in the mixins beside it;
loading happens in a worker so the first screen shows at once, even for a large catalogue.
"""

from __future__ import annotations

import copy
import threading
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import (
    ContentSwitcher,
    Footer,
    Header,
    Input,
    TabbedContent,
    TabPane,
)

from drafter.model import Catalogue, DrafterError, Plan
from drafter.model.plan import next_plan_year
from drafter.tui.checks import CheckEntry, check_entries
from drafter.tui.fields import Field, item_fields, plan_fields, values_tab_label
from drafter.tui.labels import relabel
from drafter.tui.preview import Preview, build_preview
from drafter.tui.screens.browse_actions import BrowseActions
from drafter.tui.screens.commands import bindings
from drafter.tui.screens.confirm_actions import ConfirmActions
from drafter.tui.screens.edit_actions import EditActions
from drafter.tui.screens.file_actions import FileActions
from drafter.tui.screens.import_actions import ImportActions
from drafter.tui.screens.output_actions import OutputActions
from drafter.tui.screens.task_actions import TaskActions
from drafter.tui.session import TITLE, VALUES, PlanSession, Selection
from drafter.tui.widgets.catalogue_tree import ClauseTree
from drafter.tui.widgets.checks_panel import ChecksPanel
from drafter.tui.widgets.clause_detail import ClauseDetail
from drafter.tui.widgets.duibiao_panel import DuibiaoPanel
from drafter.tui.widgets.hit_list import HitList
from drafter.tui.widgets.outline import PlanOutline, item_title
from drafter.tui.widgets.preview_pane import PreviewPane
from drafter.tui.widgets.tickbox import TickBox
from drafter.tui.widgets.values_form import ValuesForm

if TYPE_CHECKING:
    from drafter.catalog import SearchIndex

WIDE = 170  # columns from which the preview also shows beside the tabs
_TAB_FOCUS = {"tab-outline": "#outline", "tab-values": "#values", "tab-preview": "#preview",
              "tab-checks": "#checks", "tab-duibiao": "#duibiao-file"}


def warm_up(catalogue: Catalogue) -> None:
    """Read the check rule table once, off the UI thread, so the first check is as fast as
    the others."""
    check_entries(Plan(), catalogue, build_preview(Plan(), catalogue))


class MainScreen(TaskActions, OutputActions, BrowseActions, EditActions, ConfirmActions,
                 FileActions, ImportActions, Screen[None]):
    """Browse the catalogue, edit the plan."""

    BINDINGS: ClassVar[list[BindingType]] = list(bindings())

    class Loaded(Message):
        def __init__(self, catalogue: Catalogue, plan: Plan, path: Path | None) -> None:
            super().__init__()
            self.catalogue, self.plan, self.path = catalogue, plan, path

    class LoadFailed(Message):
        def __init__(self, error: str) -> None:
            super().__init__()
            self.error = error

    class IndexReady(Message):
        def __init__(self, index: SearchIndex) -> None:
            super().__init__()
            self.index = index

    class Checked(Message):
        """The checks of one revision of the plan are done."""

        def __init__(self, entries: list[CheckEntry], revision: int) -> None:
            super().__init__()
            self.entries, self.revision = entries, revision

    class Refreshed(Message):
        """Every pane shows the current plan (posted after each redraw)."""

        def __init__(self, revision: int) -> None:
            super().__init__()
            self.revision = revision

    def __init__(self, catalog_dir: Path | None, plan_path: Path | None,
                 catalogue: Catalogue | None = None) -> None:
        super().__init__()
        self.catalog_dir = catalog_dir
        self.plan_path = plan_path
        self._given_catalogue = catalogue
        self.session: PlanSession | None = None
        self.index: SearchIndex | None = None
        self.preview = Preview()
        self.hide_summary = False
        self._search_timer: Timer | None = None
        self._last_key = 0.0
        self._values_stale = True
        self._autosave_lock = threading.Lock()  # recovery copies: one writer at a time
        self._autosave_seq = 0  # the latest autosave asked for; older ones are skipped
        self.last_search_ms = 0.0  # of the latest search (the bench reads it)

    # ------------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False, icon="≡")
        with Horizontal(id="body"):
            with Vertical(id="left"):
                yield Input(placeholder="搜索条目：输入关键词（按 / 聚焦）", id="search")
                yield TickBox("隐藏总结类条目", id="hide-summary")
                with ContentSwitcher(initial="catalogue", id="browser"):
                    yield ClauseTree(id="catalogue")
                    yield HitList(id="hits")
                yield ClauseDetail(id="detail")
            with TabbedContent(id="tabs", initial="tab-outline"):
                with TabPane("大纲", id="tab-outline"):
                    yield PlanOutline(id="outline")
                with TabPane("参数", id="tab-values"):
                    yield ValuesForm(id="values")
                with TabPane("预览", id="tab-preview"):
                    yield PreviewPane(id="preview")
                with TabPane("检查", id="tab-checks"):
                    yield ChecksPanel(id="checks")
                with TabPane("对标", id="tab-duibiao"):
                    yield DuibiaoPanel(id="duibiao")
            yield PreviewPane(id="side-preview")  # shown beside the tabs on wide terminals
        yield Footer()

    def on_resize(self, event: events.Resize) -> None:
        """Wide terminals get the preview as a third column, always in view."""
        self.set_class(event.size.width >= WIDE, "-wide")

    def on_mount(self) -> None:
        self.title = "drafter 工作要点起草助手"
        self.sub_title = "正在加载目录……"
        self.query_one(ClauseTree).loading = True
        self.load()

    # ------------------------------------------------------------------ loading

    @work(thread=True, exclusive=True, group="load", description="加载目录和计划")
    def load(self) -> None:
        """Read the catalogue and the plan with the library functions the CLI uses."""
        from drafter.catalog import open_catalogue
        from drafter.plans import blank_plan, load_plan

        try:
            catalogue = self._given_catalogue
            if catalogue is None:
                # frozen: a big catalogue lives as long as the app; the cyclic GC need not
                # walk it on every collection
                catalogue = open_catalogue(self.catalog_dir, freeze=True)
            plan = (load_plan(self.plan_path) if self.plan_path
                    else blank_plan(year=next_plan_year()))
        except DrafterError as exc:
            self.post_message(self.LoadFailed(str(exc)))
            return
        except OSError as exc:
            from drafter.util.errors import user_message

            self.post_message(self.LoadFailed(user_message(exc)))
            return
        build_preview(plan, catalogue)  # compiles the document template, here off the UI
        self.post_message(self.Loaded(catalogue, plan, self.plan_path))

    @work(thread=True, exclusive=True, group="index", description="建立搜索索引")
    def build_index(self, catalogue: Catalogue) -> None:
        from drafter.catalog import SearchIndex

        self.post_message(self.IndexReady(SearchIndex(catalogue)))
        warm_up(catalogue)

    def on_main_screen_loaded(self, message: Loaded) -> None:
        self.session = PlanSession(catalogue=message.catalogue, plan=message.plan,
                                   path=message.path)
        if message.plan.chapters:
            self.session.selection = Selection(0)
        tree = self.query_one(ClauseTree)
        tree.loading = False
        tree.show(message.catalogue, hide_summary=self.hide_summary)
        tree.focus()
        # the index and the warm-up start once the first screen is painted
        self.call_after_refresh(self.build_index, message.catalogue)
        self.refresh_views(autosave=False)
        # a plain start also lists named plans with unsaved work (issue 13)
        self.offer_recovery(then=None if self.plan_path else self.offer_pending)

    def on_main_screen_load_failed(self, message: LoadFailed) -> None:
        self.query_one(ClauseTree).loading = False
        self.sub_title = "目录加载失败"
        self.notify(message.error, title="无法打开", severity="error", timeout=30)

    def on_main_screen_index_ready(self, message: IndexReady) -> None:
        self.index = message.index
        query = self.query_one("#search", Input).value
        if query.strip():
            self.run_search()

    # ------------------------------------------------------------------ redraw

    def refresh_views(self, *, autosave: bool = True) -> None:
        """Redraw every pane from the session; autosave a recovery copy when it changed."""
        session = self.session
        if session is None:
            return
        plan, cat = session.plan, session.catalogue
        self.preview = build_preview(plan, cat)
        gaps: dict[tuple[int, int], int] = {}
        for use in self.preview.gaps:
            if use.part == "item" and use.chapter is not None and use.index is not None:
                key = (use.chapter, use.index)
                gaps[key] = gaps.get(key, 0) + 1
        self.query_one(PlanOutline).show(plan, cat, session.selection, gaps)
        self.values_changed()
        for pane in self.query(PreviewPane):
            pane.show(self.preview)
        self.run_checks(copy.deepcopy(plan), self.preview, session.revision)
        tabs = self.query_one(TabbedContent)
        tabs.get_tab("tab-values").label = values_tab_label(len(self.preview.gaps),
                                                            len(self.preview.unconfirmed))
        self.update_title()
        self.refresh_bindings()
        if autosave and session.dirty:
            self.autosave()
        self.post_message(self.Refreshed(session.revision))

    def values_changed(self) -> None:
        """Redraw the values form now if it is showing, else when its tab is opened."""
        self._values_stale = True
        if self.query_one(TabbedContent).active == "tab-values":
            self.refresh_values()

    @work(thread=True, exclusive=True, group="checks", description="检查计划")
    def run_checks(self, plan: Plan, preview: Preview, revision: int) -> None:
        """The check rules take a moment the first time (the rule table): off the UI thread."""
        assert self.session is not None
        entries = check_entries(plan, self.session.catalogue, preview)
        self.post_message(self.Checked(entries, revision))

    def on_main_screen_checked(self, message: Checked) -> None:
        if self.session is None or message.revision != self.session.revision:
            return  # a newer check is on its way
        entries = message.entries
        self.query_one(ChecksPanel).show(entries)
        label = f"检查（{len(entries)}）" if entries else "检查"
        self.query_one(TabbedContent).get_tab("tab-checks").label = label

    def refresh_values(self) -> None:
        session = self.session
        if session is None:
            return
        self._values_stale = False
        uses = self.preview.uses
        item = session.selected_item()
        title = item_title(item, session.catalogue) if item is not None else None
        needed = {u.name for u in self.preview.gaps if u.part == "global"}
        needed |= {u.name for u in uses if u.part == "global" and u.origin != "missing"}
        plan, cat = session.plan, session.catalogue
        self.query_one(ValuesForm).show(relabel(plan_fields(plan, uses, needed), plan, cat),
                                        relabel(item_fields(plan, uses, session.selection),
                                                plan, cat),
                                        len(self.preview.gaps), title,
                                        unconfirmed=len(self.preview.unconfirmed))

    def update_title(self) -> None:
        session = self.session
        if session is None:
            return
        name = session.path.name if session.path else "未命名计划"
        self.sub_title = f"{name}{' *' if session.dirty else ''}"

    # ------------------------------------------------------------------ plan panes

    def on_plan_outline_selected(self, message: PlanOutline.Selected) -> None:
        session = self.session
        if session is None or message.selection == session.selection:
            return
        session.selection = message.selection
        self.show_selected_detail()
        self.values_changed()
        self.refresh_bindings()

    def show_selected_detail(self) -> None:
        """The detail pane shows the selected item as the plan has it (own text first)."""
        session = self.session
        if session is None:
            return
        item = session.selected_item()
        part = session.selected_part()
        detail = self.query_one(ClauseDetail)
        clause = session.selected_clause()
        if part is not None:
            if clause is not None and part.text is None:
                self.show_detail(clause)
            elif clause is not None:
                detail.show_edited(clause, None, "", session.part_text())
            else:
                detail.show_custom("", session.part_text())
        elif item is not None:
            lead, body = session.wording(item)
            if clause is None:
                detail.show_custom(lead, body)
            elif item.lead is None and item.body is None:
                self.show_detail(clause, item.variant)
            else:
                detail.show_edited(clause, item.variant, lead, body)

    def on_values_form_changed(self, message: ValuesForm.Changed) -> None:
        self._store_value(message.field, message.value, as_typed=False)

    def on_values_form_refused(self, message: ValuesForm.Refused) -> None:
        """What was typed does not fit: the plan keeps it as typed (flagged, never used), so
        no earlier keystroke's value stays behind and no redraw rewrites the field."""
        self._store_value(message.field, message.raw, as_typed=True)

    def _store_value(self, field: Field, value: object, *, as_typed: bool) -> None:
        """One value into the plan where its field says (global, plan-wide or the selected
        item); the views are redrawn only when the plan changed."""
        session = self.session
        if session is None:
            return
        before = session.revision
        if field.scope == "global":
            session.set_global(field.name, value, as_typed=as_typed)
        elif field.scope == "plan":
            session.set_value(field.name, value)
        else:
            session.set_value(field.name, value, item=session.selected_item())
        if session.revision != before:
            self.refresh_views()

    def on_duibiao_panel_compare(self, message: DuibiaoPanel.Compare) -> None:
        if self.session is not None:
            self.query_one(DuibiaoPanel).compare(message.path, self.preview.blocks,
                                                 self.session.catalogue)

    def on_duibiao_panel_search(self, message: DuibiaoPanel.Search) -> None:
        """An unmatched superior task: the catalogue search, pre-filled with its words."""
        self.query_one("#search", Input).value = message.query
        self.run_search()
        switcher = self.query_one(ContentSwitcher)
        self.query_one(HitList if switcher.current == "hits" else ClauseTree).focus()

    def on_checks_panel_jump(self, message: ChecksPanel.Jump) -> None:
        self.jump_to(message.target)

    def jump_to(self, target: Selection) -> None:
        """Show a check's place: its item, chapter, preamble or closing in the outline; the
        title (and other meta) in the dialog that edits it."""
        if self.session is None:
            return
        if target == TITLE:
            self.action_edit_meta()
            return
        if target == VALUES:
            self.action_show_tab("tab-values")
            return
        self.session.selection = target
        self.query_one(TabbedContent).active = "tab-outline"
        self.refresh_views(autosave=False)
        self.show_selected_detail()
        self.query_one(PlanOutline).focus()

    def action_show_tab(self, tab: str) -> None:
        """Show a tab and put the focus in it (not left in a pane that is now hidden)."""
        self.query_one(TabbedContent).active = tab
        if tab == "tab-values":
            self.refresh_values()
        self.query_one(_TAB_FOCUS[tab]).focus()

    @on(TabbedContent.TabActivated)
    def tab_activated(self, event: TabbedContent.TabActivated) -> None:
        """The values form is redrawn only while it can be seen (it is the costly pane)."""
        if event.pane.id == "tab-values" and self._values_stale:
            self.refresh_values()

    def action_help(self) -> None:
        from drafter.tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen())
