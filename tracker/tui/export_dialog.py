"""The export dialog: which paper (the status note or the year's implementation
plan), where to write it (its format from the name: .docx, .html or .md), and the
date of the last meeting for the note, or the year for the plan. The name offered
follows the paper and the year until the person types one of their own."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Label, RadioButton, RadioSet

from ..catalogue import t
from .screens import Modal
from .widgets import safe

DOCUMENTS = ("status", "plan")


class ExportScreen(Modal):
    """Dismisses with (document, path, since) for the status note, (document, path,
    year) for the plan, or None; a path, date or year that won't do marks its
    field and says why, and the dialog stays with what was typed."""

    def __init__(self, name_for, target, check_year, since: str = "", year: int = 0,
                 document: str = "status"):
        super().__init__(t("export.title"))
        self.name_for = name_for  # (document, year text) → the name offered
        self.target = target  # typed path → Path, or a TrackerError saying why not
        self.check_year = check_year  # typed year → int, or a TrackerError
        self.since, self.year, self.document = since, year, document
        self.offered = name_for(document, str(year))

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield self.title_label()
            with RadioSet(id="document"):
                for document in DOCUMENTS:
                    yield RadioButton(t(f"export.{document}"), value=document == self.document,
                                      id=f"document-{document}")
            yield Label(t("export.path"))
            yield Input(value=self.offered, id="path", compact=True)
            yield Label("", id="path-problem", classes="problem")
            yield Label(t("export.since"), id="since-label")
            yield Input(value=self.since, placeholder=t("export.since_hint"), id="since",
                        compact=True)
            yield Label("", id="since-problem", classes="problem")
            yield Label(t("form.year"), id="year-label")
            yield Input(value=str(self.year), id="year", compact=True)
            yield Label("", id="year-problem", classes="problem")
            yield Label(safe(t("export.keys")), classes="modal-footer")

    def on_mount(self) -> None:
        self.show_fields()
        self.query_one("#path", Input).focus()

    def show_fields(self) -> None:
        """The note asks since when; the plan asks for its year."""
        plan = self.document == "plan"
        for ident in ("#since-label", "#since", "#since-problem"):
            self.query_one(ident).display = not plan
        for ident in ("#year-label", "#year", "#year-problem"):
            self.query_one(ident).display = plan

    def offer_name(self) -> None:
        """A new name for the paper and year chosen, unless one was typed (another
        ending, .html for .docx, is kept: the format stays as chosen)."""
        from pathlib import PurePath

        path = self.query_one("#path", Input)
        typed, offered = PurePath(path.value), PurePath(self.offered)
        if path.value == self.offered or (typed.name and offered.name and
                                          typed.with_suffix("") == offered.with_suffix("")):
            self.offered = self.name_for(self.document, self.query_one("#year", Input).value)
            path.value = str(PurePath(self.offered).with_suffix(typed.suffix or ".docx"))
            self.offered = path.value

    def on_key(self, event) -> None:
        """←/→ on the choice pick the other paper at once (not only move to it)."""
        if event.key in ("left", "right") and self.query_one(RadioSet).has_focus:
            event.stop()
            other = DOCUMENTS[1 - DOCUMENTS.index(self.document)]
            self.query_one(f"#document-{other}", RadioButton).value = True
        elif event.key == "enter" and self.query_one(RadioSet).has_focus:
            event.stop()  # enter writes, wherever the cursor is
            self.query_one("#path", Input).action_submit()

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        self.document = DOCUMENTS[event.index]
        self.show_fields()
        self.offer_name()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "year":
            self.offer_name()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        from ..errors import TrackerError
        from ..present import parse_date

        event.stop()
        fields = {name: self.query_one(f"#{name}", Input) for name in ("path", "since", "year")}
        for name, field in fields.items():
            field.remove_class("-invalid")
            self.query_one(f"#{name}-problem", Label).update("")
        if not fields["path"].value.strip():
            return
        try:
            name = "path"
            path = self.target(fields["path"].value)
            if self.document == "plan":
                name = "year"
                self.dismiss((self.document, path, self.check_year(fields["year"].value)))
            else:
                name = "since"
                since = fields["since"].value.strip()
                self.dismiss((self.document, path,
                              parse_date(since, t("export.since_name")) if since else ""))
        except TrackerError as problem:
            self.mark(fields[name], f"#{name}-problem", problem)

    def mark(self, field: Input, label: str, problem) -> None:
        from ..present import explain

        field.add_class("-invalid")
        self.query_one(label, Label).update(safe(explain(problem)))
        field.focus()
