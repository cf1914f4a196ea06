"""Commands of the committee's year: meeting (and its agenda), milestone, timeline."""

from __future__ import annotations

import click

from ..catalogue import t
from .. import meeting_words as words
from ..present import parse_date
from .shell import Settings, main, out, today


def initiative_names(store) -> dict[str, str]:
    """id → the name people read, for every initiative (archived too)."""
    return {v.id: v.name for v in store.initiatives(archived=None)}


@main.group()
def meeting():
    """Meetings of the plan's bodies (e.g. Praksisplanudvalget) and their agendas."""


@meeting.command(name="add")
@click.argument("date")
@click.option("--body", help="The body that meets: its id or name (the plan's `bodies:`; "
              "default: the first, e.g. ppu).")
@click.option("--title", default="", help="A title, e.g. 'Forårsmøde'.")
@click.pass_obj
def meeting_add(settings: Settings, date, body, title):
    """Add a meeting on DATE (2025-03-18 or 18.3.2025); prints its number."""
    store = settings.store()
    meeting_id = store.add_meeting(parse_date(date, t("arg.date")), body, settings.user, "cli",
                                   title=title)
    found = store.meeting(str(meeting_id))
    out(t("cli.meeting_added", id=meeting_id, meeting=words.meeting_title(store.info, found)))


@meeting.command(name="list")
@click.option("--body", help="Only this body's meetings.")
@click.option("--year", type=int, help="Only this year's meetings.")
@click.pass_obj
def meeting_list(settings: Settings, body, year):
    """The meetings by date, with how many items each agenda has; the next marked."""
    store = settings.store()
    found = store.meetings(body, year)
    counts: dict[int, int] = {}
    for item in store.agenda():
        counts[item.meeting_id] = counts.get(item.meeting_id, 0) + 1
    upcoming = store.next_meeting(today(), body)
    for m in found:
        mark = "▶ " if upcoming and m.id == upcoming.id else "  "
        out(mark + words.meeting_line(store.info, m, counts.get(m.id, 0)))
    if not found:
        out(t("cli.no_meetings"))


@meeting.command(name="show")
@click.argument("meeting")
@click.option("--body", help="The body, where two meet on that date.")
@click.pass_obj
def meeting_show(settings: Settings, meeting, body):
    """A meeting (by number or date), its agenda and the decisions taken there."""
    store = settings.store()
    found = store.meeting(_date_or_number(meeting), body)
    names = initiative_names(store)
    out(words.meeting_line(store.info, found), bold=True)
    agenda = store.agenda(found.id)
    for number, item in enumerate(agenda, 1):
        out(f"  {words.agenda_line(item, names, number)}  [#{item.id}]")
    if not agenda:
        out("  " + t("agenda.empty"))
    taken = [d for d in store.decisions(archived=True) if d.meeting == str(found.id)]
    if taken:
        out(t("cli.decisions_at"))
        for d in taken:
            out(f"  #{d.id} {names.get(d.initiative_id, d.initiative_id)}: "
                f"{' '.join(d.text.split())}")


@meeting.command(name="remove")
@click.argument("meeting")
@click.option("--body", help="The body, where two meet on that date.")
@click.pass_obj
def meeting_remove(settings: Settings, meeting, body):
    """Take a meeting off (kept in the history; `tracker undo` brings it back)."""
    store = settings.store()
    found = store.meeting(_date_or_number(meeting), body)
    store.remove_record("meeting", found.id, settings.user, "cli")
    out(t("cli.meeting_removed", id=found.id))


@meeting.group(name="item")
def meeting_item():
    """Items on a meeting's agenda: for decision, discussion or information."""


@meeting_item.command(name="add")
@click.argument("meeting")
@click.argument("initiative_id")
@click.argument("text")
@click.option("--kind", default="information",
              help="decision, discussion or information (beslutning, drøftelse, orientering); "
                   "default: information.")
@click.option("--body", help="The body, where two meet on that date.")
@click.pass_obj
def item_add(settings: Settings, meeting, initiative_id, text, kind, body):
    """Put INITIATIVE on MEETING's agenda (number or date); '' for the plan as a whole."""
    store = settings.store()
    item_id = store.add_agenda_item(_date_or_number(meeting), initiative_id.strip(), text,
                                    kind, settings.user, "cli", body=body)
    item = next(i for i in store.agenda() if i.id == item_id)
    found = store.meeting(str(item.meeting_id))
    number = [i.id for i in store.agenda(found.id)].index(item_id) + 1
    out(t("cli.item_added", meeting=words.meeting_of(store.info, found),
          item=words.agenda_line(item, initiative_names(store), number), id=item_id))


