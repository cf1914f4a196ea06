"""The committee's year: meetings, agendas, the lead party, deliverables, the
timeline, the end of a period and the next plan.

Each key has its words as (English, Danish). `catalogue.t()` looks them up.
"""

TEXTS = {
    "period.ended": (
        "The plan period {start}-{end} ended on {date}.",
        "Planperioden {start}-{end} sluttede {date}."),
    "meeting.items": ("{count} agenda items", "{count} dagsordenspunkter"),
    "meeting.items_one": ("1 agenda item", "1 dagsordenspunkt"),
    "agenda.for": ("for {kind}", "til {kind}"),
    "agenda.whole_plan": ("the plan as a whole", "planen som helhed"),
    "agenda.empty": ("Nothing on the agenda yet.", "Intet på dagsordenen endnu."),
    "lead.lead": ("Lead: {name}", "Tovholder: {name}"),
    "lead.participants": ("Participants: {names}", "Deltagere: {names}"),
    "lead.owners": ("Owners: {names}", "Ansvarlige: {names}"),
    "lead.none": ("No lead or owners yet", "Ingen tovholder eller ansvarlige endnu"),
    "timeline.meeting": ("Meeting: {body}", "Møde: {body}"),
    "timeline.milestone": ("Milestone: {text}", "Milepæl: {text}"),
    "timeline.due": ("Due: action #{id} {text}", "Frist: handling #{id} {text}"),
    "timeline.today": ("── today, {date} ──", "── i dag, {date} ──"),
    "timeline.empty": (
        "Nothing dated yet: add meetings (tracker meeting add), milestones (tracker "
        "milestone add) or due dates of actions.",
        "Intet dateret endnu: tilføj møder (tracker meeting add), milepæle (tracker "
        "milestone add) eller frister på handlinger."),
    # the CLI's answers
    "cli.meeting_added": ("Added meeting #{id}: {meeting}", "Møde #{id} tilføjet: {meeting}"),
    "cli.no_meetings": (
        "No meetings yet. Add one with: tracker meeting add 2025-03-18 --body ppu",
        "Ingen møder endnu. Tilføj et med: tracker meeting add 2025-03-18 --body ppu"),
    "cli.item_added": (
        "Put on the agenda of {meeting}: {item}",
        "Sat på dagsordenen for {meeting}: {item}"),
    "cli.milestone_added": ("Added milestone #{id}: {line}", "Milepæl #{id} tilføjet: {line}"),
    "cli.no_milestones": ("No milestones yet.", "Ingen milepæle endnu."),
    "cli.record_removed": ("Taken off: {what} #{id} (tracker undo brings it back).",
                           "Taget af: {what} #{id} (tracker undo fortryder)."),
    "cli.what_meeting": ("meeting", "møde"),
    "cli.what_item": ("agenda item", "dagsordenspunkt"),
    "cli.what_milestone": ("milestone", "milepæl"),
    "cli.next_meeting": ("Next meeting: {meeting}", "Næste møde: {meeting}"),
    "cli.no_next_meeting": ("No meeting ahead.", "Intet kommende møde."),
    "cli.decisions_at": ("Decisions at this meeting:", "Beslutninger på mødet:"),
    "cli.deliverable_format": (
        "--deliverable is written YEAR=TEXT, e.g. 2025=\"Evaluering forelagt PPU\" "
        "(2025= clears it)",
        "--deliverable skrives ÅR=TEKST, fx 2025=\"Evaluering forelagt PPU\" "
        "(2025= rydder den)"),
    "cli.no_meeting_before": (
        "no meeting of {body} before {date}; give the start with --since",
        "intet møde i {body} før {date}; angiv starten med --since"),
    "cli.no_meeting_before_any": (
        "no meeting before {date}; add the meetings (tracker meeting add) or give --since",
        "intet møde før {date}; tilføj møderne (tracker meeting add) eller angiv --since"),
    "cli.since_twice": (
        "give --since or --since-last-meeting, not both",
        "angiv --since eller --since-last-meeting, ikke begge"),
    "cli.since_last_meeting": (
        "Changes since the meeting of {meeting}.",
        "Ændringer siden mødet {meeting}."),
    "show.lead": ("Division of work", "Opgavefordeling"),
    "show.deliverables": ("Deliverables", "Leverancer"),
    "show.provisional": (
        "Placement under the objective: provisional (the group's own assignment, to be "
        "confirmed)",
        "Placering under målsætningen: foreløbig (gruppens egen placering, skal bekræftes)"),
    "show.continues": ("Continues {id} of the plan before", "Viderefører {id} fra planen før"),
    "mark.provisional": ("placement provisional", "placering foreløbig"),
    "show.adopted_source": ("Adopted {date} (source: {source})", "Vedtaget {date} (kilde: {source})"),
    "msg.undo_records": ("Undone: {summary}", "Fortrudt: {summary}"),
    "msg.redo_records": ("Redone: {summary}", "Gentaget: {summary}"),
    "show.agenda": ("On agendas", "På dagsordener"),
    "report.provisional": (
        "The placement of {count} initiatives under the objectives is provisional: the "
        "working group's own, to be confirmed.",
        "Placeringen af {count} indsatser under målsætningerne er foreløbig: "
        "arbejdsgruppens egen, og den skal bekræftes."),
    "report.adopted_source": ("Date of adoption: {source}", "Vedtagelsesdatoen: {source}"),
}
