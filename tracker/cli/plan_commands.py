"""Commands about the plan and its merge: validate, sync, resolve, import."""

from __future__ import annotations

from pathlib import Path

import click

from ..catalogue import t
from ..errors import PlanInvalid, TrackerError
from .. import present
from .shell import Settings, err, main, out


@main.command()
@click.argument("plan_files", nargs=-1, type=click.Path(path_type=Path))
@click.pass_obj
def validate(settings: Settings, plan_files: tuple[Path, ...]):
    """Check plan files (default: the plan); report every problem with its line."""
    from .. import validcache

    failed = 0
    for path in plan_files or (settings.plan_path,):
        try:
            data = Path(path).read_bytes() if Path(path).is_file() else None
        except OSError:
            data = None  # load_plan says what is wrong with it
        summary = validcache.remembered(data) if data is not None else None
        if summary is None:
            from ..plan import load_plan

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
    from ..sync import sync_file

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
    open_here = [c.field for c in store.conflicts() if c.initiative_id == initiative_id]
    field_name = present.field_named(field_name, open_here)  # 'ansvarlige' as sync said it
    outcome, value = store.resolve(initiative_id, field_name, choice == "plan",
                                   settings.user, "cli")
    out(present.resolved(store.info, initiative_id, field_name, outcome, value))


@main.command(name="import")
@click.argument("state_file", type=click.Path(path_type=Path))
@click.option("--dry-run", is_flag=True, help="Show what would change; write nothing.")
@click.option("--other-plan", is_flag=True, help="Load a file made from a plan of another "
              "title (e.g. after the plan was renamed).")
@click.pass_obj
def import_(settings: Settings, state_file: Path, dry_run: bool, other_plan: bool):
    """Load a tracking-state file (from `export --format yaml`) without overwriting edits."""
    from ..state import import_state

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
               + (t("cli.import_conflicts", count=result.conflicts) if result.conflicts > 1
                  else t("cli.import_conflicts_one") if result.conflicts
                  else "."))
