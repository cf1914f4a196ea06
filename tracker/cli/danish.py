"""The command line in Danish, completely: click's own words (usage errors,
"Usage:", "Options:", the help option) and our commands' and options' help.

click asks `gettext` for its words, but ships no Danish catalogue and reads the
process's locale, not our --lang. So its modules' `_` and `ngettext` are
replaced, once, by functions that answer in the language the catalogue is set to
now; our help texts are swapped on the commands (and back, for English). The
Danish help lives in `help_da.py`, keyed by the English text: a test checks that
every help text has its Danish.
"""

from __future__ import annotations

import click

from ..catalogue import language

CLICK_DA = {
    "%(prog)s, version %(version)s": "%(prog)s, version %(version)s",
    "Aborted!": "Afbrudt.",
    "Argument {name!r} takes {nargs} values.": "Argumentet {name!r} tager {nargs} værdier.",
    "Choose from:\n\t{choices}": "Vælg mellem:\n\t{choices}",
    "Commands": "Kommandoer",
    "Confirm the action without prompting.": "Bekræft uden at spørge.",
    "Could not open file {filename!r}: {message}": "Kunne ikke åbne filen {filename!r}: {message}",
    "Do you want to continue?": "Vil du fortsætte?",
    "Error: {message}": "fejl: {message}",  # (as our own errors say it)
    "Invalid value for {param_hint}: {message}": "Ugyldig værdi for {param_hint}: {message}",
    "Invalid value: {message}": "Ugyldig værdi: {message}",
    "Missing argument": "Mangler argument",
    "Missing command.": "Mangler en kommando.",
    "Missing option": "Mangler tilvalg",
    "Missing parameter": "Mangler parameter",
    "Missing parameter: {param_name}": "Mangler parameter: {param_name}",
    "Missing {param_type}": "Mangler {param_type}",
    "No such command {name!r}.": "Der er ingen kommando ved navn {name!r}.",
    "No such option: {name}": "Der er intet tilvalg ved navn {name}",
    "No such option {name!r}.": "Der er intet tilvalg ved navn {name!r}.",
    "Option {name!r} does not take a value.": "Tilvalget {name!r} tager ingen værdi.",
    "Options": "Tilvalg",
    "Positional arguments": "Argumenter",
    "Show the version and exit.": "Vis versionen og afslut.",
    "Show this message and exit.": "Vis denne hjælp og afslut.",
    "Try '{command} {option}' for help.": "Skriv '{command} {option}' for at få hjælp.",
    "Usage:": "Brug:",
    "default: {default}": "standard: {default}",
    "env var: {var}": "miljøvariabel: {var}",
    "required": "skal angives",
    "argument": "argument",
    "option": "tilvalg",
    "parameter": "parameter",
    "file": "filen",
    "directory": "mappen",
    "path": "stien",
    "{name} {filename!r} does not exist.": "{name} {filename!r} findes ikke.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} er en mappe.",
    "{name} {filename!r} is a file.": "{name} {filename!r} er en fil.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} kan ikke læses.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} kan ikke skrives.",
    # (click fills in its type's English name, "integer": said without it)
    "{value!r} is not a valid {number_type}.": "{value!r} er ikke et gyldigt tal.",
    "{value} is not in the range {range}.": "{value} ligger ikke i intervallet {range}.",
    "integer": "heltal",
    "float": "decimaltal",
    # ngettext: (singular, plural)
    "Got unexpected extra argument ({args})": "Fik et argument for meget ({args})",
    "Got unexpected extra arguments ({args})": "Fik argumenter for meget ({args})",
    "Did you mean {possibility}?": "Mente du {possibility}?",
    "(Did you mean one of: {possibilities}?)": "(Mente du en af: {possibilities}?)",
    "Option {name!r} requires an argument.": "Tilvalget {name!r} skal have en værdi.",
    "Option {name!r} requires {nargs} arguments.": "Tilvalget {name!r} skal have {nargs} værdier.",
    "{value!r} is not {choice}.": "{value!r} er ikke {choice}.",
    "{value!r} is not one of {choices}.": "{value!r} er ikke en af {choices}.",
    "{value!r} does not match the format {format}.": "{value!r} passer ikke til formatet {format}.",
    "{value!r} does not match the formats {formats}.":
        "{value!r} passer ikke til formaterne {formats}.",
}

