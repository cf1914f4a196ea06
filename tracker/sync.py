"""Bring the database in line with the plan file without losing a tracking edit.

Plan-owned fields (titles, kinds, objectives) simply follow the plan. The
tracking values a plan may declare (status, owners, a priority per year) are
merged three ways against the plan's values at the last sync (`plan_base`):

    plan unchanged since last sync      → keep the tracker's value
    plan changed, tracker kept the base → take the plan's value
    both changed (and differ)           → keep the tracker's value, report a
                                          conflict, leave the base (so it is
                                          reported again until resolved)

Removing a declaration from the plan never changes the tracker's value.
Initiatives gone from the plan are archived, never deleted.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from .catalogue import t
from .store import PlanInfo, Store, TrackerError, describe_field, now, show_value


@dataclass(frozen=True)
class SyncLine:
    sign: str  # + ~ - !
    id: str
    text: str

    def format(self) -> str:
        return f"{self.sign} {self.id}  {self.text}".rstrip()


@dataclass
class SyncResult:
    lines: list[SyncLine] = field(default_factory=list)
    skipped: bool = False  # the plan file was unchanged since the last sync
    dry_run: bool = False
    backup: Path | None = None  # where the state before this sync was saved

    def count(self, sign: str) -> int:
        return len({line.id for line in self.lines if line.sign == sign})

    @property
    def changed(self) -> bool:
        return any(line.sign != "!" for line in self.lines)

    def summary(self) -> str:
        conflicts = sum(1 for line in self.lines if line.sign == "!")
        counts = {"added": self.count("+"), "changed": self.count("~"),
                  "archived": self.count("-")}
        if not self.changed:
            text = t("sync.none")
        else:
            text = t("sync.would" if self.dry_run else "sync.did", **counts)
        if conflicts:
            text += " " + t("sync.conflicts", count=conflicts)
        return text


def tracked_plan_values(initiative, info: PlanInfo):
    """(field, plan value as text, declared?) for every tracking field."""
    default_status = info.statuses[0].key
    yield ("status", initiative.status or default_status, initiative.status is not None)
    owners = initiative.owners
    yield ("owners", ",".join(owners or ()), owners is not None)
    priorities = initiative.priorities or {}
    for year in info.years:
        yield (f"priority:{year}", priorities.get(year, ""), year in priorities)


def sync_plan(store: Store, plan, who: str, dry_run: bool = False) -> SyncResult:
    """Merge `plan` into the store in one transaction (rolled back if dry_run)."""
    result = SyncResult(dry_run=dry_run)
    info = PlanInfo.from_plan(plan)
    try:
        with store.transaction():
            had_data = store.db.execute("SELECT 1 FROM initiatives LIMIT 1").fetchone()
            _Merge(store, plan, info, who, result).run()
            if result.changed and had_data and not dry_run:
                result.backup = store.backup()  # the state before this sync
            if result.changed:
                store.db.execute(
                    "INSERT INTO sync_runs(at, who, plan_sha256, added, changed, archived, "
                    "conflicts) VALUES (?,?,?,?,?,?,?)",
                    [now(), who, plan.sha256, result.count("+"), result.count("~"),
                     result.count("-"), sum(1 for x in result.lines if x.sign == "!")])
            store.set_meta("plan", info.to_json())
            store.set_meta("plan_sha256", plan.sha256)
            if result.changed or store.meta("synced_at") is None:
                store.set_meta("synced_at", now())
            if dry_run:
                raise _Rollback  # the same code path, ending in a rollback
    except _Rollback:
        pass
    store.forget_info()
    return result


class _Rollback(Exception):
    pass


def file_sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def sync_file(store: Store, plan_path: Path, who: str, dry_run: bool = False) -> SyncResult:
    """Sync from the file, skipping the parse when its hash matches the last sync."""
    plan_path = Path(plan_path)
    if plan_path.is_file() and file_sha256(plan_path) == store.meta("plan_sha256"):
        return _unchanged(store, dry_run)
    from .plan import load_plan  # the validator is needed only when the file changed

    return sync_plan(store, load_plan(plan_path), who, dry_run)


def _unchanged(store: Store, dry_run: bool) -> SyncResult:
    """Nothing to merge: report the open conflicts kept from the last sync."""
    result = SyncResult(skipped=True, dry_run=dry_run)
    for c in store.conflicts():
        result.lines.append(_conflict_line(c.initiative_id, c.field, c.plan_value,
                                           c.tracker_value, c.base_value))
    return result


def _conflict_line(initiative_id, field_name, plan_value, tracker_value, base_value):
    return SyncLine("!", initiative_id, t(
        "sync.conflict_line", field=describe_field(field_name),
        plan=show_value(field_name, plan_value), tracker=show_value(field_name, tracker_value),
        base=show_value(field_name, base_value)))


BATCH_SQL = {
    "initiatives": "INSERT INTO initiatives(id, objective_id, title, short, kind, description, "
                   "also_supports, position, archived) VALUES (?,?,?,?,?,?,?,?,0)",
    "tracking": "INSERT INTO tracking(initiative_id, status, version, updated_at, updated_by) "
                "VALUES (?, ?, 1, ?, ?)",
    "owners": "INSERT INTO owners(initiative_id, owner) VALUES (?, ?)",
    "priorities": "INSERT INTO priorities(initiative_id, year, level) VALUES (?, ?, ?)",
    "plan_base": "INSERT INTO plan_base(initiative_id, field, value) VALUES (?, ?, ?)",
    "audit": "INSERT INTO audit(edit_id, at, who, source, action, initiative_id, field, old, "
             "new, version) VALUES (?,?,?,?,?,?,?,?,?,?)",
}


class _Merge:
    def __init__(self, store: Store, plan, info: PlanInfo, who: str, result: SyncResult):
        self.store, self.db, self.plan, self.info = store, store.db, plan, info
        self.who, self.result = who, result
        self.edit_id = store.next_edit_id()
        self.at = now()
        # Rows for new initiatives and every audit row are written in batches at
        # the end (executemany): 10,000 single inserts cost several times more.
        self.batches: dict[str, list] = {name: [] for name in BATCH_SQL}

    def say(self, sign: str, ident: str, text: str) -> None:
        self.result.lines.append(SyncLine(sign, ident, text))

    def audit(self, initiative_id, field_name, old, new, version=None) -> None:
        self.batches["audit"].append([self.edit_id, self.at, self.who, "sync", "sync",
                                      initiative_id, field_name, old, new, version])

    def flush(self) -> None:
        for name, sql in BATCH_SQL.items():  # in foreign-key order
            if self.batches[name]:
                self.db.executemany(sql, self.batches[name])

    def run(self) -> None:
        self.renames()
        self.objectives()
        known = {r[0]: r for r in self.db.execute(
            "SELECT id, objective_id, title, short, kind, description, also_supports, "
            "position, archived FROM initiatives")}
        self.db.execute("DELETE FROM conflicts")
        position = 0
        for initiative in self.plan.initiatives():
            position += 1
            if initiative.id in known:
                self.update(initiative, known[initiative.id], position)
            else:
                self.add(initiative, position)
        wanted = {i.id for i in self.plan.initiatives()}
        for ident, row in known.items():
            if ident not in wanted and not row[8]:
                self.db.execute("UPDATE initiatives SET archived = 1 WHERE id = ?", [ident])
                self.audit(ident, "archived", "0", "1")
                self.say("-", ident, t("sync.archived"))
        self.flush()

    def renames(self) -> None:
        existing = {r[0] for r in self.db.execute("SELECT id FROM initiatives")}
        for initiative in self.plan.initiatives():
            if initiative.id in existing:
                continue
            for old in initiative.previous_ids:
                if old in existing:
                    self.db.execute("UPDATE initiatives SET id = ? WHERE id = ?",
                                    [initiative.id, old])
                    self.audit(initiative.id, "id", old, initiative.id)
                    self.say("~", initiative.id, t("sync.renamed", old=old))
                    existing.discard(old)
                    existing.add(initiative.id)
                    break

    def objectives(self) -> None:
        known = {r[0]: r for r in self.db.execute(
            "SELECT id, number, title, short, title_en, position, archived FROM objectives")}
        for position, objective in enumerate(self.plan.objectives, 1):
            row = (objective.id, objective.number, objective.title, objective.short,
                   objective.title_en, position, 0)
            if objective.id not in known:
                self.db.execute("INSERT INTO objectives(id, number, title, short, title_en, "
                                "position, archived) VALUES (?,?,?,?,?,?,?)", row)
                self.say("+", objective.id, t("sync.objective_added", number=objective.number,
                                              name=objective.short or objective.title))
            elif tuple(known[objective.id]) != row:
                self.db.execute("UPDATE objectives SET number = ?, title = ?, short = ?, "
                                "title_en = ?, position = ?, archived = 0 WHERE id = ?",
                                row[1:6] + (objective.id,))
                old = known[objective.id]
                if old[6]:
                    self.say("+", objective.id, t("sync.objective_back"))
                elif tuple(old[1:5]) != row[1:5]:
                    self.say("~", objective.id, t("sync.objective_changed"))
        wanted = {o.id for o in self.plan.objectives}
        for ident, row in known.items():
            if ident not in wanted and not row[6]:
                self.db.execute("UPDATE objectives SET archived = 1 WHERE id = ?", [ident])
                self.say("-", ident, t("sync.objective_archived"))

    def add(self, initiative, position: int) -> None:
        ident = initiative.id
        self.batches["initiatives"].append(self._plan_row(initiative, position))
        values = list(tracked_plan_values(initiative, self.info))
        self.batches["tracking"].append([ident, values[0][1], self.at, self.who])
        self.batches["owners"].extend([ident, o] for o in initiative.owners or ())
        self.batches["priorities"].extend(
            [ident, year, level] for year, level in (initiative.priorities or {}).items())
        self.batches["plan_base"].extend([ident, name, value] for name, value, _ in values)
        self.audit(ident, "added", None, initiative.objective_id, 1)
        self.say("+", initiative.id, t("sync.added", name=initiative.short or initiative.title,
                                       objective=initiative.objective_id))

    @staticmethod
    def _plan_row(initiative, position: int) -> list:
        return [initiative.id, initiative.objective_id, initiative.title, initiative.short,
                initiative.kind, initiative.description, ",".join(initiative.also_supports),
                position]

    def update(self, initiative, row, position: int) -> None:
        ident = initiative.id
        new_row = self._plan_row(initiative, position)
        names = ["id", "objective", "title", "short", "kind", "description", "also_supports"]
        if row[8]:
            self.db.execute("UPDATE initiatives SET archived = 0 WHERE id = ?", [ident])
            self.audit(ident, "archived", "1", "0")
            self.say("+", ident, t("sync.back"))
        if list(row[:8]) != new_row:
            self.db.execute("UPDATE initiatives SET objective_id = ?, title = ?, short = ?, "
                            "kind = ?, description = ?, also_supports = ?, position = ? "
                            "WHERE id = ?", new_row[1:] + [ident])
        for name, old, new in zip(names[1:], row[1:7], new_row[1:7]):
            if old != new:
                self.audit(ident, name, old, new)
                self.say("~", ident, f"{name}: {_short(old)} → {_short(new)}")
        self.merge_tracking(initiative)

    def merge_tracking(self, initiative) -> None:
        ident = initiative.id
        bases = dict(self.db.execute("SELECT field, value FROM plan_base WHERE "
                                     "initiative_id = ?", [ident]).fetchall())
        changed = []
        for field_name, plan_value, declared in tracked_plan_values(initiative, self.info):
            current = self.store.tracked_value(ident, field_name)
            base = bases.get(field_name, plan_value if not declared else current)
            if plan_value == base:
                continue
            if not declared:
                self.store.set_base(ident, field_name, plan_value)
            elif current in (base, plan_value):
                if current != plan_value:
                    self.store.write_value(ident, field_name, plan_value)
                    changed.append((field_name, current, plan_value))
                self.store.set_base(ident, field_name, plan_value)
            else:
                self.db.execute("INSERT INTO conflicts(initiative_id, field, plan_value, "
                                "tracker_value, base_value) VALUES (?,?,?,?,?)",
                                [ident, field_name, plan_value, current, base])
                self.result.lines.append(
                    _conflict_line(ident, field_name, plan_value, current, base))
        if changed:
            version = self.store._current_version(ident) + 1
            self.db.execute("UPDATE tracking SET version = ?, updated_at = ?, updated_by = ? "
                            "WHERE initiative_id = ?", [version, self.at, self.who, ident])
            for field_name, old, new in changed:
                self.audit(ident, field_name, old, new, version)
                self.say("~", ident, t("sync.from_plan", field=describe_field(field_name),
                                       old=show_value(field_name, old),
                                       new=show_value(field_name, new)))


def _short(text: str, width: int = 50) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def ensure_synced(store: Store, plan_path: Path, who: str) -> SyncResult | None:
    """Sync if the plan file changed since the last sync; None if it did not.

    Raises PlanInvalid (nothing written) when the plan has problems, and
    TrackerError when there is no plan file and the DB was never synced.
    """
    plan_path = Path(plan_path)
    if not plan_path.exists() and store.meta("plan") is not None:
        return None  # reading a DB whose plan file is elsewhere is fine
    result = sync_file(store, plan_path, who)
    return None if result.skipped else result


__all__ = ["SyncLine", "SyncResult", "sync_plan", "sync_file", "ensure_synced",
           "TrackerError"]


def resolve_conflict(store: Store, initiative_id: str, field_name: str, take_plan: bool,
                     who: str, source: str) -> str:
    """Settle a sync conflict: keep the tracker's value, or take the plan's."""
    store.check_initiative(initiative_id)
    with store.transaction():
        row = store.db.execute(
            "SELECT plan_value, tracker_value FROM conflicts WHERE initiative_id = ? AND "
            "field = ?", [initiative_id, field_name]).fetchone()
        if row is None:
            open_fields = [c.field for c in store.conflicts() if c.initiative_id == initiative_id]
            hint = (t("sync.open_conflicts", fields=", ".join(open_fields)) if open_fields
                    else t("sync.none_open"))
            raise TrackerError(t("sync.no_conflict", id=initiative_id, field=field_name,
                                 hint=hint))
        plan_value = row[0]
        store.db.execute("DELETE FROM conflicts WHERE initiative_id = ? AND field = ?",
                         [initiative_id, field_name])
        store.set_base(initiative_id, field_name, plan_value)
        current = store.tracked_value(initiative_id, field_name)
        if take_plan and current != plan_value:
            store.write_value(initiative_id, field_name, plan_value)
            store._record(initiative_id, [(field_name, current, plan_value, None)], who,
                          source, "edit", None, store._current_version(initiative_id))
            return t("sync.took_plan", id=initiative_id, field=describe_field(field_name),
                     value=show_value(field_name, plan_value))
    return t("sync.kept", id=initiative_id, field=describe_field(field_name),
             value=show_value(field_name, current))
