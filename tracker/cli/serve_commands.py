"""The interactive tracker (`tui`) and the browser mode (`serve`).

Textual is imported only inside these commands, so every other command starts
fast (a test checks this)."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import click

from ..catalogue import t
from ..errors import TrackerError
from .shell import Settings, err, main, out


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; keep the default unless a proxy with a login is "
                   "in front (see README).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--public-url", help="The address people open, when a proxy is in front "
              "(e.g. https://tracker.example.org): pages and websockets only from there.")
@click.option("--user-header", metavar="NAME", help="Run each browser session as the person "
              "the proxy names in this request header (e.g. Remote-User); refuse requests "
              "without it. The proxy must set it and strip any the browser sends.")
@click.option("--reports", "reports", type=click.Path(path_type=Path),
              help="The folder a browser's exports are written to, each also downloaded "
                   "(default: beside the database, e.g. plans/2022-2025-reports).")
@click.option("--max-sessions", default=40, show_default=True, type=click.IntRange(1, 1000),
              help="Browser tabs at once (each runs its own tracker, ~45 MB); past it, the "
                   "page says so.")
@click.option("--warm", default=2, show_default=True, type=click.IntRange(0, 200),
              help="Tabs started before anyone asks (each ~45 MB while it waits): a new tab "
                   "that finds one shows its first screen at once.")
@click.pass_obj
def serve(settings: Settings, host: str, port: int, public_url: str | None,
          user_header: str | None, reports: Path | None, max_sessions: int, warm: int):
    """Serve the tracker to web browsers (textual-serve), on this machine only by default."""
    try:
        from ..serve import TrackerServer, WarmPool, is_loopback, tui_command, warm_command
    except ImportError:
        raise TrackerError(t("cli.no_serve")) from None
    from .. import catalogue
    from ..files import reports_folder

    if public_url and not re.fullmatch(r"https?://[^/\s]+/?", public_url):
        raise TrackerError(t("cli.public_url", url=public_url))
    if user_header is not None and not re.fullmatch(r"[A-Za-z0-9-]+", user_header):
        raise TrackerError(t("cli.user_header", name=user_header))
    reports = (reports or reports_folder(settings.db_path)).resolve()
    if reports.exists() and not reports.is_dir():
        raise TrackerError(t("cli.reports_not_folder", path=reports))
    if settings.guard.refusal(reports / "x.md"):
        raise TrackerError(t("files.in_backups", path=reports))
    check_port(host, port)  # before saying "Serving at"
    store = settings.store()  # sync and check the plan before anyone connects
    plan, db, language = settings.plan_path.resolve(), settings.db_path.resolve(), \
        catalogue.language()

    def command_for(user: str | None) -> str:
        return tui_command(plan, db, user or settings.user, language, reports)

    shown_host = f"[{host}]" if ":" in host else host
    out(t("cli.serving", title=store.info.title, url=public_url or f"http://{shown_host}:{port}"))
    out(t("cli.serving_as_header", header=user_header) if user_header
        else t("cli.serving_as_user", user=settings.user))
    out(t("cli.serving_reports", path=reports, count=max_sessions))
    if not is_loopback(host):
        err(t("cli.serving_exposed", host=host))
    server = TrackerServer(command_for, host=host, port=port, title=store.info.title,
                           public_url=public_url.rstrip("/") if public_url else None,
                           user_header=user_header, max_sessions=max_sessions,
                           full_page=t("serve.full", count=max_sessions),
                           pool=WarmPool(warm_command(plan, db, language, reports), warm)
                           if warm else None, default_user=settings.user)
    try:
        server.serve()
    except OSError as exc:  # the port was taken meanwhile, or the address is not ours
        raise TrackerError(t("cli.cannot_listen", host=host, port=port,
                             reason=exc.strerror or exc)) from None


def check_port(host: str, port: int) -> None:
    """One clear line if nothing can listen on host:port (taken, or not an address here)."""
    import socket

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except OSError as exc:
        raise TrackerError(t("cli.cannot_listen", host=host, port=port,
                             reason=exc.strerror or exc)) from None
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server does
        try:
            probe.bind(address)
        except OSError as exc:
            raise TrackerError(t("cli.cannot_listen", host=host, port=port,
                                 reason=exc.strerror or exc)) from None


@main.command()
@click.option("--reports", type=click.Path(path_type=Path), hidden=True,
              help="Served: the one folder exports are written to.")
@click.pass_obj
def tui(settings: Settings, reports: Path | None):
    """Open the interactive tracker (the default)."""
    served = "web_driver" in os.environ.get("TEXTUAL_DRIVER", "")  # under `tracker serve`
    if not served and not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise TrackerError(t("cli.needs_terminal"))
    from ..sync import ensure_synced

    store = settings.store(sync=False)
    # Sync before the app starts: an invalid plan stops here with its messages.
    result = ensure_synced(store, settings.plan_path, settings.user)
    from ..tui.app import run

    run(store, settings.plan_path, settings.user, result, reports=reports)
