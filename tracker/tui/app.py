"""The interactive tracker: a thin client of the store.

Every edit goes through `Store.edit` (or undo/redo) at once, with the version
the screen showed, so a colleague's change meanwhile is never overwritten.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from rich.text import Text

from textual import work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.css.query import NoMatches
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from .. import present
from ..catalogue import t
from ..errors import StaleEdit, TrackerError
from ..model import Change, InitiativeView
from ..present import visible
from ..store import Store
from ..sync import file_sha256
from .keys import KeysInOrder
from .database import Database
from .pages import PAGE, PagedViews
from .plan_year import PlanYear
from .widgets import (LEVEL_STYLES, STATUS_STYLES, DetailsPane, InitiativeTable,
                      ObjectiveList, _width, bar, localize, status_text)

SORT_COLUMNS = ["plan", "id", "title", "owners", "status"]
WAIT_NOTICE = 0.3  # seconds a write may wait for the lock before the user is told
# Textual's palette entries, by their English title, and the catalogue key of each.
SYSTEM_COMMANDS = {"Theme": "sys.theme", "Quit": "sys.quit", "Keys": "sys.keys",
                   "Maximize": "sys.maximize", "Minimize": "sys.minimize",
                   "Screenshot": "sys.screenshot"}
WIDE = 150  # from this width the objectives pane is wider
OBJECTIVES_WIDTH = {False: 26, True: 42}  # as in app.tcss (#objectives, .wide #objectives)
NAME_ROOM = (12, 40)  # an initiative's name gets at least, and at most, this many columns
OWNERS_ROOM = 8  # owners give way after the names, down to this


def dialogs():
    """The dialog screens, imported at the first dialog rather than at start-up."""
    from . import screens

    return screens


def tracker_commands():
    """The command palette's provider, loaded when the palette first opens."""
    from .commands import TrackerCommands

    return TrackerCommands


def lengths_of(views: list[InitiativeView]) -> dict:
    """What the column widths need of these rows, as `Store.column_lengths` gives it
    for all of them."""
    return {"name": max([0] + [len(v.name) for v in views]),
            "id": max([0] + [len(v.id) for v in views]),
            "owners": max([0] + [len(", ".join(v.owners)) for v in views]),
            "statuses": list({v.status for v in views}),
            "levels": list({lv for v in views for lv in v.priorities.values()})}


def widened(lengths: dict, more: dict) -> dict:
    """`lengths` grown by `more`: the longer of each length, the words of both
    (equal to `lengths` when `more` needs no more room)."""
    return {key: (max(have, more[key]) if isinstance(have, int)
                  else have + [w for w in more[key] if w not in have])
            for key, have in lengths.items()}


