"""`tracker serve`: the same app in a web browser, through textual-serve, safe to
share: only from its own page, each person by name behind a proxy."""

import asyncio
import contextlib
import json
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from .conftest import ROOT

aiohttp = pytest.importorskip("aiohttp")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Served:
    def __init__(self, proc, url, db, output):
        self.proc, self.url, self.db, self.output = proc, url, db, output

    @property
    def origin(self) -> str:
        return self.url

    def log(self) -> str:
        return self.output.read_text(encoding="utf-8", errors="replace")


@contextlib.contextmanager
def serving(plan_file, tmp_path, *args, host="127.0.0.1", lang="en"):
    port = free_port()
    output = tmp_path / f"serve-{port}.log"
    with open(output, "w", encoding="utf-8") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "tracker", "--plan", str(plan_file), "--user", "web",
             "--lang", lang, "serve", "--host", host, "--port", str(port), *args],
            cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    served = Served(proc, url, plan_file.with_suffix(".db"), output)
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(url, timeout=2):
                    break
            except urllib.error.HTTPError:
                break  # it answers (a refusal is an answer)
            except OSError:
                time.sleep(0.2)
        else:
            pytest.fail(f"tracker serve did not answer: {served.log()}")
        yield served
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def audit_rows(db) -> list[tuple]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT who, field, new FROM audit WHERE source = 'tui'").fetchall()
    finally:
        conn.close()


async def run_session(url: str, headers: dict, keys: list[str] = (), wait_for: bytes = b"",
                      then=None) -> bytes:
    """Open the app's websocket as a browser tab would, wait for the screen, type keys;
    `then(session, seen)` runs while the tab is still open (a download needs it)."""
    seen = b""
    async with aiohttp.ClientSession() as session:
        async with session.ws_connect(f"{url}/ws?width=120&height=40", headers=headers) as ws:
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline and b"Praksisplan" not in seen:
                seen += await receive(ws)
            await asyncio.sleep(0.5)
            for key in keys:
                await ws.send_str(json.dumps(["stdin", key]))
                await asyncio.sleep(0.3)
            deadline = time.monotonic() + 10
            while wait_for and time.monotonic() < deadline and wait_for not in seen:
                seen += await receive(ws)
            if then is not None:
                await then(session, seen)
    return seen


async def receive(ws) -> bytes:
    try:
        message = await ws.receive(timeout=2)
    except asyncio.TimeoutError:
        return b""
    if message.type == aiohttp.WSMsgType.BINARY:
        return message.data
    if message.type == aiohttp.WSMsgType.TEXT:  # the front-end's messages, e.g. a download
        return b"\n" + message.data.encode() + b"\n"
    if message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED):
        raise ConnectionError("the app closed")
    return b""


NOTE_KEYS = ["n", "Hej fra browseren", "\x13"]  # n, the text, ctrl+s


def wait_for_note(db, seconds: float = 15) -> list[tuple]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        rows = [r for r in audit_rows(db) if r[1] == "note"]
        if rows:
            return rows
        time.sleep(0.2)
    return []


def test_serve_listens_on_loopback_by_default():
    from click.testing import CliRunner

    from tracker.cli import main

    option = next(p for p in main.get_command(None, "serve").params if p.name == "host")
    assert option.default == "127.0.0.1"
    assert CliRunner().invoke(main, ["serve", "--help"]).exit_code == 0


def test_the_app_runs_over_the_websocket_from_its_own_page(plan_file, tmp_path):
    with serving(plan_file, tmp_path) as served:
        screen = asyncio.run(run_session(served.url, {"Origin": served.origin}, NOTE_KEYS))
        assert b"Praksisplan" in screen and b"Objectives" in screen
        assert wait_for_note(served.db) == [("web", "note", "Hej fra browseren")]
        assert "Every browser session edits as web" in served.log()


@pytest.mark.parametrize("headers", [{"Origin": "https://evil.example"}, {},
                                     {"Origin": "http://127.0.0.1:1"}])
def test_a_foreign_origin_is_refused_before_an_app_starts(plan_file, tmp_path, headers):
    with serving(plan_file, tmp_path) as served:
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            asyncio.run(run_session(served.url, headers, NOTE_KEYS))
        assert refused.value.status == 403
        time.sleep(1)
        assert audit_rows(served.db) == []
        assert "refused GET /ws" in served.log()


