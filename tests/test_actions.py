"""The yearly implementation plan in the store: actions and decisions are
written by the one writer, audited, version-checked, undone, and follow a rename."""

import pytest

from tracker import present
from tracker.errors import StaleEdit, TrackerError
from tracker.store import Change
from tracker.sync import sync_file


def test_an_action_is_added_with_its_audit_rows_in_one_edit(store):
    action_id = store.add_action("haps", "Hold kick-off", 2024, "anna", "cli",
                                 owners=["PLO-Hovedstaden"], due="2024-03-01")
    action = store.action(action_id)
    assert (action.initiative_id, action.year, action.text, action.owners, action.due,
            action.status) == ("haps", 2024, "Hold kick-off", ("plo",), "2024-03-01",
                               "not_started")
    rows = [e for e in store.history("haps") if e.field.startswith("action:")]
    assert len({e.edit_id for e in rows}) == 1 and {e.who for e in rows} == {"anna"}
    # The history says it in one line.
    lines = [present.change(store.info, e) for e in present.fold(rows)]
    assert lines == [f"action #{action_id} added: Hold kick-off (2024; PLO-Hovedstaden; "
                     "2024-03-01)"]


def test_an_action_without_owners_gets_the_initiatives(store):
    store.edit("haps", Change(owners=["region", "plo"]), "anna", "cli")
    action_id = store.add_action("haps", "Write the charter", 2024, "anna", "cli")
    assert store.action(action_id).owners == ("region", "plo")


@pytest.mark.parametrize("kwargs, message", [
    ({"text": "  "}, "the text is empty"),
    ({"year": 2031}, "the year 2031 is outside the plan period"),
    ({"owners": ["nobody"]}, "unknown owner 'nobody'"),
    ({"due": "2024-02-30"}, "'2024-02-30' is not a date"),
    ({"status": "weird"}, "unknown status 'weird'"),
])
def test_a_wrong_action_is_refused_and_nothing_written(store, kwargs, message):
    before = store.db.execute("SELECT count(*) FROM audit").fetchone()[0]
    args = {"text": "Do it", "year": 2024, **kwargs}
    with pytest.raises(TrackerError, match=message):
        store.add_action("haps", args.pop("text"), args.pop("year"), "anna", "cli", **args)
    assert store.db.execute("SELECT count(*) FROM audit").fetchone()[0] == before
    assert store.actions() == []


def test_an_action_edit_is_stale_only_if_that_action_changed(store):
    first = store.add_action("haps", "One", 2024, "anna", "cli")
    second = store.add_action("haps", "Two", 2024, "anna", "cli")
    seen = store.initiative("haps").version
    # Bo edits the status and the other action: Anna's edit of `first` still goes.
    store.edit("haps", Change(status="planned"), "bo", "cli")
    store.edit_action(second, "bo", "cli", status="done")
    store.edit_action(first, "anna", "tui", due="2024-06-01", expected_version=seen)
    assert store.action(first).due == "2024-06-01"
    # But if Bo changed `first` itself, Anna's is refused, naming what Bo did.
    seen = store.initiative("haps").version
    store.edit_action(first, "bo", "cli", status="in progress")
    with pytest.raises(StaleEdit) as caught:
        store.edit_action(first, "anna", "tui", status="done", expected_version=seen)
    message = present.explain(caught.value, store.info)
    assert f"bo action #{first} status: not started → in progress" in message
    assert store.action(first).status == "in_progress"


def test_undo_removes_an_added_action_and_redo_brings_it_back(store):
    action_id = store.add_action("haps", "Hold kick-off", 2024, "anna", "cli")
    store.undo("anna", "cli")
    assert store.actions() == []
    with pytest.raises(TrackerError, match="no action"):
        store.action(action_id)
    store.redo("anna", "cli")
    assert store.action(action_id).text == "Hold kick-off"
    store.edit_action(action_id, "anna", "cli", status="done")
    store.undo("anna", "cli")
    assert store.action(action_id).status == "not_started"


def test_removing_an_action_keeps_it_in_the_history(store):
    action_id = store.add_action("haps", "Hold kick-off", 2024, "anna", "cli")
    store.edit_action(action_id, "bo", "cli", remove=True)
    assert store.actions() == []
    lines = [present.change(store.info, e)
             for e in present.fold(store.history("haps")) if e.field.startswith("action")]
    assert lines[-1] == f"action #{action_id} removed: Hold kick-off"


