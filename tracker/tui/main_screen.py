"""The main view: objectives on the left, the initiatives of the chosen one with a
column per plan year, the highlighted initiative's details below. Its state —
the objective, the filters, the order, the year view — lives here; the app
(the shell) owns the database and the notifications.

Editing an initiative is `editing.py`'s, actions and decisions `plan_year.py`'s;
this screen holds their keys and hands them on.
"""

from __future__ import annotations


from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.css.query import NoMatches
from textual.screen import Screen
from textual.widgets import Input, OptionList, Static

from .. import present
from ..catalogue import day, t
from ..model import InitiativeView
from . import table_model
from .details import details_text
from .calendar import Calendar
from .editing import InitiativeEditing
from .fitting import FitsTheWidth
from .keyline import KeyLine
from .reading import ReadsOffScreen
from .objectives import ObjectiveLines
from .outside_edits import OutsideEdits
from .pages import PAGE, PagedViews
from .plan_year import PlanYear
from .widgets import DetailsPane, InitiativeTable, ObjectiveList, localize


def dialogs():
    """The dialog screens, imported at the first dialog rather than at start-up."""
    from . import screens

    return screens


def handed_on(part: str, method: str, *args):
    """An action of the screen that `part` (editing or plan_year) carries out."""
    def action(self) -> None:
        getattr(getattr(self, part), method)(*args)

    return action


