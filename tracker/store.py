"""The tracker's SQLite database: open it, read it, and change it safely.

The only module with SQL. Every change of tracking data — an edit, an undo,
a sync's merge, a resolved conflict, an import — goes through one method,
`Store.write`: the new values, the version bump, the audit rows and the
settling of conflicts in one `BEGIN IMMEDIATE` transaction, with the
initiative's version checked so a stale edit is refused, never applied.

It returns data (`model.py`); `present.py` makes the words.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import re
import sqlite3
import unicodedata
from contextlib import contextmanager
from pathlib import Path

from . import schema, vocabulary
from .catalogue import t
from .errors import RevertBlocked, StaleEdit, TrackerError
from .files import Guard, backups_folder, check_target
from .model import (ITEMS, OWNERS, STATUS, Action, AuditEntry, Change,  # noqa: F401
                    Conflict, Decision, FieldChange, InitiativeView, NewNote, Note,
                    ObjectiveView, PlanInfo, Reverted, UnknownWord, Write, field_year,
                    item_field, priority_field, split_item_field)

BUSY_TIMEOUT_MS = 10_000
BACKUPS_KEPT = 5
MAX_NOTE = 10_000
MAX_ITEM_TEXT = 2_000  # an action's or a decision's text
MAX_BY = 200
ITEM_TABLES = {"action": "actions", "decision": "decisions"}
ITEM_COLUMNS = {"by": "body"}  # `by` is an SQL word
SOURCES = ("tui", "cli", "sync")
SQL_INTEGERS = (-(2 ** 63), 2 ** 63 - 1)  # what SQLite can hold
PARTIAL = ".partial"  # a backup being written; renamed when complete


def now() -> str:
    """The time stamps use UTC, to the second. Tests may replace this."""
    return dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def current_user(explicit: str | None = None) -> str:
    if explicit:
        return explicit
    if os.environ.get("TRACKER_USER"):
        return os.environ["TRACKER_USER"]
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
        raise TrackerError(t("db.no_folder", path=path, folder=path.parent))
    if path.is_dir():
        raise TrackerError(t("db.is_folder", path=path))
    if path.exists() and not _looks_like_sqlite(path):
        raise TrackerError(t("db.not_sqlite", path=path))
    if path.exists() and not _writable(path):
        # Checked first: SQLite would open it, then leave read-only -wal/-shm files.
        raise TrackerError(t("db.read_only_file", path=path))
    try:
        store = Store(_connect(path, busy_timeout_ms), path)
        store.upgrade()
        return store
    except sqlite3.DatabaseError as exc:
        raise TrackerError(_explain_db_error(path, exc)) from None


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


def _explain_db_error(path, exc: Exception) -> str:
    text = str(exc)
    if "locked" in text or "busy" in text:
        return t("err.busy", path=path)
    if "readonly" in text or "read-only" in text:
        return t("err.read_only", path=path)
    if "unable to open" in text:
        return t("db.cannot_open", path=path)
    if "not a database" in text or "malformed" in text:
        return t("db.damaged", path=path, reason=text)
    return t("db.error", path=path, reason=text)


class Connection:
    """The few things the store needs of a connection; sqlite-utils is loaded
    only to run migrations, which keeps every command's start-up short."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    def execute(self, sql: str, params=()) -> sqlite3.Cursor:
        return self.conn.execute(sql, params)

    def executemany(self, sql: str, rows) -> sqlite3.Cursor:
        return self.conn.executemany(sql, rows)


