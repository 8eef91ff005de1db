"""The main screen: catalogue on the left, the plan (outline, values, preview, checks) right.

Why: one place to browse, pick, arrange, fill in, preview and render. The screen is thin: it
binds keys to the `MainController` (drafter/tui/controller, plain Python: what applies, what
an action does, what the user is told), hands data down to its widgets and redraws. Actions
that ask first open their dialogs in `edit_dialogs`, `file_dialogs` and `import_dialogs`.
Loading happens in a worker so the first screen shows at once, even for a large catalogue.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Header, Input, TabbedContent, TabPane

from drafter.model import Catalogue, Clause, DrafterError, Plan
from drafter.tui.checks import check_entries, warm_up
from drafter.tui.controller.main import MainController
from drafter.tui.controller.selection import TITLE, VALUES, Selection
from drafter.tui.controller.session import PlanSession
from drafter.tui.fields import values_tab_label
from drafter.tui.preview import Preview
from drafter.tui.screens import edit_dialogs, file_dialogs, import_dialogs, messages
from drafter.tui.screens.commands import bindings
from drafter.tui.widgets.browser import Browser
from drafter.tui.widgets.catalogue_tree import ClauseTree
from drafter.tui.widgets.checks_panel import ChecksPanel
from drafter.tui.widgets.clause_detail import ClauseDetail
from drafter.tui.widgets.duibiao_panel import DuibiaoPanel
from drafter.tui.widgets.keys_footer import KeysFooter
from drafter.tui.widgets.outline import PlanOutline
from drafter.tui.widgets.preview_pane import PreviewPane
from drafter.tui.widgets.values_form import ValuesForm
from drafter.util.errors import user_message

if TYPE_CHECKING:
    from drafter.catalog import SearchIndex

WIDE = 170  # columns from which the preview also shows beside the tabs
_TAB_FOCUS = {"tab-outline": "#outline", "tab-values": "#values", "tab-preview": "#preview",
              "tab-checks": "#checks", "tab-duibiao": "#duibiao-file"}


class MainScreen(Screen[None]):
    """Browse the catalogue, edit the plan."""

    BINDINGS: ClassVar[list[BindingType]] = list(bindings())

    # the messages its workers post (screens/messages.py); `MainScreen.Refreshed` for tests
    Refreshed = messages.Refreshed

    def __init__(self, catalog_dir: Path | None, plan_path: Path | None,
                 catalogue: Catalogue | None = None) -> None:
        super().__init__()
        self.controller = MainController(catalog_dir, plan_path)
        self._given_catalogue = catalogue
        self._values_stale = True

    # ------------------------------------------------------------------ what the controller holds

    @property
    def session(self) -> PlanSession | None:
        return self.controller.session

    @property
    def preview(self) -> Preview:
        return self.controller.preview

    @property
    def browser(self) -> Browser:
        return self.query_one(Browser)

    @property
    def index(self) -> SearchIndex | None:
        return self.browser.index

    @property
    def hide_summary(self) -> bool:
        return self.browser.hide_summary

    @property
    def last_search_ms(self) -> float:
        return self.browser.last_search_ms

    @property
    def current_clause(self) -> Clause | None:
        return self.browser.current_clause

    def default_output(self) -> Path:
        return self.controller.default_output()

    # ------------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False, icon="≡")
        with Horizontal(id="body"):
            yield Browser(id="left")
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
        yield KeysFooter()

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
        try:
            catalogue, plan = self.controller.load(self._given_catalogue)
        except (DrafterError, OSError) as exc:
            self.post_message(messages.LoadFailed(user_message(exc)))
            return
        self.post_message(messages.PlanLoaded(catalogue, plan, self.controller.plan_path))

    def on_plan_loaded(self, message: messages.PlanLoaded) -> None:
        self.controller.start(message.catalogue, message.plan, message.path)
        self.browser.show_catalogue(message.catalogue)
        self.query_one(ClauseTree).focus()
        # the index and the warm-up start once the first screen is painted
        self.call_after_refresh(self.browser.build_index, message.catalogue, warm_up)
        self.refresh_views(autosave=False)
        # a plain start also lists named plans with unsaved work (issue 13)
        file_dialogs.offer_recovery(self, then=None if self.controller.plan_path else
                                    lambda: file_dialogs.offer_pending(self))

    def on_load_failed(self, message: messages.LoadFailed) -> None:
        self.query_one(ClauseTree).loading = False
        self.sub_title = "目录加载失败"
        self.notify(message.error, title="无法打开", severity="error", timeout=30)

    # ------------------------------------------------------------------ redraw

    def refresh_views(self, *, autosave: bool = True) -> None:
        """Redraw every pane from the session; autosave a recovery copy when it changed."""
        session = self.session
        if session is None:
            return
        preview = self.controller.refresh()
        self.query_one(PlanOutline).show(session.plan, session.catalogue, session.selection,
                                         self.controller.item_gaps(),
                                         self.controller.item_pending())
        self.values_changed()
        for pane in self.query(PreviewPane):
            pane.show(preview)
        self.run_checks(copy.deepcopy(session.plan), preview, session.revision)
        self.label_tab("tab-values", values_tab_label(len(preview.gaps), len(preview.unconfirmed)))
        self.update_title()
        self.refresh_bindings()
        if autosave and session.dirty:
            self.autosave()
        self.post_message(messages.Refreshed(session.revision))

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
        self.post_message(messages.Checked(entries, revision))

    def on_checked(self, message: messages.Checked) -> None:
        if self.session is None or message.revision != self.session.revision:
            return  # a newer check is on its way
        entries = message.entries
        self.query_one(ChecksPanel).show(entries)
        label = f"检查（{len(entries)}）" if entries else "检查"
        self.label_tab("tab-checks", label)

    def label_tab(self, tab_id: str, label: str) -> None:
        """Relabel a tab only when its text changes: each relabel lays the screen out again."""
        tab = self.query_one(TabbedContent).get_tab(tab_id)
        if tab.label.plain != label:
            tab.label = label

    def refresh_values(self) -> None:
        view = self.controller.values_view()
        if view is None:
            return
        self._values_stale = False
        self.query_one(ValuesForm).show(view.plan, view.item, view.gaps, view.title,
                                        unconfirmed=view.unconfirmed)

    def update_title(self) -> None:
        title = self.controller.sub_title()
        if title is not None:
            self.sub_title = title

    def after_edit(self, selection: Selection | None = None) -> None:
        if self.session is not None and selection is not None:
            self.session.selection = selection
        self.refresh_views()
        self.show_selected_detail()

    def show_selected_detail(self) -> None:
        """The detail pane shows the selected item as the plan has it (own text first)."""
        view = self.controller.detail()
        if view is None:
            return
        detail = self.query_one(ClauseDetail)
        if view.kind == "clause":
            detail.show(view.clause, view.variant)
        elif view.kind == "edited" and view.clause is not None:
            detail.show_edited(view.clause, view.variant, view.lead, view.body)
        else:
            detail.show_custom(view.lead, view.body)

    def show_detail(self, clause: Clause | None, variant: str | None = None) -> None:
        self.browser.show_detail(clause, variant)

    def autosave(self, plan: Plan | None = None) -> None:
        file_dialogs.save_recovery(self, plan)

    # ------------------------------------------------------------------ messages from panes

    def on_plan_outline_selected(self, message: PlanOutline.Selected) -> None:
        if self.controller.select(message.selection):
            self.show_selected_detail()
            self.values_changed()
            self.refresh_bindings()

    def follow_highlight(self) -> None:
        """Before acting: the item the outline's cursor is on is the one acted on (issue 9:
        an action must never fall on an item the cursor has left)."""
        if self.session is None or self.query_one(TabbedContent).active != "tab-outline":
            return
        highlighted = self.query_one(PlanOutline).highlighted
        if highlighted is not None:
            self.on_plan_outline_selected(PlanOutline.Selected(highlighted))

    def on_values_form_changed(self, message: ValuesForm.Changed) -> None:
        if self.controller.store_value(message.field, message.value, as_typed=False):
            self.refresh_views()

    def on_values_form_refused(self, message: ValuesForm.Refused) -> None:
        """What was typed does not fit: the plan keeps it as typed (flagged, never used), so
        no earlier keystroke's value stays behind and no redraw rewrites the field."""
        if self.controller.store_value(message.field, message.raw, as_typed=True):
            self.refresh_views()

    def on_duibiao_panel_compare(self, message: DuibiaoPanel.Compare) -> None:
        if self.session is not None:
            self.query_one(DuibiaoPanel).compare(message.path, self.preview.blocks,
                                                 self.session.catalogue)

    def on_duibiao_panel_search(self, message: DuibiaoPanel.Search) -> None:
        """An unmatched superior task: the catalogue search, pre-filled with its words."""
        self.browser.search_for(message.query)

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

    @on(TabbedContent.TabActivated)
    def tab_activated(self, event: TabbedContent.TabActivated) -> None:
        """The values form is redrawn only while it can be seen (it is the costly pane)."""
        if event.pane.id == "tab-values" and self._values_stale:
            self.refresh_values()

    # the dialog workers' results (Rendered, DocumentImported, EditsCompared)
    on_rendered = file_dialogs.rendered
    on_document_imported = import_dialogs.imported
    on_edits_compared = import_dialogs.compared

    # ------------------------------------------------------------------ keys

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Keys that do not apply now are hidden (the footer shows no dead keys)."""
        return self.controller.enabled(action, clause=self.current_clause,
                                       in_input=isinstance(self.focused, Input))

    def action_show_tab(self, tab: str) -> None:
        """Show a tab and put the focus in it (not left in a pane that is now hidden)."""
        self.query_one(TabbedContent).active = tab
        if tab == "tab-values":
            self.refresh_values()
        self.query_one(_TAB_FOCUS[tab]).focus()

    def action_help(self) -> None:
        from drafter.tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen())

    def action_focus_search(self) -> None:
        self.query_one("#search", Input).focus()

    def action_toggle_summary(self) -> None:
        self.browser.toggle_summary()

    def action_leave_input(self) -> None:
        """Esc in an input: back to the list it belongs to, so keys are commands again."""
        focused = self.focused
        if not isinstance(focused, Input):
            return
        if focused.id == "search":
            self.browser.focus_list()
        elif focused.id == "duibiao-file":
            self.query_one("#duibiao-list").focus()
        else:
            self.query_one(ValuesForm).focus()

    def _tell(self, notice: str | None, timeout: float = 2) -> None:
        if notice is not None:
            self.notify(notice, timeout=timeout)

    def action_undo(self) -> None:
        notice = self.controller.undo()
        if notice is not None:
            self.after_edit()
            self._tell(notice)

    def action_redo(self) -> None:
        notice = self.controller.redo()
        if notice is not None:
            self.after_edit()
            self._tell(notice)

    def action_add_clause(self) -> None:
        clause = self.current_clause
        if self.session is not None and clause is not None:
            self._tell(self.controller.add_clause(clause), timeout=3)
            self.after_edit()

    def action_move_up(self) -> None:
        self.follow_highlight()
        if self.session is not None and self.session.move_selected(-1):
            self.after_edit()

    def action_move_down(self) -> None:
        self.follow_highlight()
        if self.session is not None and self.session.move_selected(1):
            self.after_edit()

    def action_confirm_values(self) -> None:
        self._confirm(whole_chapter=False)

    def action_confirm_chapter(self) -> None:
        self._confirm(whole_chapter=True)

    def _confirm(self, *, whole_chapter: bool) -> None:
        notice = self.controller.confirm(whole_chapter=whole_chapter)
        if notice is not None:
            self._tell(notice)
            self.refresh_views()

    # actions that ask first: functions of the screen beside it (composition, not mixins)
    action_remove_item = edit_dialogs.remove_item
    action_move_chapter = edit_dialogs.move_chapter
    action_add_custom = edit_dialogs.add_custom
    action_edit_text = edit_dialogs.edit_text
    action_choose_variant = edit_dialogs.choose_variant
    action_edit_heading = edit_dialogs.edit_heading
    action_edit_meta = edit_dialogs.edit_meta
    action_edit_task = edit_dialogs.edit_task
    action_save = file_dialogs.save
    action_save_as = file_dialogs.save_as
    action_open_plan = file_dialogs.open_plan
    action_new_plan = file_dialogs.new_plan
    action_render = file_dialogs.render
    action_render_as = file_dialogs.render_as
    action_request_quit = file_dialogs.request_quit
    action_import_edits = import_dialogs.import_edits
