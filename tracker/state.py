"""All tracking state as one YAML file, and back: for keeping state in git.

`export_state` writes owners, status, priorities and notes of every
initiative, sorted, so the file diffs cleanly. `import_state` reads such a
file into a DB with the sync's one merge rule (`merge.decide`, the file in
the plan's place): a value nobody edited takes the file's value; a value
someone edited that differs from the file is kept and reported as a
conflict; notes not yet in the DB are added with their author and time.
Priorities for years outside the plan's period round-trip (kept, reported).
Every change goes through `Store.write`. One transaction: a bad file changes
nothing.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from .errors import Joined, Said, TrackerError
from .plan import ID_PATTERN
from .merge import merge_fields
from .model import (ITEMS, LEAD, OWNERS, STATUS, NewNote, SyncLine, Write, deliverable_field,
                    item_field, priority_field)
from .lookup import (check_by, check_deliverable, check_iso_date, check_note, is_blank,
                     one_line, person_name, read_stamp)
from .queries import action_values
from .store import Store

FORMAT = "tracker-state/1"


def export_state(store: Store, history: bool = False) -> str:
    import yaml

    info = store.info
    initiatives = {}
    actions: dict[str, list] = {}
    for a in store.actions(archived=True):
        entry = {"id": a.id, "year": a.year, "text": a.text, "owners": sorted(a.owners),
                 "due": a.due, "status": a.status}
        if a.lead:
            entry["lead"] = a.lead
        if a.key:
            entry["key"] = a.key
        actions.setdefault(a.initiative_id, []).append(entry)
    decisions: dict[str, list] = {}
    for d in store.decisions(archived=True):
        decisions.setdefault(d.initiative_id, []).append(
            {"id": d.id, "date": d.date, "by": d.by, "text": d.text})
    for v in store.initiatives(archived=None):
        entry: dict = {"status": v.status, "owners": sorted(v.owners),
                       "priorities": {str(y): level for y, level in sorted(v.priorities.items())},
                       "notes": [{"at": n.created_at, "author": n.author, "text": n.text}
                                 for n in reversed(store.notes(v.id))]}
        if v.lead:
            entry["lead"] = v.lead
        if v.deliverables:
            entry["deliverables"] = {str(y): text for y, text in sorted(v.deliverables.items())}
        if v.id in actions:
            entry["actions"] = sorted(actions[v.id], key=lambda a: a["id"])
        if v.id in decisions:
            entry["decisions"] = decisions[v.id]
        if v.archived:
            entry["archived"] = True
        if history:
            entry["history"] = [{"at": e.at, "who": e.who, "source": e.source,
                                 "field": e.field, "old": e.old, "new": e.new}
                                for e in store.history(v.id)]
        initiatives[v.id] = entry
    document = {"format": FORMAT, "plan": info.title, "database": store.meta("database_id"),
                "initiatives": initiatives}
    header = ("# Tracking state (owners, lead, status, priorities, deliverables, notes, actions, "
              "decisions) of the "
              "plan named below.\n"
              "# Made by `tracker export --format yaml`; load with `tracker import FILE`.\n")
    return header + yaml.dump(document, Dumper=_dumper(), allow_unicode=True, sort_keys=True,
                              default_flow_style=False, width=100)


@functools.lru_cache(maxsize=1)
def _dumper():
    import yaml

    class Dumper(yaml.SafeDumper):
        """Multi-line text as a literal block, so a note diffs line by line."""

    def text(dumper, data: str):
        style = "|" if "\n" in data else None
        return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)

    Dumper.add_representer(str, text)
    return Dumper


@dataclass
class ImportResult:
    lines: list[SyncLine] = field(default_factory=list)  # worded by present.sync_line
    conflicts: int = 0
    changed: int = 0


def import_state(store: Store, text: str, who: str, dry_run: bool = False,
                 other_plan: bool = False) -> ImportResult:
    """`other_plan`: load a file made from a plan of another title anyway."""
    from . import yamlsafe

    try:
        document = yamlsafe.load(text)
    except yamlsafe.YamlProblem as exc:
        where = Said("state.line", line=exc.mark.line) if exc.mark else ""
        raise TrackerError("state.yaml", where=where, message=exc.message) from None
    initiatives = _check(store, document)
    named = document.get("plan")  # a hand-made file may name none
    if named is not None and named != store.info.title and not other_plan:
        raise TrackerError("state.other_plan", file=one_line(str(document.get("plan"))),
                           plan=store.info.title)
    # An action's number means the same action only in the database that wrote it.
    same_database = document.get("database") == store.meta("database_id")
    result = ImportResult()
    try:
        with store.transaction():
            tracked, bases = store.tracked_values(), store.bases()
            for ident, entry in sorted(initiatives.items()):
                _merge(store, ident, entry, tracked[ident], bases.get(ident, {}), who, result,
                       same_database)
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    return result


class _DryRun(Exception):
    pass


STAMP = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z")


def _check(store: Store, document) -> dict:
    """The file's initiatives in keys and text, or one TrackerError naming
    every problem. Priorities for years outside the plan's period are kept."""
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise TrackerError("state.not_state", format=FORMAT)
    unknown = sorted(set(document) - {"format", "plan", "database", "initiatives"})
    if unknown:
        raise TrackerError("state.unknown_key", key=one_line(unknown[0]))
    for key in ("plan", "database"):
        if document.get(key) is not None and not isinstance(document[key], str):
            raise TrackerError("state.not_text", key=key)
    initiatives = document.get("initiatives") or {}
    if not isinstance(initiatives, dict):
        raise TrackerError("state.initiatives")
    problems = []
    known = set(store.initiative_ids())
    checked = {}
    for ident, entry in initiatives.items():
        if ident not in known:
            problems.append(Said("state.unknown", id=one_line(ident)))
            continue
        if not isinstance(entry, dict):
            problems.append(Said("state.not_mapping", id=ident))
            continue
        try:
            checked[ident] = _check_entry(store, entry)
        except TrackerError as exc:
            problems.append(Joined([ident, exc.said], ": "))
    if problems:
        raise TrackerError("state.problems", problems=Joined(problems, "; "))
    return checked


