"""`tracker serve`: the tracker in a web browser, through textual-serve, made
safe to share.

textual-serve runs one app process per browser tab over a websocket. Its
server accepts a websocket from any web page and runs every tab as the same
user; this subclass adds what a shared server needs (and nothing else):

- the websocket (and the page) only from the page's own origin: the
  `--public-url` behind a proxy, else this server's own address; a page on
  another site, or a DNS name pointing here that isn't ours, is refused
  before an app starts, and logged;
- with `--user-header NAME`, each tab runs as the person the authenticating
  proxy names in that header; a request without it (or with a name that
  hides characters) is refused;
- every size a tab asks for is kept within bounds, and at most
  `--max-sessions` tabs run at once;
- a browser user's exports go to one reports folder (`--reports`), never to a
  path they choose (see `TrackerApp.export_target`);
- with `--warm N`, N tabs are started before anyone asks (`tui/warm.py`): a new
  tab is handed one, told then whose it is and how large its screen, and the
  pool is filled again in the background once new tabs stop coming.
"""

from __future__ import annotations

import asyncio
import ipaddress
import json
import logging
import shlex
import sys
from types import SimpleNamespace
from collections.abc import Callable
from urllib.parse import urlsplit

from aiohttp import web
from textual_serve.app_service import AppService
from textual_serve.server import Server

from .lookup import person_name

log = logging.getLogger("tracker-serve")

LOOPBACK_NAMES = ("127.0.0.1", "localhost", "[::1]")
MAX_SESSIONS = 40  # tabs at once; each is a process of ~45 MB
SIZE_LIMITS = (10, 500)  # a tab's columns and rows: a real screen, never gigabytes


def user_name(raw: str) -> str | None:
    """The person a header names, or None if it is unusable: the history's one
    rule for names (`lookup.person_name`: nothing hidden, nothing blank).

    A header sent as Latin-1 bytes (`J\\xf8rgen`) arrives as surrogate escapes;
    it is read as Latin-1, as HTTP headers historically are: "Jørgen"."""
    if any("\udc80" <= c <= "\udcff" for c in raw):
        raw = raw.encode("utf-8", "surrogateescape").decode("latin-1")
    return person_name(raw)


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def origin_of(url: str) -> str | None:
    """'https://tracker.example.org' from any URL on it (default ports dropped);
    None for one that cannot be read (`http://127.0.0.1:abc`, `[::1`)."""
    try:
        parts = urlsplit(url)
        port_number = parts.port
    except ValueError:
        return None
    default = {"http": 80, "https": 443}.get(parts.scheme)
    port = f":{port_number}" if port_number and port_number != default else ""
    host = parts.hostname or ""
    if not host:
        return None
    host = f"[{host}]" if ":" in host else host
    return f"{parts.scheme}://{host}{port}".lower()


def is_address(host: str) -> bool:
    """An IP address, not a name (DNS rebinding needs a name)."""
    try:
        ipaddress.ip_address(host.strip("[]"))
        return True
    except ValueError:
        return False


def tui_command(plan, db, user: str, lang: str, reports=None) -> str:
    """The shell command textual-serve starts for one browser tab."""
    return " ".join(shlex.quote(str(part)) for part in [
        sys.executable, "-m", "tracker", "--plan", plan, "--db", db, "--user", user,
        "--lang", lang, "tui"] + (["--reports", reports] if reports else []))


def warm_command(plan, db, lang: str, reports=None) -> list[str]:
    """The process a warm tab runs until a browser takes it (then it is the tab)."""
    return [sys.executable, "-m", "tracker.tui.warm", "--plan", str(plan), "--db", str(db),
            "--lang", lang] + (["--reports", str(reports)] if reports else [])


