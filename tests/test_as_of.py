"""A document dated in the past is true to that day: the history, replayed, gives
each day's statuses, owners, lead, priorities, deliverables, notes, actions and
decisions — the same report the live database gave at the end of that day."""

import json

from click.testing import CliRunner

from tracker import report
from tracker.as_of import AsOf
from tracker.cli import main
from tracker.model import Change
from tracker.sync import sync_file

from .conftest import write


def day_of_edits(store, clock, day: str, edits) -> dict:
    """Run `edits` during `day`; the live report at its end (what AsOf must give)."""
    clock.set(f"{day}T10:00:00Z")
    edits()
    live = json.loads(report.to_json(report.build(store, day)))
    plan = json.loads(report.to_json(report.implementation_plan(store, int(day[:4]), day)))
    return {"report": live, "plan": plan}


def test_each_past_day_reads_as_the_database_read_that_evening(store, clock, plan_file):
    days = {}
    days["2024-03-01"] = day_of_edits(store, clock, "2024-03-01", lambda: (
        store.edit("haps", Change(status="igangsat", owners=["region"], lead="region",
                                  priorities={2024: "high"}, note="Kick-off"), "anna", "cli"),
        store.add_action("haps", "Evaluering", 2024, "anna", "cli", due="2024-06-01"),
        store.edit("kontaktlaege", Change(status="planlagt"), "bo", "cli")))
    days["2024-04-10"] = day_of_edits(store, clock, "2024-04-10", lambda: (
        store.edit("haps", Change(status="forsinket", add_owners=["plo"], lead="plo",
                                  deliverables={2024: "Rapport"}, note="Forsinket"),
                   "bo", "cli"),
        store.edit_action(1, "bo", "cli", status="done"),
        store.add_decision("haps", "Godkendt", "2024-04-10", "bo", "cli", by="PPU"),
        store.edit("kontaktlaege", Change(priorities={2024: "low"}), "bo", "cli"),
        store.undo("bo", "cli")))  # the priority of KontaktLæge, undone the same day
    days["2024-04-11"] = day_of_edits(store, clock, "2024-04-11", lambda: (
        store.edit("haps", Change(lead=""), "bo", "cli"),))  # owners in the roster's order
    days["2024-05-20"] = day_of_edits(store, clock, "2024-05-20", lambda: (
        store.edit_action(1, "anna", "cli", remove=True),
        store.edit("haps", Change(status="afsluttet", remove_owners=["plo"]), "anna", "cli"),
        store.edit("aabne-praksis", Change(note="Ny note"), "anna", "cli")))
    text = plan_file.read_text(encoding="utf-8")  # the plan moves an initiative, later
    write(plan_file, text.replace("  - id: m9\n", "  - id: m9\n", 1))
    clock.set("2024-06-30T10:00:00Z")
    store.edit("haps", Change(status="igangsat", note="Genoptaget"), "anna", "cli")
    for day, then in days.items():
        past = AsOf(store, day)
        assert json.loads(report.to_json(report.build(past, day))) == then["report"], day
        assert json.loads(report.to_json(report.implementation_plan(
            past, int(day[:4]), day))) == then["plan"], day


def test_an_initiative_added_later_is_not_in_an_earlier_days_report(store, clock, plan_file):
    text = plan_file.read_text(encoding="utf-8")
    clock.set("2024-05-01T10:00:00Z")
    write(plan_file, text.replace("    initiatives: []\n", "    initiatives:\n"
                                  "      - id: ny\n        kind: projekt\n"
                                  "        title: Et nyt projekt\n", 1))
    sync_file(store, plan_file, "sekretær")
    names = {v.id for v in AsOf(store, "2024-04-30").initiatives()}
    assert "ny" not in names and "haps" in names
    assert "ny" in {v.id for v in AsOf(store, "2024-05-01").initiatives()}


