"""Modal screens. Each returns a value with `dismiss`; none touches the store."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from .. import vocabulary
from ..catalogue import language, t
from ..errors import TrackerError
from ..lookup import check_deliverable
from ..vocabulary import Term
from .widgets import PickList, localize, safe


class Modal(ModalScreen):
    """A dialog with a title line; escape cancels."""

    BINDINGS = [Binding("escape", "cancel", "key.cancel", id="modal.cancel")]

    def __init__(self, title: str):
        super().__init__()
        localize(self)
        self.title_text = title

    def title_label(self) -> Label:
        return Label(safe(self.title_text), classes="modal-title")

    def action_cancel(self) -> None:
        self.dismiss(None)


class StatusPicker(Modal):
    """Choose a status; typing narrows the list by key, Danish or English label."""

    def __init__(self, name: str, statuses: tuple[Term, ...], current: str):
        super().__init__(t("status.title", name=name))
        self.statuses, self.current = statuses, current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield self.title_label()
            yield Input(id="status-filter")
            yield OptionList(id="status-options")

    def on_mount(self) -> None:
        self.fill("")
        options = self.query_one("#status-options", OptionList)
        keys = [s.key for s in self.statuses]
        if self.current in keys:
            options.highlighted = keys.index(self.current)

    def fill(self, text: str) -> None:
        options = self.query_one("#status-options", OptionList)
        options.clear_options()
        wanted = text.strip().casefold()
        for term in self.statuses:
            words = f"{term.key} {term.da} {term.en}".replace("_", " ").casefold()
            if wanted in words:
                mark = "● " if term.key == self.current else "  "
                options.add_option(Option(safe(f"{mark}{term.label(language())}"),
                                          id=term.key))
        if options.option_count:
            options.highlighted = 0

    def on_input_changed(self, event: Input.Changed) -> None:
        self.fill(event.value)

    def on_key(self, event) -> None:
        # Arrows move the list while the typing stays in the input.
        options = self.query_one("#status-options", OptionList)
        if event.key in ("down", "up"):
            options.action_cursor_down() if event.key == "down" else options.action_cursor_up()
            event.stop()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        options = self.query_one("#status-options", OptionList)
        if options.highlighted is not None:
            self.dismiss(options.get_option_at_index(options.highlighted).id)
        else:
            term = vocabulary.find(self.statuses, event.value)
            if term:
                self.dismiss(term.key)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)


class OwnersPicker(Modal):
    """Tick owners from the plan's roster: space toggles, l makes the highlighted
    one the lead party (tovholder), enter saves. Dismisses with (owners, lead).

    The tick and the lead's star are characters, not colours, so they read the
    same without colour.
    """

    BINDINGS = [
        Binding("escape", "cancel", "key.cancel", id="owners.cancel"),
        Binding("space,x", "toggle", "key.toggle", id="owners.toggle"),
        Binding("l", "lead", "key.lead", id="owners.lead"),
        Binding("enter", "save", "key.save", priority=True, id="owners.save"),
    ]

    def __init__(self, title: str, roster, current: tuple[str, ...], lead: str = ""):
        super().__init__(title)
        self.roster = list(roster)
        self.chosen = set(current)
        self.lead = lead

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield self.title_label()
            yield PickList(*[Option(self.prompt(o, n), id=o) for o, n in self.roster],
                             id="owner-options")
            yield Label(safe(t("owners.keys")), classes="modal-footer")

    def prompt(self, owner_id: str, name: str) -> Text:
        star = "★ " if owner_id == self.lead else "  "
        role = f" — {t('owners.lead')}" if owner_id == self.lead else ""
        return safe(f"[{'x' if owner_id in self.chosen else ' '}] {star}{name} ({owner_id})"
                    f"{role}")

    def redraw(self) -> None:
        options = self.query_one("#owner-options", OptionList)
        for index, (owner_id, name) in enumerate(self.roster):
            options.replace_option_prompt_at_index(index, self.prompt(owner_id, name))

    def action_toggle(self) -> None:
        index = self.query_one("#owner-options", OptionList).highlighted
        if index is None:
            return
        owner_id = self.roster[index][0]
        self.chosen ^= {owner_id}
        if owner_id not in self.chosen and owner_id == self.lead:
            self.lead = ""  # an owner taken off is no longer the lead
        self.redraw()

    def action_lead(self) -> None:
        index = self.query_one("#owner-options", OptionList).highlighted
        if index is None:
            return
        owner_id = self.roster[index][0]
        self.lead = "" if self.lead == owner_id else owner_id
        if self.lead:
            self.chosen.add(owner_id)  # the lead takes part
        self.redraw()

    def action_save(self) -> None:
        self.dismiss((sorted(self.chosen), self.lead))


class PrioritiesEditor(Modal):
    """A line per plan year; left/right or 1–4 change the level, 0 clears it."""

    BINDINGS = [
        Binding("escape", "cancel", "key.cancel", id="priorities.cancel"),
        Binding("enter", "save", "key.save", id="priorities.save"),
        Binding("up,k", "move(-1)", "key.up", show=False, id="priorities.up"),
        Binding("down,j", "move(1)", "key.down", show=False, id="priorities.down"),
        Binding("left,h", "step(-1)", "key.higher", id="priorities.higher"),
        Binding("right,l", "step(1)", "key.lower", id="priorities.lower"),
        Binding("1,2,3,4,5,6,7,8,9", "pick", show=False, id="priorities.pick"),
        Binding("0,delete,backspace", "clear", "key.clear", id="priorities.clear"),
        Binding("e", "deliverable", "key.deliverable", id="priorities.deliverable"),
    ]

    def __init__(self, title: str, years: list[int], levels: tuple[Term, ...],
                 current: dict[int, str], deliverables: dict[int, str] | None = None,
                 year: int | None = None):
        super().__init__(title)
        self.years, self.levels = years, levels
        self.values = {y: current.get(y, "") for y in years}
        self.deliverables = {y: (deliverables or {}).get(y, "") for y in years}
        self.row = years.index(year) if year in years else 0  # the plan year now

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield self.title_label()
            yield Static(id="priority-lines")

    def on_mount(self) -> None:
        self.redraw()

    def redraw(self) -> None:
        text = Text()
        for n, year in enumerate(self.years):
            key = self.values[year]
            label = next((lv.label(language()) for lv in self.levels if lv.key == key),
                         t("priorities.none"))
            cursor = "▶ " if n == self.row else "  "
            text.append(f"{cursor}{year}  ◀ ", style="bold" if n == self.row else "")
            text.append(f"{label:^10}", style="reverse" if n == self.row else "")
            text.append(" ▶")
            if self.deliverables[year]:
                text.append(f"  {t('priorities.deliverable')}: ", style="dim")
                text.append(self.deliverables[year])
            text.append("\n")
        text.append("\n" + "  ".join(f"{n}={lv.label(language())}"
                                     for n, lv in enumerate(self.levels, 1))
                    + "  0=" + t("priorities.unset"), style="dim")
        text.append("\n" + t("priorities.keys"), style="dim")
        self.query_one("#priority-lines", Static).update(safe(text))

    def action_move(self, step: int) -> None:
        self.row = (self.row + step) % len(self.years)
        self.redraw()

    def action_step(self, step: int) -> None:
        keys = [""] + [lv.key for lv in self.levels]
        year = self.years[self.row]
        self.values[year] = keys[(keys.index(self.values[year]) + step) % len(keys)] \
            if self.values[year] in keys else keys[0]
        self.redraw()

    def on_key(self, event) -> None:
        if event.character and event.character.isdigit() and event.character != "0":
            index = int(event.character) - 1
            if index < len(self.levels):
                self.values[self.years[self.row]] = self.levels[index].key
                self.redraw()
            event.stop()

    def action_pick(self) -> None:
        pass  # digits are handled in on_key; the binding shows them in help

    def action_clear(self) -> None:
        self.values[self.years[self.row]] = ""
        self.redraw()

    def action_deliverable(self) -> None:
        """What is to be delivered in the highlighted year: typed in a small form."""
        year = self.years[self.row]

        def check(typed: dict) -> str:
            try:
                return check_deliverable(typed["text"])
            except TrackerError as exc:
                raise FieldProblem("text", str(exc)) from None

        def done(text: str | None) -> None:
            if text is not None:
                self.deliverables[year] = text
                self.redraw()

        self.app.push_screen(FormScreen(t("priorities.deliverable_title", year=year), [
            ("text", t("priorities.deliverable_label", year=year), self.deliverables[year],
             t("priorities.deliverable_hint"))], check), done)

    def action_save(self) -> None:
        self.dismiss((dict(self.values), dict(self.deliverables)))


class NoteEditor(Modal):
    BINDINGS = [
        Binding("escape", "cancel", "key.cancel", id="note.cancel"),
        Binding("ctrl+s", "save", "key.save", priority=True, id="note.save"),
    ]

    def __init__(self, name: str, draft: str = ""):
        super().__init__(t("note.title", name=name))
        self.draft = draft  # text kept from an earlier try that was refused

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield self.title_label()
            yield TextArea(self.draft, id="note-text", soft_wrap=True, show_line_numbers=False)

    def action_save(self) -> None:
        text = self.query_one("#note-text", TextArea).text
        self.dismiss(text if text.strip() else None)

    def action_cancel(self) -> None:
        """Leaving with typed text asks first: a note is never thrown away by a key."""
        if not self.query_one("#note-text", TextArea).text.strip():
            self.dismiss(None)
            return
        self.app.push_screen(Confirm(t("note.discard")),
                             lambda discard: discard and self.dismiss(None))


class Confirm(ModalScreen[bool]):
    """A yes/no question: y (or j, for ja) or enter says yes; n or escape says no."""

    BINDINGS = [
        Binding("y,j,enter", "answer(True)", "key.yes", id="confirm.yes"),
        Binding("n,escape", "answer(False)", "key.no", id="confirm.no"),
    ]

    def __init__(self, question: str):
        super().__init__()
        localize(self)
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(safe(self.question), classes="modal-title")
            yield Label(safe(t("confirm.keys")), classes="modal-footer")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


class TextScreen(Modal):
    """A scrollable page of text: history, help, sync problems."""

    BINDINGS = [
        Binding("escape,q", "cancel", "key.close", id="text.close"),
        Binding("j", "scroll(1)", show=False, id="text.down"),
        Binding("k", "scroll(-1)", show=False, id="text.up"),
    ]

    def __init__(self, title: str, body: Text, footer: str = ""):
        super().__init__(title)
        self.body, self.footer = body, footer

    def compose(self) -> ComposeResult:
        from textual.containers import VerticalScroll

        with Vertical(classes="dialog wide"):
            yield self.title_label()
            with VerticalScroll(id="text-scroll"):
                yield Static(safe(self.body))
            if self.footer:
                yield Label(safe(self.footer), classes="modal-footer")

    def action_scroll(self, step: int) -> None:
        scroll = self.query_one("#text-scroll")
        scroll.scroll_relative(y=step)


class ChoiceScreen(Modal):
    """Pick one of a few labelled choices; returns its id."""

    def __init__(self, title: str, choices: list[tuple[str, str]]):
        super().__init__(title)
        self.choices = choices

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield self.title_label()
            yield PickList(*[Option(safe(label), id=ident) for ident, label in self.choices],
                             id="choices")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)


class FieldProblem(Exception):
    """What a form's check raises: which field is wrong, and the message."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


