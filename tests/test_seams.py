"""The README's data-safety promises at every seam: a period that grows, a
renamed or re-used id, escape codes in names, changed status words, a killed
backup, another program's database, and the small traps found by trying.

Each test went red on the code before "one writer, one merge"."""

import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
import unicodedata

import pytest
from click.testing import CliRunner

from tracker.cli import main
from tracker.store import open_store

from .conftest import ROOT, write

HAPS = "        short: HAPS\n"


def run(plan_file, *args, user="anna"):
    result = CliRunner().invoke(main, ["--plan", str(plan_file), "--user", user, *args])
    assert "Traceback" not in result.output and "unexpected error" not in result.output, \
        result.output
    return result


def add_top(plan_file, text):
    """Add a top-level section (statuses:, levels:) to the plan."""
    write(plan_file, plan_file.read_text(encoding="utf-8") + "\n" + text)


def edit_plan(plan_file, old, new):
    text = plan_file.read_text(encoding="utf-8")
    assert old in text, old
    write(plan_file, text.replace(old, new, 1))


# -- 1. a year new to the period has no plan value as its base ------------------------


def test_a_year_added_to_the_period_never_overwrites_an_edit(plan_file, clock):
    run(plan_file, "sync")
    edit_plan(plan_file, "period: 2022-2025", "period: 2022-2026")
    run(plan_file, "sync")
    assert run(plan_file, "set", "haps", "--priority", "2026=high").exit_code == 0
    edit_plan(plan_file, HAPS, HAPS + "        priorities: {2026: medium}\n")
    synced = run(plan_file, "sync")
    assert "! haps  priority 2026" in synced.output, synced.output
    shown = run(plan_file, "show", "haps").output
    assert "Priority 2026:" in shown and "high" in shown.split("Priority 2026:")[1].split("\n")[0]


def test_importing_a_file_never_overwrites_an_edit_of_a_new_year(plan_file, tmp_path, clock):
    run(plan_file, "sync")
    edit_plan(plan_file, "period: 2022-2025", "period: 2022-2026")
    run(plan_file, "set", "haps", "--priority", "2026=high")
    other = write(tmp_path / "other.yaml", "format: tracker-state/1\ninitiatives:\n"
                  "  haps: {priorities: {'2026': medium}}\n")
    imported = run(plan_file, "import", str(other))
    assert imported.exit_code == 0 and "! haps  priority 2026" in imported.output
    assert "high" in run(plan_file, "show", "haps").output.split("Priority 2026:")[1][:30]


# -- 2. history and undo follow the initiative, not its id ----------------------------


def test_undo_after_a_rename_and_a_reused_id(plan_file, clock):
    run(plan_file, "set", "haps", "--status", "igangsat", "--note", "Kick-off")
    edit_plan(plan_file, "      - id: haps\n", "      - id: haps2\n        previous_ids: [haps]\n")
    run(plan_file, "sync")
    undone = run(plan_file, "undo")
    assert undone.exit_code == 0 and "Undone: HAPS —" in undone.output, undone.output
    assert "not started" in run(plan_file, "show", "haps2").output
    run(plan_file, "redo")
    # A later plan gives the old id to a new initiative.
    edit_plan(plan_file, "        previous_ids: [haps]\n", "")
    edit_plan(plan_file, "      - id: haps2\n",
              "      - id: haps\n        kind: projekt\n        title: Ny HAPS\n"
              "      - id: haps2\n")
    run(plan_file, "sync")
    history_new = run(plan_file, "history", "haps").output
    assert "Kick-off" not in history_new and "in progress" not in history_new
    assert "Kick-off" in run(plan_file, "history", "haps2").output
    undone = run(plan_file, "undo")
    assert "Undone: HAPS —" in undone.output, undone.output
    assert "not started" in run(plan_file, "show", "haps").output  # the new one untouched
    assert "not started" in run(plan_file, "show", "haps2").output


