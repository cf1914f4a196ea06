"""The pieces every markdown document is made of: people's text escaped so it
stays text (`inline`, `cell`), pipe tables, priority marks and progress bars,
an action's line. No document of its own: report.py, status_note.py and
final_report.py put them together."""

from __future__ import annotations

import re

from . import present
from .catalogue import day, t

BAR_WIDTH = 10
MARKS = ["●●●", "●●○", "●○○", "○○○"]

# Every piece of user text goes through `cell()` or `inline()`, so a
# title holding `|`, a newline, `<script>` or `[link](x)` stays plain text.

# One pass of str.translate: HTML-significant characters become entities,
# markdown-significant ones get a backslash, control characters vanish.
_ESCAPES = {ord("&"): "&amp;", ord("<"): "&lt;", ord(">"): "&gt;"}
_ESCAPES.update({ord(c): "\\" + c for c in "\\`*_[]#~|!$"})  # $: math on git hosts
_ESCAPES.update({c: None for c in [*range(0, 9), *range(11, 32), *range(127, 160)]})


_NEEDS_ESCAPE = re.compile(r"[&<>\\`*_\[\]#~|!$\x00-\x08\x0b-\x1f\x7f-\x9f]")


def inline(text: str) -> str:
    """User text as literal markdown on one line."""
    text = str(text)
    if _NEEDS_ESCAPE.search(text):  # most text needs nothing; translate is slow
        text = text.translate(_ESCAPES)
    elif text.isprintable() and "  " not in text and text[:1] != " " != text[-1:]:
        return text  # printable: its only space is ' ', and no run or edge to fold
    return " ".join(text.split())


def cell(text: str) -> str:
    """User text for a table cell: literal, newlines kept as <br>."""
    if "\n" not in text and "\r" not in text:  # most text: one line
        return inline(text) or " "
    lines = [inline(line) for line in str(text).splitlines()]
    return "<br>".join(line for line in lines if line) or " "


def priority_mark(level: str, levels: dict) -> str:
    """'●●○ middel': the level as dots (high first) and its word; '–' when unset."""
    if not level:
        return "–"
    keys = list(levels)
    dots = MARKS[min(keys.index(level), len(MARKS) - 1)] if level in keys else ""
    return f"{dots} {inline(levels.get(level, level))}".strip()


def bar(done: int, total: int) -> str:
    filled = round(BAR_WIDTH * done / total) if total else 0
    return "█" * filled + "░" * (BAR_WIDTH - filled)


def table(header: list[str], rows: list[list[str]], align: list[str] | None = None) -> list[str]:
    align = align or ["---"] * len(header)
    out = ["| " + " | ".join(header) + " |", "|" + "|".join(align) + "|"]
    out += ["| " + " | ".join(r) + " |" for r in rows]
    return out


def owner_names(item: dict) -> str:
    return inline(", ".join(o["name"] for o in item["owners"])) or "–"


def due(a: dict) -> str:
    return day(a["due"]) if a["due"] else "–"


def and_list(items: list[str]) -> str:
    """'1, 3, 5 og 10': a list as a sentence has it."""
    items = list(items)
    if len(items) < 2:
        return "".join(items)
    return ", ".join(items[:-1]) + t("list.and") + items[-1]


def days(count: int) -> str:
    """'667 dage' (in a column already headed 'over fristen')."""
    return t("days_one") if count == 1 else t("days", count=count)


def action_item(a: dict) -> str:
    """'- #3 Agree data flow (HAPS) · due 01.06.2024 · not started · **30 days overdue**'."""
    parts = [f"{inline(a['text'])} ({inline(a['name'])})"]
    if a["due"]:
        parts.append(t("action.due", date=day(a["due"])))
    parts.append(inline(a["status_label"]))
    if a["overdue_days"]:
        parts.append(f"**{present.overdue(a['overdue_days'])}**")
    return "- " + " · ".join(parts)


def status_word(info, key: str) -> str:
    """A status in words; one the plan's words no longer have is shown as what it is."""
    if info.knows_status(key):
        return present.status(info, key)
    return t("report.unknown_word", word=key)


def action_row(info, action, names: dict, date: str) -> dict:
    """An action as the reports show it; `overdue_days` as of the report's date."""
    return {"id": action.id, "initiative": action.initiative_id,
            "name": names.get(action.initiative_id, action.initiative_id),
            "year": action.year, "text": action.text,
            "owners": [{"id": o, "name": info.owner_name(o) if o != action.lead
                        else t("lead.marked", name=info.owner_name(o))}
                       for o in sorted(action.owners, key=lambda o: o != action.lead)],
            "due": action.due, "status": action.status,
            "status_label": status_word(info, action.status) if action.status else "–",
            "overdue_days": action.overdue(date, info)}
