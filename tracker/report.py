"""The status report: a pure function of the database, as markdown or JSON.

`build(store, ...)` gathers the content once; `markdown()` and `to_json()`
render it. The same database gives byte-identical output (the date is an
argument), so reports diff cleanly in git.
"""

from __future__ import annotations

import collections
import functools
import json
import re

from . import meeting_words, present
from .changes import changes_since, time_zones
from .bulk import collector_paused
from .catalogue import day, t
from .model import InitiativeView, display_name
from .present import visible, visible_json
from .store import Store

BAR_WIDTH = 10




@collector_paused()
def build(store: Store, date: str, year: int | None = None, owner: str | None = None,
          since: str | None = None) -> dict:
    """Everything the report shows, as plain data (the JSON format is exactly this),
    in the chosen language."""
    info = store.info
    years = [year] if year is not None else info.years
    owner_id = store.owner_id(owner) if owner else None
    if year is not None:
        store.check_year(year)

    def wanted(views: list[InitiativeView]) -> list[InitiativeView]:
        return [v for v in views
                if (owner_id is None or owner_id in v.owners)
                and (year is None or year in v.priorities)]

    status_label = functools.lru_cache(maxsize=None)(  # a few words, asked on every row
        functools.partial(status_word, info))

    objective_names = {o[0]: present.objective(info, o[0]) for o in info.objectives}
    terms = {term.key: term for term in info.statuses}
    year_keys = [(y, str(y)) for y in years]
    owner_entries = {o: {"id": o, "name": name} for o, name in info.roster}

    def term(key: str):
        return terms.get(key) or info.status(key)

    def row(v: InitiativeView) -> dict:
        status = term(v.status)
        note = v.latest_note
        return {
            "id": v.id, "title": v.title, "short": v.short, "kind": v.kind,
            "description": v.description, "objective": v.objective_id,
            "also_supports": [{"id": o, "name": objective_names.get(o, o)}
                              for o in v.also_supports],
            "owners": meeting_words.owner_entries(info, v) if v.lead else
            [owner_entries.get(o) or {"id": o, "name": o} for o in v.owners],
            "status": status.key, "status_label": status_label(status.key),
            "done": status.done, "dropped": status.dropped,
            "priorities": {text: v.priorities.get(y, "") for y, text in year_keys},
            "latest_note": None if note is None else
            {"text": note.text, "author": note.author, "at": note.created_at},
        }

    all_views = store.initiatives()
    by_objective: dict[str, list[InitiativeView]] = {}
    for v in all_views:
        by_objective.setdefault(v.objective_id, []).append(v)
    objectives = []
    for objective in store.objectives():
        views = wanted(by_objective.get(objective.id, []))
        counted = [s for s in map(term, (v.status for v in views)) if not s.dropped]
        objectives.append({
            "id": objective.id, "number": objective.number,
            "name": present.objective_title(info, objective.id),
            "title": objective.title,
            "done": sum(1 for s in counted if s.done),
            "total": len(counted),
            "initiatives": [row(v) for v in views],
        })
    shown = [i for o in objectives for i in o["initiatives"]]
    counts = collections.Counter(i["status"] for i in shown)
    unknown = sorted(key for key in counts if not info.knows_status(key))
    conflicts = store.conflicts()
    names = {v.id: v.name for v in all_views}
    actions = [action_row(info, a, names, date) for a in store.actions()
               if owner_id is None or owner_id in a.owners]
    plan_year = year if year is not None else info.plan_year(date)
    return {
        "plan": meeting_words.plan_facts(info, date, all_views),
        "date": date,
        "filters": {"year": year, "owner": owner_id},
        "owner_names": dict(info.roster),
        "years": years,
        "levels": {term.key: present.level(info, term.key) for term in info.levels},
        "statuses": [{"key": key, "label": status_label(key), "count": counts[key]}
                     for key in [term.key for term in info.statuses] + unknown],
        "objectives": objectives,
        "archived": [row(v) for v in wanted(store.initiatives(archived=True))],
        "attention": {
            "overdue": sorted((a for a in actions if a["overdue_days"]),
                              key=lambda a: (-a["overdue_days"], a["id"])),
            "initiatives": [i for i in shown if term(i["status"]).attention],
            "conflicts": len(conflicts),
        },
        "plan_year": plan_year,
        "by_party": by_party(info, shown, [a for a in actions if a["year"] == plan_year],
                             owner_id),
        "since": since,
        "changes": changes_since(store, since, objectives) if since else [],
        "conflicts": [{**c.__dict__, "field_name": present.field_name(c.field),
                       "plan_label": present.value(info, c.field, c.plan_value),
                       "tracker_label": present.value(info, c.field, c.tracker_value),
                       "name": names.get(c.initiative_id, c.initiative_id)}
                      for c in conflicts],
    }


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
            "owners": [{"id": o, "name": info.owner_name(o)} for o in action.owners],
            "due": action.due, "status": action.status,
            "status_label": status_word(info, action.status) if action.status else "–",
            "overdue_days": action.overdue(date, info)}


