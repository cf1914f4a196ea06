"""The `tracker` command. Each command is a thin shell over the core modules.

Textual is imported only inside the `tui` command, so every other command
starts fast (a test checks this).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

import click

from .bulk import collector_paused
from .catalogue import t
from .errors import PlanInvalid, TrackerError
from .files import Guard, check_target, write_file
from . import present
from .present import parse_date, visible
from .store import Change, Store, current_user, open_store

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
                from .plan import load_plan

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
        from .sync import ensure_synced

        store = self._store
        result = ensure_synced(store, self.plan_path, self.user)
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
        """The files no export or backup may replace."""
        return Guard(self.db_path, self.plan_path)

    def info(self):
        """The plan as last synced, if a store is open (for wording errors)."""
        try:
            return self._store.info if self._store is not None else None
        except TrackerError:
            return None


def err(message: str) -> None:
    click.echo(visible(str(message)), err=True)


def out(message: str = "", nl: bool = True, bold: bool = False) -> None:
    """Everything the commands print goes through here: text from people and
    plans is shown as text (an ESC in a name can't drive the terminal)."""
    text = visible(str(message))
    click.echo(click.style(text, bold=True) if bold else text, nl=nl)


class TrackerGroup(click.Group):
    """Turns the errors users can act on into one clear message and exit 1."""

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
    from . import catalogue

    chosen = catalogue.choose_language(lang)
    catalogue.use(chosen if chosen in catalogue.LANGUAGES else "en")
    ctx.obj = Settings(plan_path, db_path or plan_path.with_suffix(".db"), current_user(user))
    if ctx.invoked_subcommand is None:
        ctx.invoke(tui)


# -- the plan -------------------------------------------------------------------


@main.command()
@click.argument("plan_files", nargs=-1, type=click.Path(path_type=Path))
@click.pass_obj
def validate(settings: Settings, plan_files: tuple[Path, ...]):
    """Check plan files (default: the plan); report every problem with its line."""
    from . import validcache

    failed = 0
    for path in plan_files or (settings.plan_path,):
        try:
            data = Path(path).read_bytes() if Path(path).is_file() else None
        except OSError:
            data = None  # load_plan says what is wrong with it
        summary = validcache.remembered(data) if data is not None else None
        if summary is None:
            from .plan import load_plan

            try:
                plan = load_plan(path)
            except PlanInvalid as exc:
                if len(plan_files) <= 1:
                    raise
                for line in exc.lines():
                    err(line)
                failed += 1
                continue
            summary = {"objectives": len(plan.objectives),
                       "initiatives": sum(1 for _ in plan.initiatives()),
                       "owners": len(plan.roster), "period": f"{plan.start}-{plan.end}"}
            if data is not None and plan.sha256 == validcache.sha256(data):  # not changed since
                validcache.remember(data, summary)
        out(t("cli.valid", path=path, **summary))
    if failed:
        raise TrackerError(t("cli.files_failed", failed=failed, total=len(plan_files)))


@main.command()
@click.option("--dry-run", is_flag=True, help="Show what would change; write nothing.")
@click.pass_obj
def sync(settings: Settings, dry_run: bool):
    """Bring the database in line with the plan file (never loses tracking data)."""
    from .sync import sync_file

    if dry_run:
        settings.scratch_if_missing()
    store = settings.store(sync=False)
    result = sync_file(store, settings.plan_path, settings.user, dry_run=dry_run)
    info = store.info if store.meta("plan") else None
    for line in result.lines:
        out(present.sync_line(info, line))
    if result.lines:
        out("")
    out(present.sync_summary(result))
    if result.backup:
        out(t("cli.backup_before", path=result.backup))
    if dry_run and result.changed:
        out(t("cli.dry_run"))


@main.command()
@click.argument("initiative_id")
@click.argument("field_name", metavar="FIELD")
@click.option("--keep", "choice", flag_value="keep", help="Keep the tracker's value.")
@click.option("--take-plan", "choice", flag_value="plan", help="Take the plan's value.")
@click.pass_obj
def resolve(settings: Settings, initiative_id: str, field_name: str, choice: str | None):
    """Settle a sync conflict on FIELD (status, owners, priority:2024)."""
    if choice is None:
        raise TrackerError(t("cli.resolve_choice"))
    store = settings.store()
    outcome, value = store.resolve(initiative_id, field_name, choice == "plan",
                                   settings.user, "cli")
    out(present.resolved(store.info, initiative_id, field_name, outcome, value))


# -- editing --------------------------------------------------------------------


def parse_priority(text: str) -> tuple[int, str | None]:
    year, sep, level = text.partition("=")
    if not sep or not re.fullmatch(r"[0-9]{4}", year.strip()):
        raise TrackerError(t("cli.priority_format", text=text))
    return int(year), level.strip() or None


@main.command(name="set")
@click.argument("initiative_id")
@click.option("--status", help="A status key or label: igangsat, 'in progress', in_progress.")
@click.option("--owner", "owners", multiple=True, help="Set the owners (repeat for several).")
@click.option("--add-owner", multiple=True, help="Add an owner.")
@click.option("--remove-owner", multiple=True, help="Remove an owner.")
@click.option("--priority", "priorities", multiple=True, metavar="YEAR=LEVEL",
              help="A year's priority, e.g. 2024=high (2024= clears it).")
@click.option("--note", help="Add a note.")
@click.option("--expect-version", type=int, help="Refuse if the initiative is no longer at "
              "this version (for scripts).")
@click.option("--archived", is_flag=True, help="Change it even though its initiative is "
              "archived (gone from the plan).")
@click.pass_obj
def set_(settings: Settings, initiative_id, status, owners, add_owner, remove_owner,
         priorities, note, expect_version, archived):
    """Change an initiative's status, owners, priorities, or add a note."""
    change = Change(status=status, owners=list(owners) if owners else None,
                    add_owners=list(add_owner), remove_owners=list(remove_owner),
                    priorities=dict(parse_priority(p) for p in priorities), note=note)
    if change.is_empty():
        raise TrackerError(t("cli.nothing_to_set"))
    store = settings.store()
    before = store.initiative(initiative_id).version
    version = store.edit(initiative_id, change, settings.user, "cli", expect_version,
                         archived=archived)
    if version == before:
        out(t("cli.unchanged", id=initiative_id))
    else:
        out(t("cli.saved", id=initiative_id, version=version))


# -- the yearly implementation plan ------------------------------------------------


def today() -> str:
    return dt.date.today().isoformat()


@main.group()
def action():
    """Actions of the yearly implementation plan: who does what by when."""


@action.command(name="add")
@click.argument("initiative_id")
@click.argument("text")
@click.option("--year", type=int, help="The plan year (default: this year, within the period).")
@click.option("--owner", "owners", multiple=True,
              help="A party or person (repeat for several; default: the initiative's owners).")
@click.option("--due", help="Due date: 2024-03-01 or 1.3.2024.")
@click.option("--status", help="Default: the plan's first status word.")
@click.option("--archived", is_flag=True, help="Change it even though its initiative is "
              "archived (gone from the plan).")
@click.pass_obj
def action_add(settings: Settings, initiative_id, text, year, owners, due, status, archived):
    """Add an action to an initiative; prints its id."""
    store = settings.store()
    year = store.info.plan_year(today()) if year is None else year
    action_id = store.add_action(initiative_id, text, year, settings.user, "cli",
                                 owners=list(owners), status=status,
                                 due=parse_date(due, "--due") if due else "", archived=archived)
    out(t("cli.action_added", id=action_id, initiative=initiative_id,
          action=present.action_line(store.info, store.action(action_id))))


@action.command(name="set")
@click.argument("action_id", type=int)
@click.option("--status", help="A status key or label.")
@click.option("--due", help="Due date (2024-03-01 or 1.3.2024); --due '' clears it.")
@click.option("--owner", "owners", multiple=True, help="Set the owners (repeat for several).")
@click.option("--text", help="New text.")
@click.option("--year", type=int, help="Move it to another plan year.")
@click.option("--expect-version", type=int, help="Refuse if this action changed since the "
              "initiative was at this version (for scripts).")
@click.option("--archived", is_flag=True, help="Change it even though its initiative is "
              "archived (gone from the plan).")
@click.pass_obj
def action_set(settings: Settings, action_id, status, due, owners, text, year, expect_version,
               archived):
    """Change an action's status, due date, owners, text or year."""
    if all(v is None for v in (status, due, text, year)) and not owners:
        raise TrackerError(t("cli.nothing_to_set_action"))
    store = settings.store()
    before = store.action(action_id)
    store.edit_action(action_id, settings.user, "cli", text=text, year=year,
                      owners=list(owners) if owners else None, status=status,
                      due=(parse_date(due, "--due") if due else "") if due is not None else None,
                      expected_version=expect_version, archived=archived)
    after = store.action(action_id)
    key = "cli.action_unchanged" if after == before else "cli.action_saved"
    out(t(key, id=action_id, action=present.action_line(store.info, after, today())))


@action.command(name="remove")
@click.argument("action_id", type=int)
@click.option("--archived", is_flag=True, help="Change it even though its initiative is "
              "archived (gone from the plan).")
@click.pass_obj
def action_remove(settings: Settings, action_id, archived):
    """Remove an action (kept in the history; `tracker undo` brings it back)."""
    store = settings.store()
    store.edit_action(action_id, settings.user, "cli", remove=True, archived=archived)
    out(t("cli.action_removed", id=action_id))


@action.command(name="list")
@click.option("--year", type=int, help="Only this plan year.")
@click.option("--owner", help="Only actions of this party or person.")
@click.option("--initiative", "initiative_id", help="Only this initiative's actions.")
@click.option("--overdue", is_flag=True, help="Only actions past their due date, not done.")
@click.option("--date", "date", help="Overdue as of this date (default: today).")
@click.pass_obj
def action_list(settings: Settings, year, owner, initiative_id, overdue, date):
    """The actions, by year and due date; overdue ones say so."""
    store = settings.store()
    info = store.info
    if initiative_id:
        store.check_initiative(initiative_id)
    if year is not None:
        store.check_year(year)
    on = parse_date(date, "--date") if date else today()
    found = store.actions(initiative_id, year=year, owner=owner, archived=True)
    if overdue:
        found = [a for a in found if a.overdue(on, info)]
    rows = [[f"#{a.id}", str(a.year), a.initiative_id + (
                 " " + t("mark.archived") if a.archived else ""), visible(a.text),
             ", ".join(a.owners) or "–", present.date(a.due),
             present.action_status(info, a.status),
             present.overdue(a.overdue(on, info)) if a.overdue(on, info) else ""]
            for a in found]
    header = ["#", t("col.year"), t("col.id"), t("col.action"), t("col.owners"),
              t("col.due"), t("col.status"), ""]
    if rows:
        total = shutil.get_terminal_size().columns if sys.stdout.isatty() else None
        out(present.table(header, rows, flexible=3, total=total))
    out(t("cli.actions_count", count=len(found)) if len(found) != 1
        else t("cli.actions_count_one"))


@main.group()
def decision():
    """Decisions about an initiative: what was decided, by whom, when."""


@decision.command(name="add")
@click.argument("initiative_id")
@click.argument("text")
@click.option("--date", "date", help="When it was decided: 2024-05-19 or 19.5.2024 "
              "(default: today).")
@click.option("--by", "by", default="", help="Who decided, e.g. Praksisplanudvalget.")
@click.option("--archived", is_flag=True, help="Change it even though its initiative is "
              "archived (gone from the plan).")
@click.pass_obj
def decision_add(settings: Settings, initiative_id, text, date, by, archived):
    """Record a decision under an initiative; prints its id."""
    store = settings.store()
    decision_id = store.add_decision(initiative_id, text,
                                     parse_date(date, "--date") if date else today(),
                                     settings.user, "cli", by=by, archived=archived)
    found = next(d for d in store.decisions(initiative_id, archived=True)
                 if d.id == decision_id)
    out(t("cli.decision_added", id=decision_id, initiative=initiative_id,
          decision=present.decision_line(found)))


@decision.command(name="list")
@click.option("--initiative", "initiative_id", help="Only this initiative's decisions.")
@click.pass_obj
def decision_list(settings: Settings, initiative_id):
    """Every decision, oldest first."""
    store = settings.store()
    if initiative_id:
        store.check_initiative(initiative_id)
    found = store.decisions(initiative_id, archived=True)
    for d in found:
        mark = " " + t("mark.archived") if d.archived else ""
        out(f"#{d.id}  {d.initiative_id}{mark}  {present.decision_line(d)}")
    if not found:
        out(t("cli.no_decisions"))


@main.command()
@click.pass_obj
def undo(settings: Settings):
    """Turn back your last edit (recorded as a new edit)."""
    store = settings.store()
    out(present.reverted(store.info, store.undo(settings.user, "cli")))


@main.command()
@click.pass_obj
def redo(settings: Settings):
    """Turn back your last undo."""
    store = settings.store()
    out(present.reverted(store.info, store.redo(settings.user, "cli")))


@main.command()
@click.argument("target", required=False, type=click.Path(path_type=Path))
@click.pass_obj
def backup(settings: Settings, target: Path | None):
    """Copy the database safely, also while others work (default: into <db>-backups/)."""
    if target is not None:
        check_target(target, settings.guard)  # the plan too, which the store knows not
    store = settings.store(sync=False)
    out(t("cli.backed_up", db=settings.db_path, path=store.backup(target)))


# -- reading --------------------------------------------------------------------


@main.command(name="list")
@click.option("--objective", help="Only this objective (id like m9, or its number).")
@click.option("--status", help="Only initiatives with this status.")
@click.option("--owner", help="Only initiatives with this owner.")
@click.option("--year", type=int, help="Only initiatives with a priority this year.")
@click.option("--archived", is_flag=True, help="Show archived initiatives instead.")
@click.pass_obj
def list_(settings: Settings, objective, status, owner, year, archived):
    """The initiatives with owners, status and priorities, as a table."""
    store = settings.store()
    info = store.info
    objective_id = resolve_objective(store, objective) if objective else None
    views = store.initiatives(objective=objective_id, status=status, owner=owner, year=year,
                              archived=archived)
    numbers = {o.id: o.number for o in store.objectives(include_archived=True)}
    header = ["#", t("col.id"), t("col.title"), t("col.owners"), t("col.status")] + \
        [str(y) for y in info.years]
    statuses = {key: present.status(info, key) for key in {v.status for v in views}}
    levels = {term.key: present.level(info, term.key) for term in info.levels}
    rows = [[str(numbers.get(v.objective_id, "")), v.id, visible(v.name),
             ", ".join(v.owners) or "–", statuses[v.status]]
            + [levels.get(v.priorities.get(y), v.priorities.get(y, "–")) for y in info.years]
            for v in views]
    terminal = sys.stdout.isatty()
    total = shutil.get_terminal_size().columns if terminal else None
    out(info.title)
    out(present.table(header, rows, flexible=2, total=total, right=(0,)))
    out(t("cli.count", count=len(views)) if len(views) != 1 else t("cli.count_one"))


def resolve_objective(store: Store, text: str) -> str:
    objectives = store.objectives(include_archived=True)
    for o in objectives:
        if text.casefold() in (o.id.casefold(), str(o.number)):
            return o.id
    raise TrackerError(t("cli.unknown_objective", text=text,
                         choices=", ".join(o.id for o in objectives)))


@main.command()
@click.argument("initiative_id")
@click.pass_obj
def show(settings: Settings, initiative_id: str):
    """Everything about one initiative: text, tracking, notes, latest changes."""
    store = settings.store()
    info = store.info
    v = store.initiative(initiative_id)
    out(f"{v.id} — {v.name}", bold=True)
    if v.archived:
        out(t("details.archived"))
    rows = [(t("details.objective"), present.objective(info, v.objective_id)),
            (t("details.kind"), present.kind(v.kind)), (t("show.title"), v.title),
            (t("show.description"), v.description or "–"),
            (t("details.also_supports"), present.objectives(info, v.also_supports)),
            (t("details.status"), present.status(info, v.status)),
            (t("details.owners"),
             ", ".join(f"{info.owner_name(o)} ({o})" for o in v.owners) or "–")]
    rows += [(t("show.priority", year=y), present.level(info, v.priorities.get(y)))
             for y in info.years]
    rows.append((t("show.version"), t("show.version_value", version=v.version,
                                      when=present.when(v.updated_at or ""),
                                      who=v.updated_by)))
    room = max(present.width(label) for label, _ in rows) + 2
    for label, text in rows:
        out(f"{label + ':':<{room}}{hang(text, room)}")
    actions = store.actions(v.id, archived=True)
    out("\n" + t("show.actions", count=len(actions)), bold=True)
    for a in actions:
        out("  " + hang(present.action_line(info, a, today()), 2))
    decisions = store.decisions(v.id, archived=True)
    out("\n" + t("show.decisions", count=len(decisions)), bold=True)
    for d in decisions:
        out(f"  #{d.id} " + hang(present.decision_line(d), 2))
    notes = store.notes(v.id)
    out("\n" + t("show.notes", count=len(notes)), bold=True)
    for note in notes:
        head = f"  {present.when(note.created_at)} {note.author}: "
        out(head + hang(note.text, present.width(head)))
    out("\n" + t("show.changes") + ":", bold=True)
    # newest first, as on screen
    for entry in reversed(present.fold(store.history(v.id, limit=20))[-10:]):
        out(f"  {present.when(entry.at)} {entry.who} ({entry.source}): "
            f"{present.change(info, entry)}")


def hang(text: str, indent: int) -> str:
    """Continuation lines of a multi-line text indented under its first."""
    return ("\n" + " " * indent).join(text.splitlines() or [""])


@main.command()
@click.argument("initiative_id", required=False)
@click.option("--since", help="Only changes on or after this date (YYYY-MM-DD).")
@click.pass_obj
def history(settings: Settings, initiative_id: str | None, since: str | None):
    """Who changed what, when (all initiatives, or one)."""
    store = settings.store()
    if initiative_id:
        store.check_initiative(initiative_id)
    since_stamp = parse_date(since, "--since") if since else None
    entries = present.fold(store.history(initiative_id, since=since_stamp))
    for entry in entries:
        out(f"{present.when(entry.at)}  {entry.who} ({entry.source})  "
            f"{entry.initiative_id}  {present.change(store.info, entry)}")
    if not entries:
        out(t("cli.no_history_since", date=since_stamp) if since_stamp
                  else t("cli.no_history"))


@main.command()
@click.option("--format", "fmt", type=click.Choice(["markdown", "json", "yaml"]),
              default="markdown", show_default=True,
              help="markdown: the report; json: its content for scripts; yaml: all tracking "
                   "state, for git (load it with `tracker import`).")
@click.option("--history", is_flag=True, help="With --format yaml: include the history.")
@click.option("--year", type=int, help="Only initiatives with a priority this year.")
@click.option("--owner", help="Only initiatives with this owner.")
@click.option("--date", "date", help="The report's date (default: today), YYYY-MM-DD.")
@click.option("--since", help="Add every change and note from this date on (YYYY-MM-DD), "
              "e.g. the last meeting's.")
@click.option("--implementation-plan", "plan_year", type=int, metavar="YEAR",
              help="Instead of the status report: the yearly implementation plan for YEAR "
                   "(initiatives prioritised that year, their actions, who does what, "
                   "the decisions so far).")
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="Write to this file (default: the terminal).")
@click.pass_obj
def export(settings: Settings, fmt, history, year, owner, date, since, plan_year, output):
    """The status report for meetings, as markdown (or JSON for scripts, or the
    tracking state as YAML for git)."""
    from . import report

    if output is not None:
        check_target(output, settings.guard)  # before any work: say it at once
    store = settings.store()
    if fmt == "yaml":
        from .state import export_state

        text = export_state(store, history=history)
        if output is None:
            out(text, nl=False)
        else:
            write_file(output, text, settings.guard)
            err(t("cli.wrote_state", path=output))
        return
    date = parse_date(date, "--date") if date else today()
    since = parse_date(since, "--since") if since else None
    if plan_year is not None and (year is not None or owner or since):
        raise TrackerError(t("cli.plan_alone"))
    # One pause of the cycle collector for building and writing out; the content
    # is gone before it runs again (see tracker/bulk.py).
    with collector_paused():
        if plan_year is not None:
            content = report.implementation_plan(store, plan_year, date)
            text = (report.implementation_markdown(content) if fmt == "markdown"
                    else report.to_json(content))
        else:
            content = report.build(store, date, year=year, owner=owner, since=since)
            text = report.markdown(content) if fmt == "markdown" else report.to_json(content)
        del content
    if output is None:
        click.echo(text, nl=False)  # both made safe for a terminal by the report
        return
    write_file(output, text, settings.guard)
    err(t("cli.wrote", path=output))


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
@click.pass_obj
def serve(settings: Settings, host: str, port: int, public_url: str | None,
          user_header: str | None, reports: Path | None, max_sessions: int):
    """Serve the tracker to web browsers (textual-serve), on this machine only by default."""
    try:
        from .serve import TrackerServer, is_loopback, tui_command
    except ImportError:
        raise TrackerError(t("cli.no_serve")) from None
    from . import catalogue
    from .files import reports_folder

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
                           full_page=t("serve.full", count=max_sessions))
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


