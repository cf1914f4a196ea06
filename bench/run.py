"""The benchmark: every figure is a ratio to a baseline measured in the same run.

    python -m bench.run [--repeat 7] [--quick] [--record]

Generates plans of 10, 1,000 and 10,000 initiatives, runs each measurement
several times interleaved with its baseline (so a noisy neighbour hits both),
and prints medians and ratios. --record appends the table to bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import fcntl
import os
import platform
import pty
import select
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

from .synthetic import plan_text

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable

BARE_APP = """
from textual.app import App
from textual.widgets import DataTable, Footer, Header

class Bare(App):
    def compose(self):
        yield Header()
        yield DataTable()
        yield Footer()

    def on_mount(self):
        table = self.query_one(DataTable)
        table.add_columns("Id", "Initiative", "Owners", "Status")
        for n in range(50):
            table.add_row(f"id-{n}", f"Baseline initiative {n}", "region", "igangsat")

Bare().run()
"""


# -- measuring -------------------------------------------------------------------------


def time_until_screen(command: list[str], marker: bytes, env: dict | None = None,
                      timeout: float = 60.0, settle: float = 0.0) -> tuple[float, int]:
    """Start `command` in a 120x40 pseudo-terminal; return (seconds until `marker`
    appears in its output, peak RSS in KiB), then end the process. With `settle`,
    the RSS is read that many seconds later (what it does after its first frame,
    e.g. reading the rest of a large plan, counts too)."""
    pid, fd = pty.fork()
    if pid == 0:  # the child: become the program
        os.environ.update(env or {})
        os.environ["TERM"] = "xterm-256color"
        os.execvp(command[0], command)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    start = time.perf_counter()
    seen = b""
    elapsed = None
    try:
        while time.perf_counter() - start < timeout:
            ready, _, _ = select.select([fd], [], [], 0.05)
            if ready:
                try:
                    chunk = os.read(fd, 65536)
                except OSError:
                    break
                seen = (seen + chunk)[-200_000:]
                if marker in seen:
                    elapsed = time.perf_counter() - start
                    break
        end = time.perf_counter() + settle
        while time.perf_counter() < end:  # keep reading its output, or it would block
            if select.select([fd], [], [], 0.05)[0]:
                try:
                    os.read(fd, 65536)
                except OSError:
                    break
        rss = _peak_rss(pid)
    finally:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(fd)
    if elapsed is None:
        raise RuntimeError(f"{command} never showed {marker!r}; last output: {seen[-500:]!r}")
    return elapsed, rss


def _peak_rss(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def time_command(command: list[str], cwd: Path | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def time_python(code: str) -> float:
    """Seconds to run `code` in a fresh interpreter, minus nothing: whole process."""
    return time_command([PYTHON, "-c", code])


# -- the setups ----------------------------------------------------------------------


class Workspace:
    def __init__(self, folder: Path, sizes: list[int]):
        self.folder = folder
        self.plans = {}
        for size in sizes:
            path = folder / f"plan-{size}.yaml"
            path.write_text(plan_text(size), encoding="utf-8")
            self.plans[size] = path
        self.bundled = folder / "2022-2025.yaml"
        shutil.copy(ROOT / "plans" / "2022-2025.yaml", self.bundled)
        self.bare = folder / "bare.py"
        self.bare.write_text(BARE_APP, encoding="utf-8")

    def synced_db(self, plan: Path) -> Path:
        db = plan.with_suffix(".db")
        if not db.exists():
            subprocess.run([PYTHON, "-m", "tracker", "--plan", str(plan), "--db", str(db),
                            "sync"], check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
        return db

    def tracker(self, plan: Path, *args: str) -> list[str]:
        return [PYTHON, "-m", "tracker", "--plan", str(plan), "--db",
                str(plan.with_suffix(".db")), "--user", "bench", *args]


def interleaved(repeat: int, **runs) -> dict[str, list[float]]:
    """Run each callable once per round, in turn, `repeat` rounds; return the samples."""
    samples = {name: [] for name in runs}
    for _ in range(repeat):
        for name, run in runs.items():
            samples[name].append(run())
    return samples


def median(values) -> float:
    return statistics.median(values)


# -- B3: an edit inside the TUI, key press to committed row and repainted cell ---------


EDIT_PROBE = """
import asyncio, statistics, sys, time
from pathlib import Path
from tracker import catalogue
from tracker.store import open_store
from tracker.tui.app import TrackerApp
from tracker.tui.widgets import InitiativeTable

