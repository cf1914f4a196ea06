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
