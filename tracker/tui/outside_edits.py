"""Another person's edit, shown in proportion to what changed.

Every change is a row of the history, numbered. The screen remembers the newest
row it has read after; when the database changes under it, it asks the history
which initiatives changed since and reads those rows again, in place — not the
whole list, which cost every open tab a full read (55 ms at 10,000 initiatives,
190 ms at 100,000) on every edit anyone made. A sync or an import, a filter or an
order that an edit may upset, or an initiative outside the list still read
everything again, as before.
"""

from __future__ import annotations

from .pages import PAGE
from .widgets import InitiativeTable


class OutsideEdits:
    def __init__(self, main):
        self.main = main  # the MainScreen
        self.seen: tuple[int, str] | None = None  # (history row, plan) read after
        self.full_reads = 0  # how often everything was read again (a test counts them)
        self.rows_read = 0  # rows read again one by one

    def read_from(self, seen: tuple[int, str]) -> None:
        """The list is being read after `seen` (`Store.newest_change`)."""
        self.seen = seen

    def show(self) -> None:
        main = self.main
        store = main.store
        f = main.filters
        if self.seen is None or main.sort_column != "plan" or any(f.values()):
            return self.read_all()
        newest, changed = store.changed_after(self.seen)
        if changed is None:
            return self.read_all()
        self.seen = newest
        table = main.query_one(InitiativeTable)
        here = [ident for ident in changed if ident in table.index]
        # Figures are moved by the rows' before and after; a row elsewhere, or one
        # not read yet (its "before" would already be the "after"), has them counted
        # again: on the worker for a large plan.
        loaded = [ident for ident in here if table.index[ident] // PAGE in main.views.pages]
        if len(loaded) < len(changed):
            if main.large:
                main.objective_lines.fill(counts=False)
                main.load_in_background(figures=True)
            else:
                main.objective_lines.fill()
        if not here:
            return
        for fresh in store.initiatives(ids=here, archived=None):
            row = table.index[fresh.id]
            if fresh.id in loaded and len(loaded) == len(changed):
                main.objective_lines.count_change(main.views[row], fresh)
            main.views[row] = fresh
            main.show_row(fresh)
        self.rows_read += len(here)
        if main.current_id() in here:
            main.show_details()

    def read_all(self) -> None:
        main = self.main
        self.full_reads += 1
        if main.large:  # a large plan: read again on the worker
            main.objective_lines.fill(counts=False)
            main.load_in_background(details=True)
        else:
            main.objective_lines.fill()
            main.load()
