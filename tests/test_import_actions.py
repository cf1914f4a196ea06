"""An import never drops or rewrites an action: the README's "after a meeting"
workflow with two real databases, and a state file's every field checked as the
CLI checks it."""

import pytest
from click.testing import CliRunner

from tracker.cli import main
from tracker.store import open_store

from .test_actions import DECLARED, declare


def cli(plan_file, db, *args, user="anna"):
    return CliRunner().invoke(main, ["--plan", str(plan_file), "--db", str(db), "--user", user,
                                     "--lang", "en", *args])


def actions_of(db) -> list[tuple]:
    store = open_store(db)
    try:
        return sorted((a.text, a.key, a.year) for a in store.actions("haps"))
    finally:
        store.close()


def test_the_after_a_meeting_workflow_keeps_every_action(plan_file, tmp_path, clock):
    ours, theirs = tmp_path / "ours.db", tmp_path / "theirs.db"
    # 1. A CLI action is added (#1); 2. the plan then declares `kickoff` (#2).
    assert cli(plan_file, ours, "action", "add", "haps", "Write the charter", "--year",
               "2024").exit_code == 0
    declare(plan_file, DECLARED)
    assert cli(plan_file, ours, "sync").exit_code == 0
    # 3. The state file is written; 4. a colleague's new database from the same plan
    # (there `kickoff` is #1) imports it.
    state = tmp_path / "state.yaml"
    assert cli(plan_file, ours, "export", "--format", "yaml", "-o", str(state)).exit_code == 0
    assert cli(plan_file, theirs, "sync", user="bo").exit_code == 0
    result = cli(plan_file, theirs, "import", str(state), user="bo")
    assert result.exit_code == 0, result.output
    assert actions_of(theirs) == actions_of(ours) == [
        ("Agree the referral flow", "flow", 2024), ("Hold kick-off", "kickoff", 2024),
        ("Write the charter", None, 2024)]
    again = cli(plan_file, theirs, "import", str(state), user="bo")  # nothing more
    assert again.output == "Changed 0 initiatives.\n", again.output
    assert len(actions_of(theirs)) == 3


def test_numbers_match_within_the_same_database(plan_file, tmp_path, clock):
    """Its own file, the text edited: the number says which action it is, so the text
    is a conflict with the tracker's (kept), not a second action."""
    db = tmp_path / "ours.db"
    assert cli(plan_file, db, "action", "add", "haps", "Draft", "--year", "2024").exit_code == 0
    state = tmp_path / "state.yaml"
    assert cli(plan_file, db, "export", "--format", "yaml", "-o", str(state)).exit_code == 0
    state.write_text(state.read_text(encoding="utf-8").replace("text: Draft",
                                                               "text: Final text"),
                     encoding="utf-8")
    result = cli(plan_file, db, "import", str(state))
    assert result.exit_code == 0 and "1 conflict" in result.output, result.output
    assert actions_of(db) == [("Draft", None, 2024)]


def test_a_state_file_of_another_plan_needs_a_flag(plan_file, tmp_path, clock):
    db = tmp_path / "ours.db"
    state = tmp_path / "state.yaml"
    assert cli(plan_file, db, "set", "haps", "--status", "igangsat").exit_code == 0
    assert cli(plan_file, db, "export", "--format", "yaml", "-o", str(state)).exit_code == 0
    text = state.read_text(encoding="utf-8")
    state.write_text(text.replace("plan: Praksisplan for almen praksis 2022-2025",
                                  "plan: Praksisplan for Region Midtjylland"), encoding="utf-8")
    other = tmp_path / "other.db"
    refused = cli(plan_file, other, "import", str(state))
    assert refused.exit_code == 1 and "--other-plan" in refused.output
    assert "Region Midtjylland" in refused.output
    taken = cli(plan_file, other, "import", str(state), "--other-plan")
    assert taken.exit_code == 0, taken.output


STATE = """format: tracker-state/1
plan: Praksisplan for almen praksis 2022-2025
initiatives:
  haps:
{entry}
"""


