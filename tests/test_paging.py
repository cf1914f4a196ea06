"""Start-up flat in the plan's size: the table's order comes from SQL and its rows
are read a page at a time; a large plan shows its first screenful at once and
the rest (whole list, widths, progress figures) follows from a worker."""

import pytest

from bench.synthetic import plan_text
from tracker.store import Change, open_store
from tracker.sync import sync_file
from tracker.tui.app import TrackerApp
from tracker.tui.pages import PAGE

from .conftest import settle


@pytest.fixture
def large(tmp_path, clock):
    plan = tmp_path / "plan.yaml"
    plan.write_text(plan_text(3 * PAGE + 17), encoding="utf-8")
    store = open_store(tmp_path / "plan.db")
    sync_file(store, plan, "sekretær")
    yield store, plan
    store.close()


def python_order(store, column, reverse):
    """The order the table had when it sorted in Python (the reference)."""
    info = store.info
    views = store.initiatives()
    order = {s.key: n for n, s in enumerate(info.statuses)}
    levels = {lv.key: n for n, lv in enumerate(info.levels)}
    keys = {"plan": None, "id": lambda v: v.id, "title": lambda v: v.name.casefold(),
            "owners": lambda v: ",".join(v.owners), "status": lambda v: order.get(v.status, 99),
            "y2024": lambda v: levels.get(v.priorities.get(2024, ""), 99)}
    if keys[column] is None:
        return [v.id for v in views]
    return [v.id for v in sorted(views, key=keys[column], reverse=reverse)]


@pytest.mark.parametrize("column", ["plan", "id", "title", "owners", "status", "y2024"])
@pytest.mark.parametrize("reverse", [False, True])
def test_the_sql_order_is_the_order_people_had(large, column, reverse):
    store, _ = large
    store.edit("indsats-00002", Change(owners=["region", "plo"]), "anna", "cli")
    assert store.initiative_order(column, reverse) == python_order(store, column, reverse)


def test_the_text_filter_folds_danish_letters(large):
    store, _ = large
    assert store.initiative_order(text="LÆGEDÆKNING")[:3] == \
        [v.id for v in store.initiatives(text="lægedækning")][:3]
    assert len(store.initiative_order(text="indsats nummer 17 ")) == 1


async def test_a_large_plan_opens_on_its_first_page_and_reads_the_rest(large):
    store, plan = large
    app = TrackerApp(store, plan, "anna", poll_seconds=3600)
    read = []
    real = store.initiatives

    def counting(*args, **kwargs):
        found = real(*args, **kwargs)
        read.append(len(found))
        return found

    store.initiatives = counting
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert len(app.main.views) == 3 * PAGE + 17  # the whole list, after the worker
        assert max(read) <= PAGE  # never more than a page of initiatives read at once
        assert app.main.objective_lines.progress == store.progress()  # the figures came with it
        await pilot.press("G")  # the last row: its page is read when shown
        await settle(pilot)
        assert app.main.current_id() == store.initiative_order()[-1]
        assert max(read) <= PAGE


async def test_another_users_edit_reaches_a_large_list_without_a_key(large):
    store, plan = large
    app = TrackerApp(store, plan, "anna", poll_seconds=0.1)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        first = app.main.current_id()
        other = open_store(store.path)
        try:
            other.edit(first, Change(status="done"), "bo", "cli")
        finally:
            other.close()
        for _ in range(30):
            await pilot.pause(0.1)
            await settle(pilot)
            if app.main.current().status == "done":
                break
        assert app.main.current().status == "done"
        assert app.main.objective_lines.progress == store.progress()
        assert "bo" in app.main.query_one("#details").text.plain


async def test_a_large_list_is_filtered_and_sorted_off_the_screens_thread(large):
    """A keystroke in the filter, a new order or another objective never sorts the
    whole plan on the screen's thread (0.16 s a keystroke at 100,000)."""
    import threading

    store, plan = large
    app = TrackerApp(store, plan, "anna", poll_seconds=3600)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen_thread = threading.get_ident()
        real = type(store).initiative_order
        seen = []

        def watched(self, *args, **kwargs):
            seen.append(threading.get_ident() == screen_thread)
            return real(self, *args, **kwargs)

        type(store).initiative_order = watched
        try:
            await pilot.press("slash", *"00017")
            await settle(pilot)
            assert [v.id for v in app.main.views] == ["indsats-00017"]
            await pilot.press("escape", "S")
            await settle(pilot)
        finally:
            type(store).initiative_order = real
        assert seen and not any(seen)  # every sort was a worker's
