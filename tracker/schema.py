"""The database schema, as versioned migrations (sqlite-utils `Migrations`).

`STEPS` lists them in order; a migration function takes a sqlite-utils Database.

Plan-owned tables (objectives, initiatives, plan_base) are written only by the
sync; tracking tables (tracking, owners, priorities, notes) by edits; `audit`
is append-only, enforced by triggers. Add a migration to change the schema;
never edit one that has shipped.
"""

MIGRATION_SET = "tracker"


def initial(db) -> None:
    _run(db, """
        CREATE TABLE meta (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        CREATE TABLE objectives (
            id TEXT PRIMARY KEY,
            number INTEGER NOT NULL,
            title TEXT NOT NULL,
            short TEXT NOT NULL DEFAULT '',
            title_en TEXT NOT NULL DEFAULT '',
            position INTEGER NOT NULL,
            archived INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE initiatives (
            id TEXT PRIMARY KEY,
            objective_id TEXT NOT NULL REFERENCES objectives(id) ON UPDATE CASCADE,
            title TEXT NOT NULL,
            short TEXT NOT NULL DEFAULT '',
            kind TEXT NOT NULL,
            description TEXT NOT NULL DEFAULT '',
            also_supports TEXT NOT NULL DEFAULT '',
            position INTEGER NOT NULL,
            archived INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX initiatives_objective ON initiatives(objective_id);
        CREATE TABLE tracking (
            initiative_id TEXT PRIMARY KEY
                REFERENCES initiatives(id) ON UPDATE CASCADE ON DELETE CASCADE,
            status TEXT NOT NULL,
            version INTEGER NOT NULL DEFAULT 1,
            updated_at TEXT,
            updated_by TEXT
        );
        CREATE TABLE owners (
            initiative_id TEXT NOT NULL
                REFERENCES initiatives(id) ON UPDATE CASCADE ON DELETE CASCADE,
            owner TEXT NOT NULL,
            PRIMARY KEY (initiative_id, owner)
        );
        CREATE TABLE priorities (
            initiative_id TEXT NOT NULL
                REFERENCES initiatives(id) ON UPDATE CASCADE ON DELETE CASCADE,
            year INTEGER NOT NULL,
            level TEXT NOT NULL,
            PRIMARY KEY (initiative_id, year)
        );
        CREATE TABLE notes (
            id INTEGER PRIMARY KEY,
            initiative_id TEXT NOT NULL
                REFERENCES initiatives(id) ON UPDATE CASCADE ON DELETE CASCADE,
            text TEXT NOT NULL,
            author TEXT NOT NULL,
            created_at TEXT NOT NULL,
            withdrawn INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX notes_initiative ON notes(initiative_id, id);
        -- The plan's declared tracking values as of the last sync: the merge base.
        CREATE TABLE plan_base (
            initiative_id TEXT NOT NULL
                REFERENCES initiatives(id) ON UPDATE CASCADE ON DELETE CASCADE,
            field TEXT NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY (initiative_id, field)
        );
        CREATE TABLE conflicts (
            initiative_id TEXT NOT NULL
                REFERENCES initiatives(id) ON UPDATE CASCADE ON DELETE CASCADE,
            field TEXT NOT NULL,
            plan_value TEXT NOT NULL,
            tracker_value TEXT NOT NULL,
            base_value TEXT NOT NULL,
            PRIMARY KEY (initiative_id, field)
        );
        -- Who changed what, when. One edit is one `edit_id`; `action` is
        -- edit / undo / redo / sync, and `reverts` names the edit an undo or
        -- redo turns back.
        CREATE TABLE audit (
            id INTEGER PRIMARY KEY,
            edit_id INTEGER NOT NULL,
            at TEXT NOT NULL,
            who TEXT NOT NULL,
            source TEXT NOT NULL,
            action TEXT NOT NULL,
            initiative_id TEXT,
            field TEXT NOT NULL,
            old TEXT,
            new TEXT,
            ref INTEGER,
            version INTEGER,
            reverts INTEGER
        );
        CREATE INDEX audit_initiative ON audit(initiative_id, id);
        CREATE INDEX audit_edit ON audit(edit_id);
        CREATE INDEX audit_who ON audit(who, edit_id);
        CREATE TRIGGER audit_append_only_update BEFORE UPDATE ON audit
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        CREATE TRIGGER audit_append_only_delete BEFORE DELETE ON audit
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        """)