def by_party(info, initiatives: list[dict], actions: list[dict], owner_id) -> list[dict]:
    """Per party and person (the filtered owner only, if any): the initiatives
    they own and their actions of the plan year. People with nothing are left out."""
    out = []
    owned_by: dict[str, list[dict]] = {}
    for i in initiatives:
        for o in i["owners"]:
            owned_by.setdefault(o["id"], []).append(i)
    for ident, name in info.roster:
        if owner_id is not None and ident != owner_id:
            continue
        owned = [{"id": i["id"], "name": display_name(i["short"], i["title"]),
                  "status_label": i["status_label"]} for i in owned_by.get(ident, [])]
        theirs = [a for a in actions if any(o["id"] == ident for o in a["owners"])]
        if owned or theirs or owner_id == ident or ident in info.parties:
            out.append({"id": ident, "name": name, "initiatives": owned, "actions": theirs})
    return out


@collector_paused()
def implementation_plan(store: Store, year: int, date: str) -> dict:
    """The yearly implementation plan as plain data: per objective, the
    initiatives prioritised for `year` or with actions in it (highest level
    first), their actions; who does what; the decisions so far."""
    info = store.info
    store.check_year(year)
    # An archived initiative (gone from the plan) is listed, marked, while it has
    # actions that year: its records stay in sight.
    views = store.initiatives(archived=None)
    actions: dict[str, list] = {}
    names = {v.id: v.name for v in views}
    for a in store.actions(year=year, archived=True):
        actions.setdefault(a.initiative_id, []).append(action_row(info, a, names, date))
    rank = {term.key: n for n, term in enumerate(info.levels)}
    objectives = []
    for objective in store.objectives():
        chosen = [v for v in views if v.objective_id == objective.id
                  and ((v.priorities.get(year) and not v.archived) or v.id in actions)]
        chosen.sort(key=lambda v: rank.get(v.priorities.get(year, ""), len(rank)))
        objectives.append({
            "id": objective.id, "number": objective.number,
            "name": present.objective_title(info, objective.id), "title": objective.title,
            "initiatives": [{
                "id": v.id, "name": v.name, "title": v.title, "archived": v.archived,
                "level": v.priorities.get(year, ""),
                "level_label": present.level(info, v.priorities.get(year)),
                "status_label": status_word(info, v.status),
                "owners": meeting_words.owner_entries(info, v),
                "deliverable": v.deliverables.get(year, ""),
                "actions": actions.get(v.id, []),
            } for v in chosen]})
    listed = [i for o in objectives for i in o["initiatives"]]
    return {
        "plan": meeting_words.plan_facts(info, date, views),
        "year": year, "date": date,
        "levels": {term.key: present.level(info, term.key) for term in info.levels},
        "objectives": objectives,
        "parties": [{"id": ident, "name": name} for ident, name in info.roster
                    if any(ident in {o["id"] for o in i["owners"]}
                           | {o["id"] for a in i["actions"] for o in a["owners"]}
                           for i in listed) or ident in info.parties],
        "decisions": [{"id": d.id, "initiative": d.initiative_id,
                       "name": names.get(d.initiative_id, d.initiative_id), "date": d.date,
                       "text": d.text, "by": d.by, "archived": d.archived}
                      for d in store.decisions(archived=True) if d.date <= date],
    }


def to_json(report: dict) -> str:
    return visible_json(json.dumps(report, ensure_ascii=False, indent=2)) + "\n"


# ---------------------------------------------------------------------------
# Markdown. Every piece of user text goes through `cell()` or `inline()`, so a
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


def title_cell(initiative: dict) -> str:
    """The short name in bold above the full title (when the plan gives one), then
    the description (a project's purpose) and the objectives it also supports."""
    short, title = initiative["short"], initiative["title"]
    parts = [f"**{inline(short)}**<br>{cell(title)}" if short and short != title
             else cell(title)]
    if initiative["description"]:
        parts.append(f"_{cell(initiative['description'])}_")
    if initiative["also_supports"]:
        parts.append(t("report.also_supports", objectives="; ".join(
            inline(o["name"]) for o in initiative["also_supports"])))
    return "<br>".join(parts)


