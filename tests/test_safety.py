"""Nothing lost: concurrency, crashes, busy databases, backups, schema upgrades."""

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from bench.synthetic import plan_text
from tracker.cli import main
from tracker.store import Change, TrackerError, open_store
from tracker.sync import sync_file
from tracker.tui.app import TrackerApp

from .conftest import ROOT, write

FIXTURES = Path(__file__).parent / "data" / "schema"


def integrity(path) -> str:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


def replayed_state(store):
    """Tracking values rebuilt from the audit log alone."""
    state = {}
    for (initiative, field, new) in store.db.execute(
            "SELECT initiative_id, field, new FROM audit WHERE field IN ('status', 'owners') "
            "OR field LIKE 'priority:%' ORDER BY id"):
        state[(initiative, field)] = new or ""
    return state


def actual_state(store, keys):
    return {key: store.tracked_value(*key) for key in keys}


async def test_four_processes_and_a_running_app_lose_no_edit(store, plan_file):
    db = str(store.path)
    procs = [subprocess.Popen([sys.executable, "-m", "tests.helpers.edit_worker", str(plan_file),
                               db, f"user{n}", "200"], cwd=ROOT, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for n in range(4)]
    app = TrackerApp(store, plan_file, "appuser", poll_seconds=0.05)
    app_notes = 0
    async with app.run_test(size=(120, 40)) as pilot:
        while any(p.poll() is None for p in procs):
            view = app.main.current()
            app.main.editing.save(view, Change(note=f"from the app {app_notes}"))
            app_notes += 1
            await pilot.pause(0.05)
        await app.workers.wait_for_complete()  # the app's saves run in workers
    outputs = [p.communicate(timeout=120) for p in procs]
    for proc, (out, err) in zip(procs, outputs):
        assert proc.returncode == 0, err
        assert "exit" not in out and "locked" not in out + err and "Traceback" not in err
        assert out.count("saved") == 200
    notes = store.db.execute("SELECT count(*) FROM notes WHERE withdrawn = 0").fetchone()[0]
    assert notes == 4 * 200 + app_notes
    note_rows = store.db.execute("SELECT count(*) FROM audit WHERE field = 'note'").fetchone()[0]
    assert note_rows == notes
    replay = replayed_state(store)
    assert replay == actual_state(store, replay.keys())
    for initiative_id in ("haps", "kontaktlaege"):
        edits = store.db.execute("SELECT count(DISTINCT edit_id) FROM audit WHERE "
                                 "initiative_id = ? AND source != 'sync'",
                                 [initiative_id]).fetchone()[0]
        assert store.initiative(initiative_id).version == 1 + edits


def test_a_busy_database_times_out_with_a_clear_message_and_writes_nothing(store):
    blocker = sqlite3.connect(store.path)
    blocker.execute("BEGIN IMMEDIATE")
    impatient = open_store(store.path, busy_timeout_ms=200)
    before = impatient.db.execute("SELECT count(*) FROM audit").fetchone()[0]
    with pytest.raises(TrackerError, match="the database is busy .*nothing was changed"):
        impatient.edit("haps", Change(status="done"), "anna", "cli")
    blocker.rollback()
    blocker.close()
    assert impatient.db.execute("SELECT count(*) FROM audit").fetchone()[0] == before
    assert impatient.initiative("haps").status == "not_started"


@pytest.fixture
def big_plan(tmp_path):
    return write(tmp_path / "big.yaml", plan_text(3000, seed=7))


def test_sigkill_during_sync_leaves_before_or_after(big_plan, tmp_path):
    db = tmp_path / "big.db"
    started = time.monotonic()
    subprocess.run([sys.executable, "-m", "tracker", "--plan", str(big_plan), "--db",
                    str(tmp_path / "timing.db"), "sync"], cwd=ROOT, check=True,
                   capture_output=True)
    full = time.monotonic() - started
    finished = sqlite3.connect(tmp_path / "timing.db")  # what a whole sync leaves
    after = finished.execute("SELECT count(*) FROM audit").fetchone()[0]
    finished.close()
    rng = random.Random(3)
    outcomes = set()
    for attempt in range(6):
        proc = subprocess.Popen([sys.executable, "-m", "tracker", "--plan", str(big_plan),
                                 "--db", str(db), "sync"], cwd=ROOT,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.5, 1.1) * full)  # mostly mid-sync
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert integrity(db) == "ok"
        conn = sqlite3.connect(db)
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        count = conn.execute("SELECT count(*) FROM initiatives").fetchone()[0] \
            if "initiatives" in tables else 0
        audit = conn.execute("SELECT count(*) FROM audit").fetchone()[0] \
            if "audit" in tables else 0
        conn.close()
        assert count in (0, 3000), count
        assert audit in (0, after), audit
        outcomes.add((count, "initiatives" in tables))
        if count == 3000:
            db.unlink()
            for extra in tmp_path.glob("big.db-*"):
                extra.unlink()
    # At least one kill landed mid-sync: the database was there, the sync rolled back.
    assert (0, True) in outcomes, outcomes
    # The DB opens and syncs normally afterwards.
    result = CliRunner().invoke(main, ["--plan", str(big_plan), "--db", str(db), "list",
                                       "--objective", "m1"])
    assert result.exit_code == 0 and "300 initiatives." in result.output


