"""One language at a time, completely: every command-line error path, click's own
words, --help and the validator's messages about a broken YAML file say nothing
in the other language."""

import re

import click
import pytest
from click.testing import CliRunner

from tracker.cli import main
from tracker.cli.help_da import HELP_DA
from tracker.cli.shell import COMMANDS

CORPUS = __import__("pathlib").Path(__file__).parent / "data" / "invalid"

# Words only the one language has (checked as whole words).
ENGLISH = ["the", "and", "of", "not",  # (not "is": the end of "praksis" behind a dialog)
           "Usage", "Error", "Missing", "Options",
           "Commands", "Show", "while", "found", "expected", "choose", "unknown", "nothing",
           "changed", "Try", "such", "option", "help", "initiative", "objective", "owner", "year",
           "must", "started", "integer", "valid"]  # (not 'argument', 'give': Danish words too)
DANISH = ["og", "ikke", "af", "er", "Brug", "Fejl", "Mangler", "Tilvalg", "Kommandoer", "vælg",
          "ukendt", "intet", "ændret", "indsats", "målsætning", "ansvarlige", "år", "skal",
          "påbegyndt", "igangsat", "Skriv", "hjælp"]

# Every way a person can get a command wrong, and --help of every command.
WRONG = [
    ["set", "--bogus"], ["sett"], ["set"], ["set", "haps", "--stat", "x"], ["set", "nope", "--status", "done"],
    ["set", "haps", "--status", "halvvejs"], ["set", "haps", "--priority", "2024"],
    ["set", "haps", "--priority", "2030=high"], ["set", "haps", "--priority", "2024=mega"],
    ["set", "haps", "--owner", "nobody"], ["set", "haps"], ["history", "--since", "31.02.2024"],
    ["export", "--date", "xx"], ["export", "--format", "odt"], ["action", "add"],
    ["action", "add", "haps", "Gør noget", "--due", "1.13.2024", "--year", "2024"],
    ["action", "set", "999", "--status", "done"], ["decision", "add", "haps"],
    ["meeting", "add"], ["meeting", "show", "2099-01-01"], ["milestone", "remove", "9"],
    ["resolve", "haps", "status"], ["import"], ["show"], ["show", "nope"], ["undo"],
    ["list", "--year", "abc"], ["timeline", "--date", "nope"],
    ["meeting", "item", "decide", "abc", "x"], ["serve", "--warm", "-1"],
] + [[name, "--help"] for name in COMMANDS] + [["--help"], ["action", "add", "--help"],
                                               ["meeting", "item", "add", "--help"]]


def words_of(text: str) -> set[str]:
    # ids, options, paths and quoted values are not words of either language
    text = re.sub(r"'[^']*'|`[^`]*`|--[\w-]+|\S*/\S*|\S+\.(yaml|db)\b|\w*_\w*", " ", text)
    return set(re.findall(r"[^\W\d_]+", text))


@pytest.fixture
def run(plan_file, clock):
    runner = CliRunner()

    def invoke(lang: str, *args):
        return runner.invoke(main, ["--lang", lang, "--plan", str(plan_file), *args]).output

    invoke("en", "sync")
    return invoke


@pytest.mark.parametrize("args", WRONG, ids=[" ".join(a) for a in WRONG])
def test_every_cli_error_and_help_in_one_language(run, args):
    danish, english = run("da", *args), run("en", *args)
    assert danish and english
    assert not words_of(danish) & set(ENGLISH), (words_of(danish) & set(ENGLISH), danish)
    assert not words_of(english) & set(DANISH), (words_of(english) & set(DANISH), english)


@pytest.mark.parametrize("name", sorted(p.name for p in CORPUS.glob("*.yaml")))
def test_the_validator_in_danish_says_nothing_in_english(name):
    output = CliRunner().invoke(main, ["--lang", "da", "validate", str(CORPUS / name)]).output
    assert not words_of(output) & set(ENGLISH), (words_of(output) & set(ENGLISH), output)
    assert "while" not in output and "expected" not in output


def test_every_help_text_has_its_danish():
    import importlib

    for module in set(COMMANDS.values()):
        importlib.import_module(f"tracker.cli.{module}")
    missing = []

    def walk(command):
        for text in [command.__dict__.get("_help_en", command.help)] + [
                p.__dict__.get("_help_en", getattr(p, "help", None)) for p in command.params]:
            if text and text not in HELP_DA:
                missing.append(text)
        for sub in getattr(command, "commands", {}).values():
            walk(sub)

    walk(main)
    assert missing == [] or all(t.startswith("Show the version") for t in missing), missing


def test_english_comes_back_after_danish(run):
    assert "Brug:" in run("da", "set", "--help")
    english = run("en", "set", "--help")
    assert english.startswith("Usage: main set [OPTIONS] INITIATIVE_ID")
    assert "Change an initiative's status" in english
    assert isinstance(main, click.Group)


SNAPSHOTS = CORPUS.parent.parent / "__snapshots__" / "test_snapshots"
DANISH_UI = ["Bruger", "Indsatser", "Målsætninger", "Detaljer", "Ansvarlige", "Prioriteter",
             "Handlinger", "annullér", "Gem", "luk", "tilføj", "Eksportér", "Fortryd",
             "Historik", "Tidslinje", "Møder", "dagsorden", "Taster", "Hjælp", "påbegyndt",
             "igangsat", "afsluttet", "høj", "middel", "frist", "sorteret", "også"]


def screen_lines(svg: str) -> list[str]:
    """The text of a snapshot, line by line (its pieces joined in order)."""
    import html as html_text

    lines: dict[str, list[tuple[float, str]]] = {}
    for x, line, text in re.findall(r'<text[^>]* x="([\d.]+)"[^>]*clip-path="url\(#'
                                    r'terminal-line-(\d+)\)">([^<]*)</text>', svg):
        lines.setdefault(line, []).append((float(x), html_text.unescape(text)))
    return ["".join(t for _, t in sorted(parts)).replace("\xa0", " ")
            for _, parts in sorted(lines.items(), key=lambda kv: int(kv[0]))]


@pytest.mark.parametrize("path", sorted(SNAPSHOTS.glob("*-da].svg")), ids=lambda p: p.stem)
def test_every_danish_screen_says_nothing_in_english(path):
    text = "\n".join(screen_lines(path.read_text(encoding="utf-8")))
    assert not words_of(text) & set(ENGLISH), (words_of(text) & set(ENGLISH), text)


@pytest.mark.parametrize("path", sorted(SNAPSHOTS.glob("*-en].svg")), ids=lambda p: p.stem)
def test_every_english_screen_says_nothing_in_danish(path):
    found = words_of("\n".join(screen_lines(path.read_text(encoding="utf-8"))))
    assert not found & set(DANISH_UI), found & set(DANISH_UI)


def test_danish_usage_keeps_clicks_marks(run):
    assert "Brug: main history [TILVALG] [INDSATS_ID]" in run("da", "history", "--help")
    assert "Brug: main validate [TILVALG] [PLANFILER]..." in run("da", "validate", "--help")