MARKS = ["●●●", "●●○", "●○○", "○○○"]


def priority_mark(level: str, levels: dict) -> str:
    """'●●○ middel': the level as dots (high first) and its word; '–' when unset."""
    if not level:
        return "–"
    keys = list(levels)
    dots = MARKS[min(keys.index(level), len(MARKS) - 1)] if level in keys else ""
    return f"{dots} {inline(levels.get(level, level))}".strip()


def mermaid_label(text: str) -> str:
    """A label safe inside a mermaid string: no quotes, no line breaks, no markup,
    no directive (`%%{init …}%%`), control characters shown as symbols."""
    return " ".join(visible(str(text)).replace('"', "'").translate(_MERMAID_DROPPED)
                    .replace(";", ",").split())


_MERMAID_DROPPED = {ord(c): None for c in "#%{}<>`"}


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


def attention(report: dict) -> list[str]:
    """What needs attention, first: overdue actions, delayed and paused
    initiatives with their latest note, open sync conflicts; or one line."""
    found = report["attention"]
    lines = ["", f"## {t('report.attention')}", ""]
    if not (found["overdue"] or found["initiatives"] or found["conflicts"]):
        return lines + [f"_{t('report.attention_none')}_"]
    if found["overdue"]:
        lines += [f"**{t('report.overdue', count=len(found['overdue']))}**", ""]
        lines += table([t("report.action"), t("report.initiative"), t("report.owners"),
                        t("report.due"), t("report.late")],
                       [[f"#{a['id']} {inline(a['text'])}", inline(a["name"]), owner_names(a),
                         due(a), present.overdue(a["overdue_days"])]
                        for a in found["overdue"]])
        lines.append("")
    if found["initiatives"]:
        lines += [f"**{t('report.attention_initiatives')}**", ""]
        for i in found["initiatives"]:
            note = i["latest_note"]
            said = (f" — {inline(note['text'])} ({inline(note['author'])}, "
                    f"{day(note['at'][:10])})" if note else f" — _{t('report.no_note')}_")
            lines.append(f"- **{inline(i['short'] or i['title'])}** "
                         f"({inline(i['status_label'])}){said}")
        lines.append("")
    if found["conflicts"]:
        lines += [t("report.attention_conflicts", count=found["conflicts"]), ""]
    lines.pop()
    return lines


OWNS_LISTED = 20  # beyond this many, a party's initiatives are counted, not named


def parties_section(report: dict) -> list[str]:
    """Who does what in the plan year: per party (and person) the initiatives
    they own and their actions."""
    if not report["by_party"]:
        return []
    lines = ["", f"## {t('report.by_party', year=report['plan_year'])}"]
    for party in report["by_party"]:
        lines += ["", f"### {inline(party['name'])}", ""]
        owned = party["initiatives"]
        if len(owned) > OWNS_LISTED:  # a thousand names on one line: nobody reads it
            counts = collections.Counter(i["status_label"] for i in owned)
            words = [s["label"] for s in report["statuses"] if s["label"] in counts]
            said = t("report.owns_many", count=len(owned), statuses=", ".join(
                f"{counts[w]} {inline(w)}" for w in words + sorted(counts.keys() - set(words))))
        else:
            said = "; ".join(f"{inline(i['name'])} ({inline(i['status_label'])})"
                             for i in owned) or "–"
        lines.append(f"{t('report.owns')}: {said}")
        lines.append("")
        if party["actions"]:
            lines += [action_item(a) for a in party["actions"]]
        else:
            lines.append(f"_{t('report.no_actions_year', year=report['plan_year'])}_")
    return lines


def action_item(a: dict) -> str:
    """'- #3 Agree data flow (HAPS) · due 01.06.2024 · not started · **30 days overdue**'."""
    parts = [f"#{a['id']} {inline(a['text'])} ({inline(a['name'])})"]
    if a["due"]:
        parts.append(t("action.due", date=day(a["due"])))
    parts.append(inline(a["status_label"]))
    if a["overdue_days"]:
        parts.append(f"**{present.overdue(a['overdue_days'])}**")
    return "- " + " · ".join(parts)


