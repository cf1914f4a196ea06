"""The next plan: a plan that follows 2022-2025 carries over, on its first sync,
what the group recorded for the initiatives it continues, from the 2022-2025
database opened read-only (byte-identical afterwards); what is left unfinished
and not continued is listed once; the final status of the ended plan says what
was completed, continues where, was dropped or left."""

import hashlib
import re

import pytest
from click.testing import CliRunner

from tracker.cli import main
from tracker.errors import TrackerError
from tracker.model import Change
from tracker.store import open_store
from tracker.sync import sync_file

from .conftest import write

CONTINUED = {"haps": "haps", "kontaktlaege": "kontaktlaege-2",
             "parakliniske-undersoegelser": "paraklinik",
             "72-timers-behandlingsansvar": "72-timer"}


def successor_text(old: str, continued=CONTINUED, follows="plans/2022-2025.yaml") -> str:
    text = old.replace("title: Praksisplan for almen praksis 2022-2025",
                       "title: Praksisplan for almen praksis 2026-2029")
    text = text.replace("period: 2022-2025", "period: 2026-2029")
    text = re.sub(r"  adopted:\n    date: 2021-12-17\n    source: >-\n(      .*\n)+", "", text)
    text = text.replace("\nparties:", f"\nfollows:\n  plan: {follows}\n\nparties:", 1)
    for old_id, new_id in continued.items():
        text = text.replace(f"      - id: {old_id}\n",
                            f"      - id: {new_id}\n        continues: {old_id}\n", 1)
    return text


@pytest.fixture
def ended(store):
    """The 2022-2025 database as a group leaves it."""
    store.edit("haps", Change(status="igangsat", owners=["region", "plo"], lead="plo",
                              note="Pilot i to hospitaler"), "anna", "cli")
    store.add_decision("haps", "Pilot godkendt", "2024-02-19", "anna", "cli",
                       by="Praksisplanudvalget")
    store.add_action("haps", "Evaluering", 2025, "anna", "cli", due="2025-09-01")
    done = store.add_action("haps", "Kick-off", 2024, "anna", "cli")
    store.edit_action(done, "anna", "cli", status="done")
    store.edit("kontaktlaege", Change(status="done"), "bo", "cli")
    store.edit("aabne-praksis", Change(status="dropped", note="Ingen midler"), "bo", "cli")
    return store


def sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_next_plan_carries_over_and_leaves_the_old_database_as_it_was(ended, plan_file):
    ended.close()
    old_db = plan_file.with_suffix(".db")
    before = sha(old_db)
    new_plan = write(plan_file.with_name("2026-2029.yaml"),
                     successor_text(plan_file.read_text(encoding="utf-8")))
    new = open_store(new_plan.with_suffix(".db"))
    result = sync_file(new, new_plan, "sekretær")
    assert sha(old_db) == before
    haps = new.initiative("haps")
    assert (haps.status, haps.owners, haps.lead) == ("in_progress", ("region", "plo"), "plo")
    note = new.notes("haps")[0]
    assert (note.text, note.author) == ("Pilot i to hospitaler", "anna")
    assert [(d.date, d.text, d.by) for d in new.decisions("haps")] == [
        ("2024-02-19", "Pilot godkendt", "Praksisplanudvalget")]
    # Only the open action, moved into the new period, its due date kept.
    assert [(a.text, a.year, a.due) for a in new.actions("haps")] == [
        ("Evaluering", 2026, "2025-09-01")]
    assert new.initiative("kontaktlaege-2").status == "done"
    rows = [e for e in new.history("haps") if e.field == "continues"]
    assert [(r.old, r.new) for r in rows] == [("haps", "Praksisplan for almen praksis 2022-2025")]
    continued = [line for line in result.lines if line.kind == "continued"]
    assert {line.id for line in continued} == set(CONTINUED.values())
    # The dropped one ended; the unfinished ones nothing continues are listed, once.
    left = sorted(line.data["name"] for line in result.lines if line.kind == "not_continued")
    assert left == sorted(["Kapacitetsmodeller", "Praksisdrift og praksispersonale",
                           "Information til yngre læger", "Opslag og aktivering af kapaciteter",
                           "Etablerede læger og praksisoverdragelse"])
    write(new_plan, new_plan.read_text(encoding="utf-8").replace("short: HAPS", "short: HAPS 2"))
    again = sync_file(new, new_plan, "sekretær")
    assert not [line for line in again.lines if line.kind in ("not_continued", "continued")]
    assert sha(old_db) == before


