"""The command line: exit codes, messages, and the issue's acceptance run."""

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from tracker.cli import main

from .conftest import ROOT, write


@pytest.fixture
def run(plan_file, clock):
    def invoke(*args, user="anna"):
        runner = CliRunner()
        result = runner.invoke(main, ["--plan", str(plan_file), "--user", user, *args],
                               catch_exceptions=False)
        return result

    return invoke


def test_validate_bundled_plan(run, plan_file):
    result = run("validate")
    assert result.exit_code == 0
    assert result.output == (f"{plan_file}: valid — 10 objectives, 10 initiatives, "
                             "3 possible owners, period 2022-2025.\n")


def test_validate_reports_every_problem_and_exits_1(run, tmp_path):
    bad = write(tmp_path / "bad.yaml", "plan:\n  title: x\n  period: 2022-2025\nobjectives:\n"
                "  - id: m1\n    number: x\n    title: y\n  - id: m1\n    number: 2\n"
                "    title: z\n")
    result = run("validate", str(bad))
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0].startswith(f"{bad}:6:13: 'number' of objective 'm1' must be a whole number")
    assert lines[1].startswith(f"{bad}:8:9: the id 'm1' is used twice")
    assert lines[2] == f"2 problems in {bad}; nothing was changed."


def test_validate_missing_file(run, tmp_path):
    result = run("validate", str(tmp_path / "nope.yaml"))
    assert result.exit_code == 1 and "no such file" in result.output
    assert "Traceback" not in result.output


def test_acceptance_set_export_and_rename(run, plan_file, tmp_path):
    result = run("set", "haps", "--status", "igangsat", "--owner", "region", "--owner", "plo",
                 "--priority", "2024=high", "--note", "Kick-off held")
    assert result.exit_code == 0, result.output
    assert "haps: saved (version 2)." in result.output
    out = tmp_path / "status.md"
    result = run("export", "--date", "2024-03-15", "-o", str(out))
    assert result.exit_code == 0
    section = out.read_text(encoding="utf-8").split("## 9. ")[1]
    assert "| HAPS |" in section and "in progress" in section and "high" in section
    assert "Kick-off held" in section
    assert "Ansvarlig for: HAPS" in section or "Owns: HAPS" in section  # who does what
    # Changing haps's title in the YAML keeps its status and owners.
    text = plan_file.read_text(encoding="utf-8")
    write(plan_file, text.replace("title: Projekt HAPS (Hospital", "title: Projekt HAPS – (Hospital"))
    result = run("show", "haps")
    assert result.exit_code == 0
    assert "Projekt HAPS – (Hospital" in result.output
    assert "in progress" in result.output and "PLO-Hovedstaden (plo)" in result.output


def test_unknown_words_exit_1_with_choices_and_write_nothing(run):
    run("list")
    for args, message in [
        (("set", "haps", "--status", "foo"), "unknown status 'foo'; choose one of:"),
        (("set", "hap", "--status", "done"), "unknown initiative 'hap' (did you mean haps?)"),
        (("set", "haps", "--owner", "x"), "unknown owner 'x'; choose one of: Regionen"),
        (("set", "haps", "--priority", "2030=high"), "the year 2030 is outside"),
        (("set", "haps", "--priority", "2024=mega"), "unknown priority level 'mega'"),
        (("set", "haps", "--priority", "high"), "--priority takes YEAR=LEVEL"),
        (("set", "haps"), "nothing to set"),
        (("list", "--objective", "m99"), "unknown objective 'm99'"),
        (("history", "--since", "yesterday"), "--since takes a date"),
    ]:
        result = run(*args)
        assert result.exit_code == 1, args
        assert result.output.startswith("error: ") and message in result.output, result.output
    assert "No changes recorded since 2000-01-01" not in run("history", "haps").output
    assert "status" not in run("history", "haps").output


def test_labels_in_any_case(run):
    for word in ("igangsat", "In progress", "IN_PROGRESS"):
        run("set", "haps", "--status", "planned")
        assert run("set", "haps", "--status", word).exit_code == 0
    assert "in progress" in run("show", "haps").output