class MainScreen(FitsTheWidth, ReadsOffScreen, Screen):
    # q, e, r and ? are the app's, named here so the key line (keyline.py) and the
    # help can show them among the rest.
    BINDINGS = [
        Binding("q", "app.quit", "key.quit", id="quit"),
        Binding("s", "status", "key.status", id="status"),
        Binding("o", "owners", "key.owners", id="owners"),
        Binding("p", "priorities", "key.priorities", id="priorities"),
        Binding("n", "note", "key.note", id="note"),
        Binding("a", "add_action", "key.add_action", id="add_action"),
        Binding("d", "decision", "key.decision", id="decision", show=False),
        Binding("A", "year_actions", "key.actions", id="actions"),
        Binding("h", "history", "key.history", id="history"),
        Binding("u", "undo", "key.undo", id="undo"),
        Binding("U,ctrl+r", "redo", "key.redo", id="redo", key_display="U"),
        Binding("slash", "search", "key.filter_text", id="search", key_display="/"),
        Binding("f", "filter", "key.filter", id="filter"),
        Binding("S", "sort", "key.sort", id="sort", show=False),
        Binding("e", "app.export", "key.export", id="export"),
        Binding("y", "year_view", "key.year_view", id="year_view"),
        Binding("t", "timeline", "key.timeline", id="timeline"),
        Binding("m", "agenda", "key.agenda", id="agenda"),
        Binding("r", "app.sync", "key.sync", id="sync"),
        Binding("question_mark", "app.help", "key.help", id="help", key_display="?"),
        Binding("escape", "back", show=False, id="back"),
    ]

    def __init__(self):
        super().__init__()
        localize(self)
        self.objective = "all"
        self.filters: dict = {"text": "", "owner": None, "status": None, "year": None}
        self.sort_column, self.sort_reverse = "plan", False
        self.year_view = False
        self.views = PagedViews([], lambda ids: [])
        self.lengths: dict = {}
        self.lengths_version: int | None = None  # the data_version they were read at
        self.objective_lines = ObjectiveLines(self)
        self.outside = OutsideEdits(self)
        self.large = False
        self.shown: tuple = (None, [])  # (plan words, columns) the rows are drawn with
        self.fitted: table_model.Layout | None = None  # those columns' widths, at this width
        self.editing = InitiativeEditing(self)
        self.plan_year = PlanYear(self)
        self.calendar = Calendar(self)

    # -- what the app gives this screen -------------------------------------------------
    @property
    def store(self):
        return self.app.store

    def say(self, *args, **kwargs) -> None:
        self.app.say(*args, **kwargs)

    def write(self, job, done, failed, label: str = "") -> None:
        self.app.write(job, done, failed, label)

    # -- layout -------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Static(id="header")
        with Horizontal(id="main"):
            yield ObjectiveList(id="objectives")
            with Vertical(id="right"):
                yield Input(placeholder=t("filter.placeholder"), id="search")
                yield Static(id="filterbar")
                with Horizontal(id="work"):
                    yield InitiativeTable(id="initiatives")
                    yield DetailsPane(id="details")
        yield KeyLine(self.BINDINGS, id="keys")

    def on_mount(self) -> None:
        self.app.show_header()
        self.query_one("#objectives").border_title = t("pane.objectives")
        self.query_one("#details").border_title = t("pane.details")
        table = self.query_one(InitiativeTable)
        table.border_title = t("pane.initiatives")
        info = self.store.info
        if info.ended(self.app.today()):  # said once, always in sight, above the years
            table.border_title += " · " + t("period.ended_short", date=day(info.period_end))
        self.query_one("#search").display = False
        self.size_classes(self.app.size.width)
        self._fitted_width = self.app.size.width  # the columns below fit it: no second load
        # The first frame shows the first screenful, read through an index; a large
        # plan's full list, column widths and progress figures follow from a worker.
        first = self.store.first_ids(PAGE)
        small = len(first) < PAGE
        self.large = not small  # its lists are sorted and filtered on a worker
        self.objective_lines.fill(counts=small)
        self.load(details=False, ids=None if small else first,
                  lengths=None if small else self.page_lengths(first))
        self.call_after_refresh(self.show_details)  # after the first frame: it shows sooner
        if not small:
            self.call_after_refresh(self.load_in_background)
        table.focus()

    # -- the initiatives ----------------------------------------------------------------
    def list_filters(self) -> dict:
        f = self.filters
        return {"objective": None if self.objective in ("all", "archived") else self.objective,
                "archived": self.objective == "archived", "text": f["text"] or None,
                "owner": f["owner"], "status": f["status"], "year": f["year"]}

    def load(self, keep: str | None = None, details: bool = True,
             ids: list[str] | None = None, lengths: dict | None = None,
             seen: int | None = None) -> None:
        """Show the initiatives of the current objective and filters, in the chosen
        order (sorted in SQL). Only the rows drawn are read, a page at a time, so
        this costs the same at any size; `ids` and `lengths` when already known."""
        table = self.query_one(InitiativeTable)
        current = keep or self.current_id()
        # The history's newest row, read before the list: an edit after it is shown later.
        self.outside.read_from(seen if seen is not None else self.store.newest_change())
        if ids is None:
            ids = self.store.initiative_order(self.sort_column, self.sort_reverse,
                                              **self.list_filters())
        self.views = PagedViews(ids, lambda wanted: self.store.initiatives(
            ids=wanted, archived=None))
        version = self.store.data_version()
        if lengths is not None:
            self.lengths, self.lengths_version = lengths, version
        elif self.lengths_version != version:
            self.lengths, self.lengths_version = self.store.column_lengths(), version
        fitted = self.fit()
        table.set_rows(fitted.columns, ids, lambda row: self.cells(self.views[row]),
                       fitted.widths, cursor_key=current, pinned=fitted.pinned)
        self.show_filters()
        if details:
            self.show_details()
        self.app.data_version = version

    def show_list(self) -> None:
        """The list for the objective, filters and order chosen now: read at once for
        a plan of a few pages, on a worker for a large one (a keystroke in the filter
        must not wait while 100,000 initiatives are sorted)."""
        if self.large:
            self.show_filters()
            self.load_in_background(details=True, figures=False)
        else:
            self.load()

    def page_lengths(self, ids: list[str]) -> dict:
        """Column lengths of a few rows, until those of the whole plan are read."""
        return table_model.lengths_of(self.store.initiatives(ids=ids, archived=None),
                                      self.store.info)

    def load_in_background(self, details: bool = False, figures: bool = True) -> None:
        """The whole list of a large plan, read on the worker's connection while the
        screen goes on; with `figures` its column widths and progress figures too
        (not on a keystroke in the filter: they have not changed)."""
        wanted = (self.objective, self.sort_column, self.sort_reverse, str(self.filters))
        filters = self.list_filters()
        sort = (self.sort_column, self.sort_reverse)

        def job(reader):
            return (reader.newest_change(),  # first: what is read below is at least this
                    (reader.progress(), reader.late_by_objective()) if figures else None,
                    reader.column_lengths() if figures else None,
                    reader.initiative_order(*sort, **filters))

        def done(outcome) -> None:
            seen, progress, lengths, ids = outcome
            try:
                if progress is not None:
                    self.objective_lines.show_progress(*progress)
                if wanted == (self.objective, self.sort_column, self.sort_reverse,
                              str(self.filters)):  # nobody chose another list meanwhile
                    self.load(details=details, ids=ids, lengths=lengths, seen=seen)
            except NoMatches:  # the app closed meanwhile
                return

        self.read_in_worker(job, done)

    def refresh_from_database(self) -> None:
        """Another user changed something: show it (only what changed, where it can)."""
        self.outside.show()

    def cells(self, v: InitiativeView) -> list[tuple[str, str]]:
        return table_model.cells(self.shown[0], v, self.shown[1])

    def current(self) -> InitiativeView | None:
        """The highlighted initiative, or None."""
        tables = self.query(InitiativeTable)
        if not tables or not self.views:
            return None
        row = tables.first().cursor_row
        return self.views[row] if 0 <= row < len(self.views) else None

    def current_id(self) -> str | None:
        v = self.current()
        return v.id if v else None

    def need_current(self) -> InitiativeView | None:
        v = self.current()
        if v is None:
            self.say(t("msg.no_initiative"), severity="warning")
        return v

    def need_editable(self) -> InitiativeView | None:
        """The highlighted initiative, if it may be changed: not archived (gone from
        the plan, its record kept as it was)."""
        v = self.need_current()
        if v is not None and v.archived:
            self.say(t("msg.archived", name=v.name), severity="warning", timeout=10)
            return None
        return v

    def show_filters(self) -> None:
        words = table_model.filter_words(self.store.info, self.filters, self.sort_column,
                                         self.sort_reverse)
        bar_ = self.query_one("#filterbar", Static)
        bar_.display = bool(words)
        bar_.update(Text(t("filter.active", filters=words)))

    def show_details(self) -> None:
        panes = self.query(DetailsPane)
        if not panes:  # a late event while the app closes
            return
        pane = panes.first()
        v = self.current()
        if v is None:
            pane.show(Text(t("details.none"), style="dim"))
            return
        pane.show(details_text(self.store, v, self.app.today()))
        pane.scroll_home(animate=False)

    # -- events -------------------------------------------------------------------
    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_list.id == "objectives" and event.option.id != self.objective:
            self.objective = event.option.id
            self.show_list()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list.id == "objectives":
            self.query_one(InitiativeTable).focus()

    def on_initiative_table_row_highlighted(self, event: InitiativeTable.RowHighlighted) -> None:
        self.show_details()

    def on_initiative_table_row_selected(self, event: InitiativeTable.RowSelected) -> None:
        self.editing.menu()

    def on_initiative_table_header_selected(self, event: InitiativeTable.HeaderSelected) -> None:
        column = event.column_key
        if self.sort_column == column:
            self.sort_reverse = not self.sort_reverse
        else:
            self.sort_column, self.sort_reverse = column, False
        self.show_list()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "search":
            self.filters["text"] = event.value
            self.show_list()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "search":
            self.query_one(InitiativeTable).focus()

    # -- showing an edit ------------------------------------------------------------------
    def show_row(self, v: InitiativeView) -> None:
        """Draw one row in place; if its owners, status or a level need more room than
        the columns were fitted for, fit them again (within the terminal's width)."""
        wider = table_model.widened(self.lengths,
                                    table_model.lengths_of([v], self.store.info))
        if wider != self.lengths:
            self.lengths = wider
            self.refit()
        self.query_one(InitiativeTable).update_row(v.id, self.cells(v))

    def after_change(self, changed: str | None = None) -> None:
        """Show an edit: one row redrawn in place, unless a filter or sort may move it."""
        table = self.query_one(InitiativeTable)
        f = self.filters
        in_place = (self.sort_column == "plan" and not any(f.values())
                    and changed in table.index)
        if not in_place:
            self.objective_lines.fill()
            self.load(keep=changed)
            return
        fresh = self.store.initiatives(ids=[changed], archived=None)[0]
        row = table.index[changed]
        self.objective_lines.count_change(self.views[row], fresh)
        self.views[row] = fresh
        self.show_row(fresh)
        self.show_details()
        self.app.data_version = self.store.data_version()

    # -- finding --------------------------------------------------------------------
    def action_search(self) -> None:
        search = self.query_one("#search", Input)
        search.display = True
        search.focus()

    def action_back(self) -> None:
        search = self.query_one("#search", Input)
        if search.has_focus or self.filters["text"]:
            search.value = ""
            search.display = False
            self.filters["text"] = ""
            self.show_list()
            self.query_one(InitiativeTable).focus()
        elif any(self.filters.values()):  # escape takes the filters off
            self.filters = dict.fromkeys(self.filters)
            self.show_list()
        else:  # the list stays in focus (the objectives pane may be hidden): tab goes there
            self.query_one(InitiativeTable).focus()

    def action_filter(self) -> None:
        info = self.store.info
        choices = [("clear", t("filter.clear"))]
        choices += [(f"owner:{o}", t("filter.by_owner", name=f"{name} ({o})"))
                    for o, name in info.roster]
        choices += [(f"status:{s.key}", t("filter.by_status", label=present.status(info, s.key)))
                    for s in info.statuses]
        choices += [(f"year:{y}", t("filter.by_year", year=y)) for y in info.years]

        def chosen(choice: str | None) -> None:
            if not choice:
                return
            if choice == "clear":
                self.filters.update(owner=None, status=None, year=None)
            else:
                kind, value = choice.split(":", 1)
                self.filters[kind] = int(value) if kind == "year" else value
            self.show_list()

        self.app.push_screen(dialogs().ChoiceScreen(t("filter.title"), choices), chosen)

    def action_sort(self) -> None:
        """Cycle: plan order, then each column ascending and descending."""
        columns = table_model.SORT_COLUMNS + [f"y{y}" for y in self.store.info.years]
        states = [("plan", False)] + [(c, r) for c in columns[1:] for r in (False, True)]
        current = (self.sort_column, self.sort_reverse)
        index = states.index(current) if current in states else 0
        self.sort_column, self.sort_reverse = states[(index + 1) % len(states)]
        self.show_list()

    def action_objective(self, objective_id: str) -> None:
        objectives = self.query_one(ObjectiveList)
        for index in range(objectives.option_count):
            if objectives.get_option_at_index(index).id == objective_id:
                objectives.highlighted = index
        self.objective = objective_id
        self.show_list()
        self.query_one(InitiativeTable).focus()

    # -- the keys of editing.py, plan_year.py and calendar.py, handed on --------------------
    action_edit = handed_on("editing", "menu")
    action_status = handed_on("editing", "status")
    action_owners = handed_on("editing", "owners")
    action_priorities = handed_on("editing", "priorities")
    action_note = handed_on("editing", "note")
    action_history = handed_on("editing", "history")
    action_undo = handed_on("editing", "revert", "undo")
    action_redo = handed_on("editing", "revert", "redo")
    action_add_action = handed_on("plan_year", "add_action")
    action_edit_action = handed_on("plan_year", "choose_action")
    action_decision = handed_on("plan_year", "add_decision")
    action_year_actions = handed_on("plan_year", "actions_view")
    action_export_plan = handed_on("plan_year", "export_plan")
    action_timeline = handed_on("calendar", "timeline")
    action_agenda = handed_on("calendar", "agenda")