def test_sigkill_during_edits_never_leaves_half_an_edit(store, plan_file):
    proc = subprocess.Popen([sys.executable, "-m", "tests.helpers.edit_worker", str(plan_file),
                             str(store.path), "victim", "100000"], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(2.0)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert integrity(store.path) == "ok"
    fresh = open_store(store.path)
    notes = fresh.db.execute("SELECT count(*) FROM notes").fetchone()[0]
    note_rows = fresh.db.execute("SELECT count(*) FROM audit WHERE field = 'note'").fetchone()[0]
    assert notes == note_rows > 0
    replay = replayed_state(fresh)
    assert replay == actual_state(fresh, replay.keys())
    edits = fresh.db.execute("SELECT count(DISTINCT edit_id) FROM audit WHERE initiative_id = "
                             "'haps' AND source != 'sync'").fetchone()[0]
    assert fresh.initiative("haps").version == 1 + edits


def test_a_sync_that_changes_something_backs_up_first(store, plan_file, clock):
    store.edit("haps", Change(status="igangsat"), "anna", "cli")
    text = plan_file.read_text(encoding="utf-8")
    for n in range(7):  # each sync changes a value people track: the plan's priority
        clock.set(f"2024-03-0{n + 1}T09:00:00Z")
        level = ["high", "medium", "low"][n % 3]
        write(plan_file, text.replace("        short: HAPS\n", f"        short: HAPS {n}\n"
                                      f"        priorities: {{2025: {level}}}\n"))
        result = sync_file(store, plan_file, "x")
        assert result.backup is not None and result.backup.exists()
    backups = sorted((plan_file.parent / "2022-2025-backups").glob("*.db"))
    assert len(backups) == 5  # the newest five are kept
    # A backup holds the state from before its sync, and opens as a tracker DB.
    old = open_store(result.backup)
    assert old.initiative("haps").short == "HAPS 5"
    assert old.initiative("haps").status == "in_progress"
    # No backup when nothing changes, nor when only the plan's own text does (it is in
    # git; a copy of a large database is 120 MiB).
    write(plan_file, plan_file.read_text(encoding="utf-8") + "# comment\n")
    assert sync_file(store, plan_file, "x").backup is None
    write(plan_file, plan_file.read_text(encoding="utf-8").replace("short: HAPS 6",
                                                                   "short: HAPS sidst"))
    result = sync_file(store, plan_file, "x")
    assert result.changed and result.backup is None
    assert len(sorted((plan_file.parent / "2022-2025-backups").glob("*.db"))) == 5


def test_first_sync_makes_no_backup(plan_file, tmp_path, clock):
    store = open_store(tmp_path / "new.db")
    assert sync_file(store, plan_file, "x").backup is None
    assert not (tmp_path / "new-backups").exists()


def test_old_schema_upgrades_keeping_every_row(tmp_path):
    path = tmp_path / "v1.db"
    shutil.copy(FIXTURES / "v1.db", path)
    conn = sqlite3.connect(path)
    tables = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
    columns = {t: [r[1] for r in conn.execute(f"PRAGMA table_info({t})")] for t in tables}
    before = {t: conn.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall() for t in tables}
    conn.close()
    assert "sync_runs" not in tables
    store = open_store(path)
    for table, rows in before.items():
        if table == "_sqlite_migrations":
            continue
        old_columns = ", ".join(columns[table])  # later steps add columns, never drop rows
        kept = store.db.execute(f"SELECT {old_columns} FROM {table} ORDER BY rowid").fetchall()
        if table == "meta":  # later steps add rows of their own (the database's identity,
            # from when its history tells every value)
            kept = [row for row in kept if row[0] not in ("database_id", "history_from")]
        assert kept == rows
    from tracker import schema

    assert schema.applied(store.db.conn) == schema.KNOWN
    # Its history from before is not sure to tell every value: dated documents start today.
    assert store.meta("history_from") == __import__("datetime").datetime.now(
        __import__("datetime").timezone.utc).strftime("%Y-%m-%d")
    haps = store.initiative("haps")
    assert (haps.status, haps.owners, haps.latest_note.text) == (
        "in_progress", ("region", "plo"), "Kick-off held")
    store.edit("haps", Change(status="done"), "anna", "cli")  # and it works on


def test_cli_refuses_a_newer_database_clearly(store, plan_file):
    store.db.execute("INSERT INTO _sqlite_migrations(migration_set, name, applied_at) "
                     "VALUES ('tracker', '9999_future', '2030-01-01')")
    store.db.conn.commit()
    result = CliRunner().invoke(main, ["--plan", str(plan_file), "list"])
    assert result.exit_code == 1
    assert "written by a newer version of tracker" in result.output
    assert "Traceback" not in result.output


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions, so a "
                    "read-only file cannot be made here; the message is tested below")
def test_read_only_database(store, plan_file):
    store.close()
    os.chmod(store.path, 0o444)
    result = CliRunner().invoke(main, ["--plan", str(plan_file), "set", "haps", "--status",
                                       "done"])
    assert result.exit_code == 1 and "read-only" in result.output


def test_read_only_message(store):
    conn = sqlite3.connect(f"{store.path.resolve().as_uri()}?mode=ro", uri=True)
    with pytest.raises(sqlite3.OperationalError) as info:
        conn.execute("INSERT INTO meta VALUES ('x', 'y')")
    from tracker.store import _explain_db_error

    message = str(_explain_db_error(store.path, info.value))
    assert "read-only" in message and "nothing was changed" in message


def test_missing_plan_and_missing_folder_messages(tmp_path):
    runner = CliRunner()
    result = runner.invoke(main, ["--plan", str(tmp_path / "none.yaml"), "list"])
    assert result.exit_code == 1 and "no such file" in result.output
    result = runner.invoke(main, ["--plan", str(ROOT / "plans" / "2022-2025.yaml"),
                                  "--db", str(tmp_path / "x" / "p.db"), "list"])
    assert result.exit_code == 1 and "does not exist" in result.output
