"""The committee's year in the TUI: the timeline (`t`) and a meeting's agenda
(`m`, the next meeting's first), a new meeting, an item on an agenda and a
decision taken at a meeting. A part of the main screen (composition, as
PlanYear): it reads through the main screen's view reader, off the screen's
thread, and writes through the one writer thread like every other edit."""

from __future__ import annotations

from rich.text import Text

from .. import meeting_words as words
from .. import present
from ..catalogue import t
from ..model import AgendaItem, Meeting


def dialogs():
    from . import calendar_screens, screens

    return calendar_screens, screens


class Calendar:
    def __init__(self, main):
        self.main = main
        self.numbers: dict[int, int] = {}  # agenda item id → its number on the agenda shown

    @property
    def today(self) -> str:
        return self.main.app.today()

    def names_of(self, reader, ids) -> dict[str, str]:
        """The names of these initiatives only (not the whole plan's)."""
        ids = sorted({i for i in ids if i})
        return {v.id: v.name for v in reader.initiatives(ids=ids, archived=None)} if ids else {}

    # -- the timeline ----------------------------------------------------------------------
    def timeline(self) -> None:
        today = self.today

        def job(reader):
            entries = reader.timeline(today)
            return (entries, self.names_of(reader, [e.initiative_id for e in entries]),
                    reader.next_meeting(today))

        self.main.read_view(job, self.show_timeline)

    def show_timeline(self, found) -> None:
        entries, names, upcoming = found
        info, today = self.main.store.info, self.today
        lines: list[tuple[str, Text]] = []
        ended = words.period_ended(info, today)
        if ended:
            lines.append(("", Text(ended, style="bold yellow")))
        highlight, marked = None, False
        for entry in entries:
            if not marked and entry.date >= today:
                lines.append(("", Text(words.today_line(today), style="bold reverse")))
                marked = True
                highlight = len(lines) - 1 if highlight is None else highlight
            if upcoming and entry.kind == "meeting" and entry.ref == upcoming.id:
                highlight = len(lines)
            style = "bold red" if entry.overdue else "bold" if entry.kind == "meeting" else ""
            lines.append((f"meeting:{entry.ref}" if entry.kind == "meeting" else "",
                          Text(words.timeline_line(info, entry, names), style=style)))
        if entries and not marked:
            lines.append(("", Text(words.today_line(today), style="bold reverse")))
            highlight = len(lines) - 1
        footer = t("cli.next_meeting", meeting=words.meeting_title(info, upcoming)) \
            if upcoming else t("cli.no_next_meeting")
        footer += "  ·  " + t("timeline.keys")

        def chosen(answer) -> None:
            if answer is not None:
                self.agenda(answer[1])

        screens = dialogs()[0]
        self.main.app.push_screen(screens.TimelineScreen(
            t("timeline.title"), lines, highlight or 0, footer), chosen)

    # -- a meeting's agenda ------------------------------------------------------------------
    def agenda(self, meeting_id: int | None = None) -> None:
        """The agenda of a meeting; with none named, the next (else the last)."""
        today = self.today

        def job(reader):
            meetings = reader.meetings()
            chosen = next((m for m in meetings if m.id == meeting_id), None)
            if chosen is None:
                chosen = reader.next_meeting(today) or (meetings[-1] if meetings else None)
            items = reader.agenda(chosen.id) if chosen else []
            taken = [d for d in reader.decisions(archived=True)
                     if chosen and d.meeting == str(chosen.id)]
            names = self.names_of(reader, [i.initiative_id for i in items]
                                  + [d.initiative_id for d in taken])
            return meetings, chosen, items, taken, names

        self.main.read_view(job, self.show_agenda)

    def show_agenda(self, found) -> None:
        meetings, chosen, items, taken, names = found
        self.numbers = {i.id: n for n, i in enumerate(items, 1)}  # as every paper numbers them
        info = self.main.store.info
        below = Text()
        if chosen is None:
            title, lines = t("agenda.no_meetings_title"), []
            below.append(t("agenda.no_meetings"))
        else:
            title = t("agenda.title", meeting=words.meeting_title(info, chosen))
            if chosen.date >= self.today:
                title += f" — {t('agenda.ahead')}"
            lines = [(i.id, Text(words.agenda_line(i, names, n)))
                     for n, i in enumerate(items, 1)]
            if not items:
                below.append(t("agenda.empty") + "\n", style="dim")
            if taken:
                below.append(t("cli.decisions_at") + "\n", style="bold")
                for d in taken:
                    below.append(present.visible(
                        f"  #{d.id} {names.get(d.initiative_id, d.initiative_id)}: "
                        f"{' '.join(d.text.split())}\n"))
        footer = t("agenda.keys")

        def chosen_answer(answer) -> None:
            if answer is None:
                return
            what, value = answer
            if what == "go" and chosen is not None:
                index = meetings.index(chosen) + value
                if 0 <= index < len(meetings):
                    self.agenda(meetings[index].id)
                else:
                    self.agenda(chosen.id)
            elif what == "new_meeting":
                self.meeting_form({"date": "", "body": info.bodies[0][1] if info.bodies
                                   else "", "title": ""})
            elif what == "add_item" and chosen is not None:
                current = self.main.current()
                self.item_form(chosen, {"initiative": present.visible(current.name) if current else "",
                                        "text": "", "kind": t("kind.decision")})
            elif what == "decide" and chosen is not None:
                item = next(i for i in items if i.id == value)
                self.decision_form(chosen, item, "")
            elif what == "timeline":
                self.timeline()
            else:
                self.agenda(chosen.id if chosen else None)

        screens = dialogs()[0]
        self.main.app.push_screen(screens.AgendaScreen(title, lines, below, footer),
                                  chosen_answer)

    # -- forms -------------------------------------------------------------------------------
    def checked(self, field: str, get):
        return self.main.plan_year.checked(field, get)  # the forms' one way to say it

    def meeting_form(self, values: dict) -> None:
        store = self.main.store
        fields = [("date", t("form.meeting_date"), values["date"], t("form.date_hint")),
                  ("body", t("form.meeting_body"), values["body"],
                   ", ".join(name for _, name in store.info.bodies)),
                  ("title", t("form.meeting_title"), values["title"], "")]

        def check(typed: dict) -> dict:
            return {"date": self.checked("date", lambda: present.parse_date(
                        typed["date"], t("form.meeting_date"))),
                    "body": self.checked("body", lambda: store.body_id(typed["body"])),
                    "typed": typed}

        def done(result) -> None:
            if result is None:
                return
            main = self.main

            def job(writer):
                return writer.add_meeting(result["date"], result["body"], main.app.user,
                                          "tui", title=result["typed"]["title"])

            def saved(meeting_id: int) -> None:
                main.say(t("msg.meeting_added", id=meeting_id))
                self.agenda(meeting_id)

            def failed(error: Exception) -> None:
                main.say(present.explain(error, main.store.info), severity="error", timeout=10)
                self.meeting_form(result["typed"])

            main.write(job, saved, failed)

        self.main.app.push_screen(dialogs()[1].FormScreen(t("form.meeting_title_new"), fields,
                                                          check), done)

    def item_form(self, meeting: Meeting, values: dict) -> None:
        store = self.main.store
        fields = [("initiative", t("form.item_initiative"), values["initiative"],
                   t("form.item_initiative_hint")),
                  ("text", t("form.item_text"), values["text"], ""),
                  ("kind", t("form.item_kind"), values["kind"], t("hint.agenda_kinds"))]

        def check(typed: dict) -> dict:
            # (an unknown initiative: the write says so, and the form opens again)
            return {"initiative": typed["initiative"].strip(),
                    "text": self.checked("text", lambda: store.check_item_text(typed["text"])),
                    "kind": self.checked("kind", lambda: store.agenda_kind(typed["kind"])),
                    "typed": typed}

        def done(result) -> None:
            if result is None:
                self.agenda(meeting.id)
                return
            main = self.main

            def job(writer):
                return writer.add_agenda_item(str(meeting.id),
                                              writer.initiative_named(result["initiative"]),
                                              result["text"], result["kind"], main.app.user,
                                              "tui")

            def saved(_item_id: int) -> None:
                main.say(t("msg.item_added"))
                self.agenda(meeting.id)

            def failed(error: Exception) -> None:
                main.say(present.explain(error, main.store.info), severity="error", timeout=10)
                self.item_form(meeting, result["typed"])

            main.write(job, saved, failed)

        self.main.app.push_screen(dialogs()[1].FormScreen(
            t("form.item_title", meeting=words.meeting_of(store.info, meeting)), fields,
            check), done)

    def outcome_form(self, meeting: Meeting, item: AgendaItem, draft: str) -> None:
        """What the meeting decided on an item for the plan as a whole (e.g. the
        year's implementation plan: "Godkendt")."""
        main, store = self.main, self.main.store
        fields = [("outcome", t("form.outcome"), draft or item.outcome, t("form.outcome_hint"))]

        def check(typed: dict) -> dict:
            return {"outcome": self.checked("outcome", lambda: store.check_item_text(
                typed["outcome"]))}

        def done(result) -> None:
            if result is None:
                self.agenda(meeting.id)
                return

            def saved(_) -> None:
                main.say(t("msg.item_decided", meeting=words.meeting_of(store.info, meeting)))
                self.agenda(meeting.id)

            def failed(error: Exception) -> None:
                main.say(present.explain(error, store.info), severity="error", timeout=10)
                self.outcome_form(meeting, item, result["outcome"])

            main.write(lambda writer: writer.decide_item(item.id, result["outcome"],
                                                         main.app.user, "tui"), saved, failed)

        main.app.push_screen(dialogs()[1].FormScreen(
            self.decision_title(meeting, item), fields, check), done)

    def decision_title(self, meeting: Meeting, item: AgendaItem) -> str:
        """'Beslutning på … · punkt 4: Implementeringsplan 2025': which item it is."""
        return t("form.decision_on_item", meeting=words.meeting_of(self.main.store.info, meeting),
                 number=self.numbers.get(item.id, "?"),
                 text=" ".join(item.text.split()))

    def decision_form(self, meeting: Meeting, item: AgendaItem, draft: str) -> None:
        """A decision taken at `meeting` on the item's initiative: its date and body."""
        main = self.main
        if not item.initiative_id:  # the plan as a whole: what the meeting decided on it
            self.outcome_form(meeting, item, draft)
            return
        store = main.store
        fields = [("text", t("form.decision_text"), draft, item.text)]

        def check(typed: dict) -> dict:
            return {"text": self.checked("text", lambda: store.check_item_text(typed["text"]))}

        def done(result) -> None:
            if result is None:
                self.agenda(meeting.id)
                return

            def job(writer):
                return writer.add_decision(item.initiative_id, result["text"], "", main.app.user,
                                           "tui", meeting=str(meeting.id))

            def saved(decision_id: int) -> None:
                main.say(t("msg.decision_at_meeting", id=decision_id,
                           meeting=words.meeting_of(store.info, meeting)))
                main.after_change(item.initiative_id)
                self.agenda(meeting.id)

            def failed(error: Exception) -> None:
                main.say(present.explain(error, main.store.info), severity="error", timeout=10)
                self.decision_form(meeting, item, result["text"])

            main.write(job, saved, failed)

        main.app.push_screen(dialogs()[1].FormScreen(
            self.decision_title(meeting, item), fields,
            check), done)
