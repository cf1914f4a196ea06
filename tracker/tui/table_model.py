"""The initiatives table as data: which columns, each row's cells, and widths
that fit the terminal. Pure functions of the plan's words, the rows' lengths and
the width: no widgets, no database, so tests call them without a screen."""

from __future__ import annotations

from rich.text import Text

from ..catalogue import t
from ..model import InitiativeView, PlanInfo
from .. import present
from ..present import visible
from .widgets import LEVEL_STYLES, STATUS_STYLES, InitiativeTable, _width

SORT_COLUMNS = ["plan", "id", "title", "owners", "status"]
WIDE = 150  # from this width the objectives pane is wider
NARROW, TINY = 100, 70  # below these it is narrower, then hidden (as in app.tcss)
NAME_ROOM = (22, 40)  # an initiative's name keeps about this many columns while
# anything optional is shown, and gets at most the second
NAME_LAST = 12  # what a name keeps when only the status and this year are left
OWNERS_ROOM = (10, 30)  # owners are shown from the first, and grow to the second
GAP = InitiativeTable.GAP  # columns between two cells
FRAME = 5  # the pane's border and padding (4), the vertical scrollbar (1)


def objectives_width(width: int) -> int:
    """The objectives pane's width in a terminal `width` columns wide (app.tcss)."""
    return 0 if width < TINY else 20 if width < NARROW else 26 if width < WIDE else 42


def room(width: int) -> int:
    """What the table's cells and the gaps between them may take."""
    return width - objectives_width(width) - FRAME


def lengths_of(views: list[InitiativeView], info: PlanInfo) -> dict:
    """What the column widths need of these rows, as `Store.column_lengths` gives it
    for all of them."""
    return {"name": max([0] + [len(v.name) for v in views]),
            "id": max([0] + [len(v.id) for v in views]),
            "owners": max([0] + [_width(owner_words(info, v.owners)) for v in views]),
            "statuses": list({v.status for v in views}),
            "levels": list({lv for v in views for lv in v.priorities.values()})}


def widened(lengths: dict, more: dict) -> dict:
    """`lengths` grown by `more`: the longer of each length, the words of both
    (equal to `lengths` when `more` needs no more room)."""
    return {key: (max(have, more[key]) if isinstance(have, int)
                  else have + [w for w in more[key] if w not in have])
            for key, have in lengths.items()}


def owner_words(info: PlanInfo, owners) -> str:
    return present.owners_short(info, owners)


def year_order(info: PlanInfo, today: str) -> list[int]:
    """The plan years by how much they matter on `today`: the plan year now and the
    next, then the later ones, then the earlier ones, nearest first."""
    now = info.plan_year(today)
    focus = [y for y in (now, now + 1) if y in info.years]
    later = [y for y in info.years if y > now + 1]
    earlier = sorted((y for y in info.years if y < now), reverse=True)
    return focus + later + earlier


class Layout:
    """The table's columns for one width: (key, heading) in the order shown, their
    widths, how many lead (pinned while → scrolls the rest), how many fit on the
    screen, and the plan years that had to go off the right edge."""

    def __init__(self, columns, widths, pinned, on_screen, off_years):
        self.columns: list[tuple[str, str]] = columns
        self.widths: list[int] = widths
        self.pinned: int = pinned
        self.on_screen: int = on_screen
        self.off_years: list[int] = off_years

    @property
    def off_headings(self) -> list[str]:
        """The headings of the columns off the right edge, as → brings them in."""
        return [heading for _, heading in self.columns[self.on_screen:]]


