"""The final status of a plan whose period has ended (`tracker export --final`):
per objective what was completed, what continues and in which plan, what was
dropped and what was left unfinished, each with its latest note. Built from
the store and the plans that follow this one; made into words here."""

from __future__ import annotations

from . import meeting_words, present
from .catalogue import day, t
from .md import inline
from .store import Store

GROUPS = ("completed", "continues", "dropped", "unfinished")


def build_final(store: Store, date: str, successors: list) -> dict:
    """`successors`: (plan, file) of the plans that follow this one."""
    info = store.info
    continued: dict[str, list[tuple[str, str]]] = {}
    for plan, _ in successors:
        for initiative in plan.initiatives():
            if initiative.continues:
                continued.setdefault(initiative.continues, []).append(
                    (plan.title, initiative.name))
    views = store.initiatives()
    open_actions: dict[str, int] = {}
    for a in store.actions():
        term = info.status(a.status)
        if not term.done and not term.dropped:
            open_actions[a.initiative_id] = open_actions.get(a.initiative_id, 0) + 1
    objectives, empty = [], []
    for objective in store.objectives():
        mine = [v for v in views if v.objective_id == objective.id]
        if not mine:
            empty.append(f"{objective.number}. {present.objective_title(info, objective.id)}")
            continue
        groups: dict[str, list] = {group: [] for group in GROUPS}
        for v in mine:
            term = info.status(v.status)
            group = "completed" if term.done else "continues" if v.id in continued \
                else "dropped" if term.dropped else "unfinished"
            note = v.latest_note
            groups[group].append({
                "id": v.id, "name": v.name, "status": present.status(info, v.status),
                "lead": info.owner_name(v.lead) if v.lead else "",
                "owners": [info.owner_name(o) for o in v.owners],
                "open_actions": open_actions.get(v.id, 0),
                "continued_in": [{"plan": p, "name": n} for p, n in continued.get(v.id, [])],
                "note": {"text": " ".join(note.text.split()), "date": note.created_at[:10],
                         "author": note.author} if note else None})
        objectives.append({"number": objective.number,
                           "name": present.objective_title(info, objective.id),
                           "groups": groups})
    counts = {group: sum(len(o["groups"][group]) for o in objectives) for group in GROUPS}
    return {"plan": meeting_words.plan_facts(info, date, views), "date": date,
            "objectives": objectives, "without_initiatives": empty, "counts": counts,
            "total": len(views), "successors": [plan.title for plan, _ in successors]}


def final_markdown(doc: dict) -> str:
    plan, counts = doc["plan"], doc["counts"]
    lines = [f"# {t('final.title', title=inline(plan['title']))}", "",
             " · ".join(f for f in [inline(plan["region"]) if plan["region"] else "",
                                    t("report.period", period=plan["period"]),
                                    _adopted(plan), t("report.date", date=day(doc["date"]))]
                         if f)]
    # (no "placement provisional": the final status is about what became of each)
    head, foot = meeting_words.ended_and_source({**plan, "provisional": 0})
    lines += head
    lines += ["", t("final.summary", total=doc["total"], **{
        group: count or t("final.none") for group, count in counts.items()})]
    if doc["successors"]:
        lines += ["", t("final.successors", plans=", ".join(map(inline, doc["successors"])))]
    else:
        lines += ["", t("final.no_successor")]
    for objective in doc["objectives"]:
        lines += ["", f"## {objective['number']}. {inline(objective['name'])}", ""]
        for group in GROUPS:
            found = objective["groups"][group]
            if not found:
                continue
            lines.append(f"**{t(f'final.{group}')}**")
            lines.append("")
            lines += [f"- {_line(group, item)}" for item in found]
            lines.append("")
        if lines[-1] == "":
            lines.pop()
    if doc["without_initiatives"]:
        lines += ["", t("final.without", objectives="; ".join(
            map(inline, doc["without_initiatives"])))]
    lines += foot[:-1] + [inline(line) for line in foot[-1:]]
    return present.visible("\n".join(lines)) + "\n"


def _adopted(plan: dict) -> str:
    """'vedtaget 17.12.2021¹' (¹: where that is stated, at the foot)."""
    if not plan["adopted"]:
        return ""
    return t("report.adopted", date=day(plan["adopted"])) + ("¹" if plan["adopted_source"]
                                                             else "")


def _line(group: str, item: dict) -> str:
    facts = [item["status"]] if group == "unfinished" else []
    if item["lead"]:
        facts.append(t("final.lead", name=item["lead"]))
    elif item["owners"]:
        facts.append(t("final.owners", names=", ".join(item["owners"])))
    if item["open_actions"] and group != "completed":
        facts.append(t("final.open_action") if item["open_actions"] == 1
                     else t("final.open_actions", count=item["open_actions"]))
    text = inline(item["name"]) + (f" ({inline('; '.join(facts))})" if facts else "")
    if item["continued_in"]:
        text += " → " + "; ".join(t("final.continued_in", plan=inline(c["plan"]),
                                    name=inline(c["name"])) for c in item["continued_in"])
    if group != "completed" and item["note"]:
        note = item["note"]
        text += " — " + t("final.latest_note", date=day(note["date"]),
                          text=inline(note["text"]))
    return text
