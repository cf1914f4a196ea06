"""The committee's year in the store: the lead party and deliverables as tracked
values; meetings, agenda items and milestones as records written by the one
writer (audited, undone); the timeline; the plan's declared meetings synced."""

import pytest

from tracker import present
from tracker.errors import TrackerError
from tracker.model import Change
from tracker.sync import sync_file

from .conftest import write


def audit_count(store) -> int:
    return store.db.execute("SELECT count(*) FROM audit").fetchone()[0]


def test_a_lead_and_a_deliverable_are_tracked_values(store):
    store.edit("haps", Change(owners=["region"]), "anna", "cli")
    store.edit("haps", Change(lead="PLO-Hovedstaden",
                              deliverables={2025: "  Evaluering af\npilotprojektet forelagt PPU"}),
               "anna", "cli")
    view = store.initiative("haps")
    # The lead takes part: naming them adds them to the owners.
    assert (view.lead, view.owners, view.participants) == ("plo", ("region", "plo"),
                                                            ("region",))
    assert view.deliverables == {2025: "Evaluering af pilotprojektet forelagt PPU"}
    fields = {e.field for e in store.history("haps") if e.who == "anna"}
    assert {"lead", "deliverable:2025", "owners"} <= fields
    # Undone as one edit.
    store.undo("anna", "cli")
    view = store.initiative("haps")
    assert (view.lead, view.deliverables, view.owners) == ("", {}, ("region",))


def test_an_owner_taken_off_is_no_longer_the_lead(store):
    store.edit("haps", Change(lead="plo", add_owners=["region"]), "anna", "cli")
    store.edit("haps", Change(remove_owners=["plo"]), "anna", "cli")
    view = store.initiative("haps")
    assert (view.lead, view.owners) == ("", ("region",))


def test_an_edit_of_something_else_leaves_a_declared_lead(store, plan_file):
    text = plan_file.read_text(encoding="utf-8")
    write(plan_file, text.replace("      - id: haps\n",
                                  "      - id: haps\n        owners: [plo]\n        lead: plo\n", 1))
    sync_file(store, plan_file, "sekretær")
    store.edit("haps", Change(remove_owners=["plo"]), "anna", "cli")  # the lead goes with them
    store.undo("anna", "cli")
    store.edit("haps", Change(status="planned", note="x"), "anna", "cli")
    assert store.initiative("haps").lead == "plo"


@pytest.mark.parametrize("change, message", [
    (Change(lead="nobody"), "unknown owner 'nobody'"),
    (Change(deliverables={2031: "x"}), "2031 is outside the plan period"),
    (Change(deliverables={2025: "x" * 301}), "a deliverable is 301 characters"),
])
def test_a_wrong_lead_or_deliverable_writes_nothing(store, change, message):
    before = audit_count(store)
    with pytest.raises(TrackerError, match=message):
        store.edit("haps", change, "anna", "cli")
    assert audit_count(store) == before


def test_the_plan_declares_a_lead_and_deliverables_merged_by_the_one_rule(store, plan_file):
    text = plan_file.read_text(encoding="utf-8")
    declared = text.replace("      - id: haps\n", "      - id: haps\n        owners: [plo]\n"
                            "        lead: plo\n"
                            "        deliverables: {2025: Evaluering forelagt PPU}\n", 1)
    assert declared != text
    write(plan_file, declared)
    sync_file(store, plan_file, "sekretær")
    view = store.initiative("haps")
    assert (view.lead, view.deliverables[2025]) == ("plo", "Evaluering forelagt PPU")
    # The group changes the deliverable; the plan changes it too: a conflict, nothing lost.
    store.edit("haps", Change(deliverables={2025: "Evaluering udskudt til 2026"}), "anna", "cli")
    write(plan_file, declared.replace("Evaluering forelagt PPU", "Slutrapport"))
    result = sync_file(store, plan_file, "sekretær")
    assert [(c.field, c.plan_value, c.tracker_value) for c in store.conflicts()] == [
        ("deliverable:2025", "Slutrapport", "Evaluering udskudt til 2026")]
    assert store.initiative("haps").deliverables[2025] == "Evaluering udskudt til 2026"
    assert any(line.sign == "!" for line in result.lines)


