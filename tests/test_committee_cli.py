"""The committee's year from the command line, against a real database, in both
languages: meetings and agendas, a decision at a meeting, the lead and a
deliverable, milestones, the timeline, changes since the last meeting, and the
end of the plan period."""

import datetime as dt

import pytest

from tracker.cli import shell


@pytest.fixture
def run(plan_file, clock, monkeypatch):
    from click.testing import CliRunner

    from tracker.cli import main

    import importlib

    # Each command module binds `today` when first imported: import them first,
    # so what is put back afterwards is the real one.
    for module in ("committee_commands", "edit_commands", "read_commands"):
        importlib.import_module(f"tracker.cli.{module}")
        monkeypatch.setattr(f"tracker.cli.{module}.today", lambda: "2025-03-01")
    monkeypatch.setattr(shell, "today", lambda: "2025-03-01")

    def invoke(*args, user="anna", lang="en"):
        return CliRunner().invoke(
            main, ["--plan", str(plan_file), "--user", user, "--lang", lang, *args],
            catch_exceptions=False)

    return invoke


def ok(result) -> str:
    assert result.exit_code == 0, result.output + result.stderr
    return result.stdout


def test_a_secretariat_prepares_a_meeting_in_danish(run):
    assert ok(run("meeting", "add", "18.3.2025", "--title", "Forårsmøde", lang="da")) == \
        "Møde #1 tilføjet: Praksisplanudvalget 18.03.2025 · Forårsmøde\n"
    ok(run("meeting", "add", "2025-06-18", "--body", "Praksisplanudvalget"))
    assert "Praksisplanudvalgets møde 18.03.2025: 1. til beslutning · HAPS: Evaluering [#1]" \
        in ok(run(
        "meeting", "item", "add", "18.3.2025", "haps", "Evaluering", "--kind", "beslutning",
        lang="da"))
    ok(run("meeting", "item", "add", "1", "kontaktlaege", "Udrulning", "--kind", "drøftelse"))
    ok(run("meeting", "item", "add", "1", "", "Planen som helhed"))
    ok(run("set", "haps", "--lead", "plo", "--deliverable",
           "2025=Evaluering af pilotprojektet forelagt PPU"))
    assert "18.03.2025 Praksisplanudvalget: Godkendt" in ok(run(
        "decision", "add", "haps", "Godkendt", "--meeting", "18.3.2025", lang="da"))
    listed = ok(run("meeting", "list", lang="da"))
    assert listed.splitlines() == [
        "▶ #1  Praksisplanudvalget 18.03.2025 · Forårsmøde  (3 dagsordenspunkter)",
        "  #2  Praksisplanudvalget 18.06.2025"]
    shown = ok(run("meeting", "show", "18.03.2025", lang="da"))
    assert shown.splitlines() == [
        "#1  Praksisplanudvalget 18.03.2025 · Forårsmøde",
        "  1. til beslutning · HAPS: Evaluering  [#1]",
        "  2. til drøftelse · KontaktLæge: Udrulning  [#2]",
        "  3. til orientering · planen som helhed: Planen som helhed  [#3]",
        "Beslutninger på mødet:",
        "  #1 HAPS: Godkendt"]
    detail = ok(run("show", "haps", lang="da"))
    assert "Opgavefordeling:" in detail and "Tovholder: PLO-Hovedstaden" in detail
    assert any(line.startswith("Leverance 2025:") and line.endswith(
        " Evaluering af pilotprojektet forelagt PPU") for line in detail.splitlines())
    assert "Praksisplanudvalget 18.03.2025 · Forårsmøde: #1 til beslutning" in detail


def test_the_timeline_marks_today_and_names_the_next_meeting(run):
    ok(run("meeting", "add", "2025-03-18"))
    ok(run("milestone", "add", "haps", "30.6.2025", "Evaluering klar"))
    ok(run("milestone", "add", "2025-01-31", "Høring slut"))
    ok(run("action", "add", "haps", "Skriv udkast", "--due", "2025-02-01"))
    lines = ok(run("timeline", lang="da")).splitlines()
    assert lines == [
        "Næste møde: Praksisplanudvalget 18.03.2025",
        "31.01.2025  Milepæl: Høring slut",
        "01.02.2025  Frist: handling #1 Skriv udkast (HAPS) — 28 dage over fristen",
        "── i dag, 01.03.2025 ──",
        "18.03.2025  Møde: Praksisplanudvalget",
        "30.06.2025  Milepæl: Evaluering klar (HAPS)"]
    assert ok(run("timeline", "--year", "2024")).splitlines()[-1].startswith("Nothing dated")