def test_a_foreign_host_name_is_refused(plan_file, tmp_path):
    """DNS rebinding: a page at evil.example:PORT whose name resolves to 127.0.0.1."""
    with serving(plan_file, tmp_path) as served:
        port = served.url.rsplit(":", 1)[1]
        request = urllib.request.Request(served.url, headers={"Host": f"evil.example:{port}"})
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request, timeout=5)
        assert refused.value.code == 403
        with urllib.request.urlopen(f"http://localhost:{port}", timeout=5) as page:
            assert f"ws://localhost:{port}/ws".encode() in page.read()


def test_each_person_is_named_by_the_proxy_header(plan_file, tmp_path):
    with serving(plan_file, tmp_path, "--user-header", "Remote-User") as served:
        own = {"Origin": served.origin}
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            asyncio.run(run_session(served.url, own, NOTE_KEYS))
        assert refused.value.status == 403
        with pytest.raises(aiohttp.WSServerHandshakeError):
            asyncio.run(run_session(served.url, {**own, "Remote-User": "a" * 300}))
        assert audit_rows(served.db) == []
        asyncio.run(run_session(served.url, {**own, "Remote-User": "anna"}, NOTE_KEYS))
        assert wait_for_note(served.db) == [("anna", "note", "Hej fra browseren")]
        assert "runs as the person the proxy names in the Remote-User header" in served.log()


@pytest.mark.parametrize("lang, words", [("en", "warning: listening on 0.0.0.0"),
                                         ("da", "advarsel: lytter på 0.0.0.0")])
def test_listening_beyond_this_machine_warns(plan_file, tmp_path, lang, words):
    with serving(plan_file, tmp_path, host="0.0.0.0", lang=lang) as served:
        assert words in served.log()
        assert "--public-url" in served.log()


def test_bad_serve_options_are_one_clear_message(plan_file):
    from click.testing import CliRunner

    from tracker.cli import main

    runner = CliRunner()
    base = ["--plan", str(plan_file), "serve"]
    bad_url = runner.invoke(main, base + ["--public-url", "tracker.example.org"])
    assert bad_url.exit_code == 1 and "like https://tracker.example.org" in bad_url.output
    bad_header = runner.invoke(main, base + ["--user-header", "Remote User"])
    assert bad_header.exit_code == 1 and "header name like Remote-User" in bad_header.output


def export_keys(typed: str) -> list[str]:
    return ["e", "\x15" * 3, typed, "\r"]  # e, clear the path (ctrl+u), type, enter


def test_served_export_is_delivered_to_the_browser(plan_file, tmp_path):
    """`e` in a browser writes the report in the reports folder on the server and
    sends it as a download."""
    downloaded = {}

    async def download(session, seen):
        key = json.loads(b"[" + seen.split(b'["deliver_file_start"', 1)[1].split(b"\n")[0]
                         .lstrip(b","))[0]
        async with session.get(f"{served.url}/download/{key}") as response:
            downloaded["disposition"] = response.headers["Content-Disposition"]
            downloaded["text"] = await response.text()

    with serving(plan_file, tmp_path) as served:
        asyncio.run(run_session(served.url, {"Origin": served.origin}, export_keys("rapport"),
                                wait_for=b'["deliver_file_start"', then=download))
        target = served.db.with_name(f"{served.db.stem}-reports") / "rapport.md"
        assert "rapport.md" in downloaded["disposition"]
        assert downloaded["text"] == target.read_text(encoding="utf-8")
        assert downloaded["text"].startswith("# Status as of ")


@pytest.mark.parametrize("typed", ["{tmp}/owned.md", "../owned.md", "sub/owned.md", "..",
                                   "{db}"])
