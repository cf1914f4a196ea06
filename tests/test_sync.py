"""The sync: every merge case, idempotency, dry run, archive, rename."""

import re

import pytest

from tracker.plan import PlanInvalid
from tracker.store import Change
from tracker import present
from tracker.sync import sync_file

from .conftest import write


def words(store, result):
    """The sync's lines as `tracker sync` prints them."""
    return [present.sync_line(store.info, line) for line in result.lines]


def edit_plan(plan_file, old: str, new: str, count: int = 1):
    text = plan_file.read_text(encoding="utf-8")
    assert text.count(old) >= count, old
    write(plan_file, text.replace(old, new, count))


HAPS = "        short: HAPS\n"


def declare(plan_file, lines: str):
    """Add declared tracking values under haps."""
    edit_plan(plan_file, HAPS, HAPS + lines)


def test_first_sync_adds_everything(store):
    assert len(store.initiatives()) == 10
    assert [o.id for o in store.objectives()] == [f"m{n}" for n in range(1, 11)]
    haps = store.initiative("haps")
    assert (haps.status, haps.owners, haps.priorities) == ("not_started", (), {})


def test_unchanged_plan_is_skipped_and_writes_nothing(store, plan_file):
    db_before = plan_file.with_suffix(".db").read_bytes()
    version = store.data_version()
    result = sync_file(store, plan_file, "x")
    assert result.skipped and present.sync_summary(result) == "No changes."
    assert store.data_version() == version
    assert plan_file.with_suffix(".db").read_bytes() == db_before


def test_comment_only_change_reports_no_changes(store, plan_file):
    write(plan_file, plan_file.read_text(encoding="utf-8") + "# a comment\n")
    result = sync_file(store, plan_file, "x")
    assert not result.changed and present.sync_summary(result) == "No changes."
    assert sync_file(store, plan_file, "x").skipped


def test_title_change_keeps_tracking_data(store, plan_file):
    store.edit("haps", Change(status="igangsat", owners=["region", "plo"]), "anna", "cli")
    edit_plan(plan_file, "title: Projekt HAPS (Hospital Almen Praksis Samarbejde)",
              "title: Projekt HAPS – nyt navn")
    result = sync_file(store, plan_file, "x")
    assert words(store, result) == [
        "~ haps  title: Projekt HAPS (Hospital Almen Praksis Samarbejde) → Projekt HAPS – nyt navn"]
    haps = store.initiative("haps")
    assert haps.title == "Projekt HAPS – nyt navn"
    assert (haps.status, haps.owners) == ("in_progress", ("region", "plo"))


def test_plan_change_applies_where_tracker_kept_the_base(store, plan_file):
    declare(plan_file, "        status: planlagt\n        owners: [region]\n"
                       "        priorities: {2024: high}\n")
    result = sync_file(store, plan_file, "x")
    haps = store.initiative("haps")
    assert (haps.status, haps.owners, haps.priorities) == ("planned", ("region",), {2024: "high"})
    assert {w.split("  ", 1)[1].split(":")[0] for w in words(store, result)} == {
        "status", "owners", "priority 2024"}
    assert store.history("haps")[-1].source == "sync"


def test_tracker_edit_stays_when_plan_unchanged(store, plan_file):
    declare(plan_file, "        status: planlagt\n")
    sync_file(store, plan_file, "x")
    store.edit("haps", Change(status="done"), "anna", "cli")
    edit_plan(plan_file, "title: Projekt HAPS (", "title: Projekt HAPS – (")
    sync_file(store, plan_file, "x")
    assert store.initiative("haps").status == "done"


def status_conflict(store, plan_file):
    """Plan says planned, then done; the tracker meanwhile says in progress: a conflict."""
    declare(plan_file, "        status: planlagt\n")
    sync_file(store, plan_file, "x")
    store.edit("haps", Change(status="igangsat"), "anna", "cli")
    edit_plan(plan_file, "status: planlagt", "status: afsluttet")
    return sync_file(store, plan_file, "x")


def test_both_changed_keeps_tracker_value_and_reports_until_resolved(store, plan_file):
    result = status_conflict(store, plan_file)
    assert store.initiative("haps").status == "in_progress"
    conflict = [w for w in words(store, result) if w.startswith("!")]
    assert conflict == ["! haps  status: plan says done, tracker has in progress (plan said "
                        "planned at the last sync); kept the tracker's"]
    assert "1 conflict" in present.sync_summary(result)
    # Reported again on every sync, also when the file is unchanged.
    again = sync_file(store, plan_file, "x")
    assert [line.sign for line in again.lines] == ["!"]
    # Resolving by taking the plan's value settles it.
    store.resolve("haps", "status", True, "anna", "cli")
    assert store.initiative("haps").status == "done"
    assert sync_file(store, plan_file, "x").lines == []


