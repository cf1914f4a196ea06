"""The TUI's one owner of database writes: changes land in the order asked, the
plan's words are one (a person another process's sync adds can be chosen at
once), and quitting never waits on another user's lock without asking."""

import sqlite3
import time

from tracker.model import NewNote, Write
from tracker.store import Change, open_store
from tracker.sync import sync_file
from tracker.tui.app import TrackerApp
from tracker.tui.screens import ChoiceScreen

from .conftest import settle
from .test_tui import goto


def hold_write_lock(db):
    """Another process's long write: the lock held until released."""
    conn = sqlite3.connect(db, isolation_level=None, timeout=10)
    conn.execute("BEGIN IMMEDIATE")
    return conn


async def test_ten_queued_writes_land_in_the_order_asked(store, plan_file):
    app = TrackerApp(store, plan_file, "anna", poll_seconds=60)
    async with app.run_test(size=(120, 40)) as pilot:
        blocker = hold_write_lock(store.path)
        try:
            for n in range(10):
                app.write(lambda writer, n=n: writer.write(
                    "haps", Write(notes=[NewNote(f"note {n}")]), "anna", "tui", "edit"),
                    done=lambda version: None, failed=lambda error: None)
            await pilot.pause(0.3)  # all ten wait behind the other process's lock
            assert len(app.database.waiting()) == 10
        finally:
            blocker.rollback()
            blocker.close()
        await settle(pilot)
    assert [n.text for n in reversed(store.notes("haps"))] == [f"note {n}" for n in range(10)]


async def test_a_person_another_process_adds_can_be_made_owner_at_once(store, plan_file):
    app = TrackerApp(store, plan_file, "anna", poll_seconds=0.1)
    async with app.run_test(size=(120, 40)) as pilot:
        await goto(pilot, "haps")
        app.main.editing.save(app.main.current(), Change(status="igangsat"))  # the writer reads the plan
        await settle(pilot)
        # Another process adds a person to the plan and syncs.
        plan_file.write_text(plan_file.read_text(encoding="utf-8").replace(
            "people: []", "people:\n  - {id: dorte, name: Dorte Dam, party: region}"),
            encoding="utf-8")
        other = open_store(store.path)
        try:
            sync_file(other, plan_file, "bo")
        finally:
            other.close()
        await pilot.pause(0.3)
        await settle(pilot)
        app.main.editing.save(app.main.current(), Change(owners=["dorte"]))
        await settle(pilot)
    assert store.initiative("haps").owners == ("dorte",)


async def test_quitting_while_a_save_waits_asks_and_never_freezes(store, plan_file):
    app = TrackerApp(store, plan_file, "anna", poll_seconds=60)
    blocker = hold_write_lock(store.path)
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await goto(pilot, "haps")
            app.main.editing.save(app.main.current(), Change(status="igangsat"))
            await pilot.pause(0.2)
            await pilot.press("q")
            await pilot.pause()
            assert isinstance(app.screen, ChoiceScreen)  # it asks, naming the save
            assert "saving HAPS" in str(app.screen.query_one("Label").render())
            started = time.monotonic()
            await pilot.press("down", "enter")  # quit now and drop it
            await pilot.pause()
        took = time.monotonic() - started
    finally:
        blocker.rollback()
        blocker.close()
    assert took < 2, took  # the lock is held for 10 s more; quitting did not wait for it
    assert store.initiative("haps").status == "not_started"  # dropped, as chosen


async def test_choosing_to_wait_for_a_save_already_done_quits(store, plan_file):
    """The save finished (here: refused as busy) while the question stood: wait = quit."""
    app = TrackerApp(store, plan_file, "anna", poll_seconds=60)
    blocker = hold_write_lock(store.path)
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            app.database.busy_timeout_ms = 300
            await goto(pilot, "haps")
            app.main.editing.save(app.main.current(), Change(status="igangsat"))
            await pilot.pause(0.1)
            await pilot.press("q")
            await pilot.pause()
            assert isinstance(app.screen, ChoiceScreen)
            await pilot.pause(1)  # the save gives up meanwhile
            await settle(pilot)
            await pilot.press("enter")  # "wait for it, then quit"
            await pilot.pause()
            assert app._exit or not app.is_running
    finally:
        blocker.rollback()
        blocker.close()
