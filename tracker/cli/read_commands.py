"""Commands that read: list, show, history, export."""

from __future__ import annotations

import sys

import click

from ..bulk import collector_paused
from ..catalogue import t
from ..errors import TrackerError
from ..files import check_target, write_file
from ..formats import FORMATS, format_of, formatted
from .. import meeting_words, present
from ..present import parse_date, visible
from ..shown import on_one_line
from ..store import Store
from .shell import Settings, err, hang, main, out, terminal_columns, this_command, today


@main.command(name="list")
@click.option("--objective", help="Only this objective (id like m9, or its number).")
@click.option("--status", help="Only initiatives with this status.")
@click.option("--owner", help="Only initiatives with this owner.")
@click.option("--year", type=int, help="Only initiatives with a priority this year.")
@click.option("--archived", is_flag=True, help="Show archived initiatives instead.")
@click.pass_obj
@collector_paused()  # 100,000 rows, no cycles: the collector would walk them again and again
def list_(settings: Settings, objective, status, owner, year, archived):
    """The initiatives with owners, status and priorities, as a table."""
    store = settings.store()
    info = store.info
    objective_id = resolve_objective(store, objective) if objective else None
    found = store.list_columns(info.years, objective=objective_id, status=status, owner=owner,
                               year=year, archived=archived)
    numbers = {o.id: str(o.number) for o in store.objectives(include_archived=True)}
    header = ["#", t("col.id"), t("col.title"), t("col.owners"), t("col.status")] + \
        [str(y) for y in info.years]
    statuses = {key: present.status(info, key) for key in set(found["status"])}
    levels = {term.key: present.level(info, term.key) for term in info.levels}
    levels[None] = "–"
    names = on_one_line(found["name"])  # (a database synced before names were checked)
    if present.has_control(names):  # (rare) shown as symbols, and measured so
        names = [visible(name) for name in names]
    shorts = {ident: visible(info.owner_short(ident)) for ident, _ in info.roster}
    owners = {text: ", ".join(shorts.get(o, o) for o in text.split(","))
              for text in set(found["owners"]) if text}  # short names, as on the screen
    owners[None] = "–"
    columns = [[numbers.get(o, "") for o in found["objective"]], found["id"], names,
               list(map(owners.get, found["owners"])),
               list(map(statuses.get, found["status"])),  # (map: no Python frame a cell)
               *[list(map(levels.get, year, year)) for year in found["levels"]]]
    count = len(found["id"])
    terminal = sys.stdout.isatty()
    total = terminal_columns() if terminal else None
    flexible, hidden = 2, []
    if total is not None:  # too wide: other years, furthest first, then the id, go
        now = info.plan_year(today())
        years = sorted((y for y in info.years if y not in (now, now + 1)),
                       key=lambda y: (-abs(y - now), y))
        order = [5 + info.years.index(y) for y in years] + [1]
        header, columns, flexible, hidden = present.narrowed(header, columns, total, 2, order)
    out(info.title)
    ended = meeting_words.period_ended(info, today())
    if ended:
        out(ended)
    out(present.column_table(header, columns, flexible=flexible, total=total, right=(0,)))
    if hidden:
        out(t("cli.columns_hidden", columns=", ".join(hidden), command=this_command()))
    out(t("cli.count", count=count) if count != 1 else t("cli.count_one"))


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
             ", ".join(f"{info.owner_name(o)} ({o})" for o in v.owners) or "–"),
            (t("show.lead"), meeting_words.lead_line(info, v))]
    if v.provisional:
        rows.insert(1, (t("field.placement").capitalize(), t("show.provisional")))
    rows += [(t("show.priority", year=y), present.level(info, v.priorities.get(y)))
             for y in info.years]
    rows += [(t("field.deliverable", year=y).capitalize(), v.deliverables[y])
             for y in info.years if v.deliverables.get(y)]
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
    meetings = {m.id: m for m in store.meetings()}
    items = [i for i in store.agenda() if i.initiative_id == v.id and i.meeting_id in meetings]
    if items:
        out("\n" + t("show.agenda"), bold=True)
        for item in items:
            out(f"  {meeting_words.meeting_title(info, meetings[item.meeting_id])}: "
                f"{meeting_words.agenda_line(item, {v.id: v.name})}")
    notes = store.notes(v.id)
    out("\n" + t("show.notes", count=len(notes)), bold=True)
    for note in notes:
        head = f"  {present.when(note.created_at)} {note.author}: "
        out(head + hang(note.text, present.width(head)))
    out("\n" + t("show.changes") + ":", bold=True)
    # newest first, as on screen
    for entry in reversed(present.fold(store.history(v.id, limit=20))[-10:]):
        out(f"  {present.when(entry.at)} {entry.who} ({present.source(entry.source)}): "
            f"{present.change(info, entry)}")


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
        out(f"{present.when(entry.at)}  {entry.who} ({present.source(entry.source)})  "
            f"{entry.initiative_id or '–'}  {present.change(store.info, entry)}")
    if not entries:
        out(t("cli.no_history_since", date=present.date(since_stamp[:10])) if since_stamp
                  else t("cli.no_history"))


@main.command()
@click.option("--format", "fmt", type=click.Choice(list(FORMATS)),
              help="markdown (for git), html (one self-contained, print-ready page), docx "
                   "(Word), pdf (with the pdf extra): the document; json: its content for "
                   "scripts; yaml: all tracking state, for git (load it with `tracker "
                   "import`). Default: from the -o file's name, else markdown.")
