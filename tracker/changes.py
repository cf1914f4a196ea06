"""What moved since a date (a report's "changes since"), per objective: the
history's rows a committee cares about, an edit and its undo cancelled out."""

from __future__ import annotations

from . import present
from .catalogue import day, t
from .lookup import read_stamp
from .model import split_item_field
from .store import Store

# and the per-year fields, actions and decisions
TRACKED_FIELDS = ("added", "status", "owners", "lead", "note", "continues")
PER_YEAR = ("priority:", "deliverable:")


def changes_since(store: Store, since: str, objectives: list[dict]) -> list[dict]:
    """What moved from `since` on, per objective: initiatives added to the plan,
    status, owner and priority changes, notes. An edit and the undo that turned
    it back, both in the period, cancel out and are left out."""
    info = store.info
    views = {v.id: v for v in store.initiatives(archived=None)}
    entries = present.fold([e for e in store.history(since=since)
                            if e.field in TRACKED_FIELDS or e.field.startswith(PER_YEAR)
                            or split_item_field(e.field)])
    cancelled: set[int] = set()
    present_edits = {e.edit_id for e in entries}
    for e in entries:  # oldest first: an undo folds with the edit it turns back
        if e.action in ("undo", "redo") and e.reverts in present_edits - cancelled \
                and e.edit_id not in cancelled:
            cancelled |= {e.edit_id, e.reverts}
    groups: dict[str, list[dict]] = {}
    for entry in entries:
        if entry.edit_id in cancelled:
            continue
        view = views.get(entry.initiative_id)
        groups.setdefault(view.objective_id if view else "", []).append({
            "at": entry.at, "when": present.when(entry.at), "who": entry.who,
            "source": entry.source, "initiative": entry.initiative_id,
            "name": view.name if view else entry.initiative_id, "field": entry.field,
            "old": entry.old, "new": entry.new, "action": entry.action,
            "text": present.change(info, entry),
        })
    order = [o["id"] for o in objectives]
    out = []
    for objective_id in sorted(groups, key=lambda o: order.index(o) if o in order else 99):
        found = next((o for o in objectives if o["id"] == objective_id), None)
        out.append({"objective": objective_id,
                    "name": f"{found['number']}. {found['name']}" if found else t("report.other"),
                    "changes": groups[objective_id]})
    return out


def time_zones(report: dict) -> str:
    """The local zone(s) the change times are in, e.g. 'CET/CEST'."""
    zones = []
    for group in report["changes"]:
        for change in group["changes"]:
            moment = read_stamp(change["at"]).astimezone()
            if moment.tzname() not in zones:
                zones.append(moment.tzname())
    return "/".join(zones)


def folded_changes(store, since: str, objectives: list[dict]) -> list[dict]:
    """What is different at the report's date from before `since`, one line per
    initiative: each field's value before its first change in the period against
    its value now — so an edit undone is no change at all — plus actions added,
    finished or gone overdue, decisions, the latest note. No login names and no
    sources; the full history stays in `tracker history`."""
    import datetime as dt

    info = store.info
    date = getattr(store, "date", None) or dt.date.today().isoformat()
    first: dict[tuple[str, str], str] = {}  # (initiative, field) → value before
    last: dict[tuple[str, str], str] = {}
    notes: dict[str, str] = {}
    start = getattr(store, "store", store).first_edit_id()
    for e in store.history(since=since):
        if e.initiative_id is None or e.edit_id == start:
            continue
        key = (e.initiative_id, e.field)
        if e.field == "note":
            if e.new is not None:
                notes[e.initiative_id] = e.new
            continue
        first.setdefault(key, e.old or "")
        last[key] = e.new or ""
    changed: dict[str, dict[str, tuple[str, str]]] = {}
    for key, before in first.items():
        if before != last[key] or key[1] == "added":
            changed.setdefault(key[0], {})[key[1]] = (before, last[key])
    late_by: dict[str, int] = {}  # actions gone overdue in the period, by initiative
    for a in store.actions(archived=True):
        if a.overdue(date, info) and a.due >= since:
            late_by[a.initiative_id] = late_by.get(a.initiative_id, 0) + 1
    order = {o["id"]: n for n, o in enumerate(objectives)}
    dated = {d.id: d.date for d in store.decisions(archived=True)}
    out = []
    for v in sorted(store.initiatives(archived=None),
                    key=lambda v: order.get(v.objective_id, len(order))):
        fields = changed.get(v.id, {})
        parts = [t("fold.new")] if "added" in fields else []
        parts += _value_changes(info, fields)
        added = finished = 0
        decided = []
        for name, (before, now) in sorted(fields.items()):
            item = split_item_field(name)
            if not item:
                continue
            kind, number, attr = item
            if kind == "action" and attr == "text" and not before and now:
                added += 1
            elif kind == "action" and attr == "status" and info.status(now).done \
                    and not info.status(before).done and before:
                finished += 1
            elif kind == "decision" and attr == "text" and not before and now:
                decided.append((now, dated.get(number, "")))
        late = late_by.get(v.id, 0)
        for key, count in (("fold.actions_added", added), ("fold.actions_done", finished),
                           ("fold.actions_late", late)):
            if count:
                parts.append(t(key + ("_one" if count == 1 else ""), count=count))
        # A decision recorded now but taken before the period says when it was taken.
        parts += [t("fold.decision_dated", date=day(when), text=" ".join(text.split()).rstrip(".;"))
                  if when and when < since else
                  t("fold.decision", text=" ".join(text.split()).rstrip(".;"))
                  for text, when in decided]
        note = v.latest_note
        if v.id in notes and note and note.text == notes[v.id]:
            parts.append(t("fold.note", text=" ".join(note.text.split()).rstrip(".;")))
        if parts:
            out.append({"initiative": v.id, "name": v.name, "objective": v.objective_id,
                        "changes": parts})
    return out


def _value_changes(info, fields: dict[str, tuple[str, str]]) -> list[str]:
    """Status, lead, owners, priorities and deliverables: before → now."""
    parts = []
    if "status" in fields:
        before, now = fields["status"]
        parts.append(t("fold.status", old=present.status(info, before) if before else "–",
                       new=present.status(info, now)))
    if "lead" in fields:
        before, now = fields["lead"]
        parts.append(t("fold.lead_now", name=info.owner_name(now)) if now
                     else t("fold.lead_gone", name=info.owner_name(before)))
    if "owners" in fields:
        before, now = (set(filter(None, v.split(","))) for v in fields["owners"])
        if now - before:
            parts.append(t("fold.owners_new", names=", ".join(
                info.owner_name(o) for o in sorted(now - before))))
        if before - now:
            parts.append(t("fold.owners_gone", names=", ".join(
                info.owner_name(o) for o in sorted(before - now))))
    for name in sorted(fields, key=lambda f: (not f.startswith("priority:"), f)):
        before, now = fields[name]
        if name.startswith("priority:"):
            parts.append(t("fold.priority", year=name.split(":")[1],
                           old=present.level(info, before), new=present.level(info, now)))
        elif name.startswith("deliverable:"):
            parts.append(t("fold.deliverable", year=name.split(":")[1], text=now) if now
                         else t("fold.deliverable_gone", year=name.split(":")[1]))
    return parts
