"""Commands that change tracking data: set, action, decision, undo, redo, backup."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import click

from ..catalogue import t
from ..errors import TrackerError
from ..files import check_target
from .. import present
from ..present import parse_date, visible
from ..store import Change
from .shell import Settings, main, out, terminal_columns, this_command, today


def parse_priority(text: str) -> tuple[int, str | None]:
    year, sep, level = text.partition("=")
    if not sep or not re.fullmatch(r"[0-9]{4}", year.strip()):
        raise TrackerError(t("cli.priority_format", text=text))
    return int(year), level.strip() or None


def parse_deliverable(text: str) -> tuple[int, str]:
    year, sep, what = text.partition("=")
    if not sep or not re.fullmatch(r"[0-9]{4}", year.strip()):
        raise TrackerError(t("cli.deliverable_format"))
    return int(year), what.strip()


@main.command(name="set")
@click.argument("initiative_id")
@click.option("--status", help="A status key or label: igangsat, 'in progress', in_progress.")
@click.option("--owner", "owners", multiple=True, help="Set the owners (repeat for several).")
@click.option("--add-owner", multiple=True, help="Add an owner.")
@click.option("--remove-owner", multiple=True, help="Remove an owner.")
@click.option("--priority", "priorities", multiple=True, metavar="YEAR=LEVEL",
              help="A year's priority, e.g. 2024=high (2024= clears it).")
@click.option("--lead", help="The lead party (tovholder), one of the owners; '' clears it.")
@click.option("--deliverable", "deliverables", multiple=True, metavar="YEAR=TEXT",
              help="What is to be delivered that year, e.g. 2025=\"Evaluering forelagt PPU\" "
                   "(2025= clears it).")
@click.option("--note", help="Add a note.")
@click.option("--expect-version", type=int, help="Refuse if the initiative is no longer at "
              "this version (for scripts).")
@click.option("--archived", is_flag=True, help="Change it even though its initiative is "
              "archived (gone from the plan).")
@click.pass_obj
def set_(settings: Settings, initiative_id, status, owners, add_owner, remove_owner,
         priorities, lead, deliverables, note, expect_version, archived):
    """Change an initiative's status, owners, lead, priorities, deliverables, or add a note."""
    change = Change(status=status, owners=list(owners) if owners else None,
                    add_owners=list(add_owner), remove_owners=list(remove_owner),
                    priorities=dict(parse_priority(p) for p in priorities), note=note,
                    lead=lead, deliverables=dict(parse_deliverable(d) for d in deliverables))
    if change.is_empty():
        raise TrackerError(t("cli.nothing_to_set"))
    store = settings.store()
    was = store.initiative(initiative_id)
    version = store.edit(initiative_id, change, settings.user, "cli", expect_version,
                         archived=archived)
    if version == was.version:
        out(t("cli.unchanged", id=initiative_id))
        return
    out(t("cli.saved", id=initiative_id, version=version))
    now = store.initiative(initiative_id)
    gone = [o for o in was.owners if o not in now.owners]
    if gone:  # --owner replaces the owners: say who is no longer one, and how to add
        info = store.info
        out(t("cli.owners_removed", names=", ".join(info.owner_name(o) for o in gone),
              owners=", ".join(info.owner_name(o) for o in now.owners) or "–"))


@main.group()
def action():
    """Actions of the yearly implementation plan: who does what by when."""


@action.command(name="add")
@click.argument("initiative_id")
@click.argument("text")
@click.option("--year", type=int, help="The plan year (default: this year; after the "
              "period, give it).")
@click.option("--owner", "owners", multiple=True,
              help="A party or person (repeat for several; default: the initiative's owners).")
@click.option("--due", help="Due date: 2024-03-01 or 1.3.2024.")
@click.option("--lead", help="The owner who leads it (tovholder); added to its owners.")
@click.option("--status", help="Default: the plan's first status word.")
@click.option("--archived", is_flag=True, help="Change it even though its initiative is "
              "archived (gone from the plan).")
