"""The committee's year at its edges, as an attacker and a careful reviewer found
them: each was a crash, a silent loss or a door left open before it was mended."""

import os

import pytest
from click.testing import CliRunner

from tracker import report
from tracker.cli import main
from tracker.errors import TrackerError
from tracker.model import Change
from tracker.plan import PlanInvalid, load_plan
from tracker.state import export_state, import_state
from tracker.sync import sync_file

from .conftest import write
from .test_successor import successor_text


def run(plan_file, *args, lang="en"):
    return CliRunner().invoke(main, ["--plan", str(plan_file), "--user", "anna", "--lang",
                                     lang, *args])


def test_a_sync_that_adds_the_plans_meetings_says_so_in_words(plan_file):
    text = plan_file.read_text(encoding="utf-8")
    write(plan_file, text + "meetings:\n  - {date: 2025-03-18, body: ppu, title: Forår}\n"
          "milestones:\n  - {date: 2025-06-30, text: Evaluering}\n")
    result = run(plan_file, "sync", lang="da")
    assert result.exit_code == 0, result.output
    assert "+ møde 18.03.2025 fra planen Forår" in result.stdout
    assert "+ milepæl 30.06.2025 fra planen: Evaluering" in result.stdout


@pytest.mark.parametrize("addition, message", [
    ("milestones:\n  - {date: 2025-03-18, text: x}\n  - {date: 2025-03-18, text: x}\n",
     "this milestone is declared twice"),
    ("follows: {plan: ''}\n", "'follows' must name the plan file before this one"),
])
def test_a_plan_that_could_not_be_synced_is_refused_by_validate(plan_file, addition, message):
    write(plan_file, plan_file.read_text(encoding="utf-8") + addition)
    with pytest.raises(PlanInvalid) as found:
        load_plan(plan_file)
    assert any(message in str(p.message) for p in found.value.problems)


@pytest.mark.parametrize("change, message", [
    (lambda t: t.replace("      - id: haps\n", "      - id: haps\n        owners: [plo]\n"
                         "        lead: region\n", 1), "the lead 'region' is not one of its owners"),
    (lambda t: t.replace("      - id: haps\n", "      - id: haps\n        continues: x\n", 1),
     "'continues: x' needs the plan before, named under follows:"),
    (lambda t: t.replace("\nparties:", "\nfollows: {plan: old.yaml}\nparties:", 1)
     .replace("      - id: haps\n", "      - id: haps\n        continues: x\n", 1)
     .replace("      - id: kontaktlaege\n", "      - id: kontaktlaege\n        continues: x\n", 1),
     "'x' is continued twice"),
])
def test_a_plan_that_contradicts_itself_is_refused(plan_file, change, message):
    write(plan_file, change(plan_file.read_text(encoding="utf-8")))
    with pytest.raises(PlanInvalid) as found:
        load_plan(plan_file)
    assert any(message in str(p.message) for p in found.value.problems), found.value.problems


def test_nothing_is_written_over_the_plan_before_or_its_database(store, plan_file):
    store.close()
    old_db = plan_file.with_suffix(".db")
    before = old_db.read_bytes()
    new_plan = write(plan_file.with_name("2026-2029.yaml"),
                     successor_text(plan_file.read_text(encoding="utf-8")))
    assert run(new_plan, "sync").exit_code == 0
    for target in (old_db, plan_file):
        result = run(new_plan, "export", "--final", "-o", str(target))
        assert result.exit_code == 1 and "Traceback" not in result.output
    assert old_db.read_bytes() == before and plan_file.read_text(encoding="utf-8").startswith("#")


def test_a_plan_cannot_follow_itself(plan_file):
    write(plan_file, plan_file.read_text(encoding="utf-8").replace(
        "\nparties:", "\nfollows: {plan: 2022-2025.yaml}\nparties:", 1).replace(
        "      - id: haps\n", "      - id: haps\n        continues: haps\n", 1))
    result = run(plan_file, "sync")
    assert result.exit_code == 1 and "the plan names itself under follows:" in result.stderr


def test_the_final_status_passes_over_pipes_devices_and_long_names(store, plan_file):
    folder = plan_file.parent
    os.mkfifo(folder / "pipe.yaml")
    os.symlink("/dev/zero", folder / "zero.yaml")
    write(folder / "long.yaml", "follows: {plan: " + "a" * 300 + "}\n")
    result = run(plan_file, "export", "--final")
    assert result.exit_code == 0 and result.stdout.startswith("# Final status")