def test_decisions_are_recorded_and_listed_by_date(store):
    later = store.add_decision("haps", "Extend to all hospitals", "2025-01-10", "anna", "cli",
                               by="Praksisplanudvalget")
    first = store.add_decision("haps", "Approve the pilot", "2024-05-19", "anna", "cli")
    assert [(d.id, d.date, d.by) for d in store.decisions("haps")] == [
        (first, "2024-05-19", ""), (later, "2025-01-10", "Praksisplanudvalget")]
    with pytest.raises(TrackerError, match="not a date"):
        store.add_decision("haps", "x", "19 May", "anna", "cli")


def test_actions_and_decisions_follow_a_rename(store, plan_file):
    action_id = store.add_action("haps", "Hold kick-off", 2024, "anna", "cli")
    store.add_decision("haps", "Approve the pilot", "2024-05-19", "anna", "cli")
    text = plan_file.read_text(encoding="utf-8")
    plan_file.write_text(text.replace("- id: haps\n", "- id: haps-2\n        previous_ids: [haps]\n"),
                         encoding="utf-8")
    sync_file(store, plan_file, "sekretær")
    assert store.action(action_id).initiative_id == "haps-2"
    assert [d.initiative_id for d in store.decisions()] == ["haps-2"]
    store.undo("anna", "cli")  # the decision, recorded under the old id
    assert store.decisions() == []


def test_actions_are_listed_by_year_owner_and_due(store):
    a = store.add_action("haps", "Late", 2024, "anna", "cli", owners=["plo"], due="2024-02-01")
    b = store.add_action("haps", "No date", 2024, "anna", "cli", owners=["region"])
    c = store.add_action("haps", "Early", 2024, "anna", "cli", owners=["region"],
                         due="2024-01-01")
    d = store.add_action("haps", "Next year", 2025, "anna", "cli", owners=["region"])
    assert [x.id for x in store.actions()] == [c, a, b, d]
    assert [x.id for x in store.actions(year=2024, owner="Region Hovedstaden")] == [c, b]
    late = store.action(a)
    assert late.overdue("2024-02-11", store.info) == 10
    store.edit_action(a, "anna", "cli", status="done")
    assert store.action(a).overdue("2024-02-11", store.info) == 0


# -- the commands ---------------------------------------------------------------------

@pytest.fixture
def run(plan_file, clock):
    from click.testing import CliRunner

    from tracker.cli import main

    def invoke(*args, user="anna", lang="en"):
        return CliRunner().invoke(main, ["--plan", str(plan_file), "--user", user, "--lang",
                                         lang, *args], catch_exceptions=False)

    return invoke


def test_the_yearly_plan_from_the_command_line(run, plan_file):
    added = run("action", "add", "haps", "Hold kick-off", "--year", "2024", "--owner", "plo",
                "--due", "1.3.2024")
    assert added.exit_code == 0, added.output
    assert added.output.splitlines()[-1] == (
        "Added action #1 to haps: #1 2024 · Hold kick-off · PLO-Hovedstaden · due 2024-03-01 "
        "· not started")
    assert run("action", "add", "haps", "Agree the flow", "--year", "2024").exit_code == 0
    assert run("action", "set", "2", "--status", "igangsat", "--due", "2024-04-01",
               user="bo").exit_code == 0
    listed = run("action", "list", "--overdue", "--date", "2024-05-01")
    assert "#1  2024  haps  Hold kick-off" in listed.output
    assert "Overdue" in listed.output and "  30 days" in listed.output and "  61 days" in listed.output
    assert listed.output.splitlines()[-1] == "2 actions."
    assert run("action", "list", "--owner", "plo").output.splitlines()[-1] == "1 action."
    decided = run("decision", "add", "haps", "Pilot approved", "--date", "19.5.2024", "--by",
                  "Praksisplanudvalget", lang="da")
    assert decided.output.splitlines()[-1] == (
        "Beslutning #1 registreret for haps: 19.05.2024 Praksisplanudvalget: Pilot approved")
    shown = run("show", "haps", lang="da").output
    assert "Handlinger (2)" in shown and "frist 01.03.2024" in shown
    assert "#1 19.05.2024 Praksisplanudvalget: Pilot approved" in shown
    history = run("history", "haps").output
    assert "bo (on the command line)  haps  action #2 status: not started → in progress" in history
    # The implementation plan as a document, and the status report's new sections.
    out = plan_file.parent / "plan-2024.md"
    made = run("export", "--implementation-plan", "2024", "--date", "2024-05-01", "-o",
               str(out), lang="da")
    assert made.exit_code == 0, made.output
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Implementeringsplan 2024 — Praksisplan for almen praksis")
    # A plan: who does what by when, no live status ...
    assert "| Hold kick-off | PLO-Hovedstaden | 01.03.2024 |" in text
    assert "ikke påbegyndt" not in text and "over fristen" not in text
    # ... unless asked for.
    made = run("export", "--implementation-plan", "2024", "--date", "2024-05-01",
               "--with-status", lang="da")
    assert "| Hold kick-off | PLO-Hovedstaden | 01.03.2024 | ikke påbegyndt · " \
           "**61 dage over fristen** |" in made.output
    report = run("export", "--date", "2024-05-01").output
    assert report.index("## Needs attention") < report.index("## Summary")
    assert "| Hold kick-off | HAPS | PLO-Hovedstaden | 2024-03-01 | 61 days |" \
        in report
    assert "## Who does what in 2024" in report


