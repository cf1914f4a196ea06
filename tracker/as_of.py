"""What everything looked like at the end of a past day, told by the history.

Every tracking value is written with a history row (the one writer), so the
last row of each field on or before a day is its value that day. `AsOf` reads
like the store — initiatives, actions, decisions, objectives — for the reports,
so a document dated 01.02.2024 shows the statuses, owners, priorities, notes,
actions and decisions of that day, not today's. The plan's own words (titles,
objectives' names) are today's; where an initiative sat and whether it was
archived are that day's.
"""

from __future__ import annotations

from .errors import TrackerError
from .lookup import Day
from .committee import Committee
from .model import (HEADS, LEAD, OWNERS, STATUS, Action, AgendaItem, Decision,
                    InitiativeView, Meeting, Milestone, Note, deliverable_year, field_year,
                    split_item_field, split_record_field)
from .vocabulary import prioritised


class AsOf:
    """A read-only view of `store` as it was at the end of ISO day `date` (UTC)."""

    def __init__(self, store, date: str):
        self.store, self.date = store, date
        since = store.meta("history_from") or ""
        if date < since:  # never today's values under an old date
            raise TrackerError("err.history_from", date=Day(date), since=Day(since))
        first = (store.db.execute("SELECT min(at) FROM audit").fetchone()[0] or "")[:10]
        if first and date < first:  # before the first sync: an empty plan, said as such
            raise TrackerError("err.before_records", date=Day(date), since=Day(first))
        self.until = f"{date}T23:59:59Z"
        self.info = store.info
        self._read()
        self._records()

    # -- what the reports ask of a store ---------------------------------------------------
    def objectives(self, include_archived: bool = False):
        return self.store.objectives(include_archived)

    def check_year(self, year: int) -> None:
        self.store.check_year(year)

    def owner_id(self, text: str) -> str:
        return self.store.owner_id(text)

    def conflicts(self) -> list:
        return []  # open conflicts are today's business, not a past day's

    def history(self, initiative_id: str | None = None, since: str | None = None,
                limit: int | None = None):
        return [e for e in self.store.history(initiative_id, since=since)
                if e.at <= self.until][-limit if limit else None:]

    def initiatives(self, objective: str | None = None, owner: str | None = None,
                    year: int | None = None, archived: bool | None = False, **_) -> list:
        owner_id = self.owner_id(owner) if owner else None
        return [v for v in self.views
                if (archived is None or v.archived == archived)
                and (objective is None or v.objective_id == objective)
                and (owner_id is None or owner_id in v.owners)
                and (year is None or prioritised(v.priorities.get(year)))]

    def actions(self, initiative_id: str | None = None, year: int | None = None,
                owner: str | None = None, archived: bool = False, **_) -> list[Action]:
        owner_id = self.owner_id(owner) if owner else None
        return [a for a in self._actions
                if (initiative_id is None or a.initiative_id == initiative_id)
                and (year is None or a.year == year)
                and (owner_id is None or owner_id in a.owners)
                and (archived or not a.archived)]

    def decisions(self, initiative_id: str | None = None,
                  archived: bool = False) -> list[Decision]:
        return [d for d in self._decisions
                if (initiative_id is None or d.initiative_id == initiative_id)
                and (archived or not d.archived)]

    # -- the committee's records, as they were ----------------------------------------------
    def meetings(self, body: str | None = None, year: int | None = None) -> list[Meeting]:
        body_id = self.store.body_id(body) if body is not None else None
        return [m for m in self._meetings if (body_id is None or m.body == body_id)
                and (year is None or m.date[:4] == f"{year:04d}")]

    def agenda(self, meeting_id: int | None = None) -> list[AgendaItem]:
        return [i for i in self._agenda if meeting_id is None or i.meeting_id == meeting_id]

    def milestones(self, year: int | None = None) -> list[Milestone]:
        return [m for m in self._milestones if year is None or m.date[:4] == f"{year:04d}"]

    # Made of meetings(), milestones() and actions() above, as the store's is.
    timeline = Committee.timeline

    def _records(self) -> None:
        found: dict[tuple[str, int], dict[str, str]] = {}
        for field, new in self.store.db.execute(
                "SELECT a.field, a.new FROM audit a JOIN (SELECT max(id) AS last FROM audit "
                "WHERE at <= ? AND initiative_uid IS NULL GROUP BY field) l ON a.id = l.last",
                [self.until]):
            record = split_record_field(field)
            if record:
                found.setdefault(record[:2], {})[record[2]] = new or ""
        self._meetings, self._agenda, self._milestones = [], [], []
        for (kind, number), attrs in sorted(found.items(), key=lambda kv: kv[0][1]):
            if not attrs.get(HEADS[kind]):
                continue  # not there that day
            if kind == "meeting":
                self._meetings.append(Meeting(number, attrs["date"], attrs.get("body", ""),
                                              attrs.get("title", "")))
            elif kind == "item" and attrs.get("meeting", "").isdigit():
                self._agenda.append(AgendaItem(number, int(attrs["meeting"]),
                                               self.store.current_id(attrs.get("initiative"))
                                               or "", attrs["text"], attrs.get("kind", ""),
                                               attrs.get("outcome", "")))
            elif kind == "milestone":
                self._milestones.append(Milestone(
                    number, attrs.get("date", ""), attrs["text"],
                    self.store.current_id(attrs.get("initiative")) or ""))
        self._meetings.sort(key=lambda m: (m.date, m.id))
        self._milestones.sort(key=lambda m: (m.date, m.id))

    # -- the history replayed ------------------------------------------------------------------
    def _read(self) -> None:
        db = self.store.db
        now = {uid: row for uid, *row in db.execute(
            "SELECT uid, id, objective_id, title, short, kind, description, also_supports, "
            "position, placement FROM initiatives")}
        # The last history row of each field on or before the day, found by SQL
        # (an index on the history's order; no replay row by row).
        values: dict[int, dict[str, str]] = {}
        for uid, field, new in db.execute(
                "SELECT a.initiative_uid, a.field, a.new FROM audit a JOIN ("
                "SELECT max(id) AS last FROM audit WHERE at <= ? AND initiative_uid IS NOT NULL "
                "AND field != 'note' GROUP BY initiative_uid, field) l ON a.id = l.last",
                [self.until]):
            values.setdefault(uid, {})[field] = new if new is not None else ""
        notes: dict[int, tuple] = {}  # uid → its latest note that day, not withdrawn
        for uid, note_id, text, author, at in db.execute(
                "SELECT a.initiative_uid, n.id, n.text, n.author, n.created_at FROM audit a "
                "JOIN (SELECT max(id) AS last FROM audit WHERE field = 'note' AND at <= ? "
                "GROUP BY ref) l ON a.id = l.last JOIN notes n ON n.id = a.ref "
                "WHERE a.new IS NOT NULL ORDER BY n.id", [self.until]):
            notes[uid] = (note_id, text, author, at)
        changed = {uid: (at, who, version) for uid, at, who, version in db.execute(
            "SELECT initiative_uid, at, who, version FROM audit WHERE id IN (SELECT max(id) "
            "FROM audit WHERE at <= ? AND version IS NOT NULL AND initiative_uid IS NOT NULL "
            "GROUP BY initiative_uid)", [self.until])}
        info, views, by_uid = self.info, [], {}
        self.rank = {owner: n for n, (owner, _) in enumerate(info.roster)}
        order = {o.id: n for n, o in enumerate(self.store.objectives(include_archived=True))}
        for uid, fields in values.items():
            if uid not in now:  # (a row of its history on or before the day: it existed)
                continue
            ident, objective, title, short, kind, description, also, position, placement = \
                now[uid]
            at, who, version = changed.get(uid, (None, None, 1))
            view = InitiativeView(
                ident, fields.get("objective") or fields.get("added") or objective, title,
                short, kind, description, tuple(filter(None, also.split(","))),
                fields.get("archived") == "1", fields.get(STATUS) or info.first_status,
                version, at, who, self.owners(fields.get(OWNERS, "")),
                provisional=placement == "provisional", lead=fields.get(LEAD, ""))
            for name, value in fields.items():
                if field_year(name) is not None and value:
                    view.priorities[field_year(name)] = value
                elif name.startswith("deliverable:") and value:
                    view.deliverables[deliverable_year(name)] = value
            if uid in notes:
                view.latest_note = Note(*notes[uid])
            views.append((order.get(view.objective_id, 99), position, view))
            by_uid[uid] = view
        self.views = [view for *_, view in sorted(views, key=lambda v: v[:2])]
        self._actions, self._decisions = [], []
        for uid, fields in values.items():
            if uid in by_uid:
                self._items(by_uid[uid], fields)
        self._actions.sort(key=lambda a: (a.year, a.due == "", a.due, a.id))
        self._decisions.sort(key=lambda d: (d.date, d.id))

    def owners(self, text: str) -> tuple[str, ...]:
        """Owners in the roster's order, as the store gives them."""
        return tuple(sorted(filter(None, text.split(",")),
                            key=lambda o: (self.rank.get(o, 1e9), o)))

    def _items(self, view: InitiativeView, fields: dict[str, str]) -> None:
        """The initiative's actions and decisions as they were (text '': not there)."""
        found: dict[tuple[str, int], dict[str, str]] = {}
        for name, value in fields.items():
            item = split_item_field(name)
            if item:
                found.setdefault(item[:2], {})[item[2]] = value
        for (kind, item_id), attrs in sorted(found.items()):
            if not attrs.get("text"):
                continue
            if kind == "action":
                year = attrs.get("year", "")
                self._actions.append(Action(
                    item_id, view.id, int(year) if year.isdigit() else 0, attrs["text"],
                    self.owners(attrs.get("owners", "")),
                    attrs.get("due", ""), attrs.get("status") or self.info.first_status,
                    archived=view.archived, lead=attrs.get("lead", "")))
            else:
                self._decisions.append(Decision(
                    item_id, view.id, attrs.get("date", ""), attrs["text"], attrs.get("by", ""),
                    view.archived, attrs.get("meeting", "")))