class WarmPool:
    """Tabs started before they are asked for, kept at `size`. It is filled again
    only once new tabs stop coming (QUIET seconds), one process every SPACING
    seconds: refills must not take the processor from a burst of tabs starting."""

    QUIET, SPACING = 2.0, 0.4

    def __init__(self, command: list[str], size: int):
        self.command, self.size = command, size
        self.ready: list[asyncio.subprocess.Process] = []
        self._filling: asyncio.Task | None = None
        self.last_taken = 0.0  # (monotonic) when a tab last took one

    def fill(self) -> None:
        if self.size and (self._filling is None or self._filling.done()):
            self._filling = asyncio.get_running_loop().create_task(self._fill())

    async def _fill(self) -> None:
        # The environment textual-serve gives every tab (its web driver); the size
        # comes with the handoff.
        environment = AppService._build_environment(SimpleNamespace(debug=False))
        loop = asyncio.get_running_loop()
        while len(self.ready) < self.size:
            quiet = self.last_taken + self.QUIET - loop.time()
            if quiet > 0:
                await asyncio.sleep(quiet)
                continue
            try:
                process = await asyncio.create_subprocess_exec(
                    *self.command, stdin=asyncio.subprocess.PIPE,
                    stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
                    env=environment)
            except OSError as error:  # no more processes: tabs start cold, as before
                log.warning("no warm tab: %s", error)
                return
            self.ready.append(process)
            await asyncio.sleep(self.SPACING)

    def take(self) -> asyncio.subprocess.Process | None:
        """A warm process still running, or None (the tab then starts cold)."""
        self.last_taken = asyncio.get_running_loop().time()
        while self.ready:
            process = self.ready.pop(0)
            if process.returncode is None:
                self.fill()
                return process
        self.fill()
        return None

    def close(self) -> None:
        if self._filling is not None:  # none started after the server stops
            self._filling.cancel()
        self.size = 0
        for process in self.ready:
            if process.returncode is None:
                process.kill()
        self.ready.clear()


