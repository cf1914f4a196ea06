"""`tracker list` reads its rows lean (no initiative objects) and pads its table with
one format string: both must show exactly what the full views and a cell-by-cell
table would."""

from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.model import Change
from tracker.present import table
from tracker.shown import measured, one_column


def reference_fit(text, room):
    """A cell cut to `room` columns, measured a character at a time."""
    if measured(text) > room:
        out, used = [], 0
        for c in text:
            if used + measured(c) > room - 1:
                break
            out.append(c)
            used += measured(c)
        text = "".join(out) + "…"
    return text + " " * (room - measured(text))


def reference_table(header, rows, flexible, total=None, right=()):
    """The table measured and cut a cell at a time (as it was written first), with
    no shortcut for one-column letters."""
    widths = [max([measured(h)] + [measured(r[i]) for r in rows])
              for i, h in enumerate(header)]
    if total is not None:
        others = sum(widths) - widths[flexible] + 2 * (len(widths) - 1)
        widths[flexible] = max(12, min(widths[flexible], total - others))

    def line(cells):
        parts = []
        for i, (text, room) in enumerate(zip(cells, widths)):
            cut = reference_fit(text, room)
            parts.append(cut.rstrip().rjust(room) if i in right else cut)
        return "  ".join(parts).rstrip()

    rule = "  ".join("─" * w for w in widths)
    return "\n".join([line(header), rule] + [line(r) for r in rows])


# Letters a table meets: ASCII, æøå, dashes and "…" (one column each, padded by the
# shortcut), and columns that also hold wide CJK, emoji, combining marks, zero widths.
PLAIN = st.text(alphabet=st.sampled_from(list("ab Z-1,.æØ–…”\xa0\t")), max_size=24)
MIXED = st.text(alphabet=st.sampled_from(list("ab Z-1,.æØ–…”\xa0") + [
    "東", "京", "👍", "\u0301", "\u200d", "\u200b"]), max_size=24)


@settings(max_examples=400, deadline=None)
@given(data=st.data(), count=st.integers(min_value=0, max_value=6),
       total=st.one_of(st.none(), st.integers(min_value=10, max_value=90)),
       flexible=st.integers(min_value=0, max_value=3))
def test_the_table_is_the_cell_by_cell_table(data, count, total, flexible):
    columns = [data.draw(st.lists(data.draw(st.sampled_from([PLAIN, MIXED])),
                                  min_size=count, max_size=count)) for _ in range(4)]
    rows = [list(row) for row in zip(*columns)]
    header = ["#", "Id", "Navn", "Status"]
    assert table(header, rows, flexible, total, right=(0,)) == \
        reference_table(header, rows, flexible, total, right=(0,))


def test_one_column_letters_are_measured_one_column():
    """Every character the shortcut takes as one column is one, counted the long way
    (a soft hyphen too, as terminals draw it: it was 0 beside a wide character)."""
    assert measured("Praksis\xadoverdragelse → ny ejer") == 30
    for code in range(0x20, 0x10000):
        c = chr(code)
        if one_column(c) and not 0x7f <= code < 0xa0:
            assert measured(c) == 1, hex(code)
    assert one_column("Flere åbne praksis – KontaktLæge…")
    assert not one_column("東京") and not one_column("e\u0301") and not one_column("👍")
    assert not one_column("a\u200bb")  # a zero-width space takes none


def test_list_columns_are_what_the_views_hold(store):
    """Owners in the roster's order (not the alphabet's), each year's level or None,
    every filter, archived or not: the lean columns agree with the full views."""
    store.edit("haps", Change(owners=("plo", "region"), priorities={2024: "high", 2022: "low"},
                              status="in_progress"), "anna", "cli")
    store.edit("kontaktlaege", Change(owners=("kommunerne",), priorities={2025: "medium"}),
               "anna", "cli")
    store.db.execute("INSERT INTO priorities VALUES ('aabne-praksis', 2023, 'gone-level')")
    years = store.info.years
    for filters in ({}, {"owner": "plo"}, {"year": 2024}, {"status": "in_progress"},
                    {"objective": "m9"}, {"archived": True}, {"archived": None}):
        views = store.initiatives(**filters)
        expected = {"objective": [v.objective_id for v in views], "id": [v.id for v in views],
                    "name": [v.name for v in views], "status": [v.status for v in views],
                    "owners": [",".join(v.owners) or None for v in views],
                    "levels": [[v.priorities.get(y) for v in views] for y in years]}
        assert store.list_columns(years, **filters) == expected, filters
    found = store.list_columns(years)
    assert found["owners"][found["id"].index("haps")] == "region,plo"  # the roster's order


def test_a_few_initiatives_read_by_id_keep_the_order_of_the_whole_read(store):
    """Deliverables in the order they were entered, whether the initiative was read
    with all the others or alone (by id, through the index: field order before)."""
    store.edit("haps", Change(deliverables={2025: "Slut"}), "anna", "cli")
    store.edit("haps", Change(deliverables={2023: "Start"}), "anna", "cli")
    alone = store.initiatives(ids=["haps"])[0]
    assert list(alone.deliverables) == [2025, 2023]
    assert list(next(v for v in store.initiatives() if v.id == "haps").deliverables) == [2025, 2023]


def test_the_list_keeps_each_objective_together_when_positions_tie(store, plan_file):
    """An archived objective may hold the position of a current one: with both
    asked for, each objective's initiatives still come together, as the views."""
    from tracker.sync import sync_file

    text = plan_file.read_text(encoding="utf-8")
    start = text.index("  - id: m4\n")
    end = text.index("  - id: m5\n")
    plan_file.write_text(text[:start] + text[end:], encoding="utf-8")  # m4 goes
    sync_file(store, plan_file, "sekretær")
    years = store.info.years
    views = store.initiatives(archived=None)
    assert store.list_columns(years, archived=None)["id"] == [v.id for v in views]
    assert store.list_columns(years, archived=None)["objective"] == [v.objective_id for v in views]


def test_a_name_kept_from_before_the_check_stays_on_its_row(store):
    """A database synced before names were checked may hold a line break in one:
    the list shows it on one line."""
    from tracker.shown import on_one_line

    names = ["Kapacitets\nmodeller\ttab", "HAPS"]
    assert on_one_line(names) == ["Kapacitets modeller tab", "HAPS"]
    plain = ["HAPS", "KontaktLæge"]
    assert on_one_line(plain) is plain  # (the common case: nothing copied)