@pytest.mark.parametrize("args, message", [
    (("action", "set", "99", "--status", "done"), "no action #99"),
    (("action", "set", "1"), "nothing to change"),
    (("action", "add", "hpas", "x"), "unknown initiative 'hpas' (did you mean haps?)"),
    (("action", "add", "haps", "x", "--due", "31.2.2024"), "--due"),
    (("action", "add", "haps", "x", "--year", "2031"), "outside the plan period"),
    (("decision", "add", "haps", "x", "--date", "tomorrow"), "--date"),
    (("export", "--implementation-plan", "2024", "--owner", "plo"), "leave out"),
    (("export", "--implementation-plan", "2030"), "outside the plan period"),
])
def test_a_wrong_command_is_one_line_and_writes_nothing(run, args, message):
    run("action", "add", "haps", "First", "--year", "2024")
    before = run("history").output
    result = run(*args)
    assert result.exit_code == 1
    assert message in result.output and "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert run("history").output == before


def test_an_empty_report_says_nothing_needs_attention(run):
    report = run("export", "--date", "2024-05-01").output
    assert "_Nothing needs attention: no overdue actions" in report


# -- declared in the plan file, and in the state file ------------------------------------

DECLARED = """      - id: haps
        actions:
          2024:
            - id: kickoff
              text: Hold kick-off
              owners: [region, plo]
              due: 2024-03-01
            - id: flow
              text: Agree the referral flow
              status: planned
"""


def declare(plan_file, text=DECLARED):
    """The bundled plan with haps's entry starting with `text`."""
    from .conftest import BUNDLED_PLAN

    body = BUNDLED_PLAN.read_text(encoding="utf-8")
    plan_file.write_text(body.replace("      - id: haps\n", text, 1), encoding="utf-8")


def test_declared_actions_are_synced_by_the_one_merge_rule(store, plan_file):
    declare(plan_file)
    result = sync_file(store, plan_file, "sekretær")
    assert [(line.sign, line.kind) for line in result.lines] == [("+", "action_added")] * 2
    kickoff, flow = store.actions("haps")
    assert (kickoff.key, kickoff.owners, kickoff.due, kickoff.status) == (
        "kickoff", ("region", "plo"), "2024-03-01", "not_started")
    assert (flow.key, flow.status) == ("flow", "planned")
    # Someone records progress; the plan moves the date and changes the status too.
    store.edit_action(flow.id, "anna", "cli", status="done")
    declare(plan_file, DECLARED.replace("2024-03-01", "2024-04-01")
            .replace("status: planned", "status: in_progress"))
    result = sync_file(store, plan_file, "sekretær")
    assert [(line.sign, line.data.get("field")) for line in result.lines] == [
        ("~", f"action:{kickoff.id}:due"), ("!", f"action:{flow.id}:status")]
    assert store.action(kickoff.id).due == "2024-04-01"
    assert store.action(flow.id).status == "done"  # the edit is kept; a conflict says so
    assert store.resolve("haps", f"action:{flow.id}:status", True, "anna", "cli") == (
        "took_plan", "in_progress")
    # No action appears twice, and one gone from the plan stays with its data.
    declare(plan_file, "      - id: haps\n")
    sync_file(store, plan_file, "sekretær")
    assert [a.id for a in store.actions("haps")] == [kickoff.id, flow.id]