def test_meetings_agenda_and_a_decision_at_a_meeting(store):
    first = store.add_meeting("2025-03-18", "ppu", "anna", "cli", title="PPU marts")
    store.add_meeting("2025-06-18", "Praksisplanudvalget", "anna", "cli")
    assert [(m.id, m.date, m.body) for m in store.meetings()] == [
        (first, "2025-03-18", "ppu"), (first + 1, "2025-06-18", "ppu")]
    item = store.add_agenda_item("2025-03-18", "haps", "Evaluering af HAPS", "Beslutning",
                                 "anna", "cli")
    store.add_agenda_item("2025-03-18", "", "Planen som helhed", "orientering", "anna", "cli")
    agenda = store.agenda(first)
    assert [(a.id, a.initiative_id, a.kind) for a in agenda] == [
        (item, "haps", "decision"), (item + 1, "", "information")]
    decision = store.add_decision("haps", "Godkendt", "", "anna", "cli", meeting="2025-03-18")
    found = store.decisions("haps")
    assert [(d.id, d.date, d.by, d.meeting) for d in found] == [
        (decision, "2025-03-18", "Praksisplanudvalget", str(first))]
    assert store.previous_meeting("2025-06-18").id == first
    assert store.next_meeting("2025-03-19").date == "2025-06-18"


@pytest.mark.parametrize("call, message", [
    (lambda s: s.add_meeting("2025-02-30", "ppu", "a", "cli"), "is not a date"),
    (lambda s: s.add_meeting("2025-03-18", "byrådet", "a", "cli"), "no body 'byrådet'"),
    (lambda s: s.add_agenda_item("2031-01-01", "haps", "x", "decision", "a", "cli"),
     "no meeting '2031-01-01'"),
    (lambda s: s.add_agenda_item("1", "haps", "x", "vote", "a", "cli"),
     "'vote' is not a kind of agenda item"),
    (lambda s: s.add_agenda_item("1", "nope", "x", "decision", "a", "cli"), "nope"),
    (lambda s: s.add_milestone("2025-06-01", " ", "a", "cli"), "the text is empty"),
])
def test_a_wrong_record_writes_nothing(store, call, message):
    store.add_meeting("2025-03-18", "ppu", "anna", "cli")
    before = audit_count(store)
    with pytest.raises(TrackerError, match=message):
        call(store)
    assert audit_count(store) == before


def test_two_meetings_on_one_day_are_told_apart(store):
    assert store.info.bodies == (("ppu", "Praksisplanudvalget"),
                                 ("dialogforum", "Sundhedspolitisk Dialogforum"))
    store.add_meeting("2025-03-18", "ppu", "anna", "cli")
    store.add_meeting("2025-03-18", "dialogforum", "anna", "cli")
    with pytest.raises(TrackerError, match=r"more than one meeting .*1 \(Praksisplanudvalget\)"):
        store.meeting("2025-03-18")
    assert store.meeting("2025-03-18", body="dialogforum").body == "dialogforum"


def test_a_record_is_undone_and_its_history_reads_as_words(store):
    store.add_milestone("2025-06-30", "Evaluering klar", "anna", "cli", "haps")
    assert [m.text for m in store.milestones()] == ["Evaluering klar"]
    lines = [present.change(store.info, e) for e in present.fold(store.history())
             if e.field.startswith("milestone:")]
    assert lines and "milestone #1" in lines[0]
    store.undo("anna", "cli")
    assert store.milestones() == []
    store.redo("anna", "cli")
    assert [m.text for m in store.milestones()] == ["Evaluering klar"]


def test_the_timeline_puts_everything_dated_in_order(store):
    store.add_meeting("2025-03-18", "ppu", "anna", "cli")
    store.add_milestone("2025-03-18", "Høring slut", "anna", "cli")
    late = store.add_action("haps", "Evaluering", 2025, "anna", "cli", due="2025-02-01")
    store.add_action("haps", "Done on time", 2025, "anna", "cli", due="2025-01-15",
                     status="done")
    entries = store.timeline("2025-03-01", year=2025)
    assert [(e.date, e.kind) for e in entries] == [
        ("2025-01-15", "action"), ("2025-02-01", "action"), ("2025-03-18", "meeting"),
        ("2025-03-18", "milestone")]
    assert [e.overdue for e in entries if e.ref == late and e.kind == "action"] == [28]
    assert entries[0].overdue == 0  # done: never overdue


PLAN_MEETINGS = """
meetings:
  - date: 2025-03-18
    body: ppu
    title: Forår
  - id: ppu-juni
    date: 2025-06-18
    body: ppu
milestones:
  - date: 2025-12-31
    text: Planperioden slutter
  - date: 2025-06-30
    text: Evaluering af HAPS
    initiative: haps
"""