def test_list_filters(run):
    run("set", "haps", "--status", "igangsat", "--owner", "plo", "--priority", "2024=high")
    output = run("list", "--owner", "plo").output
    assert "haps" in output and "kontaktlaege" not in output and "1 initiative." in output
    assert "haps" in run("list", "--objective", "9").output
    assert "10 initiatives." in run("list").output
    assert "1 initiative." in run("list", "--year", "2024").output
    assert "1 initiative." in run("list", "--status", "in progress").output


def test_history_since(run, clock):
    run("set", "haps", "--status", "igangsat")
    clock.set("2024-05-01T10:00:00Z")
    run("set", "haps", "--status", "done", user="bo")
    output = run("history", "haps", "--since", "2024-04-01").output
    assert "bo (on the command line)" in output and "in progress → done" in output and "anna" not in output


def test_sync_output_reads_like_a_plan(run, plan_file):
    first = run("sync")
    assert "+ haps  HAPS (objective 9. Access to advice across the health service)" in first.output
    assert "+ m9  objective 9: Access to advice across the health service" in first.output
    assert first.output.rstrip().endswith("Added 20, changed 0, archived 0.")
    assert run("sync").output == "No changes.\n"
    write(plan_file, plan_file.read_text(encoding="utf-8").replace(
        "title: Projekt HAPS (", "title: Projekt HAPS – ("))
    dry = run("sync", "--dry-run")
    assert dry.output.startswith("~ haps  title:") and "nothing was written" in dry.output
    assert run("sync").output.startswith("~ haps  title:")


def test_broken_plan_stops_reading_commands_with_its_messages(run, plan_file):
    run("list")
    write(plan_file, plan_file.read_text(encoding="utf-8") + "\tbroken: [\n")
    result = run("list")
    assert result.exit_code == 1 and "a tab character" in result.output
    assert "nothing was changed" in result.output


def test_undo_redo_commands(run):
    run("set", "haps", "--status", "igangsat")
    assert run("undo").output.startswith("Undone: HAPS — status not started")
    assert "not started" in run("show", "haps").output
    assert run("redo").exit_code == 0
    assert run("redo").output == "error: nothing to redo for anna\n"
    # An action that goes with an undo is said once, by its text, not field by field.
    assert run("action", "add", "haps", "Evaluere pilot", "--year", "2024").exit_code == 0
    assert run("undo").output == "Undone: HAPS — action #1 removed: Evaluere pilot\n"


def test_resolve_needs_a_choice(run):
    run("list")
    assert "say which value wins" in run("resolve", "haps", "status").output


def test_export_json(run):
    run("set", "haps", "--status", "igangsat")
    data = json.loads(run("export", "--format", "json", "--date", "2024-03-02").output)
    assert data["date"] == "2024-03-02"
    # Before the first sync the database knows nothing: said, not an empty plan.
    early = run("export", "--date", "2024-01-01")
    assert early.exit_code == 1 and "nothing was recorded in this database before " \
        "2024-03-01 (its first sync)" in early.output


def test_db_in_missing_folder(run, tmp_path):
    result = run("--db", str(tmp_path / "no" / "x.db"), "list")
    assert result.exit_code == 1 and "does not exist" in result.output


def test_env_vars_choose_plan_db_and_user(plan_file, tmp_path, clock):
    env = {"TRACKER_PLAN": str(plan_file), "TRACKER_DB": str(tmp_path / "other.db"),
           "TRACKER_USER": "carla"}
    result = CliRunner().invoke(main, ["set", "haps", "--status", "done"], env=env)
    assert result.exit_code == 0
    assert (tmp_path / "other.db").exists() and not plan_file.with_suffix(".db").exists()
    assert "carla (on the command line)" in CliRunner().invoke(main, ["history", "haps"], env=env).output