def _check_entry(store: Store, entry: dict) -> dict:
    out: dict = {"status": None, "owners": None, "priorities": None, "notes": [],
                 "lead": None, "deliverables": None}
    if entry.get("lead") is not None:
        lead = _text(entry["lead"], "lead")
        out["lead"] = store.owner_id(lead) if lead.strip() else ""
    if "deliverables" in entry:
        deliverables = entry["deliverables"] or {}
        if not isinstance(deliverables, dict):
            raise TrackerError("state.deliverables")
        out["deliverables"] = {}
        for year, text in deliverables.items():
            if not re.fullmatch(r"[0-9]{4}", str(year)):
                raise TrackerError("state.year", year=year)
            out["deliverables"][int(year)] = check_deliverable(_text(text, "deliverables"))
    if entry.get("status") is not None:
        out["status"] = store.status_key(_text(entry["status"], "status"))
    if "owners" in entry:
        owners = entry["owners"] or []
        if not isinstance(owners, list):
            raise TrackerError("state.list", key="owners")
        out["owners"] = sorted({store.owner_id(_text(o, "owners")) for o in owners})
    if "priorities" in entry:
        priorities = entry["priorities"] or {}
        if not isinstance(priorities, dict):
            raise TrackerError("state.priorities")
        out["priorities"] = {}
        for year, level in priorities.items():
            if not re.fullmatch(r"[0-9]{4}", str(year)):
                raise TrackerError("state.year", year=year)
            out["priorities"][int(year)] = store.level_key(_text(level, "priorities"))
    notes = entry.get("notes") or []
    if not isinstance(notes, list):
        raise TrackerError("state.list", key="notes")
    for note in notes:
        if not isinstance(note, dict) or not isinstance(note.get("text"), str) \
                or is_blank(note["text"]):
            raise TrackerError("state.note")
        check_note(note["text"])  # the limits a note typed in gets
        at, author = note.get("at"), note.get("author")
        if not isinstance(at, str) or not _valid_stamp(at):
            raise TrackerError("state.note_at", at=at)
        if not isinstance(author, str) or person_name(author) is None:
            raise TrackerError("state.note_author")
        out["notes"].append(NewNote(note["text"], author, at))
    out["actions"] = [_check_action(store, a) for a in _items(entry, "actions")]
    out["decisions"] = [_check_decision(store, d) for d in _items(entry, "decisions")]
    return out


