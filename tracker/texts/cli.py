"""What the `tracker` commands say: results, counts, usage errors.

Each key has its words as (English, Danish). `catalogue.t()` looks them up.
"""

TEXTS = {
    "cli.synced": (
        "Synced {plan} into {db}: {summary}",
        "Planen {plan} er synkroniseret med {db}: {summary}"),
    "cli.problems": (
        "{count} problems in {path}; nothing was changed.",
        "{count} problemer i {path}; intet er ændret."),
    "cli.problem_one": (
        "1 problem in {path}; nothing was changed.",
        "1 problem i {path}; intet er ændret."),
    "cli.error": ("error: {message}", "fejl: {message}"),
    "cli.not_text": (
        "error: {argument} is not text in UTF-8 (a byte like \\xff came through as it is); "
        "type it again, or set your terminal to UTF-8",
        "fejl: {argument} er ikke tekst i UTF-8 (en byte som \\xff kom igennem, som den "
        "var); skriv den igen, eller sæt terminalen til UTF-8"),
    "cli.interrupted": (
        "interrupted; nothing half-written (each change is one transaction)",
        "afbrudt; intet er halvt skrevet (hver ændring er én transaktion)"),
    "cli.unexpected": (
        "tracker hit an unexpected error ({error}). Nothing was half-written: every change is one transaction. Please report it with the command you ran; TRACKER_DEBUG=1 shows the details.",
        "Der opstod en uventet fejl ({error}). Intet er halvt skrevet: hver ændring er én transaktion. Rapportér den gerne sammen med kommandoen; TRACKER_DEBUG=1 viser detaljerne."),
    "cli.priority_format": (
        "--priority takes YEAR=LEVEL (e.g. 2024=high, or 2024= to clear), not '{text}'",
        "--priority skal skrives ÅR=NIVEAU, fx 2025=høj (eller 2025= for at rydde), ikke '{text}'"),
    "cli.nothing_to_set": (
        "nothing to set: give --status, --owner, --add-owner, --remove-owner, --lead, "
        "--priority, --deliverable or --note",
        "intet at ændre: angiv --status, --owner, --add-owner, --remove-owner, --lead, "
        "--priority, --deliverable eller --note"),
    "cli.unchanged": (
        "{id}: already so; nothing changed.",
        "{id}: har allerede denne værdi; intet ændret."),
    "cli.saved": ("{id}: saved (version {version}).", "{id}: gemt (version {version})."),
    "cli.count": ("{count} initiatives.", "{count} indsatser."),
    "cli.columns_hidden": (
        "Not shown (terminal too narrow): {columns}.\nAll of it: {command} | less -S",
        "Ikke vist (for smal terminal): {columns}.\nDet hele: {command} | less -S"),
    "cli.count_one": ("1 initiative.", "1 indsats."),
    "cli.unknown_objective": (
        "unknown objective '{text}'; choose one of: {choices}",
        "ukendt målsætning '{text}'; vælg en af: {choices}"),
    "cli.date": (
        "{option} takes a date like 2024-06-30 or 30.06.2024, not '{text}'",
        "{option} skal angives som en dato, fx 30.06.2024 eller 2024-06-30, ikke '{text}'"),
    "cli.no_history": ("No changes recorded.", "Ingen ændringer registreret."),
    "cli.no_history_since": (
        "No changes recorded since {date}.",
        "Ingen ændringer registreret siden {date}."),
    "cli.wrote": ("Wrote the status note to {path}.", "Statusnotatet er skrevet til {path}."),
    "cli.meeting_held": (
        "note: {meeting} is past; the note shows the status as of today ({today}). For the "
        "status as it was before the meeting, add --date (e.g. --date {date}).",
        "bemærk: {meeting} er afholdt; notatet viser status pr. i dag ({today}). Vil du have "
        "status, som den var før mødet, så tilføj --date (fx --date {date})."),
    "cli.wrote_plan": ("Wrote the implementation plan {year} to {path}.",
                       "Implementeringsplanen for {year} er skrevet til {path}."),
    "cli.wrote_final": ("Wrote the final status to {path}.",
                        "Slutstatus er skrevet til {path}."),
    "cli.valid": (
        "{path}: valid — {objectives} objectives, {initiatives} initiatives, {owners} possible owners, period {period}.",
        "{path}: gyldig — {objectives} målsætninger, {initiatives} indsatser, {owners} mulige ansvarlige, periode {period}."),
    "cli.files_failed": (
        "{failed} of {total} plan files have problems",
        "{failed} af {total} planfiler har problemer"),
    "cli.backup_before": (
        "The database as it was before is saved in {path}.",
        "Databasen, som den var før, er gemt i {path}."),
    "cli.dry_run": (
        "This was a dry run: nothing was written.",
        "Dette var en prøvekørsel: intet er skrevet."),
    "cli.resolve_choice": (
        "say which value wins: --keep (the tracker's) or --take-plan",
        "sig hvilken værdi der skal gælde: --keep (den registrerede) eller --take-plan (planfilens)"),
    "cli.backed_up": ("Backed up {db} to {path}.", "Sikkerhedskopierede {db} til {path}."),
    "show.title": ("Title", "Titel"),
    "show.description": ("Description", "Beskrivelse"),
    "show.priority": ("Priority {year}", "Prioritet {year}"),
    "show.version": ("Version", "Version"),
    "show.notes": ("Notes ({count}), newest first:", "Noter ({count}), nyeste først:"),
    "cli.wrote_state": (
        "Wrote the tracking state to {path}.",
        "Opfølgningsdata er skrevet til {path}."),
    "cli.no_folder": (
        "cannot write {path}: the folder {folder} does not exist",
        "kan ikke skrive {path}: mappen {folder} findes ikke"),
    "cli.cannot_listen": (
        "cannot serve on {host} port {port}: {reason} (is another tracker serve running? choose another --port)",
        "kan ikke køre på {host} port {port}: {reason} (kører en anden tracker serve allerede? vælg en anden --port)"),
    "cli.reports_not_folder": (
        "--reports {path} is a file, not a folder",
        "--reports {path} er en fil, ikke en mappe"),
    "cli.serving_reports": (
        "Exports from the browser are saved in {path} and downloaded; at most {count} browser tabs at once.",
        "Eksporter fra browseren gemmes i {path} og hentes ned; højst {count} browserfaner ad gangen."),
    "serve.full": (
        "<!doctype html><meta charset=utf-8><title>Tracker busy</title><p>All {count} sessions of the tracker are in use. Close a tab you no longer need, or try again in a minute.</p>",
        "<!doctype html><meta charset=utf-8><title>Alle pladser er i brug</title><p>Alle {count} pladser i opfølgningsværktøjet er i brug. Luk en fane, du ikke længere bruger, eller prøv igen om et minut.</p>"),
    "cli.cannot_write": ("cannot write {path}: {reason}", "kan ikke skrive {path}: {reason}"),
    "cli.is_folder": ("it is a folder; give a file name", "det er en mappe; angiv et filnavn"),
    "cli.no_serve": (
        "serving needs textual-serve: pip install 'tracker[serve]' (or: pip install textual-serve)",
        "tracker serve kræver textual-serve: pip install 'tracker[serve]' (eller: pip install textual-serve)"),
    "cli.serving": (
        "Serving {title} at {url} (ctrl+c stops).",
        "{title} kører på {url} (ctrl+c stopper)."),
    "cli.no_such_file": ("{path}: no such file", "{path}: filen findes ikke"),
    "cli.cannot_read": ("{path}: cannot read it ({reason})", "{path}: kan ikke læses ({reason})"),
    "cli.import_did": ("Changed {count} initiatives", "Ændrede {count} indsatser"),
    "cli.import_would": ("Would change {count} initiatives", "Ville ændre {count} indsatser"),
    "cli.import_did_one": ("Changed 1 initiative", "Ændrede 1 indsats"),
    "cli.import_would_one": ("Would change 1 initiative", "Ville ændre 1 indsats"),
    "cli.import_conflicts": (
        "; {count} conflicts: the tracker's value was kept.",
        "; {count} konflikter: den registrerede værdi er bevaret."),
    "cli.import_conflicts_one": (
        "; 1 conflict: the tracker's value was kept.",
        "; 1 konflikt: den registrerede værdi er bevaret."),
    "cli.needs_terminal": (
        "the interactive tracker needs a terminal; see `tracker --help` for the commands that work in scripts",
        "den interaktive tracker kræver en terminal; se `tracker --help` for kommandoer, der virker i scripts"),
    "cli.plan_missing": (
        "{plan}: no such plan file; showing {db} as last synced (give the plan with --plan or TRACKER_PLAN)",
        "{plan}: planfilen findes ikke; viser {db} som ved sidste synkronisering (angiv planen med --plan eller TRACKER_PLAN)"),
    "cli.serving_as_header": (
        "Each browser session runs as the person the proxy names in the {header} header; requests without it are refused.",
        "Hver browsersession kører som den person, proxyen angiver i headeren {header}; forespørgsler uden den afvises."),
    "cli.serving_as_user": (
        "Every browser session edits as {user} (give --user-header to record each person by name behind a proxy with a login).",
        "Alle browsersessioner redigerer som {user} (angiv --user-header for at registrere hver person ved navn bag en proxy med login)."),
    "cli.serving_exposed": (
        "warning: listening on {host}, reachable from other machines, and tracker has no login of its own: put a proxy with a login in front (README, \"In a web browser\") and give --public-url.",
        "advarsel: lytter på {host}, som kan nås fra andre maskiner, og tracker har intet login selv: sæt en proxy med login foran (README, \"In a web browser\"), og angiv --public-url."),
    "cli.public_url": (
        "--public-url must be the address people open, like https://tracker.example.org, not '{url}'",
        "--public-url skal være den adresse, folk åbner, fx https://tracker.example.org, ikke '{url}'"),
    "cli.user_header": (
        "--user-header must be a header name like Remote-User, not '{name}'",
        "--user-header skal være et headernavn som Remote-User, ikke '{name}'"),
    "show.version_value": (
        "{version}, changed {when} by {who}",
        "{version}, ændret {when} af {who}"),
    "show.changes": ("Latest changes (newest first)", "Seneste ændringer (nyeste først)"),
    "show.actions": ("Actions ({count})", "Handlinger ({count})"),
    "show.decisions": ("Decisions ({count})", "Beslutninger ({count})"),
    "cli.action_added": (
        "Added action #{id} to {initiative}: {action}",
        "Handling #{id} tilføjet til {initiative}: {action}"),
    "cli.action_saved": ("Saved action #{id}: {action}", "Handling #{id} gemt: {action}"),
    "cli.action_unchanged": (
        "Action #{id} already has these values; nothing changed: {action}",
        "Handling #{id} har allerede disse værdier; intet ændret: {action}"),
    "cli.action_removed": (
        "Removed action #{id} (it stays in the history; `tracker undo` brings it back)",
        "Handling #{id} fjernet (den står stadig i historikken; `tracker undo` henter den tilbage)"),
    "cli.nothing_to_set_action": (
        "nothing to change: give --status, --due, --owner, --text or --year",
        "intet at ændre: angiv --status, --due, --owner, --text eller --year"),
    "cli.actions_count": ("{count} actions.", "{count} handlinger."),
    "cli.actions_count_one": ("1 action.", "1 handling."),
    "cli.columns_hidden_actions": (
        "Not shown (terminal too narrow): {columns}.\nAll of it: {command} | less -S",
        "Ikke vist (for smal terminal): {columns}.\nDet hele: {command} | less -S"),
    "cli.decision_added": (
        "Recorded decision #{id} for {initiative}: {decision}",
        "Beslutning #{id} registreret for {initiative}: {decision}"),
    "cli.no_decisions": ("No decisions recorded yet.", "Ingen beslutninger registreret endnu."),
    "cli.plan_alone": (
        "--implementation-plan makes its own document: leave out --year, --owner and --since",
        "--implementation-plan laver sit eget dokument: udelad --year, --owner og --since"),
}
