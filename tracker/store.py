"""The tracker's SQLite database: open it, transactions, backups, and the one
writer.

Every change of tracking data — an edit, an undo, a sync's merge, a resolved
conflict, an import — goes through one method, `Store.write`: the new values,
the version bump, the audit rows and the settling of conflicts in one
`BEGIN IMMEDIATE` transaction, with the initiative's version checked so a stale
edit is refused, never applied. The rest of `Store` lives beside it, one job a
module: reads (`queries.py`), what people ask for as writes (`edits.py`), the
plan's own rows (`plan_rows.py`); what people type is checked in `lookup.py`.

It returns data (`model.py`); `present.py` makes the words.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import sqlite3
from contextlib import contextmanager
from pathlib import Path

from . import schema
from .edits import Edits
from .errors import Said, StaleEdit, TrackerError  # noqa: F401 (StaleEdit: for callers)
from .files import Guard, backups_folder, check_target, ensure_folder
from .lookup import one_line, person_name, stamp
from .model import (OWNERS, STATUS, Change, FieldChange, PlanInfo, Write,  # noqa: F401
                    field_year, is_extra_field, split_item_field, split_record_field)
from .plan_rows import PlanRows
from .committee import RECORD_TABLES, Committee
from .initiative_list import InitiativeList
from .queries import ITEM_COLUMNS, ITEM_TABLES, Queries

BUSY_TIMEOUT_MS = 10_000
BACKUPS_KEPT = 5
PARTIAL = ".partial"  # a backup being written; renamed when complete


def now() -> str:
    """The time stamps use UTC, to the second. Tests may replace this."""
    return stamp(dt.datetime.now(dt.timezone.utc))


def current_user(explicit: str | None = None) -> str:
    """Who edits: --user, else TRACKER_USER, else the login. A name given must
    hide nothing (the history's one rule for names, as `tracker serve` applies)."""
    given = explicit or os.environ.get("TRACKER_USER")
    if given:
        name = person_name(given)
        if name is None:
            raise TrackerError("err.name_hidden", name=one_line(given))
        return name
    try:
        return os.getlogin()
    except OSError:
        import getpass

        try:
            return getpass.getuser()
        except Exception:  # no login name at all (some containers)
            return "unknown"


# ---------------------------------------------------------------------------


def open_store(path, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> "Store":
    """Open (creating if needed) and upgrade the tracker database at `path`.

    A writer waits up to `busy_timeout_ms` for another writer to finish, then
    gives up with a clear TrackerError having written nothing. A file that is
    not the tracker's (or is marked read-only) is refused and left as it is.
    """
    path = Path(path)
    if not path.parent.exists():
        raise TrackerError("db.no_folder", path=path, folder=path.parent)
    if path.is_dir():
        raise TrackerError("db.is_folder", path=path)
    if path.exists() and not _looks_like_sqlite(path):
        raise TrackerError("db.not_sqlite", path=path)
    if path.exists() and not _writable(path):
        # Checked first: SQLite would open it, then leave read-only -wal/-shm files.
        raise TrackerError("db.read_only_file", path=path)
    try:
        store = Store(_connect(path, busy_timeout_ms), path)
        store.upgrade()
        return store
    except sqlite3.DatabaseError as exc:
        raise TrackerError(_explain_db_error(path, exc)) from None


def open_read_only(path) -> "Store":
    """Another plan's database, only to read (a plan that follows it carries over
    from it): opened in SQLite's read-only mode, never upgraded, never written."""
    path = Path(path)
    if not path.is_file() or not _looks_like_sqlite(path):
        raise TrackerError("db.no_predecessor", path=path)
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True,
                               isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
        missing = set(schema.KNOWN) - set(schema.applied(conn))
    except sqlite3.DatabaseError as exc:
        raise TrackerError(_explain_db_error(path, exc)) from None
    if missing:
        conn.close()
        raise TrackerError("db.predecessor_old", path=path)
    return Store(Connection(conn), path)


def _connect(path: Path, busy_timeout_ms: int, any_thread: bool = False) -> "Connection":
    # Autocommit: transactions are only the explicit BEGIN IMMEDIATE ones.
    conn = sqlite3.connect(str(path), timeout=busy_timeout_ms / 1000, isolation_level=None,
                           check_same_thread=not any_thread)
    conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
    conn.execute("PRAGMA foreign_keys = ON")
    # Text filters compare as Python does (Danish letters in any case); SQLite's
    # lower() folds only ASCII.
    conn.create_function("fold", 1, lambda text: text.casefold() if text else "",
                         deterministic=True)
    return Connection(conn)


def _looks_like_sqlite(path: Path) -> bool:
    # Only before this process has a connection to it: see Store.another.
    with open(path, "rb") as f:
        head = f.read(16)
    return head == b"" or head == b"SQLite format 3\x00"


def _writable(path: Path) -> bool:
    """Writable, and not marked read-only (root may write anyway; we don't)."""
    return os.access(path, os.W_OK) and bool(path.stat().st_mode & 0o200)


def _explain_db_error(path, exc: Exception) -> Said:
    """What SQLite's error means for the person, as data."""
    text = str(exc)
    if "locked" in text or "busy" in text:
        return Said("err.busy", path=path)
    if "readonly" in text or "read-only" in text:
        return Said("err.read_only", path=path)
    if "unable to open" in text:
        return Said("db.cannot_open", path=path)
    if "not a database" in text or "malformed" in text:
        return Said("db.damaged", path=path, reason=text)
    return Said("db.error", path=path, reason=text)


class Connection:
    """The few things the store needs of a connection; sqlite-utils is loaded
    only to run migrations, which keeps every command's start-up short."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    def execute(self, sql: str, params=()) -> sqlite3.Cursor:
        return self.conn.execute(sql, params)

    def executemany(self, sql: str, rows) -> sqlite3.Cursor:
        return self.conn.executemany(sql, rows)


class Store(Queries, InitiativeList, Edits, PlanRows, Committee):
    def __init__(self, db: Connection, path: Path):
        self.db = db
        self.path = path
        self._info: PlanInfo | None = None
        self._info_version: int | None = None  # data_version when _info was read
        self.today: str | None = None  # the day 'overdue' is counted on (None: today)

    # -- setup ------------------------------------------------------------------
    def upgrade(self) -> None:
        tables = {r[0] for r in self.db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
        applied = set(schema.applied(self.db.conn))
        if tables and not applied:  # another program's database (sqlite-utils or not)
            raise TrackerError("db.not_tracker", path=self.path)
        newer = applied - set(schema.KNOWN)
        if newer:
            raise TrackerError("db.newer", path=self.path, schema=max(newer))
        if self.db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            self.db.execute("PRAGMA journal_mode = wal")
        if set(schema.KNOWN) - applied:
            import sqlite_utils

            with self.transaction():
                schema.migrations().apply(sqlite_utils.Database(self.db.conn))

    def close(self) -> None:
        self.db.conn.close()

    def another(self, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> "Store":
        """A second connection to this database, for a worker thread of this process
        (one thread at a time: the caller serialises its use).

        It skips open_store's checks on purpose: those open and close the file from
        Python, and closing any descriptor of a file drops every POSIX lock this
        process holds on it — SQLite's locks of the connections already open —
        which let other processes corrupt the WAL (seen in test_safety)."""
        try:
            other = Store(_connect(self.path, busy_timeout_ms, any_thread=True), self.path)
            other.today = self.today
            return other
        except sqlite3.DatabaseError as exc:
            raise TrackerError(_explain_db_error(self.path, exc)) from None

    @contextmanager
    def transaction(self):
        """One write transaction, taking the write lock at once (BEGIN IMMEDIATE).

        Inside another, it joins it: a sync's many writes are one transaction.
        Any database error rolls everything back and becomes one clear message.
        """
        conn = self.db.conn
        if conn.in_transaction:
            yield
            return
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise TrackerError(_explain_db_error(self.path, exc)) from None
        try:
            yield
        except sqlite3.DatabaseError as exc:
            conn.rollback()
            raise TrackerError(_explain_db_error(self.path, exc)) from None
        except BaseException:
            conn.rollback()
            raise
        try:
            conn.commit()
        except sqlite3.OperationalError as exc:
            conn.rollback()
            raise TrackerError(_explain_db_error(self.path, exc)) from None

    def backup(self, target: Path | None = None) -> Path:
        """Copy the committed state of the DB to `target`, by default into
        `<name>-backups/` beside it, keeping the newest few there.

        Safe while this or another connection is writing: it reads through its
        own connection, which sees only committed data. The copy is written
        under a temporary name and renamed when complete, so a backup killed
        half-way never looks like a good one.
        """
        folder = backups_folder(self.path)
        if target is None:
            ensure_folder(folder, "db.no_backups")
            stamp = now().replace("-", "").replace(":", "")
            target = folder / f"{self.path.stem}-{stamp}.db"
            count = 1
            while target.exists():
                count += 1
                target = folder / f"{self.path.stem}-{stamp}-{count}.db"
        else:
            check_target(target, Guard(self.path))
            if os.path.lexists(target):
                raise TrackerError("db.exists", path=target)
        target = Path(target)
        partial = target.with_name(f".{target.name}{PARTIAL}")
        source = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True,
                                 timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            _remove(partial)
            copy = sqlite3.connect(str(partial))
            try:
                source.backup(copy)
            finally:
                copy.close()
            os.replace(partial, target)
        except (OSError, sqlite3.DatabaseError) as exc:
            _remove(partial)
            reason = exc.strerror if isinstance(exc, OSError) else exc
            raise TrackerError("cli.cannot_write", path=target, reason=reason) from None
        finally:
            source.close()
        if target.parent == folder:
            backups = sorted(folder.glob(f"{self.path.stem}-*.db"),
                             key=lambda p: p.stat().st_mtime_ns)
            for old in backups[:-BACKUPS_KEPT]:
                old.unlink(missing_ok=True)
            for left in folder.glob(f".*{PARTIAL}*"):  # from a backup that was killed
                if left != partial and _older_than(left, seconds=3600):
                    left.unlink(missing_ok=True)
        return target

    def data_version(self) -> int:
        """Changes whenever another connection commits (cheap to poll)."""
        return self.db.execute("PRAGMA data_version").fetchone()[0]

    # -- meta -------------------------------------------------------------------
    def meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        self.db.execute("INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) "
                        "DO UPDATE SET value = excluded.value", [key, value])

    @property
    def info(self) -> PlanInfo:
        """The plan's words as last synced. Read again when another connection has
        committed since (it may have synced a new plan, e.g. added a person): a
        process with two connections never holds two versions of the plan's words."""
        version = self.data_version()
        if version != self._info_version:
            self._info, self._info_version = None, version
        if self._info is None:
            raw = self.meta("plan")
            if raw is None:
                raise TrackerError("err.no_plan_yet", path=self.path)
            objectives = tuple(self.db.execute(
                "SELECT id, number, CASE short WHEN '' THEN title ELSE short END, title_en "
                "FROM objectives ORDER BY archived, position"))
            self._info = dataclasses.replace(PlanInfo.from_json(raw), objectives=objectives)
        return self._info

    def forget_info(self) -> None:
        self._info = None


    # -- the one writer -----------------------------------------------------------
    def write(self, initiative_id: str | None, change: Write, who: str, source: str,
              action: str, expected_version: int | None = None, reverts: int | None = None,
              edit_id: int | None = None, at: str | None = None) -> int:
        """Apply one tracking change to one initiative; return its version after.
        With no initiative (None): to the committee's records (meetings, agenda
        items, milestones), which share one version of their own.

        In one `BEGIN IMMEDIATE` transaction (or the caller's): check the
        version (StaleEdit if it moved), write the values that differ and the
        notes, settle conflicts the change decides, record the plan's bases and
        new conflicts, bump the version and write an audit row per field.
        """
        with self.transaction():
            if initiative_id is None:
                row = (int(self.meta("records_version") or 0), None)
            else:
                row = self.db.execute(
                    "SELECT t.version, i.uid FROM tracking t JOIN initiatives i "
                    "ON i.id = t.initiative_id WHERE i.id = ?", [initiative_id]).fetchone()
            if row is None:
                raise TrackerError(self._unknown_initiative(initiative_id))
            version, uid = row
            if expected_version is not None and version != expected_version:
                # (a number past SQLite's integers means: changed since version 0)
                changes = self._changes_since(uid, max(0, min(expected_version, version)))
                if change.scope is not None:
                    changes = tuple(c for c in changes if c.field.startswith(change.scope))
                if changes or change.scope is None:
                    raise StaleEdit(initiative_id, changes)
            at = at or now()
            rows = []  # (field, old, new, note id)
            for field_name, new in change.values.items():
                old = self.tracked_value(initiative_id, field_name)
                if old != new:
                    self._write_value(initiative_id, field_name, new)
                    rows.append((field_name, old, new, None))
            for note in change.notes:
                note_id = self.db.execute(
                    "INSERT INTO notes(initiative_id, text, author, created_at) "
                    "VALUES (?, ?, ?, ?)",
                    [initiative_id, note.text, note.author or who, note.at or at]).lastrowid
                rows.append(("note", None, note.text, note_id))
            for note_id, withdrawn in change.withdrawn.items():
                text = self.db.execute("SELECT text FROM notes WHERE id = ?",
                                       [note_id]).fetchone()[0]
                self.db.execute("UPDATE notes SET withdrawn = ? WHERE id = ?",
                                [int(withdrawn), note_id])
                rows.append(("note", text, None, note_id) if withdrawn
                            else ("note", None, text, note_id))
            for field_name in change.settled:  # settled as it is: a row says so
                if field_name not in {r[0] for r in rows}:
                    kept = self.tracked_value(initiative_id, field_name)
                    rows.append((field_name, kept, kept, None))
            if change.settle:
                for field_name, *_ in rows:
                    self._settle_conflict(initiative_id, field_name)
            for field_name, base in change.bases.items():
                self._set_base(initiative_id, field_name, base)
            if change.replace_conflicts:
                self.db.execute("DELETE FROM conflicts WHERE initiative_id = ?",
                                [initiative_id])
            for c in change.conflicts:
                self.db.execute(
                    "INSERT OR REPLACE INTO conflicts(initiative_id, field, plan_value, "
                    "tracker_value, base_value) VALUES (?,?,?,?,?)",
                    [initiative_id, c.field, c.plan_value, c.tracker_value, c.base_value])
            if not rows:
                return version
            version += 1
            if initiative_id is None:
                self.set_meta("records_version", str(version))
            self.db.execute("UPDATE tracking SET version = ?, updated_at = ?, updated_by = ? "
                            "WHERE initiative_id = ?", [version, at, who, initiative_id])
            edit_id = edit_id or self.next_edit_id()
            self.db.executemany(
                "INSERT INTO audit(edit_id, at, who, source, action, initiative_id, "
                "initiative_uid, field, old, new, ref, version, reverts) "
                "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                [(edit_id, at, who, source, action, initiative_id, uid, field_name, old, new,
                  ref, version, reverts) for field_name, old, new, ref in rows])
            return version

    def _changes_since(self, uid: int, version: int) -> tuple[FieldChange, ...]:
        """Who changed which field since `version`, each field once (net)."""
        net: dict[str, FieldChange] = {}
        for who, field_name, old, new in self.db.execute(
                "SELECT who, field, old, new FROM audit WHERE initiative_uid IS ? "
                "AND version > ? ORDER BY id", [uid, version]):
            first = net.get(field_name)
            net[field_name] = FieldChange(field_name, first.old if first else old, new, who)
        return tuple(net.values())

    def _settle_conflict(self, initiative_id: str, field_name: str) -> None:
        """Editing a field in conflict with the plan decides it: the edit stands, and
        the plan's value counts as seen (as `tracker resolve … --keep` would)."""
        row = self.db.execute("SELECT plan_value FROM conflicts WHERE initiative_id = ? "
                              "AND field = ?", [initiative_id, field_name]).fetchone()
        if row:
            self.db.execute("DELETE FROM conflicts WHERE initiative_id = ? AND field = ?",
                            [initiative_id, field_name])
            self._set_base(initiative_id, field_name, row[0])

    def _set_base(self, initiative_id: str, field_name: str, value: str) -> None:
        self.db.execute("INSERT INTO plan_base(initiative_id, field, value) VALUES (?,?,?) "
                        "ON CONFLICT(initiative_id, field) DO UPDATE SET value = "
                        "excluded.value", [initiative_id, field_name, value])

    def next_edit_id(self) -> int:
        return self.db.execute("SELECT coalesce(max(edit_id), 0) + 1 FROM audit").fetchone()[0]


    # -- reading and writing one field in its text form ------------------------------
    def tracked_value(self, initiative_id: str, field_name: str) -> str:
        """A tracking field's value as text: status key, 'a,b' owners, level or ''."""
        if field_name == STATUS:
            return self.db.execute("SELECT status FROM tracking WHERE initiative_id = ?",
                                   [initiative_id]).fetchone()[0]
        if field_name == OWNERS:
            return ",".join(self._owners(initiative_id))
        year = field_year(field_name)
        if year is not None:
            row = self.db.execute("SELECT level FROM priorities WHERE initiative_id = ? AND "
                                  "year = ?", [initiative_id, year]).fetchone()
            return row[0] if row else ""
        if is_extra_field(field_name):
            row = self.db.execute("SELECT value FROM initiative_values WHERE initiative_id = ? "
                                  "AND field = ?", [initiative_id, field_name]).fetchone()
            return row[0] if row else ""
        item = split_item_field(field_name) or split_record_field(field_name)
        if item is not None:
            kind, item_id, attr = item
            table = ITEM_TABLES.get(kind) or RECORD_TABLES[kind]
            row = self.db.execute(
                f"SELECT {ITEM_COLUMNS.get(attr, attr)} FROM {table} "
                "WHERE id = ?", [item_id]).fetchone()
            return row[0] if row else ""
        raise ValueError(field_name)


    def _write_value(self, initiative_id: str, field_name: str, value: str) -> None:
        """Set a tracking field from its text form (only `write` calls this)."""
        if field_name == STATUS:
            self.db.execute("UPDATE tracking SET status = ? WHERE initiative_id = ?",
                            [value, initiative_id])
        elif field_name == OWNERS:
            self.db.execute("DELETE FROM owners WHERE initiative_id = ?", [initiative_id])
            self.db.executemany("INSERT INTO owners(initiative_id, owner) VALUES (?, ?)",
                                [(initiative_id, o) for o in value.split(",") if o])
        elif field_year(field_name) is not None:
            year = field_year(field_name)
            if value:
                self.db.execute("INSERT INTO priorities(initiative_id, year, level) VALUES "
                                "(?,?,?) ON CONFLICT(initiative_id, year) DO UPDATE SET "
                                "level = excluded.level", [initiative_id, year, value])
            else:
                self.db.execute("DELETE FROM priorities WHERE initiative_id = ? AND year = ?",
                                [initiative_id, year])
        elif is_extra_field(field_name):
            self.db.execute("INSERT INTO initiative_values(initiative_id, field, value) "
                            "VALUES (?,?,?) ON CONFLICT(initiative_id, field) DO UPDATE SET "
                            "value = excluded.value", [initiative_id, field_name, value])
        elif split_item_field(field_name) is not None:
            kind, item_id, attr = split_item_field(field_name)
            column = ITEM_COLUMNS.get(attr, attr)
            self.db.execute(f"INSERT INTO {ITEM_TABLES[kind]}(id, initiative_id, {column}) "
                            f"VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET {column} = "
                            f"excluded.{column}", [item_id, initiative_id, value])
        elif split_record_field(field_name) is not None:
            kind, record_id, attr = split_record_field(field_name)
            self.db.execute(f"INSERT INTO {RECORD_TABLES[kind]}(id, {attr}) VALUES (?, ?) "
                            f"ON CONFLICT(id) DO UPDATE SET {attr} = excluded.{attr}",
                            [record_id, value])
        else:
            raise ValueError(field_name)


    def write_new_initiatives(self, added: list[tuple[list, dict, dict, dict]], who: str,
                              at: str, edit_id: int) -> None:
        """The one writer for initiatives a sync adds, in one batch: (plan row,
        tracking values, bases, the values the plan declares) each. Like `write`,
        every declared value gets a history row, so the history says what a new
        initiative looked like from its first day. 10,000 single writes cost
        several times more than these executemany (inside the sync's transaction)."""
        start = self.db.execute("SELECT coalesce(max(uid), 0) FROM initiatives").fetchone()[0]
        rows, tracking, owners, priorities, bases, audit = [], [], [], [], [], []
        extra = []
        for uid, (row, values, base, declared) in enumerate(added, start + 1):
            ident = row[0]
            rows.append(list(row) + [uid])
            tracking.append((ident, values[STATUS], at, who))
            owners += [(ident, o) for o in values[OWNERS].split(",") if o]
            priorities += [(ident, field_year(f), v) for f, v in values.items()
                           if field_year(f) is not None and v]
            extra += [(ident, f, v) for f, v in values.items() if is_extra_field(f) and v]
            bases += [(ident, f, v) for f, v in base.items()]
            audit.append((edit_id, at, who, "sync", "sync", ident, uid, "added", None, row[1],
                          1))
            audit += [(edit_id, at, who, "sync", "sync", ident, uid, f, None, v, 1)
                      for f, v in declared.items()]
        self.db.executemany("INSERT INTO initiatives(id, objective_id, title, short, kind, "
                            "description, also_supports, position, placement, continues, "
                            "uid, archived) VALUES (?,?,?,?,?,?,?,?,?,?,?,0)", rows)
        self.db.executemany("INSERT INTO tracking(initiative_id, status, version, updated_at, "
                            "updated_by) VALUES (?, ?, 1, ?, ?)", tracking)
        self.db.executemany("INSERT INTO owners(initiative_id, owner) VALUES (?, ?)", owners)
        self.db.executemany("INSERT INTO priorities(initiative_id, year, level) "
                            "VALUES (?, ?, ?)", priorities)
        self.db.executemany("INSERT INTO initiative_values(initiative_id, field, value) "
                            "VALUES (?, ?, ?)", extra)
        self.db.executemany("INSERT INTO plan_base(initiative_id, field, value) "
                            "VALUES (?, ?, ?)", bases)
        self._audit_plan(audit)


def _remove(path: Path) -> None:
    """Remove a file left by a killed backup; a folder of that name is not ours."""
    try:
        path.unlink(missing_ok=True)
    except IsADirectoryError:
        raise TrackerError("cli.cannot_write", path=path, reason=Said("cli.is_folder")) \
            from None


def _older_than(path: Path, seconds: float) -> bool:
    try:
        return dt.datetime.now().timestamp() - path.stat().st_mtime > seconds
    except OSError:
        return False