@collector_paused()
def implementation_markdown(doc: dict) -> str:
    """The yearly implementation plan as a document a chair can send."""
    plan, year, levels = doc["plan"], doc["year"], doc["levels"]
    lines = [f"# {t('plan.title', year=year, title=inline(plan['title']))}", ""]
    facts = [inline(plan["region"]) if plan["region"] else "",
             t("report.period", period=plan["period"]), t("report.date", date=day(doc["date"]))]
    lines += [" · ".join(f for f in facts if f)] + meeting_words.ended_and_source(plan)[0]
    lines += ["", t("plan.intro", year=year)]
    for objective in doc["objectives"]:
        if not objective["initiatives"]:
            continue
        lines += ["", f"## {objective['number']}. {inline(objective['name'])}", "",
                  f"> {inline(objective['title'])}"]
        for i in objective["initiatives"]:
            mark = f" {t('mark.archived')}" if i["archived"] else ""
            lines += ["", f"### {inline(i['name'])}{mark}", ""]
            lines.append(" · ".join([
                f"{t('plan.priority', year=year)}: {priority_mark(i['level'], levels)}",
                f"{t('report.status')}: {inline(i['status_label'])}",
                f"{t('report.owners')}: {owner_names(i)}"]))
            if i["deliverable"]:
                lines += ["", f"{t('plan.deliverable', year=year)}: {inline(i['deliverable'])}"]
            lines.append("")
            if i["actions"]:
                lines += table(["#", t("report.action"), t("report.owners"), t("report.due"),
                                t("report.status")],
                               [[f"#{a['id']}", cell(a["text"]), owner_names(a), due(a),
                                 inline(a["status_label"]) + (
                                     f" · **{present.overdue(a['overdue_days'])}**"
                                     if a["overdue_days"] else "")]
                                for a in i["actions"]])
            else:
                lines.append(f"_{t('report.no_actions_year', year=year)}_")
    listed = [i for o in doc["objectives"] for i in o["initiatives"]]
    if not listed:
        lines += ["", f"_{t('plan.nothing', year=year)}_"]
    else:
        lines += ["", f"## {t('report.by_party', year=year)}", "", t("plan.who_legend"), ""]
        parties = doc["parties"]
        rows = []
        for i in listed:
            row = [inline(i["name"])]
            for party in parties:
                owns = any(o["id"] == party["id"] for o in i["owners"])
                count = sum(1 for a in i["actions"]
                            if any(o["id"] == party["id"] for o in a["owners"]))
                bits = (["●"] if owns else []) + (
                    [t("plan.actions", count=count) if count != 1 else t("plan.action_one")]
                    if count else [])
                row.append(" ".join(bits) or " ")
            rows.append(row)
        lines += table([t("report.initiative")] + [inline(p["name"]) for p in parties], rows)
    lines += ["", f"## {t('plan.decisions')}", ""]
    if doc["decisions"]:
        lines += [f"- {day(d['date'])}" + (f" · {inline(d['by'])}" if d["by"] else "")
                  + f" · **{inline(d['name'])}**"
                  + (f" {t('mark.archived')}" if d["archived"] else "")
                  + f" · {inline(d['text'])}"
                  for d in doc["decisions"]]
    else:
        lines.append(f"_{t('cli.no_decisions')}_")
    return visible("\n".join(lines)) + "\n"