@meeting_item.command(name="decide")
@click.argument("item_id", type=int)
@click.argument("text")
@click.pass_obj
def item_decide(settings: Settings, item_id, text):
    """Record what the meeting decided on an agenda item, e.g. "Godkendt" ('' takes it back)."""
    store = settings.store()
    store.decide_item(item_id, text, settings.user, "cli")
    item = next(i for i in store.agenda() if i.id == item_id)
    found = store.meeting(str(item.meeting_id))
    out(t("cli.item_decided", meeting=words.meeting_of(store.info, found),
          item=words.agenda_line(item, initiative_names(store))))


@meeting_item.command(name="remove")
@click.argument("item_id", type=int)
@click.pass_obj
def item_remove(settings: Settings, item_id):
    """Take an item off its agenda (`tracker undo` brings it back)."""
    store = settings.store()
    store.remove_record("item", item_id, settings.user, "cli")
    out(t("cli.item_removed", id=item_id))


@main.group()
def milestone():
    """Dated milestones of the plan or of an initiative."""


@milestone.command(name="add")
@click.argument("first")
@click.argument("second")
@click.argument("third", required=False)
@click.pass_obj
def milestone_add(settings: Settings, first, second, third):
    """Add a milestone: [INITIATIVE] DATE TEXT (no initiative: of the plan)."""
    initiative_id, date, text = (first, second, third) if third is not None \
        else ("", first, second)
    store = settings.store()
    milestone_id = store.add_milestone(parse_date(date, t("arg.date")), text, settings.user,
                                       "cli",
                                       initiative_id)
    entry = next(e for e in store.timeline(today()) if e.kind == "milestone"
                 and e.ref == milestone_id)
    out(t("cli.milestone_added", id=milestone_id,
          line=words.timeline_line(store.info, entry, initiative_names(store), False)))


@milestone.command(name="list")
@click.option("--year", type=int, help="Only this year's milestones.")
@click.pass_obj
def milestone_list(settings: Settings, year):
    """The milestones by date."""
    store = settings.store()
    names = initiative_names(store)
    entries = [e for e in store.timeline(today(), year) if e.kind == "milestone"]
    for e in entries:
        out(f"#{e.ref}  " + words.timeline_line(store.info, e, names))
    if not entries:
        out(t("cli.no_milestones"))


@milestone.command(name="remove")
@click.argument("milestone_id", type=int)
@click.pass_obj
def milestone_remove(settings: Settings, milestone_id):
    """Take a milestone off (`tracker undo` brings it back)."""
    store = settings.store()
    store.remove_record("milestone", milestone_id, settings.user, "cli")
    out(t("cli.milestone_removed", id=milestone_id))


@main.command()
@click.option("--year", type=int, help="Only this year.")
@click.option("--date", "date", help="Today, for what is past and overdue (default: today).")
@click.pass_obj
def timeline(settings: Settings, year, date):
    """Meetings, milestones and due dates in date order; today marked, the next
    meeting named first."""
    store = settings.store()
    info = store.info
    on = parse_date(date, "--date") if date else today()
    ended = words.period_ended(info, on)
    if ended:
        out(ended)
    upcoming = store.next_meeting(on)
    out(t("cli.next_meeting", meeting=words.meeting_title(info, upcoming)) if upcoming
        else t("cli.no_next_meeting"))
    entries = store.timeline(on, year)
    names = initiative_names(store)
    marked = False
    for entry in entries:
        if not marked and entry.date >= on:
            out(words.today_line(on), bold=True)
            marked = True
        out(words.timeline_line(info, entry, names))
    if entries and not marked:
        out(words.today_line(on), bold=True)
    if not entries:
        out(t("timeline.empty"))


def _date_or_number(text: str) -> str:
    """A meeting is named by its number or its date, in either way of writing it."""
    text = text.strip()
    return text if text.isascii() and text.isdigit() else parse_date(text, t("arg.meeting"))