def test_undo_after_the_plan_renamed_the_initiative_an_item_names(store, plan_file):
    store.add_meeting("2025-03-18", "ppu", "anna", "cli")
    store.add_agenda_item("1", "haps", "Eval", "decision", "anna", "cli")
    store.add_milestone("2025-04-01", "MS", "anna", "cli", "haps")
    text = plan_file.read_text(encoding="utf-8")
    write(plan_file, text.replace("      - id: haps\n",
                                  "      - id: haps2\n        previous_ids: [haps]\n", 1))
    sync_file(store, plan_file, "sekretær")
    store.undo("anna", "cli")  # the milestone
    store.undo("anna", "cli")  # the agenda item
    assert store.milestones() == [] and store.agenda() == []
    store.redo("anna", "cli")
    assert [i.initiative_id for i in store.agenda()] == ["haps2"]


def test_a_meeting_with_items_is_not_taken_off_under_them(store):
    store.add_meeting("2025-03-18", "ppu", "carol", "cli")
    store.add_agenda_item("1", "haps", "Eval", "decision", "dave", "cli")
    with pytest.raises(TrackerError, match="meeting #1 has 1 agenda item"):
        store.undo("carol", "cli")
    with pytest.raises(TrackerError, match="meeting #1 has 1 agenda item"):
        store.remove_record("meeting", 1, "carol", "cli")
    assert [m.id for m in store.meetings()] == [1]


def test_a_meeting_the_plan_moves_keeps_its_agenda(store, plan_file):
    text = plan_file.read_text(encoding="utf-8")
    write(plan_file, text + "meetings:\n  - {date: 2025-03-18, body: ppu}\n")
    sync_file(store, plan_file, "sekretær")
    store.add_agenda_item("2025-03-18", "haps", "Eval", "decision", "dave", "cli")
    write(plan_file, text + "meetings:\n  - {date: 2025-03-19, body: ppu}\n")
    sync_file(store, plan_file, "sekretær")
    (meeting,) = store.meetings()
    assert meeting.date == "2025-03-19" and len(store.agenda(meeting.id)) == 1
    write(plan_file, text)  # taken off by the plan: said, its item kept in the history
    result = sync_file(store, plan_file, "sekretær")
    assert [line.kind for line in result.lines if line.sign == "?"] == ["meeting_gone"]


@pytest.mark.parametrize("args, message", [
    (("meeting", "item", "remove", "99999999999999999999999"), "no agenda item"),
    (("milestone", "remove", "99999999999999999999999"), "no milestone"),
    (("meeting", "add", "2025-03-18"), "already meets on 2025-03-18"),
    (("export", "--final", "--format", "yaml"), "--format yaml is the tracking state"),
    (("decision", "add", "haps", "x", "--meeting", "1", "--date", "2025-01-01"),
     "leave out --date and --by"),
    (("set", "haps", "--lead", "plo", "--remove-owner", "plo"), "cannot be both the lead"),
    (("milestone", "add", "2025-06-30", "x" * 301), "a milestone is 301 characters"),
])
def test_wrong_or_contradictory_commands_are_one_line(plan_file, clock, args, message):
    assert run(plan_file, "meeting", "add", "2025-03-18").exit_code == 0
    result = run(plan_file, *args)
    assert result.exit_code == 1 and message in result.stderr, result.output
    assert "Traceback" not in result.output


def test_a_meeting_title_is_shown_on_one_line(plan_file, clock):
    run(plan_file, "meeting", "add", "2025-03-18", "--title", "Forår\n#2  Falsk møde")
    assert run(plan_file, "meeting", "list").stdout.count("\n") == 1


def test_a_deliverable_of_a_year_outside_the_period_is_said_on_import(store, tmp_path,
                                                                     plan_file):
    text = export_state(store).replace("  haps:\n", "  haps:\n    deliverables:\n"
                                       "      '2031': Slutrapport\n", 1)
    result = import_state(store, text, "anna")
    assert [(line.kind, line.data["value"]) for line in result.lines if line.sign == "?"] == [
        ("outside_period", "Slutrapport")]


def test_documents_name_the_lead_and_the_years_deliverable(store):
    store.edit("haps", Change(owners=["region"], lead="plo",
                              deliverables={2024: "Evaluering forelagt PPU"},
                              priorities={2024: "high"}), "anna", "cli")
    status = report.markdown(report.build(store, "2024-06-01", since="2024-01-01"))
    assert "| HAPS | PLO-Hovedstaden | not started | ●●● high | Evaluering forelagt PPU |" \
        in status
    assert "- **HAPS**: PLO-Hovedstaden is now the lead; new owners: PLO-Hovedstaden, " \
        "Region Hovedstaden; priority 2024 – → high; deliverable 2024: Evaluering forelagt " \
        "PPU" in status
    plan = report.implementation_markdown(report.implementation_plan(store, 2024, "2024-06-01"))
    assert "To be delivered in 2024: Evaluering forelagt PPU" in plan
    # Who does what: the lead leads, the other owner takes part (neither simply "owns").
    region = status.split("### Region Hovedstaden\n")[1].split("###")[0]
    plo = status.split("### PLO-Hovedstaden\n")[1].split("###")[0]
    assert "Takes part in: HAPS (not started)" in region and "Owns" not in region
    assert "Leads: HAPS (not started)" in plo


