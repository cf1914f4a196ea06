"""Keys that arrive together (a paste, a fast typist, a slow SSH link, a browser)
land where they would have landed one at a time: Pilot's `press` waits for the app
to be idle after every key, so here all keys are queued at once, as a terminal
delivers them."""

import unicodedata

import pytest
from textual import events
from textual.keys import REPLACED_KEYS, _character_to_key, _get_unicode_name_from_key

from tracker.store import Change
from tracker.tui.app import TrackerApp

from pathlib import Path

from tracker.store import open_store

from .conftest import ROOT, settle
from .test_tui import goto


@pytest.fixture
def app(store, plan_file):
    return TrackerApp(store, plan_file, "anna", poll_seconds=0.1, export_date="2024-03-15")


def key_event(key: str) -> events.Key:
    """The event Pilot's `press` would send for `key`."""
    if len(key) == 1 and not key.isalnum():
        key = _character_to_key(key)
    try:
        char = unicodedata.lookup(_get_unicode_name_from_key(REPLACED_KEYS.get(key, key)))
    except KeyError:
        char = key if len(key) == 1 else None
    return events.Key(key, char)


async def burst(pilot, *keys: str) -> None:
    """Queue every key before the app handles the first, then let it finish."""
    for key in keys:
        event = key_event(key)
        event.set_sender(pilot.app)
        pilot.app._driver.send_message(event)
    await settle(pilot)


@pytest.mark.parametrize("opened_first", [False, True])
async def test_a_burst_fills_the_action_form_field_by_field(app, store, opened_first):
    store.edit("haps", Change(owners=["plo"]), "bo", "cli")
    async with app.run_test(size=(120, 40)) as pilot:
        await goto(pilot, "haps")
        keys = ["a", *"Hold kick-off", "tab", "tab", "tab", *"1.3.2024", "enter"]
        if opened_first:
            await pilot.press(keys.pop(0))
            await settle(pilot)
        await burst(pilot, *keys)
        (action,) = store.actions()
        assert (action.text, action.year, action.owners, action.due) == (
            "Hold kick-off", 2024, ("plo",), "2024-03-01")


@pytest.mark.parametrize("opened_first", [False, True])
async def test_a_burst_of_priorities_sets_the_years_moved_to(app, store, opened_first):
    async with app.run_test(size=(120, 40)) as pilot:
        await goto(pilot, "haps")
        keys = ["p", "up", "up", "1", "down", "2", "enter"]  # from 2024, this plan year
        if opened_first:
            await pilot.press(keys.pop(0))
            await settle(pilot)
        await burst(pilot, *keys)
        assert store.initiative("haps").priorities == {2022: "high", 2023: "medium"}


@pytest.mark.parametrize("opened_first", [False, True])
async def test_a_note_typed_and_saved_in_one_burst_is_saved_whole(app, store, opened_first):
    async with app.run_test(size=(120, 40)) as pilot:
        await goto(pilot, "haps")
        keys = ["n", *"Kick-off", "enter", *"held", "ctrl+s"]
        if opened_first:
            await pilot.press(keys.pop(0))
            await settle(pilot)
        await burst(pilot, *keys)
        assert store.initiative("haps").latest_note.text == "Kick-off\nheld"


async def test_a_burst_through_the_edit_menu_reaches_the_note(app, store):
    async with app.run_test(size=(120, 40)) as pilot:
        await goto(pilot, "haps")
        await burst(pilot, "enter", "down", "down", "down", "enter", *"hi there", "ctrl+s")
        assert store.initiative("haps").latest_note.text == "hi there"


# -- a real terminal: tmux, the whole burst in one send-keys -----------------------------


def tmux_burst(tmp_path, plan_file, *keys: str) -> Path:
    """Start the tracker in tmux, send `keys` in one `tmux send-keys`, quit; the db."""
    import shutil
    import subprocess
    import sys
    import time

    if shutil.which("tmux") is None:
        pytest.skip("tmux is not installed (Debian's package 'tmux')")
    db = tmp_path / "burst.db"
    name = f"burst-{tmp_path.name}"[:40]
    env = ["env", "TRACKER_LANG=en", "TRACKER_USER=anna", "TERM=xterm-256color"]
    subprocess.run(["tmux", "new-session", "-d", "-s", name, "-x", "120", "-y", "35", "--",
                    *env, sys.executable, "-m", "tracker", "--plan", str(plan_file), "--db",
                    str(db), "tui"], check=True, cwd=ROOT)
    try:
        deadline = time.monotonic() + 30
        while "Praksisplan" not in screen(name):
            assert time.monotonic() < deadline, screen(name)
            time.sleep(0.1)
        time.sleep(1)
        subprocess.run(["tmux", "send-keys", "-t", name, *keys], check=True)
        time.sleep(3)
        subprocess.run(["tmux", "send-keys", "-t", name, "Escape", "Escape", "q"], check=True)
        deadline = time.monotonic() + 10
        while subprocess.run(["tmux", "has-session", "-t", name],
                             capture_output=True).returncode == 0:
            if time.monotonic() > deadline:
                break
            time.sleep(0.1)
    finally:
        subprocess.run(["tmux", "kill-session", "-t", name], capture_output=True)
    return db


def screen(name: str) -> str:
    import subprocess

    return subprocess.run(["tmux", "capture-pane", "-p", "-t", name], capture_output=True,
                          text=True).stdout


def test_a_burst_in_a_real_terminal_fills_the_action_form(tmp_path, plan_file):
    # Today is after the plan period: the year is typed, not assumed.
    db = tmux_burst(tmp_path, plan_file, "a", "Hold kick-off", "Tab", "2025", "Tab", "Tab",
                    "1.3.2024", "Enter")
    store = open_store(db)
    try:
        (action,) = store.actions()
        assert (action.text, action.year, action.due) == ("Hold kick-off", 2025, "2024-03-01")
    finally:
        store.close()


def test_a_note_and_ctrl_s_in_one_send_keys_is_saved_whole(tmp_path, plan_file):
    db = tmux_burst(tmp_path, plan_file, "n", "Kick-off", "Enter", "held", "C-s")
    store = open_store(db)
    try:
        notes = [n.text for v in store.initiatives() for n in store.notes(v.id)]
        assert notes == ["Kick-off\nheld"]
    finally:
        store.close()
