"""The table's columns and widths as data, without a screen: at every width the
plan years and the status keep their room, names and owners give way first."""

import pytest

from tracker.model import InitiativeView
from tracker.tui import table_model
from tracker.tui.table_model import NAME_ROOM


@pytest.fixture
def info(store):
    return store.info


@pytest.fixture
def lengths(store):
    return store.column_lengths()


@pytest.mark.parametrize("width", [60, 80, 100, 120, 160, 200])
def test_widths_at_each_terminal_width(info, lengths, width):
    shown = table_model.columns(info, year_view=False)
    widths = dict(zip([key for key, _ in shown],
                      table_model.column_widths(info, lengths, shown, width)))
    years = [key for key, _ in shown if key.startswith("y")]
    assert all(widths[y] >= 4 for y in years)  # a year's heading always fits
    assert widths["status"] >= len("not started")
    assert widths["title"] >= NAME_ROOM[0] and widths["owners"] >= 1
    room = width - table_model.OBJECTIVES_WIDTH[width >= table_model.WIDE] - 5 \
        - table_model.GAP * len(shown)
    # Everything but the id fits; where it cannot, the names gave way first, to their least.
    fits = sum(w for key, w in widths.items() if key != "id") <= room
    assert fits or widths["title"] == NAME_ROOM[0]
    if width >= 120:
        assert fits


def test_the_year_view_is_the_name_and_every_year(info):
    shown = table_model.columns(info, year_view=True)
    assert [key for key, _ in shown] == ["title"] + [f"y{y}" for y in info.years]


def test_cells_follow_the_columns(store, info):
    v = store.initiative("haps")
    shown = table_model.columns(info, year_view=False)
    cells = table_model.cells(info, v, shown)
    assert len(cells) == len(shown) and cells[0][0] == v.name and cells[-1] == ("haps", "dim")


def test_widened_keeps_what_it_had_and_adds_what_is_new():
    have = {"name": 5, "statuses": ["a"]}
    assert table_model.widened(have, {"name": 3, "statuses": ["a"]}) == have
    assert table_model.widened(have, {"name": 9, "statuses": ["b"]}) == {
        "name": 9, "statuses": ["a", "b"]}


def test_lengths_of_rows():
    v = InitiativeView("x", "m1", "Title", "T", "projekt", "", (), False, "planned", 1,
                       None, None, owners=("region", "plo"), priorities={2024: "high"})
    found = table_model.lengths_of([v])
    assert found["owners"] == len("region, plo") and found["levels"] == ["high"]


def test_the_filter_bar_in_words(info):
    filters = {"text": "haps", "owner": "plo", "status": "in_progress", "year": 2024}
    words = table_model.filter_words(info, filters, "y2025", True)
    assert words == ("text “haps” · owner PLO-Hovedstaden · status in progress · "
                     "priority in 2024 · Sorted by 2025 ↓")
    assert table_model.filter_words(info, dict.fromkeys(filters), "plan", False) == ""
