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

import datetime as dt
import functools
import re
from dataclasses import dataclass, field

from .catalogue import t
from .errors import TrackerError
from .merge import CONFLICT, TAKE, decide
from .model import OWNERS, STATUS, NewNote, SyncLine, Write, priority_field
from .store import MAX_NOTE, Store

FORMAT = "tracker-state/1"


def export_state(store: Store, history: bool = False) -> str:
    import yaml

    info = store.info
    initiatives = {}
    for v in store.initiatives(archived=None):
        entry: dict = {"status": v.status, "owners": sorted(v.owners),
                       "priorities": {str(y): level for y, level in sorted(v.priorities.items())},
                       "notes": [{"at": n.created_at, "author": n.author, "text": n.text}
                                 for n in reversed(store.notes(v.id))]}
        if v.archived:
            entry["archived"] = True
        if history:
            entry["history"] = [{"at": e.at, "who": e.who, "source": e.source,
                                 "field": e.field, "old": e.old, "new": e.new}
                                for e in store.history(v.id)]
        initiatives[v.id] = entry
    document = {"format": FORMAT, "plan": info.title, "initiatives": initiatives}
    header = ("# Tracking state (owners, status, priorities, notes) of the plan named below.\n"
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


def import_state(store: Store, text: str, who: str, dry_run: bool = False) -> ImportResult:
    from . import yamlsafe

    try:
        document = yamlsafe.load(text)
    except yamlsafe.YamlProblem as exc:
        where = t("state.line", line=exc.mark.line) if exc.mark else ""
        raise TrackerError(t("state.yaml", where=where, message=exc.message)) from None
    initiatives = _check(store, document)
    result = ImportResult()
    try:
        with store.transaction():
            tracked, bases = store.tracked_values(), store.bases()
            for ident, entry in sorted(initiatives.items()):
                _merge(store, ident, entry, tracked[ident], bases.get(ident, {}), who, result)
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    return result


class _DryRun(Exception):
    pass


STAMP = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z")
MAX_AUTHOR = 200


def _check(store: Store, document) -> dict:
    """The file's initiatives in keys and text, or one TrackerError naming
    every problem. Priorities for years outside the plan's period are kept."""
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise TrackerError(t("state.not_state", format=FORMAT))
    initiatives = document.get("initiatives") or {}
    if not isinstance(initiatives, dict):
        raise TrackerError(t("state.initiatives"))
    problems = []
    known = set(store.initiative_ids())
    checked = {}
    for ident, entry in initiatives.items():
        if ident not in known:
            problems.append(t("state.unknown", id=ident))
            continue
        if not isinstance(entry, dict):
            problems.append(t("state.not_mapping", id=ident))
            continue
        try:
            checked[ident] = _check_entry(store, entry)
        except TrackerError as exc:
            problems.append(f"{ident}: {exc}")
    if problems:
        raise TrackerError(t("state.problems", problems="; ".join(problems)))
    return checked


def _check_entry(store: Store, entry: dict) -> dict:
    out: dict = {"status": None, "owners": None, "priorities": None, "notes": []}
    if entry.get("status") is not None:
        out["status"] = store.status_key(_text(entry["status"], "status"))
    if "owners" in entry:
        owners = entry["owners"] or []
        if not isinstance(owners, list):
            raise TrackerError(t("state.list", key="owners"))
        out["owners"] = sorted({store.owner_id(_text(o, "owners")) for o in owners})
    if "priorities" in entry:
        priorities = entry["priorities"] or {}
        if not isinstance(priorities, dict):
            raise TrackerError(t("state.priorities"))
        out["priorities"] = {}
        for year, level in priorities.items():
            if not re.fullmatch(r"[0-9]{4}", str(year)):
                raise TrackerError(t("state.year", year=year))
            out["priorities"][int(year)] = store.level_key(_text(level, "priorities"))
    notes = entry.get("notes") or []
    if not isinstance(notes, list):
        raise TrackerError(t("state.list", key="notes"))
    for note in notes:
        if not isinstance(note, dict) or not isinstance(note.get("text"), str) \
                or not note["text"].strip():
            raise TrackerError(t("state.note"))
        if len(note["text"]) > MAX_NOTE:
            raise TrackerError(t("err.note_long", length=len(note["text"]), most=MAX_NOTE))
        at, author = note.get("at"), note.get("author")
        if not isinstance(at, str) or not _valid_stamp(at):
            raise TrackerError(t("state.note_at", at=at))
        if not isinstance(author, str) or not author.strip() or len(author) > MAX_AUTHOR:
            raise TrackerError(t("state.note_author"))
        out["notes"].append(NewNote(note["text"], author, at))
    return out


def _text(value, key: str) -> str:
    if not isinstance(value, str):
        raise TrackerError(t("state.not_text", key=key))
    return value


def _valid_stamp(at: str) -> bool:
    if not STAMP.fullmatch(at):
        return False
    try:
        dt.datetime.strptime(at, "%Y-%m-%dT%H:%M:%SZ")
    except ValueError:
        return False
    return True


def _merge(store: Store, ident: str, entry: dict, tracked: dict, bases: dict, who: str,
           result: ImportResult) -> None:
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
    change = Write()
    for name, value in incoming.items():
        current = tracked.get(name, info.nothing(name) if name == STATUS else "")
        decision = decide(value, bases.get(name, info.nothing(name)), current,
                          info.nothing(name))
        if decision.outcome == TAKE:
            change.values[name] = value
            result.lines.append(SyncLine("~", ident, "from_file", {
                "field": name, "old": current, "new": value}))
        elif decision.outcome == CONFLICT:
            result.conflicts += 1
            result.lines.append(SyncLine("!", ident, "file_conflict", {
                "field": name, "file": value, "tracker": current}))
    existing = {(n.created_at, n.author, n.text) for n in store.notes(ident)}
    for note in entry["notes"]:
        if (note.at, note.author, note.text) not in existing:
            change.notes.append(note)
            result.lines.append(SyncLine("+", ident, "note", {"author": note.author}))
    if change.values or change.notes:
        result.changed += 1
        store.write(ident, change, who, "cli", "import")