@click.option("--history", is_flag=True, help="With --format yaml: include the history.")
@click.option("--year", type=int, help="Only initiatives with a priority this year.")
@click.option("--owner", help="Only initiatives with this owner.")
@click.option("--date", "date", help="The report's date (default: today), YYYY-MM-DD.")
@click.option("--since", help="Add every change and note from this date on (YYYY-MM-DD), "
              "e.g. the last meeting's.")
@click.option("--for-meeting", "for_meeting", metavar="MEETING",
              help="A status note for this meeting (its number or date): its title names "
                   "the meeting, and its agenda comes first.")
@click.option("--since-last-meeting", is_flag=True, help="Add what is different since the "
              "body's last meeting (before --for-meeting's, or the report's date).")
@click.option("--body", help="With --since-last-meeting: whose meeting (default: any body).")
@click.option("--implementation-plan", "plan_year", type=int, metavar="YEAR",
              help="Instead of the status report: the yearly implementation plan for YEAR "
                   "(initiatives prioritised that year, their actions, who does what, "
                   "the decisions so far).")
@click.option("--with-status", is_flag=True, help="With --implementation-plan: add each "
              "initiative's and action's status (a plan shows none by default).")
@click.option("--final", is_flag=True, help="Instead of the status report: the final status "
              "of the plan (completed, continued and where, dropped, left unfinished).")
@click.option("-o", "--output", type=click.Path(),
              help="Write to this file (default: the terminal).")
@click.pass_obj
def export(settings: Settings, fmt, history, year, owner, date, since, for_meeting,
           since_last_meeting, body, plan_year, with_status, final, output):
    """The status report for meetings, as markdown (or JSON for scripts, or the
    tracking state as YAML for git)."""
    from .. import report

    if output is not None:
        check_target(output, settings.guard)  # before any work: say it at once
    store = settings.store()
    fmt = fmt or (format_of(output) if output else "markdown")
    if output is None and fmt in ("docx", "pdf"):
        raise TrackerError(t("cli.binary_needs_output", format=fmt))
    if fmt == "yaml" and (final or since_last_meeting):
        raise TrackerError(t("cli.yaml_alone"))
    if fmt == "yaml":
        from ..state import export_state

        text = export_state(store, history=history)
        if output is None:
            out(text, nl=False, data=True)  # (YAML writes an ESC as \e itself)
        else:
            write_file(output, text, settings.guard)
            err(t("cli.wrote_state", path=output))
        return
    dated = date is not None
    date = parse_date(date, "--date") if date else today()
    since = parse_date(since, "--since") if since else None
    meeting = None
    if for_meeting is not None:
        meeting = store.meeting(for_meeting if for_meeting.strip().isdigit()
                                else parse_date(for_meeting, "--for-meeting"), body)
        if meeting.date < date and not dated:  # a note for a meeting already held
            import datetime as dt

            before = (dt.date.fromisoformat(meeting.date) - dt.timedelta(days=1)).isoformat()
            err(t("cli.meeting_held", meeting=meeting_words.meeting_of(store.info, meeting),
                  today=present.date(date), date=before))
    if since_last_meeting:
        if since:
            raise TrackerError(t("cli.since_twice"))
        last = store.previous_meeting(meeting.date if meeting else date,
                                      meeting.body if meeting else body)
        if last is None:
            raise TrackerError(t("cli.no_meeting_before", date=present.date(date),
                                 body=store.info.body_name(store.body_id(body))) if body
                               else t("cli.no_meeting_before_any", date=present.date(date)))
        since = last.date
        err(t("cli.since_last_meeting", meeting=meeting_words.meeting_of(store.info, last)))
    if plan_year is not None and (year is not None or owner or since):
        raise TrackerError(t("cli.plan_alone"))
    # One pause of the cycle collector for building and writing out; the content
    # is gone before it runs again (see tracker/bulk.py).
    if final and (plan_year is not None or year is not None or owner or since):
        raise TrackerError(t("cli.final_alone"))
    if date < today():  # a past day: as the history says it was then, not as today
        from ..as_of import AsOf

        store = AsOf(store, date)
    with collector_paused():
        if final:
            from ..final_report import build_final, final_markdown
            from ..successor import find_successors

            content = build_final(store, date, find_successors(settings.plan_path))
            make = final_markdown
        elif plan_year is not None:
            content = report.implementation_plan(store, plan_year, date, with_status)
            make = report.implementation_markdown
        else:
            content = report.build(store, date, year=year, owner=owner, since=since,
                                   meeting=meeting)
            make = report.markdown
        # JSON is written a piece at a time: the whole text of 100,000 initiatives
        # beside their content was three times the markdown's memory.
        text = report.json_pieces(content) if fmt == "json" else formatted(make(content), fmt)
        del content
    if output is None:
        if isinstance(text, str):
            click.echo(text, nl=False)  # both made safe for a terminal by the report
        else:
            for piece in text:
                sys.stdout.write(piece)
        return
    write_file(output, text, settings.guard)
    err(t("cli.wrote_final", path=output) if final else
        t("cli.wrote_plan", year=plan_year, path=output) if plan_year is not None else
        t("cli.wrote", path=output))
