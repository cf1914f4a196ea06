import shutil
from pathlib import Path

import pytest

from tracker import store as storelib
from tracker import sync as synclib
from tracker.store import open_store

ROOT = Path(__file__).resolve().parent.parent
BUNDLED_PLAN = ROOT / "plans" / "2022-2025.yaml"


@pytest.fixture(autouse=True)
def english(monkeypatch):
    """Tests read English unless they ask for Danish, whatever the machine's locale."""
    from tracker import catalogue

    monkeypatch.setenv("TRACKER_LANG", "en")
    catalogue.use("en")
    yield
    catalogue.use("en")


@pytest.fixture(autouse=True)
def own_cache(monkeypatch, tmp_path):
    """Each test remembers valid plans in a cache of its own, never the user's."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


@pytest.fixture(autouse=True)
def utc(monkeypatch):
    """Local time is UTC in tests, so reports and screens read the same on any machine."""
    import time

    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def clock(monkeypatch):
    """Freeze the time stamps; `clock.set(...)` moves the clock."""

    class Clock:
        value = "2024-03-01T09:00:00Z"

        def set(self, stamp):
            self.value = stamp

    c = Clock()
    monkeypatch.setattr(storelib, "now", lambda: c.value)
    monkeypatch.setattr(synclib, "now", lambda: c.value)
    return c


@pytest.fixture
def plan_file(tmp_path):
    """A private copy of the bundled plan."""
    path = tmp_path / "plans" / "2022-2025.yaml"
    path.parent.mkdir()
    shutil.copy(BUNDLED_PLAN, path)
    return path


@pytest.fixture
def store(plan_file, clock):
    """A store synced with the bundled plan."""
    s = open_store(plan_file.with_suffix(".db"))
    synclib.sync_file(s, plan_file, "sekretær")
    yield s
    s.close()


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


async def settle(pilot) -> None:
    """Let the app finish what a key started, database writes (on the writer's
    thread) and reads (in workers) included."""
    import asyncio

    for _ in range(2):  # a finished write may start a reload that draws
        database = getattr(pilot.app, "database", None)
        while database is not None and not database.idle():
            await asyncio.sleep(0.005)
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


# -- markers for a fast loop: `python -m pytest -q -m core` (README "Development") ------

TUI_MODULES = {"test_tui", "test_outside_edits", "test_tui_plan_year", "test_tui_burst", "test_tui_database",
               "test_snapshots", "test_paging", "test_tui_committee"}
PROCESS_MODULES = {"test_serve", "test_safety"}


def pytest_collection_modifyitems(config, items):
    """Each test is `tui` (drives the app: Pilot, snapshots, tmux), `processes`
    (real servers, kills, several processes) or `core` (the rest: fast)."""
    import inspect

    for item in items:
        module = item.module.__name__.rsplit(".", 1)[-1]
        if item.get_closest_marker("processes"):  # marked by hand: it starts processes
            continue
        if module in PROCESS_MODULES:
            item.add_marker(pytest.mark.processes)
        elif module in TUI_MODULES or inspect.iscoroutinefunction(
                getattr(item, "function", None)):
            item.add_marker(pytest.mark.tui)
        else:
            item.add_marker(pytest.mark.core)