@pytest.mark.parametrize("entry, words", [
    ("    decisions:\n      - {date: '2024-01-01', text: ok, by: '" + "x" * 5000 + "'}",
     "at most 200"),
    ("    actions:\n      - {year: '2024', text: ok, key: [k]}", "'key' must be text"),
    ("    actions:\n      - {year: '2024', text: ok, id: [1]}", "'id' must be text"),
    ("    actions:\n      - {year: [2024], text: ok}", "'year' must be text"),
    ("    actions:\n      - {year: '2024', text: \"\\u200b\\u2060\\ufeff\"}", "empty"),
])
def test_every_field_of_a_state_file_is_checked_as_the_cli_checks_it(plan_file, tmp_path,
                                                                       clock, entry, words):
    db = tmp_path / "ours.db"
    assert cli(plan_file, db, "sync").exit_code == 0
    state = tmp_path / "state.yaml"
    state.write_text(STATE.format(entry=entry), encoding="utf-8")
    result = cli(plan_file, db, "import", str(state))
    assert result.exit_code == 1, result.output
    assert words in result.output and "haps" in result.output
    assert len(result.output.strip().splitlines()) == 1, result.output
    assert actions_of(db) == []


def test_an_unknown_id_with_a_newline_is_one_line(plan_file, tmp_path, clock):
    db = tmp_path / "ours.db"
    assert cli(plan_file, db, "sync").exit_code == 0
    state = tmp_path / "state.yaml"
    state.write_text('format: tracker-state/1\nplan: Praksisplan for almen praksis 2022-2025\n'
                     'initiatives:\n  "evil\\nline": {status: igangsat}\n', encoding="utf-8")
    result = cli(plan_file, db, "import", str(state))
    assert result.exit_code == 1
    assert len(result.output.strip().splitlines()) == 1 and "evil\\nline" in result.output


def test_importing_the_same_file_twice_changes_nothing(plan_file, tmp_path, clock):
    """Two actions with the same text and year ("Møde" in March and in September)."""
    ours, theirs = tmp_path / "ours.db", tmp_path / "theirs.db"
    for due in ("1.3.2024", "1.9.2024"):
        assert cli(plan_file, ours, "action", "add", "haps", "Møde", "--year", "2024",
                   "--due", due).exit_code == 0
    state = tmp_path / "state.yaml"
    assert cli(plan_file, ours, "export", "--format", "yaml", "-o", str(state)).exit_code == 0
    first = cli(plan_file, theirs, "import", str(state), user="bo")
    assert first.exit_code == 0 and len(actions_of(theirs)) == 2
    again = cli(plan_file, theirs, "import", str(state), user="bo")
    assert again.output == "Changed 0 initiatives.\n", again.output
    assert len(actions_of(theirs)) == 2


@pytest.mark.parametrize("document, words", [
    ("format: tracker-state/1\ndatabase: {a: '1'}\ninitiatives: {}\n", "'database' must be text"),
    ("format: tracker-state/1\nsurprise: x\ninitiatives: {}\n", "key 'surprise'"),
    (STATE.format(entry="    actions:\n      - {year: '2024', text: ok, key: 'Not An Id'}"),
     "is not a plan id"),
    (STATE.format(entry="    notes:\n      - {text: \"\\u200b\", at: '2024-01-01T00:00:00Z', "
                        "author: x}"), "a note needs"),
    (STATE.format(entry="    notes:\n      - {text: hi, at: '2024-01-01T00:00:00Z', "
                        "author: \"a\\e[2J\"}"), "author"),
    (STATE.format(entry="    actions:\n      - {year: '2024', text: ok, owners: [\"a\\nb\"]}"),
     "unknown owner 'a\\nb'"),
])
def test_a_state_file_is_checked_whole(plan_file, tmp_path, clock, document, words):
    db = tmp_path / "ours.db"
    assert cli(plan_file, db, "sync").exit_code == 0
    state = tmp_path / "state.yaml"
    state.write_text(document, encoding="utf-8")
    result = cli(plan_file, db, "import", str(state))
    assert result.exit_code == 1 and words in result.output, result.output
    assert len(result.output.strip().splitlines()) == 1, result.output
