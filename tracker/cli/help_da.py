"""The Danish of our commands' and options' --help, keyed by the English text as
written on the commands (danish.py swaps them; a test checks none is missing)."""

HELP_DA: dict[str, str] = {
    'Follow up on a multi-year plan: owners, status, yearly priorities, notes.\n\n    With no command, opens the interactive tracker.\n    ':
        'Følg op på en flerårig plan: ansvarlige, status, årlige prioriteter og noter.\n\n    Uden en kommando åbnes det interaktive værktøj.\n    ',
    'The plan file (TRACKER_PLAN).':
        'Planfilen (TRACKER_PLAN).',
    'The database (TRACKER_DB); default: beside the plan, e.g. plans/2022-2025.db.':
        'Databasen (TRACKER_DB); standard: ved siden af planfilen, fx plans/2022-2025.db.',
    'Who you are in the history (TRACKER_USER; default: your login).':
        'Dit navn i historikken (TRACKER_USER; standard: dit brugernavn).',
    'Language of the tracker and the report (TRACKER_LANG; default: from your locale, da_* → Danish, else English).':
        'Sproget i værktøjet og rapporten (TRACKER_LANG; standard: ud fra dine sprogindstillinger (locale), da_* → dansk, ellers engelsk).',
    'Show the version and exit.':
        'Vis versionen og afslut.',
    'Actions of the yearly implementation plan: who does what by when.':
        'Handlinger i den årlige implementeringsplan: hvem gør hvad og hvornår.',
    'Add an action to an initiative; prints its id.':
        'Tilføj en handling til en indsats; udskriver handlingens id.',
    'The plan year (default: this year; after the period, give it).':
        'Planåret (standard: i år; efter planperioden skal året angives).',
    "A party or person (repeat for several; default: the initiative's owners).":
        'En part eller person (gentag for flere; standard: indsatsens ansvarlige).',
    'Due date: 2024-03-01 or 1.3.2024.':
        'Frist: 2024-03-01 eller 1.3.2024.',
    'The owner who leads it (tovholder); added to its owners.':
        'Den af de ansvarlige, der leder handlingen (tovholder); tilføjes også som ansvarlig.',
    "Default: the plan's first status word.":
        'Standard: planens første statusord.',
    'Change it even though its initiative is archived (gone from the plan).':
        'Foretag ændringen, selv om indsatsen er arkiveret (fjernet fra planen).',
    'The actions, by year and due date; overdue ones say so.':
        'Handlingerne efter år og frist; handlinger med overskredet frist er markeret.',
    'Only this plan year.':
        'Kun dette planår.',
    'Only actions of this party or person.':
        'Kun handlinger for denne part eller person.',
    "Only this initiative's actions.":
        'Kun handlinger under denne indsats.',
    'Only actions past their due date, not done.':
        'Kun handlinger, hvis frist er overskredet, og som ikke er afsluttet.',
    'Overdue as of this date (default: today).':
        'Overskredne frister opgøres pr. denne dato (standard: i dag).',
    'Remove an action (kept in the history; `tracker undo` brings it back).':
        'Fjern en handling (den gemmes i historikken; `tracker undo` henter den tilbage).',
    "Change an action's status, due date, owners, text or year.":
        'Ændr en handlings status, frist, ansvarlige, tekst eller år.',
    'A status key or label.':
        'En statusnøgle eller -betegnelse.',
    "Due date (2024-03-01 or 1.3.2024); --due '' clears it.":
        "Frist (2024-03-01 eller 1.3.2024); --due '' fjerner fristen.",
    'Set the owners (repeat for several).':
        'Angiv de ansvarlige (gentag for flere).',
    "The owner who leads it (tovholder); '' clears it.":
        "Den af de ansvarlige, der leder handlingen (tovholder); '' fjerner tovholderen.",
    'New text.':
        'Ny tekst.',
    'Move it to another plan year.':
        'Flyt handlingen til et andet planår.',
    'Refuse if this action changed since the initiative was at this version (for scripts).':
        'Afvis, hvis handlingen er ændret, siden indsatsen havde denne version (til scripts).',
    'Copy the database safely, also while others work (default: into <db>-backups/).':
        'Lav en sikkerhedskopi af databasen, også mens andre arbejder i den (standard: i <db>-backups/).',
    'Decisions about an initiative: what was decided, by whom, when.':
        'Beslutninger om en indsats: hvad der blev besluttet, af hvem og hvornår.',
    'Record a decision under an initiative; prints its id.':
        'Registrér en beslutning under en indsats; udskriver beslutningens id.',
    'When it was decided: 2024-05-19 or 19.5.2024 (default: today).':
        'Hvornår beslutningen blev truffet: 2024-05-19 eller 19.5.2024 (standard: i dag).',
    'Who decided, e.g. Praksisplanudvalget.':
        'Hvem der traf beslutningen, fx Praksisplanudvalget.',
    'Taken at this meeting (its number or date): its date and body.':
        'Truffet på dette møde (mødets nummer eller dato); dato og udvalg hentes fra mødet.',
    'Every decision, oldest first.':
        'Alle beslutninger, ældste først.',
    "Only this initiative's decisions.":
        'Kun beslutninger om denne indsats.',
    'The status report for meetings, as markdown (or JSON for scripts, or the\n    tracking state as YAML for git).':
        'Statusrapporten til møder: som Word- eller HTML-fil med -o, ellers som markdown\n    (eller JSON til scripts eller opfølgningsdata som YAML til git).',
    "markdown (for git), html (one self-contained, print-ready page), docx (Word), pdf (with the pdf extra): the document; json: its content for scripts; yaml: all tracking state, for git (load it with `tracker import`). Default: from the -o file's name, else markdown.":
        'markdown (til git), html (én selvstændig side, klar til udskrift), docx (Word), pdf (kræver ekstrapakken pdf): selve dokumentet; json: indholdet til scripts; yaml: alle opfølgningsdata til git (indlæses med `tracker import`). Standard: ud fra navnet på filen i -o, ellers markdown.',
    'With --format yaml: include the history.':
        'Med --format yaml: medtag historikken.',
    'Only initiatives with a priority this year.':
        'Kun indsatser, der har en prioritet i dette år.',
    'Only initiatives with this owner.':
        'Kun indsatser med denne som ansvarlig.',
    "The report's date (default: today), YYYY-MM-DD.":
        'Rapportens dato (standard: i dag), fx 2024-06-01 eller 1.6.2024.',
    "Add every change and note from this date on (YYYY-MM-DD), e.g. the last meeting's.":
        'Medtag alle ændringer og noter fra og med denne dato, fx datoen for sidste møde (2024-06-01 eller 1.6.2024).',
    'A status note for this meeting (its number or date): its title names the meeting, and its agenda comes first.':
        'Et statusnotat til dette møde (mødets nummer eller dato): titlen nævner mødet, og mødets dagsorden kommer først.',
    "Add what is different since the body's last meeting (before --for-meeting's, or the report's date).":
        'Medtag, hvad der er ændret siden udvalgets seneste møde (før mødet i --for-meeting, ellers før rapportens dato).',
    'With --since-last-meeting: whose meeting (default: any body).':
        'Med --since-last-meeting: hvilket udvalgs møde (standard: uanset udvalg).',
    'Instead of the status report: the yearly implementation plan for YEAR (initiatives prioritised that year, their actions, who does what, the decisions so far).':
        'I stedet for statusrapporten: den årlige implementeringsplan for ÅR (de indsatser, der er prioriteret det år, deres handlinger, hvem gør hvad, og beslutningerne indtil nu).',
    "With --implementation-plan: add each initiative's and action's status (a plan shows none by default).":
        'Med --implementation-plan: tilføj status for hver indsats og handling (som standard viser en plan ingen status).',
    'Instead of the status report: the final status of the plan (completed, continued and where, dropped, left unfinished).':
        'I stedet for statusrapporten: planens slutstatus (afsluttet, videreført og hvortil, udgået, ikke afsluttet).',
    'Write to this file (default: the terminal).':
        'Skriv til denne fil (standard: terminalen).',
    'Who changed what, when (all initiatives, or one).':
        'Hvem ændrede hvad og hvornår (for alle indsatser eller for én).',
    'Only changes on or after this date (YYYY-MM-DD).':
        'Kun ændringer fra og med denne dato (fx 2024-06-01 eller 1.6.2024).',
    'Load a tracking-state file (from `export --format yaml`) without overwriting edits.':
        'Indlæs en fil med opfølgningsdata (fra `export --format yaml`) uden at overskrive rettelser.',
    'Show what would change; write nothing.':
        'Vis, hvad der ville blive ændret; intet gemmes.',
    'Load a file made from a plan of another title (e.g. after the plan was renamed).':
        'Indlæs en fil, der er lavet ud fra en plan med en anden titel (fx efter at planen er omdøbt).',
    'The initiatives with owners, status and priorities, as a table.':
        'Indsatserne med ansvarlige, status og prioriteter i en tabel.',
    'Only this objective (id like m9, or its number).':
        'Kun denne målsætning (id som m9 eller dens nummer).',
    'Only initiatives with this status.':
        'Kun indsatser med denne status.',
    'Show archived initiatives instead.':
        'Vis arkiverede indsatser i stedet.',
    "Meetings of the plan's bodies (e.g. Praksisplanudvalget) and their agendas.":
        'Møder i planens udvalg (fx Praksisplanudvalget) og deres dagsordener.',
    'Add a meeting on DATE (2025-03-18 or 18.3.2025); prints its number.':
        'Tilføj et møde den DATO (2025-03-18 eller 18.3.2025); udskriver mødets nummer.',
    "The body that meets: its id or name (the plan's `bodies:`; default: the first, e.g. ppu).":
        'Udvalget, der holder mødet: dets id eller navn (planens `bodies:`; standard: det første, fx ppu).',
    "A title, e.g. 'Forårsmøde'.":
        "En titel, fx 'Forårsmøde'.",
    "Items on a meeting's agenda: for decision, discussion or information.":
        'Punkter på et mødes dagsorden: til beslutning, drøftelse eller orientering.',
    "Put INITIATIVE on MEETING's agenda (number or date); '' for the plan as a whole.":
        "Sæt INDSATS_ID på dagsordenen for MØDE (nummer eller dato); '' for planen som helhed.",
    'decision, discussion or information (beslutning, drøftelse, orientering); default: information.':
        'beslutning, drøftelse eller orientering; standard: orientering.',
    'The body, where two meet on that date.':
        'Udvalget, hvis to udvalg holder møde samme dato.',
    'Take an item off its agenda (`tracker undo` brings it back).':
        'Tag et punkt af dagsordenen (`tracker undo` henter det tilbage).',
    'The meetings by date, with how many items each agenda has; the next marked.':
        'Møderne efter dato med antal punkter på hver dagsorden; det næste møde er markeret.',
    "Only this body's meetings.":
        'Kun dette udvalgs møder.',
    "Only this year's meetings.":
        'Kun møder i dette år.',
    'Take a meeting off (kept in the history; `tracker undo` brings it back).':
        'Fjern et møde (det gemmes i historikken; `tracker undo` henter det tilbage).',
    'A meeting (by number or date), its agenda and the decisions taken there.':
        'Et møde (efter nummer eller dato), dets dagsorden og de beslutninger, der blev truffet på mødet.',
    'Dated milestones of the plan or of an initiative.':
        'Daterede milepæle for planen eller for en indsats.',
    'Add a milestone: [INITIATIVE] DATE TEXT (no initiative: of the plan).':
        'Tilføj en milepæl: [INDSATS_ID] DATO TEKST (uden indsats: en milepæl for planen).',
    'The milestones by date.':
        'Milepælene efter dato.',
    "Only this year's milestones.":
        'Kun milepæle i dette år.',
    'Take a milestone off (`tracker undo` brings it back).':
        'Fjern en milepæl (`tracker undo` henter den tilbage).',
    'Turn back your last undo.':
        'Gentag det, du sidst fortrød.',
    'Settle a sync conflict on FIELD (status, owners, priority:2024).':
        'Afgør en synkroniseringskonflikt om FELT (status, ansvarlige, prioritet 2024 – som sync skrev det).',
    "Keep the tracker's value.":
        'Behold værktøjets værdi.',
    "Take the plan's value.":
        'Brug værdien fra planfilen.',
    'Serve the tracker to web browsers (textual-serve), on this machine only by default.':
        'Gør værktøjet tilgængeligt i webbrowsere (textual-serve), som standard kun på denne maskine.',
    'Address to listen on; keep the default unless a proxy with a login is in front (see README).':
        'Adressen, der lyttes på; behold standardværdien, medmindre der står en proxy med login foran (se README).',
    'The address people open, when a proxy is in front (e.g. https://tracker.example.org): pages and websockets only from there.':
        'Den adresse, brugerne åbner, når der står en proxy foran (fx https://tracker.example.org): sider og websockets accepteres kun derfra.',
    'Run each browser session as the person the proxy names in this request header (e.g. Remote-User); refuse requests without it. The proxy must set it and strip any the browser sends.':
        'Kør hver browsersession som den person, proxyen angiver i denne header i forespørgslen (fx Remote-User); forespørgsler uden headeren afvises. Proxyen skal sætte headeren og fjerne enhver header af samme navn, som browseren sender.',
    "The folder a browser's exports are written to, each also downloaded (default: beside the database, e.g. plans/2022-2025-reports).":
        'Mappen, som eksporter fra en browser skrives til; hver eksport downloades også (standard: ved siden af databasen, fx plans/2022-2025-reports).',
    'Browser tabs at once (each runs its own tracker, ~45 MB); past it, the page says so.':
        'Antal browserfaner ad gangen (hver kører sit eget værktøj, ca. 45 MB); er grænsen nået, står det på siden.',
    "Change an initiative's status, owners, lead, priorities, deliverables, or add a note.":
        'Ændr status, ansvarlige, tovholder, prioriteter eller leverancer for en indsats, eller tilføj en note.',
    "A status key or label: igangsat, 'in progress', in_progress.":
        "En statusnøgle eller -betegnelse: igangsat, 'in progress', in_progress.",
    'Add an owner.':
        'Tilføj en ansvarlig.',
    'Remove an owner.':
        'Fjern en ansvarlig.',
    "A year's priority, e.g. 2024=high (2024= clears it).":
        'Prioriteten for et år, fx 2024=høj (2024= fjerner den).',
    "The lead party (tovholder), one of the owners; '' clears it.":
        "Den ledende part (tovholder), en af de ansvarlige; '' fjerner tovholderen.",
    'What is to be delivered that year, e.g. 2025="Evaluering forelagt PPU" (2025= clears it).':
        'Hvad der skal leveres det år (leverance), fx 2025="Evaluering forelagt PPU" (2025= fjerner den).',
    'Add a note.':
        'Tilføj en note.',
    'Refuse if the initiative is no longer at this version (for scripts).':
        'Afvis, hvis indsatsen ikke længere har denne version (til scripts).',
    'Everything about one initiative: text, tracking, notes, latest changes.':
        'Alt om én indsats: tekst, opfølgning, noter og seneste ændringer.',
    'Bring the database in line with the plan file (never loses tracking data).':
        'Synkronisér databasen med planfilen (opfølgningsdata går aldrig tabt).',
    'Meetings, milestones and due dates in date order; today marked, the next\n    meeting named first.':
        'Møder, milepæle og frister i datoorden; dagen i dag er markeret, og det\n    næste møde nævnes først.',
    'Only this year.':
        'Kun dette år.',
    'Today, for what is past and overdue (default: today).':
        'Den dato, der regnes som i dag, når det afgøres, hvad der er passeret og overskredet (standard: i dag).',
    'Open the interactive tracker (the default).':
        'Åbn det interaktive værktøj (standard).',
    'Served: the one folder exports are written to.':
        'Ved kørsel via serve: den ene mappe, som eksporter skrives til.',
    'Turn back your last edit (recorded as a new edit).':
        'Fortryd din seneste ændring (registreres som en ny ændring).',
    'Check plan files (default: the plan); report every problem with its line.':
        'Kontrollér planfiler (standard: planen); alle fejl rapporteres med linjenummer.',
    'Record what the meeting decided on an agenda item, e.g. "Godkendt" (\'\' takes it back).':
        'Registrér, hvad mødet besluttede om et dagsordenspunkt, fx "Godkendt" (\'\' fjerner det igen).',
    'Tabs started before anyone asks (each ~45 MB while it waits): a new tab that finds one shows its first screen at once.':
        'Faner, der startes, før nogen beder om dem (hver ~45 MB, mens den venter): en ny fane, der får en af dem, viser sit første skærmbillede med det samme.',
}