catalogue.use("da")  # the labels typed and looked for below
painted = {}
original = InitiativeTable.render_line

def spy(self, y):
    # Note the first time the cursor row is drawn showing the new status.
    strip = original(self, y)
    wanted = painted.get("wanted")
    if wanted and "at" not in painted and y - 1 + self.scroll_offset.y == self.cursor_row \\
            and wanted in strip.text:
        painted["at"] = time.perf_counter()
    return strip

InitiativeTable.render_line = spy

async def main(plan, db, rounds):
    store = open_store(db)
    app = TrackerApp(store, Path(plan), "bench", poll_seconds=3600)
    times = []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for n in range(rounds):
            word, label = ("igangsat", "igangsat") if n % 2 == 0 else ("planlagt", "planlagt")
            await pilot.press("s", *word)
            await pilot.pause()
            painted.clear()
            painted["wanted"] = label
            start = time.perf_counter()
            await pilot.press("enter")
            # The save runs in a worker: wait as the screen does, until the row is drawn.
            while "at" not in painted and time.perf_counter() - start < 10:
                await asyncio.sleep(0.001)
            while not app.database.idle():  # the save, on the app's writer thread
                await asyncio.sleep(0.001)
            await app.workers.wait_for_complete()
            assert store.initiative(app.main.current_id()).status in ("in_progress", "planned")
            times.append(painted["at"] - start)
    print(statistics.median(times))

asyncio.run(main(sys.argv[1], sys.argv[2], int(sys.argv[3])))
"""


# -- B8: the screen while another process holds the write lock ----------------------------

# (B8 and B14) the first time the row the cursor moved to is drawn
ROW_SPY = """
painted = {}
original = InitiativeTable.render_line

def spy(self, y):
    if "at" not in painted and painted.get("row") == self.cursor_row \\
            and y - 1 + self.scroll_offset.y == self.cursor_row:
        painted["at"] = time.perf_counter()
    return original(self, y)

InitiativeTable.render_line = spy
"""

LOCKED_PROBE = """
import asyncio, sqlite3, statistics, sys, time
from pathlib import Path
from tracker.store import open_store
from tracker.tui.app import TrackerApp
from tracker.tui.widgets import InitiativeTable

"""+ROW_SPY+"""

async def main(plan, db, locked):
    store = open_store(db)
    app = TrackerApp(store, Path(plan), "bench", poll_seconds=3600)
    times = []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        blocker = sqlite3.connect(db, isolation_level=None)
        if locked:  # another user's write holds the lock; our save waits behind it
            blocker.execute("BEGIN IMMEDIATE")
            await pilot.press("s", "p", "l", "a", "n", "enter")
            await asyncio.sleep(0.5)
        table = app.main.query_one(InitiativeTable)
        for n in range(8):
            painted.clear()
            painted["row"] = table.cursor_row + (1 if n % 2 == 0 else -1)
            start = time.perf_counter()
            await pilot.press("j" if n % 2 == 0 else "k")
            await pilot.pause()
            times.append(painted["at"] - start)
        if locked:
            blocker.rollback()
        while not app.database.idle():
            await asyncio.sleep(0.001)
        await app.workers.wait_for_complete()
    print(statistics.median(times))