class FormScreen(Modal):
    """A few text fields. Enter (in any field) hands the values to `check`,
    which returns what to dismiss with, or raises FieldProblem: that field is
    marked with the message and the dialog stays, keeping what was typed."""

    def __init__(self, title: str, fields: list[tuple[str, str, str, str]], check):
        super().__init__(title)
        self.fields = fields  # (name, label, value, placeholder)
        self.check = check

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield self.title_label()
            for name, label, value, placeholder in self.fields:
                yield Label(safe(label))
                yield Input(value=value, placeholder=placeholder, id=f"field-{name}",
                            compact=True)  # a line each: every field in sight at 80×24
                yield Label("", id=f"problem-{name}", classes="problem")
            yield Label(safe(t("form.keys")), classes="modal-footer")

    def on_input_changed(self, event: Input.Changed) -> None:
        """A field being corrected no longer shows the problem it had."""
        if event.input.id and event.input.id.startswith("field-"):
            event.input.remove_class("-invalid")
            self.query_one(f"#problem-{event.input.id.removeprefix('field-')}", Label).update("")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        values = {name: self.query_one(f"#field-{name}", Input).value
                  for name, *_ in self.fields}
        for name, *_ in self.fields:
            self.query_one(f"#field-{name}", Input).remove_class("-invalid")
            self.query_one(f"#problem-{name}", Label).update("")
        try:
            result = self.check(values)
        except FieldProblem as problem:
            field = self.query_one(f"#field-{problem.field}", Input)
            field.add_class("-invalid")
            self.query_one(f"#problem-{problem.field}", Label).update(safe(str(problem)))
            field.focus()
            return
        self.dismiss(result)


