"""One writer for real: every tracking change leaves its history rows and a new
version, settlements and a new initiative's declared values included."""

from tracker import present
from tracker.store import Change, open_store
from tracker.sync import sync_file

from .test_sync import declare, edit_plan


def owners_conflict(store, plan_file):
    declare(plan_file, "        owners: [region]\n")
    sync_file(store, plan_file, "x")
    store.edit("haps", Change(owners=["plo"]), "anna", "cli")
    edit_plan(plan_file, "owners: [region]", "owners: [kommunerne]")
    sync_file(store, plan_file, "x")
    assert [c.field for c in store.conflicts()] == ["owners"]


def test_resolve_keep_leaves_a_history_row_and_a_new_version(store, plan_file):
    owners_conflict(store, plan_file)
    before = store.initiative("haps").version
    store.resolve("haps", "owners", False, "bo", "cli")
    after = store.initiative("haps")
    assert after.version == before + 1 and after.updated_by == "bo"
    last = store.history("haps")[-1]
    assert (last.who, last.action, last.field, last.old, last.new) == (
        "bo", "resolve", "owners", "plo", "plo")
    assert present.change(store.info, last) == (
        "owners: conflict with the plan settled, kept PLO-Hovedstaden")


def test_resolve_take_plan_says_the_plan_value_settled_it(store, plan_file):
    owners_conflict(store, plan_file)
    store.resolve("haps", "owners", True, "bo", "cli")
    last = store.history("haps")[-1]
    assert (last.action, last.old, last.new) == ("resolve", "plo", "kommunerne")
    assert "the plan's value; conflict settled" in present.change(store.info, last)


def test_a_new_initiatives_declared_values_are_in_its_history(plan_file, tmp_path, clock):
    declare(plan_file, "        status: igangsat\n        owners: [region, plo]\n"
                       "        priorities: {2024: high}\n")
    store = open_store(tmp_path / "new.db")
    try:
        sync_file(store, plan_file, "sekretær")
        rows = {(e.field, e.old, e.new) for e in store.history("haps")}
        assert {("status", None, "in_progress"), ("owners", None, "plo,region"),
                ("priority:2024", None, "high")} <= rows
        assert all(e.who == "sekretær" and e.source == "sync" for e in store.history("haps"))
        # an undeclared initiative has only its "added" row
        assert [e.field for e in store.history("kontaktlaege")] == ["added"]
    finally:
        store.close()


def test_conflicts_are_replaced_per_initiative_by_the_sync(store, plan_file):
    owners_conflict(store, plan_file)
    edit_plan(plan_file, "owners: [kommunerne]", "owners: [region]")  # the plan goes back
    result = sync_file(store, plan_file, "x")
    assert store.conflicts() == [] and [line.sign for line in result.lines] == []
