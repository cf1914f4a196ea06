"""Words for the committee's year: meetings, agenda items, the timeline, the
lead party and participants, deliverables, and the end of the plan period.
Shared by the CLI, the TUI and the reports; through the catalogue, in the
chosen language, with text from people and plans shown as text."""

from __future__ import annotations

from .catalogue import day, language, t
from .model import AgendaItem, InitiativeView, Meeting, PlanInfo, TimelineEntry
from .present import agenda_kind, overdue, visible


def period_ended(info: PlanInfo, today: str) -> str:
    """'Planperioden 2022-2025 sluttede 31.12.2025' once the period is over, else ''."""
    if not info.ended(today):
        return ""
    return t("period.ended", start=info.start, end=info.end, date=day(info.period_end))


def plan_facts(info: PlanInfo, date: str, views) -> dict:
    """The plan's facts a document opens with: whether its period has ended, and
    how many of the initiatives in it sit under their objective provisionally."""
    return {"title": info.title, "region": info.region, "period": f"{info.start}-{info.end}",
            "adopted": info.adopted, "adopted_source": info.adopted_source,
            "ended": period_ended(info, date),
            "provisional": sum(1 for v in views if v.provisional)}


def ended_and_source(plan: dict) -> tuple[list[str], list[str]]:
    """Markdown lines for a document's head (the period has ended) and foot (where
    the adoption date is stated)."""
    head = ["", f"**{plan['ended']}**"] if plan.get("ended") else []
    if plan.get("provisional"):  # (a document's own words; the count is the plan's)
        head += ["", f"_{t('report.provisional', count=plan['provisional'])}_"]
    foot = ["", "---", "", f"¹ {t('report.adopted_source', source=plan['adopted_source'])}"] \
        if plan.get("adopted") and plan.get("adopted_source") else []
    return head, foot


def meeting_title(info: PlanInfo, meeting: Meeting) -> str:
    """'Praksisplanudvalget 18.03.2025' (and its title, if it has one)."""
    head = f"{info.body_name(meeting.body)} {day(meeting.date)}"
    title = " ".join(meeting.title.split())  # one line, whatever was typed
    return visible(f"{head} · {title}" if title else head)


def meeting_line(info: PlanInfo, meeting: Meeting, items: int = 0) -> str:
    """'#3  18.03.2025  Praksisplanudvalget · Forårsmøde  (2 punkter)'."""
    count = t("meeting.items", count=items) if items != 1 else t("meeting.items_one")
    return f"#{meeting.id}  " + meeting_title(info, meeting) + (f"  ({count})" if items else "")


def agenda_line(item: AgendaItem, names: dict[str, str], number: int | None = None,
                whole: bool = True) -> str:
    """'1. til beslutning · HAPS: Evaluering af pilotprojektet' (`number`: its place on
    the meeting's agenda; without it, '#6 …', its number for commands)."""
    about = names.get(item.initiative_id, item.initiative_id) if item.initiative_id \
        else t("agenda.whole_plan") if whole else ""
    head = f"{number}." if number is not None else f"#{item.id}"
    said = f"{about}: " if about else ""
    decided = f" — {t('agenda.decided', outcome=item.outcome)}" if item.outcome else ""
    return visible(f"{head} {t('agenda.for', kind=agenda_kind(item.kind))} · {said}"
                   f"{' '.join(item.text.split())}{decided}")


def meeting_of(info: PlanInfo, meeting: Meeting) -> str:
    """'Praksisplanudvalgets møde 18.03.2025' / 'the meeting of Praksisplanudvalget on
    2025-03-18': for 'at', 'since', 'on the agenda of'."""
    name = info.body_name(meeting.body)
    if language() == "da":  # "Praksisplanudvalgets møde"
        name = name if name.endswith(("s", "x", "z")) else name + "s"
    return visible(t("meeting.of", body=name, date=day(meeting.date)))


def lead_line(info: PlanInfo, view: InitiativeView) -> str:
    """'Tovholder: PLO-Hovedstaden · Deltagere: Region Hovedstaden, …'."""
    parts = []
    if view.lead:
        parts.append(t("lead.lead", name=info.owner_name(view.lead)))
    if view.participants:
        key = "lead.participants" if view.lead else "lead.owners"
        parts.append(t(key, names=", ".join(info.owner_name(o) for o in view.participants)))
    return visible(" · ".join(parts)) if parts else t("lead.none")


def owner_entries(info: PlanInfo, view: InitiativeView) -> list[dict]:
    """The owners as a document lists them: the lead first, named as such."""
    entries = [{"id": o, "name": info.owner_name(o), "lead": o == view.lead}
               for o in view.owners]
    entries.sort(key=lambda e: not e["lead"])  # stable: the rest in the roster's order
    for entry in entries:
        if entry["lead"]:
            entry["name"] = t("lead.marked", name=entry["name"])
    return entries


def timeline_line(info: PlanInfo, entry: TimelineEntry, names: dict[str, str],
                  with_kind: bool = True) -> str:
    """'18.03.2025  Møde: Praksisplanudvalget', '01.02.2025  Frist: #3 … (28 dage over
    fristen)'."""
    about = f" ({names.get(entry.initiative_id, entry.initiative_id)})" \
        if entry.initiative_id else ""
    text = " ".join(entry.text.split())
    if entry.kind == "meeting":
        what = t("timeline.meeting", body=info.body_name(entry.body)) + \
            (f" · {text}" if text else "")
    elif entry.kind == "milestone":
        what = t("timeline.milestone", text=text) + about if with_kind else text + about
    else:
        what = t("timeline.due", id=entry.ref, text=text) + about
        if entry.overdue:
            what += f" — {overdue(entry.overdue)}"
    return visible(f"{day(entry.date)}  {what}")


def today_line(today: str) -> str:
    return t("timeline.today", date=day(today))
