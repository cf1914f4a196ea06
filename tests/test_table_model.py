"""The table's columns and widths as data, without a screen: at every width the
name keeps about 24 columns, the plan year now and the next are always in sight,
owners are short names, and what does not fit goes off to the right in order."""

import pytest

from tracker.model import Change, InitiativeView
from tracker.tui import table_model
from tracker.tui.table_model import NAME_ROOM, layout, room

IN_2024 = "2024-05-01"  # in the period: 2024 now, 2025 next
AFTER = "2026-11-30"  # after it: its last year, 2025, is the one in sight


@pytest.fixture
def info(store):
    return store.info


@pytest.fixture
def lengths(store):
    store.edit("haps", Change(owners=["region", "kommunerne", "plo"]), "anna", "cli")
    return store.column_lengths()


def on_screen(fitted) -> dict:
    return {key: width for (key, _), width in
            list(zip(fitted.columns, fitted.widths))[:fitted.on_screen]}


@pytest.mark.parametrize("width", [60, 80, 100, 120, 160, 200])
@pytest.mark.parametrize("today", [IN_2024, AFTER])
def test_each_terminal_width(info, lengths, width, today):
    fitted = layout(info, lengths, width, today, with_objective=True)
    seen = on_screen(fitted)
    wanted_years = ["y2024", "y2025"] if today == IN_2024 else ["y2025"]
    assert all(y in seen and seen[y] >= 4 for y in wanted_years)  # now and next: always
    assert seen["status"] >= len("not started")
    assert sum(seen.values()) + table_model.GAP * (len(seen) - 1) <= room(width)  # fits
    optional = set(seen) - {"title", "status", *wanted_years}
    if optional:  # a name keeps about 24 columns while anything optional is shown
        assert seen["title"] >= NAME_ROOM[0]
    assert "id" not in seen or seen["id"] >= len("72-timers-behandlingsansvar")  # never cut
    # What did not fit is there for → to bring in, nothing lost.
    keys = [key for key, _ in fitted.columns]
    assert {f"y{y}" for y in info.years} <= set(keys) and "owners" in keys and "id" in keys
    assert fitted.off_years == [int(k[1:]) for k in keys[fitted.on_screen:] if k[0] == "y"]
    # …and named under the table, owners and id too (the owners went unsaid at 80).
    assert fitted.off_headings == [heading for _, heading in fitted.columns[fitted.on_screen:]]
    if width >= 120:
        assert seen["title"] >= len("Etablerede læger og praksisoverdragelse")  # whole names
        assert "owners" in seen and seen["owners"] >= table_model.OWNERS_ROOM[0]
    if width >= 160:
        assert seen["owners"] >= len("Regionen, Kommunerne, PLO")
    if width >= 200:
        assert not fitted.off_years


def test_at_80_columns_this_year_and_the_next_beside_a_readable_name(info, lengths):
    seen = on_screen(layout(info, lengths, 80, IN_2024))
    assert list(seen)[:4] == ["title", "status", "y2024", "y2025"]
    assert seen["title"] >= NAME_ROOM[0]


def test_the_earlier_years_go_first(info, lengths):
    fitted = layout(info, lengths, 120, AFTER)
    seen = on_screen(fitted)
    assert "y2025" in seen and fitted.off_years[:1] == [2024] or not fitted.off_years
    assert fitted.off_years == sorted(fitted.off_years, reverse=True)


def test_the_objective_number_when_every_objective_is_listed(info, lengths):
    with_number = layout(info, lengths, 120, AFTER, with_objective=True)
    assert with_number.columns[0] == ("objective", "#") and with_number.pinned == 2
    without = layout(info, lengths, 120, AFTER, with_objective=False)
    assert "objective" not in [k for k, _ in without.columns] and without.pinned == 1


def test_the_year_view_is_the_name_and_every_year(info, lengths):
    fitted = layout(info, lengths, 60, AFTER, year_view=True)
    assert [key for key, _ in fitted.columns] == ["title"] + [f"y{y}" for y in info.years]
    assert fitted.on_screen == len(fitted.columns)


def test_cells_follow_the_columns(store, info, lengths):
    v = store.initiative("haps")
    fitted = layout(info, lengths, 200, AFTER, with_objective=True)
    cells = dict(zip([k for k, _ in fitted.columns], table_model.cells(info, v, fitted.columns)))
    assert cells["title"][0] == v.name and cells["id"] == ("haps", "dim")
    assert cells["objective"][0] == "9"
    assert cells["owners"][0] == "Regionen, Kommunerne, PLO"  # the plan's short names


def test_owners_by_short_name(store, info):
    from dataclasses import replace
    short = replace(info, shorts=(("region", "Regionen"), ("plo", "PLO")))
    assert table_model.owner_words(short, ("region", "plo", "kommunerne")) == \
        "Regionen, PLO, De 29 kommuner i Region Hovedstaden"


def test_an_initiative_with_an_overdue_action_is_marked(store, info, lengths):
    v = store.initiative("haps")
    v.overdue = 2
    fitted = layout(info, lengths, 120, AFTER)
    title = table_model.cells(info, v, fitted.columns)[0][0]
    assert title.plain == "! " + v.name and title.spans[0].style == "bold red"


def test_widened_keeps_what_it_had_and_adds_what_is_new():
    have = {"name": 5, "statuses": ["a"]}
    assert table_model.widened(have, {"name": 3, "statuses": ["a"]}) == have
    assert table_model.widened(have, {"name": 9, "statuses": ["b"]}) == {
        "name": 9, "statuses": ["a", "b"]}


def test_lengths_of_rows(info):
    v = InitiativeView("x", "m1", "Title", "T", "projekt", "", (), False, "planned", 1,
                       None, None, owners=("region", "plo"), priorities={2024: "high"})
    found = table_model.lengths_of([v], info)
    assert found["owners"] == len("Regionen, PLO")
    assert found["levels"] == ["high"]


def test_the_filter_bar_in_words(info):
    filters = {"text": "haps", "owner": "plo", "status": "in_progress", "year": 2024}
    words = table_model.filter_words(info, filters, "y2025", True)
    assert words == ("text “haps” · owner PLO-Hovedstaden · status in progress · "
                     "priority in 2024 · Sorted by 2025 ↓")
    assert table_model.filter_words(info, dict.fromkeys(filters), "plan", False) == ""
    assert "Initiative ↑" in table_model.filter_words(info, dict.fromkeys(filters), "title",
                                                       False)
