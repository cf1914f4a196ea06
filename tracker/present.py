"""Words for values, shared by the CLI and the TUI (no screen code here)."""

from __future__ import annotations

import datetime as dt
import re

from .store import AuditEntry, PlanInfo, describe_field

FIELD_NAMES = {
    "status": "status", "owners": "owners", "note": "note", "added": "added",
    "archived": "archived", "id": "id", "title": "title", "short": "short title",
    "kind": "kind", "description": "description", "objective": "objective",
    "also_supports": "also supports",
}


def _picture(match) -> str:
    code = ord(match.group())
    if code < 32:
        return chr(0x2400 + code)  # ␛ for ESC, ␀ for NUL, …
    return "␡" if code == 127 else "�"


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def visible(text: str) -> str:
    """Text with control characters shown as symbols, so a stray ESC in a note
    cannot recolour or move the terminal. Newlines and tabs are kept."""
    return _CONTROL.sub(_picture, text)


def value(info: PlanInfo, field: str, raw: str | None) -> str:
    """A stored value as people say it: Danish labels, owner names, '–' for none."""
    if raw is None or raw == "":
        return "–"
    if field == "status":
        return info.status(raw).da
    if field == "owners":
        return ", ".join(raw.split(","))
    if field.startswith("priority:"):
        return info.level(raw).da
    if field == "archived":
        return "yes" if raw == "1" else "no"
    return raw


def field_name(field: str) -> str:
    return FIELD_NAMES.get(field, describe_field(field))


def when(stamp: str) -> str:
    """A UTC stamp as local 'YYYY-MM-DD HH:MM'."""
    try:
        moment = dt.datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%SZ").replace(
            tzinfo=dt.timezone.utc)
    except (TypeError, ValueError):
        return stamp or ""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def change(info: PlanInfo, entry: AuditEntry) -> str:
    """'status: ikke påbegyndt → igangsat', 'note added: Kick-off held', …"""
    return visible(_change(info, entry))


def _change(info: PlanInfo, entry: AuditEntry) -> str:
    name = field_name(entry.field)
    if entry.field == "note":
        text = " ".join((entry.new or entry.old or "").split())
        verb = "withdrawn" if entry.new is None else "added"
        return f"note {verb}: {text}"
    if entry.field == "added":
        return f"added to the plan under {entry.new}"
    if entry.field == "archived":
        return "archived" if entry.new == "1" else "back in the plan"
    if entry.field == "id":
        return f"renamed from {entry.old}"
    if entry.field in ("title", "short", "description", "kind", "objective", "also_supports"):
        return f"{name} changed by the plan"
    action = {"undo": " (undo)", "redo": " (redo)"}.get(entry.action, "")
    return (f"{name}: {value(info, entry.field, entry.old)} → "
            f"{value(info, entry.field, entry.new)}{action}")
