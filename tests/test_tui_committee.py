"""The committee's year in the TUI (Pilot, real temporary database), in both
languages: `t` the timeline with today marked and the next meeting in sight,
`m` the next meeting's agenda, a meeting and an item added there, a decision
taken at the meeting, the lead in the owners dialog, a deliverable beside the
year's priority, and the end of the period in the header."""

import pytest
from textual.widgets import Input, OptionList, Static

from tracker import catalogue
from tracker.store import Change
from tracker.tui.app import TrackerApp
from tracker.tui.calendar_screens import AgendaScreen, TimelineScreen
from tracker.tui.screens import FormScreen, OwnersPicker, PrioritiesEditor
from tracker.tui.widgets import DetailsPane

from .conftest import settle
from .test_tui import goto


def make_app(store, plan_file, today="2025-03-01"):
    return TrackerApp(store, plan_file, "anna", poll_seconds=0.1, export_date=today)


def lines_of(screen, widget_id) -> list[str]:
    options = screen.query_one(widget_id, OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


@pytest.mark.parametrize("language", ["en", "da"])
async def test_the_timeline_marks_today_and_shows_the_next_meeting(store, plan_file, language):
    catalogue.use(language)
    store.add_meeting("2025-01-20", "ppu", "sekretær", "cli")
    store.add_meeting("2025-03-18", "ppu", "sekretær", "cli", title="Forår")
    store.add_milestone("2025-06-30", "Evaluering klar", "sekretær", "cli", "haps")
    store.add_action("haps", "Skriv udkast", 2025, "sekretær", "cli", due="2025-02-01")
    app = make_app(store, plan_file)
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, TimelineScreen)
        lines = lines_of(screen, "#timeline-lines")
        today = {"en": "── today, 2025-03-01 ──", "da": "── i dag, 01.03.2025 ──"}[language]
        overdue = {"en": "28 days overdue", "da": "28 dage over fristen"}[language]
        assert lines[2] == today and overdue in lines[1] and "HAPS" in lines[1]
        # The next meeting is the highlighted line, and in the footer.
        options = screen.query_one("#timeline-lines", OptionList)
        assert "18" in lines[options.highlighted] and "Forår" in lines[options.highlighted]
        # Enter on it opens its agenda.
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, AgendaScreen)
        assert "Forår" in app.screen.title_text


@pytest.mark.parametrize("language", ["en", "da"])
async def test_a_meeting_its_agenda_and_a_decision_taken_there(store, plan_file, language):
    catalogue.use(language)
    app = make_app(store, plan_file)
    async with app.run_test(size=(120, 35)) as pilot:
        await goto(pilot, "haps")
        await pilot.press("m")
        await settle(pilot)
        assert isinstance(app.screen, AgendaScreen)  # no meetings yet: it says how to add one
        await pilot.press("n")
        assert isinstance(app.screen, FormScreen)
        app.screen.query_one("#field-date", Input).value = "18.3.2025"
        await pilot.press("enter")
        await settle(pilot)
        assert [(m.date, m.body) for m in store.meetings()] == [("2025-03-18", "ppu")]
        assert isinstance(app.screen, AgendaScreen)
        await pilot.press("a")  # the highlighted initiative is offered
        assert app.screen.query_one("#field-initiative", Input).value == "HAPS"  # by name
        app.screen.query_one("#field-text", Input).value = "Evaluering af HAPS"
        app.screen.query_one("#field-kind", Input).value = \
            {"en": "discussion", "da": "drøftelse"}[language]
        await pilot.press("enter")
        await settle(pilot)
        assert [(i.initiative_id, i.kind) for i in store.agenda()] == [("haps", "discussion")]
        assert isinstance(app.screen, AgendaScreen)
        await pilot.press("b")
        assert isinstance(app.screen, FormScreen)
        app.screen.query_one("#field-text", Input).value = "Pilotprojektet forlænges"
        await pilot.press("enter")
        await settle(pilot)
        (decision,) = store.decisions("haps")
        assert (decision.date, decision.by, decision.meeting) == (
            "2025-03-18", "Praksisplanudvalget", "1")
        below = str(app.screen.query_one("#agenda-below", Static).render())
        assert "Pilotprojektet forlænges" in below
        await pilot.press("escape")
        assert "Pilotprojektet forlænges" in app.main.query_one(DetailsPane).text.plain


async def test_a_wrong_date_keeps_the_meeting_form_and_says_why(store, plan_file):
    app = make_app(store, plan_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)
        await pilot.press("n")
        app.screen.query_one("#field-date", Input).value = "30.2.2025"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, FormScreen) and store.meetings() == []
        assert "February 2025 has 28 days" in str(app.screen.query_one("#problem-date").render())


