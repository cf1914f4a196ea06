"""Pictures of the screens in both languages (pytest-textual-snapshot): the main
view, the year view and the actions view at 80×24, 120×35 and 200×50, and every
dialog at 80×24, where room is shortest (each with its fields and key line).

Update after an intended change: pytest tests/test_snapshots.py --snapshot-update
"""

import shutil
import time

import pytest

from tracker.store import Change, open_store
from tracker.sync import sync_file
from tracker.tui.app import TrackerApp

from .conftest import BUNDLED_PLAN


@pytest.fixture
def snapshot_app(tmp_path, monkeypatch, clock):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    (tmp_path / "plans").mkdir()
    shutil.copy(BUNDLED_PLAN, tmp_path / "plans" / "2022-2025.yaml")
    store = open_store("plans/2022-2025.db")
    sync_file(store, "plans/2022-2025.yaml", "sekretær")
    store.edit("haps", Change(status="igangsat", owners=["region", "plo"],
                              priorities={2024: "high"}, note="Opstartsmøde holdt"), "anna", "cli")
    store.edit("kontaktlaege", Change(status="afsluttet", owners=["kommunerne"]), "bo", "cli")
    store.add_action("haps", "Aftale henvisningsforløbet", 2024, "anna", "cli", owners=["plo"],
                     due="2024-03-01")
    store.add_action("haps", "Holde opstartsmøde", 2024, "anna", "cli", due="2024-02-01",
                     status="done")
    store.add_action("kontaktlaege", "Udrulning i alle kommuner", 2024, "bo", "cli",
                     due="2024-09-30")
    store.add_decision("haps", "Pilot godkendt på to hospitaler", "2024-02-19", "anna", "cli",
                       by="Praksisplanudvalget")
    yield TrackerApp(store, "plans/2022-2025.yaml", "anna", poll_seconds=3600,
                     export_date="2024-03-15")
    store.close()


SIZES = [(80, 24), (120, 35), (200, 50)]
LANGUAGES = ["en", "da"]


def app_in(snapshot_app, language: str) -> TrackerApp:
    from tracker import catalogue

    catalogue.use(language)
    return TrackerApp(snapshot_app.store, "plans/2022-2025.yaml", "anna", poll_seconds=3600,
                      export_date="2024-03-15")


async def _goto_haps(pilot):
    await pilot.pause()  # the main screen composed
    await pilot.app.main.run_action("objective('m9')")
    await pilot.pause()


def pressing(*keys, on_haps: bool = True):
    async def run_before(pilot):
        if on_haps:
            await _goto_haps(pilot)
        else:
            await pilot.pause()
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        await pilot.pause(0.2)  # a dialog that opens after a read

    return run_before


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x35", "200x50"])
def test_main_view(snap_compare, snapshot_app, size, language):
    """Every objective listed: the name, status and this year always in sight."""
    assert snap_compare(app_in(snapshot_app, language), terminal_size=size,
                        run_before=pressing(on_haps=False))


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x35", "200x50"])
def test_year_view(snap_compare, snapshot_app, size, language):
    """`y` shows initiative × year, every plan year on screen."""
    assert snap_compare(app_in(snapshot_app, language), terminal_size=size,
                        run_before=pressing("y", on_haps=False))


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x35", "200x50"])
def test_actions_view(snap_compare, snapshot_app, size, language):
    """`A`: the year's actions and the open ones before it, the overdue one said in words."""
    assert snap_compare(app_in(snapshot_app, language), terminal_size=size,
                        run_before=pressing("A", on_haps=False))


def test_main_view_160x45_one_objective(snap_compare, snapshot_app):
    assert snap_compare(snapshot_app, terminal_size=(160, 45), run_before=_goto_haps)


DIALOGS = {"status": ["s"], "owners": ["o"], "priorities": ["p"], "note": ["n"],
           "add_action": ["a"], "decision": ["d"], "edit_menu": ["enter"], "history": ["h"],
           "export": ["e"], "filter": ["f"], "agenda": ["m"], "timeline": ["t"], "help": ["?"]}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("dialog", list(DIALOGS))
def test_each_dialog_at_80x24(snap_compare, snapshot_app, dialog, language):
    """Each dialog fits 80×24 with all its fields and its key line (the add-action
    form with its due date in sight)."""
    assert snap_compare(app_in(snapshot_app, language), terminal_size=(80, 24),
                        run_before=pressing(*DIALOGS[dialog]))