# -- 3. escape codes never reach a terminal -------------------------------------------

ESC_USER = "x\x1b]0;T\x07\x1b[2J"


def no_control(text: str) -> bool:
    return not any(c in text for c in "\x1b\x07\x9b")


def test_an_escape_in_a_user_name_plan_word_or_note_is_shown_as_text(plan_file, tmp_path,
                                                                     clock):
    add_top(plan_file, 'statuses:\n  - {key: red, da: "r\\eød\\a", en: red}\n'
                       '  - {key: green, da: grøn, en: green, done: yes}\n')
    edit_plan(plan_file, "short: HAPS", 'short: "HA\\e[2JPS"')
    # A plan word with control characters is refused where it stands, said as text.
    invalid = run(plan_file, "validate")
    assert invalid.exit_code == 1 and invalid.output.count("U+001B") == 2  # short, da
    edit_plan(plan_file, 'da: "r\\eød\\a"', "da: rød")
    edit_plan(plan_file, 'short: "HA\\e[2JPS"', "short: HAPS")
    # A name with control characters is refused at the door, said as text.
    refused = run(plan_file, "set", "haps", "--note", "hej", user=ESC_USER)
    assert refused.exit_code == 1 and "x\\x1b]0;T\\x07" in refused.output
    outputs = [invalid, refused,
               run(plan_file, "set", "haps", "--note", "HA\x1b[2JPS", "--status", "green")]
    assert outputs[2].exit_code == 0, outputs[2].output
    outputs.append(run(plan_file, "set", "haps", "--status", "red", "--expect-version", "1"))
    for args in (["list"], ["show", "haps"], ["history"], ["history", "haps"],
                 ["export"], ["export", "--format", "json"], ["sync"], ["undo"]):
        outputs.append(run(plan_file, *args))
    state_file = tmp_path / "s.yaml"
    run(plan_file, "export", "--format", "yaml", "-o", str(state_file))
    outputs.append(run(plan_file, "import", str(state_file)))
    for result in outputs:
        assert no_control(result.output), repr(result.output)
    assert "HA␛[2JPS" in outputs[5].output  # show: the note, as text


# -- 4. words the plan no longer has are reported and shown, never counted away ------


RED_GREEN = ("statuses:\n  - {key: red, da: rød, en: red}\n"
             "  - {key: green, da: grøn, en: green, done: yes}\n")


def test_changed_status_words_are_reported_and_shown(plan_file, clock):
    run(plan_file, "set", "haps", "--status", "igangsat", "--priority", "2024=high")
    add_top(plan_file, RED_GREEN)
    synced = run(plan_file, "sync")
    assert "No changes" not in synced.output
    assert "? haps  status 'in_progress' is not one of the plan's statuses" in synced.output
    assert "tracker set haps --status" in synced.output
    report = run(plan_file, "export").output
    assert "| in\\_progress (not in the plan's words) | 1 |" in report
    assert "| HAPS | – | in\\_progress (not in the plan's words) |" in report
    listed = run(plan_file, "list", "--status", "in_progress")
    assert listed.exit_code == 0 and "haps" in listed.output
    again = run(plan_file, "sync")  # still reported while it lasts
    assert "? haps  status 'in_progress'" in again.output
    run(plan_file, "set", "haps", "--status", "grøn")
    assert "? haps" not in run(plan_file, "sync").output


def test_an_action_status_the_plan_no_longer_has_is_reported_until_set(plan_file, clock):
    for text in ("Agree data flow", "Old step"):
        assert run(plan_file, "action", "add", "haps", text, "--year", "2024",
                   "--status", "igangsat").exit_code == 0
    add_top(plan_file, RED_GREEN)
    synced = run(plan_file, "sync")
    assert ("? haps  action #1: status 'in_progress' is not one of the plan's statuses any "
            "more; choose one with `tracker action set 1 --status …` (red, green)"
            ) in synced.output
    assert "? haps  action #2" in synced.output
    assert "? haps  action #1" in run(plan_file, "sync").output  # while it lasts
    assert run(plan_file, "action", "set", "1", "--status", "green").exit_code == 0
    assert run(plan_file, "action", "remove", "2").exit_code == 0  # gone: not asked about
    assert "action #" not in run(plan_file, "sync").output