def sync_runs(db) -> None:
    """A row per sync that changed something; an index for `history --since`."""
    _run(db, """
        CREATE TABLE sync_runs (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            who TEXT NOT NULL,
            plan_sha256 TEXT NOT NULL,
            added INTEGER NOT NULL,
            changed INTEGER NOT NULL,
            archived INTEGER NOT NULL,
            conflicts INTEGER NOT NULL
        );
        CREATE INDEX audit_at ON audit(at);
        """)


def initiative_keys(db) -> None:
    """A stable key per initiative (`uid`): ids are names and can be renamed or
    re-used, so history and undo follow the key, not the id. Existing audit
    rows get theirs by replaying the recorded renames backwards."""
    _run(db, """
        ALTER TABLE initiatives ADD COLUMN uid INTEGER;
        UPDATE initiatives SET uid = rowid;
        CREATE UNIQUE INDEX initiatives_uid ON initiatives(uid);
        ALTER TABLE audit ADD COLUMN initiative_uid INTEGER;
        DROP TRIGGER audit_append_only_update;
        """)
    holder = {ident: uid for ident, uid in db.execute("SELECT id, uid FROM initiatives")}
    found = []
    for row_id, ident, field, old, new in db.execute(
            "SELECT id, initiative_id, field, old, new FROM audit "
            "WHERE initiative_id IS NOT NULL ORDER BY id DESC").fetchall():
        if field == "id":  # a rename old → new: before it, the key was called `old`
            uid = holder.pop(new, None)
            if uid is not None:
                holder[old] = uid
        else:
            uid = holder.get(ident)
            if field == "added":  # before it, no initiative had this key
                holder.pop(ident, None)
        found.append((uid, row_id))
    db.conn.executemany("UPDATE audit SET initiative_uid = ? WHERE id = ?", found)
    _run(db, """
        CREATE TRIGGER audit_append_only_update BEFORE UPDATE ON audit
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        CREATE INDEX audit_initiative_uid ON audit(initiative_uid, id);
        """)


def actions_and_decisions(db) -> None:
    """The yearly implementation plan: actions (who does what by when, for a
    plan year) and decisions (what a body decided, when) under an initiative.
    Their values are written only through the store's one writer, as fields
    `action:<id>:<attr>`; text '' means the record is not there (removed, or
    its adding undone). `key`: the id a plan file declares an action by."""
    _run(db, """
        CREATE TABLE actions (
            id INTEGER PRIMARY KEY,
            initiative_id TEXT NOT NULL
                REFERENCES initiatives(id) ON UPDATE CASCADE ON DELETE CASCADE,
            text TEXT NOT NULL DEFAULT '',
            year TEXT NOT NULL DEFAULT '',
            owners TEXT NOT NULL DEFAULT '',
            due TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT '',
            key TEXT
        );
        CREATE INDEX actions_initiative ON actions(initiative_id, id);
        CREATE UNIQUE INDEX actions_key ON actions(initiative_id, key);
        CREATE TABLE decisions (
            id INTEGER PRIMARY KEY,
            initiative_id TEXT NOT NULL
                REFERENCES initiatives(id) ON UPDATE CASCADE ON DELETE CASCADE,
            text TEXT NOT NULL DEFAULT '',
            date TEXT NOT NULL DEFAULT '',
            body TEXT NOT NULL DEFAULT ''  -- who decided: the field `by`
        );
        CREATE INDEX decisions_initiative ON decisions(initiative_id, id);
        """)


def initiative_places(db) -> None:
    """The initiatives of an objective in plan order, straight from an index: the
    table's first screenful is read without sorting the whole plan."""
    _run(db, """
        CREATE INDEX initiatives_place ON initiatives(objective_id, archived, position);
        """)


def database_identity(db) -> None:
    """A random id of this database, written into its state file: an action's
    number in that file means the same action only in the same database."""
    import uuid

    db.execute("INSERT OR IGNORE INTO meta(key, value) VALUES ('database_id', ?)",
               [uuid.uuid4().hex])


