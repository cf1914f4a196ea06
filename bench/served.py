"""Served mode with the whole group at once: N browser tabs opened together over
real websockets, then one outside edit that every tab must show.

    python -m bench.served [--tabs 40] [--warm 0 40] [--plan-size 10000]

For each --warm value it starts `tracker serve --warm W`, opens the tabs at the
same moment (as forty members would after the chair's e-mail), and reports the
time each waited for its first screen (median and worst). With the tabs open, a
`tracker set` from another process puts one initiative on hold; each tab's time
until "on hold" is on its screen is reported the same way.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import aiohttp

from .synthetic import plan_text

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Tab:
    def __init__(self):
        self.seen = b""
        self.first: float | None = None
        self.edit_seen: float | None = None


async def open_tab(session, url: str, tab: Tab, start: float, wanted: asyncio.Event,
                   edited_at: list[float], done: asyncio.Event) -> None:
    async with session.ws_connect(f"{url}/ws?width=120&height=40",
                                  headers={"Origin": url}, max_msg_size=0) as ws:
        while not done.is_set():
            try:
                message = await ws.receive(timeout=0.5)
            except asyncio.TimeoutError:
                continue
            if message.type != aiohttp.WSMsgType.BINARY:
                if message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED):
                    return
                continue
            tab.seen += message.data
            if tab.first is None and b"Syntetisk plan" in tab.seen:
                tab.first = time.perf_counter() - start
                tab.seen = b""
            if edited_at and tab.edit_seen is None and b"on hold" in tab.seen:
                tab.edit_seen = time.perf_counter() - edited_at[0]
            tab.seen = tab.seen[-4096:]


async def run(url: str, tabs: int, plan: Path, db: Path) -> tuple[list[float], list[float]]:
    found = [Tab() for _ in range(tabs)]
    done, wanted, edited_at = asyncio.Event(), asyncio.Event(), []
    connector = aiohttp.TCPConnector(limit=0)
    async with aiohttp.ClientSession(connector=connector) as session:
        start = time.perf_counter()
        tasks = [asyncio.create_task(open_tab(session, url, t, start, wanted, edited_at, done))
                 for t in found]
        deadline = time.perf_counter() + 120
        while time.perf_counter() < deadline and any(t.first is None for t in found):
            await asyncio.sleep(0.05)
        await asyncio.sleep(2)  # every tab has read its whole list
        edited_at.append(time.perf_counter())
        edit = await asyncio.create_subprocess_exec(
            PYTHON, "-m", "tracker", "--plan", str(plan), "--db", str(db), "--user", "bo",
            "set", "indsats-00001", "--status", "on_hold", stdout=asyncio.subprocess.DEVNULL)
        await edit.wait()
        deadline = time.perf_counter() + 30
        while time.perf_counter() < deadline and any(t.edit_seen is None for t in found):
            await asyncio.sleep(0.02)
        done.set()
        await asyncio.gather(*tasks, return_exceptions=True)
    firsts = [t.first if t.first is not None else float("inf") for t in found]
    edits = [t.edit_seen if t.edit_seen is not None else float("inf") for t in found]
    return firsts, edits


def serve(plan: Path, db: Path, port: int, warm: int, tabs: int, log: Path):
    out = open(log, "w", encoding="utf-8")
    proc = subprocess.Popen([PYTHON, "-m", "tracker", "--plan", str(plan), "--db", str(db),
                             "--user", "web", "--lang", "en", "serve", "--port", str(port),
                             "--warm", str(warm), "--max-sessions", str(max(tabs, 40))],
                            cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            urllib.request.urlopen(url, timeout=2).close()
            break
        except OSError:
            time.sleep(0.1)
    return proc, url


def spread(values: list[float]) -> str:
    return (f"median {statistics.median(values):.2f} s, worst {max(values):.2f} s "
            f"(best {min(values):.2f} s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tabs", type=int, default=40)
    parser.add_argument("--warm", type=int, nargs="+", default=[0, 40])
    parser.add_argument("--plan-size", type=int, default=10000)
    options = parser.parse_args()
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    # (the tabs' processes may still be closing their database files as it is removed)
    with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as folder:
        plan = Path(folder) / "plan.yaml"
        plan.write_text(plan_text(options.plan_size), encoding="utf-8")
        base = Path(folder) / "plan.db"
        subprocess.run([PYTHON, "-m", "tracker", "--plan", str(plan), "--db", str(base),
                        "sync"], check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
        print(f"{options.tabs} tabs at once, {options.plan_size} initiatives, "
              f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}")
        for warm in options.warm:
            db = Path(folder) / f"warm-{warm}.db"
            shutil.copy(base, db)
            proc, url = serve(plan, db, free_port(), warm, options.tabs,
                              Path(folder) / f"serve-{warm}.log")
            try:
                time.sleep(2 + 0.4 * warm)  # the pool fills (one at a time)
                firsts, edits = asyncio.run(run(url, options.tabs, plan, db))
            finally:
                proc.terminate()
                proc.wait(timeout=20)
                time.sleep(2)  # its tabs end with it; the next run starts on a quiet machine
            print(f"--warm {warm}: first screen {spread(firsts)}; "
                  f"an outside edit on every tab {spread(edits)}")


if __name__ == "__main__":
    main()
