"""How the benchmark measures: whole processes in a pseudo-terminal or a pipe, peak
memory, probes run in a fresh interpreter, interleaved rounds, and the table with
medians, spreads and ratios. (`run.py` says what is measured.)"""

from __future__ import annotations

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


def peak_rss_mb(command: list[str]) -> float:
    """The peak memory (MiB) of one whole command, read by a wrapper process of its own
    (the children's maximum is then the command's alone)."""
    wrapper = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, "
               "stdout=subprocess.DEVNULL); "
               "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = subprocess.run([PYTHON, "-c", wrapper, *command], check=True, capture_output=True,
                         text=True, cwd=ROOT).stdout
    return int(out.strip()) / 1024


def in_process(probe: str, *args) -> float:
    """Run a probe script (bench/probes.py) in a fresh interpreter; the number it prints."""
    out = subprocess.run([PYTHON, "-c", probe, *map(str, args)], cwd=ROOT, check=True,
                         capture_output=True, text=True).stdout
    return float(out.strip().splitlines()[-1])


# -- the table -------------------------------------------------------------------------


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
