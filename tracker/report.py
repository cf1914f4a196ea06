"""The status report's content: a pure function of the database, as plain data.

`build(store, ...)` gathers the content once; `markdown()` (status_note.py) and
`to_json()` render it; the implementation plan is plan_document.py's. The same database gives byte-identical output (the date is an
argument), so reports diff cleanly in git.
"""

from __future__ import annotations

import collections
import functools
import json

from . import meeting_words, present
from .changes import changes_since, folded_changes
from .status_note import markdown  # noqa: F401 — the status note, made of this content
from .md import action_row, status_word
from .plan_document import implementation_markdown, implementation_plan  # noqa: F401
from .bulk import collector_paused
from .model import InitiativeView, display_name
from .present import visible_json
from .store import Store
from .vocabulary import prioritised


@collector_paused()
def build(store: Store, date: str, year: int | None = None, owner: str | None = None,
          since: str | None = None, meeting=None) -> dict:
    """Everything the report shows, as plain data (the JSON format is exactly this),
    in the chosen language."""
    info = store.info
    years = [year] if year is not None else info.years
    owner_id = store.owner_id(owner) if owner else None
    if year is not None:
        store.check_year(year)

    def wanted(views: list[InitiativeView]) -> list[InitiativeView]:
        return [v for v in views
                if (owner_id is None or owner_id in v.owners)
                and (year is None or prioritised(v.priorities.get(year)))]

    status_label = functools.lru_cache(maxsize=None)(  # a few words, asked on every row
        functools.partial(status_word, info))

    objective_names = {o[0]: present.objective(info, o[0]) for o in info.objectives}
    terms = {term.key: term for term in info.statuses}
    year_keys = [(y, str(y)) for y in years]
    owner_entries = {o: {"id": o, "name": name} for o, name in info.roster}

    def term(key: str):
        return terms.get(key) or info.status(key)

    def row(v: InitiativeView) -> dict:
        status = term(v.status)
        note = v.latest_note
        return {
            "id": v.id, "name": v.name, "title": v.title, "short": v.short, "kind": v.kind,
            "description": v.description, "objective": v.objective_id,
            "also_supports": [{"id": o, "name": objective_names.get(o, o)}
                              for o in v.also_supports],
            "owners": meeting_words.owner_entries(info, v) if v.lead else
            [owner_entries.get(o) or {"id": o, "name": o} for o in v.owners],
            "status": status.key, "status_label": status_label(status.key),
            "done": status.done, "dropped": status.dropped,
            "priorities": {text: v.priorities.get(y, "") for y, text in year_keys},
            "lead_name": info.owner_name(v.lead) if v.lead else "", "lead_id": v.lead,
            "deliverables": {str(y): text for y, text in v.deliverables.items()},
            "latest_note": None if note is None else
            {"text": note.text, "author": note.author, "at": note.created_at},
        }

    all_views = store.initiatives()
    by_objective: dict[str, list[InitiativeView]] = {}
    for v in all_views:
        by_objective.setdefault(v.objective_id, []).append(v)
    objectives = []
    for objective in store.objectives():
        views = wanted(by_objective.get(objective.id, []))
        counted = [s for s in map(term, (v.status for v in views)) if not s.dropped]
        objectives.append({
            "id": objective.id, "number": objective.number,
            "name": present.objective_title(info, objective.id),
            "title": objective.title,
            "done": sum(1 for s in counted if s.done),
            "total": len(counted),
            "initiatives": [row(v) for v in views],
        })
    shown = [i for o in objectives for i in o["initiatives"]]
    counts = collections.Counter(i["status"] for i in shown)
    unknown = sorted(key for key in counts if not info.knows_status(key))
    conflicts = store.conflicts()
    names = {v.id: v.name for v in all_views}
    actions = [action_row(info, a, names, date) for a in store.actions()
               if owner_id is None or owner_id in a.owners]
    plan_year = year if year is not None else info.plan_year(date)
    return {
        "plan": meeting_words.plan_facts(info, date, all_views),
        "date": date,
        "filters": {"year": year, "owner": owner_id},
        "owner_names": dict(info.roster),
        "years": years,
        "levels": {term.key: present.level(info, term.key) for term in info.levels},
        "statuses": [{"key": key, "label": status_label(key), "count": counts[key]}
                     for key in [term.key for term in info.statuses] + unknown],
        "objectives": objectives,
        "archived": [row(v) for v in wanted(store.initiatives(archived=True))],
        "attention": {
            "overdue": sorted((a for a in actions if a["overdue_days"]),
                              key=lambda a: (-a["overdue_days"], a["id"])),
            "initiatives": [i for i in shown if term(i["status"]).attention],
            "conflicts": len(conflicts),
        },
        "plan_year": plan_year,
        "by_party": by_party(info, shown, [a for a in actions if a["year"] == plan_year],
                             owner_id),
        "since": since,
        "changes": changes_since(store, since, objectives) if since else [],
        "folded": folded_changes(store, since, objectives) if since else [],
        "meeting": agenda_of(store, meeting, names) if meeting else None,
        "conflicts": [{**c.__dict__, "field_name": present.field_name(c.field),
                       "plan_label": present.value(info, c.field, c.plan_value),
                       "tracker_label": present.value(info, c.field, c.tracker_value),
                       "name": names.get(c.initiative_id, c.initiative_id)}
                      for c in conflicts],
    }


