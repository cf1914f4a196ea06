"""Pictures of the main views at 80×24, 120×35, 160×45 and 200×50, in both
languages (pytest-textual-snapshot).

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
                              priorities={2024: "high"}, note="Kick-off held"), "anna", "cli")
    store.edit("kontaktlaege", Change(status="afsluttet", owners=["kommunerne"]), "bo", "cli")
    store.add_action("haps", "Agree the referral flow", 2024, "anna", "cli", owners=["plo"],
                     due="2024-03-01")
    store.add_action("haps", "Hold kick-off", 2024, "anna", "cli", due="2024-02-01",
                     status="done")
    store.add_action("kontaktlaege", "Roll out in all municipalities", 2024, "bo", "cli",
                     due="2024-09-30")
    store.add_decision("haps", "Pilot approved for two hospitals", "2024-02-19", "anna", "cli",
                       by="Praksisplanudvalget")
    yield TrackerApp(store, "plans/2022-2025.yaml", "anna", poll_seconds=3600,
                     export_date="2024-03-15")
    store.close()


async def _goto_haps(pilot):
    await pilot.pause()  # the main screen composed
    await pilot.app.main.run_action("objective('m9')")
    await pilot.pause()


def test_main_view_80x24(snap_compare, snapshot_app):
    assert snap_compare(snapshot_app, terminal_size=(80, 24))


def test_year_view_80x24(snap_compare, snapshot_app):
    """At 80 columns `y` shows initiative × year, every plan year on screen."""
    async def year_view(pilot):
        await pilot.press("y")
        await pilot.pause()

    assert snap_compare(snapshot_app, terminal_size=(80, 24), run_before=year_view)


@pytest.mark.parametrize("language", ["en", "da"])
def test_main_view_120x35_every_year_in_sight(snap_compare, snapshot_app, language):
    from tracker import catalogue

    catalogue.use(language)
    app = TrackerApp(snapshot_app.store, "plans/2022-2025.yaml", "anna", poll_seconds=3600,
                     export_date="2024-03-15")
    assert snap_compare(app, terminal_size=(120, 35))


def test_main_view_200x50(snap_compare, snapshot_app):
    assert snap_compare(snapshot_app, terminal_size=(200, 50), run_before=_goto_haps)


@pytest.mark.parametrize("size", [(80, 24), (200, 50)])
def test_main_view_in_danish(snap_compare, snapshot_app, size):
    from tracker import catalogue

    catalogue.use("da")
    app = TrackerApp(snapshot_app.store, "plans/2022-2025.yaml", "anna", poll_seconds=3600,
                     export_date="2024-03-15")
    assert snap_compare(app, terminal_size=size, run_before=_goto_haps)


def test_main_view_160x45(snap_compare, snapshot_app):
    assert snap_compare(snapshot_app, terminal_size=(160, 45), run_before=_goto_haps)


def test_status_picker_80x24(snap_compare, snapshot_app):
    async def open_picker(pilot):
        await _goto_haps(pilot)
        await pilot.press("s")
        await pilot.pause()

    assert snap_compare(snapshot_app, terminal_size=(80, 24), run_before=open_picker)


def test_priorities_160x45(snap_compare, snapshot_app):
    async def open_editor(pilot):
        await _goto_haps(pilot)
        await pilot.press("p")
        await pilot.pause()

    assert snap_compare(snapshot_app, terminal_size=(160, 45), run_before=open_editor)


@pytest.mark.parametrize("language", ["en", "da"])
def test_actions_view_80x24(snap_compare, snapshot_app, language):
    """`A`: the year's actions, the overdue one said in words (and red)."""
    from tracker import catalogue

    catalogue.use(language)
    app = TrackerApp(snapshot_app.store, "plans/2022-2025.yaml", "anna", poll_seconds=3600,
                     export_date="2024-03-15")

    async def open_view(pilot):
        await pilot.press("A")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=open_view)