def test_a_dry_run_of_the_next_plan_writes_nothing(ended, plan_file):
    new_plan = write(plan_file.with_name("2026-2029.yaml"),
                     successor_text(plan_file.read_text(encoding="utf-8")))
    new = open_store(new_plan.with_suffix(".db"))
    result = sync_file(new, new_plan, "sekretær", dry_run=True)
    assert any(line.kind == "continued" for line in result.lines)
    assert not new.had_initiatives()


@pytest.mark.parametrize("change, message", [
    ({"follows": "plans/2021-2024.yaml"}, "the plan this one follows, 'plans/2021-2024.yaml', "
                                          "was not found"),
    ({"continued": {"haps": "haps", "nope": "x"}}, None),  # no id `nope`: nothing continues it
    ({"continued": {"haps": "haps"}, "ref": "hapz"}, "'haps' continues 'hapz', which is no "
                                                     "initiative of Praksisplan"),
])
def test_a_successor_that_cannot_carry_over_writes_nothing(ended, plan_file, change, message):
    text = successor_text(plan_file.read_text(encoding="utf-8"),
                          change.get("continued", CONTINUED),
                          change.get("follows", "plans/2022-2025.yaml"))
    if "ref" in change:
        text = text.replace("continues: haps", f"continues: {change['ref']}")
    new_plan = write(plan_file.with_name("2026-2029.yaml"), text)
    new = open_store(new_plan.with_suffix(".db"))
    if message is None:
        sync_file(new, new_plan, "sekretær")
        return
    with pytest.raises(TrackerError, match=re.escape(message)):
        sync_file(new, new_plan, "sekretær")
    assert not new.had_initiatives()


def test_no_database_of_the_plan_before_is_one_clear_message(plan_file, tmp_path):
    new_plan = write(plan_file.with_name("2026-2029.yaml"),
                     successor_text(plan_file.read_text(encoding="utf-8")))
    result = CliRunner().invoke(main, ["--plan", str(new_plan), "sync"])
    assert result.exit_code == 1 and "has no tracker database at" in result.stderr
    assert "Traceback" not in result.output


def test_the_final_status_says_what_became_of_each_initiative(ended, plan_file):
    ended.close()
    write(plan_file.with_name("2026-2029.yaml"),
          successor_text(plan_file.read_text(encoding="utf-8")))
    result = CliRunner().invoke(main, ["--plan", str(plan_file), "--lang", "da", "export",
                                       "--final", "--date", "2026-01-15"])
    text = result.stdout
    assert result.exit_code == 0, result.output
    assert text.startswith("# Slutstatus: Praksisplan for almen praksis 2022-2025\n")
    assert "**Planperioden 2022-2025 sluttede 31.12.2025.**" in text
    assert "Af de 10 indsatser er 1 afsluttet, 3 videreføres, 1 er udgået, og 5 er hverken " \
           "afsluttet eller videreført." in text
    assert "- KontaktLæge → Praksisplan for almen praksis 2026-2029: KontaktLæge" in text
    assert "- HAPS (tovholder: PLO-Hovedstaden; 1 åben handling) → Praksisplan for almen " \
           "praksis 2026-2029: HAPS — seneste note " \
           "01.03.2024: Pilot i to hospitaler" in text
    assert "**Udgået**\n\n- Flere åbne praksis — seneste note 01.03.2024: Ingen midler" in text
    assert "- Kapacitetsmodeller (ikke påbegyndt)" in text
