"""What people ask for, as writes: an edit of an initiative, undo and redo, a
settled conflict, an action or a decision added or changed. Each checks the
words typed (nothing written on a mistake) and builds one `Write` for the
store's one writer.

A part of `Store` (see store.py); it needs the writer (`write`, `transaction`)
and the reads (`Queries`).
"""

from __future__ import annotations

from . import lookup
from .errors import RevertBlocked, Said, TrackerError
from .model import (ITEMS, LEAD, OWNERS, STATUS, Change, FieldChange, NewNote, Reverted,
                    Write, deliverable_field, item_field, priority_field, split_record_field)

SOURCES = ("tui", "cli", "sync")


class Edits:
    # -- what people type, in the plan's words (lookup.py), before anything is written --
    def status_key(self, text: str) -> str:
        """The status key for a word the user typed. A key the plan's words no
        longer have is accepted while initiatives still hold it (to find them)."""
        try:
            return lookup.status_key(self.info, text)
        except TrackerError:
            if self.db.execute("SELECT 1 FROM tracking WHERE status = ? LIMIT 1",
                               [text.strip()]).fetchone():
                return text.strip()
            raise

    def level_key(self, text: str) -> str:
        return lookup.level_key(self.info, text)

    def owner_id(self, text: str) -> str:
        return lookup.owner_id(self.info, text)

    def check_year(self, year: int) -> None:
        lookup.check_year(self.info, year)

    def check_note(self, text: str) -> str:
        return lookup.check_note(text)

    def check_item_text(self, text: str) -> str:
        return lookup.check_item_text(text)

    # -- edits, undo and redo, settling conflicts, actions and decisions ----------------
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
            for year, text in sorted(wanted["deliverables"].items()):
                values[deliverable_field(year)] = text
            # The lead is one of the owners: naming a lead adds them; an owner
            # this edit takes off is no longer the lead.
            owners = set(filter(None, values[OWNERS].split(","))) if OWNERS in values \
                else set(self._owners(initiative_id))
            if "lead" in wanted:
                values[LEAD] = wanted["lead"]
                if wanted["lead"] and wanted["lead"] not in owners:
                    values[OWNERS] = ",".join(sorted(owners | {wanted["lead"]}))
            elif OWNERS in values and self.tracked_value(initiative_id, LEAD) not in owners:
                values[LEAD] = ""
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
        if change.lead is not None:
            wanted["lead"] = self.owner_id(change.lead) if change.lead.strip() else ""
            if wanted["lead"] and wanted["lead"] in wanted["remove_owners"]:
                raise TrackerError("err.lead_removed", lead=self.info.owner_name(wanted["lead"]))
        deliverables = {}
        for year, text in change.deliverables.items():
            self.check_year(int(year))
            deliverables[int(year)] = lookup.check_deliverable(text or "")
        wanted["deliverables"] = deliverables
        return wanted

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
                raise TrackerError(f"err.nothing_to_{action}", who=who)
            target = stack[-1]
            # The initiative by its key: it may have been renamed since.
            # (No initiative: an edit of the committee's records.)
            rows = self.db.execute(
                "SELECT i.id, a.field, a.old, a.new, a.ref FROM audit a "
                "LEFT JOIN initiatives i ON i.uid = a.initiative_uid "
                "WHERE a.edit_id = ? ORDER BY a.id", [target]).fetchall()
            if not rows:
                raise TrackerError(f"err.nothing_to_{action}", who=who)
            initiative_id = rows[0][0]
            change, done = Write(), []
            for _, field_name, old, new, ref in rows:
                if field_name == "note":
                    withdraw = new is not None  # the target added (or restored) it
                    change.withdrawn[ref] = withdraw
                    done.append(FieldChange("note", new if withdraw else None,
                                            None if withdraw else old))
                    continue
                if field_name.endswith(":initiative") and split_record_field(field_name):
                    # a record names an initiative by id: it follows the plan's renames
                    old, new = self.current_id(old), self.current_id(new)
                current = self.tracked_value(initiative_id, field_name)
                if current != (new or ""):
                    raise RevertBlocked(action, initiative_id, field_name, current)
                self.check_record_revert(field_name, old)
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
                hint = (Said("sync.open_conflicts", fields=", ".join(open_fields))
                        if open_fields else Said("sync.none_open"))
                raise TrackerError("sync.no_conflict", id=initiative_id, field=field_name,
                                   hint=hint)
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

    def add_action(self, initiative_id: str, text: str, year: int, who: str, source: str,
                   owners: list[str] | None = None, due: str = "",
                   status: str | None = None, archived: bool = False,
                   lead: str | None = None) -> int:
        """A new action (owners: the initiative's if none are named; the lead, if
        named, is one of them); its id."""
        self.check_editable(initiative_id, archived)
        self.check_year(year)
        values = {"text": self.check_item_text(text), "year": str(year),
                  "due": lookup.check_iso_date(due) if due else "",
                  "status": self.status_key(status) if status
                  else self.info.first_status}
        with self.transaction():
            chosen = {self.owner_id(o) for o in owners} if owners \
                else set(self._owners(initiative_id))
            values["lead"] = self.owner_id(lead) if lead and lead.strip() else ""
            values["owners"] = ",".join(sorted(chosen | ({values["lead"]} - {""})))
            action_id = self.next_item_id("action")
            self.write(initiative_id, Write(values={
                item_field("action", action_id, attr): values[attr] for attr in ITEMS["action"]}),
                who, source, "edit")
        return action_id

    def edit_action(self, action_id: int, who: str, source: str, text: str | None = None,
                    year: int | None = None, owners: list[str] | None = None,
                    due: str | None = None, status: str | None = None,
                    remove: bool = False, expected_version: int | None = None,
                    archived: bool = False, lead: str | None = None) -> int:
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
            values["due"] = lookup.check_iso_date(due) if due else ""
        if status is not None:
            values["status"] = self.status_key(status)
        if lead is not None:
            values["lead"] = self.owner_id(lead) if lead.strip() else ""
        if remove:
            values = {"text": ""}
        prefix = item_field("action", action_id, "")
        with self.transaction():  # removed meanwhile? Then it is not there to change.
            action = self.action(action_id)
            initiative_id = action.initiative_id
            self.check_editable(initiative_id, archived)
            if not remove:  # the lead is one of its owners, as an initiative's
                owners = set(filter(None, values.get("owners", ",".join(action.owners))
                                    .split(",")))
                if values.get("lead") and values["lead"] not in owners:
                    values["owners"] = ",".join(sorted(owners | {values["lead"]}))
                elif "owners" in values and "lead" not in values and action.lead \
                        and action.lead not in owners:
                    values["lead"] = ""
            return self.write(initiative_id, Write(
                values={prefix + attr: value for attr, value in values.items()}, scope=prefix),
                who, source, "edit", expected_version=expected_version)

    def add_decision(self, initiative_id: str, text: str, date: str, who: str, source: str,
                     by: str = "", archived: bool = False, meeting: str | None = None) -> int:
        """A decision recorded under an initiative; its id. It only adds: never stale.
        Taken at a `meeting` (its number or date): that meeting's date and body."""
        self.check_editable(initiative_id, archived)
        if meeting is not None:
            found = self.meeting(meeting)
            date, by = found.date, self.info.body_name(found.body)
        values = {"text": self.check_item_text(text), "date": lookup.check_iso_date(date),
                  "by": lookup.check_by(by), "meeting": str(found.id) if meeting else ""}
        with self.transaction():
            decision_id = self.next_item_id("decision")
            self.write(initiative_id, Write(values={
                item_field("decision", decision_id, attr): values[attr]
                for attr in ITEMS["decision"]}), who, source, "edit")
        return decision_id
