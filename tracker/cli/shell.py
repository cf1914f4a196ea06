"""The `tracker` command group: options every command takes, the settings they
share, and one clear line (exit 1) for every error a person can act on."""

from __future__ import annotations

import datetime as dt
import os
import sys
from dataclasses import dataclass
from pathlib import Path

import click

from ..catalogue import t
from ..errors import PlanInvalid, TrackerError
from ..files import Guard
from .. import present
from ..present import visible
from ..shown import controls_visible
from ..store import Store, current_user, open_store


DEFAULT_PLAN = Path("plans") / "2022-2025.yaml"


@dataclass
class Settings:
    plan_path: Path
    db_path: Path
    user: str
    _store: Store | None = None
    scratch: bool = False  # a dry run's temporary database, not the person's

    def store(self, sync: bool = True) -> Store:
        """The open store, synced with the plan file if it changed."""
        if self._store is None:
            if not self.db_path.exists():
                # A new database only for a valid plan: check it before creating.
                from ..plan import load_plan

                load_plan(self.plan_path)
            self._store = open_store(self.db_path)
            if sync:
                self._sync()
        return self._store

    def scratch_if_missing(self) -> None:
        """For a dry run: with no database yet, work on a scratch one in a temporary
        folder (removed at exit), so a dry run creates nothing."""
        if self._store is None and not self.db_path.exists():
            import atexit
            import tempfile

            folder = tempfile.TemporaryDirectory(prefix="tracker-dry-run-")
            atexit.register(folder.cleanup)
            self.db_path = Path(folder.name) / self.db_path.name
            self.scratch = True

    def _sync(self) -> None:
        from ..sync import ensure_synced

        store = self._store
        # What is still open from an earlier sync is not said on every command (only
        # `tracker sync` and the screen say it): not looked for either.
        result = ensure_synced(store, self.plan_path, self.user, still_open=False)
        if result.plan_missing:
            err(t("cli.plan_missing", plan=self.plan_path, db=self.db_path))
        if result.changed and not self.scratch:
            err(t("cli.synced", plan=self.plan_path, db=self.db_path,
                  summary=present.sync_summary(result)))
        if not result.skipped:
            for line in result.lines:
                if line.sign in "!?":
                    err(present.sync_line(store.info, line))
        store.info  # noqa: B018 — fails clearly if the DB holds no plan

    @property
    def guard(self) -> Guard:
        """The files no export or backup may replace: also those of the plan this
        one follows, once the database says which that is."""
        before = None
        info = self.info()
        if info is not None and info.follows:
            from ..successor import predecessor_database, predecessor_file

            try:
                plan = predecessor_file(self.plan_path, info.follows)
                before = Guard(predecessor_database(plan), plan)
            except TrackerError:
                before = None  # not there: nothing of it to overwrite
        return Guard(self.db_path, self.plan_path, before)

    def info(self):
        """The plan as last synced, if a store is open (for wording errors)."""
        try:
            return self._store.info if self._store is not None else None
        except TrackerError:
            return None


PATH_OPTIONS = ("--plan", "--db", "-o", "--output")


def _a_path(argv: list[str], n: int) -> bool:
    """Whether argument `n` names a file: an option's value that is a path, or a
    word that is one (validate's and import's files)."""
    here = argv[n]
    return (n > 0 and argv[n - 1] in PATH_OPTIONS) or here.startswith(
        tuple(f"{o}=" for o in PATH_OPTIONS)) or "/" in here or os.path.exists(here)


def this_command() -> str:
    """The command as the person typed it (with their --plan and filters), to say
    how to see all of it: `tracker list --owner plo | less -S`."""
    import shlex

    return " ".join(["tracker", *map(shlex.quote, sys.argv[1:])])


def terminal_columns() -> int:
    """The terminal's width (COLUMNS first, as shutil says it); shutil imported only
    here, for a table printed to a terminal."""
    import shutil

    return shutil.get_terminal_size().columns


def err(message: str) -> None:
    click.echo(visible(str(message)), err=True)


def out(message: str = "", nl: bool = True, bold: bool = False, data: bool = False) -> None:
    """Everything the commands print goes through here: text from people and
    plans is shown as text (an ESC in a name can't drive the terminal). `data`
    (a state file): only the controls, so the file read back is what was written."""
    text = controls_visible(str(message)) if data else visible(str(message))
    click.echo(click.style(text, bold=True) if bold else text, nl=nl)


# Which module holds each command: only the one asked for is imported (a command
# starts no slower for the others).
COMMANDS = {
    "validate": "plan_commands", "sync": "plan_commands", "resolve": "plan_commands",
    "import": "plan_commands", "set": "edit_commands", "action": "edit_commands",
    "decision": "edit_commands", "undo": "edit_commands", "redo": "edit_commands",
    "backup": "edit_commands", "list": "read_commands", "show": "read_commands",
    "history": "read_commands", "export": "read_commands", "serve": "serve_commands",
    "tui": "serve_commands", "meeting": "committee_commands",
    "milestone": "committee_commands", "timeline": "committee_commands"}