def committee(db) -> None:
    """The committee's year and the plan's life. Per initiative the lead party
    and a deliverable per year (fields `lead`, `deliverable:<year>`, one row a
    field); meetings of a body, their agenda items and milestones: records of
    the plan as a whole, written by the one writer as `meeting:<id>:<attr>`
    (first attribute '': not there); `key`: declared by the plan file. A
    decision may name the meeting it was taken at. An initiative's placement
    may be provisional, and it may continue an initiative of the plan before."""
    _run(db, """
        CREATE TABLE initiative_values (
            initiative_id TEXT NOT NULL
                REFERENCES initiatives(id) ON UPDATE CASCADE ON DELETE CASCADE,
            field TEXT NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY (initiative_id, field)
        );
        CREATE TABLE meetings (
            id INTEGER PRIMARY KEY,
            date TEXT NOT NULL DEFAULT '',
            body TEXT NOT NULL DEFAULT '',
            title TEXT NOT NULL DEFAULT '',
            key TEXT UNIQUE
        );
        CREATE INDEX meetings_date ON meetings(date);
        CREATE TABLE agenda_items (
            id INTEGER PRIMARY KEY,
            meeting TEXT NOT NULL DEFAULT '',
            initiative TEXT NOT NULL DEFAULT '',
            text TEXT NOT NULL DEFAULT '',
            kind TEXT NOT NULL DEFAULT ''
        );
        CREATE TABLE milestones (
            id INTEGER PRIMARY KEY,
            date TEXT NOT NULL DEFAULT '',
            text TEXT NOT NULL DEFAULT '',
            initiative TEXT NOT NULL DEFAULT '',
            key TEXT UNIQUE
        );
        ALTER TABLE decisions ADD COLUMN meeting TEXT NOT NULL DEFAULT '';
        ALTER TABLE initiatives ADD COLUMN placement TEXT NOT NULL DEFAULT '';
        ALTER TABLE initiatives ADD COLUMN continues TEXT NOT NULL DEFAULT '';
        """)


def action_lead(db) -> None:
    """An action's lead (tovholder): one of its owners, or ''."""
    _run(db, """
        ALTER TABLE actions ADD COLUMN lead TEXT NOT NULL DEFAULT '';
        """)


def history_complete(db) -> None:
    """From when the history tells every value (a dated document replays it): from
    the start for a database this version creates; for one that already held
    initiatives, from today — before, a value the plan declared at creation had
    no row of its own."""
    import datetime as dt

    held = db.execute("SELECT 1 FROM initiatives LIMIT 1").fetchone()
    since = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d") if held else ""
    db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('history_from', ?)", [since])


def item_outcome(db) -> None:
    """What a meeting decided on an agenda item ('' until it is recorded): for the
    plan as a whole too, where no initiative holds a decision (e.g. the year's
    implementation plan approved)."""
    _run(db, """
        ALTER TABLE agenda_items ADD COLUMN outcome TEXT NOT NULL DEFAULT '';
        """)


def _run(db, script: str) -> None:
    # Not executescript(): it commits first, which would break the migration's
    # transaction. Statements end with ';' at a line's end (triggers inside
    # keep theirs mid-line).
    for statement in script.split(";\n"):
        if statement.strip():
            db.execute(statement)


STEPS = [("0001_initial", initial), ("0002_sync_runs", sync_runs),
         ("0003_initiative_keys", initiative_keys),
         ("0004_actions_and_decisions", actions_and_decisions),
         ("0005_initiative_places", initiative_places),
         ("0006_database_identity", database_identity), ("0007_committee", committee),
         ("0008_action_lead", action_lead), ("0009_history_complete", history_complete),
         ("0010_item_outcome", item_outcome)]
KNOWN = [name for name, _ in STEPS]


def migrations():
    """The steps as a sqlite-utils migration set (imported only when one is due:
    sqlite-utils and what it loads cost more than a whole read command)."""
    from sqlite_utils import Migrations

    found = Migrations(MIGRATION_SET)
    for name, step in STEPS:
        found(name=name)(step)
    return found


def applied(conn) -> list[str]:
    """Names of the applied steps, read without sqlite-utils."""
    exists = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = "
                          "'_sqlite_migrations'").fetchone()
    if not exists:
        return []
    return [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations WHERE "
                                       "migration_set = ? ORDER BY rowid", [MIGRATION_SET])]