class ActionsScreen(Modal):
    """The actions of one plan year: a line each, overdue ones said in words and
    red. ←/→ change the year, S the order; enter edits the highlighted action.
    Dismisses with ('edit', action id), ('year', year) or ('sort', order)."""

    BINDINGS = [
        Binding("escape,q", "cancel", "key.close", id="actions.close"),
        Binding("left", "year(-1)", "key.year_before", id="actions.before"),
        Binding("right", "year(1)", "key.year_after", id="actions.after"),
        Binding("S", "sort", "key.sort", id="actions.sort"),
    ]

    def __init__(self, title: str, lines: list[tuple[int, Text]], year: int, years: list[int],
                 order: str, orders: list[str], footer: str, highlight: int | None = None):
        super().__init__(title)
        self.lines, self.year, self.years = lines, year, years
        self.order, self.orders, self.footer = order, orders, footer
        self.highlight = highlight

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield self.title_label()
            if self.lines:
                yield PickList(*[Option(safe(text), id=str(ident))
                                   for ident, text in self.lines], id="action-lines")
            else:
                yield Label(safe(t("actions.none", year=self.year)), id="action-lines")
            yield Label(safe(self.footer), classes="modal-footer")

    def on_mount(self) -> None:
        ids = [ident for ident, _ in self.lines]
        if self.highlight in ids:
            self.query_one("#action-lines", OptionList).highlighted = ids.index(self.highlight)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(("edit", int(event.option.id)))

    def action_year(self, step: int) -> None:
        index = self.years.index(self.year) + step
        if 0 <= index < len(self.years):
            self.dismiss(("year", self.years[index]))

    def action_sort(self) -> None:
        self.dismiss(("sort", self.orders[(self.orders.index(self.order) + 1)
                                          % len(self.orders)]))