def test_a_browser_user_never_chooses_a_path_on_the_server(plan_file, tmp_path, typed):
    """Served, the export dialog takes a plain file name only: an absolute path,
    `..`, another folder or the server's own database are refused, nothing written."""
    with serving(plan_file, tmp_path) as served:
        before = served.db.read_bytes()
        typed = typed.format(db=served.db, tmp=tmp_path)
        seen = asyncio.run(run_session(served.url, {"Origin": served.origin},
                                       export_keys(typed), wait_for=b"not a plain file name"))
        assert b"not a plain file name" in seen
        assert b"deliver_file_start" not in seen
        assert served.db.read_bytes() == before
        assert list(tmp_path.rglob("owned.md")) == []
        reports = served.db.with_name(f"{served.db.stem}-reports")
        assert not reports.exists() or list(reports.iterdir()) == []


# -- a real browser, behind a proxy that logs people in -------------------------------


class DevTools:
    """Just enough of the Chrome DevTools Protocol to load a page and type into it."""

    def __init__(self, ws):
        self.ws, self.next_id = ws, 0

    async def call(self, method: str, **params):
        self.next_id += 1
        await self.ws.send_json({"id": self.next_id, "method": method, "params": params})
        while True:
            message = json.loads((await self.ws.receive(timeout=30)).data)
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(message["error"])
                return message.get("result", {})

    async def evaluate(self, expression: str):
        result = await self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        return result.get("result", {}).get("value")

    async def key(self, key: str, code: str, keycode: int, modifiers: int = 0, text: str = ""):
        for kind in ("keyDown", "keyUp"):
            await self.call("Input.dispatchKeyEvent", type=kind, key=key, code=code,
                            windowsVirtualKeyCode=keycode, modifiers=modifiers,
                            **({"text": text} if kind == "keyDown" and text else {}))
        await asyncio.sleep(0.2)