def test_records_are_undone_and_their_history_is_words(run):
    ok(run("meeting", "add", "2025-03-18"))
    ok(run("milestone", "add", "2025-06-30", "Evaluering"))
    assert ok(run("undo")) == "Undone: milestone #1 taken off: Evaluering\n"
    assert ok(run("milestone", "list")) == "No milestones yet.\n"
    history = ok(run("history"))
    assert "–  meeting #1 added: 2025-03-18 (Praksisplanudvalget)" in history
    ok(run("meeting", "remove", "2025-03-18"))
    assert ok(run("meeting", "list")).startswith("No meetings yet")


@pytest.mark.parametrize("args, message", [
    (("meeting", "add", "2025-02-30"), "2025-02-30"),
    (("meeting", "add", "2025-03-18", "--body", "byrådet"), "no body 'byrådet'"),
    (("meeting", "item", "add", "2025-04-01", "haps", "x"), "no meeting '2025-04-01'"),
    (("meeting", "item", "add", "1", "haps", "x", "--kind", "vote"), "'vote' is not a kind"),
    (("meeting", "item", "add", "1", "hpas", "x"), "unknown initiative 'hpas'"),
    (("decision", "add", "haps", "x", "--meeting", "9"), "no meeting '9'"),
    (("set", "haps", "--deliverable", "2025"), "--deliverable is written YEAR=TEXT"),
    (("set", "haps", "--lead", "nobody"), "unknown owner 'nobody'"),
    (("export", "--since-last-meeting", "--date", "2025-01-01"), "no meeting before"),
])
def test_a_wrong_command_is_one_line_and_writes_nothing(run, args, message):
    ok(run("meeting", "add", "2025-03-18"))
    before = ok(run("history"))
    result = run(*args)
    assert result.exit_code != 0
    assert message in result.stderr + result.output and "Traceback" not in result.stderr
    assert ok(run("history")) == before


def test_changes_since_the_last_meeting(run):
    ok(run("meeting", "add", "2024-11-20"))
    ok(run("meeting", "add", "2025-02-10"))
    result = run("export", "--since-last-meeting")
    assert "## What is different since 2025-02-10" in ok(result)
    assert "Changes since the meeting of Praksisplanudvalget on 2025-02-10." in result.stderr
    earlier = run("export", "--since-last-meeting", "--date", "2025-02-10")
    assert "## What is different since 2024-11-20" in ok(earlier)


def test_after_the_period_it_is_said_once_and_no_year_is_assumed(plan_file, clock):
    from click.testing import CliRunner

    from tracker.cli import main

    def run(*args):
        return CliRunner().invoke(main, ["--plan", str(plan_file), "--lang",
                                                         "da", *args])

    assert dt.date.today().year > 2025  # today is after the bundled plan's period
    listed = run("list")
    assert listed.stdout.splitlines()[1] == "Planperioden 2022-2025 sluttede 31.12.2025."
    assert "**Planperioden 2022-2025 sluttede 31.12.2025.**" in run("export").stdout
    refused = run("action", "add", "haps", "Noget")
    assert refused.exit_code == 1 and "planperioden 2022-2025 sluttede 31.12.2025" in \
        refused.stderr and "--year" in refused.stderr
    assert run("action", "add", "haps", "Noget", "--year", "2025").exit_code == 0


def test_an_actions_lead_from_the_command_line(run):
    added = ok(run("action", "add", "haps", "Evaluering", "--year", "2025", "--lead", "plo",
                   lang="da"))
    assert "Evaluering · PLO-Hovedstaden (tovholder) ·" in added
    changed = ok(run("action", "set", "1", "--lead", "region", lang="da"))
    assert "Region Hovedstaden (tovholder), PLO-Hovedstaden" in changed
    assert ok(run("action", "set", "1", "--lead", "", lang="da")).count("tovholder") == 0