def test_the_implementation_plan_says_whether_it_is_a_draft_or_approved(plan_file, clock):
    """Its state from the meeting that has it on the agenda and what that meeting
    decided (recorded on the item: the plan as a whole holds no decision)."""
    assert run(plan_file, "sync").exit_code == 0
    assert run(plan_file, "meeting", "add", "2025-03-18", "--body", "ppu").exit_code == 0
    added = run(plan_file, "meeting", "item", "add", "2025-03-18", "",
                "Implementeringsplan 2025", "--kind", "beslutning")
    assert added.exit_code == 0, added.output

    def state(date: str, lang: str = "da") -> str:
        text = run(plan_file, "export", "--implementation-plan", "2025", "--date", date,
                   lang=lang).output
        return text.split("\n\n")[2]

    assert state("2025-03-01") == "**Udkast til behandling på Praksisplanudvalgets møde " \
        "18.03.2025**"
    assert state("2025-04-01") == "**Behandlet på Praksisplanudvalgets møde 18.03.2025**"
    decided = run(plan_file, "meeting", "item", "decide", "1", "Godkendt med bemærkninger",
                  lang="da")
    assert decided.exit_code == 0 and "besluttet: Godkendt med bemærkninger" in decided.output
    assert state("2025-04-01") == "**Godkendt af Praksisplanudvalget den 18.03.2025. Denne " \
        "udgave er ajourført 01.04.2025 og kan afvige fra den godkendte.**"
    assert state("2025-04-01", "en").startswith(
        "**Approved by Praksisplanudvalget on 2025-03-18. This copy is brought up to date")
    plan = run(plan_file, "export", "--implementation-plan", "2025", "--date", "2025-04-01",
               lang="da").output  # the approval among the year's decisions
    assert "- 18.03.2025 · Praksisplanudvalget · **Implementeringsplan 2025** · Godkendt" in plan
    assert run(plan_file, "meeting", "item", "decide", "1", "Sendt tilbage").exit_code == 0
    assert state("2025-04-01") == "**Besluttet på Praksisplanudvalgets møde 18.03.2025: " \
        "Sendt tilbage**"
    assert run(plan_file, "undo").exit_code == 0  # the one writer: undone like any edit
    assert state("2025-04-01").startswith("**Godkendt af Praksisplanudvalget den 18.03.2025.")
    held = run(plan_file, "export", "--for-meeting", "2025-03-18")  # today is after it
    assert "note: the meeting of Praksisplanudvalget on 2025-03-18 is past; the note shows " \
        "the status as of today" in held.output and "--date 2025-03-17" in held.output
    assert "is past" not in run(plan_file, "export", "--for-meeting", "2025-03-18",
                                "--date", "2025-03-17").output
    # A later meeting with the plan on its agenda again: the latest says it.
    assert run(plan_file, "meeting", "add", "2025-06-10", "--body", "ppu").exit_code == 0
    assert run(plan_file, "meeting", "item", "add", "2025-06-10", "",
               "Implementeringsplan 2025, revideret", "--kind", "beslutning").exit_code == 0
    assert state("2025-05-01").startswith("**Udkast til behandling på Praksisplanudvalgets "
                                          "møde 10.06.2025")
    wrong = run(plan_file, "meeting", "item", "decide", "9", "Godkendt")
    assert wrong.exit_code == 1 and wrong.output == "error: no agenda item 9\n"


def test_review_fixes_in_the_core(store, plan_file, clock, tmp_path):
    """What a review found: a removed action is not overdue; a name two initiatives
    share is never guessed; a sync that takes a meeting off from under people's agenda
    items backs up first."""
    action = store.add_action("haps", "Evaluere", 2024, "anna", "cli", due="2024-01-01")
    assert store.initiative("haps").overdue == 1 and store.late_by_objective()["all"] == 1
    store.edit_action(action, "anna", "cli", remove=True)
    assert store.initiative("haps").overdue == 0 and store.late_by_objective()["all"] == 0
    text = plan_file.read_text(encoding="utf-8")
    write(plan_file, text.replace("        short: KontaktLæge\n", "        short: HAPS\n"))
    sync_file(store, plan_file, "x")
    with pytest.raises(TrackerError, match="more than one initiative is called 'HAPS'; "
                                           "give its id: haps, kontaktlaege"):
        store.initiative_named("HAPS ")
    assert store.initiative_named("haps") == "haps"  # an id is never ambiguous
    assert store.initiative_named("kontaktlaege") == "kontaktlaege"
    write(plan_file, text + "meetings:\n  - {date: 2024-06-18, body: ppu}\n")
    sync_file(store, plan_file, "x")
    store.add_agenda_item("2024-06-18", "haps", "Evaluering", "drøftelse", "anna", "cli")
    write(plan_file, text)  # the file takes the meeting off; its item was people's
    assert sync_file(store, plan_file, "x").backup is not None
