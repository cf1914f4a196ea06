"""Small widget subclasses: vim keys live here, not on the App."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widgets import OptionList, Static

from ..catalogue import t
from ..present import visible
from ..shown import width as text_width

STATUS_STYLES = {
    "not_started": "dim", "planned": "cyan", "in_progress": "yellow", "delayed": "bold red",
    "on_hold": "magenta", "done": "green", "dropped": "dim strike",
}
LEVEL_STYLES = {"high": "bold", "medium": "", "low": "dim", "none": "dim"}


def status_text(key: str, label: str) -> Text:
    """A status always in words; colour only adds to them."""
    return Text(label, style=STATUS_STYLES.get(key, ""))


def localize(node) -> None:
    """Key labels in the chosen language, set when a widget is made, not when its
    module is imported (BINDINGS hold catalogue keys such as "key.quit")."""
    import dataclasses

    bindings = node._bindings.key_to_bindings
    for key, found in bindings.items():
        bindings[key] = [dataclasses.replace(b, description=t(b.description))
                         if b.description.startswith("key.") else b for b in found]


def safe(text: Text | str) -> Text:
    """Text from people and plans as text on the screen: control characters as
    symbols (one for one, so styles keep their place)."""
    if isinstance(text, str):
        return Text(visible(text))
    shown = visible(text.plain)
    if shown != text.plain:
        text = text.copy()
        text.plain = shown
    return text


def cell_text(text: Text | str, style: str) -> Text:
    """A cell's words as rich text, control characters shown as symbols."""
    if isinstance(text, Text):
        return safe(text.copy())  # a copy: it is cut to its column, the row's cells kept
    return Text(visible(text), style=style, no_wrap=True)


def _width(text: str) -> int:
    return text_width(text)  # the one rule (shown.py)


def bar(done: int, total: int, width: int = 6) -> str:
    filled = round(width * done / total) if total else 0
    return "█" * filled + "░" * (width - filled)


