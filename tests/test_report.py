"""The status report: golden file, escaping, determinism, filters, JSON."""

import json
import os
import re
from pathlib import Path

import pytest

from tracker import report
from tracker.store import Change

GOLDEN = Path(__file__).parent / "data" / "golden" / "report.md"


def fill(store):
    store.edit("haps", Change(status="igangsat", owners=["region", "plo"],
                              priorities={2024: "high"}, note="Kick-off held"), "anna", "cli")
    store.edit("kontaktlaege", Change(status="afsluttet", owners=["kommunerne"],
                                      priorities={2023: "medium", 2024: "low"}), "bo", "tui")
    store.edit("aabne-praksis", Change(note="Line one\nLine | two <b>x</b>"), "bo", "tui")
    # The yearly implementation plan: actions (one overdue on 2024-03-15), a
    # delayed initiative with its note, a decision.
    store.add_action("haps", "Agree the referral | flow", 2024, "anna", "cli", owners=["plo"],
                     due="2024-03-01")
    store.add_action("haps", "Hold kick-off", 2024, "anna", "cli", due="2024-02-01",
                     status="done")
    store.add_action("kontaktlaege", "Evaluate", 2025, "bo", "cli", owners=["kommunerne"])
    store.edit("parakliniske-undersoegelser", Change(status="forsinket", priorities={
        2024: "medium"}, note="Waiting for the hospitals"), "bo", "cli")
    store.add_decision("haps", "Pilot approved for two hospitals", "2024-02-19", "anna", "cli",
                       by="Praksisplanudvalget")


def same_as_golden(text: str, name: str) -> bool:
    golden = GOLDEN.with_name(name)
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    return text == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("language", ["en", "da"])
def test_implementation_plan_matches_golden_file(store, language):
    from tracker import catalogue
    from tracker.formats import formatted
    from tracker.html_doc import to_html

    fill(store)
    catalogue.use(language)
    text = report.implementation_markdown(report.implementation_plan(store, 2024, "2024-03-15"))
    assert same_as_golden(formatted(text, "markdown"), f"implementation-plan.{language}.md")
    assert same_as_golden(to_html(text), f"implementation-plan.{language}.html")


@pytest.mark.parametrize("language", ["en", "da"])
def test_markdown_matches_golden_file(store, language):
    from tracker import catalogue
    from tracker.formats import formatted
    from tracker.html_doc import to_html

    fill(store)
    catalogue.use(language)
    text = report.markdown(report.build(store, "2024-03-15", since="2024-01-01"))
    assert same_as_golden(formatted(text, "markdown"), f"report.{language}.md")
    assert same_as_golden(to_html(text), f"report.{language}.html")


def test_report_shows_haps_under_objective_9(store):
    fill(store)
    text = report.markdown(report.build(store, "2024-03-15"))
    section = text.split("## 9. ")[1].split("\n## ")[0]
    # Names, not ids; the year's priority and deliverable; the latest note; one line a cell.
    assert "| Initiative | Lead | Status | Priority 2024 | Deliverable 2024 | Latest note |" \
        in section
    assert ("| HAPS | – | in progress | ●●● high | – | "
            "Kick-off held (2024-03-01) |") in section  # no lead named yet
    from tracker.formats import formatted

    assert "`haps`" not in text and "<br>" not in text
    assert "```" not in formatted(text, "markdown")  # the chart is for HTML and Word


def test_same_db_gives_byte_identical_output(store):
    fill(store)
    first = report.markdown(report.build(store, "2024-03-15"))
    assert report.markdown(report.build(store, "2024-03-15")) == first


def test_hostile_text_stays_plain_and_tables_keep_their_columns(store):
    store.edit("haps", Change(note="a | b\n# heading\n<script>x</script> `code` [l](http://x)"
                              " \x1b[31mred\x1b[0m [red]rich[/red]"), "anna", "cli")
    text = report.markdown(report.build(store, "2024-03-15"))
    row = next(line for line in text.splitlines() if line.startswith("| HAPS |"))
    assert "<script>" not in text and "&lt;script&gt;" in row
    assert "\x1b" not in text
    unescaped_pipes = len(re.findall(r"(?<!\\)\|", row))
    header = next(line for line in text.splitlines() if line.startswith("| Initiative |"))
    assert unescaped_pipes == header.count("|")
    assert "b \\# heading" in row and "\\[l\\](http://x)" in row  # one line a cell


def test_filters_by_owner_and_year(store):
    fill(store)
    content = report.build(store, "2024-03-15", owner="plo")
    assert [i["id"] for o in content["objectives"] for i in o["initiatives"]] == ["haps"]
    content = report.build(store, "2024-03-15", year=2023)
    assert [i["id"] for o in content["objectives"] for i in o["initiatives"]] == ["kontaktlaege"]
    assert content["years"] == [2023]


def test_progress_counts_done(store):
    fill(store)
    content = report.build(store, "2024-03-15")
    m4 = next(o for o in content["objectives"] if o["id"] == "m4")
    assert (m4["done"], m4["total"]) == (1, 3)


def test_json_carries_the_same_content(store):
    fill(store)
    data = json.loads(report.to_json(report.build(store, "2024-03-15")))
    haps = next(i for o in data["objectives"] for i in o["initiatives"] if i["id"] == "haps")
    assert haps["status"] == "in_progress" and haps["priorities"]["2024"] == "high"
    assert [o["id"] for o in haps["owners"]] == ["region", "plo"]  # roster order