@click.pass_obj
def action_add(settings: Settings, initiative_id, text, year, owners, due, lead, status,
               archived):
    """Add an action to an initiative; prints its id."""
    store = settings.store()
    info = store.info
    due = parse_date(due, "--due") if due else ""  # what was typed wrong is said first
    if year is None:
        store.check_initiative(initiative_id)
        year = info.this_year(today())
        if year is None:  # no default pretends the period's last year is this year
            raise TrackerError("err.period_ended", start=info.start, end=info.end)
    action_id = store.add_action(initiative_id, text, year, settings.user, "cli",
                                 owners=list(owners), status=status, due=due,
                                 archived=archived, lead=lead)
    out(t("cli.action_added", id=action_id, initiative=initiative_id,
          action=present.action_line(store.info, store.action(action_id))))


@action.command(name="set")
@click.argument("action_id", type=int)
@click.option("--status", help="A status key or label.")
@click.option("--due", help="Due date (2024-03-01 or 1.3.2024); --due '' clears it.")
@click.option("--owner", "owners", multiple=True, help="Set the owners (repeat for several).")
@click.option("--lead", help="The owner who leads it (tovholder); '' clears it.")
@click.option("--text", help="New text.")
@click.option("--year", type=int, help="Move it to another plan year.")
@click.option("--expect-version", type=int, help="Refuse if this action changed since the "
              "initiative was at this version (for scripts).")
@click.option("--archived", is_flag=True, help="Change it even though its initiative is "
              "archived (gone from the plan).")
@click.pass_obj
def action_set(settings: Settings, action_id, status, due, owners, lead, text, year,
               expect_version, archived):
    """Change an action's status, due date, owners, text or year."""
    if all(v is None for v in (status, due, text, year, lead)) and not owners:
        raise TrackerError(t("cli.nothing_to_set_action"))
    store = settings.store()
    before = store.action(action_id)
    store.edit_action(action_id, settings.user, "cli", text=text, year=year,
                      owners=list(owners) if owners else None, status=status,
                      due=(parse_date(due, "--due") if due else "") if due is not None else None,
                      expected_version=expect_version, archived=archived, lead=lead)
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
             present.owners_short(info, a.owners, a.lead) or "–",
             present.date(a.due), present.action_status(info, a.status),
             present.days_late(a.overdue(on, info)) if a.overdue(on, info) else ""]
            for a in found]
    header = ["#", t("col.year"), t("col.id"), t("col.action"), t("col.owners"),
              t("col.due"), t("col.status"), t("report.late")]
    if rows:
        total = terminal_columns() if sys.stdout.isatty() else None
        flexible, hidden, columns = 3, [], [list(c) for c in zip(*rows)]
        if total is not None:  # too narrow: the initiative's id, then the year, go
            header, columns, flexible, hidden = present.narrowed(header, columns, total, 3,
                                                                 [2, 1])
        out(present.column_table(header, columns, flexible=flexible, total=total))
        if hidden:
            out(t("cli.columns_hidden_actions", columns=", ".join(hidden),
                  command=this_command()))
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
@click.option("--meeting", help="Taken at this meeting (its number or date): its date and "
              "body.")
@click.option("--archived", is_flag=True, help="Change it even though its initiative is "
              "archived (gone from the plan).")
@click.pass_obj
def decision_add(settings: Settings, initiative_id, text, date, by, meeting, archived):
    """Record a decision under an initiative; prints its id."""
    if meeting is not None and (date or by):
        raise TrackerError(t("cli.meeting_and_date"))
    store = settings.store()
    if meeting is not None and not (meeting.strip().isascii() and meeting.strip().isdigit()):
        meeting = parse_date(meeting, "--meeting")
    decision_id = store.add_decision(initiative_id, text,
                                     parse_date(date, "--date") if date else today(),
                                     settings.user, "cli", by=by, archived=archived,
                                     meeting=meeting)
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
    done = store.undo(settings.user, "cli")
    out(present.reverted(store.info, done, store.initiative_name(done.initiative_id)))


@main.command()
@click.pass_obj
def redo(settings: Settings):
    """Turn back your last undo."""
    store = settings.store()
    done = store.redo(settings.user, "cli")
    out(present.reverted(store.info, done, store.initiative_name(done.initiative_id)))


@main.command()
@click.argument("target", required=False, type=click.Path())  # str: "x/" keeps its slash
@click.pass_obj
def backup(settings: Settings, target: Path | None):
    """Copy the database safely, also while others work (default: into <db>-backups/)."""
    if target is not None:
        check_target(target, settings.guard)  # the plan too, which the store knows not
    store = settings.store(sync=False)
    out(t("cli.backed_up", db=settings.db_path, path=store.backup(target)))