class InitiativeTable(ScrollView, can_focus=True):
    """A table that renders only the rows on screen (Textual's line API).

    A stock DataTable measures every cell of every row before its first frame,
    which took seconds at 10,000 initiatives; here column widths come from the
    plain text lengths and a frame costs the same at any size.
    """

    BINDINGS = [
        Binding("down,j", "cursor(1)", "key.down", show=False, id="table.down"),
        Binding("up,k", "cursor(-1)", "key.up", show=False, id="table.up"),
        Binding("pagedown", "page(1)", show=False, id="table.page_down"),
        Binding("pageup", "page(-1)", show=False, id="table.page_up"),
        Binding("g,home", "first", "key.top", show=False, id="table.top"),
        Binding("G,end", "last", "key.bottom", show=False, id="table.bottom"),
        Binding("left", "column(-1)", show=False, id="table.left"),
        Binding("right", "column(1)", show=False, id="table.right"),
        Binding("enter", "select", "key.edit", show=False, id="table.select"),
    ]
    COMPONENT_CLASSES = {"table--header", "table--cursor", "table--even"}
    DEFAULT_CSS = """
    InitiativeTable > .table--header { text-style: bold; background: $panel; }
    InitiativeTable > .table--even { background: $surface-lighten-1 10%; }
    InitiativeTable > .table--cursor { background: $accent 40%; text-style: bold; }
    InitiativeTable:focus > .table--cursor { background: $accent; color: $text; }
    InitiativeTable {
        overflow-y: scroll;  /* always there: the columns are fitted to the width left */
        scrollbar-size-vertical: 1;
        scrollbar-size-horizontal: 0;
    }
    """
    GAP = 2

    class RowHighlighted(Message):
        def __init__(self, row_key: str | None):
            super().__init__()
            self.row_key = row_key

    class RowSelected(Message):
        def __init__(self, row_key: str):
            super().__init__()
            self.row_key = row_key

    class HeaderSelected(Message):
        def __init__(self, column_key: str):
            super().__init__()
            self.column_key = column_key

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        localize(self)
        self.columns: list[tuple[str, str]] = []  # (key, label)
        self.widths: list[int] = []
        self.keys: list[str] = []
        self.cell_source = lambda row: []
        self.cache: dict[int, list[tuple[str, str]]] = {}  # row → (text, style) per cell
        self.index: dict[str, int] = {}
        self.cursor_row = 0
        self.pinned = 1  # leading columns that stay when → scrolls the rest

    # -- the data ---------------------------------------------------------------------
    @property
    def row_count(self) -> int:
        return len(self.keys)

    def set_rows(self, columns: list[tuple[str, str]], keys: list[str], cells,
                 widths: list[int], cursor_key: str | None = None, pinned: int = 1) -> None:
        """`cells(row)` gives a row's cells as (text, style) and is asked only for
        rows drawn; `widths` are the columns' widths, which the caller knows
        cheaply. So a frame costs the same with 10 rows or 10,000."""
        self.keys = list(keys)
        self.cell_source = cells
        self.index = {key: n for n, key in enumerate(self.keys)}
        self.set_columns(columns, widths, pinned)
        row = self.index.get(cursor_key, min(self.cursor_row, max(len(self.keys) - 1, 0)))
        self.cursor_row = -1
        self.move_cursor(row=row)

    def set_columns(self, columns: list[tuple[str, str]], widths: list[int],
                    pinned: int = 1) -> None:
        """Other columns or widths for the same rows (a resize, the year view)."""
        self.columns, self.cache, self.pinned = columns, {}, pinned
        self.widths = [max(_width(label), width) for (_, label), width in zip(columns, widths)]
        self.virtual_size = Size(sum(self.widths) + self.GAP * max(len(self.widths) - 1, 0),
                                 len(self.keys) + 1)
        self.scroll_to(x=0, animate=False)  # other columns: from the first again
        self.refresh()

    @property
    def pinned_width(self) -> int:
        return sum(w + self.GAP for w in self.widths[:self.pinned])

    def row_cells(self, row: int) -> list[tuple[str, str]]:
        found = self.cache.get(row)
        if found is None:
            found = self.cache[row] = self.cell_source(row)
        return found

    def update_row(self, key: str, cells: list[tuple[str, str]]) -> None:
        """Show new values for one row; the rest, and the column widths, untouched
        (the app fits those to the terminal: a cell longer than its column is cut)."""
        row = self.index.get(key)
        if row is None:
            return
        self.cache[row] = cells
        self.refresh()

    def get_cell(self, row_key: str, column_key: str) -> Text:
        column = [key for key, _ in self.columns].index(column_key)
        text, style = self.row_cells(self.index[row_key])[column]
        return cell_text(text, style)

    # -- the cursor ---------------------------------------------------------------------
    def move_cursor(self, row: int) -> None:
        row = max(0, min(row, len(self.keys) - 1)) if self.keys else 0
        changed = row != self.cursor_row
        self.cursor_row = row
        if self.keys:
            body = self.scrollable_content_region.height - 1
            top = round(self.scroll_offset.y)
            if row < top:
                self.scroll_to(y=row, animate=False)
            elif body > 0 and row >= top + body:
                self.scroll_to(y=row - body + 1, animate=False)
        if changed:
            self.post_message(self.RowHighlighted(self.keys[row] if self.keys else None))
        self.refresh()

    def action_cursor(self, step: int) -> None:
        self.move_cursor(self.cursor_row + step)

    def action_page(self, step: int) -> None:
        self.move_cursor(self.cursor_row + step * max(self.size.height - 2, 1))

    def action_column(self, step: int) -> None:
        """← → move the view a whole column, not one character; the name stays."""
        starts, x = [], 0
        for width in self.widths[self.pinned:]:
            starts.append(x)
            x += width + self.GAP
        now = round(self.scroll_x)
        later = [s for s in starts if s > now] if step > 0 else [s for s in starts if s < now]
        if later:
            self.scroll_to(x=later[0] if step > 0 else later[-1], animate=False)

    def action_first(self) -> None:
        self.move_cursor(0)

    def action_last(self) -> None:
        self.move_cursor(len(self.keys) - 1)

    def action_select(self) -> None:
        if self.keys:
            self.post_message(self.RowSelected(self.keys[self.cursor_row]))

    def on_click(self, event) -> None:
        y = event.y
        if y == 0:
            x = event.x
            if x >= self.pinned_width:  # past the pinned columns, the rest are scrolled
                x += round(self.scroll_offset.x)
            for (key, _), width in zip(self.columns, self.widths):
                if x < width + self.GAP:
                    self.post_message(self.HeaderSelected(key))
                    return
                x -= width + self.GAP
            return
        row = y - 1 + round(self.scroll_offset.y)
        if 0 <= row < len(self.keys):
            if row == self.cursor_row and event.chain == 2:
                self.action_select()
            self.move_cursor(row)

    # -- drawing ---------------------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width  # less the scrollbar
        scroll_x, scroll_y = self.scroll_offset
        if y == 0:
            cells = [(label, "") for _, label in self.columns]
            style = self.get_component_rich_style("table--header")
        else:
            row = y - 1 + scroll_y
            if row >= len(self.keys):
                return Strip.blank(width, self.rich_style)
            cells = self.row_cells(row)
            if row == self.cursor_row:
                style = self.get_component_rich_style("table--cursor")
            elif row % 2:
                style = self.get_component_rich_style("table--even")
            else:
                style = self.rich_style
        lead = self._strip(cells[:self.pinned], self.widths[:self.pinned], style)
        lead_width = min(self.pinned_width, width)
        # The scrolled columns from scroll_x, only those whole in the width left: a
        # column half in sight would show a cut word as if it were the value.
        start, room, shown = 0, width - lead_width, 0
        rest_cells, rest_widths = [], []
        for cell, cell_width in zip(cells[self.pinned:], self.widths[self.pinned:]):
            if start >= scroll_x:
                if shown + cell_width > room:
                    break
                rest_cells.append(cell)
                rest_widths.append(cell_width)
                shown += cell_width + self.GAP
            start += cell_width + self.GAP
        rest = self._strip(rest_cells, rest_widths, style)
        return Strip.join([lead.crop_extend(0, lead_width, style),
                           rest.crop_extend(0, room, style)])

    def _strip(self, cells, widths, style) -> Strip:
        line = Text(no_wrap=True, end="")
        for (text, cell_style), room in zip(cells, widths):
            piece = cell_text(text, cell_style)
            piece.truncate(room, overflow="ellipsis", pad=True)
            line.append_text(piece)
            line.append(" " * self.GAP)
        return Strip(list(line.render(self.app.console))).apply_style(style)


