"""A plan that follows another (`follows: {plan: …}`): its initiatives that say
`continues: <id>` carry over, on the sync that adds them, what the group recorded
in the plan before — status, owners, lead, notes, decisions and open actions —
from that plan's database, opened read-only and never changed. Each carried
initiative's history says where it came from; the plan before's unfinished
initiatives that nothing continues are listed once, so none is forgotten.

Every carried value goes through the store's one writer. No SQL, no words: it
returns `SyncLine`s that `present.py` words.
"""

from __future__ import annotations

from pathlib import Path

from .errors import TrackerError
from .lookup import one_line
from .model import (ITEMS, LEAD, OWNERS, STATUS, NewNote, PlanInfo, SyncLine, Write,
                    item_field)
from .store import Store, open_read_only


def predecessor_file(plan_path: Path, follows: str) -> Path:
    """Where the plan before is: as written, from the folder the plan is in, the
    folder above it (a repository's `plans/…`), or the current folder."""
    written = Path(follows)
    if written.is_absolute():
        places = [written]
    else:
        folder = Path(plan_path).resolve().parent
        places = [folder / written, folder.parent / written, Path.cwd() / written]
    for place in places:
        try:
            if place.is_file():
                if place.resolve() == Path(plan_path).resolve():
                    raise TrackerError("err.follows_itself", follows=one_line(follows))
                return place
        except OSError:  # a name too long, a loop of links: not a plan file
            continue
    raise TrackerError("err.no_predecessor_file", follows=one_line(follows),
                       places=", ".join(one_line(str(p.parent)) for p in dict.fromkeys(places)))


def predecessor_database(plan_file: Path) -> Path:
    """The plan before's database, where the tracker keeps it: beside its plan."""
    return plan_file.with_suffix(".db")


def carry_over(store: Store, plan_path: Path, plan, info: PlanInfo, added: list, who: str,
               at: str, edit_id: int) -> list[SyncLine]:
    """Carry over into the initiatives just `added` that continue one of the plan
    before; then list what that plan left unfinished and nothing continues."""
    continuing = [i for i in added if i.continues]
    if not plan.follows or not continuing:
        return []
    database = predecessor_database(predecessor_file(plan_path, plan.follows))
    before = open_read_only(database)
    try:
        return _carry(store, before, info, continuing, who, at, edit_id)
    finally:
        before.close()


def _carry(store: Store, before: Store, info: PlanInfo, continuing: list, who: str, at: str,
           edit_id: int) -> list[SyncLine]:
    """`info`: the plan being synced (the store's is still the last sync's)."""
    old = before.info
    known = {v.id: v for v in before.initiatives(archived=None)}
    lines, history = [], []
    for initiative in continuing:
        view = known.get(initiative.continues)
        if view is None:
            raise TrackerError("err.not_in_predecessor", id=initiative.id,
                               ref=initiative.continues, plan=old.title)
        change, what = _carried(store, before, info, view)
        store.write(initiative.id, change, who, "sync", "continue", edit_id=edit_id, at=at)
        history.append((initiative.id, "continues", view.id, old.title))
        lines.append(SyncLine("+", initiative.id, "continued",
                              {"plan": old.title, "ref": view.id, "what": what}))
    store.audit_plan_changes(history, who, at, edit_id)
    continued = {i.continues for i in continuing}
    for view in known.values():
        term = old.status(view.status)
        if view.id not in continued and not view.archived and not term.done \
                and not term.dropped:
            lines.append(SyncLine("?", "", "not_continued", {
                "plan": old.title, "name": view.name, "status": view.status,
                "status_words": (term.da, term.en)}))
    return lines


def _carried(store: Store, before: Store, info: PlanInfo, view) -> tuple[Write, list]:
    """One write of what `view` carries over, and what it was (for the sync's line)."""
    change, what = Write(settle=False), []
    roster = {ident for ident, _ in info.roster}
    if info.knows_status(view.status):
        change.values[STATUS] = view.status
        what.append(("status", 0))
    owners = sorted(o for o in view.owners if o in roster)
    if owners:
        change.values[OWNERS] = ",".join(owners)
        what.append(("owners", 0))
    if view.lead in roster:
        change.values[LEAD] = view.lead
        what.append(("lead", 0))
    change.notes = [NewNote(n.text, n.author, n.created_at)
                    for n in reversed(before.notes(view.id))]
    decision_id = store.next_item_id("decision")
    decisions = before.decisions(view.id, archived=True)
    for d in decisions:
        for attr, value in zip(ITEMS["decision"], (d.text, d.date, d.by, "")):
            change.values[item_field("decision", decision_id, attr)] = value
        decision_id += 1
    old = before.info
    action_id = store.next_item_id("action")
    open_actions = [a for a in before.actions(view.id, archived=True)
                    if not old.status(a.status).done and not old.status(a.status).dropped]
    for a in open_actions:
        year = a.year if info.start <= a.year <= info.end else info.start
        values = {"text": a.text, "year": str(year),
                  "owners": ",".join(sorted(o for o in a.owners if o in roster)),
                  "due": a.due,
                  "status": a.status if info.knows_status(a.status) else info.first_status,
                  "lead": a.lead if a.lead in roster else ""}
        for attr in ITEMS["action"]:
            change.values[item_field("action", action_id, attr)] = values[attr]
        action_id += 1
    what += [("notes", len(change.notes)), ("decisions", len(decisions)),
             ("actions", len(open_actions))]
    return change, [(name, count) for name, count in what if count or name in
                    ("status", "owners", "lead")]


def find_successors(plan_path: Path) -> list[tuple[object, Path]]:
    """The plans beside this one that follow it: (plan, its file) each. A file
    that is no valid plan is passed over (it is not this plan's business)."""
    from .errors import PlanInvalid
    from .plan import MAX_PLAN_BYTES, load_plan  # the validator: only when asked for

    plan_path = Path(plan_path).resolve()
    found = []
    for candidate in sorted(plan_path.parent.glob("*.yaml")):
        try:  # a plain file of a plan's size only: never a pipe, a device or a huge file
            if candidate.resolve() == plan_path or not candidate.is_file() \
                    or candidate.stat().st_size > MAX_PLAN_BYTES:
                continue
            text = candidate.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        if "follows:" not in text:
            continue
        try:
            successor = load_plan(candidate)
            if successor.follows and predecessor_file(candidate, successor.follows).resolve() \
                    == plan_path:
                found.append((successor, candidate))
        except (PlanInvalid, TrackerError):
            continue
    return found
