"""Reads of the tracker's database, returned as the plain types of `model.py`:
objectives, initiatives (filtered, sorted, a page at a time), history, conflicts,
actions and decisions, and the tracking values a sync compares against. It
also turns what people type into the plan's keys (through `lookup`).

A part of `Store` (see store.py); it needs the store's connection (`db`) and
the plan's words (`info`).
"""

from __future__ import annotations

from .lookup import one_line
from .errors import Joined, Said, TrackerError
from .model import (OWNERS, STATUS, Action, AuditEntry, Conflict, Decision, InitiativeView,
                    Note, ObjectiveView, PlanInfo, UnknownWord, item_field, priority_field)

ITEM_TABLES = {"action": "actions", "decision": "decisions"}
ITEM_COLUMNS = {"by": "body"}  # `by` is an SQL word
SQL_INTEGERS = (-(2 ** 63), 2 ** 63 - 1)  # what SQLite can hold


class Queries:
    db: object  # the store's Connection
    info: PlanInfo
    def objectives(self, include_archived: bool = False) -> list[ObjectiveView]:
        sql = "SELECT id, number, title, short, title_en, archived FROM objectives"
        if not include_archived:
            sql += " WHERE archived = 0"
        rows = self.db.execute(sql + " ORDER BY archived, position").fetchall()
        return [ObjectiveView(r[0], r[1], r[2], r[3], r[4], bool(r[5])) for r in rows]

    def initiative(self, initiative_id: str) -> InitiativeView:
        found = self.initiatives(ids=[initiative_id], archived=None)
        if not found:
            raise TrackerError(self._unknown_initiative(initiative_id))
        return found[0]

    def initiative_named(self, text: str) -> str:
        """The id of the initiative a person named, by its id or its name (short or
        full title, any case); '' for ''; else the message for an unknown one."""
        text = " ".join(text.split())
        if not text:
            return ""
        if self.db.execute("SELECT 1 FROM initiatives WHERE id = ?", [text]).fetchone():
            return text
        found = [r[0] for r in self.db.execute(
            "SELECT id FROM initiatives WHERE archived = 0 AND (fold(short) = ? OR "
            "fold(title) = ?) ORDER BY id", [text.casefold(), text.casefold()])]
        if not found:
            raise TrackerError(self._unknown_initiative(text))
        if len(found) > 1:  # two of that name: never guess which
            raise TrackerError("err.initiative_ambiguous", name=one_line(text),
                               ids=", ".join(found))
        return found[0]

    def initiative_name(self, initiative_id: str | None) -> str | None:
        """An initiative's name as lists show it (None for None or an unknown id)."""
        if initiative_id is None:
            return None
        row = self.db.execute("SELECT CASE short WHEN '' THEN title ELSE short END "
                              "FROM initiatives WHERE id = ?", [initiative_id]).fetchone()
        return row[0] if row else None

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

    def initiative_ids(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT id FROM initiatives ORDER BY id")]

    def _unknown_initiative(self, initiative_id: str) -> str:
        import difflib

        ids = self.initiative_ids()
        close = difflib.get_close_matches(initiative_id, ids, n=3)
        hint = Said("err.did_you_mean", ids=Joined(close, Said("err.or"))) if close else \
            Said("err.see_list")
        return Said("err.unknown_initiative", id=one_line(initiative_id), hint=hint)

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
            raise TrackerError("err.archived", id=initiative_id)

    def _uid(self, initiative_id: str) -> int:
        """The initiative's stable key (its id may change; the key never does)."""
        row = self.db.execute("SELECT uid FROM initiatives WHERE id = ?",
                              [initiative_id]).fetchone()
        if row is None:
            raise TrackerError(self._unknown_initiative(initiative_id))
        return row[0]

    def actions(self, initiative_id: str | None = None, year: int | None = None,
                owner: str | None = None, removed: bool = False,
                archived: bool = False, open_before: int | None = None) -> list[Action]:
        """Actions by year, due date (none last) and id; of current initiatives
        unless `archived`; `removed` adds those whose text is ''. `open_before`
        adds the unfinished actions of the years before it to `year`'s."""
        where, params = [], []
        if open_before is not None:
            finished = [term.key for term in self.info.statuses if term.done or term.dropped]
            where.append(f"(CAST(a.year AS INTEGER) < ? AND a.year != '' AND a.status NOT IN "
                         f"({','.join('?' * len(finished))})" + (" OR a.year = ?)" if year else ")"))
            params += [open_before] + finished + ([str(year)] if year else [])
            year = None
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
               "i.archived, a.lead FROM actions a JOIN initiatives i ON i.id = a.initiative_id")
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY a.year, a.due = '', a.due, a.id"
        rows = self.db.execute(sql, params).fetchall()
        order = {owner_id: n for n, (owner_id, _) in enumerate(self.info.roster)} if rows else {}
        return [Action(r[0], r[1], int(r[2]) if r[2].isdigit() else 0, r[3],
                       tuple(sorted(filter(None, r[4].split(",")),
                                    key=lambda o: (order.get(o, 1e9), o))),
                       r[5], r[6], r[7], bool(r[8]), r[9])
                for r in rows]

    def action(self, action_id: int) -> Action:
        if not SQL_INTEGERS[0] <= action_id <= SQL_INTEGERS[1]:  # no such number here
            raise TrackerError("err.unknown_action", id=action_id)
        row = self.db.execute("SELECT initiative_id FROM actions WHERE id = ? AND text != ''",
                              [action_id]).fetchone()
        if row is None:
            raise TrackerError("err.unknown_action", id=action_id)
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
        return [Decision(*r[:5], bool(r[5]), r[6]) for r in self.db.execute(
            "SELECT d.id, d.initiative_id, d.date, d.text, d.body, i.archived, d.meeting "
            "FROM decisions d "
            "JOIN initiatives i ON i.id = d.initiative_id WHERE " + " AND ".join(where)
            + " ORDER BY d.date, d.id", params)]

    def next_item_id(self, kind: str) -> int:
        return self.db.execute(f"SELECT coalesce(max(id), 0) + 1 FROM {ITEM_TABLES[kind]}"
                               ).fetchone()[0]

    def action_keys(self) -> dict[tuple[str, str], int]:
        """(initiative id, key) → action id of the actions a plan file declared."""
        return {(ident, key): action_id for action_id, ident, key in self.db.execute(
            "SELECT id, initiative_id, key FROM actions WHERE key IS NOT NULL")}

    def _owners(self, initiative_id: str) -> list[str]:
        return [r[0] for r in self.db.execute(
            "SELECT owner FROM owners WHERE initiative_id = ? ORDER BY owner",
            [initiative_id])]

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
        for ident, field_name, value in self.db.execute(
                "SELECT initiative_id, field, value FROM initiative_values"):
            values[ident][field_name] = value
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

    def first_edit_id(self) -> int:
        """The first sync's edit: what it did is the plan arriving, not a change."""
        return self.db.execute("SELECT coalesce(min(edit_id), 0) FROM audit").fetchone()[0]

    def had_initiatives(self) -> bool:
        return self.db.execute("SELECT 1 FROM initiatives LIMIT 1").fetchone() is not None


def action_values(action: Action) -> dict[str, str]:
    """An action's attributes in their text form, as the fields hold them."""
    return {"text": action.text, "year": str(action.year) if action.year else "",
            "owners": ",".join(sorted(action.owners)), "due": action.due,
            "status": action.status, "lead": action.lead}
