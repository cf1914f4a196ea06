"""The status note a chair sends with a meeting's papers: who it is for, what
needs attention, what is on the agenda, an overview, one compact table per
objective (names, not ids), who does what, and what is different since the
last meeting — one line per initiative, never the raw history."""

from __future__ import annotations

import collections
import functools

from . import charts, meeting_words
from .bulk import collector_paused
from .catalogue import day, t
from .md import action_item, and_list, bar, days, due, inline, owner_names, priority_mark, table
from .present import visible


@collector_paused()
def markdown(report: dict) -> str:
    plan, levels = report["plan"], report["levels"]
    meeting = report.get("meeting")
    title = t("note.title_meeting", meeting=meeting["title"]) + (
        f" ({meeting['name']})" if meeting.get("name") else "") if meeting \
        else t("note.title_date", date=day(report["date"]))
    lines = [f"# {inline(title)}", ""]
    facts = [inline(plan["title"]), inline(plan["region"]) if plan["region"] else "",
             t("report.period", period=plan["period"]),
             t("report.adopted", date=day(plan["adopted"])) + ("¹" if plan["adopted_source"]
                                                               else "") if plan["adopted"]
             else "", t("report.date", date=day(report["date"]))]
    lines.append(" · ".join(f for f in facts if f))
    head, foot = meeting_words.ended_and_source(plan)
    lines += head + filters(report) + attention(report)
    if meeting and meeting["agenda"]:  # numbered as the meeting's agenda is everywhere
        lines += ["", f"## {t('note.agenda')}", ""]
        for i in meeting["agenda"]:
            kind = t("note.agenda_item_for", kind=inline(i["kind_label"]))
            lines.append(f"{i['number']}. **{inline(i['name'])}** ({kind}): {inline(i['text'])}"
                         if i["initiative"] else f"{i['number']}. {inline(i['text'])} ({kind})")
    lines += overview(report)
    year = report["plan_year"]
    empty = []
    for objective in report["objectives"]:
        if not objective["initiatives"]:
            empty.append(f"{objective['number']}. {inline(objective['name'])}")
            continue
        lines += ["", f"## {objective['number']}. {inline(objective['name'])}", "",
                  f"> {inline(objective['title'])}", ""]
        lines += compact_table(objective["initiatives"], year, levels)
    if empty:
        lines += ["", t("note.without", objectives=and_list(empty))]
    lines += parties_section(report)
    if report["archived"]:
        lines += ["", f"## {t('report.archived')}", "", t("report.archived_note"), ""]
        lines += compact_table(report["archived"], year, levels)
    if report["since"]:
        lines += ["", f"## {t('note.changes', date=day(report['since']))}", ""]
        if not report["folded"]:
            lines.append(f"_{t('note.changes_none')}_")
        lines += [f"- **{inline(f['name'])}**: {inline('; '.join(f['changes']))}"
                  for f in report["folded"]]
    if report["conflicts"]:
        lines += ["", f"## {t('report.conflicts')}", ""]
        lines += table([t("report.initiative"), t("report.field"), t("report.plan_says"),
                        t("report.tracker_has")],
                       [[inline(c["name"]), inline(c["field_name"]), inline(c["plan_label"]),
                         inline(c["tracker_label"])] for c in report["conflicts"]])
    lines += foot[:-1] + [inline(line) for line in foot[-1:]]
    # Every piece above is escaped already; this last pass is the guarantee that
    # nothing reaching a terminal or a viewer can carry a control sequence.
    return visible("\n".join(lines)) + "\n"


def filters(report: dict) -> list[str]:
    found = report["filters"]
    owner = found["owner"] and inline(report["owner_names"].get(found["owner"],
                                                                found["owner"]))
    if found["year"] and owner:
        return ["", t("report.only_both", year=found["year"], owner=owner)]
    if found["year"] or owner:
        what = (t("report.only_year", year=found["year"]) if found["year"]
                else t("report.only_owner", owner=owner))
        return ["", t("report.showing_only", what=what)]
    return []


