"""The yearly implementation plan as a plan (`tracker export --implementation-plan
2025`): what is to be done that year in the plan's own words, who leads and who
takes part, what is to be delivered, the actions and the time line — with no
live statuses unless asked for. Content as plain data, then markdown."""

from __future__ import annotations

from . import charts, meeting_words, present
from .bulk import collector_paused
from .catalogue import day, t
from .md import action_row, and_list, due, inline, owner_names, priority_mark, table
from .present import visible
from .vocabulary import prioritised


@collector_paused()
def implementation_plan(store, year: int, date: str, with_status: bool = False) -> dict:
    """Per objective, the initiatives prioritised for `year` or with actions in it
    (highest level first) with their agreed text, lead, participants, deliverable
    and actions; the year's time line; who leads and takes part; the decisions."""
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
                  and ((prioritised(v.priorities.get(year)) and not v.archived)
                       or v.id in actions)]
        chosen.sort(key=lambda v: rank.get(v.priorities.get(year, ""), len(rank)))
        objectives.append({
            "id": objective.id, "number": objective.number,
            "name": present.objective_title(info, objective.id), "title": objective.title,
            "initiatives": [{
                "id": v.id, "name": v.name, "title": v.title, "description": v.description,
                "kind": present.kind(v.kind), "archived": v.archived,
                "provisional": v.provisional,
                "level": v.priorities.get(year, ""),
                "level_label": present.level(info, v.priorities.get(year)),
                "status_label": present.status(info, v.status),
                "owners": meeting_words.owner_entries(info, v),
                "lead": info.owner_name(v.lead) if v.lead else "",
                "participants": [info.owner_name(o) for o in v.participants],
                "deliverable": v.deliverables.get(year, ""),
                "actions": actions.get(v.id, []),
            } for v in chosen]})
    listed = [i for o in objectives for i in o["initiatives"]]
    in_year = f"{year:04d}"
    # What meetings that year decided on items for the plan as a whole (no initiative
    # holds those decisions): among the year's decisions too.
    held = [{"id": 0, "initiative": "", "name": i.text, "date": m.date, "text": i.outcome,
             "by": info.body_name(m.body), "archived": False}
            for m in store.meetings(year=year) if m.date <= date
            for i in store.agenda(m.id) if i.outcome and not i.initiative_id]
    timeline = [{"date": e.date, "kind": e.kind,
                 "text": meeting_words.timeline_line(info, e, names)}
                for e in store.timeline(date, year) if e.kind != "action"]
    agenda = [{"date": m.date, "kind": "item",
               "text": t("plan.agenda_line", line=meeting_words.agenda_line(i, names, n, False))}
              for m in store.meetings(year=year)
              for n, i in enumerate(store.agenda(m.id), 1)]
    return {
        "plan": meeting_words.plan_facts(info, date, views),
        "year": year, "date": date, "with_status": with_status,
        "state": _state(store, year, date),
        "levels": {term.key: present.level(info, term.key) for term in info.levels},
        "objectives": objectives,
        "parties": [{"id": ident, "name": name} for ident, name in info.roster
                    if any(ident in {o["id"] for o in i["owners"]}
                           | {o["id"] for a in i["actions"] for o in a["owners"]}
                           for i in listed) or ident in info.parties],
        "timeline": sorted(timeline + agenda, key=lambda e: (e["date"], e["kind"] != "meeting")),
        "decisions": [{"id": d.id, "initiative": d.initiative_id,
                       "name": names.get(d.initiative_id, d.initiative_id), "date": d.date,
                       "text": d.text, "by": d.by, "archived": d.archived}
                      for d in store.decisions(archived=True)
                      if d.date[:4] == in_year and d.date <= date] + held,
    }


def _state(store, year: int, date: str) -> str:
    """'Udkast til behandling på Praksisplanudvalgets møde 18.03.2025' when a meeting
    has this year's implementation plan on its agenda (an item for the plan as a
    whole naming it); once the meeting has recorded its decision on the item,
    'Godkendt af Praksisplanudvalget den 18.03.2025' (or what it decided, in its
    words); a past meeting with nothing recorded: 'Behandlet på …'. Else ''."""
    words = ("implementeringsplan", "implementation plan")
    state = ""
    for meeting in sorted(store.meetings(), key=lambda m: m.date):  # the latest says it
        for item in store.agenda(meeting.id):
            text = item.text.casefold()
            if item.initiative_id or str(year) not in text or not any(w in text for w in words):
                continue
            at = meeting_words.meeting_of(store.info, meeting)
            if item.outcome.casefold().startswith(("godkendt", "approved")):
                state = t("plan.state_approved", body=store.info.body_name(meeting.body),
                          date=day(meeting.date)) + ". " + t("plan.state_since", date=day(date))
            elif item.outcome:
                state = t("plan.state_decided", meeting=at, outcome=item.outcome)
            elif meeting.date >= date:
                state = t("plan.state_draft", meeting=at)
            else:
                state = t("plan.state_treated", meeting=at)
    return state


