"""Editing the highlighted initiative: the edit menu, status, owners, priorities,
a note, its history, undo and redo. Each opens its dialog and hands the choice to
the main screen's `save` (through the app's one writer); a refused save opens the
dialog again with what was chosen."""

from __future__ import annotations

import dataclasses

from rich.text import Text

from .. import present
from ..catalogue import t
from ..errors import StaleEdit
from ..model import Change, InitiativeView
from ..present import visible
from .widgets import InitiativeTable


def dialogs():
    from . import screens

    return screens


class InitiativeEditing:
    def __init__(self, main):
        self.main = main  # the MainScreen whose highlighted initiative is edited

    def open(self, dialog, done=None) -> None:
        self.main.app.push_screen(dialog, done)

    def menu(self) -> None:
        v = self.main.need_current()
        if v is None:
            return
        choices = [(name, t(f"edit.{name}")) for name in
                   ("status", "owners", "priorities", "note", "add_action", "edit_action",
                    "decision", "history")]

        def chosen(name: str | None) -> None:
            if name:
                getattr(self.main, f"action_{name}")()

        self.open(dialogs().ChoiceScreen(t("edit.title", name=visible(v.name)), choices), chosen)

    def status(self) -> None:
        v = self.main.need_editable()
        if v is None:
            return
        self.status_dialog(v, v.status)

    def status_dialog(self, v: InitiativeView, chosen: str) -> None:
        """The status picker; if the save is refused, it opens again on `chosen`."""
        self.open(dialogs().StatusPicker(visible(v.name), self.main.store.info.statuses, chosen),
                  lambda key: key and self.save(
                      v, Change(status=key), again=lambda fresh: self.status_dialog(fresh, key)))

    def owners(self) -> None:
        v = self.main.need_editable()
        if v is not None:
            self.owners_dialog(v, v.owners)

    def owners_dialog(self, v: InitiativeView, ticked, lead: str | None = None) -> None:
        lead = v.lead if lead is None else lead

        def done(answer) -> None:
            if answer is not None:
                owners, chosen_lead = answer
                self.save(v, Change(owners=list(owners), lead=chosen_lead),
                          again=lambda fresh: self.owners_dialog(fresh, owners, chosen_lead))

        self.open(dialogs().OwnersPicker(t("owners.title", name=visible(v.name)),
                                         self.main.store.info.roster, ticked, lead), done)

    def priorities(self) -> None:
        v = self.main.need_editable()
        if v is not None:
            self.priorities_dialog(v, v.priorities)

    def priorities_dialog(self, v: InitiativeView, values: dict,
                          deliverables: dict | None = None) -> None:
        """A year's priority and, beside it, what is to be delivered that year."""
        info = self.main.store.info
        deliverables = v.deliverables if deliverables is None else deliverables

        def done(answer) -> None:
            if answer is None:
                return
            chosen, texts = answer
            changed = {y: lv for y, lv in chosen.items() if lv != v.priorities.get(y, "")}
            delivered = {y: d for y, d in texts.items() if d != v.deliverables.get(y, "")}
            if changed or delivered:
                # Refused? Show the initiative as it is now, with this user's changes on top.
                self.save(v, Change(priorities={y: lv or None for y, lv in changed.items()},
                                    deliverables=delivered),
                          again=lambda fresh: self.priorities_dialog(
                              fresh, {**fresh.priorities, **changed},
                              {**fresh.deliverables, **delivered}))

        self.open(dialogs().PrioritiesEditor(
            t("priorities.title", name=visible(v.name)), info.years, info.levels, values,
            deliverables, year=info.plan_year(self.main.app.today())), done)

    def note(self) -> None:
        v = self.main.need_editable()
        if v is not None:
            self.note_dialog(v, "")

    def note_dialog(self, v: InitiativeView, draft: str) -> None:
        def done(text: str | None) -> None:
            if text:
                self.save(v, Change(note=text),
                               again=lambda fresh: self.note_dialog(fresh, text))

        self.open(dialogs().NoteEditor(visible(v.name), draft), done)

    def history(self) -> None:
        v = self.main.need_current()
        if v is None:
            return
        store = self.main.store
        info = store.info
        body = Text()
        entries = present.fold(store.history(v.id))
        for entry in reversed(entries):
            body.append(f"{present.when(entry.at)}  {visible(entry.who)} ({present.source(entry.source)})  ",
                        style="dim")
            body.append(present.change(info, entry) + "\n")
        if not entries:
            body.append(t("history.empty"))
        self.open(dialogs().TextScreen(t("history.title", name=visible(v.name)), body))

    def revert(self, action: str) -> None:
        """Undo or redo the user's last edit (recorded as a new edit)."""
        main = self.main

        def done(outcome) -> None:
            reverted, name = outcome
            main.say(present.reverted(main.store.info, reverted, name))
            if reverted.initiative_id is not None:  # else: a meeting, an item, a milestone
                main.after_change(reverted.initiative_id)

        def failed(error: Exception) -> None:
            main.say(present.explain(error, main.store.info), severity="warning", timeout=10)

        def job(writer):
            reverted = getattr(writer, action)(main.app.user, "tui")
            return reverted, writer.initiative_name(reverted.initiative_id)

        main.write(job, done, failed)

    # -- saving: one write, the row drawn at once, the dialog again if refused --------
    def save(self, v: InitiativeView, change: Change, again=None) -> None:
        """Save an edit made on the screen. If it is refused, `again(fresh)` opens the
        dialog once more with what the user typed, on the initiative as it is now."""
        main = self.main

        def done(version: int) -> None:
            main.say(t("msg.saved" if version != v.version else "msg.unchanged",
                       name=visible(v.name)))
            main.after_change(v.id)

        def failed(error: Exception) -> None:
            stale = isinstance(error, StaleEdit)  # someone changed it meanwhile: say who
            main.say(present.explain(error, main.store.info), severity="error",
                     timeout=15 if stale else 10)
            main.after_change(v.id)  # the row as stored, not as chosen
            if again is not None:  # the dialog again, with what was chosen
                again(main.current() if stale and main.current_id() == v.id else v)

        self.show_pending(v, change)
        main.write(lambda writer: writer.edit(v.id, change, main.app.user, "tui",
                                              expected_version=v.version), done, failed,
                   label=t("quit.saving", name=v.name))

    def show_pending(self, v: InitiativeView, change: Change) -> None:
        """Draw the row with the values just chosen while the save runs, so the screen
        answers at once; the save's outcome redraws it from the database (on a
        refusal, back to what is stored, with the message)."""
        table = self.main.query_one(InitiativeTable)
        only_a_note = change == Change(note=change.note)
        if v.id not in table.index or only_a_note:
            return
        shown = dataclasses.replace(
            v, status=change.status or v.status,
            owners=tuple(change.owners) if change.owners is not None else v.owners,
            priorities={y: lv for y, lv in {**v.priorities, **change.priorities}.items() if lv})
        self.main.show_row(shown)