# -- 5. values outside the period round-trip ------------------------------------------


def test_state_round_trip_after_the_period_shrinks(plan_file, tmp_path, clock):
    run(plan_file, "set", "haps", "--priority", "2025=high")
    edit_plan(plan_file, "period: 2022-2025", "period: 2022-2024")
    state_file = tmp_path / "state.yaml"
    assert run(plan_file, "export", "--format", "yaml", "-o", str(state_file)).exit_code == 0
    assert "'2025': high" in state_file.read_text(encoding="utf-8")
    imported = run(plan_file, "import", str(state_file))
    assert imported.exit_code == 0, imported.output
    assert "priority 2025" in imported.output and "outside the plan's period" in imported.output
    again = tmp_path / "again.yaml"
    run(plan_file, "export", "--format", "yaml", "-o", str(again))
    assert again.read_bytes() == state_file.read_bytes()


# -- 6. a killed backup never looks like a good one -----------------------------------

BACKUP_LOOP = textwrap.dedent("""
    import sys
    from tracker.store import open_store
    store = open_store(sys.argv[1])
    print("ready", flush=True)
    while True:
        store.backup()
""")


@pytest.mark.processes
def test_a_backup_killed_half_way_never_looks_like_a_good_one(tmp_path, clock):
    from bench.synthetic import plan_text

    plan = write(tmp_path / "big.yaml", plan_text(3000, seed=5))
    assert run(plan, "sync").exit_code == 0
    db = plan.with_suffix(".db")
    rng = random.Random(11)
    for _ in range(10):
        proc = subprocess.Popen([sys.executable, "-c", BACKUP_LOOP, str(db)], cwd=ROOT,
                                stdout=subprocess.PIPE)
        assert proc.stdout.readline().strip() == b"ready"
        time.sleep(rng.uniform(0.05, 0.4))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        proc.stdout.close()
        for backup in sorted((tmp_path / "big-backups").glob("big-*.db")):
            conn = sqlite3.connect(backup)
            try:
                assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
                count = conn.execute("SELECT count(*) FROM initiatives").fetchone()[0]
            except sqlite3.DatabaseError as exc:
                pytest.fail(f"{backup.name} is broken: {exc}")
            finally:
                conn.close()
            assert count == 3000, backup.name


# -- 7. another program's database is never touched -----------------------------------


def test_another_sqlite_utils_database_is_refused_byte_identical(tmp_path):
    import sqlite_utils
    from sqlite_utils import Migrations

    path = tmp_path / "other.db"
    theirs = Migrations("their-app")

    @theirs()
    def m001(db):
        db["things"].insert({"id": 1, "name": "x"}, pk="id")

    db = sqlite_utils.Database(path)
    theirs.apply(db)
    db.close()
    before = path.read_bytes()
    result = CliRunner().invoke(main, ["--plan", str(ROOT / "plans" / "2022-2025.yaml"),
                                       "--db", str(path), "list"])
    assert result.exit_code == 1 and "not a tracker database" in result.output
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.db"]


# -- 8. the small ones ----------------------------------------------------------------


def test_a_read_only_database_file_is_refused_clearly_leaving_nothing(plan_file, clock):
    run(plan_file, "sync")
    db = plan_file.with_suffix(".db")
    for extra in db.parent.glob("*.db-*"):
        extra.unlink()
    os.chmod(db, 0o444)
    try:
        result = run(plan_file, "list")
        assert result.exit_code == 1 and "read-only" in result.output
        assert not list(db.parent.glob("*.db-*")), "left -wal/-shm files behind"
    finally:
        os.chmod(db, 0o644)