@collector_paused()
def implementation_markdown(doc: dict) -> str:
    """The yearly implementation plan as a document a chair can send."""
    plan, year, levels = doc["plan"], doc["year"], doc["levels"]
    lines = [f"# {t('plan.title', year=year, title=inline(plan['title']))}", ""]
    facts = [inline(plan["region"]) if plan["region"] else "",
             t("report.period", period=plan["period"]),
             t("plan.made", date=day(doc["date"]))]
    lines += [" · ".join(f for f in facts if f)]
    if doc["state"]:
        lines += ["", f"**{inline(doc['state'])}**"]
    lines += meeting_words.ended_and_source({**plan, "provisional": 0})[0]
    lines += ["", t("plan.purpose", year=year, title=inline(plan["title"]))]
    empty = []
    for objective in doc["objectives"]:
        if not objective["initiatives"]:
            empty.append(str(objective["number"]))
            continue
        lines += ["", f"## {objective['number']}. {inline(objective['name'])}", "",
                  f"> {inline(objective['title'])}"]
        for i in objective["initiatives"]:
            lines += _initiative(i, year, levels, doc["with_status"])
    if empty:
        lines += ["", t("plan.nothing_in", year=year, objectives=and_list(empty))]
    listed = [i for o in doc["objectives"] for i in o["initiatives"]]
    if listed:
        lines += _who(listed, doc["parties"], year)
    lines += ["", f"## {t('plan.timeline', year=year)}", ""]
    lines += [f"- {inline(e['text'])}" for e in doc["timeline"]] or \
        [f"_{t('plan.no_timeline' if str(year) >= doc['date'][:4] else 'plan.no_timeline_past', year=year)}_"]
    if doc["timeline"]:  # month by month, drawn in HTML and Word
        lines += charts.block("months", charts.months(  # meetings and milestones (not
            year, [e for e in doc["timeline"] if e["kind"] != "item"],  # each item again)
            t("chart.months").split()))
    lines += ["", f"## {t('plan.decisions_year', year=year)}", ""]
    if doc["decisions"]:
        lines += [f"- {day(d['date'])}" + (f" · {inline(d['by'])}" if d["by"] else "")
                  + f" · **{inline(d['name'])}**"
                  + (f" {t('mark.archived')}" if d["archived"] else "")
                  + f" · {inline(d['text'])}"
                  for d in doc["decisions"]]
    else:
        lines.append(f"_{t('plan.no_decisions', year=year)}_")
    return visible("\n".join(lines)) + "\n"


def _initiative(i: dict, year: int, levels: dict, with_status: bool) -> list[str]:
    mark = f" {t('mark.archived')}" if i["archived"] else ""
    lines = ["", f"### {inline(i['name'])}{mark}", ""]
    agreed = inline(i["title"]) + (f" {inline(i['description'])}" if i["description"] else "")
    kind = i["kind"][:1].upper() + i["kind"][1:]
    # "Projekt: Projekt HAPS …" says it twice: the title names its kind already
    lines += [agreed if i["title"].casefold().startswith(i["kind"].casefold())
              else f"**{inline(kind)}:** {agreed}", ""]
    facts = [f"{t('plan.priority', year=year)}: {priority_mark(i['level'], levels)}"]
    if with_status:
        facts.append(f"{t('report.status')}: {inline(i['status_label'])}")
    lines.append(" · ".join(facts))
    if i["provisional"]:  # a fact of its own, not a part of the priority's line
        lines += ["", t("plan.provisional_sentence")]
    # What the plan still lacks is said as such, not as a dash.
    # Without a lead its owners are not "participants" (of what?): they are the owners.
    others = t("plan.participants") if i["lead"] else t("report.owners")
    lines += ["", f"{t('note.lead')}: {inline(i['lead']) or t('plan.no_lead')} · "
              f"{others}: {inline(', '.join(i['participants'])) or '–'}"]
    lines += ["", f"{t('plan.deliverable', year=year)}: "
              f"{inline(i['deliverable']) if i['deliverable'] else t('plan.no_deliverable')}",
              ""]
    if i["actions"]:
        header = [t("report.action"), t("report.owners"), t("report.due")]
        rows = [[inline(a["text"]), owner_names(a), due(a)] for a in i["actions"]]
        if with_status:
            header.append(t("report.status"))
            for row, a in zip(rows, i["actions"]):
                row.append(inline(a["status_label"]) + (
                    f" · **{present.overdue(a['overdue_days'])}**" if a["overdue_days"] else ""))
        lines += table(header, rows)
    else:
        lines.append(f"_{t('report.no_actions_year', year=year)}_")
    return lines


def _who(listed: list[dict], parties: list[dict], year: int) -> list[str]:
    """A party × initiative table: who leads (tovholder) and who takes part."""
    lines = ["", f"## {t('plan.who', year=year)}", "", t("plan.who_legend_lead"), ""]
    rows = []
    for i in listed:
        row = [inline(i["name"])]
        for party in parties:
            role = next((o for o in i["owners"] if o["id"] == party["id"]), None)
            count = sum(1 for a in i["actions"]
                        if any(o["id"] == party["id"] for o in a["owners"]))
            bits = ([t("plan.leads")] if role and role["lead"] else ["●"] if role else []) + (
                [t("plan.actions", count=count) if count != 1 else t("plan.action_one")]
                if count else [])
            row.append((" · " if role and role["lead"] else " ").join(bits) or " ")
        rows.append(row)
    return lines + table([t("report.initiative")] + [inline(p["name"]) for p in parties], rows)