def test_export_with_a_past_date_shows_that_days_statuses(plan_file, clock):
    def run(*args):
        return CliRunner().invoke(main, ["--plan", str(plan_file), "--user", "anna",
                                         "--lang", "da", *args])

    clock.set("2024-01-15T10:00:00Z")
    assert run("set", "haps", "--status", "igangsat").exit_code == 0
    clock.set("2024-03-01T10:00:00Z")
    assert run("set", "haps", "--status", "afsluttet").exit_code == 0
    then = run("export", "--date", "1.2.2024", "--format", "json")
    (row,) = [i for o in json.loads(then.stdout)["objectives"] for i in o["initiatives"]
              if i["id"] == "haps"]
    assert row["status"] == "in_progress"
    now = json.loads(run("export", "--format", "json").stdout)
    assert [i["status"] for o in now["objectives"] for i in o["initiatives"]
            if i["id"] == "haps"] == ["done"]


def test_a_database_whose_history_is_incomplete_refuses_an_earlier_date(store):
    import pytest

    from tracker.errors import TrackerError

    store.set_meta("history_from", "2024-03-01")  # as an upgraded older database says
    with pytest.raises(TrackerError, match="only from 2024-03-01"):
        AsOf(store, "2024-02-29")
    AsOf(store, "2024-03-01")


def test_any_past_day_of_random_edits_reads_as_it_did_that_evening():
    """Random edits, undos and removals over random days: the report at each past
    day, rebuilt from the history, equals the report the live database gave then."""
    import tempfile
    from pathlib import Path

    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from tracker import store as storelib
    from tracker import sync as synclib
    from tracker.errors import TrackerError
    from tracker.store import open_store

    from .conftest import BUNDLED_PLAN

    ids = ["haps", "kontaktlaege", "aabne-praksis"]
    op = st.tuples(st.integers(0, 2), st.sampled_from(  # undo often: it turns anything back
        ["status", "owners", "lead", "priority", "deliverable", "note", "action", "done",
         "remove", "decision", "undo", "undo", "undo"]), st.integers(0, 2))

    @settings(max_examples=100, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.lists(st.lists(op, max_size=5), min_size=1, max_size=5))
    def check(days):
        with tempfile.TemporaryDirectory() as folder:
            now = {"value": "2024-01-01T08:00:00Z"}
            old = storelib.now, synclib.now
            storelib.now = synclib.now = lambda: now["value"]
            try:
                store = open_store(Path(folder) / "t.db")
                synclib.sync_file(store, BUNDLED_PLAN, "x")
                seen = {}
                for n, edits in enumerate(days):
                    day = f"2024-02-{n + 1:02d}"
                    now["value"] = f"{day}T10:00:00Z"
                    for which, what, k in edits:
                        try:
                            apply(store, ids[which], what, k)
                        except TrackerError:
                            pass  # nothing to undo, no action to change: fine
                    seen[day] = json.loads(report.to_json(report.build(store, day)))
                for day, then in seen.items():
                    assert json.loads(report.to_json(report.build(AsOf(store, day), day))) \
                        == then, day
                store.close()
            finally:
                storelib.now, synclib.now = old

    def apply(store, ident, what, k):
        owners = [["region"], ["plo"], ["region", "plo"]][k]
        if what == "status":
            store.edit(ident, Change(status=["igangsat", "forsinket", "afsluttet"][k]), "a", "cli")
        elif what == "owners":
            store.edit(ident, Change(owners=owners), "a", "cli")
        elif what == "lead":
            store.edit(ident, Change(lead=["plo", "region", ""][k]), "a", "cli")
        elif what == "priority":
            store.edit(ident, Change(priorities={2024: ["high", "low", None][k]}), "a", "cli")
        elif what == "deliverable":
            store.edit(ident, Change(deliverables={2024: ["Rapport", "Plan", ""][k]}), "a", "cli")
        elif what == "note":
            store.edit(ident, Change(note=f"Note {k}"), "a", "cli")
        elif what == "action":
            store.add_action(ident, f"Handling {k}", 2024, "a", "cli", owners=owners,
                             due=f"2024-02-0{k + 1}")
        elif what in ("done", "remove"):
            found = store.actions(ident)
            if found:
                store.edit_action(found[k % len(found)].id, "a", "cli", status="done",
                                  remove=what == "remove")
        elif what == "decision":
            store.add_decision(ident, f"Besluttet {k}", "2024-02-01", "a", "cli")
        else:
            store.undo("a", "cli")

    check()
