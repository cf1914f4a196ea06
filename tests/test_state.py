"""Tracking state as YAML for git: export, import with the sync's rules, round trip."""

import pytest
from click.testing import CliRunner

from tracker.cli import main
from tracker.state import export_state, import_state
from tracker import present
from tracker.store import Change, TrackerError, open_store
from tracker.sync import sync_file


def fill(store):
    store.edit("haps", Change(status="igangsat", owners=["region", "plo"],
                              priorities={2024: "high"}, note="Kick-off: 'held'"), "anna", "cli")
    store.edit("haps", Change(note="line one\nline two | <b>"), "bo", "tui")
    store.edit("kontaktlaege", Change(status="afsluttet", priorities={2023: "low"}), "bo", "cli")
    store.edit("haps", Change(lead="plo", deliverables={2025: "Evaluering forelagt PPU"}),
               "anna", "cli")


@pytest.fixture
def empty_store(tmp_path, plan_file, clock):
    other = open_store(tmp_path / "other.db")
    sync_file(other, plan_file, "x")
    yield other
    other.close()


def test_round_trip_is_byte_identical(store, empty_store):
    fill(store)
    first = export_state(store)
    result = import_state(empty_store, first, "importer")
    assert result.changed == 2 and result.conflicts == 0
    assert same_but_database(export_state(empty_store), first)


def same_but_database(one: str, other: str) -> bool:
    """Two state files alike but for the line naming the database that wrote each."""
    lines = [[line for line in text.splitlines() if not line.startswith("database: ")]
             for text in (one, other)]
    return lines[0] == lines[1] and one != other


def test_export_is_sorted_and_diff_friendly(store):
    fill(store)
    text = export_state(store)
    assert text.index("  72-timers-behandlingsansvar:") < text.index("  haps:")
    assert "      text: |-\n        line one\n        line two | <b>\n" in text
    assert "history" not in text
    assert "    lead: plo\n" in text and "      '2025': Evaluering forelagt PPU\n" in text
    assert "      field: status" in export_state(store, history=True)


def test_import_keeps_edits_and_reports_conflicts(store, empty_store):
    fill(store)
    empty_store.edit("haps", Change(status="forsinket"), "carla", "cli")
    result = import_state(empty_store, export_state(store), "importer")
    assert empty_store.initiative("haps").status == "delayed"  # carla's edit is kept
    assert empty_store.initiative("haps").owners == ("region", "plo")  # untouched: taken
    assert result.conflicts == 1
    assert any(line.startswith("! haps  status: file says in progress, tracker has delayed")
               for line in words(empty_store, result))


def test_import_twice_adds_nothing(store, empty_store):
    fill(store)
    text = export_state(store)
    import_state(empty_store, text, "importer")
    again = import_state(empty_store, text, "importer")
    assert again.changed == 0 and again.lines == []
    assert len(empty_store.notes("haps")) == 2


def test_import_dry_run_writes_nothing(store, empty_store):
    fill(store)
    result = import_state(empty_store, export_state(store), "importer", dry_run=True)
    assert result.changed == 2
    assert empty_store.initiative("haps").status == "not_started"


@pytest.mark.parametrize("text, message", [
    ("format: other\n", "not a tracker state file"),
    ("format: tracker-state/1\ninitiatives:\n  nope: {status: done}\n", "unknown initiative 'nope'"),
    ("format: tracker-state/1\ninitiatives:\n  haps: {status: weird}\n", "unknown status 'weird'"),
    ("format: tracker-state/1\ninitiatives:\n  haps: {priorities: {'²': high}}\n",
     "'²' is not a year"),
    ("format: tracker-state/1\ninitiatives:\n  haps: {notes: [{text: {a: b}, at: "
     "'2024-01-01T00:00:00Z', author: x}]}\n", "a note needs 'text'"),
    ("format: tracker-state/1\ninitiatives:\n  haps: {notes: [{text: hi, at: "
     "'2024-13-45T00:00:00Z', author: x}]}\n", "'at' must be a time"),
    ("format: tracker-state/1\ninitiatives:\n  haps: {notes: [{text: hi, at: "
     "'2024-01-01T00:00:00Z'}]}\n", "'author' must be a name"),
    ("format: tracker-state/1\ninitiatives:\n  haps: {notes: [{text: " + "x" * 1_000_000
     + ", at: '2024-01-01T00:00:00Z', author: x}]}\n", "the note is 1000000 characters"),
    ("format: tracker-state/1\ninitiatives:\n  haps: {owners: plo}\n", "'owners' must be a list"),
    ("format: [\n", "cannot be read: line"),
])
def test_bad_state_files_change_nothing(empty_store, text, message):
    before = empty_store.db.execute("SELECT count(*) FROM audit").fetchone()[0]
    with pytest.raises(TrackerError, match=message):
        import_state(empty_store, text, "importer")
    assert empty_store.db.execute("SELECT count(*) FROM audit").fetchone()[0] == before


def test_cli_export_yaml_and_import(plan_file, tmp_path, clock):
    runner = CliRunner()
    base = ["--plan", str(plan_file)]
    runner.invoke(main, base + ["set", "haps", "--status", "igangsat"])
    state = tmp_path / "state.yaml"
    assert runner.invoke(main, base + ["export", "--format", "yaml", "-o", str(state)]).exit_code == 0
    result = runner.invoke(main, base + ["--db", str(tmp_path / "new.db"), "import", str(state)])
    assert result.exit_code == 0 and "Changed 1 initiative." in result.output
    missing = runner.invoke(main, base + ["import", str(tmp_path / "none.yaml")])
    assert missing.exit_code == 1 and "no such file" in missing.output


def test_an_unexpected_error_is_one_plain_message(plan_file, monkeypatch):
    import tracker.report

    def broken(*args, **kwargs):
        raise KeyError("boom")

    monkeypatch.setattr(tracker.report, "build", broken)
    result = CliRunner().invoke(main, ["--plan", str(plan_file), "export"])
    assert result.exit_code == 2
    assert "unexpected error (KeyError" in result.output and "Traceback" not in result.output


def words(store, result):
    return [present.sync_line(store.info, line) for line in result.lines]


def test_a_state_file_written_to_stdout_keeps_a_note_as_it_was(plan_file, store):
    """Isolates pasted from a chat app (U+2068/9) came out as � on stdout, and the file
    imported back added a second, changed note."""
    from click.testing import CliRunner

    from tracker.cli import main

    store.edit("haps", Change(note="Møde med \u2068Anne Larsen\u2069"), "anna", "cli")
    result = CliRunner().invoke(main, ["--plan", str(plan_file), "export", "--format", "yaml"])
    assert "\u2068Anne Larsen\u2069" in result.stdout and "\ufffd" not in result.stdout
    state = plan_file.parent / "state.yaml"
    state.write_text(result.stdout, encoding="utf-8")
    again = CliRunner().invoke(main, ["--plan", str(plan_file), "import", str(state)])
    assert again.exit_code == 0, again.output
    assert [n.text for n in store.notes("haps")] == ["Møde med \u2068Anne Larsen\u2069"]