def test_a_write_error_inside_a_transaction_is_one_clear_message(store):
    from tracker.errors import TrackerError
    from tracker.model import Change

    store.db.execute("CREATE TRIGGER refuse BEFORE UPDATE ON tracking "
                     "BEGIN SELECT RAISE(ABORT, 'attempt to write a readonly database'); END")
    with pytest.raises(TrackerError, match="read-only"):
        store.edit("haps", Change(status="done"), "anna", "cli")
    assert store.initiative("haps").status == "not_started"


def test_list_into_a_closed_pipe_is_quiet(plan_file, clock):
    run(plan_file, "sync")
    done = subprocess.run(f"{sys.executable} -m tracker --plan {plan_file} list | head -1",
                          shell=True, cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() and done.stderr == "", done.stderr


def test_a_status_typed_decomposed_is_recognised(plan_file, clock):
    decomposed = unicodedata.normalize("NFD", "udgået")
    assert decomposed != "udgået"
    assert run(plan_file, "set", "haps", "--status", decomposed).exit_code == 0
    assert "dropped" in run(plan_file, "show", "haps").output


def test_a_superscript_year_is_a_clear_message(plan_file, clock):
    result = run(plan_file, "set", "haps", "--priority", "²=high")
    assert result.exit_code == 1 and "2024=high" in result.output


def test_an_invalid_plan_never_creates_a_database(tmp_path):
    bad = write(tmp_path / "bad.yaml", "plan: [\n")
    db = tmp_path / "new.db"
    result = CliRunner().invoke(main, ["--plan", str(bad), "--db", str(db), "list"])
    assert result.exit_code == 1 and "not valid YAML" in result.output
    assert not db.exists() and not list(tmp_path.glob("new.db*"))
    missing = CliRunner().invoke(main, ["--plan", str(tmp_path / "typo.yaml"), "--db", str(db),
                                        "list"])
    assert missing.exit_code == 1 and not db.exists()


def test_a_missing_plan_file_is_said_while_the_database_is_shown(plan_file, tmp_path, clock):
    run(plan_file, "sync")
    result = CliRunner().invoke(main, ["--plan", str(tmp_path / "typo.yaml"), "--db",
                                       str(plan_file.with_suffix(".db")), "list"])
    assert result.exit_code == 0 and "haps" in result.output
    assert "typo.yaml: no such plan file" in result.output


# -- the upgrade: old databases get their history sorted by initiative ---------------


def test_an_old_database_with_a_rename_and_a_reused_id_upgrades_by_initiative(tmp_path):
    """v2-renamed.db was made by the version before stable keys: haps renamed to
    haps2 (anna, bo edited it before; anna after), then a new haps (carla)."""
    import shutil

    from tracker import present

    path = tmp_path / "old.db"
    shutil.copy(ROOT / "tests" / "data" / "schema" / "v2-renamed.db", path)
    store = open_store(path)
    old = [(e.who, e.field) for e in store.history("haps2")]
    assert old == [("anna", "added"), ("anna", "status"), ("anna", "note"), ("bo", "owners"),
                   ("root", "id"), ("anna", "priority:2024")]
    new = [(e.who, e.field) for e in store.history("haps")]
    assert new == [("root", "added"), ("carla", "status"), ("carla", "note")]
    assert {e.initiative_id for e in store.history("haps2")} == {"haps2"}
    assert [e.recorded_id for e in store.history("haps2")][:2] == ["haps", "haps"]
    # bo's last edit was on the initiative now called haps2: undo finds it there.
    done = store.undo("bo", "cli")
    assert done.initiative_id == "haps2" and store.initiative("haps2").owners == ()
    assert present.reverted(store.info, done) == "Undone: haps2 — owners –"
    assert store.initiative("haps").status == "planned"
