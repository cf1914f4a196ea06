"""The tracker's SQLite database: open it, read it, and edit it safely.

Every edit is one `BEGIN IMMEDIATE` transaction that checks the initiative's
version (so a stale edit is refused, never silently applied) and writes its
audit rows. The CLI and the TUI both call these functions; neither writes SQL.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from . import schema, vocabulary
from .catalogue import t
from .errors import StaleEdit, TrackerError
from .vocabulary import Term

BUSY_TIMEOUT_MS = 10_000
BACKUPS_KEPT = 5
MAX_NOTE = 10_000
SOURCES = ("tui", "cli", "sync")


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


@dataclass(frozen=True)
class Note:
    id: int
    text: str
    author: str
    created_at: str


@dataclass
class InitiativeView:
    """One initiative with its tracking data, as the screens and reports see it."""

    id: str
    objective_id: str
    title: str
    short: str
    kind: str
    description: str
    also_supports: tuple[str, ...]
    archived: bool
    status: str
    version: int
    updated_at: str | None
    updated_by: str | None
    owners: tuple[str, ...] = ()
    priorities: dict[int, str] = field(default_factory=dict)
    latest_note: Note | None = None

    @property
    def name(self) -> str:
        return self.short or self.title


@dataclass(frozen=True)
class ObjectiveView:
    id: str
    number: int
    title: str
    short: str
    title_en: str
    archived: bool

    @property
    def name(self) -> str:
        return self.short or self.title_en or self.title


@dataclass(frozen=True)
class AuditEntry:
    id: int
    edit_id: int
    at: str
    who: str
    source: str
    action: str
    initiative_id: str | None
    field: str
    old: str | None
    new: str | None


@dataclass(frozen=True)
class Conflict:
    initiative_id: str
    field: str
    plan_value: str
    tracker_value: str
    base_value: str


@dataclass
class Change:
    """What one edit asks for. Labels are accepted where keys are."""

    status: str | None = None
    owners: list[str] | None = None  # replaces the owners
    add_owners: list[str] = field(default_factory=list)
    remove_owners: list[str] = field(default_factory=list)
    priorities: dict[int, str | None] = field(default_factory=dict)  # None clears
    note: str | None = None

    def is_empty(self) -> bool:
        return (self.status is None and self.owners is None and not self.add_owners
                and not self.remove_owners and not self.priorities and self.note is None)


@dataclass(frozen=True)
class PlanInfo:
    """What the last sync recorded of the plan: enough to read without the YAML."""

    title: str
    region: str
    start: int
    end: int
    adopted: str
    statuses: tuple[Term, ...]
    levels: tuple[Term, ...]
    roster: tuple[tuple[str, str], ...]  # (id, name)

    @property
    def years(self) -> list[int]:
        return list(range(self.start, self.end + 1))

    def status(self, key: str) -> Term:
        for term in self.statuses:
            if term.key == key:
                return term
        return Term(key, key, key)

    def level(self, key: str) -> Term:
        for term in self.levels:
            if term.key == key:
                return term
        return Term(key, key, key)

    def owner_name(self, owner_id: str) -> str:
        return dict(self.roster).get(owner_id, owner_id)

    def to_json(self) -> str:
        return json.dumps({
            "title": self.title, "region": self.region, "start": self.start,
            "end": self.end, "adopted": self.adopted,
            "statuses": [t.__dict__ for t in self.statuses],
            "levels": [t.__dict__ for t in self.levels],
            "roster": [list(r) for r in self.roster],
        }, ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> "PlanInfo":
        d = json.loads(text)
        return cls(d["title"], d["region"], d["start"], d["end"], d["adopted"],
                   tuple(Term(**t) for t in d["statuses"]),
                   tuple(Term(**t) for t in d["levels"]),
                   tuple(tuple(r) for r in d["roster"]))

    @classmethod
    def from_plan(cls, plan) -> "PlanInfo":
        return cls(plan.title, plan.region, plan.start, plan.end, plan.adopted,
                   plan.statuses, plan.levels, tuple((p.id, p.name) for p in plan.roster))


# ---------------------------------------------------------------------------


def open_store(path, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> "Store":
    """Open (creating if needed) and upgrade the tracker database at `path`.

    A writer waits up to `busy_timeout_ms` for another writer to finish, then
    gives up with a clear TrackerError having written nothing.
    """
    path = Path(path)
    if not path.parent.exists():
        raise TrackerError(t("db.no_folder", path=path, folder=path.parent))
    if path.is_dir():
        raise TrackerError(t("db.is_folder", path=path))
    if path.exists() and not _looks_like_sqlite(path):
        raise TrackerError(t("db.not_sqlite", path=path))
    try:
        # Autocommit: transactions are only the explicit BEGIN IMMEDIATE ones.
        conn = sqlite3.connect(str(path), timeout=busy_timeout_ms / 1000, isolation_level=None)
        conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        conn.execute("PRAGMA foreign_keys = ON")
        store = Store(Connection(conn), path)
        store.upgrade()
        return store
    except sqlite3.DatabaseError as exc:
        raise TrackerError(_explain_db_error(path, exc)) from None


def _looks_like_sqlite(path: Path) -> bool:
    with open(path, "rb") as f:
        head = f.read(16)
    return head == b"" or head == b"SQLite format 3\x00"


def _explain_db_error(path, exc: Exception) -> str:
    text = str(exc)
    if "locked" in text or "busy" in text:
        return t("err.busy", path=path)
    if "readonly" in text or "read-only" in text:
        return t("err.read_only", path=path)
    if "unable to open" in text:
        return f"{path}: cannot open the database (check the path and its permissions)"
    if "not a database" in text or "malformed" in text:
        return f"{path}: is not a tracker database or is damaged ({text}); restore a backup"
    return f"{path}: database error: {text}"


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

    # -- setup ------------------------------------------------------------------
    def upgrade(self) -> None:
        tables = {r[0] for r in self.db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
        if tables and "_sqlite_migrations" not in tables:
            raise TrackerError(t("db.not_tracker", path=self.path))
        applied = set(schema.applied(self.db.conn))
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

    @contextmanager
    def transaction(self):
        """One write transaction, taking the write lock at once (BEGIN IMMEDIATE)."""
        conn = self.db.conn
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise TrackerError(_explain_db_error(self.path, exc)) from None
        try:
            yield
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
        own connection, which sees only committed data.
        """
        folder = self.path.with_name(f"{self.path.stem}-backups")
        if target is None:
            folder.mkdir(exist_ok=True)
            stamp = now().replace("-", "").replace(":", "")
            target = folder / f"{self.path.stem}-{stamp}.db"
            count = 1
            while target.exists():
                count += 1
                target = folder / f"{self.path.stem}-{stamp}-{count}.db"
        elif Path(target).exists():
            raise TrackerError(t("db.exists", path=target))
        elif not Path(target).parent.is_dir():
            raise TrackerError(t("cli.no_folder", path=target, folder=Path(target).parent))
        source = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True,
                                 timeout=BUSY_TIMEOUT_MS / 1000)
        copy = sqlite3.connect(str(target))
        try:
            source.backup(copy)
        finally:
            copy.close()
            source.close()
        if Path(target).parent == folder:
            backups = sorted(folder.glob(f"{self.path.stem}-*.db"),
                             key=lambda p: p.stat().st_mtime_ns)
            for old in backups[:-BACKUPS_KEPT]:
                old.unlink(missing_ok=True)
        return Path(target)

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
        if self._info is None:
            raw = self.meta("plan")
            if raw is None:
                raise TrackerError(t("err.no_plan_yet", path=self.path))
            self._info = PlanInfo.from_json(raw)
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
        """Per objective (and "all"): (done, total) of its current initiatives."""
        done_keys = [t.key for t in self.info.statuses if t.done]
        marks = ",".join("?" * len(done_keys)) or "NULL"
        rows = self.db.execute(
            f"SELECT i.objective_id, sum(t.status IN ({marks})), count(*) FROM initiatives i "
            "JOIN tracking t ON t.initiative_id = i.id WHERE i.archived = 0 "
            "GROUP BY i.objective_id", done_keys).fetchall()
        out = {objective_id: (done, total) for objective_id, done, total in rows}
        out["all"] = (sum(d for d, _ in out.values()), sum(n for _, n in out.values()))
        return out

    def initiatives(self, objective: str | None = None, status: str | None = None,
                    owner: str | None = None, year: int | None = None,
                    archived: bool | None = False, text: str | None = None,
                    ids: list[str] | None = None) -> list[InitiativeView]:
        """Initiatives in plan order, filtered. `archived=None` means both."""
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
        if ids is not None:
            where.append(f"i.id IN ({','.join('?' * len(ids))})")
            params.extend(ids)
        sql = (
            "SELECT i.id, i.objective_id, i.title, i.short, i.kind, i.description, "
            "i.also_supports, i.archived, t.status, t.version, t.updated_at, t.updated_by "
            "FROM initiatives i JOIN tracking t ON t.initiative_id = i.id "
            "JOIN objectives ob ON ob.id = i.objective_id"
        )
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY ob.position, i.position"
        views = [
            InitiativeView(r[0], r[1], r[2], r[3], r[4], r[5],
                           tuple(filter(None, r[6].split(","))), bool(r[7]), r[8], r[9],
                           r[10], r[11])
            for r in self.db.execute(sql, params).fetchall()
        ]
        if text:
            needle = text.casefold()
            views = [v for v in views if needle in
                     f"{v.id} {v.title} {v.short} {v.description}".casefold()]
        self._attach_tracking(views, only=ids is not None)
        return views

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
        """Audit entries, oldest first; an initiative's include its former ids."""
        where, params = [], []
        if initiative_id:
            ids = self.former_ids(initiative_id) | {initiative_id}
            where.append(f"initiative_id IN ({','.join('?' * len(ids))})")
            params.extend(sorted(ids))
        if since:
            where.append("at >= ?")
            params.append(since)
        sql = ("SELECT id, edit_id, at, who, source, action, initiative_id, field, old, new "
               "FROM audit")
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY id DESC"
        if limit:
            sql += f" LIMIT {int(limit)}"
        rows = self.db.execute(sql, params).fetchall()
        return [AuditEntry(*r) for r in reversed(rows)]

    def former_ids(self, initiative_id: str) -> set[str]:
        found, todo = set(), [initiative_id]
        while todo:
            current = todo.pop()
            for (old,) in self.db.execute(
                    "SELECT old FROM audit WHERE field = 'id' AND new = ?", [current]):
                if old not in found and old != initiative_id:
                    found.add(old)
                    todo.append(old)
        return found

    def conflicts(self) -> list[Conflict]:
        rows = self.db.execute(
            "SELECT initiative_id, field, plan_value, tracker_value, base_value "
            "FROM conflicts ORDER BY initiative_id, field").fetchall()
        return [Conflict(*r) for r in rows]

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
        if not self.db.execute("SELECT 1 FROM initiatives WHERE id = ?",
                               [initiative_id]).fetchone():
            raise TrackerError(self._unknown_initiative(initiative_id))

    def status_key(self, text: str) -> str:
        return _term_key(self.info.statuses, text, "status")

    def level_key(self, text: str) -> str:
        return _term_key(self.info.levels, text, "level")

    def owner_id(self, text: str) -> str:
        wanted = text.strip().casefold()
        for owner_id, name in self.info.roster:
            if wanted in (owner_id.casefold(), name.casefold()):
                return owner_id
        choices = ", ".join(owner_id for owner_id, _ in self.info.roster)
        raise TrackerError(t("err.unknown_owner", text=text, choices=choices))

    def check_year(self, year: int) -> None:
        info = self.info
        if not info.start <= year <= info.end:
            raise TrackerError(t("err.year", year=year,
                                 choices=", ".join(map(str, info.years))))

    # -- editing ----------------------------------------------------------------
    def edit(self, initiative_id: str, change: Change, who: str, source: str,
             expected_version: int | None = None) -> int:
        """Apply one change as one transaction; return the new version.

        Raises TrackerError for unknown words (nothing written) and StaleEdit
        when `expected_version` is no longer current.
        """
        if source not in SOURCES:
            raise ValueError(f"unknown source {source!r}")
        self.check_initiative(initiative_id)
        wanted = self._resolve(change)
        with self.transaction():
            version = self._current_version(initiative_id)
            if expected_version is not None and version != expected_version:
                raise StaleEdit(self._stale_message(initiative_id, expected_version))
            rows = self._apply(initiative_id, wanted)
            if not rows:
                return version
            return self._record(initiative_id, rows, who, source, "edit", None, version)

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
            note = change.note.strip()
            if not note:
                raise TrackerError(t("err.note_empty"))
            if len(note) > MAX_NOTE:
                raise TrackerError(t("err.note_long", length=len(note), most=MAX_NOTE))
            wanted["note"] = note
        return wanted

    def _current_version(self, initiative_id: str) -> int:
        return self.db.execute("SELECT version FROM tracking WHERE initiative_id = ?",
                               [initiative_id]).fetchone()[0]

    def _stale_message(self, initiative_id: str, expected_version: int) -> str:
        from . import present  # present builds on this module

        rows = self.db.execute(
            "SELECT who, field, old, new FROM audit WHERE initiative_id = ? "
            "AND version > ? ORDER BY id", [initiative_id, expected_version]).fetchall()
        net: dict[str, list] = {}  # field → [who, first old, last new]
        for who, field_name, old, new in rows:
            if field_name in net:
                net[field_name][0], net[field_name][2] = who, new
            else:
                net[field_name] = [who, old, new]
        changes = "; ".join(
            f"{who} " + present.change(self.info, AuditEntry(0, 0, "", who, "", "edit",
                                                             initiative_id, f, old, new))
            for f, (who, old, new) in net.items()) or t("err.someone")
        return t("err.stale", id=initiative_id, changes=changes)

    def _apply(self, initiative_id: str, wanted: dict) -> list[tuple]:
        """Write the wanted values; return (field, old, new, ref) of what changed."""
        rows = []
        if "status" in wanted:
            old = self._status(initiative_id)
            if old != wanted["status"]:
                self.db.execute("UPDATE tracking SET status = ? WHERE initiative_id = ?",
                                [wanted["status"], initiative_id])
                rows.append(("status", old, wanted["status"], None))
        old_owners = self._owners(initiative_id)
        owners = wanted.get("owners", old_owners)
        owners = sorted((set(owners) | set(wanted["add_owners"]))
                        - set(wanted["remove_owners"]))
        if owners != old_owners:
            self._write_owners(initiative_id, owners)
            rows.append(("owners", ",".join(old_owners), ",".join(owners), None))
        for year, level in sorted(wanted["priorities"].items()):
            old = self._priority(initiative_id, year)
            if old != (level or ""):
                self._write_priority(initiative_id, year, level)
                rows.append((f"priority:{year}", old, level or "", None))
        if "note" in wanted:
            note_id = self.db.execute(
                "INSERT INTO notes(initiative_id, text, author, created_at) "
                "VALUES (?, ?, ?, ?)", [initiative_id, wanted["note"], "", now()]).lastrowid
            rows.append(("note", None, wanted["note"], note_id))
        return rows

    def _record(self, initiative_id, rows, who, source, action, reverts, version) -> int:
        """Bump the version, stamp notes, write the audit rows; return the version."""
        at = now()
        new_version = version + 1
        self.db.execute("UPDATE tracking SET version = ?, updated_at = ?, updated_by = ? "
                        "WHERE initiative_id = ?", [new_version, at, who, initiative_id])
        edit_id = self.next_edit_id()
        for field_name, old, new, ref in rows:
            if field_name == "note" and action == "edit":
                self.db.execute("UPDATE notes SET author = ?, created_at = ? WHERE id = ?",
                                [who, at, ref])
            self.db.execute(
                "INSERT INTO audit(edit_id, at, who, source, action, initiative_id, field, "
                "old, new, ref, version, reverts) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                [edit_id, at, who, source, action, initiative_id, field_name, old, new, ref,
                 new_version, reverts])
            self._settle_conflict(initiative_id, field_name, new)
        return new_version

    def next_edit_id(self) -> int:
        return self.db.execute("SELECT coalesce(max(edit_id), 0) + 1 FROM audit").fetchone()[0]

    def _settle_conflict(self, initiative_id: str, field_name: str, value) -> None:
        """Editing a field in conflict with the plan decides it: the edit stands, and
        the plan's value counts as seen (as `tracker resolve … --keep` would)."""
        row = self.db.execute("SELECT plan_value FROM conflicts WHERE initiative_id = ? "
                              "AND field = ?", [initiative_id, field_name]).fetchone()
        if row:
            self.db.execute("DELETE FROM conflicts WHERE initiative_id = ? AND field = ?",
                            [initiative_id, field_name])
            self.set_base(initiative_id, field_name, row[0])

    def set_base(self, initiative_id: str, field_name: str, value: str) -> None:
        self.db.execute("INSERT INTO plan_base(initiative_id, field, value) VALUES (?,?,?) "
                        "ON CONFLICT(initiative_id, field) DO UPDATE SET value = "
                        "excluded.value", [initiative_id, field_name, value])

    def _status(self, initiative_id: str) -> str:
        return self.db.execute("SELECT status FROM tracking WHERE initiative_id = ?",
                               [initiative_id]).fetchone()[0]

    def _owners(self, initiative_id: str) -> list[str]:
        return [r[0] for r in self.db.execute(
            "SELECT owner FROM owners WHERE initiative_id = ? ORDER BY owner",
            [initiative_id])]

    def _priority(self, initiative_id: str, year: int) -> str:
        row = self.db.execute("SELECT level FROM priorities WHERE initiative_id = ? AND "
                              "year = ?", [initiative_id, year]).fetchone()
        return row[0] if row else ""

    def _write_owners(self, initiative_id: str, owners: list[str]) -> None:
        self.db.execute("DELETE FROM owners WHERE initiative_id = ?", [initiative_id])
        for owner in owners:
            self.db.execute("INSERT INTO owners(initiative_id, owner) VALUES (?, ?)",
                            [initiative_id, owner])

    def _write_priority(self, initiative_id: str, year: int, level: str | None) -> None:
        if level:
            self.db.execute("INSERT INTO priorities(initiative_id, year, level) VALUES "
                            "(?,?,?) ON CONFLICT(initiative_id, year) DO UPDATE SET "
                            "level = excluded.level", [initiative_id, year, level])
        else:
            self.db.execute("DELETE FROM priorities WHERE initiative_id = ? AND year = ?",
                            [initiative_id, year])

    def tracked_value(self, initiative_id: str, field_name: str) -> str:
        """A tracking field's value as text: status key, 'a,b' owners, level or ''."""
        if field_name == "status":
            return self._status(initiative_id)
        if field_name == "owners":
            return ",".join(self._owners(initiative_id))
        if field_name.startswith("priority:"):
            return self._priority(initiative_id, int(field_name.split(":")[1]))
        raise ValueError(field_name)

    def write_value(self, initiative_id: str, field_name: str, value: str) -> None:
        """Set a tracking field from its text form (the inverse of tracked_value)."""
        if field_name == "status":
            self.db.execute("UPDATE tracking SET status = ? WHERE initiative_id = ?",
                            [value, initiative_id])
        elif field_name == "owners":
            self._write_owners(initiative_id, [o for o in value.split(",") if o])
        elif field_name.startswith("priority:"):
            self._write_priority(initiative_id, int(field_name.split(":")[1]), value or None)
        else:
            raise ValueError(field_name)

    # -- undo and redo ------------------------------------------------------------
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

    def undo(self, who: str, source: str) -> tuple[str, str]:
        """Turn back `who`'s last edit, as a new audited edit.

        Returns the initiative's id and a sentence saying what was done."""
        return self._revert(who, source, "undo")

    def redo(self, who: str, source: str) -> tuple[str, str]:
        """Turn back `who`'s last undo."""
        return self._revert(who, source, "redo")

    def _revert(self, who: str, source: str, action: str) -> tuple[str, str]:
        with self.transaction():
            undo, redo = self._stacks(who)
            stack = undo if action == "undo" else redo
            if not stack:
                raise TrackerError(t(f"err.nothing_to_{action}", who=who))
            target = stack[-1]
            rows = self.db.execute(
                "SELECT initiative_id, field, old, new, ref FROM audit WHERE edit_id = ? "
                "ORDER BY id", [target]).fetchall()
            initiative_id = rows[0][0]
            reverted = []
            for _, field_name, old, new, ref in rows:
                if field_name == "note":
                    withdraw = new is not None  # the target added (or restored) it
                    self.db.execute("UPDATE notes SET withdrawn = ? WHERE id = ?",
                                    [int(withdraw), ref])
                    reverted.append(("note", new, old, ref) if withdraw else
                                    ("note", None, old, ref))
                    continue
                current = self.tracked_value(initiative_id, field_name)
                if current != (new or ""):
                    raise StaleEdit(t(f"err.cannot_{action}", id=initiative_id,
                                      field=describe_field(field_name),
                                      now=show_value(field_name, current)))
                self.write_value(initiative_id, field_name, old or "")
                reverted.append((field_name, new, old, None))
            version = self._current_version(initiative_id)
            self._record(initiative_id, reverted, who, source, action, target, version)
        from . import present  # present builds on this module

        summary = ", ".join(f"{present.field_name(f)} {present.value(self.info, f, n)}"
                            for f, _, n, _ in reverted if f != "note")
        if any(f == "note" for f, *_ in reverted):
            summary = ", ".join(filter(None, [summary, t("err.the_note")]))
        return initiative_id, t(f"msg.{action}_done", id=initiative_id, summary=summary)


def _term_key(terms, text: str, what: str) -> str:
    """The key of the status or level the user named, or a message with the choices."""
    term = vocabulary.find(terms, text)
    if not term:
        raise TrackerError(t(f"err.unknown_{what}", text=text,
                             choices=vocabulary.choices(terms)))
    return term.key


def describe_field(field_name: str) -> str:
    if field_name.startswith("priority:"):
        return f"priority {field_name.split(':')[1]}"
    return field_name


def show_value(field_name: str, value: str | None) -> str:
    if value is None or value == "":
        return "–"
    if field_name == "owners":
        return ", ".join(value.split(","))
    return value