def _items(entry: dict, key: str) -> list[dict]:
    found = entry.get(key) or []
    if not isinstance(found, list) or not all(isinstance(x, dict) for x in found):
        raise TrackerError("state.items", key=key)
    return found


def _check_action(store: Store, item: dict) -> dict:
    """An action of the file in the fields' text form (attr → value), with its
    id in that database and plan key, if any."""
    year = _text(item.get("year", ""), "year")
    if not re.fullmatch(r"[0-9]{4}", year):
        raise TrackerError("state.year", year=one_line(year))
    key = item.get("key")
    if key is not None and not ID_PATTERN.fullmatch(_text(key, "key")):
        raise TrackerError("state.action_key", key=one_line(key[:70]))
    ident = _text(item.get("id", ""), "id") if item.get("id") is not None else ""
    # A year the period no longer has is kept (and said), as for priorities.
    owners = item.get("owners") or []
    if not isinstance(owners, list):
        raise TrackerError("state.list", key="owners")
    status = item.get("status")
    return {"id": int(ident) if re.fullmatch(r"[0-9]{1,9}", ident) else None,
            "key": key, "values": {
        "text": store.check_item_text(_text(item.get("text"), "text")), "year": year,
        "owners": ",".join(sorted({store.owner_id(_text(o, "owners")) for o in owners})),
        "due": check_iso_date(_text(item["due"], "due")) if item.get("due") else "",
        "status": store.status_key(_text(status, "status")) if status
        else store.info.first_status,
        # None: a file from before leads (an action's lead stays as it is here)
        "lead": (store.owner_id(_text(item["lead"], "lead")) if item["lead"] else "")
        if "lead" in item else None}}


def _check_decision(store: Store, item: dict) -> tuple[str, str, str]:
    """(date, text, by) of a decision of the file."""
    return (check_iso_date(_text(item.get("date"), "date")),
            store.check_item_text(_text(item.get("text"), "text")),
            check_by(_text(item.get("by") or "", "by")))


def _text(value, key: str) -> str:
    if not isinstance(value, str):
        raise TrackerError("state.not_text", key=key)
    return value


def _valid_stamp(at: str) -> bool:
    return bool(STAMP.fullmatch(at)) and read_stamp(at) is not None


def _merge(store: Store, ident: str, entry: dict, tracked: dict, bases: dict, who: str,
           result: ImportResult, same_database: bool) -> None:
    """The file's values by the sync's one merge rule, written by the one writer."""
    info = store.info
    incoming: dict[str, str | None] = {STATUS: entry["status"], OWNERS: None}
    if entry["owners"] is not None:
        incoming[OWNERS] = ",".join(entry["owners"])
    if entry["priorities"] is not None:
        for year in sorted(set(info.years) | set(entry["priorities"])):
            incoming[priority_field(year)] = entry["priorities"].get(year, "")
            if not info.start <= year <= info.end and year in entry["priorities"]:
                result.lines.append(SyncLine("?", ident, "outside_period", {
                    "field": priority_field(year), "value": entry["priorities"][year],
                    "period": f"{info.start}-{info.end}"}))
    if entry["lead"] is not None:
        incoming[LEAD] = entry["lead"]
    if entry["deliverables"] is not None:
        for year in info.years:
            incoming[deliverable_field(year)] = entry["deliverables"].get(year, "")
        for year in sorted(set(entry["deliverables"]) - set(info.years)):
            result.lines.append(SyncLine("?", ident, "outside_period", {
                "field": deliverable_field(year), "value": entry["deliverables"][year],
                "period": f"{info.start}-{info.end}"}))
    change = Write()
    _take(merge_fields(incoming.items(), bases, tracked, info.nothing), ident, change, result)
    _merge_actions(store, ident, entry["actions"], bases, change, result, same_database)
    known = {(d.date, d.text, d.by) for d in store.decisions(ident, archived=True)}
    next_decision = store.next_item_id("decision")
    for date, text, by in entry["decisions"]:
        if (date, text, by) not in known:
            known.add((date, text, by))
            for attr, value in zip(("date", "text", "by"), (date, text, by)):
                change.values[item_field("decision", next_decision, attr)] = value
            result.lines.append(SyncLine("+", ident, "decision", {"text": text}))
            next_decision += 1
    existing = {(n.created_at, n.author, n.text) for n in store.notes(ident)}
    for note in entry["notes"]:
        if (note.at, note.author, note.text) not in existing:
            change.notes.append(note)
            result.lines.append(SyncLine("+", ident, "note", {"author": note.author}))
    if change.values or change.notes:
        result.changed += 1
        store.write(ident, change, who, "cli", "import")


