"""The yearly implementation plan in the TUI: add an action (`a`) or a decision
(`d`) to the highlighted initiative, edit an action, and the actions of a year
(`A`). A part of TrackerApp (a mixin): it reads through `self.main.store` and writes
through `self.write`, in a worker, like every other edit."""

from __future__ import annotations


from rich.text import Text

from .. import present
from ..catalogue import day, t
from ..errors import StaleEdit, TrackerError
from ..model import Action, InitiativeView
from ..lookup import one_line
from ..present import visible
from .widgets import STATUS_STYLES

ORDERS = {"due": "actions.order_due", "initiative": "actions.order_initiative",
          "owner": "actions.order_owner", "status": "actions.order_status"}


def dialogs():
    from . import screens

    return screens


class PlanYear:
    """Actions and decisions: what the main screen does with `a`, `d` and `A`."""

    def __init__(self, main):
        self.main = main  # the MainScreen whose highlighted initiative it works on

    # -- adding ------------------------------------------------------------------------
    def add_action(self) -> None:
        v = self.main.need_editable()
        if v is not None:
            info = self.main.store.info
            year = info.this_year(self.main.app.today())  # after the period: typed, not assumed
            self.action_form(v, {"text": "", "year": str(year) if year else "",
                                 "owners": present.owners_short(self.main.store.info,
                                                                 v.owners), "due": ""})

    def action_form(self, v: InitiativeView, values: dict) -> None:
        fields = [("text", t("form.action_text"), values["text"], t("form.action_text_hint")),
                  ("year", t("form.year"), values["year"], ""),
                  ("owners", t("form.owners"), values["owners"], t("form.owners_hint")),
                  ("due", t("form.due"), values["due"], t("form.date_hint"))]

        def check(typed: dict) -> dict:
            found = {"text": self.checked("text", lambda: self.main.store.check_item_text(
                typed["text"]))}
            found["year"] = self.checked("year", lambda: self.year_typed(typed["year"]))
            found["owners"] = self.checked("owners", lambda: [
                self.main.store.owner_id(o) for o in typed["owners"].split(",") if o.strip()])
            found["due"] = self.checked("due", lambda: present.parse_date(
                typed["due"], t("field.action_due")) if typed["due"].strip() else "")
            return {**found, "typed": typed}

        def done(result) -> None:
            if result is None:
                return

            main = self.main

            def job(writer):
                return writer.add_action(v.id, result["text"], result["year"], main.app.user,
                                         "tui", owners=result["owners"], due=result["due"])

            def saved(action_id: int) -> None:
                main.say(t("msg.action_added", id=action_id, initiative=visible(v.name)))
                main.after_change(v.id)

            def failed(error: Exception) -> None:
                main.say(present.explain(error, main.store.info), severity="error", timeout=10)
                self.action_form(v, result["typed"])  # what was typed, to try again

            main.write(job, saved, failed)

        self.main.app.push_screen(dialogs().FormScreen(t("form.action_title", name=visible(v.name)), fields,
                                                       check), done)

    def add_decision(self) -> None:
        v = self.main.need_editable()
        if v is not None:
            self.decision_form(v, {"text": "", "date": day(self.main.app.today()), "by": ""})

    def decision_form(self, v: InitiativeView, values: dict) -> None:
        fields = [("text", t("form.decision_text"), values["text"],
                   t("form.decision_text_hint")),
                  ("date", t("form.date"), values["date"], t("form.date_hint")),
                  ("by", t("form.by"), values["by"], t("form.by_hint"))]

        def check(typed: dict) -> dict:
            return {"text": self.checked("text", lambda: self.main.store.check_item_text(
                        typed["text"])),
                    "date": self.checked("date", lambda: present.parse_date(
                        typed["date"], t("field.decision_date"))),
                    "by": typed["by"], "typed": typed}

        def done(result) -> None:
            if result is None:
                return

            main = self.main

            def saved(decision_id: int) -> None:
                main.say(t("msg.decision_added", id=decision_id, initiative=visible(v.name)))
                main.after_change(v.id)

            def failed(error: Exception) -> None:
                main.say(present.explain(error, main.store.info), severity="error", timeout=10)
                self.decision_form(v, result["typed"])  # what was typed, to try again

            main.write(lambda writer: writer.add_decision(
                v.id, result["text"], result["date"], main.app.user, "tui", by=result["by"]),
                saved, failed)

        self.main.app.push_screen(dialogs().FormScreen(t("form.decision_title", name=visible(v.name)), fields,
                                                       check), done)

    def checked(self, field: str, get):
        """`get()`, or the form's FieldProblem for `field` with the message."""
        try:
            return get()
        except TrackerError as exc:
            raise dialogs().FieldProblem(field, present.explain(exc, self.main.store.info)) from None

    def year_typed(self, text: str) -> int:
        if not text.strip().isascii() or not text.strip().isdigit():
            info = self.main.store.info
            raise TrackerError("err.year_number", first=info.start, last=info.end,
                               text=one_line(text))
        self.main.store.check_year(int(text))
        return int(text)

    # -- editing an action ---------------------------------------------------------------
    def choose_action(self) -> None:
        """Choose one of the highlighted initiative's actions to edit."""
        v = self.main.need_editable()
        if v is None:
            return
        actions = self.main.store.actions(v.id)
        if not actions:
            self.main.say(t("msg.no_actions", name=visible(v.name)), severity="warning")
        elif len(actions) == 1:
            self.edit_action(actions[0].id)
        else:
            info, today = self.main.store.info, self.main.app.today()
            self.main.app.push_screen(
                dialogs().ChoiceScreen(t("action.choose", id=v.id), [
                    (str(a.id), present.action_line(info, a, today)) for a in actions]),
                lambda chosen: chosen and self.edit_action(int(chosen)))

    def edit_action(self, action_id: int, back=None) -> None:
        """The edit menu of one action; `back()` after (e.g. reopen the actions view)."""
        try:
            action = self.main.store.action(action_id)
        except TrackerError as exc:  # removed meanwhile
            self.main.say(present.explain(exc), severity="warning")
            return back and back()
        version = self.main.store.initiative(action.initiative_id).version
        choices = [(name, t(f"edit.action_{name}")) for name in
                   ("status", "due", "owners", "text", "remove")]

        def chosen(name: str | None) -> None:
            if name is None:
                return back and back()
            self.edit_action_field(action, version, name, back)

        self.main.app.push_screen(dialogs().ChoiceScreen(
            visible(t("action.edit_title", id=action.id, text=present.fit(action.text, 40)
                      .rstrip())), choices), chosen)

    def edit_action_field(self, action: Action, version: int, name: str, back,
                          draft: str | None = None) -> None:
        screens, info = dialogs(), self.main.store.info
        title = t("action.title", id=action.id)

        def save(**change) -> None:
            self.save_action(action, version, change, back,
                             again=lambda: self.edit_action_field(
                                 action, version, name, back,
                                 draft=change.get("due", change.get("text"))))

        if name == "status":
            self.main.app.push_screen(screens.StatusPicker(title, info.statuses, action.status),
                             lambda key: save(status=key) if key else back and back())
        elif name == "owners":
            self.main.app.push_screen(screens.OwnersPicker(title, info.roster, action.owners),
                             lambda owners: save(owners=owners) if owners is not None
                             else back and back())
        elif name in ("due", "text"):
            value = draft if draft is not None else (
                day(action.due) if name == "due" and action.due else action.text
                if name == "text" else "")

            def check(typed: dict) -> str:
                if name == "text":
                    return self.checked("text", lambda: self.main.store.check_item_text(
                        typed["text"]))
                return self.checked("due", lambda: present.parse_date(
                    typed["due"], t("field.action_due")) if typed["due"].strip() else "")

            label = t("form.due") if name == "due" else t("form.action_text")
            hint = t("form.date_hint") if name == "due" else ""
            self.main.app.push_screen(screens.FormScreen(title, [(name, label, value, hint)], check),
                             lambda found: save(**{name: found}) if found is not None
                             else back and back())
        elif name == "remove":
            self.main.app.push_screen(screens.Confirm(t("action.remove_confirm", id=action.id)),
                             lambda yes: save(remove=True) if yes else back and back())

    def save_action(self, action: Action, version: int, change: dict, back, again) -> None:
        main = self.main

        def done(_version: int) -> None:
            main.say(t("msg.action_removed" if change.get("remove") else "msg.action_saved",
                       id=action.id))
            main.after_change(action.initiative_id)
            if back:
                back()

        def failed(error: Exception) -> None:
            stale = isinstance(error, StaleEdit)  # someone changed it meanwhile: say who
            main.say(present.explain(error, main.store.info), severity="error",
                     timeout=15 if stale else 10)
            main.after_change(action.initiative_id)
            if not stale:
                again()  # the dialog again, with what was typed
            elif back:
                back()

        main.write(lambda writer: writer.edit_action(action.id, main.app.user, "tui",
                                                     expected_version=version, **change),
                   done, failed)

    # -- the implementation plan as a document ----------------------------------------------
    def export_plan(self) -> None:
        self.main.app.action_export("plan")

    # -- the actions of a year -------------------------------------------------------------
    def actions_view(self, year: int | None = None, order: str = "due",
                       highlight: int | None = None) -> None:
        info, today = self.main.store.info, self.main.app.today()
        year = year or info.plan_year(today)
        # The year's actions and the ones of earlier years not yet finished: those
        # are still to be done, and a new year must not hide them.
        found = self.main.store.actions(year=year, open_before=year)
        # the names of these actions' initiatives only (not the whole plan's)
        names = {v.id: v.name for v in self.main.store.initiatives(
            ids=sorted({a.initiative_id for a in found}), archived=None)} if found else {}
        keys = {"due": lambda a: (a.due == "", a.due, a.id),
                "initiative": lambda a: (names.get(a.initiative_id, ""), a.due == "", a.due),
                "owner": lambda a: (a.owners[:1] == (), a.owners, a.due == "", a.due),
                "status": lambda a: ([s.key for s in info.statuses].index(a.status)
                                     if info.knows_status(a.status) else 99, a.due)}
        found.sort(key=keys[order])
        lines = []
        for a in found:
            late = a.overdue(today, info)
            text = Text(f"{present.fit(visible(names.get(a.initiative_id, a.initiative_id)), 18)} ",
                        style="bold")
            text.append(present.action_line(info, a, today),
                        style="bold red" if late else STATUS_STYLES.get(a.status, ""))
            lines.append((a.id, text))
        footer = t("actions.footer" if len(found) != 1 else "actions.footer_one",
                   order=t(ORDERS[order]),
                   count=len(found), overdue=sum(1 for a in found if a.overdue(today, info)))

        def chosen(answer) -> None:
            if answer is None:
                return
            what, value = answer
            if what == "edit":
                self.edit_action(value, back=lambda: self.actions_view(year, order, value))
            elif what == "year":
                self.actions_view(value, order)
            else:
                self.actions_view(year, value, highlight)

        self.main.app.push_screen(dialogs().ActionsScreen(
            t("actions.title", year=year), lines, year, info.years, order, list(ORDERS), footer,
            highlight), chosen)
