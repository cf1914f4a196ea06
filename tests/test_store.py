"""Edits: one transaction with its audit rows, stale edits refused, undo/redo."""

import sqlite3

import pytest

from tracker import present
from tracker.errors import RevertBlocked
from tracker.store import Change, StaleEdit, TrackerError, open_store


def audit_count(store):
    return store.db.execute("SELECT count(*) FROM audit").fetchone()[0]


def test_edit_writes_values_and_audit_rows_together(store):
    version = store.edit("haps", Change(status="In Progress", owners=["region", "PLO-Hovedstaden"],
                                        priorities={2024: "høj"}, note="Kick-off"), "anna", "cli")
    haps = store.initiative("haps")
    assert version == haps.version == 2
    assert (haps.status, haps.owners, haps.priorities) == ("in_progress", ("region", "plo"),
                                                          {2024: "high"})
    assert haps.latest_note.text == "Kick-off" and haps.latest_note.author == "anna"
    rows = store.history("haps")[-4:]
    assert [(r.field, r.old, r.new, r.who, r.source) for r in rows] == [
        ("status", "not_started", "in_progress", "anna", "cli"),
        ("owners", "", "plo,region", "anna", "cli"),
        ("priority:2024", "", "high", "anna", "cli"),
        ("note", None, "Kick-off", "anna", "cli"),
    ]
    assert len({r.edit_id for r in rows}) == 1


@pytest.mark.parametrize("change, message", [
    (Change(status="weird"), "unknown status 'weird'; choose one of: not started, planned"),
    (Change(owners=["nobody"]), "unknown owner 'nobody'; choose one of: Regionen, Kommunerne, PLO"),
    (Change(priorities={2030: "high"}), "the year 2030 is outside the plan period"),
    (Change(priorities={2024: "mega"}), "unknown priority level 'mega'"),
    (Change(note="   "), "the note is empty"),
])
def test_bad_words_write_nothing(store, change, message):
    # A valid status rides along: a bad word anywhere means nothing at all is written.
    change.status = change.status or "done"
    before = audit_count(store)
    with pytest.raises(TrackerError, match=message.replace("(", r"\(")):
        store.edit("haps", change, "anna", "cli")
    assert audit_count(store) == before
    assert store.initiative("haps").status == "not_started"


def test_unknown_initiative_suggests_close_ids(store):
    with pytest.raises(TrackerError, match=r"unknown initiative 'hap' \(did you mean haps\?\)"):
        store.edit("hap", Change(status="done"), "anna", "cli")


def test_stale_edit_is_refused_naming_who_changed_what(store):
    seen = store.initiative("haps").version
    store.edit("haps", Change(status="igangsat"), "bo", "tui")
    before = audit_count(store)
    with pytest.raises(StaleEdit) as info:
        store.edit("haps", Change(status="done"), "anna", "tui", expected_version=seen)
    assert "bo status: not started → in progress" in present.explain(info.value, store.info)
    assert audit_count(store) == before
    assert store.initiative("haps").status == "in_progress"


def test_no_op_edit_writes_nothing(store):
    before = audit_count(store)
    assert store.edit("haps", Change(status="not_started"), "anna", "cli") == 1
    assert audit_count(store) == before


def test_add_and_remove_owner(store):
    store.edit("haps", Change(add_owners=["region"]), "a", "cli")
    store.edit("haps", Change(add_owners=["plo"], remove_owners=["region"]), "a", "cli")
    assert store.initiative("haps").owners == ("plo",)


def test_clear_priority(store):
    store.edit("haps", Change(priorities={2024: "high"}), "a", "cli")
    store.edit("haps", Change(priorities={2024: None}), "a", "cli")
    assert store.initiative("haps").priorities == {}


def test_undo_and_redo_are_audited_edits(store):
    store.edit("haps", Change(status="igangsat", note="n1"), "anna", "tui")
    assert present.reverted(store.info, store.undo("anna", "tui")).startswith("Undone: haps")
    haps = store.initiative("haps")
    assert haps.status == "not_started" and haps.latest_note is None
    store.redo("anna", "tui")
    haps = store.initiative("haps")
    assert haps.status == "in_progress" and haps.latest_note.text == "n1"
    actions = [e.action for e in store.history("haps")]
    assert actions[-4:] == ["undo", "undo", "redo", "redo"]


def test_undo_is_per_user_and_refuses_to_overwrite_others(store):
    store.edit("haps", Change(status="igangsat"), "anna", "tui")
    store.edit("haps", Change(status="done"), "bo", "tui")
    with pytest.raises(RevertBlocked) as info:
        store.undo("anna", "tui")
    assert "was changed since (now done)" in present.explain(info.value, store.info)
    assert store.initiative("haps").status == "done"
    with pytest.raises(TrackerError, match="nothing to redo for anna"):
        store.redo("anna", "tui")


def test_new_edit_clears_redo(store):
    store.edit("haps", Change(status="igangsat"), "anna", "tui")
    store.undo("anna", "tui")
    store.edit("haps", Change(status="planlagt"), "anna", "tui")
    with pytest.raises(TrackerError, match="nothing to redo"):
        store.redo("anna", "tui")


def test_audit_log_is_append_only(store):
    store.edit("haps", Change(status="igangsat"), "anna", "tui")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        store.db.execute("DELETE FROM audit")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        store.db.execute("UPDATE audit SET who = 'x'")


def test_pragmas(store):
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert store.db.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000


def test_refuses_a_file_that_is_not_sqlite(tmp_path):
    path = tmp_path / "x.db"
    path.write_text("hello")
    with pytest.raises(TrackerError, match="is not a tracker database"):
        open_store(path)
    assert path.read_text() == "hello"


def test_refuses_another_sqlite_database(tmp_path):
    path = tmp_path / "x.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t(x)")
    conn.commit()
    conn.close()
    with pytest.raises(TrackerError, match="not a tracker database"):
        open_store(path)


def test_refuses_a_newer_schema_and_leaves_it_untouched(store, tmp_path):
    store.db.execute("INSERT INTO _sqlite_migrations(migration_set, name, applied_at) "
                     "VALUES ('tracker', '9999_future', '2030-01-01')")
    store.db.conn.commit()
    path = store.path
    store.close()
    before = path.read_bytes()
    with pytest.raises(TrackerError, match="newer version of tracker"):
        open_store(path)
    assert path.read_bytes() == before


def test_missing_folder(tmp_path):
    with pytest.raises(TrackerError, match="does not exist"):
        open_store(tmp_path / "nope" / "x.db")


def test_a_note_never_conflicts(store):
    seen = store.initiative("haps").version
    store.edit("haps", Change(status="igangsat"), "bo", "tui")
    store.edit("haps", Change(note="Min note"), "anna", "tui", expected_version=seen)
    assert store.notes("haps")[0].text == "Min note"
    with pytest.raises(StaleEdit):  # anything else still is checked
        store.edit("haps", Change(status="done", note="x"), "anna", "tui",
                   expected_version=seen)
