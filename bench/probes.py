"""The scripts the benchmark runs in a fresh interpreter (`measure.in_process`): each
prints the one figure it measured. And the floor of a whole-plan command: a plain
sqlite3 script, no tracker."""

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