def test_a_new_initiative_may_declare_actions(store, plan_file):
    body = plan_file.read_text(encoding="utf-8")
    plan_file.write_text(body.replace("      - id: haps\n", """      - id: nyt
        kind: projekt
        title: Et nyt projekt
        actions:
          2025:
            - {id: start, text: Begin, owners: [kommunerne]}
      - id: haps
""", 1), encoding="utf-8")
    sync_file(store, plan_file, "sekretær")
    (action,) = store.actions("nyt")
    assert (action.year, action.text, action.owners) == (2025, "Begin", ("kommunerne",))


def test_actions_and_decisions_round_trip_through_the_state_file(store, plan_file, tmp_path):
    from tracker.state import export_state, import_state
    from tracker.store import open_store

    declare(plan_file)
    sync_file(store, plan_file, "sekretær")
    own = store.add_action("haps", "Write the charter", 2025, "anna", "cli", owners=["plo"],
                           due="2025-01-31")
    store.edit_action(own, "anna", "cli", status="in progress")
    store.add_decision("haps", "Pilot approved", "2024-05-19", "anna", "cli", by="PPU")
    text = export_state(store)
    assert "Write the charter" in text and "Pilot approved" in text
    other = open_store(tmp_path / "other.db")
    try:
        sync_file(other, plan_file, "sekretær")
        first = import_state(other, text, "bo")
        assert first.conflicts == 0
        from .test_state import same_but_database

        assert same_but_database(export_state(other), text)
        again = import_state(other, text, "bo")
        assert again.changed == 0 and again.lines == []
    finally:
        other.close()


def test_hostile_text_in_actions_and_decisions_stays_text(run, plan_file):
    nasty = "\x1b[31mRed| <script>x</script> [a](b)"
    assert run("action", "add", "haps", nasty, "--year", "2024", "--due", "2024-01-01"
               ).exit_code == 0
    by = run("decision", "add", "haps", nasty, "--date", "2024-01-02", "--by", "\x1b]0;t\x07")
    assert by.exit_code == 1 and "\x1b" not in by.output  # who decided hides nothing
    assert run("decision", "add", "haps", nasty, "--date", "2024-01-02", "--by", "PPU"
               ).exit_code == 0
    for args in (("action", "list"), ("decision", "list"), ("show", "haps"), ("history",),
                 ("export", "--date", "2024-05-01"),
                 ("export", "--implementation-plan", "2024", "--date", "2024-05-01")):
        output = run(*args).output
        assert "\x1b" not in output and "\x07" not in output, args
        assert "␛[31mRed" in output or "\\[31mRed" in output, args
    plan = run("export", "--implementation-plan", "2024", "--date", "2024-05-01").output
    assert "&lt;script&gt;" in plan and "Red\\|" in plan


def test_an_action_of_a_year_the_period_lost_round_trips(store, plan_file, tmp_path):
    from tracker.state import export_state, import_state
    from tracker.store import open_store

    store.add_action("haps", "Early step", 2022, "anna", "cli")
    text = export_state(store)
    plan_file.write_text(plan_file.read_text(encoding="utf-8").replace(
        "period: 2022-2025", "period: 2023-2026"), encoding="utf-8")
    sync_file(store, plan_file, "sekretær")
    assert [a.year for a in store.actions()] == [2022]  # kept, as priorities are
    other = open_store(tmp_path / "other.db")
    try:
        sync_file(other, plan_file, "sekretær")
        result = import_state(other, text, "bo")  # not refused: kept and said
        assert [(a.year, a.text) for a in other.actions()] == [(2022, "Early step")]
        assert [(line.sign, line.kind) for line in result.lines][-1] == ("?", "outside_period")
    finally:
        other.close()


def test_the_action_list_names_the_owners_and_marks_the_lead(run):
    """It listed owner ids ('region, plo') and no lead, and its last column had no head."""
    assert run("action", "add", "haps", "Hold kick-off", "--year", "2024", "--owner", "plo",
               "--owner", "region", "--lead", "plo").exit_code == 0
    listed = run("action", "list").output
    assert "PLO (lead), Regionen" in listed and "Overdue" in listed.splitlines()[0]