class TrackerGroup(click.Group):
    """Turns the errors users can act on into one clear message and exit 1, and
    loads a command's module only when that command is asked for."""

    def main(self, args=None, *more, **options):
        """The language is chosen before click reads the arguments, so that its own
        messages (a usage error, --help) are in it too."""
        from .. import catalogue
        from . import danish

        argv = list(sys.argv[1:] if args is None else args)
        asked = next((argv[n + 1] for n, a in enumerate(argv[:-1]) if a == "--lang"), None)
        asked = next((a.split("=", 1)[1] for a in argv if a.startswith("--lang=")), asked)
        chosen = catalogue.choose_language(asked.lower() if asked else None)
        catalogue.use(chosen if chosen in catalogue.LANGUAGES else "en")
        danish.install()
        danish.localize(self)
        for n, argument in enumerate(argv):  # bytes that are no UTF-8: lone surrogates
            if _a_path(argv, n):  # a file name is bytes, whatever they are
                continue
            try:
                argument.encode("utf-8")
            except UnicodeEncodeError:
                shown = argument.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
                err(catalogue.t("cli.not_text", argument=f"'{shown}'"))
                sys.exit(1)
        return super().main(args, *more, **options)

    def list_commands(self, ctx) -> list[str]:
        return sorted(set(COMMANDS) | set(self.commands))

    def get_command(self, ctx, name: str):
        if name not in self.commands and name in COMMANDS:
            import importlib

            importlib.import_module(f"{__package__}.{COMMANDS[name]}")  # adds it to main
        found = self.commands.get(name)
        if found is not None:
            from .danish import localize

            localize(found)  # its help in the language chosen
        return found

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except PlanInvalid as exc:
            for line in exc.lines():
                err(line)
            count = len(exc.problems)
            err(t("cli.problems", count=count, path=exc.path) if count != 1
                else t("cli.problem_one", path=exc.path))
            ctx.exit(1)
        except TrackerError as exc:
            settings = ctx.obj if isinstance(ctx.obj, Settings) else None
            err(t("cli.error", message=present.explain(exc, settings and settings.info())))
            ctx.exit(1)
        except BrokenPipeError:
            # `tracker list | head`: the reader left; stop quietly, as other tools do.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            ctx.exit(0)
        except KeyboardInterrupt:
            err(t("cli.interrupted"))
            ctx.exit(130)
        except (click.exceptions.Exit, click.ClickException, click.exceptions.Abort):
            raise
        except Exception as exc:  # a bug of ours: say so plainly, keep the details at hand
            if os.environ.get("TRACKER_DEBUG"):
                raise
            err(t("cli.unexpected", error=f"{type(exc).__name__}: {exc}"))
            ctx.exit(2)


@click.group(cls=TrackerGroup, invoke_without_command=True,
             context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--plan", "plan_path", type=click.Path(path_type=Path), envvar="TRACKER_PLAN",
              default=DEFAULT_PLAN, show_default=True, help="The plan file (TRACKER_PLAN).")
@click.option("--db", "db_path", type=click.Path(path_type=Path), envvar="TRACKER_DB",
              help="The database (TRACKER_DB); default: beside the plan, e.g. "
                   "plans/2022-2025.db.")
@click.option("--user", envvar="TRACKER_USER", help="Who you are in the history "
              "(TRACKER_USER; default: your login).")
@click.option("--lang", type=click.Choice(["da", "en"], case_sensitive=False),
              help="Language of the tracker and the report (TRACKER_LANG; default: from "
                   "your locale, da_* → Danish, else English).")
@click.version_option(package_name="praksisplan-tracker", prog_name="tracker")
@click.pass_context
def main(ctx, plan_path: Path, db_path: Path | None, user: str | None, lang: str | None):
    """Follow up on a multi-year plan: owners, status, yearly priorities, notes.

    With no command, opens the interactive tracker.
    """
    from .. import catalogue

    chosen = catalogue.choose_language(lang)
    catalogue.use(chosen if chosen in catalogue.LANGUAGES else "en")
    ctx.obj = Settings(plan_path, db_path or plan_path.with_suffix(".db"), current_user(user))
    if ctx.invoked_subcommand is None:
        ctx.invoke(main.get_command(ctx, "tui"))


def today() -> str:
    return dt.date.today().isoformat()


def hang(text: str, indent: int) -> str:
    """Continuation lines of a multi-line text indented under its first."""
    return ("\n" + " " * indent).join(text.splitlines() or [""])
