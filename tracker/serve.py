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
  proxy names in that header; a request without it is refused.
"""

from __future__ import annotations

import ipaddress
import logging
import re
import shlex
import sys
from collections.abc import Callable
from urllib.parse import urlsplit

from aiohttp import web
from textual_serve.app_service import AppService
from textual_serve.server import Server

log = logging.getLogger("tracker-serve")

LOOPBACK_NAMES = ("127.0.0.1", "localhost", "[::1]")
MAX_USER = 200
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def origin_of(url: str) -> str:
    """'https://tracker.example.org' from any URL on it (default ports dropped)."""
    parts = urlsplit(url)
    default = {"http": 80, "https": 443}.get(parts.scheme)
    port = f":{parts.port}" if parts.port and parts.port != default else ""
    host = parts.hostname or ""
    host = f"[{host}]" if ":" in host else host
    return f"{parts.scheme}://{host}{port}".lower()


def tui_command(plan, db, user: str, lang: str) -> str:
    """The shell command textual-serve starts for one browser tab."""
    return " ".join(shlex.quote(str(part)) for part in [
        sys.executable, "-m", "tracker", "--plan", plan, "--db", db, "--user", user,
        "--lang", lang, "tui"])


class TrackerServer(Server):
    def __init__(self, command_for: Callable[[str | None], str], host: str, port: int,
                 title: str, public_url: str | None = None, user_header: str | None = None):
        super().__init__(command_for(None), host=host, port=port, title=title,
                         public_url=public_url)
        self.command_for = command_for
        self.fixed_url = public_url  # None: pages use the address they were asked on
        self.user_header = user_header

    # -- who may connect ------------------------------------------------------------
    def allowed_origins(self, request: web.Request) -> set[str]:
        if self.fixed_url:
            return {origin_of(self.fixed_url)}
        if is_loopback(self.host):
            # This machine only: any loopback name on our port, nothing else (a
            # foreign DNS name resolving here is how DNS rebinding gets in).
            return {f"http://{name}:{self.port}" for name in LOOPBACK_NAMES}
        return {origin_of(f"http://{request.host}")}  # exposed on purpose, see the warning

    def refusal(self, request: web.Request, websocket: bool) -> str | None:
        """Why this request may not go on, or None."""
        allowed = self.allowed_origins(request)
        own = origin_of(f"{self.scheme(request)}://{request.host}")
        if own not in allowed and not self.fixed_url:
            return f"Host {request.host!r} is not this server's address"
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
        name = request.headers.get(self.user_header or "", "").strip()
        if not name or len(name) > MAX_USER or _CONTROL.search(name):
            return None
        return name

    def refuse(self, request: web.Request, why: str) -> web.Response:
        log.warning("refused %s %s from %s: %s", request.method, request.path,
                    request.remote, why)
        return web.Response(status=403, text=f"Refused: {why}.\n")

    # -- the two handlers textual-serve's pages use ------------------------------------
    async def handle_index(self, request: web.Request):
        why = self.refusal(request, websocket=False)
        if why:
            return self.refuse(request, why)
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
        user = self.user(request) if self.user_header else None
        log.info("app started for %s", user or "the server's --user")
        return await self.run_app(request, self.command_for(user))

    async def run_app(self, request: web.Request, command: str) -> web.WebSocketResponse:
        """textual-serve's own websocket handler, with this tab's command."""
        websocket = web.WebSocketResponse(heartbeat=15)
        width = _int(request.query.get("width"), 80)
        height = _int(request.query.get("height"), 24)
        service: AppService | None = None
        try:
            await websocket.prepare(request)
            service = AppService(command, write_bytes=websocket.send_bytes,
                                 write_str=websocket.send_str, close=websocket.close,
                                 download_manager=self.download_manager, debug=self.debug)
            await service.start(width, height)
            await self._process_messages(websocket, service)
        except Exception as error:  # noqa: BLE001 — one tab's failure must not stop the server
            log.exception(error)
        finally:
            if service is not None:
                await service.stop()
        return websocket

    async def on_startup(self, app: web.Application) -> None:
        pass  # tracker prints its own start-up lines, in the user's language


def _int(text: str | None, default: int) -> int:
    try:
        return max(10, min(1000, int(text or "")))
    except ValueError:
        return default