asyncio.run(main(sys.argv[1], sys.argv[2], sys.argv[3] == "locked"))
"""


def locked_key_time(workspace: Workspace, plan: Path, locked: bool) -> float:
    db = workspace.synced_db(plan)
    return in_process(LOCKED_PROBE, plan, db, "locked" if locked else "free")


def edit_time(workspace: Workspace, plan: Path) -> float:
    db = workspace.synced_db(plan)
    out = subprocess.run([PYTHON, "-c", EDIT_PROBE, str(plan), str(db), "5"], cwd=ROOT,
                         check=True, capture_output=True, text=True).stdout
    return float(out.strip().splitlines()[-1])


LOAD_PROBE = """
import sys, time, yaml
start = time.perf_counter()
with open(sys.argv[1], encoding="utf-8") as f:
    yaml.load(f, Loader=yaml.CSafeLoader)
print(time.perf_counter() - start)
"""

SYNC_PROBE = """
import sys, time
from pathlib import Path
from tracker.store import open_store
from tracker.sync import sync_file
db = Path(sys.argv[2])
for extra in db.parent.glob(db.name + "*"):
    extra.unlink()
store = open_store(db)  # a new, empty tracker DB; the clock starts at the sync
start = time.perf_counter()
sync_file(store, Path(sys.argv[1]), "bench")
print(time.perf_counter() - start)
"""

REPORT_PROBE = """
import sys, time
from pathlib import Path
from tracker import report
from tracker.as_of import AsOf
from tracker.store import open_store
store = open_store(Path(sys.argv[1]))
day = sys.argv[2]
start = time.perf_counter()
report.markdown(report.build(AsOf(store, day) if sys.argv[3] == "as-of" else store, day))
print(time.perf_counter() - start)
"""

RESYNC_PROBE = """
import sys, time
from pathlib import Path
from tracker.store import open_store
from tracker.sync import sync_file
start = time.perf_counter()
store = open_store(Path(sys.argv[2]))
assert sync_file(store, Path(sys.argv[1]), "bench").skipped
print(time.perf_counter() - start)
"""


# -- the floor of a whole-plan command: a plain script, no tracker ----------------------

FLOOR = """
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
owners = {}
for ident, owner in db.execute("SELECT initiative_id, owner FROM owners"):
    owners.setdefault(ident, []).append(owner)
levels = {}
for ident, year, level in db.execute("SELECT initiative_id, year, level FROM priorities"):
    levels.setdefault(ident, {})[year] = level
out = ["| Id | Initiative | Owners | Status | 2022 | 2023 | 2024 | 2025 |",
       "|---|---|---|---|---|---|---|---|"]
for ident, title, status in db.execute(
        "SELECT i.id, CASE i.short WHEN '' THEN i.title ELSE i.short END, t.status "
        "FROM initiatives i JOIN tracking t ON t.initiative_id = i.id "
        "JOIN objectives o ON o.id = i.objective_id ORDER BY o.position, i.position"):
    year = levels.get(ident, {})
    out.append(f"| {ident} | {title} | {', '.join(owners.get(ident, []))} | {status} | "
               + " | ".join(year.get(y, '') for y in (2022, 2023, 2024, 2025)) + " |")
sys.stdout.write("\\n".join(out) + "\\n")
"""


# -- B11: another person's edit, shown in an open TUI ----------------------------------

REFRESH_PROBE = """
import asyncio, sqlite3, statistics, sys, time
from pathlib import Path
from tracker.model import Change
from tracker.store import open_store
from tracker.tui.app import TrackerApp

async def main(plan, db, way, rounds):
    store = open_store(db)
    app = TrackerApp(store, Path(plan), "bench", poll_seconds=3600)
    other = open_store(db)  # another person, another connection
    ids = [v.id for v in other.initiatives()][:rounds]
    cpu = []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(1)
        await app.workers.wait_for_complete()
        for n, ident in enumerate(ids):
            other.edit(ident, Change(note=f"note {n}"), "bo", "cli")
            start = time.process_time()  # CPU of the whole process, its threads too
            if way == "full":  # as every tab did before: read everything again
                app.main.outside.read_all()
            else:
                app.main.refresh_from_database()
            await pilot.pause()
            await app.workers.wait_for_complete()
            cpu.append(time.process_time() - start)
    print(statistics.median(cpu))

