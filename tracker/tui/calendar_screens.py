"""The committee's screens: the timeline and a meeting's agenda. Like every modal
screen, each returns what was chosen with `dismiss` and touches no store."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from ..catalogue import t
from .screens import Modal
from .widgets import PickList, safe


class TimelineScreen(Modal):
    """Meetings, milestones and due dates by date, today marked, the next meeting
    highlighted and in sight. Enter on a meeting opens its agenda: dismisses with
    ('meeting', id); `m` the agenda of the next meeting."""

    BINDINGS = [
        Binding("escape,q", "cancel", "key.close", id="timeline.close"),
        Binding("m", "agenda", "key.agenda", id="timeline.agenda"),
    ]

    def __init__(self, title: str, lines: list[tuple[str, Text]], highlight: int,
                 footer: str):
        super().__init__(title)
        self.lines, self.highlight, self.footer = lines, highlight, footer

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield self.title_label()
            if self.lines:
                yield PickList(*[Option(safe(text), id=key or None)
                                   for key, text in self.lines], id="timeline-lines")
            else:
                yield Label(safe(t("timeline.empty")), id="timeline-lines")
            yield Label(safe(self.footer), classes="modal-footer")

    def on_mount(self) -> None:
        if self.lines:
            options = self.query_one("#timeline-lines", OptionList)
            options.highlighted = self.highlight
            # The next meeting first in sight: at the top, not merely somewhere.
            self.call_after_refresh(options.scroll_to, y=max(0, self.highlight - 1),
                                    animate=False)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        kind, _, ident = (event.option.id or "").partition(":")
        if kind == "meeting":
            self.dismiss(("meeting", int(ident)))

    def action_agenda(self) -> None:
        self.dismiss(("meeting", None))


class AgendaScreen(Modal):
    """One meeting's agenda: an item a line. ←/→ the meeting before or after, `n` a
    new meeting, `a` an item on this agenda, `b` a decision on the highlighted
    item (taken at this meeting), `t` the timeline. Dismisses with (what, value)."""

    BINDINGS = [
        Binding("escape,q", "cancel", "key.close", id="agenda.close"),
        Binding("left", "go(-1)", "key.meeting_before", id="agenda.before"),
        Binding("right", "go(1)", "key.meeting_after", id="agenda.after"),
        Binding("n", "answer('new_meeting')", "key.new_meeting", id="agenda.new"),
        Binding("a", "answer('add_item')", "key.add_item", id="agenda.add"),
        Binding("b", "decide", "key.decide", id="agenda.decide"),
        Binding("t", "answer('timeline')", "key.timeline", id="agenda.timeline"),
    ]

    def __init__(self, title: str, lines: list[tuple[int, Text]], below: Text, footer: str):
        super().__init__(title)
        self.lines, self.below, self.footer = lines, below, footer

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield self.title_label()
            if self.lines:
                yield PickList(*[Option(safe(text), id=str(ident))
                                   for ident, text in self.lines], id="agenda-lines")
            yield Static(safe(self.below), id="agenda-below")
            yield Label(safe(self.footer), classes="modal-footer")

    def action_go(self, step: int) -> None:
        self.dismiss(("go", step))

    def action_answer(self, what: str) -> None:
        self.dismiss((what, None))

    def action_decide(self) -> None:
        if not self.lines:
            return
        index = self.query_one("#agenda-lines", OptionList).highlighted
        if index is not None:
            self.dismiss(("decide", self.lines[index][0]))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(("decide", int(event.option.id)))