def start_chromium(tmp_path):
    import shutil

    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        pytest.skip("Chromium is not installed (Debian's package 'chromium'; .ci/run installs "
                    "it when it can)")
    profile = tmp_path / "profile"
    proc = subprocess.Popen(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--remote-debugging-port=0", f"--user-data-dir={profile}", "--window-size=1400,1000",
         "about:blank"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    port_file = profile / "DevToolsActivePort"
    while time.monotonic() < deadline and not port_file.exists():
        time.sleep(0.1)
    time.sleep(0.3)
    return proc, int(port_file.read_text().split()[0])


def test_a_browser_behind_a_login_proxy_edits_as_that_person(plan_file, tmp_path):
    proxy_port = free_port()
    public = f"http://127.0.0.1:{proxy_port}"
    with serving(plan_file, tmp_path, "--public-url", public,
                 "--user-header", "Remote-User") as served:
        proxy = subprocess.Popen([sys.executable, "-m", "tests.helpers.proxy", str(proxy_port),
                                  served.url, "anna"], cwd=ROOT)
        chromium, devtools_port = start_chromium(tmp_path)
        try:
            asyncio.run(drive_browser(public, devtools_port,
                                      landed=lambda: bool(wait_for_note(served.db, 8))))
            notes = wait_for_note(served.db, seconds=5)
        finally:
            chromium.kill()
            proxy.kill()
            chromium.wait()
            proxy.wait()
        assert notes == [("anna", "note", "Hej fra browseren")], served.log()
        assert "app started for anna" in served.log()


async def drive_browser(url: str, devtools_port: int, landed) -> None:
    """Open the page, then type a note; keys sent before the app listens are lost,
    so the typing is tried again (up to three times) until the note has landed."""
    async with aiohttp.ClientSession() as session:
        deadline = time.monotonic() + 20
        while True:
            try:
                async with session.get(f"http://127.0.0.1:{devtools_port}/json/list") as r:
                    pages = [p for p in await r.json() if p["type"] == "page"]
                break
            except aiohttp.ClientError:
                if time.monotonic() > deadline:
                    raise
                await asyncio.sleep(0.2)
        async with session.ws_connect(pages[0]["webSocketDebuggerUrl"], max_msg_size=0) as ws:
            tab = DevTools(ws)
            await tab.call("Page.enable")
            await tab.call("Page.navigate", url=url)
            deadline = time.monotonic() + 40
            while not await tab.evaluate(
                    "document.body && document.body.classList.contains('-first-byte')"):
                assert time.monotonic() < deadline, "the app never drew in the browser"
                await asyncio.sleep(0.3)
            for _ in range(3):
                await asyncio.sleep(2)  # the app's first screen
                await tab.evaluate("document.querySelector('.xterm-helper-textarea').focus()")
                await tab.key("n", "KeyN", 78, text="n")
                await asyncio.sleep(1)
                await tab.call("Input.insertText", text="Hej fra browseren")
                await asyncio.sleep(0.5)
                await tab.key("s", "KeyS", 83, modifiers=2)  # ctrl+s saves the note
                if await asyncio.to_thread(landed):
                    return


# -- doors of the served mode ---------------------------------------------------------


def descendants_rss_mb(pid: int) -> list[float]:
    """The resident memory of every process below `pid` (the tabs' apps)."""
    found, todo = [], [pid]
    while todo:
        parent = todo.pop()
        try:
            children = Path(f"/proc/{parent}/task/{parent}/children").read_text().split()
        except OSError:
            continue
        for child in map(int, children):
            todo.append(child)
            try:
                status = Path(f"/proc/{child}/status").read_text()
            except OSError:
                continue
            rss = [line for line in status.splitlines() if line.startswith("VmRSS:")]
            if rss:
                found.append(int(rss[0].split()[1]) / 1024)
    return found


def test_a_resize_is_kept_to_a_real_screen_size(plan_file, tmp_path):
    """One ["resize", 30000×30000] grew a tab's process to gigabytes, past the tab's
    end, and stopped SIGTERM from ending the server."""
    async def huge(session, seen):
        pass

    async def session_with_resize(url):
        async with aiohttp.ClientSession() as session:
            async with session.ws_connect(f"{url}/ws?width=120&height=40",
                                          headers={"Origin": url}) as ws:
                seen = b""
                deadline = time.monotonic() + 30
                while time.monotonic() < deadline and b"Praksisplan" not in seen:
                    seen += await receive(ws)
                await ws.send_str(json.dumps(["resize", {"width": 30000, "height": 30000}]))
                await ws.send_str("not json")
                await ws.send_str(json.dumps(["resize", {"width": "x"}]))
                await ws.send_str("[" * 100_000 + "]" * 100_000)  # too deep for json
                deadline = time.monotonic() + 6
                while time.monotonic() < deadline:
                    seen += await receive(ws)
                for key in NOTE_KEYS:  # the tab still answers
                    await ws.send_str(json.dumps(["stdin", key]))
                    await asyncio.sleep(0.3)
                await asyncio.sleep(1)
                return descendants_rss_mb(served.proc.pid)

    with serving(plan_file, tmp_path) as served:
        sizes = asyncio.run(session_with_resize(served.url))
        assert sizes and max(sizes) < 400, sizes
        assert wait_for_note(served.db) == [("web", "note", "Hej fra browseren")]
        assert "Traceback" not in served.log() and "RecursionError" not in served.log()
        served.proc.terminate()
        assert served.proc.wait(timeout=15) is not None


@pytest.mark.parametrize("headers", [{"Host": "127.0.0.1:abc"}, {"Host": "[::1"}])
def test_a_host_that_cannot_be_read_is_refused_in_one_line(plan_file, tmp_path, headers):
    with serving(plan_file, tmp_path) as served:
        request = urllib.request.Request(served.url, headers=headers)
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request, timeout=5)
        assert refused.value.code == 403
        assert "Traceback" not in served.log() and "refused GET /" in served.log()


@pytest.mark.parametrize("origin", ["http://127.0.0.1:abc", "http://[::1", "null"])
def test_an_origin_that_cannot_be_read_is_refused_in_one_line(plan_file, tmp_path, origin):
    with serving(plan_file, tmp_path) as served:
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            asyncio.run(run_session(served.url, {"Origin": origin}))
        assert refused.value.status == 403
        assert "Traceback" not in served.log() and "refused GET /ws" in served.log()


def test_exposed_without_a_public_url_only_its_address_drives_it(plan_file, tmp_path):
    """--host 0.0.0.0 without --public-url: a DNS name pointing here is refused."""
    with serving(plan_file, tmp_path, host="0.0.0.0") as served:
        port = served.url.rsplit(":", 1)[1]
        request = urllib.request.Request(served.url, headers={"Host": f"evil.example:{port}"})
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request, timeout=5)
        assert refused.value.code == 403
        with pytest.raises(aiohttp.WSServerHandshakeError):
            asyncio.run(run_session(served.url, {"Host": f"evil.example:{port}",
                                                 "Origin": f"http://evil.example:{port}"}))
        with urllib.request.urlopen(served.url, timeout=5) as page:  # its address works
            assert page.status == 200