class PickList(OptionList):
    """A dialog's list of choices, moved with j/k as every list here (with only the
    arrows, j in the owners dialog did nothing and l then made the wrong owner lead)."""

    BINDINGS = [
        Binding("j", "cursor_down", "key.down", show=False, id="pick.down"),
        Binding("k", "cursor_up", "key.up", show=False, id="pick.up"),
    ]

    def __init__(self, *options, **kwargs):
        super().__init__(*options, **kwargs)
        localize(self)


class ObjectiveList(OptionList):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        localize(self)

    BINDINGS = [
        Binding("j", "cursor_down", "key.down", show=False, id="objectives.down"),
        Binding("k", "cursor_up", "key.up", show=False, id="objectives.up"),
        Binding("g", "first", "key.top", show=False, id="objectives.top"),
        Binding("G", "last", "key.bottom", show=False, id="objectives.bottom"),
    ]


class DetailsPane(VerticalScroll):
    """The highlighted initiative in full; scrolls when it is long."""

    BINDINGS = [
        Binding("j", "scroll_down", "key.down", show=False, id="details.down"),
        Binding("k", "scroll_up", "key.up", show=False, id="details.up"),
    ]

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        localize(self)

    def compose(self):
        yield Static(id="details-body")

    text = Text()

    def show(self, text: Text) -> None:
        text = safe(text)
        self.text = text
        self.query_one("#details-body", Static).update(text)
