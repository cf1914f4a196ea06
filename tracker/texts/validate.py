"""The plan validator's and the YAML reader's messages and hints.

Each key has its words as (English, Danish). `catalogue.t()` looks them up.
"""

TEXTS = {
    "v.folder": ("is a folder, not a plan file", "er en mappe, ikke en planfil"),
    "v.folder_hint": ("give the path of a .yaml file", "angiv stien til en .yaml-fil"),
    "v.too_big": (
        "the file is {size} MB; a plan file may be at most {most} MB",
        "filen er {size} MB; en planfil må højst være {most} MB"),
    "v.right_file": ("is this the right file?", "er det den rigtige fil?"),
    "v.no_file": ("no such file", "filen findes ikke"),
    "v.no_file_hint": (
        "give the plan with --plan or TRACKER_PLAN, or run from the folder holding plans/",
        "angiv planen med --plan eller TRACKER_PLAN, eller kør fra mappen med plans/"),
    "v.no_permission": ("no permission to read the file", "ingen adgang til at læse filen"),
    "v.no_permission_hint": ("check the file's permissions", "tjek filens rettigheder"),
    "v.cannot_read": ("cannot read the file: {reason}", "filen kan ikke læses: {reason}"),
    "v.binary": (
        "this is a binary file, not a YAML plan",
        "det er en binær fil, ikke en YAML-plan"),
    "v.utf8": ("the file is not valid UTF-8", "filen er ikke gyldig UTF-8"),
    "v.utf8_hint": (
        "save it as UTF-8 (most editors offer this under 'Save with encoding')",
        "gem den som UTF-8 (de fleste editorer har det under 'Gem med kodning')"),
    "v.not_mapping": (
        "{what} must be a mapping of 'key: value' lines, not {kind}",
        "{what} skal være linjer med 'nøgle: værdi', ikke {kind}"),
    "v.expected_keys": ("expected the keys: {keys}", "forventede nøgler: {keys}"),
    "v.did_you_mean": ("did you mean '{key}'?", "mente du '{key}'?"),
    "v.allowed_here": ("allowed here: {keys}", "tilladt her: {keys}"),
    "v.unknown_key": ("unknown key '{key}' in {what}", "ukendt nøgle '{key}' i {what}"),
    "v.missing_key": ("{what} has no '{key}'", "{what} mangler '{key}'"),
    "v.add_key": ("add '{key}: …'", "tilføj '{key}: …'"),
    "v.empty_value": ("'{key}' of {what} is empty", "'{key}' i {what} er tom"),
    "v.empty_value_hint": ("write a value after the ':'", "skriv en værdi efter ':'"),
    "v.not_text": (
        "'{key}' of {what} must be text, not {kind}",
        "'{key}' i {what} skal være tekst, ikke {kind}"),
    "v.too_long": (
        "'{key}' of {what} is {length} characters long; at most {most} are allowed",
        "'{key}' i {what} er {length} tegn lang; højst {most} er tilladt"),
    "v.shorten": ("shorten it", "forkort den"),
    "v.control_in_text": (
        "'{key}' of {what} holds the control character {code}",
        "'{key}' i {what} indeholder kontroltegnet {code}"),
    "v.control_in_text_hint": (
        "remove it; it is often written as \\e or \\x1b inside quotes",
        "fjern det; det skrives ofte som \\e eller \\x1b i anførselstegn"),
    "v.carriage_return_hint": (
        "write the line break as \\n, or the text as a | block",
        "skriv linjeskiftet som \\n, eller teksten som en | blok"),
    "v.name_on_lines": (
        "'{key}' of {what} must be one line; remove the {code}",
        "'{key}' i {what} skal stå på én linje; fjern {code}"),
    "v.name_on_lines_hint": (
        "a name is shown in tables and titles: no | or > block",
        "et navn står i tabeller og overskrifter: ingen | eller >-blok"),
    "v.not_list": (
        "'{key}' of {what} must be a list, not {kind}",
        "'{key}' i {what} skal være en liste, ikke {kind}"),
    "v.not_list_hint": (
        "write it as [a, b] or as lines starting with '- '",
        "skriv den som [a, b] eller som linjer, der begynder med '- '"),
    "v.bad_id": (
        "the id '{id}' of {what} is not a valid id",
        "id'et '{id}' i {what} er ikke et gyldigt id"),
    "v.bad_id_hint": (
        "use lower-case letters a-z, digits and hyphens, up to 64 characters",
        "brug små bogstaver a-z, tal og bindestreger, højst 64 tegn"),
    "v.id_twice": (
        "the id '{id}' is used twice (first at line {line})",
        "id'et '{id}' er brugt to gange (første gang i linje {line})"),
    "v.id_twice_hint": (
        "every objective and initiative needs its own id",
        "hver målsætning og indsats skal have sit eget id"),
    "v.empty_file": ("the plan file is empty", "planfilen er tom"),
    "v.empty_file_hint": (
        "a plan needs at least 'plan:' and 'objectives:'; see plans/2022-2025.yaml",
        "en plan skal mindst have 'plan:' og 'objectives:'; se plans/2022-2025.yaml"),
    "v.top_not_mapping": (
        "the top of the file must be a mapping, not {kind}",
        "filens øverste niveau skal være nøgler og værdier, ikke {kind}"),
    "v.top_not_mapping_hint": (
        "start with 'plan:' and 'objectives:' lines, not with '- '",
        "begynd med linjerne 'plan:' og 'objectives:', ikke med '- '"),
    "v.adopted": (
        "'adopted' must be a date like 2021-12-17, not '{value}'",
        "'adopted' skal være en dato som 2021-12-17, ikke '{value}'"),
    "v.period": (
        "'period' must be two years like 2022-2025, not '{value}'",
        "'period' skal være to årstal som 2022-2025, ikke '{value}'"),
    "v.period_hint": ("first year, a hyphen, last year", "første år, en bindestreg, sidste år"),
    "v.period_long": ("'period' spans more than 20 years", "'period' spænder over mere end 20 år"),
    "v.bad_term_key": ("the key '{key}' is not valid", "nøglen '{key}' er ikke gyldig"),
    "v.bad_term_key_hint": (
        "use lower-case letters, digits and '_'",
        "brug små bogstaver, tal og '_'"),
    "v.term_twice": (
        "'{key}' is declared twice in '{where}'",
        "'{key}' er angivet to gange i '{where}'"),
    "v.no_words": ("'{key}' declares no words", "'{key}' angiver ingen ord"),
    "v.no_words_hint": (
        "list at least one, or remove it to use the default words",
        "angiv mindst ét, eller fjern den for at bruge standardordene"),
    "v.unknown_party": ("unknown party '{party}' for {who}", "ukendt part '{party}' for {who}"),
    "v.parties": ("parties: {parties}", "parter: {parties}"),
    "v.no_objectives": ("the plan has no objectives", "planen har ingen målsætninger"),
    "v.no_objectives_hint": ("add at least one objective", "tilføj mindst én målsætning"),
    "v.number": (
        "'number' of {what} must be a whole number, not '{value}'",
        "'number' i {what} skal være et helt tal, ikke '{value}'"),
    "v.number_twice": (
        "number {number} is used by two objectives (first at line {line})",
        "nummer {number} er brugt af to målsætninger (første gang i linje {line})"),
    "v.kind": (
        "'kind' of {what} must be one of: {kinds}; not '{value}'",
        "'kind' i {what} skal være en af: {kinds}; ikke '{value}'"),
    "v.unknown_owner": (
        "unknown owner '{owner}' for {what}",
        "ukendt ansvarlig '{owner}' for {what}"),
    "v.owners_are": (
        "owners are parties or people: {owners}",
        "ansvarlige er parter eller personer: {owners}"),
    "v.unknown_status": (
        "unknown status '{value}' for {what}",
        "ukendt status '{value}' for {what}"),
    "v.one_of": ("one of: {choices}", "en af: {choices}"),
    "v.list_not_text": (
        "'{key}' of {what} must be a list, not text",
        "'{key}' i {what} skal være en liste, ikke tekst"),
    "v.write_as_list": ("write it as [{value}]", "skriv den som [{value}]"),
    "v.item_not_text": (
        "an item of '{key}' of {what} must be text, not {kind}",
        "et punkt i '{key}' i {what} skal være tekst, ikke {kind}"),
    "v.priorities": (
        "'priorities' of {what} must map years to levels, not {kind}",
        "'priorities' i {what} skal knytte år til niveauer, ikke {kind}"),
    "v.priorities_hint": (
        "write it as lines like '2024: high'",
        "skriv den som linjer som '2024: high'"),
    "v.year": (
        "the year '{year}' in the priorities of {what} is outside the plan period",
        "året '{year}' i prioriteterne for {what} ligger uden for planperioden"),
    "v.year_hint": ("use a year from {start} to {end}", "brug et år fra {start} til {end}"),
    "v.level_not_text": (
        "the priority for {year} of {what} must be a level, not {kind}",
        "prioriteten for {year} i {what} skal være et niveau, ikke {kind}"),
    "v.unknown_level": (
        "unknown priority level '{value}' for {year} of {what}",
        "ukendt prioritet '{value}' for {year} i {what}"),
    "v.also_supports": (
        "'also_supports' of initiative '{id}' names '{ref}', which is not an objective",
        "'also_supports' i indsats '{id}' nævner '{ref}', som ikke er en målsætning"),
    "v.objectives": ("objectives: {ids}", "målsætninger: {ids}"),
    "v.previous_in_use": (
        "previous id '{ref}' of initiative '{id}' is still in use (line {line})",
        "det tidligere id '{ref}' for indsats '{id}' er stadig i brug (linje {line})"),
    "v.previous_in_use_hint": (
        "an old id may not be used by another objective or initiative",
        "et gammelt id må ikke bruges af en anden målsætning eller indsats"),
    "what.plan_file": ("the plan file", "planfilen"),
    "what.plan_section": ("'plan'", "'plan'"),
    "what.plan": ("the plan", "planen"),
    "what.item_of": ("an item of '{key}'", "et punkt i '{key}'"),
    "what.party": ("a party", "en part"),
    "what.person": ("a person", "en person"),
    "what.an_objective": ("an objective", "en målsætning"),
    "what.objective": ("objective '{id}'", "målsætning '{id}'"),
    "what.an_initiative": ("an initiative", "en indsats"),
    "what.initiative": ("initiative '{id}'", "indsats '{id}'"),
    "kind.empty": ("empty", "tom"),
    "kind.mapping": ("a mapping", "nøgler og værdier"),
    "kind.list": ("a list", "en liste"),
    "kind.text": ("the text '{text}'", "teksten '{text}'"),
    "y.control": ("a control character ({code}) in the text", "et kontroltegn ({code}) i teksten"),
    "y.control_short": ("a control character in the text", "et kontroltegn i teksten"),
    "y.control_hint": ("remove the invisible character", "fjern det usynlige tegn"),
    "y.invalid": ("not valid YAML", "ikke gyldig YAML"),
    "y.flow_list": ("a list in [ ] lacks a ',' between its items or its closing ']'",
                    "en liste i [ ] mangler et ',' mellem punkterne eller sin afsluttende ']'"),
    "y.flow_map": ("a mapping in {{ }} lacks a ',' between its pairs or its closing '}}'",
                   "en samling i {{ }} mangler et ',' mellem parrene eller sin afsluttende '}}'"),
    "y.flow_hint": ("check the brackets and commas on this line and the one before",
                    "tjek klammerne og kommaerne i denne linje og linjen før"),
    "y.bad_start": ("a value starts with a character YAML reserves (such as @ or `)",
                    "en værdi begynder med et tegn, som YAML har forbeholdt (fx @ eller `)"),
    "y.no_value": ("a value is missing or starts with a character YAML reserves",
                   "en værdi mangler eller begynder med et tegn, som YAML har forbeholdt"),
    "y.quote_hint": ("put the value in quotes: \"…\"", "sæt værdien i anførselstegn: \"…\""),
    "y.unclosed_quote": ("a quotation mark is not closed", "et anførselstegn er ikke lukket"),
    "y.unknown_escape": (
        "an unknown escape (a \\ and a letter) in text in double quotes",
        "en ukendt escape-kode (en \\ og et bogstav) i tekst i dobbelte anførselstegn"),
    "y.unknown_escape_hint": (
        "use single quotes '…', or write \\\\ for a backslash",
        "brug enkelte anførselstegn '…', eller skriv \\\\ for en omvendt skråstreg"),
    "y.bad_anchor": ("an anchor (&) or alias (*) name is not valid",
                     "navnet på et anker (&) eller alias (*) er ikke gyldigt"),
    "y.check_line": ("check this line and the one before it", "tjek denne linje og linjen før"),
    "y.check_line_before": (
        "check this line and the one before it",
        "tjek denne linje og linjen før"),
    "y.documents": (
        "more than one YAML document ('---') in the file",
        "mere end ét YAML-dokument ('---') i filen"),
    "y.documents_short": (
        "more than one YAML document ('---')",
        "mere end ét YAML-dokument ('---')"),
    "y.documents_hint": ("keep the whole plan in one document", "hold hele planen i ét dokument"),
    "y.alias": (
        "anchors and aliases (&name / *name) are not supported",
        "ankre og aliaser (&navn / *navn) understøttes ikke"),
    "y.alias_hint": ("write the value out in full", "skriv værdien helt ud"),
    "y.undefined_alias": ("an alias (*name) with no anchor", "et alias (*navn) uden anker"),
    "y.alias_undefined_hint": (
        "anchors and aliases are not supported; write the value out in full",
        "ankre og aliaser understøttes ikke; skriv værdien helt ud"),
    "y.too_many": (
        "the file has too many values to be a plan",
        "filen har for mange værdier til at være en plan"),
    "y.key_text": ("a key must be plain text", "en nøgle skal være almindelig tekst"),
    "y.deep": ("nested more than {depth} levels deep", "indlejret mere end {depth} niveauer"),
    "y.deep_hint": ("a plan needs only a few levels", "en plan behøver kun få niveauer"),
    "y.empty_key": ("a key is empty", "en nøgle er tom"),
    "y.empty_key_hint": ("write a name before the ':'", "skriv et navn før ':'"),
    "y.duplicate": (
        "duplicate key '{key}' (first at line {line})",
        "nøglen '{key}' står to gange (første gang i linje {line})"),
    "y.duplicate_hint": (
        "keep one of the two; YAML would silently drop the first",
        "behold den ene; YAML ville uden varsel se bort fra den første"),
    "y.tag_refused": ("the tag '{tag}' is refused", "mærket '{tag}' afvises"),
    "y.tag_not_allowed": ("the tag '{tag}' is not allowed", "mærket '{tag}' er ikke tilladt"),
    "y.tag_hint": (
        "a plan holds only text, lists and mappings; remove the tag",
        "en plan rummer kun tekst, lister og nøgler med værdier; fjern mærket"),
    "y.opens_at": ("; it opens at line {line}", "; den begynder i linje {line}"),
    "y.tab_indent": ("a tab character in the indentation", "et tabulatortegn i indrykningen"),
    "y.tab": ("a tab character", "et tabulatortegn"),
    "y.tab_hint": (
        "indent with spaces, never tabs",
        "ryk ind med mellemrum, aldrig med tabulator"),
    "y.colon": ("a ':' where YAML did not expect one", "et ':' hvor YAML ikke ventede et"),
    "y.colon_hint": (
        "put text containing ': ' in quotes, or check the indentation of this line",
        "sæt tekst med ': ' i anførselstegn, eller tjek linjens indrykning"),
    "y.indent": ("the indentation does not line up", "indrykningen passer ikke"),
    "y.indent_map_hint": (
        "items of one mapping must start in the same column",
        "nøglerne i én blok skal begynde i samme kolonne"),
    "y.indent_list_hint": (
        "items of one list must start in the same column",
        "punkterne i én liste skal begynde i samme kolonne"),
    "y.no_colon": (
        "a key without ':' or an unclosed quote",
        "en nøgle uden ':' eller et anførselstegn, der ikke lukkes"),
    "y.unclosed": (
        "the file ends inside a quote or bracket",
        "filen slutter inde i et anførselstegn eller en parentes"),
    "y.unclosed_hint": (
        "close the quote or bracket that opens here",
        "luk anførselstegnet eller parentesen, der begynder her"),
    "v.previous_twice": (
        "previous id '{ref}' is claimed by '{first}' (line {line}) and by '{id}'",
        "tidligere id '{ref}' gøres krav på af '{first}' (linje {line}) og af '{id}'"),
    "v.previous_twice_hint": (
        "an old id passes its tracking data to one initiative only; remove it from one",
        "et gammelt id kan kun give sine opfølgningsdata videre til én indsats; fjern det fra den ene"),
    "kind.project": ("project", "projekt"),
    "kind.agreed": ("agreed initiative", "aftalt indsats"),
    "v.previous_is_self": (
        "previous id '{ref}' of initiative '{id}' is its own id",
        "tidligere id '{ref}' for indsats '{id}' er dens eget id"),
    "what.action_of": ("an action of {what}", "en handling under {what}"),
    "v.actions": (
        "'actions' of {what} is {kind}; it should be a mapping of years to lists",
        "'actions' under {what} er {kind}; det skal være år med hver sin liste"),
    "v.actions_hint": (
        "under actions, a plan year, and under it a list of actions, each with id and text (see the README)",
        "under actions et planår og under det en liste af handlinger, hver med id og text (se README)"),
    "v.action_year": (
        "the year '{year}' in the actions of {what} is outside the plan period",
        "året '{year}' i handlingerne under {what} ligger uden for planperioden"),
    "v.action_twice": (
        "the action id '{id}' is used twice in {what} (first at line {line})",
        "handlings-id'et '{id}' er brugt to gange under {what} (første gang i linje {line})"),
    "v.action_twice_hint": (
        "each action of an initiative needs its own id; it is how a sync knows it again",
        "hver handling under en indsats skal have sit eget id; det er sådan synkroniseringen genkender den"),
    "v.due": ("'{value}' is not a date ({what})", "'{value}' er ikke en dato ({what})"),
    "v.due_hint": ("write it as 2024-03-01", "skriv den som 2024-03-01"),
    # the committee's year and the plan's life (plan_calendar.py)
    "what.adopted": ("the plan's 'adopted'", "planens 'adopted'"),
    "what.body": ("a body", "et udvalg"),
    "what.meeting": ("a meeting", "et møde"),
    "what.milestone": ("a milestone", "en milepæl"),
    "what.follows": ("'follows'", "'follows'"),
    "v.unknown_body": ("'{body}' is not one of the plan's bodies",
                       "'{body}' er ikke et af planens udvalg"),
    "v.bodies_are": ("the bodies are: {bodies} (declare more under bodies:)",
                     "udvalgene er: {bodies} (flere tilføjes under bodies:)"),
    "v.meeting_twice": ("the meeting '{key}' is declared twice (first on line {line})",
                        "mødet '{key}' står to gange (første gang i linje {line})"),
    "v.meeting_twice_hint": ("give each meeting of a body on the same day its own id:",
                             "giv hvert møde i samme udvalg samme dag sit eget id:"),
    "v.deliverables": ("{what}: deliverables must be 'year: text' lines, not {kind}",
                       "{what}: deliverables skal være linjer med 'år: tekst', ikke {kind}"),
    "v.deliverables_hint": ("write a line '2025: Evaluering forelagt PPU' under deliverables:",
                            "skriv en linje '2025: Evaluering forelagt PPU' under deliverables:"),
    "v.deliverable_year": ("'{year}' is not a year of the plan period ({what}'s deliverables)",
                           "'{year}' er ikke et år i planperioden ({what}s leverancer)"),
    "v.milestone_twice": ("this milestone is declared twice (first on line {line})",
                          "denne milepæl står to gange (første gang i linje {line})"),
    "v.follows": ("'follows' must name the plan file before this one",
                  "'follows' skal angive planfilen før denne"),
    "v.follows_hint": ("for example:  follows: {{plan: plans/2022-2025.yaml}}",
                       "fx:  follows: {{plan: plans/2022-2025.yaml}}"),
    "v.lead_not_owner": ("{what}: the lead '{lead}' is not one of its owners",
                         "{what}: tovholderen '{lead}' er ikke blandt dens ansvarlige"),
    "v.lead_not_owner_hint": ("add {lead} to owners:", "tilføj {lead} under owners:"),
    "v.continues_alone": ("'continues: {ref}' needs the plan before, named under follows:",
                          "'continues: {ref}' kræver planen før, angivet under follows:"),
    "v.continues_hint": ("add at the top:  follows: {{plan: plans/2022-2025.yaml}}",
                         "tilføj øverst:  follows: {{plan: plans/2022-2025.yaml}}"),
    "v.continued_twice": ("'{ref}' is continued twice (first on line {line})",
                          "'{ref}' videreføres to gange (første gang i linje {line})"),
    "v.placement": ("{what}: placement '{value}' is not known",
                    "{what}: placement '{value}' kendes ikke"),
    "v.milestone_initiative": ("a milestone names '{ref}', which is no initiative of the plan",
                               "en milepæl nævner '{ref}', som ikke er en indsats i planen"),
}
