"""Words of the core shared by every face: errors, the database, the sync, the state file, history, files.

Each key has its words as (English, Danish). `catalogue.t()` looks them up.
"""

TEXTS = {
    "db.no_backups": (
        "cannot keep backups in {folder}: {reason}; move what is there away, or make it a folder",
        "kan ikke gemme sikkerhedskopier i {folder}: {reason}; flyt det, der ligger der, "
        "eller gør det til en mappe"),
    "files.no_reports": (
        "cannot save exports in the reports folder {folder}: {reason}; ask whoever runs the "
        "server to check --reports",
        "kan ikke gemme eksporter i rapportmappen {folder}: {reason}; bed den, der kører "
        "serveren, om at tjekke --reports"),
    "state.unknown_key": (
        "the state file has a key '{key}' the tracker does not know; nothing was imported "
        "(make the file with `tracker export --format yaml`)",
        "tilstandsfilen har nøglen '{key}', som værktøjet ikke kender; intet er importeret "
        "(lav filen med `tracker export --format yaml`)"),
    "state.action_key": (
        "an action's key '{key}' is not a plan id (lower-case letters, digits and hyphens)",
        "en handlings nøgle '{key}' er ikke et id fra planen (små bogstaver, tal og bindestreger)"),
    "err.name_hidden": (
        "the name “{name}” has characters that hide or reorder text (or is blank); write it plainly",
        "navnet “{name}” har tegn, der skjuler eller vender tekst (eller er blankt); skriv det tydeligt"),
    "sync.title": ("The plan could not be synced", "Planen kunne ikke synkroniseres"),
    "sync.footer": (
        "Fix the plan file and press r again. Nothing was changed.",
        "Ret planfilen, og tryk r igen. Intet er ændret."),
    "field.status": ("status", "status"),
    "field.owners": ("owners", "ansvarlige"),
    "field.note": ("note", "note"),
    "field.added": ("added", "tilføjet"),
    "field.archived": ("archived", "arkiveret"),
    "field.id": ("id", "id"),
    "field.title": ("title", "titel"),
    "field.short": ("short title", "kort titel"),
    "field.kind": ("kind", "type"),
    "field.description": ("description", "beskrivelse"),
    "field.objective": ("objective", "målsætning"),
    "field.also_supports": ("also supports", "understøtter også"),
    "field.priority": ("priority {year}", "prioritet {year}"),
    "value.yes": ("yes", "ja"),
    "value.no": ("no", "nej"),
    "change.note_added": ("note added: {text}", "note tilføjet: {text}"),
    "change.note_withdrawn": ("note withdrawn: {text}", "note trukket tilbage: {text}"),
    "change.added": (
        "added to the plan under {objective}",
        "tilføjet til planen under {objective}"),
    "change.archived": ("archived", "arkiveret"),
    "change.unarchived": ("back in the plan", "tilbage i planen"),
    "change.renamed": ("renamed from {old}", "omdøbt fra {old}"),
    "change.by_plan": ("{field} changed by the plan", "{field} ændret af planen"),
    "change.undo": (" (undo)", " (fortrudt)"),
    "change.resolved_kept": (
        "{field}: conflict with the plan settled, kept {value}",
        "{field}: konflikten med planfilen er løst, {value} er bevaret"),
    "change.resolved_took": (
        "{field}: {old} → {value} (the plan's value; conflict settled)",
        "{field}: {old} → {value} (planfilens værdi; konflikten er løst)"),
    "change.redo": (" (redo)", " (gentaget)"),
    "err.did_you_mean": ("did you mean {ids}?", "mente du {ids}?"),
    "err.or": (" or ", " eller "),
    "err.see_list": ("see `tracker list` for the ids", "se id'erne med `tracker list`"),
    "err.unknown_initiative": (
        "unknown initiative '{id}' ({hint})",
        "ukendt indsats '{id}' ({hint})"),
    "err.unknown_owner": (
        "unknown owner '{text}'; choose one of: {choices} (people are added in the plan file)",
        "ukendt ansvarlig '{text}'; vælg en af: {choices} (personer tilføjes i planfilen)"),
    "err.unknown_status": (
        "unknown status '{text}'; choose one of: {choices}",
        "ukendt status '{text}'; vælg en af: {choices}"),
    "err.unknown_level": (
        "unknown priority level '{text}'; choose one of: {choices}",
        "ukendt prioritet '{text}'; vælg en af: {choices}"),
    "err.initiative_ambiguous": (
        "more than one initiative is called '{name}'; give its id: {ids}",
        "flere indsatser hedder '{name}'; angiv dens id: {ids}"),
    "source.cli": ("on the command line", "på kommandolinjen"),
    "source.tui": ("in the app", "i programmet"),
    "source.serve": ("in the browser", "i browseren"),
    "source.sync": ("from the plan file", "fra planfilen"),
    "source.import": ("by import", "ved import"),
    "err.year_number": (
        "the plan year must be a year from {first} to {last}, not '{text}'",
        "planåret skal være et årstal fra {first} til {last}, ikke '{text}'"),
    "err.year": (
        "the year {year} is outside the plan period; choose one of: {choices}",
        "året {year} ligger uden for planperioden; vælg et af: {choices}"),
    "err.note_empty": ("the note is empty; write some text", "noten er tom; skriv noget tekst"),
    "err.note_long": (
        "the note is {length} characters long; at most {most} are allowed",
        "noten er {length} tegn lang; højst {most} er tilladt"),
    "err.nothing_to_undo": ("nothing to undo for {who}", "intet at fortryde for {who}"),
    "err.nothing_to_redo": ("nothing to redo for {who}", "intet at gentage for {who}"),
    "err.cannot_undo": (
        "cannot undo: {field} of {id} was changed since (now {now}); nothing was changed",
        "kan ikke fortryde: {field} for {id} er ændret siden (nu {now}); intet er ændret"),
    "err.cannot_redo": (
        "cannot redo: {field} of {id} was changed since (now {now}); nothing was changed",
        "kan ikke gentage: {field} for {id} er ændret siden (nu {now}); intet er ændret"),
    "err.the_note": ("the note", "noten"),
    "err.busy": (
        "{path}: the database is busy (another user or program is writing); nothing was changed, try again in a moment",
        "{path}: databasen er optaget (en anden bruger eller et andet program skriver); intet er ændret, prøv igen om et øjeblik"),
    "err.read_only": (
        "{path}: the database is read-only here; nothing was changed (check the permissions of the file and its folder)",
        "{path}: databasen er skrivebeskyttet her; intet er ændret (tjek rettighederne til filen og dens mappe)"),
    "err.stale": (
        "{id} was changed meanwhile — {changes}. Your edit was not saved; look again and redo it if still wanted.",
        "{id} er ændret i mellemtiden — {changes}. Din ændring er ikke gemt; se igen, og gentag den, hvis den stadig ønskes."),
    "err.someone": ("someone changed it", "en anden har ændret den"),
    "err.no_plan_yet": (
        "{path}: holds no plan yet; run `tracker sync`",
        "{path}: indeholder endnu ingen plan; kør `tracker sync`"),
    "sync.conflict_line": (
        "{field}: plan says {plan}, tracker has {tracker} (plan said {base} at the last sync); kept the tracker's",
        "{field}: planfilen siger {plan}, det registrerede er {tracker} (planfilen sagde {base} ved sidste synkronisering); den registrerede værdi er bevaret"),
    "sync.archived": (
        "archived (gone from the plan; its tracking data is kept)",
        "arkiveret (ikke længere i planen; opfølgningsdata er bevaret)"),
    "sync.renamed": (
        "renamed from {old} (tracking data follows)",
        "omdøbt fra {old} (opfølgningsdata følger med)"),
    "sync.objective_added": ("objective {number}: {name}", "målsætning {number}: {name}"),
    "sync.objective_back": (
        "objective back in the plan (unarchived)",
        "målsætning tilbage i planen (ikke længere arkiveret)"),
    "sync.objective_changed": ("objective text changed", "målsætningens tekst er ændret"),
    "sync.objective_archived": (
        "objective archived (gone from the plan)",
        "målsætning arkiveret (ikke længere i planen)"),
    "sync.added": ("{name} (objective {objective})", "{name} (målsætning {objective})"),
    "sync.back": (
        "back in the plan (unarchived, tracking data kept)",
        "tilbage i planen (ikke længere arkiveret, opfølgningsdata bevaret)"),
    "sync.from_plan": (
        "{field}: {old} → {new} (from the plan)",
        "{field}: {old} → {new} (fra planen)"),
    "sync.open_conflicts": ("its open conflicts: {fields}", "dens åbne konflikter: {fields}"),
    "sync.none_open": ("it has no open conflicts", "den har ingen åbne konflikter"),
    "sync.no_conflict": (
        "{id} has no conflict on '{field}' ({hint})",
        "{id} har ingen konflikt på '{field}' ({hint})"),
    "sync.took_plan": (
        "{id}: {field} set to the plan's {value}",
        "{id}: {field} sat til planens {value}"),
    "sync.kept": (
        "{id}: kept the tracker's {field} {value}; the plan's value is settled",
        "{id}: den registrerede {field} {value} er bevaret; konflikten med planfilen er løst"),
    "files.is_database": (
        "{path} is the tracker's database (or part of it); give another file name",
        "{path} er værktøjets database (eller en del af den); angiv et andet filnavn"),
    "files.is_plan": (
        "{path} is the plan file; give another file name",
        "{path} er planfilen; angiv et andet filnavn"),
    "files.in_backups": (
        "{path} is in the backups folder, which keeps only the tracker's own backups; choose another folder",
        "{path} ligger i mappen med sikkerhedskopier, som kun rummer værktøjets egne kopier; vælg en anden mappe"),
    "files.not_regular": (
        "{path} is not an ordinary file (a device, a pipe or a socket); give another file name",
        "{path} er ikke en almindelig fil (en enhed, en pipe eller en socket); angiv et andet filnavn"),
    "files.name_too_long": (
        "the file name {name} is too long for this file system; give a shorter one",
        "filnavnet {name} er for langt til dette filsystem; angiv et kortere"),
    "files.served_name": (
        "“{name}” is not a plain file name: in the browser, give a name only (e.g. status.md); the file is saved in the server's reports folder and downloaded to you",
        "“{name}” er ikke et rent filnavn: i browseren angives kun et navn (fx status.md); filen gemmes i serverens rapportmappe og hentes ned til dig"),
    "db.no_folder": (
        "{path}: the folder {folder} does not exist (create it, or give another --db / TRACKER_DB)",
        "{path}: mappen {folder} findes ikke (opret den, eller angiv en anden --db / TRACKER_DB)"),
    "db.is_folder": (
        "{path}: is a folder, not a database file (give a file path)",
        "{path}: er en mappe, ikke en databasefil (angiv en filsti)"),
    "db.not_sqlite": (
        "{path}: is not a tracker database (not an SQLite file); give another --db, or move this file away",
        "{path}: er ikke en tracker-database (ikke en SQLite-fil); angiv en anden --db, eller flyt filen væk"),
    "db.not_tracker": (
        "{path}: is an SQLite file but not a tracker database; give another --db, or move this file away",
        "{path}: er en SQLite-fil, men ikke en tracker-database; angiv en anden --db, eller flyt filen væk"),
    "db.newer": (
        "{path}: was written by a newer version of tracker (schema {schema}); upgrade tracker (pip install -U) — the file was not touched",
        "{path}: er skrevet af en nyere version af tracker (skema {schema}); opgradér tracker (pip install -U) — filen er ikke rørt"),
    "db.exists": (
        "{path} exists already; give a new file name",
        "{path} findes allerede; angiv et nyt filnavn"),
    "state.yaml": (
        "the state file cannot be read: {where}{message}",
        "tilstandsfilen kan ikke læses: {where}{message}"),
    "state.line": ("line {line}: ", "linje {line}: "),
    "state.not_state": (
        "this is not a tracker state file (it needs 'format: {format}'); make one with `tracker export --format yaml`",
        "dette er ikke en tilstandsfil fra tracker (den skal have 'format: {format}'); lav en med `tracker export --format yaml`"),
    "state.initiatives": (
        "'initiatives' must map initiative ids to their state",
        "'initiatives' skal knytte indsatsers id'er til deres tilstand"),
    "state.unknown": (
        "unknown initiative '{id}' (is the plan synced?)",
        "ukendt indsats '{id}' (er planen synkroniseret?)"),
    "state.not_mapping": ("{id}: must be a mapping", "{id}: skal være nøgler og værdier"),
    "state.note": (
        "a note needs 'text' (and 'at', 'author')",
        "en note skal have 'text' (og 'at', 'author')"),
    "state.problems": (
        "the state file has problems, nothing was imported: {problems}",
        "tilstandsfilen har problemer, intet er importeret: {problems}"),
    "state.took": ("{field}: {old} → {new}", "{field}: {old} → {new}"),
    "state.conflict": (
        "{field}: file says {file}, tracker has {tracker}; kept the tracker's",
        "{field}: filen siger {file}, det registrerede er {tracker}; den registrerede værdi er bevaret"),
    "state.note_by": ("note by {author}", "note af {author}"),
    "err.meeting_not_held": (
        "the meeting of {date} has not been held yet; record what it decided on the day or after",
        "mødet {date} er ikke holdt endnu; registrér, hvad det besluttede, på dagen eller derefter"),
    "sync.none": ("No changes.", "Ingen ændringer."),
    "sync.did": (
        "Added {added}, changed {changed}, archived {archived}.",
        "{added} tilføjet, {changed} ændret, {archived} arkiveret."),
    "sync.would": (
        "Would add {added}, change {changed}, archive {archived}.",
        "{added} ville blive tilføjet, {changed} ændret og {archived} arkiveret."),
    "sync.conflicts_one": (
        "1 conflict: the tracker's value was kept (settle with `tracker resolve ID FIELD --keep` or `--take-plan`).",
        "1 konflikt: den registrerede værdi er bevaret (afgør med `tracker resolve ID FELT --keep` eller `--take-plan`)."),
    "sync.conflicts": (
        "{count} conflicts: the tracker's value was kept (settle with `tracker resolve ID FIELD --keep` or `--take-plan`).",
        "{count} konflikter: den registrerede værdi er bevaret (afgør med `tracker resolve ID FELT --keep` eller `--take-plan`)."),
    "db.read_only_file": (
        "{path}: the database file is marked read-only; nothing was opened or changed (make it writable, e.g. chmod u+w {path}, or work on a copy)",
        "{path}: databasefilen er skrivebeskyttet; intet er åbnet eller ændret (gør den skrivbar, fx chmod u+w {path}, eller arbejd på en kopi)"),
    "db.cannot_open": (
        "{path}: cannot open the database (check the path and its permissions)",
        "{path}: kan ikke åbne databasen (tjek stien og rettighederne)"),
    "db.damaged": (
        "{path}: is not a tracker database or is damaged ({reason}); restore a backup",
        "{path}: er ikke en tracker-database eller er beskadiget ({reason}); gendan en sikkerhedskopi"),
    "db.error": ("{path}: database error: {reason}", "{path}: databasefejl: {reason}"),
    "sync.text": ("{field}: {old} → {new}", "{field}: {old} → {new}"),
    "sync.period": (
        "the plan's period changed: {old} → {new} (priorities of years outside it are kept, not shown)",
        "planperioden er ændret: {old} → {new} (prioriteter for år uden for den er bevaret, men vises ikke)"),
    "sync.statuses": (
        "the plan's status words changed: {new} (were {old})",
        "planens statusord er ændret: {new} (var {old})"),
    "sync.levels": (
        "the plan's priority levels changed: {new} (were {old})",
        "planens prioritetsniveauer er ændret: {new} (var {old})"),
    "sync.roster_order": (
        "the plan lists its parties and people in a new order: {order}",
        "planen nævner sine parter og personer i en ny rækkefølge: {order}"),
    "sync.roster": (
        "the plan's parties and people changed: {new} (were {old})",
        "planens parter og personer er ændret: {new} (var {old})"),
    "sync.unknown_status": (
        "status '{value}' is not one of the plan's statuses any more; choose one with `tracker set {id} --status …` ({choices})",
        "status '{value}' er ikke længere en af planens statusser; vælg en med `tracker set {id} --status …` ({choices})"),
    "sync.unknown_action_status": (
        "action #{number}: status '{value}' is not one of the plan's statuses any more; choose one with `tracker action set {number} --status …` ({choices})",
        "handling #{number}: status '{value}' er ikke længere en af planens statusser; vælg en med `tracker action set {number} --status …` ({choices})"),
    "sync.unknown_level": (
        "priority {year} '{value}' is not one of the plan's levels any more; choose one with `tracker set {id} --priority {year}=…` ({choices})",
        "prioritet {year} '{value}' er ikke længere et af planens niveauer; vælg et med `tracker set {id} --priority {year}=…` ({choices})"),
    "sync.unknown_count": (
        "{count} value(s) are not in the plan's words (the ? lines); they are kept and shown as they are until set again.",
        "{count} værdi(er) findes ikke blandt planens ord (linjerne med ?); de er bevaret og vises, som de er, til de sættes igen."),
    "state.list": ("'{key}' must be a list", "'{key}' skal være en liste"),
    "state.deliverables": (
        "'deliverables' must map years to texts",
        "'deliverables' skal knytte år til tekster"),
    "state.priorities": (
        "'priorities' must map years to levels",
        "'priorities' skal knytte år til niveauer"),
    "state.year": (
        "'{year}' is not a year (write it like 2024)",
        "'{year}' er ikke et år (skriv det som 2024)"),
    "state.not_text": ("'{key}' must be text", "'{key}' skal være tekst"),
    "state.other_plan": (
        "the state file is from the plan “{file}”, not “{plan}”; nothing was imported (if that is right, e.g. the plan was renamed, run it again with --other-plan)",
        "tilstandsfilen er fra planen “{file}”, ikke “{plan}”; intet er importeret (hvis det er rigtigt, fx fordi planen har skiftet navn, så kør igen med --other-plan)"),
    "state.note_at": (
        "a note's 'at' must be a time like 2024-03-01T09:00:00Z, not '{at}'",
        "en notes 'at' skal være et tidspunkt som 2024-03-01T09:00:00Z, ikke '{at}'"),
    "state.note_author": (
        "a note's 'author' must be a name (at most 200 characters)",
        "en notes 'author' skal være et navn (højst 200 tegn)"),
    "state.outside_period": (
        "{field} {value}: outside the plan's period {period}; kept, not shown",
        "{field} {value}: uden for planperioden {period}; bevaret, men vises ikke"),
    "field.action": ("action #{id} {attr}", "handling #{id} {attr}"),
    "field.action_text": ("text", "tekst"),
    "field.action_year": ("year", "år"),
    "field.action_owners": ("owners", "ansvarlige"),
    "field.action_due": ("due date", "frist"),
    "field.action_status": ("status", "status"),
    "field.action_lead": ("lead", "tovholder"),
    "field.decision": ("decision #{id} {attr}", "beslutning #{id} {attr}"),
    "field.decision_text": ("text", "tekst"),
    "field.decision_date": ("date", "dato"),
    "field.decision_by": ("decided by", "besluttet af"),
    "field.decision_meeting": ("meeting", "møde"),
    "field.lead": ("lead party", "tovholder"),
    "field.deliverable": ("deliverable {year}", "leverance {year}"),
    "field.placement": ("placement", "placering"),
    "field.meeting": ("meeting #{id} {attr}", "møde #{id} {attr}"),
    "field.meeting_date": ("date", "dato"),
    "field.meeting_body": ("body", "udvalg"),
    "field.meeting_title": ("title", "titel"),
    "field.item": ("agenda item #{id} {attr}", "dagsordenspunkt #{id} {attr}"),
    "field.item_meeting": ("meeting", "møde"),
    "field.item_initiative": ("initiative", "indsats"),
    "field.item_text": ("text", "tekst"),
    "field.item_kind": ("for", "til"),
    "field.milestone": ("milestone #{id} {attr}", "milepæl #{id} {attr}"),
    "field.milestone_date": ("date", "dato"),
    "field.milestone_text": ("text", "tekst"),
    "field.milestone_initiative": ("initiative", "indsats"),
    "kind.decision": ("decision", "beslutning"),
    "kind.discussion": ("discussion", "drøftelse"),
    "kind.information": ("information", "orientering"),
    "value.provisional": ("provisional", "foreløbig"),
    "value.meeting": ("meeting #{id}", "møde #{id}"),
    "change.action_added": ("action #{id} added: {text}", "handling #{id} tilføjet: {text}"),
    "change.action_removed": ("action #{id} removed: {text}", "handling #{id} fjernet: {text}"),
    "change.decision_added": (
        "decision #{id} recorded: {text}",
        "beslutning #{id} registreret: {text}"),
    "change.decision_removed": (
        "decision #{id} withdrawn: {text}",
        "beslutning #{id} trukket tilbage: {text}"),
    "change.meeting_added": ("meeting #{id} added: {text}", "møde #{id} tilføjet: {text}"),
    "change.meeting_removed": ("meeting #{id} removed: {text}", "møde #{id} slettet: {text}"),
    "change.item_added": ("agenda item #{id} added: {text}",
                          "dagsordenspunkt #{id} tilføjet: {text}"),
    "change.item_removed": ("agenda item #{id} taken off the agenda: {text}",
                            "dagsordenspunkt #{id} taget af dagsordenen: {text}"),
    "change.milestone_added": ("milestone #{id} added: {text}", "milepæl #{id} tilføjet: {text}"),
    "change.milestone_removed": ("milestone #{id} taken off: {text}",
                                 "milepæl #{id} fjernet: {text}"),
    "action.due": ("due {date}", "frist {date}"),
    "action.overdue": ("{days} days overdue", "{days} dage over fristen"),
    "action.overdue_one": ("1 day overdue", "1 dag over fristen"),
    "action.days": ("{days} days", "{days} dage"),  # under a heading that says overdue
    "action.days_one": ("1 day", "1 dag"),
    "err.archived": (
        "'{id}' is archived: it is gone from the plan, and its record is kept as it was. To change it anyway, add --archived",
        "'{id}' er arkiveret: den er ikke længere i planen, og dens data er bevaret, som de var. Tilføj --archived for alligevel at ændre den"),
    "mark.archived": ("(archived initiative)", "(arkiveret indsats)"),
    "err.unknown_action": (
        "no action #{id} (see `tracker action list`)",
        "der er ingen handling #{id} (se `tracker action list`)"),
    "err.item_empty": (
        "the text is empty; write what is to be done or was decided",
        "teksten er tom; skriv hvad der skal gøres eller blev besluttet"),
    "err.item_long": (
        "the text is {length} characters; at most {most}",
        "teksten er på {length} tegn; højst {most}"),
    "err.by_long": (
        "'decided by' is {length} characters; at most {most}",
        "'besluttet af' er på {length} tegn; højst {most}"),
    "sync.action_added": (
        "action #{id} for {year} from the plan: {text}",
        "handling #{id} for {year} fra planen: {text}"),
    "state.action_added": (
        "action #{id} for {year} from the file: {text}",
        "handling #{id} for {year} fra filen: {text}"),
    "state.decision": ("decision from the file: {text}", "beslutning fra filen: {text}"),
    "state.items": (
        "'{key}' must be a list of mappings",
        "'{key}' skal være en liste af nøgler og værdier"),
    "action.choose": ("{id}: which action?", "{id}: hvilken handling?"),
    "action.edit_title": (
        "Action #{id} ({text}): what do you want to change?",
        "Handling #{id} ({text}): hvad vil du ændre?"),
    "action.title": ("action #{id}", "handling #{id}"),
    "action.remove_confirm": (
        "Remove action #{id}? It stays in the history; u brings it back.",
        "Fjern handling #{id}? Den bliver i historikken; u henter den tilbage."),
    "err.date_days": (
        "'{text}' is not a date: {month} {year} has {days} days",
        "'{text}' er ikke en dato: {month} {year} har {days} dage"),
    "err.date_month": (
        "'{text}' is not a date: there is no month {month}; write it as 2024-05-19 or 19.5.2024",
        "'{text}' er ikke en dato: der er ingen måned {month}; skriv den som 2024-05-19 eller 19.5.2024"),
    "date.months": (
        "January,February,March,April,May,June,July,August,September,October,November,December",
        "januar,februar,marts,april,maj,juni,juli,august,september,oktober,november,december"),
    "err.date": (
        "'{text}' is not a date; write it as 2024-05-19 or 19.5.2024",
        "'{text}' er ikke en dato; skriv den som 2024-05-19 eller 19.5.2024"),
    # the committee's year (committee.py) and the plan's life
    "err.meeting_exists": (
        "{body} already meets on {date} (meeting #{id}); add its agenda items there",
        "{body} har allerede møde {date} (møde #{id}); sæt punkterne på dét møde"),
    "err.lead_removed": (
        "{lead} cannot be both the lead and taken off the owners",
        "{lead} kan ikke både være tovholder og fjernes som ansvarlig"),
    "err.unknown_meeting": (
        "no meeting '{meeting}'; see them with: tracker meeting list",
        "intet møde '{meeting}'; se møderne med: tracker meeting list"),
    "err.meetings_that_day": (
        "more than one meeting on {meeting}: give its number ({ids}) or --body",
        "mere end ét møde {meeting}: angiv mødets nummer ({ids}) eller --body"),
    "err.unknown_body": (
        "no body '{body}'; the plan's bodies are: {bodies}",
        "intet udvalg '{body}'; planens udvalg er: {bodies}"),
    "err.agenda_kind": ("'{kind}' is not a kind of agenda item; {hint}",
                        "'{kind}' er ikke en gyldig type dagsordenspunkt; {hint}"),
    "hint.agenda_kinds": (
        "choose decision, discussion or information",
        "vælg beslutning, drøftelse eller orientering"),
    "err.unknown_item": ("no agenda item {item}", "intet dagsordenspunkt {item}"),
    "err.unknown_milestone": ("no milestone {milestone}", "ingen milepæl {milestone}"),
    "err.record_from_plan": (
        "{id} is declared in the plan file; change it there (by pull request)",
        "{id} står i planfilen; ret den dér (med et pull request)"),
    "err.deliverable_long": (
        "a deliverable is {length} characters; at most {most} (one line: what is to be "
        "delivered)",
        "leverancen er på {length} tegn; højst {most} (én linje: hvad der skal leveres)"),
    "err.period_ended": (
        "the plan period {start}-{end} ended on 31.12.{end}; give the year with --year, "
        "or extend the period in the plan file",
        "planperioden {start}-{end} sluttede 31.12.{end}; angiv året med --year, "
        "eller forlæng perioden i planfilen"),
}