@collector_paused()
def markdown(report: dict) -> str:
    plan = report["plan"]
    years = report["years"]
    levels = report["levels"]
    lines = [f"# {t('report.title', title=inline(plan['title']))}", ""]
    facts = [inline(plan["region"]) if plan["region"] else "",
             t("report.period", period=plan["period"]),
             t("report.adopted", date=day(plan["adopted"])) + ("¹" if plan["adopted_source"]
                                                               else "") if plan["adopted"]
             else "", t("report.date", date=day(report["date"]))]
    lines.append(" · ".join(f for f in facts if f))
    head, foot = meeting_words.ended_and_source(plan)
    lines += head
    filters = report["filters"]
    owner = filters["owner"] and inline(report["owner_names"].get(filters["owner"],
                                                                  filters["owner"]))
    if filters["year"] and owner:
        lines += ["", t("report.only_both", year=filters["year"], owner=owner)]
    elif filters["year"] or owner:
        what = (t("report.only_year", year=filters["year"]) if filters["year"]
                else t("report.only_owner", owner=owner))
        lines += ["", t("report.showing_only", what=what)]
    lines += attention(report)
    lines += ["", f"## {t('report.summary')}", ""]
    lines += table([t("report.status"), t("report.initiatives")],
                   [[inline(s["label"]), str(s["count"])] for s in report["statuses"]],
                   ["---", "---:"])
    lines.append("")
    lines += table([t("report.objective"), t("report.done"), t("report.progress")],
                   [[f"{o['number']}. {inline(o['name'])}",
                     f"{o['done']}/{o['total']}" if o["total"] else "–",
                     f"`{bar(o['done'], o['total'])}`" if o["total"] else "–"]
                    for o in report["objectives"]],
                   ["---", "---:", "---"])
    lines += ["", "```mermaid", f"pie showData title {mermaid_label(t('report.chart'))}"]
    lines += [f'    "{mermaid_label(s["label"])}" : {s["count"]}'
              for s in report["statuses"] if s["count"]]
    lines += ["```", "", f"### {t('report.priorities')}", ""]
    year_texts = [str(y) for y in years]
    prioritised = [i for o in report["objectives"] for i in o["initiatives"]
                   if any(i["priorities"].values())]
    if prioritised:
        mark = functools.lru_cache(maxsize=None)(lambda key: priority_mark(key, levels))
        lines += table([t("report.initiative")] + year_texts,
                       [[inline(display_name(i["short"], i["title"]))]
                        + [mark(i["priorities"][y]) for y in year_texts]
                        for i in prioritised])
        lines += ["", t("report.legend") + " " +
                  " · ".join(priority_mark(key, levels) for key in levels)]
    else:
        lines.append(f"_{t('report.no_priorities')}_")

    @functools.lru_cache(maxsize=None)
    def level_cell(key: str) -> str:
        return inline(levels.get(key, key)) or "–"

    # Statuses and owners: a few texts, on every row.
    status_cell = functools.lru_cache(maxsize=None)(inline)
    owners_cell = functools.lru_cache(maxsize=None)(cell)

    def initiative_table(items: list[dict]) -> list[str]:
        header = [t("report.id"), t("report.initiative"), t("report.owners"),
                  t("report.status")] + year_texts + [t("report.latest_note")]
        lines = table(header, [])
        for i in items:  # one f-string a row: at 10,000 rows the lists cost
            note = i["latest_note"]
            priorities = i["priorities"]
            owners = (owners_cell(", ".join(o["name"] for o in i["owners"])) if i["owners"]
                      else "–")
            said = (f"{cell(note['text'])} ({inline(note['author'])}, {day(note['at'][:10])})"
                    if note else "–")
            lines.append(f"| `{i['id']}` | {title_cell(i)} | {owners} | "
                         f"{status_cell(i['status_label'])} | "
                         f"{' | '.join([level_cell(priorities[y]) for y in year_texts])} | "
                         f"{said} |")
        return lines

    for objective in report["objectives"]:
        lines += ["", f"## {objective['number']}. {inline(objective['name'])}", "",
                  f"> {inline(objective['title'])}", ""]
        if objective["initiatives"]:
            lines += initiative_table(objective["initiatives"])
        else:
            lines.append(f"_{t('report.no_initiatives')}_")
    lines += parties_section(report)
    if report["archived"]:
        lines += ["", f"## {t('report.archived')}", "", t("report.archived_note"), ""]
        lines += initiative_table(report["archived"])
    if report["since"]:
        lines += ["", f"## {t('report.changes_since', date=day(report['since']))}", ""]
        if not report["changes"]:
            lines.append(f"_{t('report.no_changes')}_")
        else:
            lines += [f"_{t('report.local_times', zones=time_zones(report))}_", ""]
        for group in report["changes"]:
            lines += [f"### {inline(group['name'])}", ""]
            lines += [f"- {c['when']} · {inline(c['who'])} ({c['source']}) · "
                      f"**{inline(c['name'])}** · {inline(c['text'])}"
                      for c in group["changes"]]
            lines.append("")
        if lines[-1] == "":
            lines.pop()
    if report["conflicts"]:
        lines += ["", f"## {t('report.conflicts')}", ""]
        lines += table([t("report.initiative"), t("report.field"), t("report.plan_says"),
                        t("report.tracker_has")],
                       [[inline(c["name"]), inline(c["field_name"]), cell(c["plan_label"]),
                         cell(c["tracker_label"])] for c in report["conflicts"]])
    lines += foot[:-1] + [inline(line) for line in foot[-1:]]
    # Every piece above is escaped already; this last pass is the guarantee that
    # nothing reaching a terminal or a viewer can carry a control sequence.
    return visible("\n".join(lines)) + "\n"
