"""The committee's records: meetings of a body, the items on their agendas, and
milestones; and the timeline they make with the actions' due dates.

Records belong to the plan as a whole, not to one initiative: each change is
one `Write` to the store's one writer with no initiative (`write(None, …)`),
so it is audited, versioned and undone like every other edit.

A part of `Store` (see store.py); it needs the writer and the reads.
"""

from __future__ import annotations

from . import lookup
from .errors import Said, TrackerError
from .model import (AGENDA_KINDS, HEADS, RECORDS, AgendaItem, Meeting, Milestone, TimelineEntry,
                    Write, record_field, split_record_field)

RECORD_TABLES = {"meeting": "meetings", "item": "agenda_items", "milestone": "milestones"}


class Committee:
    # -- reads --------------------------------------------------------------------------
    def meetings(self, body: str | None = None, year: int | None = None) -> list[Meeting]:
        """Meetings by date, then as recorded."""
        where, params = ["date != ''"], []
        if body is not None:
            where.append("body = ?")
            params.append(self.body_id(body))
        if year is not None:
            where.append("substr(date, 1, 4) = ?")
            params.append(f"{year:04d}")
        return [Meeting(*r) for r in self.db.execute(
            "SELECT id, date, body, title, key FROM meetings WHERE " + " AND ".join(where)
            + " ORDER BY date, id", params)]

    def meeting(self, text: str, body: str | None = None) -> Meeting:
        """A meeting by its number or its date (with the body, where two bodies meet
        that day)."""
        text = text.strip()
        if text.isascii() and text.isdigit():
            found = [m for m in self.meetings() if m.id == int(text)]
        else:
            date = lookup.check_iso_date(text)
            found = [m for m in self.meetings(body) if m.date == date]
        if not found:
            raise TrackerError("err.unknown_meeting", meeting=text if text.isdigit()
                               else lookup.Day(text))
        if len(found) > 1:
            raise TrackerError("err.meetings_that_day", meeting=lookup.Day(text),
                               ids=", ".join(f"{m.id} ({self.info.body_name(m.body)})"
                                             for m in found))
        return found[0]

    def previous_meeting(self, before: str, body: str | None = None) -> Meeting | None:
        """The body's last meeting before ISO date `before`."""
        found = [m for m in self.meetings(body) if m.date < before]
        return found[-1] if found else None

    def next_meeting(self, today: str, body: str | None = None) -> Meeting | None:
        """The first meeting on or after ISO date `today`."""
        return next((m for m in self.meetings(body) if m.date >= today), None)

    def agenda(self, meeting_id: int | None = None) -> list[AgendaItem]:
        """Agenda items (of one meeting), in the order they were put on."""
        sql = ("SELECT id, meeting, initiative, text, kind, outcome FROM agenda_items "
               "WHERE text != ''")
        params: list = []
        if meeting_id is not None:
            sql += " AND meeting = ?"
            params.append(str(meeting_id))
        return [AgendaItem(r[0], int(r[1]), r[2], r[3], r[4], r[5])
                for r in self.db.execute(sql + " ORDER BY id", params)]

    def milestones(self, year: int | None = None) -> list[Milestone]:
        sql = "SELECT id, date, text, initiative, key FROM milestones WHERE text != ''"
        params: list = []
        if year is not None:
            sql += " AND substr(date, 1, 4) = ?"
            params.append(f"{year:04d}")
        return [Milestone(*r) for r in self.db.execute(sql + " ORDER BY date, id", params)]

    def timeline(self, today: str, year: int | None = None) -> list[TimelineEntry]:
        """Meetings, milestones and actions' due dates in date order."""
        entries = [TimelineEntry(m.date, "meeting", m.title, "", m.body, ref=m.id)
                   for m in self.meetings(year=year)]
        entries += [TimelineEntry(m.date, "milestone", m.text, m.initiative_id, ref=m.id)
                    for m in self.milestones(year)]
        info = self.info
        entries += [TimelineEntry(a.due, "action", a.text, a.initiative_id,
                                  overdue=a.overdue(today, info), ref=a.id)
                    for a in self.actions() if a.due
                    and (year is None or a.due[:4] == f"{year:04d}")]
        order = {"meeting": 0, "milestone": 1, "action": 2}
        return sorted(entries, key=lambda e: (e.date, order[e.kind], e.ref))

    def current_id(self, ident: str | None) -> str | None:
        """The id an initiative called `ident` has now (it follows renames)."""
        for _ in range(100):  # a chain of renames, never a loop
            row = self.db.execute("SELECT new FROM audit WHERE field = 'id' AND old = ? "
                                  "ORDER BY id DESC LIMIT 1", [ident]).fetchone() \
                if ident else None
            if row is None or row[0] == ident:
                return ident
            ident = row[0]
        return ident

    def check_record_revert(self, field_name: str, old: str | None) -> None:
        """An undo that would take a meeting off while its agenda has items (perhaps
        another person's) is refused: they would vanish from sight."""
        found = split_record_field(field_name)
        if found and found[0] == "meeting" and found[2] == HEADS["meeting"] and not old:
            self._refuse_if_items(found[1])

    def _refuse_if_items(self, meeting_id: int) -> None:
        count = len(self.agenda(meeting_id))
        if count:
            raise TrackerError("err.meeting_has_items", id=meeting_id, count=count)

    def record_keys(self, kind: str) -> dict[str, int]:
        """key → id of the records of `kind` a plan file declared."""
        return dict(self.db.execute(f"SELECT key, id FROM {RECORD_TABLES[kind]} "
                                    "WHERE key IS NOT NULL"))

    def next_record_id(self, kind: str) -> int:
        return self.db.execute(f"SELECT coalesce(max(id), 0) + 1 FROM {RECORD_TABLES[kind]}"
                               ).fetchone()[0]

    # -- what people type ------------------------------------------------------------------
    def body_id(self, text: str) -> str:
        """A body by its id or name, in any case."""
        wanted = text.strip().casefold()
        for ident, name in self.info.bodies:
            if wanted in (ident.casefold(), name.casefold()):
                return ident
        raise TrackerError("err.unknown_body", body=lookup.one_line(text),
                           bodies=", ".join(f"{i} ({n})" for i, n in self.info.bodies))

    @staticmethod
    def agenda_kind(text: str) -> str:
        """decision / discussion / information, from the English or Danish word."""
        wanted = text.strip().casefold()
        for word in ("til ", "for "):  # "til beslutning", as the screens say it
            wanted = wanted.removeprefix(word).strip()
        danish = {"beslutning": "decision", "drøftelse": "discussion",
                  "orientering": "information"}
        kind = danish.get(wanted, wanted)
        if kind not in AGENDA_KINDS:
            raise TrackerError("err.agenda_kind", kind=lookup.one_line(text),
                               hint=Said("hint.agenda_kinds"))
        return kind

    # -- writes: each one `Write` of the plan's records to the one writer ---------------------
    def add_meeting(self, date: str, body: str | None, who: str, source: str,
                    title: str = "") -> int:
        """A meeting of `body` (None: the plan's first body) on ISO `date`."""
        if body is None and not self.info.bodies:
            raise TrackerError("err.unknown_body", body="–", bodies="–")
        values = {"date": lookup.check_iso_date(date),
                  "body": self.body_id(body) if body is not None else self.info.bodies[0][0],
                  "title": lookup.check_item_text(title) if title.strip() else ""}
        with self.transaction():
            same = [m for m in self.meetings(values["body"]) if m.date == values["date"]]
            if same:  # one meeting of a body a day: a date then names it
                raise TrackerError("err.meeting_exists", id=same[0].id,
                                   body=self.info.body_name(values["body"]),
                                   date=lookup.Day(values["date"]))
            return self._add_record("meeting", values, who, source)

    def add_agenda_item(self, meeting: str, initiative_id: str, text: str, kind: str,
                        who: str, source: str, body: str | None = None) -> int:
        found = self.meeting(meeting, body)
        if initiative_id:
            self.check_editable(initiative_id)
        values = {"meeting": str(found.id), "initiative": initiative_id,
                  "text": lookup.check_item_text(text), "kind": self.agenda_kind(kind),
                  "outcome": ""}
        return self._add_record("item", values, who, source)

    def decide_item(self, item_id: int, outcome: str, who: str, source: str) -> None:
        """Record what the meeting decided on an agenda item ('' takes it back)."""
        item = next((i for i in self.agenda() if i.id == item_id), None)
        if item is None:
            raise TrackerError("err.unknown_item", item=item_id)
        outcome = " ".join(outcome.split())
        if outcome:
            lookup.check_item_text(outcome)
            held = next((m.date for m in self.meetings() if m.id == item.meeting_id), "")
            if held > self.day():  # (the implementation plan would say it was approved)
                raise TrackerError("err.meeting_not_held", date=lookup.Day(held))
        self.write(None, Write(values={record_field("item", item_id, "outcome"): outcome}),
                   who, source, "edit")

    def add_milestone(self, date: str, text: str, who: str, source: str,
                      initiative_id: str = "") -> int:
        if initiative_id:
            self.check_editable(initiative_id)
        text = " ".join(lookup.check_item_text(text).split())
        if len(text) > lookup.MAX_DELIVERABLE:  # a line on the timeline, as in the plan
            raise TrackerError("err.milestone_long", length=len(text),
                               most=lookup.MAX_DELIVERABLE)
        values = {"date": lookup.check_iso_date(date), "text": text,
                  "initiative": initiative_id}
        return self._add_record("milestone", values, who, source)

    def remove_record(self, kind: str, record_id: int, who: str, source: str) -> None:
        """Take a meeting, an agenda item or a milestone off (undo brings it back). A
        record the plan file declares is changed there."""
        if not 0 < record_id < 2 ** 63:  # no such number here
            raise TrackerError(f"err.unknown_{kind}", **{kind: record_id})
        with self.transaction():
            row = self.db.execute(f"SELECT {HEADS[kind]}, {'key' if kind != 'item' else 'NULL'} "
                                  f"FROM {RECORD_TABLES[kind]} WHERE id = ?",
                                  [record_id]).fetchone()
            if row is None or row[0] == "":
                raise TrackerError(f"err.unknown_{kind}", **{kind: record_id})
            if row[1] is not None:
                raise TrackerError("err.record_from_plan", id=record_id)
            if kind == "meeting":
                self._refuse_if_items(record_id)
            self.write(None, Write(values={record_field(kind, record_id, HEADS[kind]): ""}),
                       who, source, "edit")

    def _add_record(self, kind: str, values: dict[str, str], who: str, source: str) -> int:
        with self.transaction():
            record_id = self.next_record_id(kind)
            self.write(None, Write(values={record_field(kind, record_id, attr): values[attr]
                                           for attr in RECORDS[kind]}), who, source, "edit")
        return record_id
