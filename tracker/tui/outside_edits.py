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
        self.seen: int | None = None  # the newest history row the list was read after
        self.full_reads = 0  # how often everything was read again (a test counts them)
        self.rows_read = 0  # rows read again one by one

    def read_from(self, seen: int) -> None:
        """The list is being read after history row `seen`."""
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
        if len(here) < len(changed):  # one elsewhere: its objective's figures
            main.objective_lines.fill(counts=len(main.views) < PAGE)
            if len(main.views) >= PAGE:
                main.load_in_background(figures=True)
        if not here:
            return
        for fresh in store.initiatives(ids=here, archived=None):
            row = table.index[fresh.id]
            main.objective_lines.count_change(main.views[row], fresh)
            main.views[row] = fresh
            main.show_row(fresh)
        self.rows_read += len(here)
        if main.current_id() in here:
            main.show_details()

    def read_all(self) -> None:
        main = self.main
        self.full_reads += 1
        if len(main.views) >= PAGE:  # a large list: read again on the worker
            main.objective_lines.fill(counts=False)
            main.load_in_background(details=True)
        else:
            main.objective_lines.fill()
            main.load()
