"""A file is written only where the person meant it: never over the database, the
plan, the backups, a folder or a device; a name too long is one line; a killed
export leaves nothing for `git add` to pick up. Real files, real commands."""

import gc
import os
import signal
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner
from textual.widgets import Input

from tracker.cli import main
from tracker.tui.app import TrackerApp
from tracker.tui.export_dialog import ExportScreen

from .conftest import ROOT, settle


@pytest.fixture
def run(plan_file, clock):
    def invoke(*args):
        return CliRunner().invoke(main, ["--plan", str(plan_file), "--user", "anna",
                                         "--lang", "en", *args])

    run.plan = plan_file
    return invoke


@pytest.fixture
def synced(run, plan_file):
    assert run("set", "haps", "--status", "igangsat").exit_code == 0
    assert run("backup").exit_code == 0  # makes the backups folder
    gc.collect()  # the commands' connections closed (a close may checkpoint the WAL)
    return plan_file.with_suffix(".db")


def targets(plan_file, db):
    backups = db.with_name(f"{db.stem}-backups")
    return {
        "the database": (db, "is the tracker's database"),
        "its -wal": (db.with_name(db.name + "-wal"), "is the tracker's database"),
        "its -shm": (db.with_name(db.name + "-shm"), "is the tracker's database"),
        "the plan": (plan_file, "is the plan file"),
        "a backup": (next(backups.iterdir()), "is in the backups folder"),
        "new in backups": (backups / "new.md", "is in the backups folder"),
        "a folder": (plan_file.parent, "it is a folder"),
        "a device": ("/dev/null", "is not an ordinary file"),
    }


KINDS = ["the database", "its -wal", "its -shm", "the plan", "a backup", "new in backups",
         "a folder", "a device"]


def snapshot(plan_file, db) -> dict:
    return {p: p.read_bytes() for p in (plan_file, db, *db.parent.glob("*-backups/*"))}


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("fmt", ["markdown", "json", "yaml"])
def test_export_refuses_a_target_it_must_not_replace(run, plan_file, synced, kind, fmt):
    target, words = targets(plan_file, synced)[kind]
    before = snapshot(plan_file, synced)
    result = run("export", "--format", fmt, "-o", str(target))
    assert result.exit_code == 1, result.output
    assert words in result.output and len(result.output.strip().splitlines()) == 1
    assert snapshot(plan_file, synced) == before


@pytest.mark.parametrize("kind", KINDS)
def test_backup_refuses_a_target_it_must_not_replace(run, plan_file, synced, kind):
    target, words = targets(plan_file, synced)[kind]
    before = snapshot(plan_file, synced)
    result = run("backup", str(target))
    assert result.exit_code == 1, result.output
    assert len(result.output.strip().splitlines()) == 1
    assert snapshot(plan_file, synced) == before


def test_the_implementation_plan_export_refuses_the_database_too(run, synced):
    before = synced.read_bytes()
    result = run("export", "--implementation-plan", "2024", "-o", str(synced))
    assert result.exit_code == 1 and "is the tracker's database" in result.output
    assert synced.read_bytes() == before


def test_a_symlink_to_the_database_is_the_database(run, plan_file, synced, tmp_path):
    link = tmp_path / "looks-harmless.md"
    link.symlink_to(synced)
    before = synced.read_bytes()
    result = run("export", "-o", str(link))
    assert result.exit_code == 1 and "is the tracker's database" in result.output
    assert synced.read_bytes() == before


def test_a_fifo_is_refused_not_waited_on(run, synced, tmp_path):
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    result = run("export", "-o", str(fifo))
    assert result.exit_code == 1 and "is not an ordinary file" in result.output


@pytest.mark.parametrize("command", [["export", "-o"], ["export", "--format", "yaml", "-o"],
                                     ["backup"]])
def test_a_name_too_long_is_one_line(run, synced, tmp_path, command):
    result = run(*command, str(tmp_path / ("x" * 300 + ".md")))
    assert result.exit_code == 1, result.output
    assert "too long for this file system" in result.output
    assert "unexpected" not in result.output and len(result.output.strip().splitlines()) == 1
    almost = run(*command, str(tmp_path / ("y" * 250 + ".md")))  # no room for the temporary
    assert almost.exit_code == 1 and "too long" in almost.output
    assert list(tmp_path.glob(".y*")) == []


def test_an_ordinary_export_still_replaces_its_own_report(run, synced, tmp_path):
    target = tmp_path / "status.md"
    target.write_text("last month's report\n", encoding="utf-8")
    assert run("export", "-o", str(target)).exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("# Status")


# -- nothing half-written left behind --------------------------------------------------


SLOW_WRITER = """
import sys, time
from pathlib import Path
from tracker import files

real = files.os.fdopen
def slow_fdopen(*args, **kwargs):
    handle = real(*args, **kwargs)
    print("writing", flush=True)
    time.sleep(30)
    return handle
files.os.fdopen = slow_fdopen
files.write_file(Path(sys.argv[1]), "text\\n", None)
"""