asyncio.run(main(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])))
"""


def peak_rss_mb(command: list[str]) -> float:
    """The peak memory (MiB) of one whole command, read by a wrapper process of its own
    (the children's maximum is then the command's alone)."""
    wrapper = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, "
               "stdout=subprocess.DEVNULL); "
               "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = subprocess.run([PYTHON, "-c", wrapper, *command], check=True, capture_output=True,
                         text=True, cwd=ROOT).stdout
    return int(out.strip()) / 1024


# -- B14: keys while the screen takes in another person's edit ------------------------

KEYS_DURING_REFRESH_PROBE = """
import asyncio, statistics, sys, time
from pathlib import Path
from tracker.model import Change
from tracker.store import open_store
from tracker.tui.app import TrackerApp
from tracker.tui.widgets import InitiativeTable

"""+ROW_SPY+"""

async def main(plan, db, way):
    store = open_store(db)
    app = TrackerApp(store, Path(plan), "bench", poll_seconds=3600)
    other = open_store(db)
    ids = [r[0] for r in other.db.execute("SELECT id FROM initiatives LIMIT 8")]
    times = []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(1)
        await app.workers.wait_for_complete()
        table = app.main.query_one(InitiativeTable)
        for n in range(8):
            if way != "none":
                other.edit(ids[n], Change(note=f"note {n}"), "bo", "cli")
                if way == "full":  # as after a sync: everything read again, on the worker
                    app.main.outside.read_all()
                else:
                    app.main.refresh_from_database()
            painted.clear()
            painted["row"] = table.cursor_row + (1 if n % 2 == 0 else -1)
            start = time.perf_counter()
            await pilot.press("j" if n % 2 == 0 else "k")
            while "at" not in painted and time.perf_counter() - start < 10:
                await asyncio.sleep(0.001)
            times.append(painted["at"] - start)
            await app.workers.wait_for_complete()
    print(statistics.median(times))

