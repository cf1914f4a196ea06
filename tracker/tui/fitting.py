"""The main view's columns fitted to the terminal's width: the objectives pane
narrower, then hidden, as the terminal narrows (app.tcss); the table's columns
chosen by `table_model.layout` and fitted again on every resize, both ways.

A part of MainScreen: it uses the screen's store, lengths, objective and year view.
"""

from __future__ import annotations

from ..catalogue import t
from . import table_model
from .widgets import InitiativeTable, ObjectiveList


class FitsTheWidth:
    def on_resize(self, event) -> None:
        self.apply_width(event.size.width)
        self.app.show_header()
        self.call_after_refresh(self.fit_objectives)

    def on_screen_resume(self) -> None:
        """Back from a dialog: the terminal may have been resized under it."""
        self.apply_width(self.app.size.width)
        self.app.show_header()
        self.call_after_refresh(self.fit_objectives)

    def fit_objectives(self) -> None:
        """Redraw the objective lines when their pane changed width."""
        width = self.query_one(ObjectiveList).size.width
        if width != getattr(self, "_objectives_width", None):
            self._objectives_width = width
            self.objective_lines.fill(counts=False)

    def size_classes(self, width: int) -> None:
        """The objectives pane's width follows the terminal's (app.tcss)."""
        self.set_class(width >= table_model.WIDE, "wide")
        self.set_class(width < table_model.NARROW, "narrow")
        self.set_class(width < table_model.TINY, "tiny")

    def apply_width(self, width: int) -> None:
        """Columns are fitted to the width: refit them when it changes."""
        self.size_classes(width)
        if getattr(self, "_fitted_width", None) != width:
            self._fitted_width = width
            self.refit()

    def refit(self) -> None:
        """New column widths for the rows shown (no reading: they are known)."""
        if not self.lengths:  # nothing shown yet: the first load fits them
            return
        fitted = self.fit()
        self.query_one(InitiativeTable).set_columns(fitted.columns, fitted.widths, fitted.pinned)

    def action_year_view(self) -> None:
        """Toggle the year view: initiative × plan year, for a narrow terminal."""
        self.year_view = not self.year_view
        self.refit()

    def fit(self) -> table_model.Layout:
        """The columns for the terminal's width now, kept (with the words) for
        drawing rows; the years that went off the right edge said under the table."""
        info = self.store.info
        fitted = table_model.layout(info, self.lengths, self.app.size.width, self.app.today(),
                                    self.year_view, self.objective in ("all", "archived"))
        self.shown, self.fitted = (info, fitted.columns), fitted
        table = self.query_one(InitiativeTable)
        off = ", ".join(fitted.off_headings)  # the owners too, not only years
        table.border_subtitle = "" if not off else t("table.off_years", years=off) \
            if fitted.off_years else t("table.off_columns", columns=off)
        return fitted
