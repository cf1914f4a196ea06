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
        await app.run_action("objective('m9')")
        await settle(pilot)
        table = app.query_one(InitiativeTable)
        assert table.row_count == 1
        assert str(table.get_cell("haps", "title")).startswith("HAPS | <b>[red]x[/red]")
        details = app.query_one(DetailsPane).text.plain
        assert "[bold]markup[/]" in details and "<script>alert(1)</script>" in details
        assert "\x1b" not in details and "␛[31mred" in details
        assert "emoji 🏥" in details
        await pilot.press("h")
        await settle(pilot)
        assert "\x1b" not in str(app.screen.body)