def layout(info: PlanInfo, lengths: dict, width: int, today: str, year_view: bool = False,
           with_objective: bool = False) -> Layout:
    """The columns that fit a terminal `width` wide, found without making any cell.

    The name and the status, and the plan year now and the next, are always on the
    screen; then, while they fit: owners, the objective's number (`with_objective`),
    the whole name, the whole owners, the other years, the id (never cut). What does
    not fit goes to the right, in that order, for → to bring in. The year view is
    the name and every year."""
    level = max([4] + [_width(present.level(info, key)) for key in lengths["levels"]])
    natural = {
        "objective": max([1] + [len(str(o[1])) for o in info.objectives]),
        "title": max(_width(t("col.title")), min(NAME_ROOM[1], lengths["name"])),
        "owners": max(_width(t("col.owners")), min(OWNERS_ROOM[1], lengths["owners"])),
        "status": max([_width(t("col.status"))]
                      + [_width(present.status(info, key)) for key in lengths["statuses"]]),
        "id": max(_width(t("col.id")), lengths["id"])}
    years = year_order(info, today)
    focus = years[:2] if info.plan_year(today) + 1 in info.years else years[:1]
    if year_view:  # the name takes what the years leave
        musts, wishes = ["title"] + [f"y{y}" for y in info.years], ["title+"]
    else:
        musts = ["title", "status"] + [f"y{y}" for y in focus]
        wishes = (["owners"] + (["objective"] if with_objective else [])
                  + ["title+", "owners+"] + [f"y{y}" for y in years if y not in focus]
                  + ["id"])
    want = {key: natural.get(key, level) for key in natural.keys() | set(musts + wishes)}
    least = {"title": min(NAME_ROOM[0], want["title"]),
             "owners": min(OWNERS_ROOM[0], want["owners"])}
    widths = {key: least.get(key, want[key]) for key in musts}
    left = room(width) + GAP - sum(w + GAP for w in widths.values())
    if left < 0:  # too narrow for the least: the name gives way, down to its last
        give = max(0, min(-left, widths["title"] - NAME_LAST))
        widths["title"] -= give
        left += give
    off: list[str] = []
    for key in wishes:
        if key.endswith("+"):  # grow a column shown, to its natural width
            key = key[:-1]
            if key in widths:
                more = min(left, want[key] - widths[key])
                widths[key] += more
                left -= more
            continue
        need = least.get(key, want[key]) + GAP
        if need <= left:
            widths[key] = need - GAP
            left -= need
        else:
            off.append(key)
    order = ["objective", "title", "owners", "status"] + [f"y{y}" for y in info.years] + ["id"]
    shown = [key for key in order if key in widths]
    shown += [key for key in off if key not in shown]
    headings = {"objective": "#", "title": t("col.title"), "owners": t("col.owners"),
                "status": t("col.status"), "id": t("col.id")}
    columns = [(key, headings.get(key, key[1:])) for key in shown]
    return Layout(columns, [widths.get(key, want[key]) for key in shown],
                  pinned=2 if shown[0] == "objective" else 1,
                  on_screen=len(shown) - len(off),
                  off_years=[int(key[1:]) for key in off if key.startswith("y")])


def cells(info: PlanInfo, v: InitiativeView, shown: list[tuple[str, str]]
          ) -> list[tuple[str | Text, str]]:
    """A row's cells as (text, style); the table makes them rich only on screen
    and cuts each to its column's width. A name with an overdue action is marked '!'."""
    name: str | Text = visible(v.name)
    if v.overdue:
        name = Text.assemble(("!", "bold red"), " ", name)
    number = info.objective(v.objective_id)
    cell = {"title": (name, ""), "owners": (owner_words(info, v.owners) or "–", ""),
            "status": (present.status(info, v.status), STATUS_STYLES.get(v.status, "")),
            "id": (v.id, "dim"), "objective": (str(number[0]) if number else "", "dim")}
    for year in info.years:
        level = v.priorities.get(year)
        cell[f"y{year}"] = (present.level(info, level), LEVEL_STYLES.get(level, ""))
    return [cell[key] for key, _ in shown]


def sort_words(column: str) -> str:
    """A sort column in the chosen language ('y2025' is its year)."""
    if column.startswith("y"):
        return column[1:]
    return t({"id": "col.id", "title": "col.title", "owners": "col.owners",
              "status": "col.status"}.get(column, "col.title"))


def filter_words(info: PlanInfo, filters: dict, sort_column: str, reverse: bool) -> str:
    """What the list is narrowed to and ordered by, in words ('' when nothing is)."""
    parts = []
    if filters["text"]:
        parts.append(t("filter.text", text=filters["text"]))
    if filters["owner"]:
        parts.append(t("filter.owner", owner=info.owner_name(filters["owner"])))
    if filters["status"]:
        parts.append(t("filter.status", status=present.status(info, filters["status"])))
    if filters["year"]:
        parts.append(t("filter.year", year=filters["year"]))
    if sort_column != "plan":
        parts.append(t("sort.by", column=f"{sort_words(sort_column)} {'↓' if reverse else '↑'}"))
    return " · ".join(parts)