@main.command(name="import")
@click.argument("state_file", type=click.Path(path_type=Path))
@click.option("--dry-run", is_flag=True, help="Show what would change; write nothing.")
@click.option("--other-plan", is_flag=True, help="Load a file made from a plan of another "
              "title (e.g. after the plan was renamed).")
@click.pass_obj
def import_(settings: Settings, state_file: Path, dry_run: bool, other_plan: bool):
    """Load a tracking-state file (from `export --format yaml`) without overwriting edits."""
    from .state import import_state

    try:
        text = state_file.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise TrackerError(t("cli.no_such_file", path=state_file)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise TrackerError(t("cli.cannot_read", path=state_file, reason=exc)) from None
    if dry_run:
        settings.scratch_if_missing()
    store = settings.store()
    result = import_state(store, text, settings.user, dry_run=dry_run, other_plan=other_plan)
    for line in result.lines:
        out(present.sync_line(store.info, line))
    key = ("cli.import_would" if dry_run else "cli.import_did") + \
        ("_one" if result.changed == 1 else "")
    out(t(key, count=result.changed)
               + (t("cli.import_conflicts", count=result.conflicts) if result.conflicts
                  else "."))


@main.command()
@click.option("--reports", type=click.Path(path_type=Path), hidden=True,
              help="Served: the one folder exports are written to.")
@click.pass_obj
def tui(settings: Settings, reports: Path | None):
    """Open the interactive tracker (the default)."""
    served = "web_driver" in os.environ.get("TEXTUAL_DRIVER", "")  # under `tracker serve`
    if not served and not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise TrackerError(t("cli.needs_terminal"))
    from .sync import ensure_synced

    store = settings.store(sync=False)
    # Sync before the app starts: an invalid plan stops here with its messages.
    result = ensure_synced(store, settings.plan_path, settings.user)
    from .tui.app import run

    run(store, settings.plan_path, settings.user, result, reports=reports)


if __name__ == "__main__":  # pragma: no cover
    main()