def overview(report: dict) -> list[str]:
    """Initiatives per status; per objective n of m finished (and how many moved);
    the year × initiative priorities."""
    lines = ["", f"## {t('report.summary')}", ""]
    lines += table([t("report.status"), t("report.initiatives")],
                   [[inline(s["label"]), str(s["count"])] for s in report["statuses"]],
                   ["---", "---:"])
    if any(o["initiatives"] for o in report["objectives"]):  # drawn in HTML and Word
        lines += charts.block("status", {"title": t("chart.status_title"), **charts.status_bars(
            report["objectives"], report["statuses"])})
    moved = collections.Counter(f["objective"] for f in report.get("folded", []))
    since = report["since"]
    header = [t("report.objective"), t("report.done"), t("report.progress")] + (
        [t("note.changed", date=day(since))] if since else [])
    lines += [""] + table(header, [
        [f"{o['number']}. {inline(o['name'])}", f"{o['done']}/{o['total']}" if o["total"]
         else "–", f"`{bar(o['done'], o['total'])}`" if o["total"] else "–"]
        + ([str(moved.get(o["id"], 0)) if o["total"] else "–"] if since else [])
        for o in report["objectives"]], ["---", "---:", "---"] + (["---:"] if since else []))
    levels = report["levels"]
    lines += ["", f"### {t('report.priorities')}", ""]
    year_texts = [str(y) for y in report["years"]]
    prioritised = [i for o in report["objectives"] for i in o["initiatives"]
                   if any(i["priorities"].values())]
    if prioritised:
        mark = functools.lru_cache(maxsize=None)(lambda key: priority_mark(key, levels))
        lines += table([t("report.initiative")] + year_texts,
                       [[inline(i["name"])] + [mark(i["priorities"][y]) for y in year_texts]
                        for i in prioritised])
        lines += ["", t("report.legend") + " " +
                  " · ".join(priority_mark(key, levels) for key in levels)]
    else:
        lines.append(f"_{t('report.no_priorities')}_")
    return lines


def compact_table(items: list[dict], year: int, levels: dict) -> list[str]:
    """Name, lead party (tovholder), status, the year's priority and deliverable,
    the latest note: a row each, one line a cell."""
    status_cell = functools.lru_cache(maxsize=None)(inline)
    mark = functools.lru_cache(maxsize=None)(lambda key: priority_mark(key, levels))
    lines = table([t("report.initiative"), t("note.lead"), t("report.status"),
                   t("note.priority", year=year), t("note.deliverable", year=year),
                   t("report.latest_note")], [])
    for i in items:  # one f-string a row: at 10,000 rows the lists cost
        note = i["latest_note"]
        said = (f"{inline(note['text'])} ({day(note['at'][:10])})" if note else "–")
        lead = inline(i["lead_name"]) or "–"
        lines.append(f"| {inline(i['name'])} | {lead} | {status_cell(i['status_label'])} | "
                     f"{mark(i['priorities'].get(str(year), ''))} | "
                     f"{inline(i['deliverables'].get(str(year), '')) or '–'} | {said} |")
    return lines


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
                       [[inline(a["text"]), inline(a["name"]), owner_names(a),
                         due(a), days(a["overdue_days"])]
                        for a in found["overdue"]])
        lines.append("")
    if found["initiatives"]:
        lines += [f"**{t('report.attention_initiatives')}**", ""]
        for i in found["initiatives"]:
            note = i["latest_note"]
            said = (f" — {inline(note['text'])} ({day(note['at'][:10])})" if note
                    else f" — _{t('report.no_note')}_")
            lines.append(f"- **{inline(i['short'] or i['title'])}** "
                         f"({inline(i['status_label'])}){said}")
        lines.append("")
    if found["conflicts"]:
        lines += [t("report.attention_conflicts", count=found["conflicts"])
                  if found["conflicts"] != 1 else t("report.attention_conflict"), ""]
    lines.pop()
    return lines


OWNS_LISTED = 20  # beyond this many, a party's initiatives are counted, not named


ROLE_WORDS = {"lead": "leads", "part": "takes_part", "owner": "owns"}


def parties_section(report: dict) -> list[str]:
    """Who does what in the plan year: per party (and person) the initiatives
    they own and their actions."""
    if not report["by_party"]:
        return []
    lines = ["", f"## {t('report.by_party', year=report['plan_year'])}"]
    for party in report["by_party"]:
        lines += ["", f"### {inline(party['name'])}", ""]
        for role in ("lead", "part", "owner"):  # leads, takes part in, owns (no lead named)
            owned = [i for i in party["initiatives"] if i.get("role", "owner") == role]
            if not owned and (role != "owner" or party["initiatives"]):
                continue
            if len(owned) > OWNS_LISTED:  # a thousand names on one line: nobody reads it
                counts = collections.Counter(i["status_label"] for i in owned)
                words = [s["label"] for s in report["statuses"] if s["label"] in counts]
                said = t("report.owns_many", count=len(owned), statuses=", ".join(
                    f"{counts[w]} {inline(w)}"
                    for w in words + sorted(counts.keys() - set(words))))
            else:
                said = "; ".join(f"{inline(i['name'])} ({inline(i['status_label'])})"
                                 for i in owned) or "–"
            lines += [f"{t('report.' + ROLE_WORDS[role])}: {said}", ""]
        if party["actions"]:
            lines += [action_item(a) for a in party["actions"]]
        else:
            lines.append(f"_{t('report.no_actions_year', year=report['plan_year'])}_")
    return lines


