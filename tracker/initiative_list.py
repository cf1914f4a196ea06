"""The initiatives as the lists show them: filtered and sorted in SQL, a page at a
time, with their owners, priorities, lead, deliverables and overdue actions, the
progress figures and the column widths the table needs.

A part of `Store` (see store.py), beside `Queries`; it needs the store's
connection (`db`), the plan's words (`info`) and the day overdue is counted on.
"""

from __future__ import annotations

import datetime as dt

from .model import LEAD, InitiativeView, Note, PlanInfo, deliverable_year
from .vocabulary import NOT_PRIORITISED


class InitiativeList:
    db: object  # the store's Connection
    info: PlanInfo
    today: str | None = None

    def day(self) -> str:
        """The day 'overdue' is counted on (ISO): today, unless set."""
        return self.today or dt.date.today().isoformat()

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

    def newest_change(self) -> tuple[int, str]:
        """(the history's newest row, the plan file synced): what a screen has seen
        once it read after this."""
        return (self.db.execute("SELECT coalesce(max(id), 0) FROM audit").fetchone()[0],
                self.meta("plan_sha256") or "")

    def changed_after(self, seen: tuple[int, str], most: int = 500
                      ) -> tuple[tuple[int, str], list[str] | None]:
        """(what is newest now, the initiatives people changed after `seen`), read
        from the history, so a screen reads again only those. None instead of the
        list when the plan itself changed (a sync, even of its words only; an
        import) or more than `most` rows came: then everything is read again."""
        newest = self.newest_change()
        if newest[1] != seen[1]:
            return newest, None
        rows = self.db.execute("SELECT id, initiative_id, source, action FROM audit "
                               "WHERE id > ? ORDER BY id LIMIT ?", [seen[0], most + 1]).fetchall()
        if not rows:
            return seen, []
        if len(rows) > most or any(r[2] == "sync" or r[3] == "import" for r in rows):
            return newest, None
        return (rows[-1][0], seen[1]), list(dict.fromkeys(r[1] for r in rows if r[1]))

    def late_by_objective(self) -> dict[str, int]:
        """Per objective (and "all"): how many of its current initiatives have an
        open action past its due date."""
        finished = [term.key for term in self.info.statuses if term.done or term.dropped]
        rows = self.db.execute(
            "SELECT i.objective_id, count(DISTINCT i.id) FROM initiatives i "
            "JOIN actions a ON a.initiative_id = i.id WHERE i.archived = 0 AND a.text != '' "
            f"AND a.due != '' AND a.due < ? AND a.status NOT IN ({','.join('?' * len(finished))}) "
            "GROUP BY i.objective_id", [self.day()] + finished).fetchall()
        out = dict(rows)
        out["all"] = sum(out.values())
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
                         "AND p.year = ? AND p.level != ?)")  # 'none': not a priority
            params += [year, NOT_PRIORITISED]
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
            "i.position, i.placement FROM initiatives i JOIN tracking t "
            "ON t.initiative_id = i.id"
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
                           r[10], r[11], provisional=r[13] == "provisional")
            for r in rows
        ]
        # A few (the archived, a page): read their rows only, not the whole tables.
        self._attach_tracking(views, only=ids is not None or len(views) <= 500)
        return views

    def list_columns(self, years: tuple[int, ...], **filters) -> dict[str, list]:
        """What `tracker list` shows and nothing more, in plan order, a list per
        column: "objective" (its id), "id", "name", "status", "owners" ('a,b' in
        the roster's order, or None), and "levels": a column per year of `years`
        (the level, or None). Three plain queries, no objects and no row built in
        Python: at 100,000 initiatives building the full views, or even a tuple
        per row, was most of the command's time."""
        where, params = self._filters(**filters)
        roster = _rank("owner", [r[0] for r in self.info.roster])
        owners: dict[str, str] = {}
        for ident, owner in self.db.execute(
                f"SELECT initiative_id, owner FROM owners ORDER BY {roster}, owner"):
            owners[ident] = f"{owners[ident]},{owner}" if ident in owners else owner
        by_year: dict[int, dict[str, str]] = {y: {} for y in years}
        for ident, year, level in self.db.execute(
                "SELECT initiative_id, year, level FROM priorities"):
            if year in by_year:
                by_year[year][ident] = level
        sql = ("SELECT i.objective_id, i.id, CASE i.short WHEN '' THEN i.title ELSE i.short "
               "END, t.status FROM initiatives i JOIN tracking t ON t.initiative_id = i.id")
        # An objective at a time, along the index (objective, archived, position): no
        # sort of the whole list, and never two objectives' initiatives interleaved.
        sql += " WHERE " + " AND ".join(["i.objective_id = ?", *where]) + " ORDER BY i.position"
        objectives = [filters["objective"]] if filters.get("objective") else \
            [r[0] for r in self.db.execute("SELECT id FROM objectives ORDER BY position")]
        rows = []
        for objective in objectives:
            rows += self.db.execute(sql, [objective, *params]).fetchall()
        objective, ids, names, statuses = map(list, zip(*rows)) if rows else ([], [], [], [])
        return {"objective": objective, "id": ids, "name": names, "status": statuses,
                "owners": list(map(owners.get, ids)),  # (map: no Python frame a row)
                "levels": [list(map(level.get, ids)) if level else [None] * len(ids)
                           for level in by_year.values()]}

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
        and owners (short names joined by ', '), the statuses and levels in use."""
        name, ident = self.db.execute(
            "SELECT max(length(CASE short WHEN '' THEN title ELSE short END)), "
            "max(length(id)) FROM initiatives").fetchone()
        shown = [(ident, len(self.info.owner_short(ident))) for ident, _ in self.info.roster]
        names = ("WITH names(owner, n) AS (VALUES " + ",".join(["(?, ?)"] * len(shown)) + ") "
                 if shown else "WITH names(owner, n) AS (SELECT NULL, NULL) ")
        owners = self.db.execute(  # as the table shows them: short names, ', ' between
            names + "SELECT max(n) FROM (SELECT sum(coalesce(names.n, length(o.owner))) "
            "+ 2 * (count(*) - 1) AS n FROM owners o LEFT JOIN names ON names.owner = o.owner "
            "GROUP BY o.initiative_id)", [v for pair in shown for v in pair]).fetchone()[0]
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
        for init_id, field_name, value in self.db.execute(
                f"SELECT initiative_id, field, value FROM initiative_values{where} "
                "ORDER BY rowid", params):  # as entered, whichever way the rows are found
            if init_id in by_id and value:
                if field_name == LEAD:
                    by_id[init_id].lead = value
                else:
                    by_id[init_id].deliverables[deliverable_year(field_name)] = value
        finished = [term.key for term in self.info.statuses if term.done or term.dropped]
        late = (f"{where} AND" if where else " WHERE") + (
            f" text != '' AND due != '' AND due < ? AND status NOT IN ({','.join('?' * len(finished))})")
        for init_id, count in self.db.execute(
                f"SELECT initiative_id, count(*) FROM actions{late} GROUP BY initiative_id",
                params + [self.day()] + finished):
            if init_id in by_id:
                by_id[init_id].overdue = count
        notes_where = where.replace("WHERE", "AND")
        for note_id, init_id, text, author, at in self.db.execute(
                "SELECT id, initiative_id, text, author, created_at FROM notes "
                "WHERE id IN (SELECT max(id) FROM notes WHERE withdrawn = 0"
                f"{notes_where} GROUP BY initiative_id)", params):
            if init_id in by_id:
                by_id[init_id].latest_note = Note(note_id, text, author, at)


def _rank(expression: str, keys: list[str]) -> str:
    """SQL for the position of `expression`'s value among `keys` (after them all if
    not there)."""
    cases = " ".join(f"WHEN '{key}' THEN {n}" for n, key in enumerate(keys)
                     if "'" not in key)  # keys are [a-z0-9_-]: never quoted, to be sure
    last = max(99, len(keys))  # after every key, however many the roster has
    return f"(CASE {expression} {cases} ELSE {last} END)" if cases else str(last)