# What click puts in usage lines: its type names and our arguments' names.
METAVARS_DA = {
    "[OPTIONS]": "[TILVALG]", "COMMAND [ARGS]...": "KOMMANDO [ARGUMENTER]...",
    "[COMMAND] [ARGS]...": "[KOMMANDO] [ARGUMENTER]...",
    "TEXT": "TEKST", "PATH": "STI", "INTEGER": "HELTAL", "INTEGER RANGE": "HELTAL",
    "YEAR": "ÅR", "YEAR=LEVEL": "ÅR=NIVEAU", "YEAR=TEXT": "ÅR=TEKST", "MEETING": "MØDE",
    "NAME": "NAVN", "INITIATIVE_ID": "INDSATS_ID", "MILESTONE_ID": "MILEPÆL_ID",
    "FIELD_NAME": "FELT", "PLAN_FILES": "PLANFILER", "PLAN_FILES...": "PLANFILER...",
    "STATE_FILE": "TILSTANDSFIL", "TARGET": "MÅL", "DATE": "DATO", "ACTION_ID": "HANDLING_ID",
    "ITEM_ID": "PUNKT_ID", "FIRST": "FØRSTE", "SECOND": "ANDET", "THIRD": "TREDJE",
    "FIELD": "FELT", "STIEN": "STI",  # (click names a path "stien" in Danish)
}

_installed = False


def words(message: str) -> str:
    """click's word in the language chosen now."""
    return CLICK_DA.get(message, message) if language() == "da" else message


def install() -> None:
    """Let click's modules ask `words` instead of gettext (once per process)."""
    global _installed
    if _installed:
        return
    _installed = True
    import importlib

    def plural(singular: str, many: str, n: int) -> str:
        return words(singular if n == 1 else many)

    for name in ("core", "decorators", "exceptions", "formatting", "parser", "termui",
                 "types", "utils"):
        module = importlib.import_module(f"click.{name}")
        if hasattr(module, "_"):
            module._ = words
        if hasattr(module, "ngettext"):
            module.ngettext = plural


def localize(command: click.Command) -> None:
    """The help, usage words and metavars of `command` and its subcommands in the
    language chosen now (the English kept on the command, to come back to)."""
    from .help_da import HELP_DA

    danish = language() == "da"

    def say(obj, attr: str, table: dict) -> None:
        english = obj.__dict__.setdefault(f"_{attr}_en", getattr(obj, attr))
        setattr(obj, attr, table.get(english, english) if danish and english else english)

    command._help_option = None  # click keeps it, worded in the language of its first use
    say(command, "help", HELP_DA)
    say(command, "short_help", HELP_DA)
    say(command, "options_metavar", METAVARS_DA)
    if isinstance(command, click.Group):
        say(command, "subcommand_metavar", METAVARS_DA)
    for param in command.params:
        if getattr(param, "help", None) is not None:
            say(param, "help", HELP_DA)
        if isinstance(param, click.Argument) or (
                isinstance(param, click.Option) and not param.is_flag
                and not isinstance(param.type, click.Choice)):  # a Choice shows [a|b]
            param.__dict__.setdefault("_metavar_en", param.metavar)
            english = param._metavar_en or (param.name.upper() if isinstance(
                param, click.Argument) else param.type.name.upper())
            shown = METAVARS_DA.get(english, english)
            if isinstance(param, click.Argument) and param._metavar_en is None:
                # a metavar of its own skips click's marks: put them back
                shown = (shown if param.required else f"[{shown}]") + \
                    ("..." if param.nargs != 1 else "")
            param.metavar = shown if danish else param._metavar_en
    for sub in getattr(command, "commands", {}).values():
        localize(sub)

