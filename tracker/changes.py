"""What moved since a date (a report's "changes since"), per objective: the
history's rows a committee cares about, an edit and its undo cancelled out."""

from __future__ import annotations

from . import present
from .catalogue import t
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