asyncio.run(main(sys.argv[1], sys.argv[2], sys.argv[3]))
"""


def floor_time(db: Path) -> float:
    return time_command([PYTHON, "-c", FLOOR, str(db)])


def in_process(probe: str, *args) -> float:
    out = subprocess.run([PYTHON, "-c", probe, *map(str, args)], cwd=ROOT, check=True,
                         capture_output=True, text=True).stdout
    return float(out.strip().splitlines()[-1])


# -- the table -------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--quick", action="store_true", help="3 rounds; for a first look")
    parser.add_argument("--record", action="store_true", help="append to bench/RESULTS.md")
    options = parser.parse_args()
    repeat = 3 if options.quick else options.repeat
    # Measure tracker as installed: with its bytecode. Some machines set
    # PYTHONDONTWRITEBYTECODE, which would make every start compile our modules
    # while the baselines' libraries come precompiled.
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    subprocess.run([PYTHON, "-m", "compileall", "-q", str(ROOT / "tracker")], check=True)

    rows = []
    load_before = os.getloadavg()[0]  # a shared machine: how busy it was, said with the figures
    with tempfile.TemporaryDirectory() as folder:
        ws = Workspace(Path(folder), [10, 1000, 10000, 100_000])
        big, small, huge = ws.plans[10000], ws.plans[10], ws.plans[100_000]
        for plan in (ws.bundled, big, small, huge):
            ws.synced_db(plan)
        bare = [PYTHON, str(ws.bare)]
        title = b"Praksisplan for almen"

        s = interleaved(repeat,
                        base=lambda: time_until_screen(bare, b"Baseline initiative"),
                        ours=lambda: time_until_screen(ws.tracker(ws.bundled), title))
        base_t, ours_t = [x[0] for x in s["base"]], [x[0] for x in s["ours"]]
        rows.append(("B1", "TUI cold start to first frame, bundled plan", "bare Textual app",
                     base_t, ours_t, 1.2))

        s = interleaved(repeat,
                        base=lambda: time_until_screen(bare, b"Baseline initiative"),
                        ours=lambda: time_until_screen(ws.tracker(big), b"Syntetisk plan"))
        base_t, ours_t = [x[0] for x in s["base"]], [x[0] for x in s["ours"]]
        base_rss, ours_rss = [x[1] / 1024 for x in s["base"]], [x[1] / 1024 for x in s["ours"]]
        rows.append(("B2", "TUI cold start, 10,000 initiatives", "bare Textual app",
                     base_t, ours_t, 1.3))
        rows.append(("B7", "peak RSS of the TUI, 10,000 initiatives (MiB)", "bare Textual app",
                     base_rss, ours_rss, 2.0))

        s = interleaved(repeat,
                        base=lambda: time_until_screen(bare, b"Baseline initiative"),
                        ours=lambda: time_until_screen(ws.tracker(huge), b"Syntetisk plan"))
        rows.append(("B2", "TUI cold start, 100,000 initiatives", "bare Textual app",
                     [x[0] for x in s["base"]], [x[0] for x in s["ours"]], 1.5))
        # Memory 3 s after the first frame: the whole list has been read by then.
        s = interleaved(max(3, repeat // 2),
                        base=lambda: time_until_screen(bare, b"Baseline initiative", settle=3),
                        ours=lambda: time_until_screen(ws.tracker(huge), b"Syntetisk plan",
                                                       settle=3))
        rows.append(("B9", "peak RSS of the TUI, 100,000 initiatives, 3 s after start (MiB)",
                     "bare Textual app", [x[1] / 1024 for x in s["base"]],
                     [x[1] / 1024 for x in s["ours"]], 2.0))

        s = interleaved(max(3, repeat // 2),
                        base=lambda: edit_time(ws, small), ours=lambda: edit_time(ws, big))
        base_t, ours_t = s["base"], s["ours"]
        rows.append(("B3", "status edit in the TUI, key to repainted cell, 10,000",
                     "the same at 10 initiatives", base_t, ours_t, 1.5, 0.050))

        s = interleaved(max(3, repeat // 2), base=lambda: locked_key_time(ws, small, False),
                        ours=lambda: locked_key_time(ws, small, True))
        rows.append(("B8", "key to repaint while another process holds the write lock",
                     "the same key, no lock", s["base"], s["ours"], 1.5, 0.100))

        # B4/B5 time the operation inside one interpreter (imports excluded on both sides).
        s = interleaved(repeat, base=lambda: in_process(LOAD_PROBE, big),
                        ours=lambda: in_process(SYNC_PROBE, big, ws.folder / "fresh.db"))
        rows.append(("B4", "full sync of 10,000 initiatives into an empty DB",
                     "yaml.load(CSafeLoader) of the file", s["base"], s["ours"],
                     1.3))
        s = interleaved(repeat,
                        base=lambda: in_process(SYNC_PROBE, big, ws.folder / "fresh.db"),
                        ours=lambda: in_process(RESYNC_PROBE, big, big.with_suffix(".db")))
        rows.append(("B5", "sync of an unchanged plan (hash match)", "the full sync of B4",
                     s["base"], s["ours"], 0.05))

        imports = "import sqlite_utils, yaml"
        s = interleaved(repeat, base=lambda: time_python(imports),
                        ours=lambda: time_command(ws.tracker(big, "sync")))
        rows.append(("B5", "`tracker sync` of an unchanged plan, 10,000, whole process",
                     "python -c 'import sqlite_utils, yaml'", s["base"],
                     s["ours"], 1.2))
        # (today's export: a past --date is the day as the history tells it, row B10)
        # The floor of a whole-plan command: a plain sqlite3 → markdown script.
        for name in ("export", "list"):
            s = interleaved(repeat, base=lambda: floor_time(big.with_suffix(".db")),
                            ours=lambda: time_command(ws.tracker(big, name)))
            rows.append(("B6", f"`tracker {name}`, 10,000 initiatives, whole process",
                         "a plain sqlite3 → markdown script", s["base"], s["ours"], 1.5))
        # The YAML parse of the plan as a whole process: what validating and syncing a
        # file cannot do without.
        parse = f"import yaml; yaml.load(open({str(big)!r}, encoding='utf-8'), " \
            "Loader=yaml.CSafeLoader)"
        fresh_cache = iter(range(10**6))
        s = interleaved(repeat, base=lambda: time_python(parse),
                        ours=lambda: time_command(["env", "XDG_CACHE_HOME=" + str(
                            ws.folder / f"cache-p{next(fresh_cache)}")]
                            + ws.tracker(big, "validate")))
        rows.append(("B12", "`tracker validate`, 10,000, a file not validated before",
                     "python -c 'yaml.load(file, CSafeLoader)'", s["base"], s["ours"], 1.0))
        # A one-line change of the plan (a title), synced: each round flips it back.
        texts = [big.read_text(encoding="utf-8")]
        texts.append(texts[0].replace("short: Indsats 1\n", "short: Indsats 1 (ny titel)\n", 1))
        turn = iter(range(10**6))

        def one_line_sync() -> float:
            big.write_text(texts[(next(turn) + 1) % 2], encoding="utf-8")
            return time_command(ws.tracker(big, "sync"))

        s = interleaved(repeat, base=lambda: time_python(parse), ours=one_line_sync)
        big.write_text(texts[0], encoding="utf-8")
        time_command(ws.tracker(big, "sync"))
        rows.append(("B12", "`tracker sync` after a one-line change, 10,000, whole process",
                     "python -c 'yaml.load(file, CSafeLoader)'", s["base"], s["ours"], 1.2))
        s = interleaved(max(3, repeat // 2),
                        base=lambda: peak_rss_mb(ws.tracker(huge, "export")),
                        ours=lambda: peak_rss_mb(ws.tracker(huge, "export", "--format",
                                                            "json")))
        rows.append(("B13", "peak RSS of `export --format json`, 100,000 (MiB)",
                     "`export` (markdown) of the same", s["base"], s["ours"], 2.0))
        # Keys while the screen takes in another person's edit, at 100,000.
        for way, what in (("changed", "the rows that changed read again"),
                          ("full", "everything read again on the worker (a sync)")):
            s = interleaved(max(3, repeat // 2),
                            base=lambda: in_process(KEYS_DURING_REFRESH_PROBE, huge,
                                                    huge.with_suffix(".db"), "none"),
                            ours=lambda way=way: in_process(KEYS_DURING_REFRESH_PROBE, huge,
                                                            huge.with_suffix(".db"), way))
            rows.append(("B14", f"key to repaint during an outside edit, 100,000: {what}",
                         "the same key, no edit", s["base"], s["ours"], None, 0.050))
        # Another person's edit shown in an open TUI: the rows that changed read again,
        # against reading the whole list again (what every tab did before).
        s = interleaved(max(3, repeat // 2),
                        base=lambda: in_process(REFRESH_PROBE, big, big.with_suffix(".db"),
                                                "full", 5),
                        ours=lambda: in_process(REFRESH_PROBE, big, big.with_suffix(".db"),
                                                "changed", 5))
        rows.append(("B11", "an outside edit shown in an open TUI, 10,000, CPU per edit",
                     "reading the whole list again", s["base"], s["ours"], 0.5, 0.010))
        for name, args in (("export", ["export"]), ("list", ["list"]),
                           ("validate", ["validate"])):
            s = interleaved(repeat, base=lambda: time_python(imports),
                            ours=lambda: time_command(ws.tracker(big, *args)))
            rows.append(("B6", f"`tracker {name}`, 10,000 initiatives, whole process",
                         "python -c 'import sqlite_utils, yaml'", s["base"],
                         s["ours"], 1.5))
        # The row above validates a file it has validated before (the remembered
        # answer, as on a pre-commit hook's every commit); this one a file never seen.
        fresh = iter(range(10**6))
        s = interleaved(repeat, base=lambda: time_python(imports),
                        ours=lambda: time_command(["env", "XDG_CACHE_HOME=" + str(
                            ws.folder / f"cache-{next(fresh)}")] + ws.tracker(big, "validate")))
        rows.append(("B6", "`tracker validate`, 10,000, a file not validated before",
                     "python -c 'import sqlite_utils, yaml'", s["base"],
                     s["ours"], 1.5))

        # The documents as files a chair sends (issue "Papers the committee can receive").
        with_docx = "import sqlite_utils, yaml, docx"
        for suffix in ("html", "docx"):
            target = ws.folder / f"status.{suffix}"
            s = interleaved(repeat, base=lambda: time_python(with_docx),
                            ours=lambda: time_command(ws.tracker(big, "export", "-o",
                                                                 str(target))))
            rows.append(("B10", f"`tracker export -o status.{suffix}`, 10,000, whole process",
                         "python -c 'import sqlite_utils, yaml, docx'", s["base"],
                         s["ours"], 2.0))
        today = dt.date.today().isoformat()
        db = big.with_suffix(".db")
        s = interleaved(repeat, base=lambda: in_process(REPORT_PROBE, db, today, "live"),
                        ours=lambda: in_process(REPORT_PROBE, db, today, "as-of"))
        rows.append(("B10", "the status report as of a day (rebuilt from the history), "
                     "10,000, in process", "the same report from today's values",
                     s["base"], s["ours"], 2.0))

    table = render(rows, repeat, (load_before, os.getloadavg()[0]))
    print(table)
    if options.record:
        with open(ROOT / "bench" / "RESULTS.md", "a", encoding="utf-8") as f:
            f.write(table + "\n")


def render(rows, repeat: int, load: tuple[float, float]) -> str:
    """Each row: the medians, their ratio, and the spread (min–max) of each side."""
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    lines = [f"## {dt.datetime.now().strftime('%Y-%m-%d %H:%M')} — {machine}, "
             f"median (min–max) of {repeat} interleaved rounds; load average "
             f"{load[0]:.2f} before, {load[1]:.2f} after", "",
             "| # | what | baseline | baseline | ours | ratio | target | met |",
             "|---|---|---|---:|---:|---:|---:|---|"]
    for row in rows:
        code, what, base_name, base, ours, target = row[:6]
        absolute = row[6] if len(row) > 6 else None
        base_m, ours_m = _mid(base), _mid(ours)
        ratio = ours_m / base_m if base_m else float("inf")
        # (a target may be absolute only: None for the ratio)
        met = (target is None or ratio <= target) and (absolute is None or ours_m <= absolute)
        unit = "" if code in ("B7", "B9", "B13") else " s"
        target_text = ", ".join(([f"≤ {target}×"] if target is not None else [])
                                + ([f"≤ {absolute * 1000:.0f} ms"] if absolute else []))
        lines.append(f"| {code} | {what} | {base_name} | {_spread(base, unit)} | "
                     f"{_spread(ours, unit)} | {ratio:.2f}× | {target_text} | "
                     f"{'yes' if met else 'NO'} |")
    return "\n".join(lines) + "\n"


def _mid(values) -> float:
    return median(values) if isinstance(values, list) else values


def _spread(values, unit: str) -> str:
    if not isinstance(values, list):
        return f"{values:.3f}{unit}"
    return f"{median(values):.3f}{unit} ({min(values):.3f}–{max(values):.3f})"


if __name__ == "__main__":
    main()
