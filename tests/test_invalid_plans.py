"""The broken-input corpus (tests/data/invalid/): one clear message with its line,
exit 1, the database's bytes unchanged, no traceback, bounded time and memory."""

import resource
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from tracker.cli import main
from tracker.store import open_store
from tracker.sync import sync_file

from .conftest import ROOT

CORPUS = Path(__file__).parent / "data" / "invalid"
EXPECTED = [line.split("\t") for line in
            (CORPUS / "expected.tsv").read_text(encoding="utf-8").splitlines()
            if not line.startswith("#")]


def test_the_corpus_is_complete():
    files = sorted(p.name for p in CORPUS.glob("*.yaml"))
    assert files == sorted(name for name, _, _ in EXPECTED)
    assert len(files) >= 30


@pytest.fixture
def synced_db(tmp_path, plan_file, clock):
    store = open_store(tmp_path / "tracker.db")
    sync_file(store, plan_file, "x")
    store.close()
    return tmp_path / "tracker.db"


@pytest.mark.parametrize("name, line, message", EXPECTED, ids=[e[0] for e in EXPECTED])
def test_broken_plan_is_refused_clearly_and_changes_nothing(name, line, message, synced_db):
    before = synced_db.read_bytes()
    plan = CORPUS / name
    for command in (["validate", str(plan)], ["--plan", str(plan), "--db", str(synced_db),
                                              "sync"]):
        result = CliRunner().invoke(main, command)
        assert result.exit_code == 1
        where = f"{plan}:{line}:" if line != "-" else f"{plan}: "
        first = result.output.splitlines()[0]
        assert first.startswith(where) and message in first, first
        assert "Traceback" not in result.output
        assert result.output.rstrip().endswith("nothing was changed.")
    assert synced_db.read_bytes() == before
    assert not Path("/tmp/tracker-pwned").exists()


def _limited():
    # 1 GiB of address space and 20 s of CPU: a plan must never need more.
    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))
    resource.setrlimit(resource.RLIMIT_CPU, (20, 20))


def run_limited(*args):
    return subprocess.run([sys.executable, "-m", "tracker", *args], cwd=ROOT,
                          capture_output=True, text=True, preexec_fn=_limited, timeout=60)


@pytest.mark.parametrize("name", ["19_alias_bomb.yaml", "23_deep_nesting.yaml"])
def test_hostile_structures_stay_within_bounds(name):
    result = run_limited("validate", str(CORPUS / name))
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr and result.stderr.count("\n") == 2


def test_a_50_mb_file_is_refused_without_reading_it_all(tmp_path, synced_db):
    big = tmp_path / "big.yaml"
    with open(big, "w", encoding="utf-8") as f:
        f.write("plan:\n  title: x\nobjectives:\n")
        f.write(("  - {id: m1, number: 1, title: " + "x" * 1000 + "}\n") * 51_000)
    assert big.stat().st_size > 50 * 1024 * 1024
    before = synced_db.read_bytes()
    result = run_limited("--plan", str(big), "--db", str(synced_db), "sync")
    assert result.returncode == 1
    assert "a plan file may be at most 20 MB" in result.stderr
    assert synced_db.read_bytes() == before