def test_non_tui_commands_never_import_textual(plan_file, tmp_path):
    code = (
        "import sys\n"
        "from tracker.cli import main\n"
        "for args in (['validate'], ['list'], ['export'], ['sync'],"
        " ['show', 'haps'], ['history']):\n"
        "    try:\n"
        f"        main(['--plan', {str(plan_file)!r}] + args)\n"
        "    except SystemExit as e:\n"
        "        assert e.code in (0, None), (args, e.code)\n"
        "assert 'textual' not in sys.modules, 'textual was imported'\n"
        "print('clean')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("clean")


def test_python_dash_m_works(plan_file):
    result = subprocess.run([sys.executable, "-m", "tracker", "--plan", str(plan_file),
                             "validate"], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0 and "10 objectives, 10 initiatives" in result.stdout


def test_validate_several_files_for_pre_commit(run, plan_file, tmp_path):
    bad = write(tmp_path / "bad.yaml", "plan: [\n")
    result = run("validate", str(plan_file), str(bad))
    assert result.exit_code == 1
    assert "valid — 10 objectives" in result.output and f"{bad}:" in result.output
    assert result.output.rstrip().endswith("error: 1 of 2 plan files have problems")


def test_pre_commit_hook_runs_validate_on_plan_files():
    import yaml

    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "tracker-validate")
    assert hook["entry"] == "tracker validate" and hook["language"] == "python"
    assert __import__("re").search(hook["files"], "plans/2022-2025.yaml")


def test_export_to_a_folder_is_refused_and_leaves_nothing(run, tmp_path):
    target = tmp_path / "reports"
    target.mkdir()
    result = run("export", "-o", str(target))
    assert result.exit_code == 1 and "it is a folder; give a file name" in result.output
    assert list(tmp_path.glob(".*")) == [] and list(target.iterdir()) == []


def test_written_files_follow_the_umask(run, tmp_path):
    import os
    import stat

    old = os.umask(0o022)
    try:
        out = tmp_path / "report.md"
        assert run("export", "-o", str(out)).exit_code == 0
        assert stat.S_IMODE(out.stat().st_mode) == 0o644
        os.umask(0o027)
        state = tmp_path / "state.yaml"
        assert run("export", "--format", "yaml", "-o", str(state)).exit_code == 0
        assert stat.S_IMODE(state.stat().st_mode) == 0o640
    finally:
        os.umask(old)


def test_the_status_report_the_readme_says_to_commit_is_not_ignored():
    import subprocess

    from .conftest import ROOT

    ignored = subprocess.run(["git", "check-ignore", "-q", "plans/2022-2025-status.md"],
                             cwd=ROOT, capture_output=True)
    if ignored.returncode == 128:
        pytest.skip("not a git checkout")
    assert ignored.returncode == 1  # 1: not ignored


def test_validate_remembers_a_valid_file_until_it_or_the_validator_changes(run, plan_file,
                                                                          monkeypatch):
    from tracker import plan as planlib
    from tracker import validcache

    first = run("validate")
    assert first.exit_code == 0 and "valid — 10 objectives, 10 initiatives" in first.output

    def no_parse(path):
        raise AssertionError("parsed again")

    monkeypatch.setattr(planlib, "load_plan", no_parse)
    again = run("validate")  # the same bytes, the same validator: from the cache
    assert again.output == first.output
    monkeypatch.setattr(validcache, "fingerprint", lambda: "another validator")
    assert "parsed again" in run("validate").output  # our bug-catcher turned it into a line
    monkeypatch.undo()
    monkeypatch.setenv("XDG_CACHE_HOME", str(plan_file.parent.parent / "cache"))
    # A changed file is validated afresh; a file with problems is never remembered.
    write(plan_file, plan_file.read_text(encoding="utf-8").replace("number: 9", "number: x"))
    for _ in range(2):
        result = run("validate")
        assert result.exit_code == 1 and "number" in result.output


def test_the_pre_commit_hook_checks_plans_not_the_state_file_the_readme_says_to_commit():
    import re

    import yaml

    from .conftest import ROOT

    hook, = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))

    def checked(path: str) -> bool:  # pre-commit's own rule: search files, then exclude
        return bool(re.search(hook["files"], path)) and not (
            "exclude" in hook and re.search(hook["exclude"], path))

    assert checked("plans/2022-2025.yaml") and checked("plans/2026-2029.yml")
    assert not checked("plans/2022-2025-state.yaml")
    assert "plans/2022-2025-state.yaml" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_bytes_that_are_not_utf8_are_said_plainly(run, plan_file):
    """A byte like \\xff typed in a Latin-1 terminal reaches Python as a lone surrogate;
    it was 'an unexpected error' (UnicodeEncodeError) with exit 2."""
    for args in (["list", "--status", "\udcff"], ["set", "haps", "--note", "\udcff\udcfe bad"]):
        result = run(*args)
        assert result.exit_code == 1, result.output
        assert "is not text in UTF-8" in result.output and "'\\xff" in result.output
        assert "unexpected" not in result.output
    # A file name is bytes, whatever they are: a Latin-1 one is still a file to read.
    import os
    import shutil

    latin = os.path.join(os.fsencode(str(plan_file.parent)), b"pl\xe6n.yaml")
    shutil.copy(plan_file, latin)
    done = subprocess.run([sys.executable.encode(), b"-m", b"tracker", b"validate", latin],
                          capture_output=True, cwd=ROOT)
    assert done.returncode == 0 and b"valid" in done.stdout, done.stdout + done.stderr