class TrackerApp(PlanYear, KeysInOrder, App):
    CSS_PATH = "app.tcss"
    TITLE = "tracker"
    COMMANDS = App.COMMANDS | {tracker_commands}
    BINDINGS = [
        Binding("q", "quit", "key.quit", id="quit"),
        Binding("s", "status", "key.status", id="status"),
        Binding("o", "owners", "key.owners", id="owners"),
        Binding("p", "priorities", "key.priorities", id="priorities"),
        Binding("n", "note", "key.note", id="note"),
        Binding("a", "add_action", "key.add_action", id="add_action"),
        Binding("d", "decision", "key.decision", id="decision", show=False),
        Binding("A", "actions", "key.actions", id="actions"),
        Binding("h", "history", "key.history", id="history"),
        Binding("u", "undo", "key.undo", id="undo"),
        Binding("U,ctrl+r", "redo", "key.redo", id="redo", key_display="U"),
        Binding("slash", "search", "key.filter_text", id="search", key_display="/"),
        Binding("f", "filter", "key.filter", id="filter"),
        Binding("S", "sort", "key.sort", id="sort", show=False),
        Binding("e", "export", "key.export", id="export"),
        Binding("y", "year_view", "key.year_view", id="year_view"),
        Binding("r", "sync", "key.sync", id="sync"),
        Binding("question_mark", "help", "key.help", id="help", key_display="?"),
        Binding("escape", "back", show=False, id="back"),
        Binding("ctrl+p", "command_palette", "key.palette", show=False, priority=True,
                id="palette"),
    ]

    def __init__(self, store: Store, plan_path: Path, user: str, sync_result=None,
                 poll_seconds: float = 1.0, export_date: str | None = None,
                 reports: Path | None = None):
        super().__init__()
        localize(self)
        self.store, self.plan_path, self.user = store, Path(plan_path), user
        self.reports = reports  # served: the one folder exports go to
        self.sync_result = sync_result
        self.poll_seconds = poll_seconds
        self.export_date = export_date
        self.objective = "all"
        self.filters: dict = {"text": "", "owner": None, "status": None, "year": None}
        self.sort_column, self.sort_reverse = "plan", False
        self.year_view = False
        self.database = Database(store, self.call_from_thread)
        self.quit_when_saved = False  # asked to quit while a save was waiting
        self.views = PagedViews([], lambda ids: [])
        self.lengths: dict = {}
        self.lengths_version: int | None = None  # the data_version they were read at
        self.progress: dict | None = None
        self.plan_seen: tuple | None = None  # (size, mtime) of the plan file last hashed
        self.data_version = store.data_version()
        self.plan_warned = False

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
        yield Footer()

    def on_mount(self) -> None:
        self.show_header()
        self.query_one("#objectives").border_title = t("pane.objectives")
        self.query_one("#details").border_title = t("pane.details")
        table = self.query_one(InitiativeTable)
        table.border_title = t("pane.initiatives")
        self.query_one("#search").display = False
        self.set_class(self.size.width >= WIDE, "wide")
        self._fitted_width = self.size.width  # the columns below fit it: no second load
        # The first frame shows the first screenful, read through an index; a large
        # plan's full list, column widths and progress figures follow from a worker.
        first = self.store.first_ids(PAGE)
        small = len(first) < PAGE
        self.fill_objectives(counts=small)
        self.load(details=False, ids=None if small else first,
                  lengths=None if small else self.page_lengths(first))
        self.call_after_refresh(self.show_details)  # after the first frame: it shows sooner
        if not small:
            self.call_after_refresh(self.load_in_background)
        table.focus()
        if self.sync_result is not None:
            self.report_sync(self.sync_result)
        self.set_interval(self.poll_seconds, self.poll)

    def show_header(self) -> None:
        """The plan's title (also the terminal's title: never raw), the user, the DB."""
        title = visible(self.store.info.title)
        self.title = title
        header = Text(title, style="bold")
        header.append(visible(f"  ·  {t('app.user', user=self.user)}  ·  "
                              f"{shown_path(self.store.path)}"), style="dim")
        self.query_one("#header", Static).update(header)

    def on_resize(self, event) -> None:
        self.apply_width(event.size.width)
        self.call_after_refresh(self.fit_objectives)

    def fit_objectives(self) -> None:
        """Redraw the objective lines when their pane changed width."""
        width = self.query_one(ObjectiveList).size.width
        if width != getattr(self, "_objectives_width", None):
            self._objectives_width = width
            self.fill_objectives(counts=False)

    def apply_width(self, width: int) -> None:
        """Columns are fitted to the width: refit them when it changes."""
        self.set_class(width >= WIDE, "wide")
        if getattr(self, "_fitted_width", None) != width:
            self._fitted_width = width
            self.refit()

    def refit(self) -> None:
        """New column widths for the rows shown (no reading: they are known)."""
        if not self.lengths:  # nothing shown yet: the first load fits them
            return
        columns = self.columns()
        self.query_one(InitiativeTable).set_columns(columns, self.column_widths(columns))

    def action_year_view(self) -> None:
        """Toggle the year view: initiative × plan year, for a narrow terminal."""
        self.year_view = not self.year_view
        self.refit()

    # -- loading ------------------------------------------------------------------
    def fill_objectives(self, counts: bool = True) -> None:
        """The objective lines; with `counts` their progress figures counted anew
        (else as they are: not yet counted for a large plan just opened)."""
        objectives = self.query_one(ObjectiveList)
        if counts:
            self.progress = self.store.progress()
        highlighted = objectives.highlighted
        objectives.clear_options()
        objectives.add_option(Option(self.objective_line("all"), id="all"))
        self.objective_names = {"all": t("objective.all")}
        for o in self.store.objectives():
            self.objective_names[o.id] = \
                f"{o.number:>2} {visible(present.objective_title(self.store.info, o.id))}"
            objectives.add_option(Option(self.objective_line(o.id), id=o.id))
        objectives.add_option(Option(Text(t("objective.archived")), id="archived"))
        objectives.highlighted = highlighted if highlighted is not None else 0

    def objective_line(self, key: str) -> Text:
        """'  9 Sparring og rådgivning  ██░░ 1/2', fitted to the pane."""
        inner = max(self.query_one(ObjectiveList).size.width - 1, 18)
        label = self.objective_names.get(key, t("objective.all")) \
            if hasattr(self, "objective_names") else t("objective.all")
        if self.progress is None:  # not counted yet (a large plan, just opened)
            return Text(label if len(label) <= inner else label[: inner - 1] + "…")
        done, total = self.progress.get(key, (0, 0))
        figures = t("objective.progress", done=done, total=total)
        with_bar = inner >= 30
        room = inner - len(figures) - (6 if with_bar else 1)
        label = label if len(label) <= room else label[: room - 1] + "…"
        text = Text(f"{label:<{room}} ")
        if with_bar:
            text.append(bar(done, total, 4) + " ", style="green")
        text.append(figures, style="dim")
        return text

    def count_status_change(self, before: InitiativeView, after: InitiativeView) -> None:
        """Move one initiative between done and not done in the progress lines,
        without recounting every initiative."""
        info = self.store.info
        delta = int(info.status(after.status).done) - int(info.status(before.status).done)
        if not delta or self.progress is None:
            return
        objectives = self.query_one(ObjectiveList)
        for key in (after.objective_id, "all"):
            done, total = self.progress.get(key, (0, 0))
            self.progress[key] = (done + delta, total)
            index = objectives.get_option_index(key)
            objectives.replace_option_prompt_at_index(index, self.objective_line(key))

    def list_filters(self) -> dict:
        f = self.filters
        return {"objective": None if self.objective in ("all", "archived") else self.objective,
                "archived": self.objective == "archived", "text": f["text"] or None,
                "owner": f["owner"], "status": f["status"], "year": f["year"]}

    def load(self, keep: str | None = None, details: bool = True,
             ids: list[str] | None = None, lengths: dict | None = None) -> None:
        """Show the initiatives of the current objective and filters, in the chosen
        order (sorted in SQL). Only the rows drawn are read, a page at a time, so
        this costs the same at any size; `ids` and `lengths` when already known."""
        table = self.query_one(InitiativeTable)
        current = keep or self.current_id()
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
        columns = self.columns()
        table.set_rows(columns, ids, lambda row: self.cells(self.views[row]),
                       self.column_widths(columns), cursor_key=current)
        self.show_filters()
        if details:
            self.show_details()
        self.data_version = version

    def page_lengths(self, ids: list[str]) -> dict:
        """Column lengths of a few rows, until those of the whole plan are read."""
        return lengths_of(self.store.initiatives(ids=ids, archived=None))

    def load_in_background(self, details: bool = False) -> None:
        """The whole list, its column widths and the progress figures of a large plan,
        read on the worker's connection while the first screenful is on screen."""
        wanted = (self.objective, self.sort_column, self.sort_reverse, str(self.filters))
        filters = self.list_filters()

        def job(reader):
            return (reader.progress(), reader.column_lengths(),
                    reader.initiative_order(self.sort_column, self.sort_reverse, **filters))

        def done(outcome) -> None:
            if isinstance(outcome, Exception):
                self.say(present.explain(outcome), severity="error", timeout=10)
                return
            progress, lengths, ids = outcome
            self.progress = progress
            try:
                objectives = self.query_one(ObjectiveList)
                for key in ["all"] + [o.id for o in self.store.objectives()]:
                    objectives.replace_option_prompt_at_index(
                        objectives.get_option_index(key), self.objective_line(key))
                if wanted == (self.objective, self.sort_column, self.sort_reverse,
                              str(self.filters)):  # nobody chose another list meanwhile
                    self.load(details=details, ids=ids, lengths=lengths)
            except NoMatches:  # the app closed meanwhile
                return

        self.read_in_worker(job, done)

    @work(thread=True, group="reads", exclusive=True, exit_on_error=False)
    def read_in_worker(self, job, done) -> None:
        """A read that grows with the plan, off the screen's thread; a newer one
        of the same group replaces it (its result is not shown)."""
        from textual.worker import get_current_worker

        try:
            outcome = self.database.read(job)
        except Exception as exc:  # noqa: BLE001 — shown to the user, never a crash
            outcome = exc
        if not get_current_worker().is_cancelled:
            self.call_from_thread(done, outcome)

    def columns(self) -> list[tuple[str, str]]:
        """(key, heading) of the columns shown: in the year view just the name and a
        column per plan year, so a narrow terminal still shows every year."""
        years = [(f"y{year}", str(year)) for year in self.store.info.years]
        if self.year_view:
            return [("title", t("col.title"))] + years
        return ([("title", t("col.title")), ("owners", t("col.owners")),
                 ("status", t("col.status"))] + years + [("id", t("col.id"))])

    def cells(self, v: InitiativeView) -> list[tuple[str, str]]:
        """A row's cells as (text, style); the table makes them rich only on screen
        and cuts each to its column's width."""
        info = self.store.info
        cell = {"title": (visible(v.name), ""), "owners": (", ".join(v.owners) or "–", ""),
                "status": (present.status(info, v.status), STATUS_STYLES.get(v.status, "")),
                "id": (v.id, "dim")}
        for year in info.years:
            level = v.priorities.get(year)
            cell[f"y{year}"] = (present.level(info, level), LEVEL_STYLES.get(level, ""))
        return [cell[key] for key, _ in self.columns()]

    def column_widths(self, columns: list[tuple[str, str]]) -> list[int]:
        """Widths that fit the terminal, found without making any cell: every plan
        year and the status keep theirs; names, then owners, give way; the id
        (last, also in the details) may run off the edge."""
        info, lengths = self.store.info, self.lengths
        level = max([1] + [_width(present.level(info, key)) for key in lengths["levels"]])
        natural = {
            "title": min(NAME_ROOM[1], max(1, lengths["name"])),
            "owners": max(1, lengths["owners"]),
            "status": max([1] + [_width(present.status(info, key))
                                 for key in lengths["statuses"]]),
            "id": max(1, lengths["id"])}
        widths = {key: max(_width(label), natural.get(key, level)) for key, label in columns}
        room = (self.size.width - OBJECTIVES_WIDTH[self.has_class("wide")] - 5
                - InitiativeTable.GAP * len(columns))
        over = sum(w for key, w in widths.items() if key != "id") - room
        for key, least in (("title", NAME_ROOM[0]), ("owners", OWNERS_ROOM)):
            if over > 0 and key in widths:
                give = min(over, max(0, widths[key] - least))
                widths[key] -= give
                over -= give
        return [widths[key] for key, _ in columns]

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

    def show_filters(self) -> None:
        f = self.filters
        info = self.store.info
        parts = []
        if f["text"]:
            parts.append(t("filter.text", text=f["text"]))
        if f["owner"]:
            parts.append(t("filter.owner", owner=info.owner_name(f["owner"])))
        if f["status"]:
            parts.append(t("filter.status", status=present.status(info, f["status"])))
        if f["year"]:
            parts.append(t("filter.year", year=f["year"]))
        if self.sort_column != "plan":
            arrow = "↓" if self.sort_reverse else "↑"
            parts.append(t("sort.by", column=f"{self.sort_column.lstrip('y')} {arrow}"))
        bar_ = self.query_one("#filterbar", Static)
        bar_.display = bool(parts)
        bar_.update(Text(t("filter.active", filters=" · ".join(parts))))

    def show_details(self) -> None:
        panes = self.query(DetailsPane)
        if not panes:  # a late event while the app closes
            return
        pane = panes.first()
        v = self.current()
        if v is None:
            pane.show(Text(t("details.none"), style="dim"))
            return
        info = self.store.info
        term = info.status(v.status)
        parts = [Text(f"{v.id} — {visible(v.name)}", style="bold")]
        if v.archived:
            parts.append(Text(t("details.archived"), style="bold red"))
        parts.append(Text(visible(v.title)))
        if v.description:
            parts.append(Text(visible(v.description), style="italic"))

        def row(label: str, value) -> Text:
            text = Text(f"{label}: ", style="bold")
            text.append_text(value if isinstance(value, Text) else Text(str(value)))
            return text

        parts += [
            Text(""),
            row(t("details.objective"), present.objective(info, v.objective_id)),
            row(t("details.kind"), present.kind(v.kind)),
            row(t("details.status"), status_text(term.key, present.status(info, term.key))),
            row(t("details.owners"),
                visible(", ".join(info.owner_name(o) for o in v.owners)) or "–"),
            row(t("details.priorities"), "  ".join(
                f"{y}: {present.level(info, v.priorities.get(y))}"
                for y in info.years)),
            row(t("details.also_supports"), present.objectives(info, v.also_supports)),
            Text(visible(t("details.version", version=v.version,
                           when=present.when(v.updated_at or ""), who=v.updated_by or "–")),
                 style="dim"),
        ]
        parts += self.plan_year_lines(v)
        parts += [Text(""), Text(t("details.notes"), style="bold underline")]
        notes = self.store.notes(v.id)
        if not notes:
            parts.append(Text(t("details.no_notes"), style="dim"))
        for note in notes[:20]:
            line = Text(f"{present.when(note.created_at)} {visible(note.author)}: ", style="dim")
            line.append(visible(note.text), style="")
            parts.append(line)
        parts += [Text(""), Text(t("details.changes"), style="bold underline")]
        for entry in reversed(present.fold(self.store.history(v.id, limit=16))[-8:]):
            line = Text(f"{present.when(entry.at)} {visible(entry.who)}: ", style="dim")
            line.append(present.change(info, entry))
            parts.append(line)
        pane.show(Text("\n").join(parts))
        pane.scroll_home(animate=False)

    # -- events -------------------------------------------------------------------
    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_list.id == "objectives" and event.option.id != self.objective:
            self.objective = event.option.id
            self.load()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list.id == "objectives":
            self.query_one(InitiativeTable).focus()

    def on_initiative_table_row_highlighted(self, event: InitiativeTable.RowHighlighted) -> None:
        self.show_details()

    def on_initiative_table_row_selected(self, event: InitiativeTable.RowSelected) -> None:
        self.action_edit()

    def on_initiative_table_header_selected(self, event: InitiativeTable.HeaderSelected) -> None:
        column = event.column_key
        if self.sort_column == column:
            self.sort_reverse = not self.sort_reverse
        else:
            self.sort_column, self.sort_reverse = column, False
        self.load()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "search":
            self.filters["text"] = event.value
            self.load()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "search":
            self.query_one(InitiativeTable).focus()

    # -- polling: other users, and the plan file -------------------------------------
    def poll(self) -> None:
        try:
            version = self.store.data_version()
        except Exception:  # the DB went away; say so once, keep the screen
            return
        if version != self.data_version:
            self.store.forget_info()  # another process may have synced a new plan
            self.data_version = version
            try:
                if len(self.views) >= PAGE:  # a large list: read again on the worker
                    self.fill_objectives(counts=False)
                    self.load_in_background(details=True)
                else:
                    self.fill_objectives()
                    self.load()
            except NoMatches:  # the app is closing; nothing to show any more
                return
        self.check_plan_file()

    def check_plan_file(self) -> None:
        """Say once when the plan file changed (e.g. after `git pull`). It is hashed
        only when its size or time changed: a large plan is not read every second."""
        if self.plan_warned:
            return
        try:
            stat = self.plan_path.stat()
            seen = (stat.st_size, stat.st_mtime_ns)
            if seen == self.plan_seen:
                return
            changed = file_sha256(self.plan_path) != self.store.meta("plan_sha256")
            self.plan_seen = seen
        except OSError:
            return
        if changed:
            self.plan_warned = True
            self.say(t("msg.plan_changed"), severity="warning", timeout=30)

    def say(self, message: str, severity: str = "information", timeout: float = 5,
            title: str = "") -> None:
        """A notification; user text in it is never read as markup."""
        self.notify(visible(message), title=visible(title), severity=severity,
                    timeout=timeout, markup=False)

    # -- editing ------------------------------------------------------------------
    def need_current(self) -> InitiativeView | None:
        v = self.current()
        if v is None:
            self.say(t("msg.no_initiative"), severity="warning")
        return v

    # -- writing: never on the screen's thread ------------------------------------------
    def write(self, job, done, label: str = "") -> None:
        """Run `job(writer)`, a change of the database, on the one writer thread with its
        own connection, after every change asked before it, so the screen keeps
        answering while another user's write holds the lock; then `done(result, or the
        error)` back on the screen's thread. Past a moment's wait the user is told;
        past the busy timeout the error says so. `label` names it if quitting must ask."""
        notice = self.set_timer(WAIT_NOTICE, lambda: self.say(t("msg.waiting"), timeout=10))

        def finish(outcome) -> None:
            notice.stop()
            done(outcome)
            if self.quit_when_saved and self.database.waiting() == [label]:
                self.leave()  # the last save the person waited for is done

        self.database.submit(job, finish, label or t("quit.a_change"))

    async def action_quit(self) -> None:
        """Quit; if a save still waits for another user's lock, say which and ask
        whether to wait for it or to drop it. Nothing is dropped silently."""
        waiting = self.database.waiting()
        if not waiting:
            self.leave()
            return

        def answer(choice: str | None) -> None:
            if choice == "drop":
                self.leave()
            elif choice == "wait":
                self.quit_when_saved = True
                self.say(t("quit.waiting"), timeout=10)

        self.push_screen(dialogs().ChoiceScreen(
            t("quit.title", changes="; ".join(visible(w) for w in waiting)),
            [("wait", t("quit.wait")), ("drop", t("quit.drop"))]), answer)

    def leave(self) -> None:
        """Exit at once: the writer's thread never holds up the process."""
        self.database.close()
        self.exit()

    def on_unmount(self) -> None:
        self.database.close()  # never waits for a lock on the screen's thread

    def save(self, v: InitiativeView, change: Change, again=None) -> None:
        """Save an edit made on the screen. If it is refused, `again(fresh)` opens the
        dialog once more with what the user typed, on the initiative as it is now."""
        def done(outcome) -> None:
            if isinstance(outcome, StaleEdit):
                self.say(present.explain(outcome, self.store.info), severity="error",
                         timeout=15)
                self.after_change(v.id)
                if again is not None:
                    again(self.current() if self.current_id() == v.id else v)
            elif isinstance(outcome, Exception):
                self.say(present.explain(outcome, self.store.info), severity="error",
                         timeout=10)
                self.after_change(v.id)  # the row as stored, not as chosen
                if again is not None:
                    again(v)
            else:
                self.say(t("msg.saved" if outcome != v.version else "msg.unchanged", id=v.id))
                self.after_change(v.id)

        self.show_pending(v, change)
        self.write(lambda writer: writer.edit(v.id, change, self.user, "tui",
                                              expected_version=v.version), done,
                   label=t("quit.saving", name=v.name))

    def show_pending(self, v: InitiativeView, change: Change) -> None:
        """Draw the row with the values just chosen while the save runs, so the screen
        answers at once; the save's outcome redraws it from the database (on a
        refusal, back to what is stored, with the message)."""
        table = self.query_one(InitiativeTable)
        only_a_note = change == Change(note=change.note)
        if v.id not in table.index or only_a_note:
            return
        shown = dataclasses.replace(
            v, status=change.status or v.status,
            owners=tuple(change.owners) if change.owners is not None else v.owners,
            priorities={y: lv for y, lv in {**v.priorities, **change.priorities}.items() if lv})
        self.show_row(shown)

    def show_row(self, v: InitiativeView) -> None:
        """Draw one row in place; if its owners, status or a level need more room than
        the columns were fitted for, fit them again (within the terminal's width)."""
        wider = widened(self.lengths, lengths_of([v]))
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
            self.fill_objectives()
            self.load(keep=changed)
            return
        fresh = self.store.initiatives(ids=[changed], archived=None)[0]
        row = table.index[changed]
        self.count_status_change(self.views[row], fresh)
        self.views[row] = fresh
        self.show_row(fresh)
        self.show_details()
        self.data_version = self.store.data_version()

    def action_edit(self) -> None:
        v = self.need_current()
        if v is None:
            return
        choices = [(name, t(f"edit.{name}")) for name in
                   ("status", "owners", "priorities", "note", "add_action", "edit_action",
                    "decision", "history")]

        def chosen(name: str | None) -> None:
            if name:
                getattr(self, f"action_{name}")()

        self.push_screen(dialogs().ChoiceScreen(t("edit.title", id=v.id), choices), chosen)

    def action_status(self) -> None:
        v = self.need_current()
        if v is None:
            return
        self.push_screen(dialogs().StatusPicker(v.id, self.store.info.statuses, v.status),
                         lambda key: key and self.save(v, Change(status=key)))

    def action_owners(self) -> None:
        v = self.need_current()
        if v is None:
            return
        self.owners_dialog(v, v.owners)

    def owners_dialog(self, v: InitiativeView, ticked) -> None:
        def done(owners) -> None:
            if owners is not None:
                self.save(v, Change(owners=list(owners)),
                          again=lambda fresh: self.owners_dialog(fresh, owners))

        self.push_screen(dialogs().OwnersPicker(v.id, self.store.info.roster, ticked), done)

    def action_priorities(self) -> None:
        v = self.need_current()
        if v is None:
            return
        self.priorities_dialog(v, v.priorities)

    def priorities_dialog(self, v: InitiativeView, values: dict) -> None:
        info = self.store.info

        def done(chosen: dict | None) -> None:
            if chosen is None:
                return
            changed = {y: lv for y, lv in chosen.items() if lv != v.priorities.get(y, "")}
            if changed:
                # Refused? Show the initiative as it is now, with this user's changes on top.
                self.save(v, Change(priorities={y: lv or None for y, lv in changed.items()}),
                          again=lambda fresh: self.priorities_dialog(
                              fresh, {**fresh.priorities, **changed}))

        self.push_screen(dialogs().PrioritiesEditor(v.id, info.years, info.levels, values),
                         done)

    def action_note(self) -> None:
        v = self.need_current()
        if v is None:
            return
        self.note_dialog(v, "")

    def note_dialog(self, v: InitiativeView, draft: str) -> None:
        def done(text: str | None) -> None:
            if text:
                self.save(v, Change(note=text), again=lambda fresh: self.note_dialog(fresh, text))

        self.push_screen(dialogs().NoteEditor(v.id, draft), done)

    def action_history(self) -> None:
        v = self.need_current()
        if v is None:
            return
        info = self.store.info
        body = Text()
        entries = present.fold(self.store.history(v.id))
        for entry in reversed(entries):
            body.append(f"{present.when(entry.at)}  {visible(entry.who)} ({entry.source})  ",
                        style="dim")
            body.append(present.change(info, entry) + "\n")
        if not entries:
            body.append(t("history.empty"))
        self.push_screen(dialogs().TextScreen(t("history.title", id=v.id), body))

    def action_undo(self) -> None:
        self.revert("undo")

    def action_redo(self) -> None:
        self.revert("redo")

    def revert(self, action: str) -> None:
        def done(outcome) -> None:
            if isinstance(outcome, Exception):
                self.say(present.explain(outcome, self.store.info), severity="warning",
                         timeout=10)
                return
            self.say(present.reverted(self.store.info, outcome))
            self.after_change(outcome.initiative_id)

        self.write(lambda writer: getattr(writer, action)(self.user, "tui"), done)

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
            self.load()
            self.query_one(InitiativeTable).focus()
        elif self.query_one(InitiativeTable).has_focus:
            self.query_one(ObjectiveList).focus()

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
            self.load()

        self.push_screen(dialogs().ChoiceScreen(t("filter.title"), choices), chosen)

    def action_sort(self) -> None:
        """Cycle: plan order, then each column ascending and descending."""
        columns = SORT_COLUMNS + [f"y{y}" for y in self.store.info.years]
        states = [("plan", False)] + [(c, r) for c in columns[1:] for r in (False, True)]
        current = (self.sort_column, self.sort_reverse)
        index = states.index(current) if current in states else 0
        self.sort_column, self.sort_reverse = states[(index + 1) % len(states)]
        self.load()

    def action_objective(self, objective_id: str) -> None:
        objectives = self.query_one(ObjectiveList)
        for index in range(objectives.option_count):
            if objectives.get_option_at_index(index).id == objective_id:
                objectives.highlighted = index
        self.objective = objective_id
        self.load()
        self.query_one(InitiativeTable).focus()

    # -- export, sync, help -----------------------------------------------------------
    def action_export(self) -> None:
        def write(answer: tuple[Path, str] | None) -> None:
            if not answer:
                return
            from .. import report

            path, since = answer  # the dialog checked the path and the date
            date = self.today()
            self.write_report(path, lambda: report.markdown(
                report.build(self.store, date, since=since or None)))

        self.push_screen(dialogs().ExportScreen(
            t("export.title"), self.export_default(f"{self.plan_path.stem}-status.md"),
            self.export_target), write)

    def export_default(self, name: str) -> str:
        """What the export dialogs offer: beside the plan, or in a browser a name only."""
        return name if self.is_web else str(self.plan_path.with_name(name))

    def export_target(self, typed: str) -> Path:
        """Where an export typed as `typed` goes, or one TrackerError saying why it
        may not: never the database, the plan or the backups; in a browser, only a
        plain file name in the reports folder (the person never picks a server path)."""
        from ..files import Guard, check_target, reports_folder, served_target

        if self.is_web:
            path = served_target(self.reports or reports_folder(self.store.path), typed, ".md")
        else:
            path = Path(typed.strip()).expanduser()
        return check_target(path, Guard(self.store.path, self.plan_path))

    def write_report(self, path: Path, make) -> None:
        """Write the markdown `make()` returns to `path`; in a browser, the file
        comes to the person too."""
        from ..files import Guard, write_file

        try:
            text = make()
            write_file(path, text, Guard(self.store.path, self.plan_path))
        except TrackerError as exc:
            self.say(present.explain(exc), severity="error", timeout=10)
            return
        if self.is_web:
            import io

            self.deliver_text(io.StringIO(text), save_filename=path.name,
                              mime_type="text/markdown")
            self.say(t("export.delivered", path=path.name), timeout=10)
        else:
            self.say(t("export.done", path=path), timeout=10)

    def action_sync(self) -> None:
        from ..plan import PlanInvalid
        from ..sync import sync_file

        def done(outcome) -> None:
            if isinstance(outcome, PlanInvalid):
                self.push_screen(dialogs().TextScreen(
                    t("sync.title"), Text("\n".join(outcome.lines())), t("sync.footer")))
                return
            if isinstance(outcome, Exception):
                self.say(present.explain(outcome), severity="error", timeout=10)
                return
            self.store.forget_info()  # the plan as the sync recorded it
            self.plan_warned = False
            self.show_header()
            self.report_sync(outcome)
            self.after_change()

        self.write(lambda writer: sync_file(writer, self.plan_path, self.user), done)

    def report_sync(self, result) -> None:
        info = self.store.info
        if result.plan_missing:
            self.say(t("msg.plan_missing", plan=self.plan_path), severity="warning", timeout=20)
        if result.changed or not result.skipped:
            self.say(t("msg.synced", summary=present.sync_summary(result)), timeout=8)
        for sign, title in (("!", "msg.conflicts"), ("?", "msg.unknown_words")):
            found = result.notices(sign)
            if found:
                self.say("\n".join(present.sync_line(info, line) for line in found[:5]),
                         title=t(title, count=len(found)), severity="warning", timeout=20)

    def action_command_palette(self) -> None:
        """Textual's palette, with its placeholder in the chosen language."""
        from textual.command import CommandPalette

        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(CommandPalette(placeholder=t("palette.placeholder"),
                                            id="--command-palette"))

    def get_system_commands(self, screen):
        """Textual's own palette entries (theme, quit, keys, …) in the chosen language."""
        for command in super().get_system_commands(screen):
            key = SYSTEM_COMMANDS.get(command.title)
            yield command._replace(title=t(f"{key}.title"), help=t(f"{key}.help")) if key \
                else command

    def action_help(self) -> None:
        body = Text()
        for binding in self.BINDINGS:
            if binding.action == "back":
                continue
            keys = binding.key_display or binding.key
            body.append(f"{keys:>10}  ", style="bold")
            body.append(f"{t(binding.description)}\n")
        body.append("\n")
        for keys, what in [("↑ ↓ j k", t("key.down") + " / " + t("key.up")),
                           ("g G", t("key.top") + " / " + t("key.bottom")),
                           ("tab", t("key.next_pane")), ("enter", t("key.edit")),
                           ("escape", t("key.cancel"))]:
            body.append(f"{keys:>10}  ", style="bold")
            body.append(f"{what}\n")
        self.push_screen(dialogs().TextScreen(t("help.title"), body, t("help.footer")))


def shown_path(path: Path) -> str:
    """The DB path relative to here when it is below here (shorter, and stable)."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def run(store: Store, plan_path: Path, user: str, sync_result=None,
        reports: Path | None = None) -> None:
    TrackerApp(store, plan_path, user, sync_result, reports=reports).run()