def test_the_plans_meetings_and_milestones_are_synced_as_declared(store, plan_file):
    text = plan_file.read_text(encoding="utf-8")
    write(plan_file, text + PLAN_MEETINGS)
    result = sync_file(store, plan_file, "sekretær")
    assert [(m.date, m.title, m.key) for m in store.meetings()] == [
        ("2025-03-18", "Forår", "2025-03-18 ppu"), ("2025-06-18", "", "ppu-juni")]
    assert [m.initiative_id for m in store.milestones()] == ["haps", ""]
    assert sum(line.kind == "meeting_added" for line in result.lines) == 2
    # Declared in the file: changed there, not here.
    with pytest.raises(TrackerError, match="declared in the plan file"):
        store.remove_record("meeting", store.meetings()[0].id, "anna", "cli")
    # The file moves the June meeting and drops the spring one.
    write(plan_file, text + PLAN_MEETINGS.replace("2025-06-18", "2025-06-20")
          .replace("  - date: 2025-03-18\n    body: ppu\n    title: Forår\n", ""))
    sync_file(store, plan_file, "sekretær")
    assert [(m.date, m.key) for m in store.meetings()] == [("2025-06-20", "ppu-juni")]


def test_a_plan_meeting_of_an_unknown_body_is_a_problem_with_its_line(plan_file):
    from tracker.plan import PlanInvalid, load_plan

    text = plan_file.read_text(encoding="utf-8")
    write(plan_file, text + "meetings:\n  - date: 2025-03-18\n    body: byraad\n")
    with pytest.raises(PlanInvalid) as found:
        load_plan(plan_file)
    [problem] = found.value.problems
    assert "'byraad' is not one of the plan's bodies" in str(problem.message)
    assert problem.line == text.count("\n") + 3


def test_a_renamed_initiative_keeps_its_agenda_items_and_milestones(store, plan_file):
    store.add_meeting("2025-03-18", "ppu", "anna", "cli")
    store.add_agenda_item("1", "haps", "Status", "discussion", "anna", "cli")
    store.add_milestone("2025-06-30", "Evaluering", "anna", "cli", "haps")
    text = plan_file.read_text(encoding="utf-8")
    write(plan_file, text.replace("      - id: haps\n",
                                  "      - id: haps-2\n        previous_ids: [haps]\n", 1))
    sync_file(store, plan_file, "sekretær")
    assert [a.initiative_id for a in store.agenda()] == ["haps-2"]
    assert [m.initiative_id for m in store.milestones()] == ["haps-2"]


def test_the_period_end_is_known(store):
    info = store.info
    assert (info.period_end, info.ended("2025-12-31"), info.ended("2026-01-01")) == (
        "2025-12-31", False, True)
    assert (info.this_year("2024-05-01"), info.this_year("2026-11-30")) == (2024, None)


def test_an_action_has_a_lead_among_its_owners(store):
    store.edit("haps", Change(owners=["region"]), "anna", "cli")
    action_id = store.add_action("haps", "Evaluering", 2025, "anna", "cli", lead="plo")
    action = store.action(action_id)
    assert (action.lead, action.owners) == ("plo", ("region", "plo"))
    assert "Evaluering · PLO-Hovedstaden (lead), Region Hovedstaden" in \
        present.action_line(store.info, action)
    store.edit_action(action_id, "anna", "cli", owners=["region"])  # the lead goes with them
    assert store.action(action_id).lead == ""
    store.edit_action(action_id, "anna", "cli", lead="kommunerne")
    assert store.action(action_id).owners == ("region", "kommunerne")
    store.undo("anna", "cli")
    assert (store.action(action_id).lead, store.action(action_id).owners) == ("", ("region",))
    history = [present.change(store.info, e) for e in store.history("haps")
               if e.field.endswith(":lead")]
    assert "action #1 lead: PLO-Hovedstaden → –" in history


def test_a_plan_declares_an_actions_lead_and_the_state_file_carries_it(store, plan_file):
    from tracker.state import export_state, import_state

    text = plan_file.read_text(encoding="utf-8")
    write(plan_file, text.replace("      - id: haps\n", "      - id: haps\n        actions:\n"
                                  "          2025:\n            - id: eval\n"
                                  "              text: Evaluering\n"
                                  "              owners: [plo, region]\n"
                                  "              lead: plo\n", 1))
    sync_file(store, plan_file, "sekretær")
    (action,) = store.actions("haps")
    assert action.lead == "plo"
    state = export_state(store)
    assert "      lead: plo\n" in state
    store.edit_action(action.id, "anna", "cli", lead="region")
    import_state(store, state, "bo")  # the file's lead is the base's: the edit stays
    assert store.action(action.id).lead == "region"
