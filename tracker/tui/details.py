"""The details pane's text for one initiative: its words, tracking, actions and
decisions, notes and latest changes. Read from the store, made into rich text;
no widget."""

from __future__ import annotations

from rich.text import Text

from .. import meeting_words, present
from ..catalogue import t
from ..model import InitiativeView
from ..present import visible
from ..store import Store
from .widgets import STATUS_STYLES, status_text


def details_text(store: Store, v: InitiativeView, today: str) -> Text:
    info = store.info
    term = info.status(v.status)
    parts = [Text.assemble((visible(v.name), "bold"), (f"  ·  {v.id}", "dim"))]
    if v.archived:
        parts.append(Text(t("details.archived"), style="bold red"))
    parts.append(Text(visible(v.title)))
    if v.description:
        parts.append(Text(visible(v.description), style="italic"))

    def row(label: str, value) -> Text:
        text = Text(f"{label}: ", style="bold")
        text.append_text(value if isinstance(value, Text) else Text(str(value)))
        return text

    parts += [
        Text(""),
        row(t("details.objective"), present.objective(info, v.objective_id)
            + (f" ({t('mark.provisional_short')})" if v.provisional else "")),
        *objective_wording(store, v),
        row(t("details.kind"), present.kind(v.kind)),
        row(t("details.status"), status_text(term.key, present.status(info, term.key))),
        Text(meeting_words.lead_line(info, v)),  # 'Tovholder: … · Deltagere: …'
        row(t("details.priorities"), "  ".join(
            f"{y}: {present.level(info, v.priorities.get(y))}" for y in info.years)),
        *[row(t("field.deliverable", year=y).capitalize(), visible(v.deliverables[y]))
          for y in info.years if v.deliverables.get(y)],
        row(t("details.also_supports"), present.objectives(info, v.also_supports)),
        Text(visible(t("details.version", version=v.version,
                       when=present.when(v.updated_at or ""), who=v.updated_by or "–")),
             style="dim"),
    ]
    parts += plan_year_lines(store, v, today)
    parts += [Text(""), Text(t("details.notes"), style="bold underline")]
    notes = store.notes(v.id)
    if not notes:
        parts.append(Text(t("details.no_notes"), style="dim"))
    for note in notes[:20]:
        line = Text(f"{present.when(note.created_at)} {visible(note.author)}: ", style="dim")
        line.append(visible(note.text), style="")
        parts.append(line)
    parts += [Text(""), Text(t("details.changes"), style="bold underline")]
    for entry in reversed(present.fold(store.history(v.id, limit=16))[-8:]):
        line = Text(f"{present.when(entry.at)} {visible(entry.who)}: ", style="dim")
        line.append(present.change(info, entry))
        parts.append(line)
    return Text("\n").join(parts)


def objective_wording(store: Store, v: InitiativeView) -> list[Text]:
    """The målsætning's full wording, as the plan states it, under its short title
    (in Danish; the English title is the one shown above)."""
    from ..catalogue import language

    if language() != "da":
        return []
    for o in store.objectives(include_archived=True):
        if o.id == v.objective_id and o.title and o.title != o.short:
            return [Text(visible(o.title), style="italic dim")]
    return []


def plan_year_lines(store: Store, v: InitiativeView, today: str) -> list[Text]:
    """The initiative's actions (overdue ones in words and red) and decisions."""
    info = store.info
    lines = [Text(""), Text(t("details.actions"), style="bold underline")]
    actions = store.actions(v.id, archived=True)
    if not actions:
        lines.append(Text(t("details.no_actions"), style="dim"))
    for action in actions:
        late = action.overdue(today, info)
        lines.append(Text(present.action_line(info, action, today),
                          style="bold red" if late else STATUS_STYLES.get(action.status, "")))
    decisions = store.decisions(v.id, archived=True)
    if decisions:
        lines += [Text(""), Text(t("details.decisions"), style="bold underline")]
        lines += [Text(present.decision_line(d)) for d in decisions]
    return lines