class Store:
    def __init__(self, db: Connection, path: Path):
        self.db = db
        self.path = path
        self._info: PlanInfo | None = None
        self._info_version: int | None = None  # data_version when _info was read

    # -- setup ------------------------------------------------------------------
    def upgrade(self) -> None:
        tables = {r[0] for r in self.db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
        applied = set(schema.applied(self.db.conn))
        if tables and not applied:  # another program's database (sqlite-utils or not)
            raise TrackerError(t("db.not_tracker", path=self.path))
        newer = applied - set(schema.KNOWN)
        if newer:
            raise TrackerError(t("db.newer", path=self.path, schema=max(newer)))
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
            return Store(_connect(self.path, busy_timeout_ms, any_thread=True), self.path)
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
            folder.mkdir(exist_ok=True)
            stamp = now().replace("-", "").replace(":", "")
            target = folder / f"{self.path.stem}-{stamp}.db"
            count = 1
            while target.exists():
                count += 1
                target = folder / f"{self.path.stem}-{stamp}-{count}.db"
        else:
            check_target(target, Guard(self.path))
            if os.path.lexists(target):
                raise TrackerError(t("db.exists", path=target))
        target = Path(target)
        partial = target.with_name(f".{target.name}{PARTIAL}")
        source = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True,
                                 timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            partial.unlink(missing_ok=True)
            copy = sqlite3.connect(str(partial))
            try:
                source.backup(copy)
            finally:
                copy.close()
            os.replace(partial, target)
        except (OSError, sqlite3.DatabaseError) as exc:
            partial.unlink(missing_ok=True)
            reason = exc.strerror if isinstance(exc, OSError) else exc
            raise TrackerError(t("cli.cannot_write", path=target, reason=reason)) from None
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
                raise TrackerError(t("err.no_plan_yet", path=self.path))
            objectives = tuple(self.db.execute(
                "SELECT id, number, CASE short WHEN '' THEN title ELSE short END, title_en "
                "FROM objectives ORDER BY archived, position"))
            self._info = dataclasses.replace(PlanInfo.from_json(raw), objectives=objectives)
        return self._info

    def forget_info(self) -> None:
        self._info = None

    # -- reading ----------------------------------------------------------------
    def objectives(self, include_archived: bool = False) -> list[ObjectiveView]:
        sql = "SELECT id, number, title, short, title_en, archived FROM objectives"
        if not include_archived:
            sql += " WHERE archived = 0"
        rows = self.db.execute(sql + " ORDER BY archived, position").fetchall()
        return [ObjectiveView(r[0], r[1], r[2], r[3], r[4], bool(r[5])) for r in rows]

    def progress(self) -> dict[str, tuple[int, int]]:
        """Per objective (and "all"): (done, total) of its current initiatives;
        dropped ones count in neither."""
        done_keys = [t.key for t in self.info.statuses if t.done]
        dropped_keys = [t.key for t in self.info.statuses if t.dropped]
        done_marks = ",".join("?" * len(done_keys))  # may be empty: no `done: yes`
        dropped_marks = ",".join("?" * len(dropped_keys))
        rows = self.db.execute(
            f"SELECT i.objective_id, coalesce(sum(t.status IN ({done_marks})), 0), count(*) "
            "FROM initiatives i "
            "JOIN tracking t ON t.initiative_id = i.id WHERE i.archived = 0 "
            f"AND t.status NOT IN ({dropped_marks}) "
            "GROUP BY i.objective_id", done_keys + dropped_keys).fetchall()
        out = {objective_id: (done, total) for objective_id, done, total in rows}
        out["all"] = (sum(d for d, _ in out.values()), sum(n for _, n in out.values()))
        return out

    def _filters(self, objective: str | None = None, status: str | None = None,
                 owner: str | None = None, year: int | None = None,
                 archived: bool | None = False, text: str | None = None,
                 ids: list[str] | None = None) -> tuple[list[str], list]:
        """The WHERE conditions (on initiatives i, tracking t) and their values of
        a filtered list of initiatives: the one definition every list uses."""
        where, params = [], []
        if objective:
            where.append("i.objective_id = ?")
            params.append(objective)
        if archived is not None:
            where.append("i.archived = ?")
            params.append(int(archived))
        if status:
            where.append("t.status = ?")
            params.append(self.status_key(status))
        if owner:
            where.append("EXISTS (SELECT 1 FROM owners o WHERE o.initiative_id = i.id "
                         "AND o.owner = ?)")
            params.append(self.owner_id(owner))
        if year is not None:
            self.check_year(year)
            where.append("EXISTS (SELECT 1 FROM priorities p WHERE p.initiative_id = i.id "
                         "AND p.year = ?)")
            params.append(year)
        if text:
            where.append("instr(fold(i.id || ' ' || i.title || ' ' || i.short || ' ' || "
                         "i.description), ?) > 0")
            params.append(text.casefold())
        if ids is not None:
            where.append(f"i.id IN ({','.join('?' * len(ids))})")
            params.extend(ids)
        return where, params

    def initiatives(self, objective: str | None = None, status: str | None = None,
                    owner: str | None = None, year: int | None = None,
                    archived: bool | None = False, text: str | None = None,
                    ids: list[str] | None = None) -> list[InitiativeView]:
        """Initiatives in plan order, filtered. `archived=None` means both."""
        where, params = self._filters(objective, status, owner, year, archived, text, ids)
        sql = (
            "SELECT i.id, i.objective_id, i.title, i.short, i.kind, i.description, "
            "i.also_supports, i.archived, t.status, t.version, t.updated_at, t.updated_by, "
            "i.position FROM initiatives i JOIN tracking t ON t.initiative_id = i.id"
        )
        if where:
            sql += " WHERE " + " AND ".join(where)
        rows = self.db.execute(sql, params).fetchall()
        # Plan order sorted here, not by SQL's ORDER BY: that copies every wide
        # row into a sorter (a third of the time of reading 10,000).
        place = {ident: n for n, (ident,) in enumerate(self.db.execute(
            "SELECT id FROM objectives ORDER BY position"))}
        rows.sort(key=lambda r: (place.get(r[1], -1), r[12]))
        views = [
            InitiativeView(r[0], r[1], r[2], r[3], r[4], r[5],
                           tuple(filter(None, r[6].split(","))), bool(r[7]), r[8], r[9],
                           r[10], r[11])
            for r in rows
        ]
        self._attach_tracking(views, only=ids is not None)
        return views

    def initiative_order(self, sort: str = "plan", reverse: bool = False,
                         **filters) -> list[str]:
        """The ids of the filtered initiatives in the order the table shows them —
        sorted in SQL, so a screen needs to read only the rows it shows. `sort`:
        plan, id, title, owners, status or y<year> (by level, highest first)."""
        where, params = self._filters(**filters)
        info = self.info
        keys = {"id": "i.id",
                "title": "fold(CASE i.short WHEN '' THEN i.title ELSE i.short END)",
                "owners": "(SELECT group_concat(owner, ',') FROM (SELECT owner FROM owners o "
                          f"WHERE o.initiative_id = i.id ORDER BY {_rank('owner', [r[0] for r in info.roster])}, owner))",
                "status": _rank("t.status", [term.key for term in info.statuses])}
        sort_params: list = []
        if sort.startswith("y"):
            keys[sort] = _rank("(SELECT level FROM priorities p WHERE p.initiative_id = i.id "
                               "AND p.year = ?)", [term.key for term in info.levels])
            sort_params = [int(sort[1:])]
        order = "ob.position, i.position"
        if sort != "plan":
            order = f"coalesce({keys[sort]}, '') {'DESC' if reverse else 'ASC'}, " + order
        sql = ("SELECT i.id FROM initiatives i JOIN tracking t ON t.initiative_id = i.id "
               "JOIN objectives ob ON ob.id = i.objective_id")
        if where:
            sql += " WHERE " + " AND ".join(where)
        return [r[0] for r in self.db.execute(f"{sql} ORDER BY {order}",
                                              params + sort_params)]

    def first_ids(self, limit: int, objective: str | None = None,
                  archived: bool = False) -> list[str]:
        """The first `limit` initiative ids in plan order (all objectives, or one),
        read through an index: what the table shows before it knows the rest."""
        objectives = [objective] if objective else [r[0] for r in self.db.execute(
            "SELECT id FROM objectives ORDER BY archived, position")]
        found: list[str] = []
        for ident in objectives:
            found += [r[0] for r in self.db.execute(
                "SELECT id FROM initiatives WHERE objective_id = ? AND archived = ? "
                "ORDER BY position LIMIT ?", [ident, int(archived), limit - len(found)])]
            if len(found) >= limit:
                break
        return found

    def column_lengths(self) -> dict:
        """What the table's column widths need, from aggregates over every
        initiative (so a filter does not move the columns): the longest name, id
        and owners (ids joined by ', '), the statuses and levels in use."""
        name, ident = self.db.execute(
            "SELECT max(length(CASE short WHEN '' THEN title ELSE short END)), "
            "max(length(id)) FROM initiatives").fetchone()
        owners = self.db.execute(
            "SELECT max(n) FROM (SELECT sum(length(owner)) + 2 * (count(*) - 1) AS n "
            "FROM owners GROUP BY initiative_id)").fetchone()[0]
        statuses = [r[0] for r in self.db.execute("SELECT DISTINCT status FROM tracking")]
        levels = [r[0] for r in self.db.execute("SELECT DISTINCT level FROM priorities")]
        return {"name": name or 0, "id": ident or 0, "owners": owners or 0,
                "statuses": statuses, "levels": levels}

    def _attach_tracking(self, views: list[InitiativeView], only: bool = False) -> None:
        """Owners, priorities and latest note for `views`: one query per table,
        limited to their ids when `only` (a few rows), else the whole table."""
        if not views:
            return
        by_id = {v.id: v for v in views}
        where, params = "", []
        if only:
            where = f" WHERE initiative_id IN ({','.join('?' * len(by_id))})"
            params = list(by_id)
        owners: dict[str, list[str]] = {}
        for init_id, owner in self.db.execute(
                f"SELECT initiative_id, owner FROM owners{where} ORDER BY owner", params):
            if init_id in by_id:
                owners.setdefault(init_id, []).append(owner)
        order = {owner_id: n for n, (owner_id, _) in enumerate(self.info.roster)}
        for init_id, found in owners.items():
            by_id[init_id].owners = tuple(sorted(found, key=lambda o: (order.get(o, 1e9), o)))
        for init_id, year, level in self.db.execute(
                f"SELECT initiative_id, year, level FROM priorities{where} ORDER BY year",
                params):
            if init_id in by_id:
                by_id[init_id].priorities[year] = level
        notes_where = where.replace("WHERE", "AND")
        for note_id, init_id, text, author, at in self.db.execute(
                "SELECT id, initiative_id, text, author, created_at FROM notes "
                "WHERE id IN (SELECT max(id) FROM notes WHERE withdrawn = 0"
                f"{notes_where} GROUP BY initiative_id)", params):
            if init_id in by_id:
                by_id[init_id].latest_note = Note(note_id, text, author, at)

    def initiative(self, initiative_id: str) -> InitiativeView:
        found = self.initiatives(ids=[initiative_id], archived=None)
        if not found:
            raise TrackerError(self._unknown_initiative(initiative_id))
        return found[0]

    def notes(self, initiative_id: str) -> list[Note]:
        rows = self.db.execute(
            "SELECT id, text, author, created_at FROM notes WHERE initiative_id = ? "
            "AND withdrawn = 0 ORDER BY id DESC", [initiative_id]).fetchall()
        return [Note(*r) for r in rows]

    def history(self, initiative_id: str | None = None, since: str | None = None,
                limit: int | None = None) -> list[AuditEntry]:
        """Audit entries, oldest first. An initiative's history follows it, not
        its id: it holds what happened under its former ids, and nothing of
        another initiative that once had (or later got) the same id."""
        where, params = [], []
        if initiative_id:
            where.append("a.initiative_uid = ?")
            params.append(self._uid(initiative_id))
        if since:
            where.append("a.at >= ?")
            params.append(since)
        sql = ("SELECT a.id, a.edit_id, a.at, a.who, a.source, a.action, "
               "coalesce(i.id, a.initiative_id), a.field, a.old, a.new, a.initiative_id, "
               "a.reverts "
               "FROM audit a LEFT JOIN initiatives i ON i.uid = a.initiative_uid")
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY a.id DESC"
        if limit:
            sql += f" LIMIT {int(limit)}"
        rows = self.db.execute(sql, params).fetchall()
        return [AuditEntry(*r) for r in reversed(rows)]

    def conflicts(self) -> list[Conflict]:
        rows = self.db.execute(
            "SELECT initiative_id, field, plan_value, tracker_value, base_value "
            "FROM conflicts ORDER BY initiative_id, field").fetchall()
        return [Conflict(*r) for r in rows]

    def unknown_words(self) -> list[UnknownWord]:
        """Statuses and priority levels held by current initiatives (and their
        actions) that the plan's vocabulary no longer has (after a change of `statuses:` or
        `levels:`): shown as they are, and reported until someone sets them."""
        info = self.info
        statuses = [term.key for term in info.statuses]
        levels = [term.key for term in info.levels]
        # The words first, from the tracking tables alone (usually none are
        # found); then only those rows are looked up for being archived.
        found = [UnknownWord(ident, STATUS, status) for ident, status in self.db.execute(
            "SELECT initiative_id, status FROM tracking "
            f"WHERE status NOT IN ({','.join('?' * len(statuses))})", statuses)]
        found += [UnknownWord(ident, priority_field(year), level)
                  for ident, year, level in self.db.execute(
                      "SELECT initiative_id, year, level FROM priorities WHERE year BETWEEN ? "
                      f"AND ? AND level NOT IN ({','.join('?' * len(levels))})",
                      [info.start, info.end, *levels])]
        found += [UnknownWord(ident, item_field("action", action_id, "status"), status)
                  for ident, action_id, status in self.db.execute(
                      "SELECT initiative_id, id, status FROM actions WHERE text != '' AND "
                      f"status != '' AND status NOT IN ({','.join('?' * len(statuses))})",
                      statuses)]
        if found:
            archived = {r[0] for r in self.db.execute(
                "SELECT id FROM initiatives WHERE archived = 1")}
            found = [w for w in found if w.initiative_id not in archived]
        return sorted(found, key=lambda w: (w.initiative_id, w.field))

    # -- resolving words the user typed --------------------------------------------
    def initiative_ids(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT id FROM initiatives ORDER BY id")]

    def _unknown_initiative(self, initiative_id: str) -> str:
        import difflib

        ids = self.initiative_ids()
        close = difflib.get_close_matches(initiative_id, ids, n=3)
        hint = t("err.did_you_mean", ids=t("err.or").join(close)) if close else \
            t("err.see_list")
        return t("err.unknown_initiative", id=initiative_id, hint=hint)

    def check_initiative(self, initiative_id: str) -> None:
        self._uid(initiative_id)

    def check_editable(self, initiative_id: str, archived: bool = False) -> None:
        """An initiative people may change: known, and not archived (gone from the
        plan, its record kept as it was) unless they say `archived`."""
        row = self.db.execute("SELECT archived FROM initiatives WHERE id = ?",
                              [initiative_id]).fetchone()
        if row is None:
            raise TrackerError(self._unknown_initiative(initiative_id))
        if row[0] and not archived:
            raise TrackerError(t("err.archived", id=initiative_id))

    def _uid(self, initiative_id: str) -> int:
        """The initiative's stable key (its id may change; the key never does)."""
        row = self.db.execute("SELECT uid FROM initiatives WHERE id = ?",
                              [initiative_id]).fetchone()
        if row is None:
            raise TrackerError(self._unknown_initiative(initiative_id))
        return row[0]

    def status_key(self, text: str) -> str:
        """The status key for a word the user typed. A key the plan's words no
        longer have is accepted while initiatives still hold it (to find them)."""
        try:
            return _term_key(self.info.statuses, text, "status")
        except TrackerError:
            if self.db.execute("SELECT 1 FROM tracking WHERE status = ? LIMIT 1",
                               [text.strip()]).fetchone():
                return text.strip()
            raise

    def level_key(self, text: str) -> str:
        return _term_key(self.info.levels, text, "level")

    def owner_id(self, text: str) -> str:
        wanted = _fold(text)
        for owner_id, name in self.info.roster:
            if wanted in (_fold(owner_id), _fold(name)):
                return owner_id
        choices = ", ".join(owner_id for owner_id, _ in self.info.roster)
        raise TrackerError(t("err.unknown_owner", text=text, choices=choices))

    def check_year(self, year: int) -> None:
        info = self.info
        if not info.start <= year <= info.end:
            raise TrackerError(t("err.year", year=year,
                                 choices=", ".join(map(str, info.years))))

    # -- the one writer -----------------------------------------------------------
    def write(self, initiative_id: str, change: Write, who: str, source: str, action: str,
              expected_version: int | None = None, reverts: int | None = None,
              edit_id: int | None = None, at: str | None = None) -> int:
        """Apply one tracking change to one initiative; return its version after.

        In one `BEGIN IMMEDIATE` transaction (or the caller's): check the
        version (StaleEdit if it moved), write the values that differ and the
        notes, settle conflicts the change decides, record the plan's bases and
        new conflicts, bump the version and write an audit row per field.
        """
        with self.transaction():
            row = self.db.execute(
                "SELECT t.version, i.uid FROM tracking t JOIN initiatives i "
                "ON i.id = t.initiative_id WHERE i.id = ?", [initiative_id]).fetchone()
            if row is None:
                raise TrackerError(self._unknown_initiative(initiative_id))
            version, uid = row
            if expected_version is not None and version != expected_version:
                changes = self._changes_since(uid, expected_version)
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
                "SELECT who, field, old, new FROM audit WHERE initiative_uid = ? "
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

    # -- edits, undo and redo: what people ask for, as writes -------------------------
    def edit(self, initiative_id: str, change: Change, who: str, source: str,
             expected_version: int | None = None, archived: bool = False) -> int:
        """Apply one person's change; return the new version.

        Raises TrackerError for unknown words (nothing written) and StaleEdit
        when `expected_version` is no longer current.
        """
        if source not in SOURCES:
            raise ValueError(f"unknown source {source!r}")
        self.check_editable(initiative_id, archived)
        wanted = self._resolve(change)
        if change == Change(note=change.note):
            expected_version = None  # a note only adds: it never conflicts with anything
        with self.transaction():
            values = {}
            if "status" in wanted:
                values[STATUS] = wanted["status"]
            if "owners" in wanted or wanted["add_owners"] or wanted["remove_owners"]:
                owners = set(wanted.get("owners", self._owners(initiative_id)))
                owners = (owners | set(wanted["add_owners"])) - set(wanted["remove_owners"])
                values[OWNERS] = ",".join(sorted(owners))
            for year, level in sorted(wanted["priorities"].items()):
                values[priority_field(year)] = level or ""
            notes = [NewNote(wanted["note"])] if "note" in wanted else []
            return self.write(initiative_id, Write(values=values, notes=notes), who, source,
                              "edit", expected_version=expected_version)

    def _resolve(self, change: Change) -> dict:
        """Turn the user's words into keys, or raise before anything is written."""
        wanted: dict = {}
        if change.status is not None:
            wanted["status"] = self.status_key(change.status)
        if change.owners is not None:
            wanted["owners"] = sorted({self.owner_id(o) for o in change.owners})
        wanted["add_owners"] = [self.owner_id(o) for o in change.add_owners]
        wanted["remove_owners"] = [self.owner_id(o) for o in change.remove_owners]
        priorities = {}
        for year, level in change.priorities.items():
            self.check_year(int(year))
            priorities[int(year)] = None if level in (None, "") else self.level_key(level)
        wanted["priorities"] = priorities
        if change.note is not None:
            wanted["note"] = self.check_note(change.note)
        return wanted

    def check_note(self, text: str) -> str:
        return _checked_text(text, "err.note_empty", "err.note_long", MAX_NOTE)

    def _stacks(self, who: str):
        """The user's undo and redo stacks of edit ids, replayed from the audit log."""
        undo: list[int] = []
        redo: list[int] = []
        for edit_id, action in self.db.execute(
                "SELECT edit_id, action FROM audit WHERE who = ? AND action IN "
                "('edit', 'undo', 'redo') GROUP BY edit_id ORDER BY edit_id", [who]):
            if action == "edit":
                undo.append(edit_id)
                redo.clear()
            elif action == "undo" and undo:
                undo.pop()
                redo.append(edit_id)
            elif action == "redo" and redo:
                redo.pop()
                undo.append(edit_id)
        return undo, redo

    def undo(self, who: str, source: str) -> Reverted:
        """Turn back `who`'s last edit, as a new audited edit."""
        return self._revert(who, source, "undo")

    def redo(self, who: str, source: str) -> Reverted:
        """Turn back `who`'s last undo."""
        return self._revert(who, source, "redo")

    def _revert(self, who: str, source: str, action: str) -> Reverted:
        with self.transaction():
            undo, redo = self._stacks(who)
            stack = undo if action == "undo" else redo
            if not stack:
                raise TrackerError(t(f"err.nothing_to_{action}", who=who))
            target = stack[-1]
            # The initiative by its key: it may have been renamed since.
            rows = self.db.execute(
                "SELECT i.id, a.field, a.old, a.new, a.ref FROM audit a "
                "JOIN initiatives i ON i.uid = a.initiative_uid "
                "WHERE a.edit_id = ? ORDER BY a.id", [target]).fetchall()
            if not rows:
                raise TrackerError(t(f"err.nothing_to_{action}", who=who))
            initiative_id = rows[0][0]
            change, done = Write(), []
            for _, field_name, old, new, ref in rows:
                if field_name == "note":
                    withdraw = new is not None  # the target added (or restored) it
                    change.withdrawn[ref] = withdraw
                    done.append(FieldChange("note", new if withdraw else None,
                                            None if withdraw else old))
                    continue
                current = self.tracked_value(initiative_id, field_name)
                if current != (new or ""):
                    raise RevertBlocked(action, initiative_id, field_name, current)
                change.values[field_name] = old or ""
                done.append(FieldChange(field_name, new, old))
            self.write(initiative_id, change, who, source, action, reverts=target)
        return Reverted(action, initiative_id, tuple(done))

    def resolve(self, initiative_id: str, field_name: str, take_plan: bool, who: str,
                source: str) -> tuple[str, str]:
        """Settle a sync conflict: keep the tracker's value, or take the plan's.
        Returns (what was done: 'kept' or 'took_plan', the field's value now)."""
        self.check_initiative(initiative_id)
        with self.transaction():
            row = self.db.execute(
                "SELECT plan_value FROM conflicts WHERE initiative_id = ? AND field = ?",
                [initiative_id, field_name]).fetchone()
            if row is None:
                open_fields = [c.field for c in self.conflicts()
                               if c.initiative_id == initiative_id]
                hint = (t("sync.open_conflicts", fields=", ".join(open_fields)) if open_fields
                        else t("sync.none_open"))
                raise TrackerError(t("sync.no_conflict", id=initiative_id, field=field_name,
                                     hint=hint))
            plan_value = row[0]
            current = self.tracked_value(initiative_id, field_name)
            values = {field_name: plan_value} if take_plan else {}
            # Settled either way (the plan's value becomes the base), by the one
            # writer: a history row and a new version even when the value stays.
            self.write(initiative_id, Write(values=values, settled=(field_name,)), who,
                       source, "resolve")
        if take_plan and current != plan_value:
            return "took_plan", plan_value
        return "kept", current

    # -- the yearly implementation plan: actions and decisions -------------------------
    def actions(self, initiative_id: str | None = None, year: int | None = None,
                owner: str | None = None, removed: bool = False,
                archived: bool = False) -> list[Action]:
        """Actions by year, due date (none last) and id; of current initiatives
        unless `archived`; `removed` adds those whose text is ''."""
        where, params = [], []
        if initiative_id is not None:
            where.append("a.initiative_id = ?")
            params.append(initiative_id)
        if year is not None:
            where.append("a.year = ?")
            params.append(str(year))
        if owner is not None:
            where.append("(',' || a.owners || ',') LIKE ?")
            params.append(f"%,{self.owner_id(owner)},%")
        if not removed:
            where.append("a.text != ''")
        if not archived:
            where.append("i.archived = 0")
        sql = ("SELECT a.id, a.initiative_id, a.year, a.text, a.owners, a.due, a.status, a.key, "
               "i.archived FROM actions a JOIN initiatives i ON i.id = a.initiative_id")
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY a.year, a.due = '', a.due, a.id"
        rows = self.db.execute(sql, params).fetchall()
        order = {owner_id: n for n, (owner_id, _) in enumerate(self.info.roster)} if rows else {}
        return [Action(r[0], r[1], int(r[2]) if r[2].isdigit() else 0, r[3],
                       tuple(sorted(filter(None, r[4].split(",")),
                                    key=lambda o: (order.get(o, 1e9), o))),
                       r[5], r[6], r[7], bool(r[8]))
                for r in rows]

    def action(self, action_id: int) -> Action:
        if not SQL_INTEGERS[0] <= action_id <= SQL_INTEGERS[1]:  # no such number here
            raise TrackerError(t("err.unknown_action", id=action_id))
        row = self.db.execute("SELECT initiative_id FROM actions WHERE id = ? AND text != ''",
                              [action_id]).fetchone()
        if row is None:
            raise TrackerError(t("err.unknown_action", id=action_id))
        return next(a for a in self.actions(row[0], archived=True) if a.id == action_id)

    def decisions(self, initiative_id: str | None = None,
                  archived: bool = False) -> list[Decision]:
        """Decisions by date, then as recorded."""
        where, params = ["d.text != ''"], []
        if initiative_id is not None:
            where.append("d.initiative_id = ?")
            params.append(initiative_id)
        if not archived:
            where.append("i.archived = 0")
        return [Decision(*r[:5], bool(r[5])) for r in self.db.execute(
            "SELECT d.id, d.initiative_id, d.date, d.text, d.body, i.archived FROM decisions d "
            "JOIN initiatives i ON i.id = d.initiative_id WHERE " + " AND ".join(where)
            + " ORDER BY d.date, d.id", params)]

    def add_action(self, initiative_id: str, text: str, year: int, who: str, source: str,
                   owners: list[str] | None = None, due: str = "",
                   status: str | None = None, archived: bool = False) -> int:
        """A new action (owners: the initiative's if none are named); its id."""
        self.check_editable(initiative_id, archived)
        self.check_year(year)
        values = {"text": self.check_item_text(text), "year": str(year),
                  "due": check_iso_date(due) if due else "",
                  "status": self.status_key(status) if status
                  else self.info.first_status}
        with self.transaction():
            values["owners"] = ",".join(sorted({self.owner_id(o) for o in owners})) \
                if owners else ",".join(self._owners(initiative_id))
            action_id = self.next_item_id("action")
            self.write(initiative_id, Write(values={
                item_field("action", action_id, attr): values[attr] for attr in ITEMS["action"]}),
                who, source, "edit")
        return action_id

    def edit_action(self, action_id: int, who: str, source: str, text: str | None = None,
                    year: int | None = None, owners: list[str] | None = None,
                    due: str | None = None, status: str | None = None,
                    remove: bool = False, expected_version: int | None = None,
                    archived: bool = False) -> int:
        """Change an action (None: leave as it is; due '' clears it), or remove it.
        `expected_version` is the initiative's: refused only if this action
        changed since. Returns the initiative's version after."""
        values: dict[str, str] = {}
        if text is not None:
            values["text"] = self.check_item_text(text)
        if year is not None:
            self.check_year(year)
            values["year"] = str(year)
        if owners is not None:
            values["owners"] = ",".join(sorted({self.owner_id(o) for o in owners}))
        if due is not None:
            values["due"] = check_iso_date(due) if due else ""
        if status is not None:
            values["status"] = self.status_key(status)
        if remove:
            values = {"text": ""}
        prefix = item_field("action", action_id, "")
        with self.transaction():  # removed meanwhile? Then it is not there to change.
            initiative_id = self.action(action_id).initiative_id
            self.check_editable(initiative_id, archived)
            return self.write(initiative_id, Write(
                values={prefix + attr: value for attr, value in values.items()}, scope=prefix),
                who, source, "edit", expected_version=expected_version)

    def add_decision(self, initiative_id: str, text: str, date: str, who: str, source: str,
                     by: str = "", archived: bool = False) -> int:
        """A decision recorded under an initiative; its id. It only adds: never stale."""
        self.check_editable(initiative_id, archived)
        values = {"text": self.check_item_text(text), "date": check_iso_date(date),
                  "by": check_by(by)}
        with self.transaction():
            decision_id = self.next_item_id("decision")
            self.write(initiative_id, Write(values={
                item_field("decision", decision_id, attr): values[attr]
                for attr in ITEMS["decision"]}), who, source, "edit")
        return decision_id

    def check_item_text(self, text: str) -> str:
        """An action's or a decision's text, or a message: empty or too long."""
        return _checked_text(text, "err.item_empty", "err.item_long", MAX_ITEM_TEXT)

    def next_item_id(self, kind: str) -> int:
        return self.db.execute(f"SELECT coalesce(max(id), 0) + 1 FROM {ITEM_TABLES[kind]}"
                               ).fetchone()[0]

    def action_keys(self) -> dict[tuple[str, str], int]:
        """(initiative id, key) → action id of the actions a plan file declared."""
        return {(ident, key): action_id for action_id, ident, key in self.db.execute(
            "SELECT id, initiative_id, key FROM actions WHERE key IS NOT NULL")}

    def set_action_key(self, action_id: int, key: str) -> None:
        """Which declared action of the plan this is (plan-owned, like a title)."""
        self.db.execute("UPDATE actions SET key = ? WHERE id = ?", [key, action_id])

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
        item = split_item_field(field_name)
        if item is not None:
            kind, item_id, attr = item
            row = self.db.execute(
                f"SELECT {ITEM_COLUMNS.get(attr, attr)} FROM {ITEM_TABLES[kind]} "
                "WHERE id = ?", [item_id]).fetchone()
            return row[0] if row else ""
        raise ValueError(field_name)

    def _owners(self, initiative_id: str) -> list[str]:
        return [r[0] for r in self.db.execute(
            "SELECT owner FROM owners WHERE initiative_id = ? ORDER BY owner",
            [initiative_id])]

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
        elif split_item_field(field_name) is not None:
            kind, item_id, attr = split_item_field(field_name)
            column = ITEM_COLUMNS.get(attr, attr)
            self.db.execute(f"INSERT INTO {ITEM_TABLES[kind]}(id, initiative_id, {column}) "
                            f"VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET {column} = "
                            f"excluded.{column}", [item_id, initiative_id, value])
        else:
            raise ValueError(field_name)

    def tracked_values(self) -> dict[str, dict[str, str]]:
        """Every initiative's tracking fields in text form (priorities: the years
        held), read in three queries: what a sync compares against."""
        values = {ident: {STATUS: status, OWNERS: ""} for ident, status in
                  self.db.execute("SELECT initiative_id, status FROM tracking")}
        owners: dict[str, list[str]] = {}
        for ident, owner in self.db.execute(
                "SELECT initiative_id, owner FROM owners ORDER BY owner"):
            owners.setdefault(ident, []).append(owner)
        for ident, found in owners.items():
            values[ident][OWNERS] = ",".join(found)
        for ident, year, level in self.db.execute(
                "SELECT initiative_id, year, level FROM priorities"):
            values[ident][priority_field(year)] = level
        for action in self.actions(removed=True, archived=True):
            for attr, value in action_values(action).items():
                values[action.initiative_id][item_field("action", action.id, attr)] = value
        return values

    def bases(self) -> dict[str, dict[str, str]]:
        """The plan's declared values at the last sync, per initiative."""
        found: dict[str, dict[str, str]] = {}
        for ident, field_name, value in self.db.execute(
                "SELECT initiative_id, field, value FROM plan_base"):
            found.setdefault(ident, {})[field_name] = value
        return found

    # -- the plan's side, for the sync: objectives, initiatives, their text ------------
    def plan_objectives(self) -> dict[str, tuple]:
        return {r[0]: tuple(r) for r in self.db.execute(
            "SELECT id, number, title, short, title_en, position, archived FROM objectives")}

    def add_objective(self, row: tuple) -> None:
        self.db.execute("INSERT INTO objectives(id, number, title, short, title_en, "
                        "position, archived) VALUES (?,?,?,?,?,?,?)", row)

    def update_objective(self, row: tuple) -> None:
        self.db.execute("UPDATE objectives SET number = ?, title = ?, short = ?, "
                        "title_en = ?, position = ?, archived = ? WHERE id = ?",
                        list(row[1:]) + [row[0]])

    def plan_initiatives(self) -> dict[str, tuple]:
        """(id, objective, title, short, kind, description, also_supports,
        position, archived) of every initiative, by id."""
        return {r[0]: tuple(r) for r in self.db.execute(
            "SELECT id, objective_id, title, short, kind, description, also_supports, "
            "position, archived FROM initiatives")}

    def write_new_initiatives(self, added: list[tuple[list, dict, dict, dict]], who: str,
                              at: str, edit_id: int) -> None:
        """The one writer for initiatives a sync adds, in one batch: (plan row,
        tracking values, bases, the values the plan declares) each. Like `write`,
        every declared value gets a history row, so the history says what a new
        initiative looked like from its first day. 10,000 single writes cost
        several times more than these executemany (inside the sync's transaction)."""
        start = self.db.execute("SELECT coalesce(max(uid), 0) FROM initiatives").fetchone()[0]
        rows, tracking, owners, priorities, bases, audit = [], [], [], [], [], []
        for uid, (row, values, base, declared) in enumerate(added, start + 1):
            ident = row[0]
            rows.append(list(row) + [uid])
            tracking.append((ident, values[STATUS], at, who))
            owners += [(ident, o) for o in values[OWNERS].split(",") if o]
            priorities += [(ident, field_year(f), v) for f, v in values.items()
                           if field_year(f) is not None and v]
            bases += [(ident, f, v) for f, v in base.items()]
            audit.append((edit_id, at, who, "sync", "sync", ident, uid, "added", None, row[1],
                          1))
            audit += [(edit_id, at, who, "sync", "sync", ident, uid, f, None, v, 1)
                      for f, v in declared.items()]
        self.db.executemany("INSERT INTO initiatives(id, objective_id, title, short, kind, "
                            "description, also_supports, position, uid, archived) "
                            "VALUES (?,?,?,?,?,?,?,?,?,0)", rows)
        self.db.executemany("INSERT INTO tracking(initiative_id, status, version, updated_at, "
                            "updated_by) VALUES (?, ?, 1, ?, ?)", tracking)
        self.db.executemany("INSERT INTO owners(initiative_id, owner) VALUES (?, ?)", owners)
        self.db.executemany("INSERT INTO priorities(initiative_id, year, level) "
                            "VALUES (?, ?, ?)", priorities)
        self.db.executemany("INSERT INTO plan_base(initiative_id, field, value) "
                            "VALUES (?, ?, ?)", bases)
        self._audit_plan(audit)

    def update_initiative(self, row: list) -> None:
        self.db.execute("UPDATE initiatives SET objective_id = ?, title = ?, short = ?, "
                        "kind = ?, description = ?, also_supports = ?, position = ? "
                        "WHERE id = ?", list(row[1:8]) + [row[0]])

    def rename_initiative(self, old: str, new: str) -> None:
        # Tracking rows follow by ON UPDATE CASCADE; history by the key.
        self.db.execute("UPDATE initiatives SET id = ? WHERE id = ?", [new, old])

    def set_archived(self, table: str, ident: str, archived: bool) -> None:
        assert table in ("objectives", "initiatives")
        self.db.execute(f"UPDATE {table} SET archived = ? WHERE id = ?", [int(archived), ident])

    def audit_plan_changes(self, rows: list[tuple], who: str, at: str, edit_id: int) -> None:
        """History rows for what the plan changed about initiatives (their text,
        archiving, renames): (initiative id, field, old, new) each."""
        uids = dict(self.db.execute("SELECT id, uid FROM initiatives"))
        self._audit_plan([(edit_id, at, who, "sync", "sync", ident, uids.get(ident), field_name,
                           old, new, None) for ident, field_name, old, new in rows])

    def _audit_plan(self, rows: list[tuple]) -> None:
        self.db.executemany(
            "INSERT INTO audit(edit_id, at, who, source, action, initiative_id, "
            "initiative_uid, field, old, new, version) VALUES (?,?,?,?,?,?,?,?,?,?,?)", rows)

    def record_sync(self, info: PlanInfo, sha256: str, who: str, at: str,
                    counts: tuple[int, int, int, int] | None) -> None:
        """The plan as synced (what readers use without the YAML), and a row per
        sync that changed something: (added, changed, archived, conflicts)."""
        if counts is not None:
            self.db.execute("INSERT INTO sync_runs(at, who, plan_sha256, added, changed, "
                            "archived, conflicts) VALUES (?,?,?,?,?,?,?)",
                            [at, who, sha256, *counts])
        self.set_meta("plan", info.to_json())
        self.set_meta("plan_sha256", sha256)
        if counts is not None or self.meta("synced_at") is None:
            self.set_meta("synced_at", at)
        self.forget_info()

    def had_initiatives(self) -> bool:
        return self.db.execute("SELECT 1 FROM initiatives LIMIT 1").fetchone() is not None


def _rank(expression: str, keys: list[str]) -> str:
    """SQL for the position of `expression`'s value among `keys` (99 if not there)."""
    cases = " ".join(f"WHEN '{key}' THEN {n}" for n, key in enumerate(keys)
                     if "'" not in key)  # keys are [a-z0-9_-]: never quoted, to be sure
    return f"(CASE {expression} {cases} ELSE 99 END)" if cases else "99"


def action_values(action: Action) -> dict[str, str]:
    """An action's attributes in their text form, as the fields hold them."""
    return {"text": action.text, "year": str(action.year) if action.year else "",
            "owners": ",".join(sorted(action.owners)), "due": action.due,
            "status": action.status}


def check_by(by: str) -> str:
    """Who decided (e.g. Praksisplanudvalget), on one line, or a message."""
    by = " ".join(by.split())
    if len(by) > MAX_BY:
        raise TrackerError(t("err.by_long", length=len(by), most=MAX_BY))
    return by


# Characters that show nothing: a text of only these (zero-width space, word
# joiner, BOM, …) is empty.
_INVISIBLE = {"Cc", "Cf", "Zs", "Zl", "Zp"}


def is_blank(text: str) -> bool:
    return all(unicodedata.category(c) in _INVISIBLE for c in text)


def _checked_text(text: str, empty: str, long: str, most: int) -> str:
    found = text.strip()
    if is_blank(found):
        raise TrackerError(t(empty))
    if len(found) > most:
        raise TrackerError(t(long, length=len(found), most=most))
    return found


def check_iso_date(text: str) -> str:
    found = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text)
    if not found:
        raise TrackerError(t("err.date", text=text))
    return make_date(int(found[1]), int(found[2]), int(found[3]), text)


def make_date(year: int, month: int, day: int, text: str) -> str:
    """The ISO date, or a message saying what is wrong with it: a month past 12,
    or a day the month does not have ("February 2025 has 28 days")."""
    import calendar

    if not 1 <= month <= 12 or year < 1:
        raise TrackerError(t("err.date_month", text=text, month=month))
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        raise TrackerError(t("err.date_days", text=text, days=days, year=year,
                             month=t("date.months").split(",")[month - 1]))
    return dt.date(year, month, day).isoformat()


def _older_than(path: Path, seconds: float) -> bool:
    try:
        return dt.datetime.now().timestamp() - path.stat().st_mtime > seconds
    except OSError:
        return False


def _term_key(terms, text: str, what: str) -> str:
    """The key of the status or level the user named, or a message with the choices."""
    term = vocabulary.find(terms, text)
    if not term:
        raise TrackerError(t(f"err.unknown_{what}", text=text,
                             choices=vocabulary.choices(terms)))
    return term.key


def _fold(text: str) -> str:
    """Owner names compared as people type them: any case, composed or not (NFC)."""
    return unicodedata.normalize("NFC", text).strip().casefold()