def test_resolve_keep_settles_and_keeps_tracker_value(store, plan_file):
    declare(plan_file, "        owners: [region]\n")
    sync_file(store, plan_file, "x")
    store.edit("haps", Change(owners=["plo"]), "anna", "cli")
    edit_plan(plan_file, "owners: [region]", "owners: [kommunerne]")
    sync_file(store, plan_file, "x")
    store.resolve("haps", "owners", False, "anna", "cli")
    assert store.initiative("haps").owners == ("plo",)
    assert store.conflicts() == []
    edit_plan(plan_file, "title: Projekt HAPS (", "title: Projekt HAPS – (")
    assert [line.sign for line in sync_file(store, plan_file, "x").lines] == ["~"]


def test_edit_that_agrees_with_plan_resolves_conflict(store, plan_file):
    status_conflict(store, plan_file)
    store.edit("haps", Change(status="done"), "anna", "cli")
    assert store.conflicts() == []


def test_editing_a_conflicted_field_decides_it(store, plan_file):
    status_conflict(store, plan_file)
    store.edit("haps", Change(status="forsinket"), "anna", "cli")
    assert store.conflicts() == []
    edit_plan(plan_file, "title: Projekt HAPS (", "title: Projekt HAPS – (")
    sync_file(store, plan_file, "x")
    assert store.initiative("haps").status == "delayed"  # the plan's old news stays seen


def test_both_changed_to_the_same_value_is_no_conflict(store, plan_file):
    declare(plan_file, "        status: planlagt\n")
    sync_file(store, plan_file, "x")
    store.edit("haps", Change(status="done"), "anna", "cli")
    edit_plan(plan_file, "status: planlagt", "status: done")
    assert [line.sign for line in sync_file(store, plan_file, "x").lines] == []
    assert store.conflicts() == []


def test_priorities_merge_per_year(store, plan_file):
    declare(plan_file, "        priorities: {2023: low, 2024: low}\n")
    sync_file(store, plan_file, "x")
    store.edit("haps", Change(priorities={2023: "high"}), "anna", "cli")
    edit_plan(plan_file, "{2023: low, 2024: low}", "{2023: low, 2024: medium}")
    result = sync_file(store, plan_file, "x")
    assert store.initiative("haps").priorities == {2023: "high", 2024: "medium"}
    assert not [line for line in result.lines if line.sign == "!"]


def test_removing_a_declaration_never_changes_tracking(store, plan_file):
    declare(plan_file, "        status: planlagt\n")
    sync_file(store, plan_file, "x")
    edit_plan(plan_file, "        status: planlagt\n", "")
    result = sync_file(store, plan_file, "x")
    assert store.initiative("haps").status == "planned" and not result.changed


def test_archive_and_unarchive_keep_tracking(store, plan_file):
    store.edit("kontaktlaege", Change(status="igangsat", note="Pilot i Gribskov"), "a", "cli")
    original = plan_file.read_text(encoding="utf-8")
    block = re.search(r"      - id: kontaktlaege\n(?:        .*\n)+", original).group(0)
    write(plan_file, original.replace(block, ""))
    result = sync_file(store, plan_file, "x")
    assert words(store, result) == [
        "- kontaktlaege  archived (gone from the plan; its tracking data is kept)"]
    assert "kontaktlaege" not in [v.id for v in store.initiatives()]
    archived = store.initiatives(archived=True)
    assert [v.id for v in archived] == ["kontaktlaege"] and archived[0].status == "in_progress"
    write(plan_file, original)
    result = sync_file(store, plan_file, "x")
    assert words(store, result)[0].startswith("+ kontaktlaege  back in the plan")
    back = store.initiative("kontaktlaege")
    assert not back.archived and back.latest_note.text == "Pilot i Gribskov"


def test_rename_with_previous_ids_carries_tracking_and_history(store, plan_file):
    store.edit("haps", Change(status="igangsat", owners=["plo"]), "anna", "cli")
    edit_plan(plan_file, "      - id: haps\n",
              "      - id: hospital-almen-praksis\n        previous_ids: [haps]\n")
    result = sync_file(store, plan_file, "x")
    assert words(store, result)[0] == \
        "~ hospital-almen-praksis  renamed from haps (tracking data follows)"
    renamed = store.initiative("hospital-almen-praksis")
    assert (renamed.status, renamed.owners) == ("in_progress", ("plo",))
    assert "haps" not in store.initiative_ids()
    fields = [e.field for e in store.history("hospital-almen-praksis")]
    assert "status" in fields and fields[-1] == "id"