def agenda_of(store: Store, meeting, names: dict) -> dict:
    """The meeting a status note is for, and its agenda in the meeting's order, each
    item numbered as `tracker meeting show` and the screen number it."""
    info = store.info
    agenda = [{"number": n, "kind": item.kind, "kind_label": present.agenda_kind(item.kind),
               "initiative": item.initiative_id, "text": item.text,
               "name": names.get(item.initiative_id, item.initiative_id)}
              for n, item in enumerate(store.agenda(meeting.id), 1)]
    return {"id": meeting.id, "date": meeting.date, "body": meeting.body, "name": meeting.title,
            "title": meeting_words.meeting_of(info, meeting), "agenda": agenda}


def by_party(info, initiatives: list[dict], actions: list[dict], owner_id) -> list[dict]:
    """Per party and person (the filtered owner only, if any): the initiatives
    they own and their actions of the plan year. People with nothing are left out."""
    out = []
    owned_by: dict[str, list[dict]] = {}
    for i in initiatives:
        for o in i["owners"]:
            owned_by.setdefault(o["id"], []).append(i)
    for ident, name in info.roster:
        if owner_id is not None and ident != owner_id:
            continue
        # leads it (tovholder), takes part (another leads), or owns it (no lead named)
        owned = [{"id": i["id"], "name": display_name(i["short"], i["title"]),
                  "status_label": i["status_label"],
                  "role": "lead" if i["lead_id"] == ident else "part" if i["lead_id"]
                  else "owner"} for i in owned_by.get(ident, [])]
        theirs = [a for a in actions if any(o["id"] == ident for o in a["owners"])]
        if owned or theirs or owner_id == ident or ident in info.parties:
            out.append({"id": ident, "name": name, "initiatives": owned, "actions": theirs})
    return out


@collector_paused()
def to_json(report: dict) -> str:
    return "".join(json_pieces(report))


def json_pieces(report: dict, size: int = 1 << 20):
    """The content as JSON, in pieces of about `size` characters (the C1 control
    characters escaped, as `to_json`)."""
    pieces, length = [], 0
    for chunk in json.JSONEncoder(ensure_ascii=False, indent=2).iterencode(report):
        pieces.append(chunk)
        length += len(chunk)
        if length >= size:
            yield visible_json("".join(pieces))
            pieces, length = [], 0
    yield visible_json("".join(pieces)) + "\n"