class WarmAppService(AppService):
    """textual-serve's tab, started from a warm process when the pool has one."""

    def __init__(self, *args, pool: WarmPool, user: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.pool, self.user = pool, user

    async def _open_app_process(self, width: int = 80, height: int = 24):
        process = self.pool.take()
        if process is None:
            return await super()._open_app_process(width, height)
        line = json.dumps({"user": self.user, "width": width, "height": height}) + "\n"
        try:
            process.stdin.write(line.encode("utf-8"))
            await process.stdin.drain()
        except (BrokenPipeError, ConnectionResetError):  # it died waiting: start one cold
            return await super()._open_app_process(width, height)
        self._process, self._stdin = process, process.stdin
        log.info("tab for %s: a warm process", self.user)
        return process


class TrackerServer(Server):
    def __init__(self, command_for: Callable[[str | None], str], host: str, port: int,
                 title: str, public_url: str | None = None, user_header: str | None = None,
                 max_sessions: int = MAX_SESSIONS, full_page: str = "",
                 pool: WarmPool | None = None, default_user: str = ""):
        super().__init__(command_for(None), host=host, port=port, title=title,
                         public_url=public_url)
        self.command_for = command_for
        self.fixed_url = public_url  # None: pages use the address they were asked on
        self.user_header = user_header
        self.max_sessions = max_sessions
        self.sessions = 0  # tabs running now
        self.full_page = full_page  # what a tab past the cap is told, in the user's language
        self.pool = pool  # tabs started before they are asked for (--warm)
        self.default_user = default_user  # who a tab is without --user-header

    # -- who may connect ------------------------------------------------------------
    def allowed_origins(self, request: web.Request) -> set[str]:
        if self.fixed_url:
            return {origin_of(self.fixed_url)}
        if is_loopback(self.host):
            # This machine only: any loopback name on our port, nothing else (a
            # foreign DNS name resolving here is how DNS rebinding gets in).
            return {f"http://{name}:{self.port}" for name in LOOPBACK_NAMES}
        # Exposed on purpose (see the warning) without a public URL: reached by its
        # address only. A name could be anyone's DNS name pointing here.
        own = origin_of(f"http://{request.host}")
        return {own} if own and is_address(own.split("://", 1)[1].rsplit(":", 1)[0]) \
            else set()

    def refusal(self, request: web.Request, websocket: bool) -> str | None:
        """Why this request may not go on, or None."""
        allowed = self.allowed_origins(request)
        own = origin_of(f"{self.scheme(request)}://{request.host}")
        if own is None or (own not in allowed and not self.fixed_url):
            hint = "" if is_loopback(self.host) or self.fixed_url else \
                " (a name needs --public-url)"
            return f"Host {request.host!r} is not this server's address{hint}"
        if websocket:
            origin = request.headers.get("Origin", "")
            if not origin or origin_of(origin) not in allowed:
                return f"Origin {origin or '(none)'!r} is not {' or '.join(sorted(allowed))}"
            if self.user_header and self.user(request) is None:
                return f"no usable {self.user_header} header from the proxy"
        return None

    def scheme(self, request: web.Request) -> str:
        return urlsplit(self.fixed_url).scheme if self.fixed_url else request.scheme

    def user(self, request: web.Request) -> str | None:
        """The person the proxy names; None if the header is missing or unusable."""
        return user_name(request.headers.get(self.user_header or "", ""))

    def refuse(self, request: web.Request, why: str) -> web.Response:
        log.warning("refused %s %s from %s: %s", request.method, request.path,
                    request.remote, why.encode("ascii", "backslashreplace").decode())
        return web.Response(status=403, text=f"Refused: {why}.\n")

    def full(self, request: web.Request) -> web.Response:
        log.warning("refused %s %s from %s: all %d sessions in use", request.method,
                    request.path, request.remote, self.max_sessions)
        return web.Response(status=503, text=self.full_page, content_type="text/html",
                            headers={"Retry-After": "30"})

    # -- the two handlers textual-serve's pages use ------------------------------------
    async def handle_index(self, request: web.Request):
        why = self.refusal(request, websocket=False)
        if why:
            return self.refuse(request, why)
        if self.sessions >= self.max_sessions:
            return self.full(request)
        if not self.fixed_url:
            # The page connects back to the address it was loaded from, so its
            # websocket's Origin is that address. (No await here: no other
            # request can see this value.)
            self.public_url = f"{request.scheme}://{request.host}"
        return await super().handle_index(request)

    async def handle_websocket(self, request: web.Request) -> web.StreamResponse:
        why = self.refusal(request, websocket=True)
        if why:
            return self.refuse(request, why)
        if self.sessions >= self.max_sessions:
            return self.full(request)
        user = self.user(request) if self.user_header else None
        log.info("app started for %s", user or "the server's --user")
        return await self.run_app(request, self.command_for(user), user or self.default_user)

    async def run_app(self, request: web.Request, command: str,
                      user: str = "") -> web.WebSocketResponse:
        """textual-serve's own websocket handler, with this tab's command (or a warm
        process, told `user`)."""
        websocket = web.WebSocketResponse(heartbeat=15)
        width = _size(request.query.get("width"), 80)
        height = _size(request.query.get("height"), 24)
        service: AppService | None = None
        self.sessions += 1
        try:
            await websocket.prepare(request)
            parts = dict(write_bytes=websocket.send_bytes, write_str=websocket.send_str,
                         close=websocket.close, download_manager=self.download_manager,
                         debug=self.debug)
            service = WarmAppService(command, pool=self.pool, user=user, **parts) \
                if self.pool else AppService(command, **parts)
            await service.start(width, height)
            await self._process_messages(websocket, service)
        except Exception as error:  # noqa: BLE001 — one tab's failure must not stop the server
            log.exception(error)
        finally:
            self.sessions -= 1
            if service is not None:
                await service.stop()
        return websocket

    async def _process_messages(self, websocket: web.WebSocketResponse,
                                service: AppService) -> None:
        """The browser's messages to its app, each checked: a size within bounds
        (one resize of 30000×30000 grew a tab to gigabytes), text as text, and
        anything malformed dropped rather than ending the tab with a traceback."""
        async for message in websocket:
            if message.type != web.WSMsgType.TEXT:
                continue
            try:
                kind, data = json.loads(message.data)
            except (ValueError, TypeError, RecursionError):  # RecursionError: [[[[…]]]]
                continue
            if kind == "stdin" and isinstance(data, str):
                await service.send_bytes(data.encode("utf-8", "replace"))
            elif kind == "resize" and isinstance(data, dict):
                await service.set_terminal_size(_size(data.get("width"), 80),
                                                _size(data.get("height"), 24))
            elif kind == "ping":
                await websocket.send_json(["pong", data])
            elif kind == "blur":
                await service.blur()
            elif kind == "focus":
                await service.focus()

    async def on_startup(self, app: web.Application) -> None:
        # (tracker prints its own start-up lines, in the user's language)
        if self.pool is not None:
            self.pool.fill()
            app.on_shutdown.append(lambda _app: self._close_pool())

    async def _close_pool(self) -> None:
        self.pool.close()


def _size(value, default: int) -> int:
    """A tab's columns or rows, kept within SIZE_LIMITS."""
    try:
        number = int(value)
    except (TypeError, ValueError, OverflowError):
        return default
    low, high = SIZE_LIMITS
    return max(low, min(high, number))