async def test_the_owners_dialog_marks_a_lead(store, plan_file):
    app = make_app(store, plan_file)
    async with app.run_test(size=(120, 35)) as pilot:
        await goto(pilot, "haps")
        await pilot.press("o")
        assert isinstance(app.screen, OwnersPicker)
        await pilot.press("space", "down", "down", "l", "enter")  # region; plo as the lead
        await settle(pilot)
        view = store.initiative("haps")
        assert (view.lead, view.owners) == ("plo", ("region", "plo"))
        assert "Lead: PLO-Hovedstaden · Participants: Region Hovedstaden" in \
            app.main.query_one(DetailsPane).text.plain


async def test_a_deliverable_is_typed_beside_the_years_priority(store, plan_file):
    app = make_app(store, plan_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await goto(pilot, "haps")
        await pilot.press("p")
        assert isinstance(app.screen, PrioritiesEditor)
        await pilot.press("1", "e")  # the cursor starts on this plan year, 2025: high, and a deliverable
        assert isinstance(app.screen, FormScreen)
        app.screen.query_one("#field-text", Input).value = "Evaluering forelagt PPU"
        await pilot.press("enter")
        assert isinstance(app.screen, PrioritiesEditor)
        await pilot.press("enter")
        await settle(pilot)
        view = store.initiative("haps")
        assert (view.priorities, view.deliverables) == (
            {2025: "high"}, {2025: "Evaluering forelagt PPU"})


async def test_after_the_period_the_header_says_so_and_no_year_is_assumed(store, plan_file):
    store.edit("haps", Change(owners=["plo"]), "bo", "cli")
    catalogue.use("da")
    app = make_app(store, plan_file, today="2026-11-30")
    async with app.run_test(size=(80, 24)) as pilot:
        await goto(pilot, "haps")
        pane = app.main.query_one("#initiatives").border_title
        assert pane == "Indsatser · planperioden sluttede 31.12.2025"
        await pilot.press("a")
        assert app.screen.query_one("#field-year", Input).value == ""


async def test_the_export_dialog_offers_the_last_meeting_and_writes_word(store, plan_file,
                                                                       tmp_path):
    from docx import Document

    from tracker.tui.export_dialog import ExportScreen

    store.add_meeting("2025-02-10", "ppu", "sekretær", "cli")
    catalogue.use("da")
    app = make_app(store, plan_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, ExportScreen)
        assert app.screen.query_one("#since", Input).value == "10.02.2025"
        app.screen.query_one("#path", Input).value = str(tmp_path / "status.docx")
        await pilot.press("enter")
        await settle(pilot)
        headings = [p.text for p in Document(str(tmp_path / "status.docx")).paragraphs
                    if p.style.name.startswith("Heading")]
        assert headings[0] == "Status pr. 01.03.2025" and any(
            h.startswith("Ændringer siden 10.02.2025") for h in headings)


async def test_an_unknown_initiative_on_the_agenda_keeps_the_form(store, plan_file):
    store.add_meeting("2025-03-18", "ppu", "sekretær", "cli")
    app = make_app(store, plan_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)
        await pilot.press("a")
        app.screen.query_one("#field-initiative", Input).value = "hpas"
        app.screen.query_one("#field-text", Input).value = "Status"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, FormScreen) and store.agenda() == []
        assert app.screen.query_one("#field-initiative", Input).value == "hpas"  # kept


async def test_b_on_an_item_for_the_whole_plan_records_what_was_decided(store, plan_file):
    store.add_meeting("2025-03-18", "ppu", "sekretær", "cli")
    item = store.add_agenda_item("2025-03-18", "", "Implementeringsplan 2025", "beslutning",
                                 "sekretær", "cli")
    catalogue.use("da")
    app = make_app(store, plan_file, today="2025-03-18")  # the meeting's day: it is held
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)
        await pilot.press("b")
        await settle(pilot)
        assert isinstance(app.screen, FormScreen)
        assert "punkt 1: Implementeringsplan 2025" in str(app.screen.title_text)
        assert app.screen.query_one("#field-outcome", Input).placeholder == "fx Godkendt"
        app.screen.query_one("#field-outcome", Input).value = "Godkendt"
        await pilot.press("enter")
        await settle(pilot)
        assert [i.outcome for i in store.agenda() if i.id == item] == ["Godkendt"]
        assert isinstance(app.screen, AgendaScreen)
        assert any("besluttet: Godkendt" in str(text) for _, text in app.screen.lines)
