"""The initiatives table as data: which columns, each row's cells, and widths
that fit the terminal. Pure functions of the plan's words, the rows' lengths and
the width: no widgets, no database, so tests call them without a screen."""

from __future__ import annotations

from ..catalogue import t
from ..model import InitiativeView, PlanInfo
from .. import present
from ..present import visible
from .widgets import LEVEL_STYLES, STATUS_STYLES, InitiativeTable, _width

SORT_COLUMNS = ["plan", "id", "title", "owners", "status"]
WIDE = 150  # from this width the objectives pane is wider
OBJECTIVES_WIDTH = {False: 26, True: 42}  # as in app.tcss (#objectives, .wide #objectives)
NAME_ROOM = (12, 40)  # an initiative's name gets at least, and at most, this many columns
OWNERS_ROOM = 8  # owners give way after the names, down to this
GAP = InitiativeTable.GAP  # columns between two cells


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


def columns(info: PlanInfo, year_view: bool) -> list[tuple[str, str]]:
    """(key, heading) of the columns shown: in the year view just the name and a
    column per plan year, so a narrow terminal still shows every year."""
    years = [(f"y{year}", str(year)) for year in info.years]
    if year_view:
        return [("title", t("col.title"))] + years
    return ([("title", t("col.title")), ("owners", t("col.owners")),
             ("status", t("col.status"))] + years + [("id", t("col.id"))])


def cells(info: PlanInfo, v: InitiativeView, shown: list[tuple[str, str]]
          ) -> list[tuple[str, str]]:
    """A row's cells as (text, style); the table makes them rich only on screen
    and cuts each to its column's width."""
    cell = {"title": (visible(v.name), ""), "owners": (", ".join(v.owners) or "–", ""),
            "status": (present.status(info, v.status), STATUS_STYLES.get(v.status, "")),
            "id": (v.id, "dim")}
    for year in info.years:
        level = v.priorities.get(year)
        cell[f"y{year}"] = (present.level(info, level), LEVEL_STYLES.get(level, ""))
    return [cell[key] for key, _ in shown]


def column_widths(info: PlanInfo, lengths: dict, shown: list[tuple[str, str]],
                  width: int) -> list[int]:
    """Widths that fit a terminal `width` columns wide, found without making any
    cell: every plan year and the status keep theirs; names, then owners, give
    way; the id (last, also in the details) may run off the edge."""
    level = max([1] + [_width(present.level(info, key)) for key in lengths["levels"]])
    natural = {
        "title": min(NAME_ROOM[1], max(1, lengths["name"])),
        "owners": max(1, lengths["owners"]),
        "status": max([1] + [_width(present.status(info, key)) for key in lengths["statuses"]]),
        "id": max(1, lengths["id"])}
    widths = {key: max(_width(label), natural.get(key, level)) for key, label in shown}
    room = width - OBJECTIVES_WIDTH[width >= WIDE] - 5 - GAP * len(shown)
    over = sum(w for key, w in widths.items() if key != "id") - room
    for key, least in (("title", NAME_ROOM[0]), ("owners", OWNERS_ROOM)):
        if over > 0 and key in widths:
            give = min(over, max(0, widths[key] - least))
            widths[key] -= give
            over -= give
    return [widths[key] for key, _ in shown]


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
        parts.append(t("sort.by", column=f"{sort_column.lstrip('y')} {'↓' if reverse else '↑'}"))
    return " · ".join(parts)
