"""Words for values, shared by the CLI, the TUI and the report (no screen code).

The store and the sync return data; this module makes the sentences, through
the catalogue, in the chosen language. `visible()` is the one function that
shows text from people and plans as text, in every output.
"""

from __future__ import annotations

import re

from .catalogue import day, language, t
from .shown import has_control, one_column, visible, width  # noqa: F401 (the one rule each; faces use them from here)
from .errors import RevertBlocked, StaleEdit
from .model import (AGENDA_KINDS, HEADS, LEAD, AuditEntry, PlanInfo, Reverted, SyncLine, field_year,
                    split_item_field, split_record_field)
from .lookup import parse_date, read_stamp  # noqa: F401 (parse_date: for the faces)

FIELDS = ("status", "owners", "note", "added", "archived", "id", "title", "short", "kind",
          "description", "objective", "also_supports", "lead", "placement")


def visible_json(text: str) -> str:
    """JSON with the C1 control characters and the bidirectional overrides (which
    json leaves raw) escaped: the same data, harmless in a terminal or a viewer."""
    return _C1.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


_C1 = re.compile(r"[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def status(info: PlanInfo, key: str) -> str:
    """A status in the chosen language ('igangsat' / 'in progress')."""
    return info.status(key).label(language())


def level(info: PlanInfo, key: str | None) -> str:
    """A year's priority level in the chosen language, '–' for none."""
    return info.level(key).label(language()) if key else "–"


KINDS = {"projekt": "kind.project", "aftalt indsats": "kind.agreed"}


def kind(word: str) -> str:
    """An initiative's kind in the chosen language ('project' / 'projekt')."""
    return t(KINDS[word]) if word in KINDS else word


def owners(info: PlanInfo, ids) -> str:
    """'Region Hovedstaden, PLO-Hovedstaden' for ('region', 'plo'); '–' for none."""
    return ", ".join(info.owner_name(o) for o in ids) or "–"


def source(name: str) -> str:
    """Where an edit was made, in words: 'i programmet', 'fra planfilen', …"""
    from .catalogue import CATALOGUES

    key = f"source.{name}"
    return t(key) if key in CATALOGUES["en"] else name


def owners_short(info: PlanInfo, ids, lead: str = "") -> str:
    """Owners as narrow tables and forms show them: short names ('Regionen, PLO'),
    the lead (if given) first and marked: 'PLO (tovholder), Regionen'."""
    if lead:  # (sorted is stable: the others keep their order)
        ids = sorted(ids, key=lambda o: o != lead)
    return ", ".join(visible(info.owner_short(o)) + (f" ({t('lead.short')})" if lead and o == lead
                                                     else "") for o in ids)


def objective_title(info: PlanInfo, objective_id: str) -> str:
    """An objective's short title in the chosen language: the English title in
    English, where the plan has one; its id if the plan no longer has it."""
    found = info.objective(objective_id)
    if found is None:
        return objective_id
    _, short, title_en = found
    return title_en if language() == "en" and title_en else short


def objective(info: PlanInfo, objective_id: str) -> str:
    """'9. Sparring og rådgivning': number and title."""
    found = info.objective(objective_id)
    if found is None:
        return objective_id
    return f"{found[0]}. {objective_title(info, objective_id)}"


def objectives(info: PlanInfo, ids) -> str:
    return "; ".join(objective(info, o) for o in ids) or "–"


def value(info: PlanInfo, field: str, raw: str | None) -> str:
    """A stored value as people say it: labels in the chosen language, owner
    names, '–' for none."""
    if raw is None or raw == "":
        return "–"
    item = split_item_field(field) or split_record_field(field)
    if item is not None:
        field = item[2]
        if field in ("due", "date"):
            return date(raw)
        if field == "body":
            return info.body_name(raw)
        if field == "kind":
            return agenda_kind(raw)
        if field == "meeting":
            return t("value.meeting", id=raw)
    if field == LEAD:
        return info.owner_name(raw)
    if field == "placement":
        return t("value.provisional") if raw == "provisional" else raw
    if field == "status":
        return status(info, raw)
    if field == "owners":
        return owners(info, raw.split(","))
    if field.startswith("priority:"):
        return level(info, raw)
    if field == "archived":
        return t("value.yes") if raw == "1" else t("value.no")
    return raw


def field_name(field: str) -> str:
    if field.startswith("priority:"):
        return t("field.priority", year=field.split(":")[1])
    if field.startswith("deliverable:"):
        return t("field.deliverable", year=field.split(":")[1])
    item = split_item_field(field) or split_record_field(field)
    if item is not None:
        kind, item_id, attr = item
        return t(f"field.{kind}", id=item_id, attr=t(f"field.{kind}_{attr}"))
    return t(f"field.{field}") if field in FIELDS else field


def field_named(text: str, fields: list[str]) -> str:
    """Which of `fields` the person means by `text`: its key (priority:2024) or its
    name as the sync line said it ('ansvarlige', 'prioritet 2024'); else `text`."""
    wanted = " ".join(text.casefold().split())
    return next((field for field in fields if wanted in (
        field.casefold(), " ".join(field_name(field).casefold().split()))), text)


def agenda_kind(kind: str) -> str:
    """'til beslutning' / 'for decision' … as the word alone: 'beslutning'."""
    return t(f"kind.{kind}") if kind in AGENDA_KINDS else kind


def date(iso: str) -> str:
    """A date as people write it in the chosen language; '–' for none."""
    return day(iso) if iso else "–"


def action_status(info: PlanInfo, key: str) -> str:
    return status(info, key) if key else "–"


def days_late(days: int) -> str:
    """'3 days' / '3 dage', in a column headed 'Overdue'."""
    return t("action.days_one") if days == 1 else t("action.days", days=days)


def overdue(days: int) -> str:
    """'3 days overdue' / '3 dage over fristen'."""
    return t("action.overdue_one") if days == 1 else t("action.overdue", days=days)


def action_line(info: PlanInfo, action, date: str | None = None) -> str:
    """'#3 2024 · Hold kick-off · Region Hovedstaden · due 01.03.2024 · planned'."""
    lead = getattr(action, "lead", "")
    named = [info.owner_name(o) + (f" ({t('lead.short')})" if o == lead else "")
             for o in sorted(action.owners, key=lambda o: o != lead)]
    parts = [f"#{action.id} {action.year}", action.text, ", ".join(named) or "–"]
    if action.due:
        parts.append(t("action.due", date=day(action.due)))
    parts.append(action_status(info, action.status))
    late = action.overdue(date, info) if date else 0
    if late:
        parts.append(overdue(late))
    return visible(" · ".join(parts))


def decision_line(decision) -> str:
    """'19.05.2024 Praksisplanudvalget: approved the plan'."""
    head = day(decision.date) + (f" {decision.by}" if decision.by else "")
    return visible(f"{head}: {decision.text}")


def fold(entries: list[AuditEntry]) -> list[AuditEntry]:
    """The history with an action or decision added or removed in one line: its
    other attributes, changed by the same edit, go into that line's `details`."""
    import dataclasses

    whole: dict[tuple[int, str], AuditEntry] = {}  # (edit, item) → its head row
    for e in entries:
        item = split_item_field(e.field) or split_record_field(e.field)
        if item and item[2] == HEADS[item[0]] and not (e.old and e.new):
            whole[(e.edit_id, e.field[: -len(item[2])])] = e
    if not whole:
        return entries
    details: dict[int, list] = {}
    out = []
    for e in entries:
        item = split_item_field(e.field) or split_record_field(e.field)
        key = (e.edit_id, e.field[: -len(item[2])]) if item else None
        if key in whole and item[2] != HEADS[item[0]]:
            details.setdefault(whole[key].id, []).append((item[2], e.new or e.old or ""))
            continue
        out.append(e)
    return [dataclasses.replace(e, details=tuple(details.get(e.id, ()))) for e in out]


def when(stamp: str) -> str:
    """A UTC stamp as local 'YYYY-MM-DD HH:MM'."""
    moment = read_stamp(stamp)
    if moment is None:
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
        return t("change.added", objective=objective(info, entry.new))
    if entry.field == "archived":
        return t("change.archived" if entry.new == "1" else "change.unarchived")
    if entry.field == "id":
        return t("change.renamed", old=entry.old)
    if entry.field == "continues":
        return t("change.continued", plan=entry.new, ref=entry.old)
    if entry.field in ("title", "short", "description", "kind", "objective", "also_supports"):
        return t("change.by_plan", field=name)
    if entry.action == "resolve":  # `tracker resolve`: which value now stands, and that it is settled
        now = value(info, entry.field, entry.new)
        if entry.old == entry.new:
            return t("change.resolved_kept", field=name, value=now)
        return t("change.resolved_took", field=name, old=value(info, entry.field, entry.old),
                 value=now)
    item = split_item_field(entry.field) or split_record_field(entry.field)
    if item is not None and item[2] == HEADS[item[0]] and not (entry.old and entry.new):
        kind, item_id, head = item
        what = "added" if entry.new else "removed"
        text = value(info, entry.field, entry.new or entry.old) if head == "date" \
            else " ".join((entry.new or entry.old or "").split())
        facts = [value(info, f"{kind}:{item_id}:{attr}", raw) for attr, raw in entry.details
                 if raw and attr != "status"]
        undo = {"undo": t("change.undo"), "redo": t("change.redo")}.get(entry.action, "")
        return t(ITEM_CHANGES[kind, what], id=item_id, text=text) + \
            (f" ({'; '.join(facts)})" if facts else "") + undo
    action = {"undo": t("change.undo"), "redo": t("change.redo")}.get(entry.action, "")
    return (f"{name}: {value(info, entry.field, entry.old)} → "
            f"{value(info, entry.field, entry.new)}{action}")


ITEM_CHANGES = {("action", "added"): "change.action_added",
                ("action", "removed"): "change.action_removed",
                ("decision", "added"): "change.decision_added",
                ("decision", "removed"): "change.decision_removed",
                ("meeting", "added"): "change.meeting_added",
                ("meeting", "removed"): "change.meeting_removed",
                ("item", "added"): "change.item_added",
                ("item", "removed"): "change.item_removed",
                ("milestone", "added"): "change.milestone_added",
                ("milestone", "removed"): "change.milestone_removed"}


def fit(text: str, room: int) -> str:
    """`text` cut to `room` columns with an ellipsis, padded to exactly `room`."""
    if one_column(text):
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
    """A plain text table of `rows`; see `column_table`."""
    columns = [list(c) for c in zip(*rows)] if rows else [[] for _ in header]
    return column_table(header, columns, flexible, total, right)


def column_table(header: list[str], columns: list[list[str]], flexible: int,
                 total: int | None = None, right: tuple[int, ...] = ()) -> str:
    """A plain text table given a list per column; column `flexible` shrinks so the
    lines fit `total`, columns in `right` are aligned right.

    Written by hand because a rich Table measures every cell through its
    renderer, which took seconds for 10,000 rows. A column of one-column
    characters that fits is padded by one format string; only the others are
    measured and cut a cell at a time.
    """
    simple = [one_column("".join(c) + h) for c, h in zip(columns, header)]
    widths = [max(len(h), max(map(len, col), default=0)) if plain else
              max(width(h), max(map(width, col), default=0))
              for col, h, plain in zip(columns, header, simple)]
    if total is not None:
        others = sum(widths) - widths[flexible] + 2 * (len(widths) - 1)
        widths[flexible] = max(12, min(widths[flexible], total - others))
    cells, specs = [], []  # each column, and how the format string puts it in its place
    last, clean = len(widths) - 1, False
    for i, (col, plain, room) in enumerate(zip(columns, simple, widths)):
        if not plain or (i == flexible and max(map(len, col), default=0) > room):
            col = [fit(text, room) for text in col]  # measured and cut a cell at a time
            if i in right:
                col = [text.rstrip().rjust(room) for text in col]
            specs.append("{}")
        elif i in right:
            if _ends_clean(col):
                specs.append(f"{{:>{room}}}")
            else:
                col = [text.rstrip().rjust(room) for text in col]
                specs.append("{}")
        elif i == last and _ends_clean(col):  # nothing to pad, and no line to strip after
            specs.append("{}")
            clean = True
        else:
            specs.append(f"{{:<{room}}}")
        cells.append(col)
    fmt = "  ".join(specs)
    lines = map(fmt.format, *cells)
    if not clean:
        lines = map(str.rstrip, lines)
    head = [fit(h, room).rstrip().rjust(room) if i in right else fit(h, room)
            for i, (h, room) in enumerate(zip(header, widths))]
    rule = "  ".join("─" * w for w in widths)
    return "\n".join(["  ".join(head).rstrip(), rule, *lines])


def narrowed(header: list[str], columns: list[list[str]], total: int, flexible: int,
             order: list[int], least: int = 20) -> tuple[list[str], list[list[str]], int,
                                                         list[str]]:
    """The columns that fit `total` with the `flexible` one at least `least` wide:
    those in `order` left out one by one until they do. (header, columns, the
    flexible column's new index, the headers left out)."""
    widths = [max(width(h), max(map(width, col), default=0)) for h, col in zip(header, columns)]
    shown = list(range(len(header)))

    def needed() -> int:
        # (the flexible column is never cut below 12: column_table's least)
        return sum(max(12, min(widths[i], least)) if i == flexible else widths[i]
                   for i in shown) + 2 * (len(shown) - 1)

    for i in order:
        if needed() <= total:
            break
        shown.remove(i)
    return ([header[i] for i in shown], [columns[i] for i in shown], shown.index(flexible),
            [header[i] for i in range(len(header)) if i not in shown])


_SPACE_AT_END = re.compile(r"\s\n")


def _ends_clean(cells: list[str]) -> bool:
    """No cell is empty or ends in whitespace (one search over them all), so a line
    ending in one needs no rstrip."""
    return _SPACE_AT_END.search("\n" + "\n".join(cells) + "\n") is None


# -- results and errors of the core, in words -----------------------------------------


def explain(error: Exception, info: PlanInfo | None = None) -> str:
    """The message for an error the core raised, in words (and visible)."""
    if isinstance(error, StaleEdit):
        changes = "; ".join(
            f"{c.who} " + _changed(info, c.field, c.old, c.new) for c in error.changes
            if info is not None) or t("err.someone")
        return visible(t("err.stale", id=error.initiative_id, changes=changes))
    if isinstance(error, RevertBlocked):
        return visible(t(f"err.cannot_{error.action}", id=error.initiative_id
                         or t("records.name"),
                         field=field_name(error.field),
                         now=value(info, error.field, error.now) if info else error.now))
    return visible(str(error))


def _changed(info: PlanInfo, field: str, old, new) -> str:
    return change(info, AuditEntry(0, 0, "", "", "", "edit", None, field, old, new))


def reverted(info: PlanInfo, done: Reverted, name: str | None = None) -> str:
    """'Undone: HAPS — status ikke påbegyndt, the note' (`name`: the initiative's)."""
    if done.initiative_id is None:  # the committee's records: what came or went
        parts = [t(ITEM_CHANGES[kind, "added" if c.new else "removed"], id=record_id,
                   text=value(info, c.field, c.new or c.old))
                 for c in done.changes for kind, record_id, attr in [split_record_field(c.field)]
                 if attr == HEADS[kind]]
        return visible(t(f"msg.{done.action}_records", summary="; ".join(parts) or "–"))
    # An action or decision that came or went is said once, by its text, not
    # field by field ('handling #5 fjernet: Evaluere pilot').
    whole = {item[:2]: c for c in done.changes
             for item in [split_item_field(c.field)] if item and item[2] == HEADS[item[0]]
             and not (c.old and c.new)}
    parts = [t(ITEM_CHANGES[kind, "added" if c.new else "removed"], id=item_id,
               text=value(info, c.field, c.new or c.old))
             for (kind, item_id), c in whole.items()]
    parts += [f"{field_name(c.field)} {value(info, c.field, c.new)}"
              for c in done.changes if c.field != "note"
              and (split_item_field(c.field) or ("",))[:2] not in whole]
    if any(c.field == "note" for c in done.changes):
        parts.append(t("err.the_note"))
    return visible(t(f"msg.{done.action}_done", name=name or done.initiative_id,
                     summary=", ".join(parts)))


def resolved(info: PlanInfo, initiative_id: str, field: str, outcome: str, raw: str) -> str:
    key = "sync.took_plan" if outcome == "took_plan" else "sync.kept"
    return visible(t(key, id=initiative_id, field=field_name(field),
                     value=value(info, field, raw)))


def sync_line(info: PlanInfo, line: SyncLine) -> str:
    """'+ haps  HAPS (objective m9)', '! haps  status: plan says …'."""
    head = f"{line.sign} {line.id}  " if line.id else f"{line.sign} "
    return visible(head + _sync_text(info, line)).rstrip()


def _sync_text(info: PlanInfo, line: SyncLine) -> str:
    d, kind = line.data, line.kind
    if kind in ("from_plan", "from_file"):
        key = "sync.from_plan" if kind == "from_plan" else "state.took"
        return t(key, field=field_name(d["field"]), old=value(info, d["field"], d["old"]),
                 new=value(info, d["field"], d["new"]))
    if kind == "conflict":
        return t("sync.conflict_line", field=field_name(d["field"]),
                 plan=value(info, d["field"], d["plan"]),
                 tracker=value(info, d["field"], d["tracker"]),
                 base=value(info, d["field"], d["base"]))
    if kind == "file_conflict":
        return t("state.conflict", field=field_name(d["field"]),
                 file=value(info, d["field"], d["file"]),
                 tracker=value(info, d["field"], d["tracker"]))
    if kind == "text":
        return t("sync.text", field=field_name(d["field"]), old=_short(d["old"]),
                 new=_short(d["new"]))
    if kind == "unknown_word":
        year = field_year(d["field"])
        item = split_item_field(d["field"])
        if item is not None:  # an action's status
            return t("sync.unknown_action_status", number=item[1], value=d["value"],
                     choices=", ".join(s.key for s in info.statuses))
        if year is None:
            return t("sync.unknown_status", value=d["value"], id=line.id,
                     choices=", ".join(s.key for s in info.statuses))
        return t("sync.unknown_level", value=d["value"], id=line.id, year=year,
                 choices=", ".join(lv.key for lv in info.levels))
    if kind == "outside_period":
        return t("state.outside_period", field=field_name(d["field"]), value=d["value"],
                 period=d["period"])
    if kind == "roster":  # who came, went or was renamed; or only a new order
        def named(pairs) -> str:
            return ", ".join(f"{name} ({ident})" for ident, name in pairs) or "–"

        if not d["old"] and not d["new"]:
            return t("sync.roster_order", order=", ".join(d["order"]))
        return t("sync.roster", old=named(d["old"]), new=named(d["new"]))
    if kind in WORD_CHANGES:
        return t(WORD_CHANGES[kind], old=", ".join(d["old"]), new=", ".join(d["new"]))
    if kind == "note":
        return t("state.note_by", author=d["author"])
    if kind == "objective_added" and info and info.objective(line.id):
        return t("sync.objective_added", number=info.objective(line.id)[0],
                 name=objective_title(info, line.id))
    if kind in ("action_added", "file_action"):
        key = "sync.action_added" if kind == "action_added" else "state.action_added"
        return t(key, id=d["action"], year=d["year"], text=_short(d["text"]))
    if kind == "decision":
        return t("state.decision", text=_short(d["text"]))
    if kind == "meeting_gone":
        return t("sync.meeting_gone", date=day(d["date"]), count=d["items"])
    if kind in ("meeting_added", "milestone_added"):
        return t(f"sync.{kind}", date=day(d["date"]), text=_short(d["text"]))
    if kind == "continued":
        return t("sync.continued", plan=d["plan"], ref=d["ref"], what=", ".join(
            t(f"carried.{name}" + ("_one" if count == 1 else ""), count=count)
            for name, count in d["what"]))
    if kind == "not_continued":
        words = d["status_words"][0 if language() == "da" else 1]
        return t("sync.not_continued", plan=d["plan"], name=d["name"], status=words)
    if kind == "added":
        return t("sync.added", name=d["name"], objective=objective(info, d["objective"])
                 if info else d["objective"])
    return t(PLAIN_LINES[kind], **d)


WORD_CHANGES = {"statuses": "sync.statuses", "levels": "sync.levels"}
PLAIN_LINES = {  # kinds whose data are the message's values as they are
    "added": "sync.added", "archived": "sync.archived", "back": "sync.back",
    "renamed": "sync.renamed", "period": "sync.period",
    "objective_added": "sync.objective_added", "objective_back": "sync.objective_back",
    "objective_changed": "sync.objective_changed",
    "objective_archived": "sync.objective_archived"}


def sync_summary(result) -> str:
    """'Added 1, changed 2, archived 0. 1 conflict: …'."""
    if not result.changed:
        text = t("sync.none")
    else:
        text = t("sync.would" if result.dry_run else "sync.did", added=result.count("+"),
                 changed=result.count("~"), archived=result.count("-"))
    conflicts = len(result.notices("!"))
    if conflicts:
        text += " " + (t("sync.conflicts", count=conflicts) if conflicts != 1
                       else t("sync.conflicts_one"))
    unknown = sum(1 for line in result.notices("?")
                  if line.kind in ("unknown_word", "outside_period"))
    if unknown:
        text += " " + t("sync.unknown_count", count=unknown)
    left = sum(1 for line in result.notices("?") if line.kind == "not_continued")
    if left:
        text += " " + t("sync.not_continued_count", count=left)
    return text


def _short(text, width: int = 50) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1] + "…"
