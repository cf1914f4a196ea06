"""The committee's year: meetings, agendas, the lead party, deliverables, the
timeline, the end of a period and the next plan.

Each key has its words as (English, Danish). `catalogue.t()` looks them up.
"""

TEXTS = {
    "period.ended": (
        "The plan period {start}-{end} ended on {date}.",
        "Planperioden {start}-{end} sluttede {date}."),
    "period.ended_short": ("the plan period ended {date}", "planperioden sluttede {date}"),
    "meeting.of": ("the meeting of {body} on {date}", "{body} møde {date}"),
    "arg.date": ("DATE", "dato"),
    "arg.meeting": ("MEETING", "møde"),
    "meeting.items": ("{count} agenda items", "{count} dagsordenspunkter"),
    "meeting.items_one": ("1 agenda item", "1 dagsordenspunkt"),
    "agenda.for": ("for {kind}", "til {kind}"),
    "agenda.whole_plan": ("the plan as a whole", "planen som helhed"),
    "agenda.empty": ("Nothing on the agenda yet.", "Intet på dagsordenen endnu."),
    "lead.lead": ("Lead: {name}", "Tovholder: {name}"),
    "lead.participants": ("Participants: {names}", "Deltagere: {names}"),
    "lead.owners": ("Owners: {names}", "Ansvarlige: {names}"),
    "lead.short": ("lead", "tovholder"),
    "lead.marked": ("{name} (lead)", "{name} (tovholder)"),
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
        "No meetings yet. Add one with: tracker meeting add DATE --body ppu",
        "Ingen møder endnu. Tilføj et med: tracker meeting add DATO --body ppu"),
    "cli.item_added": (
        "Put on the agenda of {meeting}: {item} [#{id}]",
        "Sat på dagsordenen for {meeting}: {item} [#{id}]"),
    "cli.milestone_added": ("Added milestone #{id}: {line}", "Milepæl #{id} tilføjet: {line}"),
    "cli.no_milestones": ("No milestones yet.", "Ingen milepæle endnu."),
    "cli.owners_removed": (
        "No longer owners: {names}. Owners now: {owners} (--add-owner adds one without "
        "replacing the others).",
        "Ikke længere ansvarlige: {names}. Ansvarlige nu: {owners} (--add-owner tilføjer én "
        "uden at erstatte de andre)."),
    "cli.meeting_removed": ("Meeting #{id} is cancelled (undo with tracker undo).",
                            "Møde #{id} er aflyst (fortryd med tracker undo)."),
    "cli.item_removed": ("Agenda item #{id} is taken off (undo with tracker undo).",
                         "Dagsordenspunkt #{id} er fjernet (fortryd med tracker undo)."),
    "cli.milestone_removed": ("Milestone #{id} is removed (undo with tracker undo).",
                              "Milepæl #{id} er fjernet (fortryd med tracker undo)."),
    "cli.meeting_and_date": (
        "--meeting gives the decision its meeting's date and body: leave out --date and --by",
        "--meeting giver beslutningen mødets dato og udvalg: udelad --date og --by"),
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
        "Changes since {meeting}.",
        "Ændringer siden {meeting}."),
    "show.lead": ("Division of work", "Opgavefordeling"),
    "show.deliverables": ("Deliverables", "Leverancer"),
    "show.provisional": (
        "provisional (the working group's own placement, to be confirmed)",
        "foreløbig (arbejdsgruppens egen placering – skal bekræftes)"),
    "show.continues": ("Continues {id} of the plan before", "Viderefører {id} fra planen før"),
    "mark.provisional": ("its placement under the objective is provisional",
                         "placeringen under målsætningen er foreløbig"),
    "mark.provisional_short": ("placement provisional", "placering foreløbig"),
    "show.adopted_source": ("Adopted {date} (source: {source})", "Vedtaget {date} (kilde: {source})"),
    "msg.undo_records": ("Undone: {summary}", "Fortrudt: {summary}"),
    "msg.redo_records": ("Redone: {summary}", "Gentaget: {summary}"),
    # a plan that follows another
    "db.no_predecessor": (
        "the plan before has no tracker database at {path}; carry nothing over by removing "
        "`continues:` from the plan, or put that database there",
        "planen før har ingen database i {path}; fjern `continues:` fra planen for ikke at "
        "videreføre noget, eller læg databasen dér"),
    "db.predecessor_old": (
        "the database of the plan before ({path}) is from an older tracker; open it once "
        "with this one (e.g. tracker --db {path} list) to bring it up to date",
        "databasen for planen før ({path}) er fra en ældre version af værktøjet; åbn den "
        "én gang med denne version (fx tracker --db {path} list) for at opdatere den"),
    "err.no_predecessor_file": (
        "the plan this one follows, '{follows}', was not found (looked in {places})",
        "planen, som denne følger, '{follows}', blev ikke fundet (søgt i {places})"),
    "err.meeting_has_items": (
        "meeting #{id} has {count} agenda item(s): take them off first (tracker meeting item "
        "remove), so none is lost from sight",
        "møde #{id} har {count} dagsordenspunkt(er): fjern dem først (tracker meeting item "
        "remove), så intet forsvinder af syne"),
    "records.name": ("the meetings and milestones", "møderne og milepælene"),
    "err.history_from": (
        "this database's history tells every value only from {since}, so a document dated "
        "{date} cannot be made true to that day; give a date from {since} on",
        "denne databases historik fortæller alle værdier først fra {since}, så et dokument "
        "dateret {date} kan ikke gøres retvisende for den dag; angiv en dato fra {since}"),
    "err.follows_itself": (
        "the plan names itself under follows: ('{follows}'); name the plan before it",
        "planen angiver sig selv under follows: ('{follows}'); angiv planen før den"),
    "err.not_in_predecessor": (
        "'{id}' continues '{ref}', which is no initiative of {plan}",
        "'{id}' viderefører '{ref}', som ikke er en indsats i {plan}"),
    "sync.meeting_added": ("meeting {date} from the plan {text}", "møde {date} fra planen {text}"),
    "sync.milestone_added": ("milestone {date} from the plan: {text}",
                             "milepæl {date} fra planen: {text}"),
    "sync.meeting_gone": (
        "the plan no longer has the meeting of {date}; its {count} agenda item(s) are kept "
        "in the history (put them on another meeting)",
        "planen har ikke længere mødet {date}; dets {count} dagsordenspunkt(er) er bevaret i "
        "historikken (sæt dem på et andet møde)"),
    "sync.continued": (
        "continued from {plan} ({ref}): {what}",
        "videreført fra {plan} ({ref}): {what}"),
    "sync.not_continued": (
        "not finished in {plan} and not continued: {name} ({status})",
        "ikke afsluttet i {plan} og ikke videreført: {name} ({status})"),
    "carried.status": ("status", "status"),
    "carried.owners": ("owners", "ansvarlige"),
    "carried.lead": ("lead", "tovholder"),
    "carried.notes": ("{count} notes", "{count} noter"),
    "carried.notes_one": ("1 note", "1 note"),
    "carried.decisions_one": ("1 decision", "1 beslutning"),
    "carried.actions_one": ("1 open action", "1 åben handling"),
    "sync.not_continued_count": (
        "Of the previous plan, {count} unfinished initiatives are not continued (the lines "
        "with ?): to carry one over, add `continues: <its id>` to it in the new plan; else "
        "it ends with the old plan.",
        "Fra den forrige plan videreføres {count} uafsluttede indsatser ikke (linjerne med ?): "
        "tilføj `continues: <dens id>` til en indsats i den nye plan for at videreføre den; "
        "ellers slutter den med den gamle plan."),
    "carried.decisions": ("{count} decisions", "{count} beslutninger"),
    "carried.actions": ("{count} open actions", "{count} åbne handlinger"),
    "change.continued": ("continued from {plan} ({ref})", "videreført fra {plan} ({ref})"),
    # the final status of an ended plan
    "final.title": ("Final status: {title}", "Slutstatus: {title}"),
    "final.summary": (
        "Of the {total} initiatives, {completed} are finished, {continues} continue, "
        "{dropped} are dropped and {unfinished} are neither finished nor continued.",
        "Af de {total} indsatser er {completed} afsluttet, {continues} videreføres, "
        "{dropped} er udgået, og {unfinished} er hverken afsluttet eller videreført."),
    "final.no_successor": (
        "No plan following this one is recorded yet.",
        "Der er endnu ikke registreret en efterfølgende plan."),
    "final.open_actions": ("{count} open actions", "{count} åbne handlinger"),
    "final.open_action": ("1 open action", "1 åben handling"),
    "final.owners": ("owners: {names}", "ansvarlige: {names}"),
    "final.lead": ("lead: {name}", "tovholder: {name}"),
    "final.none": ("none", "ingen"),
    "final.successors": ("Continued in: {plans}.", "Videreføres i: {plans}."),
    "final.completed": ("Finished", "Afsluttet"),
    "final.continues": ("Continues", "Videreføres"),
    "final.dropped": ("Dropped", "Udgået"),
    "final.unfinished": ("Neither finished nor continued", "Hverken afsluttet eller videreført"),
    "final.continued_in": ("{plan}: {name}", "{plan}: {name}"),
    "final.latest_note": ("latest note {date}: {text}", "seneste note {date}: {text}"),
    "final.without": (
        "Objectives without initiatives in this plan: {objectives}.",
        "Målsætninger uden indsatser i denne plan: {objectives}."),
    "cli.binary_needs_output": (
        "a {format} file is not for the terminal: give -o FILE.{format}",
        "en {format}-fil er ikke til terminalen: angiv -o FIL.{format}"),
    "cli.pdf_extra": (
        "PDF needs WeasyPrint: pip install 'praksisplan-tracker[pdf]' (or export html and "
        "print it to PDF from a browser)",
        "PDF kræver WeasyPrint: pip install 'praksisplan-tracker[pdf]' (eller eksportér html "
        "og udskriv den som PDF fra en browser)"),
    "cli.yaml_alone": (
        "--format yaml is the tracking state for git: --final and --since-last-meeting are "
        "for the documents (markdown or json)",
        "--format yaml er registreringerne til git: --final og --since-last-meeting gælder "
        "dokumenterne (markdown eller json)"),
    "err.milestone_long": (
        "a milestone is {length} characters; at most {most} (one line)",
        "milepælen er på {length} tegn; højst {most} (én linje)"),
    "cli.final_alone": (
        "--final is the whole plan's final status: give it without --year, --owner, --since "
        "or --implementation-plan",
        "--final er hele planens slutstatus: angiv den uden --year, --owner, --since "
        "eller --implementation-plan"),
    # the status note: what is different since a day, one line per initiative
    "fold.new": ("new in the plan", "ny i planen"),
    "fold.status": ("status {old} → {new}", "status {old} → {new}"),
    "fold.lead_now": ("{name} is now the lead", "{name} er nu tovholder"),
    "fold.lead_gone": ("{name} is no longer the lead", "{name} er ikke længere tovholder"),
    "fold.owners_new": ("new owners: {names}", "nye ansvarlige: {names}"),
    "fold.owners_gone": ("no longer owners: {names}", "ikke længere ansvarlige: {names}"),
    "list.and": (" and ", " og "),
    "days": ("{count} days", "{count} dage"),
    "days_one": ("1 day", "1 dag"),
    "fold.priority": ("priority {year} {old} → {new}", "prioritet {year} {old} → {new}"),
    "fold.deliverable": ("deliverable {year}: {text}", "leverance {year}: {text}"),
    "fold.deliverable_gone": ("deliverable {year} cleared", "leverance {year} fjernet"),
    "fold.actions_added": ("{count} actions added", "{count} handlinger tilføjet"),
    "fold.actions_added_one": ("1 action added", "1 handling tilføjet"),
    "fold.actions_done": ("{count} actions finished", "{count} handlinger afsluttet"),
    "fold.actions_done_one": ("1 action finished", "1 handling afsluttet"),
    "fold.actions_late": ("{count} actions overdue", "{count} handlinger over fristen"),
    "fold.actions_late_one": ("1 action overdue", "1 handling over fristen"),
    "fold.decision": ("decided: {text}", "besluttet: {text}"),
    "fold.decision_dated": ("decided on {date} (recorded since): {text}",
                            "besluttet {date} (registreret siden): {text}"),
    "fold.note": ("note: {text}", "note: {text}"),
    "note.title_date": ("Status as of {date}", "Status pr. {date}"),
    "note.title_meeting": ("Status note for {meeting}", "Statusnotat til {meeting}"),
    "note.agenda": ("On the agenda", "På dagsordenen"),
    "note.agenda_item_for": ("for {kind}", "til {kind}"),
    "note.changes": ("What is different since {date}", "Ændringer siden {date}"),
    "note.changes_none": ("Nothing is different since then.", "Intet er ændret siden da."),
    "note.history_hint": (
        "Every single change, with who and when: tracker history --since {iso}.",
        "Hver enkelt ændring, med hvem og hvornår: tracker history --since {iso}."),
    "note.without": ("Objectives without initiatives: {objectives}.",
                     "Målsætninger uden indsatser: {objectives}."),
    "note.lead": ("Lead", "Tovholder"),
    "note.priority": ("Priority {year}", "Prioritet {year}"),
    "note.deliverable": ("Deliverable {year}", "Leverance {year}"),
    "note.changed": ("Changed since {date}", "Ændret siden {date}"),
    # the implementation plan as a plan
    "plan.made": ("as of {date}", "udarbejdet {date}"),
    "plan.state_draft": ("Draft for {meeting}", "Udkast til behandling på {meeting}"),
    "plan.state_treated": ("Dealt with at {meeting}", "Behandlet på {meeting}"),
    "plan.state_approved": ("Approved by {body} on {date}", "Godkendt af {body} den {date}"),
    "plan.state_since": (
        "This copy is brought up to date on {date} and may differ from the one approved.",
        "Denne udgave er ajourført {date} og kan afvige fra den godkendte."),
    "plan.item_decision": ("{meeting}: {text} — {outcome}", "{meeting}: {text} — {outcome}"),
    "chart.status_title": ("Initiatives per objective, by status",
                           "Indsatser pr. målsætning fordelt på status"),
    "err.before_records": (
        "nothing was recorded in this database before {since} (its first sync), so a "
        "document dated {date} would show an empty plan; give a date from {since} on",
        "denne database har ingen registreringer før {since} (den første synkronisering), "
        "så et dokument dateret {date} ville vise en tom plan; vælg en dato fra {since}"),
    "plan.state_decided": ("Decided at {meeting}: {outcome}", "Besluttet på {meeting}: {outcome}"),
    "agenda.decided": ("decided: {outcome}", "besluttet: {outcome}"),
    "cli.item_decided": ("Recorded at {meeting}: {item}", "Registreret for {meeting}: {item}"),
    "form.outcome": ("What did the meeting decide?", "Hvad besluttede mødet?"),
    "form.outcome_hint": ("e.g. Godkendt", "fx Godkendt"),
    "msg.item_decided": ("Recorded what {meeting} decided", "Registreret, hvad der blev besluttet på {meeting}"),
    "plan.purpose": (
        "The implementation plan unfolds and makes concrete {title} for {year}, and makes "
        "the division of work between the parties precise: for each initiative prioritised "
        "this year, its agreed text, who leads it (tovholder) and who takes part, what is to "
        "be delivered, and the actions with their owners and due dates.",
        "Implementeringsplanen udfolder og konkretiserer {title} for {year} og præciserer "
        "opgavefordelingen mellem parterne. For hver indsats, der er prioriteret i {year}, "
        "angives den aftalte tekst, tovholder og deltagere, leverancen samt handlingerne med "
        "ansvarlige og frister."),
    "plan.nothing_in": ("No initiatives prioritised in {year} under objectives {objectives}.",
                        "Ingen prioriterede indsatser i {year} under målsætning {objectives}."),
    "plan.participants": ("Participants", "Deltagere"),
    "plan.no_lead": ("not appointed yet", "ikke udpeget endnu"),
    "plan.no_deliverable": ("not set yet", "ikke fastlagt endnu"),
    "plan.provisional_sentence": (
        "Its placement under the objective is provisional.",
        "Placeringen under målsætningen er foreløbig."),
    "plan.timeline": ("Timeline {year}", "Tidsplan {year}"),
    "chart.months": ("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec",
                     "jan feb mar apr maj jun jul aug sep okt nov dec"),
    "plan.no_timeline": ("No meetings or milestones recorded for {year} yet.",
                         "Ingen møder eller milepæle registreret for {year} endnu."),
    "plan.no_timeline_past": ("No meetings or milestones were recorded for {year}.",
                              "Der blev ikke registreret møder eller milepæle for {year}."),
    "plan.decisions_year": ("Decisions in {year}", "Beslutninger i {year}"),
    "plan.no_decisions": ("No decisions recorded in {year}.", "Ingen beslutninger registreret i {year}."),
    "plan.who": ("Who leads and takes part in {year}", "Tovholdere og deltagere i {year}"),
    "plan.who_legend_lead": (
        "Key: lead = the party leads the initiative (tovholder); ● = takes part; the number "
        "= the year's actions the party is responsible for.",
        "Forklaring: tovholder = parten er tovholder for indsatsen; ● = deltager; tallet = "
        "antal af årets handlinger, parten er ansvarlig for."),
    "plan.leads": ("lead", "tovholder"),
    "plan.agenda_line": ("on the agenda: {line}", "på dagsordenen: {line}"),
    # the TUI
    "cmd.timeline": ("Timeline: meetings, milestones, due dates",
                     "Tidslinje: møder, milepæle, frister"),
    "cmd.agenda": ("Meetings and the next agenda", "Møder og næste dagsorden"),
    "key.timeline": ("Timeline", "Tidslinje"),
    "key.agenda": ("Meetings", "Møder"),
    "key.meeting_before": ("Meeting before", "Mødet før"),
    "key.meeting_after": ("Meeting after", "Mødet efter"),
    "key.new_meeting": ("New meeting", "Nyt møde"),
    "key.add_item": ("Add item", "Tilføj punkt"),
    "key.decide": ("Decision", "Beslutning"),
    "timeline.title": ("Timeline: meetings, milestones and due dates",
                       "Tidslinje: møder, milepæle og frister"),
    "timeline.keys": ("enter on a meeting: its agenda · m: next meeting · escape: close",
                      "enter på et møde: dagsordenen · m: næste møde · escape: luk"),
    "agenda.title": ("Agenda: {meeting}", "Dagsorden: {meeting}"),
    "agenda.ahead": ("ahead", "kommende"),
    "agenda.keys": (
        "←/→: meeting before/after · a: add item · b: decision on the item · n: new meeting "
        "· t: timeline · escape: close",
        "←/→: mødet før/efter · a: tilføj punkt · b: beslutning på punktet · n: nyt møde "
        "· t: tidslinje · escape: luk"),
    "agenda.no_meetings_title": ("Meetings", "Møder"),
    "agenda.no_meetings": (
        "No meetings yet. Press n to add the year's meetings.",
        "Ingen møder endnu. Tryk n for at tilføje årets møder."),
    "form.meeting_title_new": ("New meeting", "Nyt møde"),
    "form.meeting_date": ("Date", "Dato"),
    "form.meeting_body": ("Body", "Udvalg"),
    "form.meeting_title": ("Title (optional)", "Titel (valgfri)"),
    "form.item_title": ("On the agenda of {meeting}", "På dagsordenen for {meeting}"),
    "form.item_initiative": ("The initiative, by name (empty field = the plan as a whole)",
                             "Indsatsen, ved navn (tomt felt = planen som helhed)"),
    "form.item_initiative_hint": ("e.g. HAPS", "fx HAPS"),
    "form.item_text": ("What is to be dealt with", "Hvad punktet handler om"),
    "form.item_kind": ("For", "Til"),
    "form.decision_at": ("Decision at {meeting}", "Beslutning på {meeting}"),
    "form.decision_on_item": ("Decision at {meeting} · item {number}: {text}",
                              "Beslutning på {meeting} · punkt {number}: {text}"),
    "msg.meeting_added": ("Meeting #{id} added.", "Møde #{id} tilføjet."),
    "msg.item_added": ("Put on the agenda.", "Sat på dagsordenen."),
    "msg.decision_at_meeting": ("Decision #{id} recorded at {meeting}.",
                                "Beslutning #{id} registreret på {meeting}."),
    "show.agenda": ("On agendas", "På dagsordener"),
    "plan.deliverable": ("To be delivered in {year}", "Leverance {year}"),
    "report.provisional": (
        "The working group has itself placed the {count} initiatives under the objectives; "
        "the placement is provisional and is to be confirmed.",
        "Arbejdsgruppen har foreløbigt placeret de {count} indsatser under målsætningerne; "
        "placeringen skal bekræftes."),
    "report.adopted_source": ("Date of adoption: {source}", "Vedtagelsesdatoen: {source}"),
}