def test_a_status_note_for_the_next_meeting(run, clock):
    ok(run("meeting", "add", "2025-01-20"))
    ok(run("meeting", "add", "2025-03-18"))
    ok(run("meeting", "item", "add", "2025-03-18", "haps", "Evaluering", "--kind", "beslutning"))
    ok(run("meeting", "item", "add", "2025-03-18", "", "Planen som helhed"))
    clock.set("2025-02-01T10:00:00Z")  # after the last meeting
    ok(run("set", "haps", "--status", "igangsat"))
    note = ok(run("export", "--for-meeting", "18.3.2025", "--since-last-meeting", lang="da"))
    assert note.startswith("# Statusnotat til Praksisplanudvalgets møde 18.03.2025\n")
    agenda = note.split("## På dagsordenen")[1].split("\n## ")[0]
    assert agenda.strip().splitlines() == [  # numbered as `meeting show` numbers them
        "1. **HAPS** (til beslutning): Evaluering", "2. Planen som helhed (til orientering)"]
    assert "## Ændringer siden 20.01.2025" in note
    assert "- **HAPS**: status ikke påbegyndt → igangsat" in note


def test_replacing_the_owners_says_who_is_no_longer_one(run):
    ok(run("set", "haps", "--owner", "region", "--owner", "plo"))
    said = ok(run("set", "haps", "--owner", "kommunerne", lang="da"))
    assert said.splitlines()[-1] == (
        "Ikke længere ansvarlige: Region Hovedstaden, PLO-Hovedstaden. Ansvarlige nu: De 29 "
        "kommuner i Region Hovedstaden (--add-owner tilføjer én uden at erstatte de andre).")
    assert "Ikke længere" not in ok(run("set", "haps", "--add-owner", "plo", lang="da"))


def test_the_status_note_numbers_the_agenda_as_meeting_show_does(run, clock):
    """Grouped by kind, the note made 'punkt 2' another item than `meeting show` and
    `meeting item decide 2` meant."""
    ok(run("meeting", "add", "2025-03-18"))
    ok(run("meeting", "item", "add", "2025-03-18", "haps", "Evaluering", "--kind", "beslutning"))
    ok(run("meeting", "item", "add", "2025-03-18", "kontaktlaege", "Udrulning", "--kind",
           "drøftelse"))
    ok(run("meeting", "item", "add", "2025-03-18", "", "Implementeringsplan 2025", "--kind",
           "beslutning"))
    note = ok(run("export", "--for-meeting", "18.3.2025", lang="da"))
    agenda = note.split("## På dagsordenen")[1].split("\n## ")[0].strip().splitlines()
    assert agenda == ["1. **HAPS** (til beslutning): Evaluering",
                      "2. **KontaktLæge** (til drøftelse): Udrulning",
                      "3. Implementeringsplan 2025 (til beslutning)"]
    shown = ok(run("meeting", "show", "18.3.2025", lang="da"))
    assert shown.index("Evaluering") < shown.index("Udrulning") < shown.index("Implementeringsplan")


def test_a_decision_taken_before_the_last_meeting_says_when(run, clock):
    """Recorded after the last meeting but taken in 2024, it read as decided since."""
    ok(run("meeting", "add", "2025-01-20"))
    clock.set("2025-02-01T10:00:00Z")
    ok(run("decision", "add", "haps", "Piloten udvides", "--date", "19.5.2024"))
    ok(run("decision", "add", "haps", "Piloten forlænges", "--date", "1.2.2025"))
    note = ok(run("export", "--since-last-meeting", lang="da"))
    line = next(line for line in note.splitlines() if line.startswith("- **HAPS**"))
    assert "besluttet 19.05.2024 (registreret siden): Piloten udvides" in line
    assert "besluttet: Piloten forlænges" in line


def test_what_a_meeting_decided_waits_until_it_is_held(run, monkeypatch):
    """Recorded for next week's meeting, the implementation plan said 'Godkendt af
    Praksisplanudvalget' on a date still to come."""
    from tracker.initiative_list import InitiativeList

    monkeypatch.setattr(InitiativeList, "day", lambda self: "2025-03-01")
    ok(run("meeting", "add", "2025-03-18"))
    ok(run("meeting", "item", "add", "2025-03-18", "", "Implementeringsplan 2025", "--kind",
           "beslutning"))
    early = run("meeting", "item", "decide", "1", "Godkendt", lang="da")
    assert early.exit_code == 1
    assert "mødet 18.03.2025 er ikke holdt endnu" in early.output
    monkeypatch.setattr(InitiativeList, "day", lambda self: "2025-03-18")  # on the day
    ok(run("meeting", "item", "decide", "1", "Godkendt", lang="da"))