def _take(merged, ident: str, change: Write, result: ImportResult) -> None:
    """An import's use of the merge rule: the file's values it takes are written;
    its conflicts are said and counted, not recorded (the file is not the plan),
    and no base moves."""
    change.values.update(merged.values)
    result.lines += [SyncLine("~", ident, "from_file", {"field": name, "old": old, "new": new})
                     for name, old, new in merged.taken]
    result.conflicts += len(merged.conflicts)
    result.lines += [SyncLine("!", ident, "file_conflict", {
        "field": name, "file": value, "tracker": tracker})
        for name, value, tracker, _ in merged.conflicts]


def _merge_actions(store: Store, ident: str, actions: list[dict], bases: dict,
                   change: Write, result: ImportResult, same_database: bool) -> None:
    """Each action of the file: the one it is in this database — the same plan key,
    else (only in a file this database wrote) the same number, else the same year
    and text — by the merge rule; else a new one. Two actions of the file never
    land on one here, so none is dropped or rewritten by another's text."""
    if not actions:
        return
    info = store.info
    mine = {a.id: a for a in store.actions(ident, removed=True, archived=True)}
    by_key = {a.key: a.id for a in mine.values() if a.key}
    same_text: dict[tuple[str, str], list[int]] = {}
    for a in mine.values():
        if a.text:
            same_text.setdefault((str(a.year), a.text), []).append(a.id)
    claimed: set[int] = set()
    next_id = store.next_item_id("action")

    def by_text(values: dict, exact_only: bool = False) -> int | None:
        """An unclaimed action of the same year and text; one alike in every
        attribute first (several may share a text: "Møde" in March and in June)."""
        free = [i for i in same_text.get((values["year"], values["text"]), [])
                if i not in claimed]
        exact = [i for i in free if all(v is None or action_values(mine[i])[k] == v
                                        for k, v in values.items())]
        return (exact or ([] if exact_only else free) or [None])[0]

    # Keyed ones first: a plan key is the surest match, and must not be taken by
    # another action's number or text before its turn; then those alike in every
    # attribute, so that importing a file twice changes nothing.
    ordered = sorted(actions, key=lambda a: a["key"] is None)
    alike = {}
    for n, action in enumerate(ordered):
        if action["key"] is None and not (same_database and action["id"] in mine):
            found = by_text(action["values"], exact_only=True)
            if found is not None:
                alike[n] = found
                claimed.add(found)
    for n, action in enumerate(ordered):
        values = action["values"]
        candidates = [alike.get(n),
                      by_key.get(action["key"]) if action["key"] else None,
                      action["id"] if same_database and action["id"] in mine else None]
        found = next((c for c in candidates if c is not None
                      and (c not in claimed or c == alike.get(n))), None)
        if found is None:
            found = by_text(values)
        if found is not None and action["key"] and mine[found].key not in (None, action["key"]):
            found = None  # another declared action of the plan: not this one
        if found is not None:
            claimed.add(found)
        if found is None:
            found = next_id
            claimed.add(found)
            next_id += 1
            for attr in ITEMS["action"]:
                change.values[item_field("action", found, attr)] = values[attr] or ""
            result.lines.append(SyncLine("+", ident, "file_action", {
                "action": found, "year": values["year"], "text": values["text"]}))
        else:
            current = {item_field("action", found, attr): value
                       for attr, value in action_values(mine[found]).items()}
            _take(merge_fields(((item_field("action", found, attr), values[attr])
                                for attr in ITEMS["action"]), bases, current, info.nothing),
                  ident, change, result)
        if not info.start <= int(values["year"]) <= info.end:  # kept, and said
            result.lines.append(SyncLine("?", ident, "outside_period", {
                "field": item_field("action", found, "year"), "value": values["year"],
                "period": f"{info.start}-{info.end}"}))
