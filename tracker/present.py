"""Words for values, shared by the CLI and the TUI (no screen code here)."""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata

from .catalogue import day, t
from .store import AuditEntry, PlanInfo, describe_field

FIELDS = ("status", "owners", "note", "added", "archived", "id", "title", "short", "kind",
          "description", "objective", "also_supports")


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
        return t("value.yes") if raw == "1" else t("value.no")
    return raw


def field_name(field: str) -> str:
    if field.startswith("priority:"):
        return t("field.priority", year=field.split(":")[1])
    return t(f"field.{field}") if field in FIELDS else describe_field(field)


def when(stamp: str) -> str:
    """A UTC stamp as local 'YYYY-MM-DD HH:MM'."""
    try:
        moment = dt.datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%SZ").replace(
            tzinfo=dt.timezone.utc)
    except (TypeError, ValueError):
        return stamp or ""
    local = moment.astimezone()
    return f"{day(local.strftime('%Y-%m-%d'))} {local.strftime('%H:%M')}"


def change(info: PlanInfo, entry: AuditEntry) -> str:
    """'status: ikke påbegyndt → igangsat', 'note added: Kick-off held', …"""
    return visible(_change(info, entry))


def _change(info: PlanInfo, entry: AuditEntry) -> str:
    name = field_name(entry.field)
    if entry.field == "note":
        text = " ".join((entry.new or entry.old or "").split())
        key = "change.note_withdrawn" if entry.new is None else "change.note_added"
        return t(key, text=text)
    if entry.field == "added":
        return t("change.added", objective=entry.new)
    if entry.field == "archived":
        return t("change.archived" if entry.new == "1" else "change.unarchived")
    if entry.field == "id":
        return t("change.renamed", old=entry.old)
    if entry.field in ("title", "short", "description", "kind", "objective", "also_supports"):
        return t("change.by_plan", field=name)
    action = {"undo": t("change.undo"), "redo": t("change.redo")}.get(entry.action, "")
    return (f"{name}: {value(info, entry.field, entry.old)} → "
            f"{value(info, entry.field, entry.new)}{action}")


@functools.lru_cache(maxsize=4096)  # labels repeat on every row
def width(text: str) -> int:
    """Columns `text` takes in a terminal (wide East Asian and emoji take two)."""
    if text.isascii():
        return len(text)
    return sum(0 if unicodedata.combining(c) else
               2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def fit(text: str, room: int) -> str:
    """`text` cut to `room` columns with an ellipsis, padded to exactly `room`."""
    if text.isascii():  # the common case, without measuring each character
        return (text if len(text) <= room else text[: room - 1] + "…").ljust(room)
    if width(text) > room:
        out, used = [], 0
        for c in text:
            w = width(c)
            if used + w > room - 1:
                break
            out.append(c)
            used += w
        text = "".join(out) + "…"
    return text + " " * (room - width(text))


def table(header: list[str], rows: list[list[str]], flexible: int,
          total: int | None = None, right: tuple[int, ...] = ()) -> str:
    """A plain text table; column `flexible` shrinks so the lines fit `total`.

    Written by hand because a rich Table measures every cell through its
    renderer, which took seconds for 10,000 rows.
    """
    widths = [max([width(h)] + [width(r[i]) for r in rows]) for i, h in enumerate(header)]
    if total is not None:
        others = sum(widths) - widths[flexible] + 2 * (len(widths) - 1)
        widths[flexible] = max(12, min(widths[flexible], total - others))

    def line(cells: list[str]) -> str:
        parts = []
        for i, (text, room) in enumerate(zip(cells, widths)):
            cut = fit(text, room)
            parts.append(cut.rstrip().rjust(room) if i in right else cut)
        return "  ".join(parts).rstrip()

    rule = "  ".join("─" * w for w in widths)
    return "\n".join([line(header), rule] + [line(r) for r in rows])
