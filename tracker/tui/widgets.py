"""Small widget subclasses: vim keys live here, not on the App."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import DataTable, OptionList, Static

from ..catalogue import t

STATUS_STYLES = {
    "not_started": "dim", "planned": "cyan", "in_progress": "yellow", "delayed": "bold red",
    "on_hold": "magenta", "done": "green", "dropped": "dim strike",
}
LEVEL_STYLES = {"high": "bold", "medium": "", "low": "dim", "none": "dim"}


def status_text(key: str, label: str) -> Text:
    """A status always in words; colour only adds to them."""
    return Text(label, style=STATUS_STYLES.get(key, ""))


def bar(done: int, total: int, width: int = 6) -> str:
    filled = round(width * done / total) if total else 0
    return "█" * filled + "░" * (width - filled)


class InitiativeTable(DataTable):
    BINDINGS = [
        Binding("j", "cursor_down", t("key.down"), show=False, id="table.down"),
        Binding("k", "cursor_up", t("key.up"), show=False, id="table.up"),
        Binding("g,home", "scroll_top", t("key.top"), show=False, id="table.top"),
        Binding("G,end", "scroll_bottom", t("key.bottom"), show=False, id="table.bottom"),
    ]

    def __init__(self, **kwargs):
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)

    def action_scroll_top(self) -> None:
        if self.row_count:
            self.move_cursor(row=0)

    def action_scroll_bottom(self) -> None:
        if self.row_count:
            self.move_cursor(row=self.row_count - 1)


class ObjectiveList(OptionList):
    BINDINGS = [
        Binding("j", "cursor_down", t("key.down"), show=False, id="objectives.down"),
        Binding("k", "cursor_up", t("key.up"), show=False, id="objectives.up"),
        Binding("g", "first", t("key.top"), show=False, id="objectives.top"),
        Binding("G", "last", t("key.bottom"), show=False, id="objectives.bottom"),
    ]


class DetailsPane(VerticalScroll):
    """The highlighted initiative in full; scrolls when it is long."""

    BINDINGS = [
        Binding("j", "scroll_down", t("key.down"), show=False, id="details.down"),
        Binding("k", "scroll_up", t("key.up"), show=False, id="details.up"),
    ]

    def compose(self):
        yield Static(id="details-body")

    text = Text()

    def show(self, text: Text) -> None:
        self.text = text
        self.query_one("#details-body", Static).update(text)
