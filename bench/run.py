"""The benchmark: every figure is a ratio to a baseline measured in the same run.

    python -m bench.run [--repeat 7] [--quick] [--record]

Generates plans of 10, 1,000, 10,000 and 100,000 initiatives, runs each measurement
several times interleaved with its baseline (so a noisy neighbour hits both),
and prints medians and ratios. --record appends the table to bench/RESULTS.md.
How it measures: measure.py; the scripts it runs: probes.py.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import subprocess
import tempfile
from pathlib import Path

from .measure import (PYTHON, ROOT, Workspace, in_process, interleaved, peak_rss_mb, render,
                      time_command, time_python, time_until_screen)
from .probes import (EDIT_PROBE, FLOOR, KEYS_DURING_REFRESH_PROBE, LOAD_PROBE, LOCKED_PROBE,
                     REFRESH_PROBE, REPORT_PROBE, RESYNC_PROBE, SYNC_PROBE)


def locked_key_time(workspace: Workspace, plan: Path, locked: bool) -> float:
    db = workspace.synced_db(plan)
    return in_process(LOCKED_PROBE, plan, db, "locked" if locked else "free")


def edit_time(workspace: Workspace, plan: Path) -> float:
    db = workspace.synced_db(plan)
    out = subprocess.run([PYTHON, "-c", EDIT_PROBE, str(plan), str(db), "5"], cwd=ROOT,
                         check=True, capture_output=True, text=True).stdout
    return float(out.strip().splitlines()[-1])


def floor_time(db: Path) -> float:
    return time_command([PYTHON, "-c", FLOOR, str(db)])


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
        for name in ("export", "list"):  # and at 100,000, where the rows outweigh the start
            s = interleaved(max(3, repeat // 2),
                            base=lambda: floor_time(huge.with_suffix(".db")),
                            ours=lambda: time_command(ws.tracker(huge, name)))
            rows.append(("B6", f"`tracker {name}`, 100,000 initiatives, whole process",
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


if __name__ == "__main__":
    main()
