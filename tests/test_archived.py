"""An initiative removed from the plan (archived) keeps its records in sight, and
is not changed by accident."""

import pytest
from click.testing import CliRunner

from tracker.cli import main

from .conftest import BUNDLED_PLAN


@pytest.fixture
def run(plan_file, clock):
    def invoke(*args):
        return CliRunner().invoke(main, ["--plan", str(plan_file), "--user", "anna",
                                         "--lang", "en", *args])

    return invoke


@pytest.fixture
def archived_haps(run, plan_file):
    assert run("action", "add", "haps", "Evaluate the pilot", "--year", "2024",
               "--due", "2024-06-01").exit_code == 0
    assert run("decision", "add", "haps", "Pilot approved", "--date", "2024-02-01",
               "--by", "PPU").exit_code == 0
    text = BUNDLED_PLAN.read_text(encoding="utf-8")
    # haps is gone from the plan; m9 keeps an initiative so the plan stays valid
    plan_file.write_text(text.replace("      - id: haps\n", "      - id: haps-2\n", 1),
                         encoding="utf-8")
    result = run("sync")
    assert result.exit_code == 0 and "haps" in result.output
    return plan_file


@pytest.mark.parametrize("args", [["set", "haps", "--status", "igangsat"],
                                  ["set", "haps", "--note", "x"],
                                  ["action", "add", "haps", "More", "--year", "2024"],
                                  ["action", "set", "1", "--status", "done"],
                                  ["action", "remove", "1"],
                                  ["decision", "add", "haps", "More"]])
def test_editing_an_archived_initiative_needs_archived(run, archived_haps, args):
    refused = run(*args)
    assert refused.exit_code == 1 and "'haps' is archived" in refused.output
    assert "--archived" in refused.output
    assert run(*args, "--archived").exit_code == 0


def test_its_actions_and_decisions_stay_listed_and_marked(run, archived_haps):
    actions = run("action", "list").output
    assert "Evaluate the pilot" in actions and "(archived initiative)" in actions
    decisions = run("decision", "list").output
    assert "Pilot approved" in decisions and "(archived initiative)" in decisions
    plan = run("export", "--implementation-plan", "2024", "--date", "2024-05-01").output
    assert "Evaluate the pilot" in plan and "Pilot approved" in plan
    assert plan.count("(archived initiative)") == 2


async def test_the_tui_says_an_archived_initiative_is_not_changed_there(run, archived_haps):
    from tracker.store import open_store
    from tracker.tui.app import TrackerApp

    from .conftest import settle

    store = open_store(archived_haps.with_suffix(".db"))
    app = TrackerApp(store, archived_haps, "anna", poll_seconds=3600)
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await app.main.run_action("objective('archived')")
            await settle(pilot)
            assert app.main.current_id() == "haps"
            for key in ("s", "o", "p", "n", "a", "d"):
                await pilot.press(key)
                await settle(pilot)
                assert app.screen is app.main, key  # no dialog opens
            assert any("haps is archived" in n.message or "HAPS is archived" in n.message
                       for n in app._notifications)
        assert store.initiative("haps").status == "not_started"
    finally:
        store.close()
