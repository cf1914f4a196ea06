"""The plain types every layer shares: no SQL, no words, no screen.

The store returns these; `present.py` turns them into sentences.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field

from .vocabulary import Term

# The tracking fields a plan may declare, in their text form: the status key,
# owners as 'a,b' (sorted), and a level (or '') for `priority:<year>`.
STATUS, OWNERS = "status", "owners"


def display_name(short: str, title: str) -> str:
    """The one rule for what an initiative is called where a person reads it: its
    short name, else its title (the plan's words, never its id)."""
    return short or title


def priority_field(year: int) -> str:
    return f"priority:{year}"


def field_year(field_name: str) -> int | None:
    """The year of a `priority:<year>` field, else None."""
    if field_name.startswith("priority:"):
        return int(field_name.split(":", 1)[1])
    return None


# The lead party (tovholder): one of the owners' roster, or ''. What is to be
# delivered in a plan year (leverance): a short text per year, like a priority.
LEAD = "lead"


def deliverable_field(year: int) -> str:
    return f"deliverable:{year}"


def deliverable_year(field_name: str) -> int | None:
    """The year of a `deliverable:<year>` field, else None."""
    if field_name.startswith("deliverable:"):
        return int(field_name.split(":", 1)[1])
    return None


def is_extra_field(field_name: str) -> bool:
    """The lead and the deliverables: kept as text, one row a field."""
    return field_name == LEAD or field_name.startswith("deliverable:")


# The committee's own records, of the plan as a whole rather than one initiative:
# meetings of a body, the items on a meeting's agenda, and milestones of the
# timeline. Each attribute is a field `meeting:<id>:<attr>` written by the one
# writer with no initiative (initiative_id None). '' in its head attribute
# (HEADS) means the record is not there.
RECORDS = {"meeting": ("date", "body", "title"),
           "item": ("meeting", "initiative", "text", "kind", "outcome"),
           "milestone": ("date", "text", "initiative")}
HEADS = {"action": "text", "decision": "text", "meeting": "date", "item": "text",
         "milestone": "text"}
AGENDA_KINDS = ("decision", "discussion", "information")
# A plan that names no bodies: the committee every praksisplan has.
DEFAULT_BODIES = (("ppu", "Praksisplanudvalget"),)


def record_field(kind: str, record_id: int, attr: str) -> str:
    return f"{kind}:{record_id}:{attr}"


def split_record_field(field_name: str) -> tuple[str, int, str] | None:
    """('meeting', 3, 'date') for 'meeting:3:date', else None."""
    parts = field_name.split(":")
    if len(parts) == 3 and parts[0] in RECORDS and parts[1].isdigit() \
            and parts[2] in RECORDS[parts[0]]:
        return parts[0], int(parts[1]), parts[2]
    return None


# Actions (steps of the yearly implementation plan) and decisions are records
# under an initiative; each of their attributes is a field of that initiative,
# `action:<id>:<attr>`, so the one writer, the history, undo and the merge rule
# treat them like any other value. A record whose text is '' is not there
# (never added, removed, or its adding undone).
ITEMS = {"action": ("text", "year", "owners", "due", "status", "lead"),
         "decision": ("text", "date", "by", "meeting")}


def item_field(kind: str, item_id: int, attr: str) -> str:
    return f"{kind}:{item_id}:{attr}"


def split_item_field(field_name: str) -> tuple[str, int, str] | None:
    """('action', 3, 'status') for 'action:3:status', else None."""
    parts = field_name.split(":")
    if len(parts) == 3 and parts[0] in ITEMS and parts[1].isdigit() \
            and parts[2] in ITEMS[parts[0]]:
        return parts[0], int(parts[1]), parts[2]
    return None


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
    lead: str = ""
    deliverables: dict[int, str] = field(default_factory=dict)
    provisional: bool = False  # its place under the objective is assumed, not agreed
    overdue: int = 0  # how many of its open actions are past their due date

    @property
    def name(self) -> str:
        return display_name(self.short, self.title)

    @property
    def participants(self) -> tuple[str, ...]:
        """The owners besides the lead."""
        return tuple(o for o in self.owners if o != self.lead)


@dataclass(frozen=True)
class Action:
    """A step of the yearly implementation plan: who does what by when."""

    id: int
    initiative_id: str
    year: int
    text: str
    owners: tuple[str, ...]
    due: str  # ISO date or ''
    status: str
    key: str | None = None  # the id a plan file declares it by
    archived: bool = False  # its initiative is gone from the plan (record kept)
    lead: str = ""  # the owner who leads it (tovholder), or ''

    def overdue(self, date: str, info: "PlanInfo") -> int:
        """Days past its due date on `date` (ISO), 0 if not due or finished."""
        term = info.status(self.status)
        if not self.due or self.due >= date or term.done or term.dropped:
            return 0
        import datetime as dt

        return (dt.date.fromisoformat(date) - dt.date.fromisoformat(self.due)).days


@dataclass(frozen=True)
class Decision:
    """What a body (e.g. Praksisplanudvalget) decided about an initiative, when."""

    id: int
    initiative_id: str
    date: str
    text: str
    by: str
    archived: bool = False  # its initiative is gone from the plan (record kept)
    meeting: str = ""  # the meeting it was taken at (its number), if recorded there


@dataclass(frozen=True)
class Meeting:
    """A meeting of a body (e.g. Praksisplanudvalget) on a date."""

    id: int
    date: str
    body: str  # the body's id
    title: str = ""
    key: str | None = None  # declared by the plan file (changed there, not here)


@dataclass(frozen=True)
class AgendaItem:
    """A point on a meeting's agenda: for decision, discussion or information."""

    id: int
    meeting_id: int
    initiative_id: str  # '' for the plan as a whole
    text: str
    kind: str  # one of AGENDA_KINDS
    outcome: str = ""  # what the meeting decided on it, once recorded


@dataclass(frozen=True)
class Milestone:
    id: int
    date: str
    text: str
    initiative_id: str = ""  # '' for the plan as a whole
    key: str | None = None


@dataclass(frozen=True)
class TimelineEntry:
    """One dated thing on the timeline: a meeting, a milestone or an action's due date."""

    date: str
    kind: str  # meeting / milestone / action
    text: str
    initiative_id: str = ""
    body: str = ""
    overdue: int = 0  # days past due (actions not finished)
    ref: int = 0  # the record's id


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
    """One row of the history. `initiative_id` is the initiative's id *now*
    (it follows renames); `recorded_id` the id it had when this happened."""

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
    recorded_id: str | None = None
    reverts: int | None = None  # for an undo or redo: the edit it turns back
    # An action or decision added or removed: its other attributes, (attr, value)
    # (`present.fold` puts them here so the history says it in one line).
    details: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Conflict:
    initiative_id: str
    field: str
    plan_value: str
    tracker_value: str
    base_value: str


@dataclass(frozen=True)
class FieldChange:
    """A field as it was and as it became: for stale-edit and undo reports."""

    field: str
    old: str | None
    new: str | None
    who: str = ""


@dataclass(frozen=True)
class Reverted:
    """What an undo or redo did: the data `present.reverted` makes a sentence of."""

    action: str  # undo / redo
    initiative_id: str
    changes: tuple[FieldChange, ...]


@dataclass(frozen=True)
class UnknownWord:
    """A stored status or level the plan's vocabulary no longer has."""

    initiative_id: str
    field: str  # status or priority:<year>
    value: str


@dataclass(frozen=True)
class SyncLine:
    """One thing a sync or an import did or found. `sign`: + added, ~ changed,
    - archived, ! conflict, ? worth knowing (a value the plan's words or period
    no longer have). `id` is the initiative's or objective's id ('' for the plan
    itself); `kind` and `data` say what, for `present.sync_line` to word."""

    sign: str
    id: str
    kind: str
    data: dict = field(default_factory=dict)


@dataclass
class Change:
    """What one edit asks for. Labels are accepted where keys are."""

    status: str | None = None
    owners: list[str] | None = None  # replaces the owners
    add_owners: list[str] = field(default_factory=list)
    remove_owners: list[str] = field(default_factory=list)
    priorities: dict[int, str | None] = field(default_factory=dict)  # None clears
    note: str | None = None
    lead: str | None = None  # '' clears
    deliverables: dict[int, str] = field(default_factory=dict)  # '' clears

    def is_empty(self) -> bool:
        return (self.status is None and self.owners is None and not self.add_owners
                and not self.remove_owners and not self.priorities and self.note is None
                and self.lead is None and not self.deliverables)


@dataclass(frozen=True)
class NewNote:
    text: str
    author: str | None = None  # None: whoever makes the write
    at: str | None = None  # None: the write's time


@dataclass
class Write:
    """Everything one tracking change does to one initiative; the store's one
    writer (`Store.write`) applies it in one transaction with its audit rows.

    values     field → new value (text form); written and audited if different
    notes      notes to add
    withdrawn  note id → withdrawn? (undo and redo of a note)
    bases      field → the plan's value now counted as seen (the merge base)
    conflicts  conflicts a sync found (recorded until settled)
    replace_conflicts  the initiative's open conflicts are replaced by `conflicts`
               (a sync finds them afresh)
    settle     an edited field in conflict settles it: the edit decides
    settled    fields whose conflict this write settles even if their value stays
               (`tracker resolve … --keep`): each gets a history row
    scope      with an expected version: only changes of fields starting with
               this make the write stale (an action's edit is not refused
               because somebody edited another action or the status)
    """

    values: dict[str, str] = field(default_factory=dict)
    notes: list[NewNote] = field(default_factory=list)
    withdrawn: dict[int, bool] = field(default_factory=dict)
    bases: dict[str, str] = field(default_factory=dict)
    conflicts: list[Conflict] = field(default_factory=list)
    replace_conflicts: bool = False
    settle: bool = True
    settled: tuple[str, ...] = ()
    scope: str | None = None


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
    # (id, number, Danish short title, English title) of each objective, for words
    objectives: tuple[tuple[str, int, str, str], ...] = ()
    parties: tuple[str, ...] = ()  # which of the roster are parties (the rest: people)
    bodies: tuple[tuple[str, str], ...] = ()  # (id, name) of the committees that meet
    adopted_source: str = ""  # where the adoption date is stated
    follows: str = ""  # the file of the plan this one follows, as the plan names it
    shorts: tuple[tuple[str, str], ...] = ()  # (id, short name) of those that have one

    @property
    def years(self) -> list[int]:
        return list(range(self.start, self.end + 1))

    @property
    def period_end(self) -> str:
        """The last day of the period (ISO)."""
        return f"{self.end}-12-31"

    def ended(self, today: str) -> bool:
        """Is ISO date `today` after the plan period?"""
        return today > self.period_end

    def this_year(self, today: str) -> int | None:
        """The plan year `today` falls in; None before or after the period (no
        default pretends the last year is this year)."""
        year = int(today[:4])
        return year if self.start <= year <= self.end else None

    def body_name(self, body_id: str) -> str:
        return dict(self.bodies).get(body_id, body_id)

    def plan_year(self, today: str) -> int:
        """The plan year to work on at ISO date `today`: its year, kept inside the
        period (after the period: its last year)."""
        return min(max(int(today[:4]), self.start), self.end)

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

    def knows_status(self, key: str) -> bool:
        return any(term.key == key for term in self.statuses)

    def knows_level(self, key: str) -> bool:
        return any(term.key == key for term in self.levels)

    @functools.cached_property
    def _names(self) -> dict[str, str]:
        return dict(self.roster)

    def owner_name(self, owner_id: str) -> str:
        return self._names.get(owner_id, owner_id)

    def owner_short(self, owner_id: str) -> str:
        """The name a narrow column shows: the short name, else the name."""
        return dict(self.shorts).get(owner_id) or self.owner_name(owner_id)

    def objective(self, objective_id: str) -> tuple[int, str, str] | None:
        """(number, Danish short title, English title), or None if unknown."""
        for ident, number, short, title_en in self.objectives:
            if ident == objective_id:
                return number, short, title_en
        return None

    def nothing(self, field_name: str) -> str:
        """A field's value when nobody set it: for an initiative's or an action's
        status the first status word, else ''."""
        item = split_item_field(field_name)
        status = field_name == STATUS or (item is not None and item[::2] == ("action", "status"))
        return self.first_status if status else ""

    @property
    def first_status(self) -> str:
        """What a new initiative or action starts with."""
        return self.statuses[0].key

    def to_json(self) -> str:
        return json.dumps({
            "title": self.title, "region": self.region, "start": self.start,
            "end": self.end, "adopted": self.adopted,
            "statuses": [t.__dict__ for t in self.statuses],
            "levels": [t.__dict__ for t in self.levels],
            "roster": [list(r) for r in self.roster], "parties": list(self.parties),
            "bodies": [list(b) for b in self.bodies], "adopted_source": self.adopted_source,
            "follows": self.follows, "shorts": [list(s) for s in self.shorts],
        }, ensure_ascii=False, sort_keys=True)  # objectives: the store has them

    @classmethod
    def from_json(cls, text: str) -> "PlanInfo":
        d = json.loads(text)
        # Recorded before `dropped` existed: the default word for it is 'dropped'.
        statuses = tuple(Term(**{"dropped": t["key"] == "dropped",
                                 "attention": t["key"] in ("delayed", "on_hold"), **t})
                         for t in d["statuses"])
        return cls(d["title"], d["region"], d["start"], d["end"], d["adopted"], statuses,
                   tuple(Term(**t) for t in d["levels"]),
                   tuple(tuple(r) for r in d["roster"]),
                   parties=tuple(d.get("parties", [r[0] for r in d["roster"]])),
                   bodies=tuple(tuple(b) for b in d.get("bodies", DEFAULT_BODIES)),
                   adopted_source=d.get("adopted_source", ""), follows=d.get("follows", ""),
                   shorts=tuple(tuple(s) for s in d.get("shorts", [])))

    @classmethod
    def from_plan(cls, plan) -> "PlanInfo":
        return cls(plan.title, plan.region, plan.start, plan.end, plan.adopted,
                   plan.statuses, plan.levels, tuple((p.id, p.name) for p in plan.roster),
                   tuple((o.id, o.number, display_name(o.short, o.title), o.title_en)
                         for o in plan.objectives), tuple(p.id for p in plan.parties),
                   plan.bodies, plan.adopted_source, plan.follows,
                   tuple((p.id, p.short) for p in plan.roster if p.short))
