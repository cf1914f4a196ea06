"""Bring the database in line with the plan file without losing a tracking edit.

Plan-owned fields (titles, kinds, objectives) simply follow the plan. The
tracking values a plan may declare (status, owners, a priority per year) are
merged three ways by the one rule in `merge.py`, against the plan's values at
the last sync (the base). Initiatives gone from the plan are archived, never
deleted. Every tracking change goes through `Store.write`; this module has no
SQL and makes no sentences: it reports `SyncLine` values that `present.py`
words.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from .errors import TrackerError  # noqa: F401 (re-exported for callers)
from .merge import merge_fields
from .model import (HEADS, ITEMS, LEAD, OWNERS, RECORDS, STATUS, Conflict, PlanInfo, SyncLine, Write,
                    deliverable_field, item_field, priority_field, record_field)
from .store import Store, now


NOTICES = "!?"  # signs that report, rather than change


@dataclass
class SyncResult:
    lines: list[SyncLine] = field(default_factory=list)
    skipped: bool = False  # the plan file was unchanged since the last sync
    dry_run: bool = False
    backup: Path | None = None  # where the state before this sync was saved
    plan_missing: bool = False  # no plan file: the database as of its last sync

    def count(self, sign: str) -> int:
        """How many initiatives or objectives had a line with this sign."""
        return len({line.id for line in self.lines if line.sign == sign})

    def notices(self, sign: str) -> list[SyncLine]:
        return [line for line in self.lines if line.sign == sign]

    @property
    def changed(self) -> bool:
        return any(line.sign not in NOTICES for line in self.lines)


def plan_values(initiative, info: PlanInfo):
    """(field, the plan's value, or None where the plan declares nothing)."""
    yield STATUS, initiative.status
    yield OWNERS, None if initiative.owners is None else ",".join(initiative.owners)
    priorities = initiative.priorities
    for year in info.years:
        yield priority_field(year), (None if priorities is None or year not in priorities
                                     else priorities[year])
    yield LEAD, initiative.lead
    deliverables = initiative.deliverables
    for year in info.years:
        yield deliverable_field(year), (None if deliverables is None
                                        or year not in deliverables else deliverables[year])


def action_values(action, info: PlanInfo):
    """(attr, the plan's value, or None where it declares nothing) of a declared action."""
    yield "text", action.text
    yield "year", str(action.year)
    yield "owners", None if action.owners is None else ",".join(action.owners)
    yield "due", action.due
    yield "status", action.status
    yield "lead", action.lead


def sync_plan(store: Store, plan, who: str, dry_run: bool = False,
              plan_path: Path | None = None) -> SyncResult:
    """Merge `plan` into the store in one transaction (rolled back if dry_run).
    `plan_path`: where the plan file is (a plan that follows another finds it
    from there)."""
    result = SyncResult(dry_run=dry_run)
    info = PlanInfo.from_plan(plan)
    try:
        with store.transaction():
            had_data = store.had_initiatives()
            before = store.info if store.meta("plan") else None
            merge = _Merge(store, plan, info, who, result, plan_path)
            if before is not None:
                result.lines += _plan_changes(before, info)
            merge.run()
            # The state before this sync, copied only when the sync changes what people
            # recorded (a value taken from the plan, a conflict, a rename, an archive):
            # plan text alone is in git, and at 100,000 initiatives a copy is 120 MiB.
            if had_data and merge.touched_tracking and not dry_run:
                result.backup = store.backup()
            counts = (result.count("+"), result.count("~"), result.count("-"),
                      len(result.notices("!"))) if result.changed else None
            store.record_sync(info, plan.sha256, who, merge.at, counts)
            result.lines += _unknown_word_lines(store)
            if dry_run:
                raise _Rollback  # the same code path, ending in a rollback
    except _Rollback:
        pass
    store.forget_info()
    return result


class _Rollback(Exception):
    pass


def file_sha256(path: Path) -> str:
    """The file's hash, read in pieces (a 20 MB plan never sits in memory whole)."""
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for piece in iter(lambda: f.read(1 << 20), b""):
            digest.update(piece)
    return digest.hexdigest()


def sync_file(store: Store, plan_path: Path, who: str, dry_run: bool = False,
              still_open: bool = True) -> SyncResult:
    """Sync from the file, skipping the parse when its hash matches the last sync;
    then, unless not `still_open`, the lines say what is still open (conflicts,
    words the plan no longer has)."""
    plan_path = Path(plan_path)
    if plan_path.is_file() and file_sha256(plan_path) == store.meta("plan_sha256"):
        return _unchanged(store, dry_run) if still_open else SyncResult(skipped=True,
                                                                        dry_run=dry_run)
    from .plan import load_plan  # the validator is needed only when the file changed

    return sync_plan(store, load_plan(plan_path), who, dry_run, plan_path)


def _unchanged(store: Store, dry_run: bool) -> SyncResult:
    """Nothing to merge: report what is still open from the last sync."""
    result = SyncResult(skipped=True, dry_run=dry_run)
    result.lines += [_conflict_line(c) for c in store.conflicts()]
    result.lines += _unknown_word_lines(store)
    return result


def _conflict_line(c: Conflict) -> SyncLine:
    return SyncLine("!", c.initiative_id, "conflict", {
        "field": c.field, "plan": c.plan_value, "tracker": c.tracker_value,
        "base": c.base_value})


def _unknown_word_lines(store: Store) -> list[SyncLine]:
    return [SyncLine("?", w.initiative_id, "unknown_word", {"field": w.field, "value": w.value})
            for w in store.unknown_words()]


def _plan_changes(before: PlanInfo, after: PlanInfo) -> list[SyncLine]:
    """The plan's own changes that touch how tracking data reads: its period,
    its status and level words, its parties and people."""
    lines = []
    if (before.start, before.end) != (after.start, after.end):
        lines.append(SyncLine("~", "", "period", {
            "old": f"{before.start}-{before.end}", "new": f"{after.start}-{after.end}"}))
    for kind, old, new in [("statuses", before.statuses, after.statuses),
                           ("levels", before.levels, after.levels)]:
        if old != new:
            lines.append(SyncLine("~", "", kind, {"old": [t.key for t in old],
                                                  "new": [t.key for t in new]}))
    if before.roster != after.roster:  # who changed (id, name); else only their order
        lines.append(SyncLine("~", "", "roster", {
            "old": [list(r) for r in before.roster if r not in after.roster],
            "new": [list(r) for r in after.roster if r not in before.roster],
            "order": [r[1] for r in after.roster]}))
    return lines


PLAN_FIELDS = ["objective", "title", "short", "kind", "description", "also_supports",
               "placement"]


class _Merge:
    def __init__(self, store: Store, plan, info: PlanInfo, who: str, result: SyncResult,
                 plan_path: Path | None = None):
        self.store, self.plan, self.info, self.plan_path = store, plan, info, plan_path
        self.who, self.result = who, result
        self.edit_id = store.next_edit_id()
        self.at = now()
        self.added: list = []  # new initiatives, written in one batch
        self.history: list[tuple] = []  # plan changes of initiatives, for the audit
        self.next_action = store.next_item_id("action")
        self.touched_tracking = False  # did it change what people recorded?

    def say(self, sign: str, ident: str, kind: str, **data) -> None:
        self.result.lines.append(SyncLine(sign, ident, kind, data))

    def run(self) -> None:
        self.renames()
        self.action_ids: dict[str, dict[str, int]] = {}  # initiative → plan key → action id
        for (ident, key), action_id in self.store.action_keys().items():
            self.action_ids.setdefault(ident, {})[key] = action_id
        self.objectives()
        known = self.store.plan_initiatives()
        self.tracked = self.store.tracked_values()
        self.bases = self.store.bases()
        # Conflicts are found afresh, each initiative's replaced in its own write.
        self.had_conflicts = {c.initiative_id for c in self.store.conflicts()}
        for position, initiative in enumerate(self.plan.initiatives(), 1):
            if initiative.id in known:
                self.update(initiative, known[initiative.id], position)
            else:
                self.add(initiative, position)
        wanted = {i.id for i in self.plan.initiatives()}
        for ident, row in known.items():
            if ident not in wanted and not row[8]:
                self.store.set_archived("initiatives", ident, True)
                self.history.append((ident, "archived", "0", "1"))
                self.say("-", ident, "archived")
                self.touched_tracking = True
            if ident not in wanted and ident in self.had_conflicts:  # the plan decides no more
                self.store.write(ident, Write(replace_conflicts=True, settle=False), self.who,
                                 "sync", "sync", edit_id=self.edit_id, at=self.at)
        if self.added:
            self.store.write_new_initiatives(self.added, self.who, self.at, self.edit_id)
            for initiative in self.plan.initiatives():  # their declared actions, now they exist
                if initiative.id not in known and initiative.actions:
                    self.merge_tracking(initiative, values_too=False)
        self.store.audit_plan_changes(self.history, self.who, self.at, self.edit_id)
        if self.added and self.plan_path is not None:  # a plan that follows another
            from .successor import carry_over  # (read only when a plan is synced)

            new = [i for i in self.plan.initiatives() if i.id not in known]
            self.result.lines += carry_over(self.store, self.plan_path, self.plan, self.info,
                                            new, self.who, self.at, self.edit_id)
        self.records()

    def records(self) -> None:
        """The meetings and milestones the plan file declares, as it declares them
        (they are changed in the file): new ones added, changed ones changed, ones
        no longer declared taken off; in one write of the plan's records. A meeting
        without an id whose date the file changes is the same meeting moved: it
        keeps its agenda."""
        change, new_keys = Write(), []
        shown = {m.id: m for m in self.store.meetings()}
        for kind, declared in (("meeting", self.plan.meetings),
                               ("milestone", self.plan.milestones)):
            known = self.store.record_keys(kind)
            next_id = self.store.next_record_id(kind)
            found = {record.key: known.get(record.key) for record in declared}
            left = [i for i in known.values() if i not in found.values() and i in shown] \
                if kind == "meeting" else []
            for record in declared:
                if found[record.key] is None and kind == "meeting":
                    moved = next((i for i in left if shown[i].body == record.body), None)
                    if moved is not None:
                        left.remove(moved)
                        found[record.key] = moved
                        new_keys.append((kind, moved, record.key))
            for record in declared:
                record_id = found[record.key]
                if record_id is None:
                    record_id, next_id = next_id, next_id + 1
                    new_keys.append((kind, record_id, record.key))
                    self.say("+", "", f"{kind}_added", date=record.date,
                             text=getattr(record, "title", "") or getattr(record, "text", ""))
                for attr in RECORDS[kind]:
                    change.values[record_field(kind, record_id, attr)] = getattr(
                        record, attr, "")
            for key, record_id in known.items():
                if record_id not in found.values():
                    change.values[record_field(kind, record_id, HEADS[kind])] = ""
                    items = len(self.store.agenda(record_id)) if kind == "meeting" else 0
                    if items:  # people's agenda items lose their meeting: a backup first
                        self.touched_tracking = True
                    if items and record_id in shown:
                        self.say("?", "", "meeting_gone", date=shown[record_id].date,
                                 items=items)
        if change.values:
            self.store.write(None, change, self.who, "sync", "sync", edit_id=self.edit_id,
                             at=self.at)
        for kind, record_id, key in new_keys:
            self.store.set_record_key(kind, record_id, key)

    def renames(self) -> None:
        existing = set(self.store.plan_initiatives())
        for initiative in self.plan.initiatives():
            if initiative.id in existing:
                continue
            for old in initiative.previous_ids:
                if old in existing:
                    self.store.rename_initiative(old, initiative.id)
                    self.history.append((initiative.id, "id", old, initiative.id))
                    self.say("~", initiative.id, "renamed", old=old)
                    self.touched_tracking = True
                    existing.discard(old)
                    existing.add(initiative.id)
                    break

    def objectives(self) -> None:
        known = self.store.plan_objectives()
        for position, objective in enumerate(self.plan.objectives, 1):
            row = (objective.id, objective.number, objective.title, objective.short,
                   objective.title_en, position, 0)
            old = known.get(objective.id)
            if old is None:
                self.store.add_objective(row)
                self.say("+", objective.id, "objective_added", number=objective.number,
                         name=objective.name)
            elif old != row:
                self.store.update_objective(row)
                if old[6]:
                    self.say("+", objective.id, "objective_back")
                elif old[1:5] != row[1:5]:
                    self.say("~", objective.id, "objective_changed")
        wanted = {o.id for o in self.plan.objectives}
        for ident, row in known.items():
            if ident not in wanted and not row[6]:
                self.store.set_archived("objectives", ident, True)
                self.say("-", ident, "objective_archived")

    def add(self, initiative, position: int) -> None:
        declared = dict(plan_values(initiative, self.info))
        values = {name: value if value is not None else self.info.nothing(name)
                  for name, value in declared.items()}
        self.added.append((self._plan_row(initiative, position), values, dict(values),
                           {name: value for name, value in declared.items() if value}))
        self.say("+", initiative.id, "added", name=initiative.name,
                 objective=initiative.objective_id)

    @staticmethod
    def _plan_row(initiative, position: int) -> list:
        return [initiative.id, initiative.objective_id, initiative.title, initiative.short,
                initiative.kind, initiative.description, ",".join(initiative.also_supports),
                position, "provisional" if initiative.provisional else "",
                initiative.continues]

    def update(self, initiative, row, position: int) -> None:
        ident = initiative.id
        new_row = self._plan_row(initiative, position)
        if row[8]:
            self.store.set_archived("initiatives", ident, False)
            self.history.append((ident, "archived", "1", "0"))
            self.say("+", ident, "back")
        if list(row[:8]) + list(row[9:11]) != new_row:
            self.store.update_initiative(new_row)
        for name, old, new in zip(PLAN_FIELDS, row[1:7] + row[9:10], new_row[1:7] + new_row[8:9]):
            if old != new:
                self.history.append((ident, name, old, new))
                self.say("~", ident, "text", field=name, old=old, new=new)
        self.merge_tracking(initiative)

    def declared(self, initiative, values_too: bool = True):
        """(field, the plan's value or None) of everything the plan may declare
        about `initiative`: its values, and each declared action's attributes
        (also of actions it no longer declares: None). New actions get an id."""
        ident = initiative.id
        if values_too:
            yield from plan_values(initiative, self.info)
        declared = set()
        known = self.action_ids.setdefault(ident, {})
        for action in initiative.actions:
            action_id = known.get(action.key)
            if action_id is None:
                action_id = known[action.key] = self.next_action
                self.next_action += 1
                self.new_actions.append((action_id, action.key))
                self.say("+", ident, "action_added", action=action_id, text=action.text,
                         year=action.year)
            declared.add(action_id)
            for attr, value in action_values(action, self.info):
                yield item_field("action", action_id, attr), value
        for action_id in known.values():
            if action_id not in declared:
                for attr in ITEMS["action"]:
                    yield item_field("action", action_id, attr), None

    def merge_tracking(self, initiative, values_too: bool = True) -> None:
        """Each declared field by the one merge rule; the changes as one write."""
        ident = initiative.id
        tracked = self.tracked.get(ident, {})
        bases = self.bases.get(ident, {})
        change = Write(settle=False, replace_conflicts=True)
        self.new_actions: list[tuple[int, str]] = []
        fields = list(self.declared(initiative, values_too))
        # A new action starts from what every action starts with; the plan's values
        # then go by the same rule as every other field (base and tracker: that start).
        fresh = tuple(item_field("action", action_id, "") for action_id, _ in self.new_actions)
        start = {name: self.info.nothing(name) for name, _ in fields
                 if fresh and name.startswith(fresh)}
        merged = merge_fields(fields, {**bases, **start}, {**tracked, **start},
                              self.info.nothing)
        change.values.update({**start, **merged.values})
        change.bases.update(merged.bases)
        for name, old, new in merged.taken:
            if name not in start:  # a new action is said once, as added
                self.say("~", ident, "from_plan", field=name, old=old, new=new)
                self.touched_tracking = True
        for name, plan_value, tracker, base in merged.conflicts:
            conflict = Conflict(ident, name, plan_value, tracker, base)
            change.conflicts.append(conflict)
            self.result.lines.append(_conflict_line(conflict))
            self.touched_tracking = True
        if change.values or change.bases or change.conflicts or ident in self.had_conflicts:
            self.store.write(ident, change, self.who, "sync", "sync", edit_id=self.edit_id,
                             at=self.at)
        for action_id, key in self.new_actions:
            self.store.set_action_key(action_id, key)


def ensure_synced(store: Store, plan_path: Path, who: str,
                  still_open: bool = True) -> SyncResult:
    """Sync if the plan file changed since the last sync (else `skipped`).

    Raises PlanInvalid (nothing written) when the plan has problems, and
    TrackerError when there is no plan file and the DB was never synced. With
    no plan file but a synced DB, readers may go on: `plan_missing` says so.
    """
    plan_path = Path(plan_path)
    if not plan_path.exists() and store.meta("plan") is not None:
        return SyncResult(skipped=True, plan_missing=True)
    return sync_file(store, plan_path, who, still_open=still_open)


__all__ = ["SyncLine", "SyncResult", "sync_plan", "sync_file", "ensure_synced",
           "TrackerError"]