def test_since_lists_changes_by_objective_with_who_and_when(store, clock):
    store.edit("haps", Change(status="igangsat"), "anna", "cli")
    clock.set("2024-05-02T08:30:00Z")
    store.edit("haps", Change(owners=["plo"], note="Møde holdt"), "bo", "tui")
    store.edit("kontaktlaege", Change(priorities={2025: "high"}), "bo", "tui")
    content = report.build(store, "2024-06-01", since="2024-05-01")
    assert [g["objective"] for g in content["changes"]] == ["m4", "m9"]  # (the JSON's)
    text = report.markdown(content)
    section = text.split("## What is different since 2024-05-01")[1]
    # One line per initiative, what is different; never who or from where.
    assert "- **HAPS**: new owners: PLO-Hovedstaden; note: Møde holdt" in section
    assert "- **KontaktLæge**: priority 2025 – → high" in section
    assert "in progress" not in section and "bo" not in section and "tui" not in section


def test_conflicts_close_the_report(store, plan_file):
    from tracker.sync import sync_file

    text = plan_file.read_text(encoding="utf-8")
    plan_file.write_text(text.replace("short: HAPS\n", "short: HAPS\n        status: planlagt\n"),
                         encoding="utf-8")
    sync_file(store, plan_file, "x")
    store.edit("haps", Change(status="igangsat"), "anna", "cli")
    plan_file.write_text(text.replace("short: HAPS\n", "short: HAPS\n        status: done\n"),
                         encoding="utf-8")
    sync_file(store, plan_file, "x")
    out = report.markdown(report.build(store, "2024-06-01", since="2024-01-01"))
    # Last the conflicts, then only the footnote saying where the adoption date is stated.
    lines = out.rstrip().splitlines()
    assert lines[-5:-3] == ["| HAPS | status | done | in progress |", ""]
    assert lines[-3:-1] == ["---", ""] and lines[-1].startswith("¹ Date of adoption: ")
    assert out.index("## What is different since") < out.index("## Open sync conflicts")


def test_pictures_priority_matrix_and_no_chart_source(store):
    fill(store)
    text = report.markdown(report.build(store, "2024-03-15"))
    assert "| HAPS | – | – | ●●● high | – |" in text
    assert "| KontaktLæge | – | ●●○ medium | ●○○ low | – |" in text
    assert "mermaid" not in text and "| not started | 7 |" in text


def test_changes_since_name_added_initiatives_and_fold_undone_edits(store, plan_file, clock):
    from tracker.sync import sync_file

    clock.set("2024-05-02T08:30:00Z")
    store.edit("haps", Change(status="igangsat", note="Forkert"), "anna", "tui")
    store.undo("anna", "tui")  # an edit and its undo cancel out
    store.edit("haps", Change(status="planlagt"), "anna", "tui")
    text = plan_file.read_text(encoding="utf-8")
    plan_file.write_text(text.replace("      - id: haps\n", "      - id: ny-indsats\n"
                                      "        kind: projekt\n        title: Ny indsats\n"
                                      "      - id: haps\n"), encoding="utf-8")
    sync_file(store, plan_file, "sekretær")
    section = report.markdown(report.build(store, "2024-06-01", since="2024-05-01")
                              ).split("## What is different since")[1]
    assert "- **Ny indsats**: new in the plan" in section
    assert "Forkert" not in section and "undo" not in section and "in progress" not in section
    assert "- **HAPS**: status not started → planned" in section


def test_dropped_initiatives_leave_the_progress_figures(store):
    store.edit("haps", Change(status="udgået"), "anna", "cli")
    store.edit("72-timers-behandlingsansvar", Change(status="afsluttet"), "anna", "cli")
    content = report.build(store, "2024-06-01")
    m9 = next(o for o in content["objectives"] if o["id"] == "m9")
    m8 = next(o for o in content["objectives"] if o["id"] == "m8")
    assert (m9["done"], m9["total"]) == (0, 0) and (m8["done"], m8["total"]) == (1, 1)
    assert "| 9. Access to advice across the health service | – | – |" in \
        report.markdown(content)
    assert store.progress().get("m9", (0, 0)) == (0, 0)
    assert store.progress()["all"] == (1, 9)


def test_a_party_owning_many_initiatives_gets_counts_not_a_list_of_names():
    """At 10,000 initiatives a party owns a thousand: the chair reads how many and
    in which state, and finds each in its objective's table, not a 40,000-character line."""
    statuses = ["in progress", "delayed", "done"]
    many = [{"id": f"i{n}", "name": f"Indsats {n}", "status_label": statuses[n % 3]}
            for n in range(25)]
    few = many[:3]
    content = {"plan_year": 2024, "statuses": [{"label": w} for w in ["not started", *statuses]],
               "by_party": [
        {"id": "region", "name": "Region", "initiatives": many, "actions": []},
        {"id": "plo", "name": "PLO", "initiatives": few, "actions": []}]}
    from tracker.status_note import parties_section

    lines = parties_section(content)
    owns = [line for line in lines if line.startswith("Owns")]
    assert owns[0] == ("Owns: 25 initiatives — 9 in progress, 8 delayed, 8 done "
                       "(each in its objective's table above)")
    assert owns[1] == "Owns: Indsats 0 (in progress); Indsats 1 (delayed); Indsats 2 (done)"


def test_json_in_pieces_is_the_same_json(store):
    """The JSON written a piece at a time says exactly what one string said, C1
    control characters escaped, whatever the size of the pieces."""
    import json

    fill(store)
    store.edit("haps", Change(note="a\x85b"), "anna", "cli")
    content = report.build(store, "2024-03-15")
    whole = json.dumps(content, ensure_ascii=False, indent=2).replace("\x85", "\\u0085") + "\n"
    for size in (1, 100, 1 << 20):
        pieces = list(report.json_pieces(content, size=size))
        assert "".join(pieces) == whole and (size > 10_000 or len(pieces) > 10)
    assert json.loads(report.to_json(content)) == json.loads(whole)
