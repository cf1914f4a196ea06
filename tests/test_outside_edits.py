"""Another person's edit reaches an open TUI by reading again only what changed:
a real `tracker` process edits while the app runs; the app counts what it read."""

import subprocess
import sys

from tracker.model import Change
from tracker.tui.app import TrackerApp
from tracker.tui.widgets import InitiativeTable

from .conftest import settle


def tracker(plan_file, *args):
    done = subprocess.run([sys.executable, "-m", "tracker", "--plan", str(plan_file),
                           "--user", "bo", *args], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


async def wait_for(pilot, condition, seconds: float = 10) -> None:
    for _ in range(int(seconds / 0.05)):
        if condition():
            return
        await pilot.pause(0.05)
    assert condition()


def cell(app, initiative_id, column):
    return app.main.query_one(InitiativeTable).get_cell(initiative_id, column).plain


async def test_an_edit_elsewhere_reads_again_only_its_row(store, plan_file):
    app = TrackerApp(store, plan_file, "anna", poll_seconds=0.1, export_date="2024-03-15")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        outside = app.main.outside
        full = outside.full_reads
        tracker(plan_file, "set", "kontaktlaege", "--status", "done", "--owner", "plo")
        await wait_for(pilot, lambda: cell(app, "kontaktlaege", "status") == "done")
        assert cell(app, "kontaktlaege", "owners") == "PLO"
        assert outside.full_reads == full and outside.rows_read == 1  # its row, once
        done, total = app.main.objective_lines.progress["all"]
        assert done == 1  # the progress figures follow, without a count of everything
        tracker(plan_file, "action", "add", "haps", "Evaluere", "--year", "2024",
                "--due", "2024-01-01")  # overdue on the app's day
        await wait_for(pilot, lambda: cell(app, "haps", "title").startswith("! "))
        assert outside.full_reads == full and outside.rows_read == 2
        assert app.main.objective_lines.late["all"] == 1

        # A sync that changes the plan itself reads everything again.
        text = plan_file.read_text(encoding="utf-8")
        plan_file.write_text(text.replace("        short: HAPS\n", "        short: HAPS 2\n"),
                             encoding="utf-8")
        tracker(plan_file, "sync")
        await wait_for(pilot, lambda: cell(app, "haps", "title") == "! HAPS 2")
        assert outside.full_reads == full + 1


async def test_a_sync_of_the_plans_words_only_is_shown_too(store, plan_file):
    """A party's short name changed in the plan writes no history row; the open
    table still shows it (the plan file is part of what the screen has seen)."""
    store.edit("haps", Change(owners=["plo"]), "anna", "cli")
    app = TrackerApp(store, plan_file, "anna", poll_seconds=0.1, export_date="2024-03-15")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert cell(app, "haps", "owners") == "PLO"
        text = plan_file.read_text(encoding="utf-8")
        plan_file.write_text(text.replace("    short: PLO\n", "    short: PLO-H\n"),
                             encoding="utf-8")
        tracker(plan_file, "sync")
        await wait_for(pilot, lambda: cell(app, "haps", "owners") == "PLO-H")


async def test_an_edit_to_a_row_not_read_yet_moves_the_figures(store, plan_file, monkeypatch):
    """A row on a page not drawn yet has no 'before' to move the figures by: they are
    counted again."""
    from tracker.tui import outside_edits, pages

    monkeypatch.setattr(pages, "PAGE", 2)  # five pages of two; a short screen draws few
    monkeypatch.setattr(outside_edits, "PAGE", 2)
    app = TrackerApp(store, plan_file, "anna", poll_seconds=0.1, export_date="2024-03-15")
    async with app.run_test(size=(120, 14)) as pilot:
        await settle(pilot)
        last = [v for v in store.initiatives()][-1].id  # on the last page
        tracker(plan_file, "set", last, "--status", "done")
        await wait_for(pilot, lambda: app.main.objective_lines.progress["all"][0] == 1)