def test_new_initiative_takes_declared_values(store, plan_file):
    edit_plan(plan_file, "    title: At der sikres den nødvendige", "    title: At der sikres den nødvendige")
    edit_plan(plan_file, "        also_supports: [m8, m10]\n",
              "        also_supports: [m8, m10]\n      - id: ny-indsats\n        kind: projekt\n"
              "        title: Ny\n        status: igangsat\n        owners: [plo]\n")
    result = sync_file(store, plan_file, "x")
    assert words(store, result)[0] == "+ ny-indsats  Ny (objective 9. Access to advice across the health service)"
    assert store.initiative("ny-indsats").status == "in_progress"


def test_dry_run_writes_nothing(store, plan_file):
    edit_plan(plan_file, "title: Projekt HAPS (", "title: Projekt HAPS – (")
    db = plan_file.with_suffix(".db")
    before = store.db.execute("SELECT count(*) FROM audit").fetchone()[0]
    result = sync_file(store, plan_file, "x", dry_run=True)
    assert result.changed and present.sync_summary(result).startswith("Would add 0, change 1")
    assert store.db.execute("SELECT count(*) FROM audit").fetchone()[0] == before
    assert store.initiative("haps").title.startswith("Projekt HAPS (")
    assert db.exists()
    assert sync_file(store, plan_file, "x").changed  # the real run still has work


def test_sync_is_idempotent(store, plan_file):
    edit_plan(plan_file, "title: Projekt HAPS (", "title: Projekt HAPS – (")
    assert sync_file(store, plan_file, "x").changed
    store.set_meta("plan_sha256", "")  # force a full re-merge of the same file
    assert not sync_file(store, plan_file, "x").changed


def test_invalid_plan_changes_nothing(store, plan_file):
    edit_plan(plan_file, "title: Projekt HAPS (", "title: Projekt HAPS – (")
    edit_plan(plan_file, "  - id: m10\n", "  - id: m10\n    number: 99\n")
    before = store.db.execute("SELECT count(*) FROM audit").fetchone()[0]
    with pytest.raises(PlanInvalid):
        sync_file(store, plan_file, "x")
    assert store.db.execute("SELECT count(*) FROM audit").fetchone()[0] == before
    assert store.initiative("haps").title.startswith("Projekt HAPS (")


def test_a_renamed_party_is_said_by_its_names(store, plan_file):
    """The line said 'region, kommunerne, plo (were region, kommunerne, plo)' when a
    name changed: now only who changed, by name and id."""
    text = plan_file.read_text(encoding="utf-8")
    plan_file.write_text(text.replace("name: Region Hovedstaden", "name: Region H", 1),
                         encoding="utf-8")
    result = sync_file(store, plan_file, "x")
    said = [present.sync_line(store.info, line) for line in result.lines if line.kind == "roster"]
    assert said == ["~ the plan's parties and people changed: Region H (region) "
                    "(were Region Hovedstaden (region))"]


def test_resolve_takes_the_field_as_the_sync_line_named_it(store, plan_file):
    """The sync said '! haps  ansvarlige: …' and 'tracker resolve ID FELT'; the word
    it said was refused ('haps har ingen konflikt på ansvarlige')."""
    from click.testing import CliRunner

    from tracker.cli import main

    declare(plan_file, "        owners: [region]\n")
    sync_file(store, plan_file, "x")
    store.edit("haps", Change(owners=["plo"]), "anna", "cli")
    edit_plan(plan_file, "owners: [region]", "owners: [kommunerne]")
    sync_file(store, plan_file, "x")
    result = CliRunner().invoke(main, ["--plan", str(plan_file), "--lang", "da", "resolve",
                                       "haps", "Ansvarlige", "--keep"])
    assert result.exit_code == 0, result.output
    assert store.conflicts() == [] and store.initiative("haps").owners == ("plo",)


def test_parties_in_a_new_order_are_said_as_that(store, plan_file):
    """Two parties swapped gave '… changed: – (were –)'."""
    text = plan_file.read_text(encoding="utf-8")
    start, middle = text.index("  - id: region\n"), text.index("  - id: kommunerne\n")
    end = text.index("  - id: plo\n")
    plan_file.write_text(text[:start] + text[middle:end] + text[start:middle] + text[end:],
                         encoding="utf-8")
    result = sync_file(store, plan_file, "x")
    said = [present.sync_line(store.info, line) for line in result.lines if line.kind == "roster"]
    assert said == ["~ the plan lists its parties and people in a new order: De 29 kommuner i "
                    "Region Hovedstaden, Region Hovedstaden, PLO-Hovedstaden"]