def in_a_terminal(args: list[str], columns: int, cwd) -> str:
    """`tracker …` in a pseudo-terminal `columns` wide (COLUMNS, as terminals set it)."""
    import os
    import pty

    master, slave = pty.openpty()
    env = {**os.environ, "COLUMNS": str(columns), "LINES": "24", "TRACKER_LANG": "en"}
    proc = subprocess.Popen([sys.executable, "-m", "tracker", *args], stdin=subprocess.DEVNULL,
                            stdout=slave, stderr=slave, cwd=cwd, env=env)
    os.close(slave)
    out = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the other end closed
            break
        if not chunk:
            break
        out += chunk
    proc.wait()
    os.close(master)
    return out.decode("utf-8").replace("\r\n", "\n")


def test_list_fits_the_terminal_and_says_what_it_left_out(run, plan_file):
    run("set", "haps", "--owner", "plo", "--owner", "region", "--priority", "2025=high")
    args = ["--plan", str(plan_file), "list"]
    narrow = in_a_terminal(args, 80, plan_file.parent)
    lines = narrow.splitlines()
    table = lines[lines.index(next(l for l in lines if l.startswith("#"))):]
    assert all(len(line) <= 80 for line in table if not line.startswith("All of it:")), \
        "\n".join(table)
    assert f"All of it: tracker --plan {plan_file} list | less -S" in narrow  # as typed
    assert "Not shown (terminal too narrow): Id, 2022, 2023, 2024.\n" in narrow
    assert "Regionen, PLO" in narrow and "high" in narrow  # short names; this plan year
    wide = in_a_terminal(args, 200, plan_file.parent)
    assert "Not shown" not in wide and "haps" in wide and "2022" in wide
    assert run("list").output.count("Not shown") == 0  # piped: everything, as it is


def test_a_year_set_to_none_is_not_one_of_its_priorities(run):
    """'ingen' records that the group decided against it that year: the year's
    filter and its implementation plan leave it out, as they do a year unset."""
    run("set", "haps", "--priority", "2024=none")
    run("set", "kontaktlaege", "--priority", "2024=high")
    listed = run("list", "--year", "2024").output
    assert "kontaktlaege" in listed and "haps" not in listed and "1 initiative." in listed
    plan = run("export", "--implementation-plan", "2024").output
    assert "KontaktLæge" in plan and "HAPS" not in plan
    note = run("export", "--year", "2024").output
    assert "| KontaktLæge |" in note and "| HAPS |" not in note
    assert "none" in run("show", "haps").output  # kept, and shown where it is asked for
