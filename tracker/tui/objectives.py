"""The objectives pane's lines: each objective's number and title, fitted to the
pane, with its progress (done of all, a small bar) once counted."""

from __future__ import annotations

from rich.text import Text
from textual.widgets.option_list import Option

from .. import present
from ..catalogue import t
from ..model import InitiativeView
from ..present import visible
from .widgets import ObjectiveList, bar


class ObjectiveLines:
    def __init__(self, main):
        self.main = main  # the MainScreen the pane is on
        self.progress: dict | None = None  # per objective and "all": (done, total)
        self.late: dict[str, int] = {}  # per objective and "all": initiatives with overdue actions
        self.names: dict[str, str] = {}

    def fill(self, counts: bool = True) -> None:
        """The objective lines; with `counts` their progress figures counted anew
        (else as they are: not yet counted for a large plan just opened)."""
        objectives = self.main.query_one(ObjectiveList)
        if counts:
            self.progress = self.main.store.progress()
            self.late = self.main.store.late_by_objective()
        highlighted = objectives.highlighted
        objectives.clear_options()
        objectives.add_option(Option(self.line("all"), id="all"))
        self.names = {"all": t("objective.all")}
        for o in self.main.store.objectives():
            self.names[o.id] = \
                f"{o.number:>2} {visible(present.objective_title(self.main.store.info, o.id))}"
            objectives.add_option(Option(self.line(o.id), id=o.id))
        objectives.add_option(Option(Text(t("objective.archived")), id="archived"))
        objectives.highlighted = highlighted if highlighted is not None else 0

    def line(self, key: str) -> Text:
        """'  9 Sparring og rådgivning  ██░░ 1/2', fitted to the pane."""
        # The pane's width less its scrollbar (1, app.tcss) and a column to spare.
        inner = max(self.main.query_one(ObjectiveList).size.width - 2, 12)
        label = self.names.get(key, t("objective.all"))
        if self.progress is None:  # not counted yet (a large plan, just opened)
            return Text(label if len(label) <= inner else label[: inner - 1] + "…")
        done, total = self.progress.get(key, (0, 0))
        figures = t("objective.progress", done=done, total=total)
        late = f" !{self.late[key]}" if self.late.get(key) else ""
        with_bar = inner >= 30
        room = inner - len(figures) - len(late) - (6 if with_bar else 1)
        label = label if len(label) <= room else label[: room - 1] + "…"
        text = Text(f"{label:<{room}} ")
        if with_bar:
            text.append(bar(done, total, 4) + " ", style="green")
        text.append(figures, style="dim")
        text.append(late, style="bold red")
        return text

    def count_change(self, before: InitiativeView, after: InitiativeView) -> None:
        """Move one initiative between done and not done, and between late and not,
        in the progress lines, without recounting every initiative."""
        info = self.main.store.info
        delta = int(info.status(after.status).done) - int(info.status(before.status).done)
        late = int(after.overdue > 0) - int(before.overdue > 0)
        if not (delta or late) or self.progress is None:
            return
        objectives = self.main.query_one(ObjectiveList)
        for key in (after.objective_id, "all"):
            done, total = self.progress.get(key, (0, 0))
            self.progress[key] = (done + delta, total)
            self.late[key] = self.late.get(key, 0) + late
            index = objectives.get_option_index(key)
            objectives.replace_option_prompt_at_index(index, self.line(key))

    def show_progress(self, progress: dict, late: dict[str, int]) -> None:
        """Figures counted on a worker (a large plan): every line shows them now."""
        self.progress, self.late = progress, late
        objectives = self.main.query_one(ObjectiveList)
        for key in ["all"] + [o.id for o in self.main.store.objectives()]:
            objectives.replace_option_prompt_at_index(objectives.get_option_index(key),
                                                      self.line(key))
