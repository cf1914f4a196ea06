"""The status report and the yearly implementation plan.

Each key has its words as (English, Danish). `catalogue.t()` looks them up.
"""

TEXTS = {
    "report.title": ("Status: {title}", "Status: {title}"),
    "report.period": ("plan period {period}", "planperiode {period}"),
    "report.adopted": ("adopted {date}", "vedtaget {date}"),
    "report.date": ("report of {date}", "status pr. {date}"),
    "report.only_year": (
        "initiatives with a priority in {year}",
        "indsatser med en prioritet i {year}"),
    "report.only_owner": ("initiatives owned by {owner}", "indsatser med {owner} som ansvarlig"),
    "report.showing_only": ("Showing only {what}.", "Viser kun {what}."),
    "report.summary": ("Summary", "Overblik"),
    "report.status": ("Status", "Status"),
    "report.initiatives": ("Initiatives", "Indsatser"),
    "report.initiative": ("Initiative", "Indsats"),
    "report.objective": ("Objective", "Målsætning"),
    "report.done": ("Done", "Afsluttet"),
    "report.progress": ("Progress", "Fremdrift"),
    "report.chart": ("Initiatives by status", "Indsatser efter status"),
    "report.priorities": ("Priorities by year", "Prioriteter pr. år"),
    "report.legend": ("Legend:", "Forklaring:"),
    "report.no_priorities": ("No priorities set yet.", "Ingen prioriteter endnu."),
    "report.id": ("Id", "Id"),
    "report.owners": ("Owners", "Ansvarlige"),
    "report.latest_note": ("Latest note", "Seneste note"),
    "report.no_initiatives": ("No initiatives.", "Ingen indsatser."),
    "report.archived": ("Archived initiatives", "Arkiverede indsatser"),
    "report.archived_note": (
        "Gone from the plan; their tracking data is kept.",
        "Ikke længere i planen; deres opfølgningsdata er bevaret."),
    "report.changes_since": ("Changes since {date}", "Ændringer siden {date}"),
    "report.no_changes": ("No changes.", "Ingen ændringer."),
    "report.conflicts": ("Open sync conflicts", "Åbne synkroniseringskonflikter"),
    "report.field": ("Field", "Felt"),
    "report.plan_says": ("Plan says", "Planen siger"),
    "report.tracker_has": ("Tracker has", "Trackeren har"),
    "report.other": ("Other", "Andet"),
    "report.unknown_word": (
        "{word} (not in the plan's words)",
        "{word} (ikke blandt planens ord)"),
    "report.only_both": (
        "Showing only initiatives that both have a priority in {year} and are owned by {owner}.",
        "Viser kun indsatser, der både har en prioritet i {year} og har {owner} som ansvarlig."),
    "report.also_supports": ("Also supports: {objectives}", "Understøtter også: {objectives}"),
    "report.local_times": ("Times are local ({zones}).", "Tidspunkter i lokal tid ({zones})."),
    "report.attention": ("Needs attention", "Opmærksomhedspunkter"),
    "report.attention_none": (
        "Nothing needs attention: no overdue actions, no delayed or paused initiatives, no open conflicts.",
        "Intet kræver opmærksomhed: ingen handlinger over fristen, ingen forsinkede indsatser eller indsatser sat i bero, ingen åbne konflikter."),
    "report.overdue": ("Overdue actions ({count})", "Handlinger over fristen ({count})"),
    "report.action": ("Action", "Handling"),
    "report.due": ("Due", "Frist"),
    "report.late": ("Overdue", "Over fristen"),
    "report.attention_initiatives": (
        "Delayed or paused initiatives",
        "Forsinkede indsatser og indsatser sat i bero"),
    "report.no_note": ("no note yet", "ingen note endnu"),
    "report.attention_conflicts": (
        "{count} open conflicts between the plan file and the tracker: see the end of the report.",
        "{count} åbne konflikter mellem planfilen og det registrerede: se sidst i rapporten."),
    "report.attention_conflict": (
        "1 open conflict between the plan file and the tracker: see the end of the report.",
        "1 åben konflikt mellem planfilen og det registrerede: se sidst i rapporten."),
    "report.by_party": ("Who does what in {year}", "Hvem gør hvad i {year}"),
    "report.owns": ("Owns", "Ansvarlig for"),
    "report.leads": ("Leads", "Tovholder for"),
    "report.takes_part": ("Takes part in", "Deltager i"),
    "report.owns_many": (
        "{count} initiatives — {statuses} (each in its objective's table above)",
        "{count} indsatser — {statuses} (hver står i sin målsætnings tabel ovenfor)"),
    "report.no_actions_year": ("No actions for {year}.", "Ingen handlinger for {year}."),
    "plan.title": ("Implementation plan {year} — {title}", "Implementeringsplan {year} — {title}"),
    "plan.intro": (
        "The initiatives prioritised for {year} or with actions in it, highest priority first, with their actions, owners and due dates: who does what this year.",
        "De indsatser, der er prioriteret i {year} eller har handlinger i året, højeste prioritet først, med handlinger, ansvarlige og frister: hvem gør hvad i år."),
    "plan.priority": ("Priority {year}", "Prioritet {year}"),
    "plan.nothing": (
        "No initiative is prioritised for {year} or has actions in it yet.",
        "Ingen indsats er prioriteret i {year} eller har handlinger i året endnu."),
    "plan.who_legend": (
        "● owns the initiative; the number counts the party's actions this year.",
        "● ansvarlig for indsatsen; tallet er partens handlinger i året."),
    "plan.actions": ("{count} actions", "{count} handlinger"),
    "plan.action_one": ("1 action", "1 handling"),
    "plan.decisions": ("Decisions so far", "Beslutninger indtil nu"),
}
