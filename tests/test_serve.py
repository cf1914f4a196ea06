"""`tracker serve`: the same app in a web browser, through textual-serve."""

import asyncio
import shutil
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from .conftest import ROOT


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server(plan_file, tmp_path):
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "tracker", "--plan", str(plan_file), "--user",
                             "web", "serve", "--port", str(port)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as page:
                if page.status == 200:
                    break
        except OSError:
            time.sleep(0.2)
    else:
        proc.kill()
        pytest.fail(f"tracker serve did not answer: {proc.stdout.read()}")
    yield url
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


def test_serve_listens_on_loopback_by_default():
    from click.testing import CliRunner

    from tracker.cli import main

    option = next(p for p in main.commands["serve"].params if p.name == "host")
    assert option.default == "127.0.0.1"
    assert CliRunner().invoke(main, ["serve", "--help"]).exit_code == 0


def test_the_app_runs_over_the_websocket(server):
    import aiohttp

    async def read_screen() -> bytes:
        seen = b""
        async with aiohttp.ClientSession() as session:
            async with session.ws_connect(f"{server}/ws?width=120&height=40") as ws:
                deadline = time.monotonic() + 30
                while time.monotonic() < deadline and b"Praksisplan" not in seen:
                    try:
                        message = await ws.receive(timeout=5)
                    except asyncio.TimeoutError:
                        continue
                    if message.type == aiohttp.WSMsgType.BINARY:
                        seen += message.data
                    elif message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED):
                        break
        return seen

    screen = asyncio.run(read_screen())
    assert b"Praksisplan" in screen and b"Objectives" in screen


def test_headless_chromium_sees_the_plan(server, tmp_path):
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        pytest.skip("Chromium is not installed (Debian's package 'chromium'; .ci/run installs "
                    "it when it can)")
    result = subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
         "--no-first-run", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", f"--user-data-dir={tmp_path / 'profile'}",
         "--virtual-time-budget=10000", "--dump-dom", server],
        capture_output=True, text=True, timeout=120)
    # textual-serve's page names the app (our plan's title) until the user starts it;
    # test_the_app_runs_over_the_websocket shows the app itself behind it.
    assert "Praksisplan for almen praksis 2022-2025" in result.stdout, result.stderr[-2000:]
    assert "<script>alert" not in result.stdout
