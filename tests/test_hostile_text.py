"""Hostile text in titles and notes stays text: in the report and in the TUI."""

import re

import pytest

from tracker import report
from tracker.store import Change
from tracker.sync import sync_file
from tracker.tui.app import TrackerApp
from tracker.tui.widgets import DetailsPane, InitiativeTable

from .conftest import settle

HOSTILE = [
    "a | b || c",
    "`code` and ``more``",
    "<script>alert(1)</script>",
    "# not a heading",
    "line one\nline two",
    "\x1b[31mred\x1b[0m and \x1b]8;;http://x\x07link",
    "[red]rich[/red] [bold]markup[/]",
    "עברית right-to-left \u202eevil",
    "e\u0301\u0301 combining",
    "emoji 🏥👩‍⚕️",
    "*bold* _under_ [link](javascript:alert(1)) ![img](x)",
    "&amp; &lt; entities",
]


@pytest.fixture
def hostile_store(store, plan_file):
    text = plan_file.read_text(encoding="utf-8")
    # A hostile short title straight from the plan file (YAML escapes allowed there).
    text = text.replace("short: HAPS\n", 'short: "HAPS | <b>[red]x[/red]</b> `y` # z"\n')
    plan_file.write_text(text, encoding="utf-8")
    sync_file(store, plan_file, "x")
    for note in HOSTILE:
        store.edit("haps", Change(note=note), "mallory", "cli")
    return store


def unescaped_pipes(line: str) -> int:
    return len(re.findall(r"(?<!\\)\|", line))


@pytest.mark.parametrize("note", HOSTILE)
def test_report_tables_keep_their_columns_and_escape_html(hostile_store, note):
    hostile_store.edit("haps", Change(note=note), "mallory", "cli")
    text = report.markdown(report.build(hostile_store, "2024-03-15"))
    lines = text.splitlines()
    for n, line in enumerate(lines):
        if line.startswith("|"):
            header = max(i for i in range(n + 1) if not lines[i].startswith("|")) + 1
            assert unescaped_pipes(line) == unescaped_pipes(lines[header]), line
    assert "<script>" not in text and "<b>" not in text
    assert "\x1b" not in text and "\x07" not in text
    assert not any(line.startswith("# not") for line in lines)
    if "javascript" in note:
        assert "\\[link\\](javascript:alert(1))" in text


async def test_tui_shows_hostile_text_as_text(hostile_store, plan_file):
    app = TrackerApp(hostile_store, plan_file, "anna", poll_seconds=3600)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.main.run_action("objective('m9')")
        await settle(pilot)
        table = app.main.query_one(InitiativeTable)
        assert table.row_count == 1
        assert str(table.get_cell("haps", "title")).startswith("HAPS | <b>[red]x[/red]")
        details = app.main.query_one(DetailsPane).text.plain
        assert "[bold]markup[/]" in details and "<script>alert(1)</script>" in details
        assert "\x1b" not in details and "␛[31mred" in details
        assert "emoji 🏥" in details
        await pilot.press("h")
        await settle(pilot)
        assert "\x1b" not in str(app.screen.body)


def test_dollars_are_not_typeset_as_math(store):
    store.edit("haps", Change(note="Budget $\\color{red}{APPROVED}$ and $$x$$"), "mallory", "cli")
    text = report.markdown(report.build(store, "2024-06-01", since="2024-01-01"))
    assert "$\\color" not in text and "\\$\\\\color{red}{APPROVED}\\$" in text
    assert re.search(r"(?<!\\)\$", text) is None  # every $ escaped


def test_a_status_word_is_text_in_every_document(store, plan_file):
    text = plan_file.read_text(encoding="utf-8")
    evil = "'x %%{init: {\"theme\": \"dark\"}}%% y'"
    text = text.replace("plan:\n", f"statuses:\n  - {{key: a, da: {evil}, en: {evil}}}\n"
                        "  - {key: b, da: b, en: b, done: yes}\nplan:\n", 1)
    plan_file.write_text(text, encoding="utf-8")
    sync_file(store, plan_file, "x")
    store.edit("haps", Change(status="a"), "mallory", "cli")
    from tracker.formats import formatted

    source = report.markdown(report.build(store, "2024-06-01"))
    text = formatted(source, "markdown")  # as written for people: no code block
    assert "```" not in text and '| x %%{init: {"theme": "dark"}}%% y | 1 |' in text
    page = formatted(source, "html")  # the chart's legend says it as text
    assert "<script" not in page and 'x %%{init: {&quot;theme&quot;: &quot;dark&quot;}}%% y' \
        in page


@pytest.mark.parametrize("text", HOSTILE + ["æøå Ærø", "漢字", "❤️ ok", "👨\u200d👩\u200d👧 x",
                                           "a\u200bb", "HAPS 🏥👩\u200d⚕️"])
def test_one_rule_for_width_agrees_with_the_screen(text):
    """The CLI's tables and the TUI's columns measure text by one rule (shown.width),
    the way Rich draws it on the screen (without loading Rich for the CLI)."""
    from rich.cells import cell_len

    from tracker.present import visible
    from tracker.shown import width

    for line in visible(text).splitlines():
        assert width(line) == cell_len(line), line


def test_a_control_character_in_a_chart_is_a_symbol_in_word_and_html():
    """A plan synced before its words were checked may hold an ESC in an objective's
    name or a status word: the chart shows it as a symbol (Word refused the whole
    file: 'PCDATA invalid Char value 27'), and no ESC reaches the HTML."""
    from lxml import etree

    from tracker import charts

    data = {"title": "Status", **charts.status_bars(
        [{"number": 9, "name": "Sparring \x1b[1m og rådgivning",
          "initiatives": [{"status": "red"}]}],
        [{"key": "red", "label": "rød \x1b[5m", "count": 1}])}
    found = charts.parse(charts.block("status", data)[2])
    word = charts.to_docx_xml(found, 9000)
    etree.fromstring(f'<w:body xmlns:w="http://schemas.openxmlformats.org/'
                     f'wordprocessingml/2006/main">{word}</w:body>')  # raised before
    assert "␛[1m" in word and "\x1b" not in word
    assert "\x1b" not in charts.to_html(found) and "␛[5m" in charts.to_html(found)


def test_a_right_to_left_override_cannot_make_a_paper_say_something_else(store):
    """'Budget: 2 mio. kr.' followed by an override read backwards would show as
    '… Godkendt: 50 mio. kr.' in a browser, in Word and in a terminal: the override
    is shown as a symbol in every paper, escaped in the JSON."""
    import io
    import zipfile

    from tracker.formats import formatted
    from tracker.status_note import markdown

    spoof = "Budget: 2 mio. kr. \u202e.rk .oim 05 :tdnekdoG\u202c"
    store.edit("haps", Change(note=spoof), "anna", "cli")
    content = report.build(store, "2024-03-01")
    text = markdown(content)
    word = zipfile.ZipFile(io.BytesIO(formatted(text, "docx"))).read("word/document.xml")
    for paper in (text, formatted(text, "html"), word.decode("utf-8")):
        assert "Budget: 2 mio. kr. �.rk .oim 05 :tdnekdoG�" in paper
        assert not any(c in paper for c in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
    assert "\\u202e" in report.to_json(content) and "\u202e" not in report.to_json(content)