@pytest.mark.processes
def test_a_killed_export_leaves_no_temporary_file_for_git(tmp_path):
    target = tmp_path / "status.md"
    proc = subprocess.Popen([sys.executable, "-c", SLOW_WRITER, str(target)], cwd=ROOT,
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "writing"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    left = list(tmp_path.glob(".status.md.*"))
    assert len(left) == 1 and left[0].name.endswith(".partial")  # a kill can't clean up
    old = time.time() - 3600
    os.utime(left[0], (old, old))
    from tracker.files import write_file

    write_file(target, "the next export\n", None)  # sweeps what the killed one left
    assert sorted(p.name for p in tmp_path.iterdir()) == ["status.md"]


def test_an_interrupted_export_removes_its_temporary_file(tmp_path, monkeypatch):
    from tracker import files

    def interrupted(*args):
        raise KeyboardInterrupt

    monkeypatch.setattr(files.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        files.write_file(tmp_path / "status.md", "text\n", None)
    assert list(tmp_path.iterdir()) == []


def test_the_repository_ignores_partial_files():
    ignored = subprocess.run(["git", "check-ignore", "-q", "plans/.2022-2025-status.md.x1y2.partial"],
                             cwd=ROOT, capture_output=True)
    if ignored.returncode == 128:
        pytest.skip("not a git checkout")
    assert ignored.returncode == 0


# -- the TUI's export dialog --------------------------------------------------------------


@pytest.mark.parametrize("kind", ["the database", "the plan", "a folder"])
async def test_the_export_dialog_refuses_and_keeps_what_was_typed(store, plan_file, kind):
    db = plan_file.with_suffix(".db")
    store.backup()
    target = targets(plan_file, db)[kind][0]
    before = snapshot(plan_file, db)
    app = TrackerApp(store, plan_file, "anna", poll_seconds=0.1, export_date="2024-03-15")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("e")
        await settle(pilot)  # the dialog opens once the last meeting is read
        path = app.screen.query_one("#path", Input)
        path.value = str(target)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ExportScreen)  # the dialog stays …
        assert path.value == str(target) and path.has_class("-invalid")  # … with the text
        problem = str(app.screen.query_one("#path-problem").render())
        assert targets(plan_file, db)[kind][1] in problem
    assert snapshot(plan_file, db) == before


async def test_the_implementation_plan_dialog_refuses_the_database(store, plan_file):
    db = plan_file.with_suffix(".db")
    before = db.read_bytes()
    app = TrackerApp(store, plan_file, "anna", poll_seconds=0.1, export_date="2024-03-15")
    async with app.run_test(size=(120, 40)) as pilot:
        app.main.action_export_plan()
        await settle(pilot)
        app.screen.query_one("#path", Input).value = str(db)
        await pilot.press("enter")
        await settle(pilot)
        problem = str(app.screen.query_one("#path-problem").render())
        assert "is the tracker's database" in problem
    assert db.read_bytes() == before


async def test_a_name_too_long_in_the_dialog_is_one_line(store, plan_file, tmp_path):
    app = TrackerApp(store, plan_file, "anna", poll_seconds=0.1, export_date="2024-03-15")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("e")
        await settle(pilot)  # the dialog opens once the last meeting is read
        app.screen.query_one("#path", Input).value = str(tmp_path / ("x" * 300 + ".md"))
        await pilot.press("enter")
        await settle(pilot)
        assert "too long for this file system" in str(
            app.screen.query_one("#path-problem").render())


# -- a dry run writes nothing -------------------------------------------------------------


def test_a_dry_run_creates_no_database(plan_file, tmp_path):
    state = tmp_path / "state.yaml"
    state.write_text("format: tracker-state/1\nplan: Praksisplan for almen praksis 2022-2025\n"
                     "initiatives:\n  haps: {status: igangsat}\n", encoding="utf-8")
    before = sorted(p.name for p in plan_file.parent.iterdir())
    for args in (["sync", "--dry-run"], ["import", "--dry-run", str(state)]):
        result = CliRunner().invoke(main, ["--plan", str(plan_file), "--lang", "en", *args])
        assert result.exit_code == 0, result.output
        assert sorted(p.name for p in plan_file.parent.iterdir()) == before, args
    assert "haps  status: not started → in progress" in result.output


def test_the_backups_folder_itself_is_refused_before_it_exists(run, plan_file):
    assert run("sync").exit_code == 0
    backups = plan_file.with_name("2022-2025-backups")
    assert not backups.exists()
    refused = run("export", "-o", str(backups))
    assert refused.exit_code == 1 and "is in the backups folder" in refused.output
    assert not backups.exists()


def test_a_file_where_the_backups_folder_goes_is_one_line(run, plan_file):
    assert run("sync").exit_code == 0
    plan_file.with_name("2022-2025-backups").write_text("not a folder\n", encoding="utf-8")
    for args in (["backup"],):
        result = run(*args)
        assert result.exit_code == 1 and "cannot keep backups in" in result.output, result.output
        assert "unexpected" not in result.output


def test_a_folder_at_a_backups_temporary_name_is_one_line(run, synced, tmp_path):
    (tmp_path / ".b1.db.partial").mkdir()
    result = run("backup", str(tmp_path / "b1.db"))
    assert result.exit_code == 1 and "unexpected" not in result.output, result.output


def test_a_trailing_slash_names_a_folder(run, synced, tmp_path):
    result = run("export", "-o", str(tmp_path / "out.md") + "/")
    assert result.exit_code == 1 and "folder" in result.output
    assert not (tmp_path / "out.md").exists()


def test_a_served_name_never_keeps_a_comma(tmp_path):
    from tracker.files import served_target

    assert served_target(tmp_path, "møde, juni", ".md").name == "møde_ juni.md"


def test_a_reports_folder_that_cannot_be_made_is_one_line(tmp_path):
    from tracker.errors import TrackerError
    from tracker.files import served_target

    with pytest.raises(TrackerError, match="cannot save exports in the reports folder"):
        served_target(tmp_path / "missing" / "reports", "status", ".md")
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(TrackerError, match="cannot save exports in the reports folder"):
        served_target(tmp_path / "file", "status", ".md")