def test_tabs_past_the_cap_are_told_so(plan_file, tmp_path):
    async def two_tabs(url):
        async with aiohttp.ClientSession() as session:
            async with session.ws_connect(f"{url}/ws?width=80&height=24",
                                          headers={"Origin": url}) as first:
                seen = b""
                deadline = time.monotonic() + 30
                while time.monotonic() < deadline and b"Praksisplan" not in seen:
                    seen += await receive(first)
                async with session.get(url) as page:
                    busy = (page.status, await page.text())
                with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                    async with session.ws_connect(f"{url}/ws", headers={"Origin": url}):
                        pass
                return busy, refused.value.status

    with serving(plan_file, tmp_path, "--max-sessions", "1") as served:
        (status, text), ws_status = asyncio.run(two_tabs(served.url))
        assert status == 503 and "All 1 sessions of the tracker are in use" in text
        assert ws_status == 503
        time.sleep(2)  # the first tab closed: a new one is welcome again
        with urllib.request.urlopen(served.url, timeout=5) as page:
            assert page.status == 200


def test_a_name_that_hides_characters_is_refused(plan_file, tmp_path):
    with serving(plan_file, tmp_path, "--user-header", "Remote-User") as served:
        own = {"Origin": served.origin}
        for spoof in ("\u202enna", "an\u200bna", "anna\u2066", "\u3164", "\u2800",
                      "anna\u00a0"):
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                asyncio.run(run_session(served.url, {**own, "Remote-User": spoof}))
            assert refused.value.status == 403
        assert audit_rows(served.db) == []


def test_a_name_sent_as_latin_1_bytes_is_read_as_latin_1(plan_file, tmp_path):
    """`Remote-User: J\\xf8rgen` (one byte for ø) crashed the tab on its first draw."""
    with serving(plan_file, tmp_path, "--user-header", "Remote-User") as served:
        host, port = served.url.removeprefix("http://").split(":")
        with socket.create_connection((host, int(port)), timeout=10) as conn:
            conn.sendall(
                f"GET /ws?width=100&height=30 HTTP/1.1\r\nHost: {host}:{port}\r\n"
                f"Origin: {served.url}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                .encode("ascii") + b"Remote-User: J\xf8rgen\r\n\r\n")
            seen = b""
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline and "Jørgen".encode() not in seen:
                try:
                    seen += conn.recv(65536)
                except socket.timeout:
                    break
        assert seen.startswith(b"HTTP/1.1 101"), seen[:200]
        assert "Jørgen".encode() in seen  # the app drew its first screen, naming her
        assert "app started for Jørgen" in served.log()


def test_a_port_in_use_is_one_line_before_serving(plan_file):
    from click.testing import CliRunner

    from tracker.cli import main

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(main, ["--plan", str(plan_file), "--lang", "en", "serve",
                                           "--port", str(port)])
    assert result.exit_code == 1, result.output
    assert f"cannot serve on 127.0.0.1 port {port}" in result.output
    assert "Serving" not in result.output and "Traceback" not in result.output


def test_a_warm_tab_is_the_person_the_proxy_names(plan_file, tmp_path):
    """With --warm, a tab is handed a process started before it was asked for; it
    still runs as the person the header names, and a foreign page still starts none."""
    with serving(plan_file, tmp_path, "--user-header", "Remote-User", "--warm", "2") as served:
        time.sleep(3)  # the pool fills
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            asyncio.run(run_session(served.url, {"Origin": "http://evil.example",
                                                 "Remote-User": "mallory"}, NOTE_KEYS))
        assert refused.value.status == 403
        asyncio.run(run_session(served.url, {"Origin": served.origin, "Remote-User": "anna"},
                                NOTE_KEYS))
        assert wait_for_note(served.db) == [("anna", "note", "Hej fra browseren")]
        assert "tab for anna: a warm process" in served.log()
        assert "mallory" not in [row[0] for row in audit_rows(served.db)]
