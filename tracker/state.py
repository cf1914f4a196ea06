"""All tracking state as one YAML file, and back: for keeping state in git.

`export_state` writes owners, status, priorities and notes of every
initiative, sorted, so the file diffs cleanly. `import_state` reads such a
file into a DB with the sync's rules: a value the DB still has from the plan
(nobody edited it) takes the file's value; a value someone edited that
differs from the file is kept and reported as a conflict; notes not yet in
the DB are added with their author and time. One transaction: a bad file
changes nothing.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from .catalogue import t
from .errors import TrackerError
from .store import Store, describe_field, show_value

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
    lines: list[str] = field(default_factory=list)
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
            for ident, entry in sorted(initiatives.items()):
                _merge(store, ident, entry, who, result)
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    return result


class _DryRun(Exception):
    pass


def _check(store: Store, document) -> dict:
    """The file's initiatives, or one TrackerError naming every problem."""
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise TrackerError(t("state.not_state", format=FORMAT))
    initiatives = document.get("initiatives") or {}
    if not isinstance(initiatives, dict):
        raise TrackerError(t("state.initiatives"))
    problems = []
    known = set(store.initiative_ids())
    for ident, entry in initiatives.items():
        if ident not in known:
            problems.append(t("state.unknown", id=ident))
            continue
        if not isinstance(entry, dict):
            problems.append(t("state.not_mapping", id=ident))
            continue
        try:
            if entry.get("status") is not None:
                entry["status"] = store.status_key(entry["status"])
            entry["owners"] = sorted(store.owner_id(o) for o in entry.get("owners") or [])
            priorities = {}
            for year, level in (entry.get("priorities") or {}).items():
                store.check_year(int(year))
                priorities[int(year)] = store.level_key(level)
            entry["priorities"] = priorities
            for note in entry.get("notes") or []:
                if not isinstance(note, dict) or not note.get("text"):
                    raise TrackerError(t("state.note"))
        except (TrackerError, ValueError, AttributeError, TypeError) as exc:
            problems.append(f"{ident}: {exc}")
    if problems:
        raise TrackerError(t("state.problems", problems="; ".join(problems)))
    return initiatives


def _merge(store: Store, ident: str, entry: dict, who: str, result: ImportResult) -> None:
    bases = dict(store.db.execute("SELECT field, value FROM plan_base WHERE initiative_id = ?",
                                  [ident]).fetchall())
    wanted = {"owners": ",".join(entry["owners"])}
    if entry.get("status") is not None:
        wanted["status"] = entry["status"]
    for year in store.info.years:
        wanted[f"priority:{year}"] = entry["priorities"].get(year, "")
    rows = []
    for name, value in wanted.items():
        current = store.tracked_value(ident, name)
        if current == value:
            continue
        if current == bases.get(name, current):  # nobody edited it in the tracker
            store.write_value(ident, name, value)
            rows.append((name, current, value, None))
            result.lines.append(f"~ {ident}  " + t(
                "state.took", field=describe_field(name), old=show_value(name, current),
                new=show_value(name, value)))
        else:
            result.conflicts += 1
            result.lines.append(f"! {ident}  " + t(
                "state.conflict", field=describe_field(name), file=show_value(name, value),
                tracker=show_value(name, current)))
    existing = {(n.created_at, n.author, n.text) for n in store.notes(ident)}
    for note in entry.get("notes") or []:
        key = (str(note.get("at") or ""), str(note.get("author") or who), str(note["text"]))
        if key in existing:
            continue
        note_id = store.db.execute(
            "INSERT INTO notes(initiative_id, text, author, created_at) VALUES (?, ?, ?, ?)",
            [ident, key[2], key[1], key[0]]).lastrowid
        rows.append(("note", None, key[2], note_id))
        result.lines.append(f"+ {ident}  " + t("state.note_by", author=key[1]))
    if rows:
        result.changed += 1
        store._record(ident, rows, who, "cli", "import", None, store._current_version(ident))
