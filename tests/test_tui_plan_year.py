"""The yearly implementation plan in the TUI (Pilot, real temporary database):
`a` adds an action, `d` records a decision, `A` lists a year's actions, and an
action is edited from there or from the edit menu, with the same safety as any edit."""

import pytest
from textual.widgets import Input

from tracker.store import Change
from tracker.tui.app import TrackerApp
from tracker.tui.export_dialog import ExportScreen
from tracker.tui.screens import ActionsScreen, ChoiceScreen, FormScreen, StatusPicker
from tracker.tui.widgets import DetailsPane

from .conftest import settle
from .test_tui import goto


@pytest.fixture
def app(store, plan_file):
    return TrackerApp(store, plan_file, "anna", poll_seconds=0.1, export_date="2024-03-15")


async def fill(pilot, name, text):
    field = pilot.app.screen.query_one(f"#field-{name}", Input)
    field.value = text


async def test_a_adds_an_action_with_the_initiatives_owners_and_this_plan_year(app, store):
    store.edit("haps", Change(owners=["plo"]), "bo", "cli")
    async with app.run_test(size=(120, 40)) as pilot:
        await goto(pilot, "haps")
        await pilot.press("a")
        assert isinstance(app.screen, FormScreen)
        assert app.screen.query_one("#field-year", Input).value == "2024"
        assert app.screen.query_one("#field-owners", Input).value == "PLO"  # the short name
        await pilot.press(*"Hold kick-off")
        await fill(pilot, "due", "31.2.2024")  # no such day: the field says so, nothing lost
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, FormScreen)
        assert "February 2024 has 29 days" in str(app.screen.query_one("#problem-due").render())
        assert store.actions() == []
        await fill(pilot, "due", "1.3.2024")
        await pilot.pause()  # corrected: the old problem goes as it is typed, not at enter
        assert str(app.screen.query_one("#problem-due").render()) == ""
        await pilot.press("enter")
        await settle(pilot)
        (action,) = store.actions()
        assert (action.text, action.year, action.owners, action.due) == (
            "Hold kick-off", 2024, ("plo",), "2024-03-01")
        assert store.history("haps")[-1].who == "anna"
        assert "#1 2024 · Hold kick-off · PLO-Hovedstaden" in app.main.query_one(DetailsPane).text.plain


async def test_d_records_a_decision(app, store):
    async with app.run_test(size=(120, 40)) as pilot:
        await goto(pilot, "haps")
        await pilot.press("d")
        assert app.screen.query_one("#field-date", Input).value == "2024-03-15"
        await pilot.press(*"Pilot approved")
        await fill(pilot, "by", "Praksisplanudvalget")
        await pilot.press("enter")
        await settle(pilot)
        (decision,) = store.decisions("haps")
        assert (decision.text, decision.date, decision.by) == (
            "Pilot approved", "2024-03-15", "Praksisplanudvalget")
        assert "2024-03-15 Praksisplanudvalget: Pilot approved" in \
            app.main.query_one(DetailsPane).text.plain


async def test_the_actions_of_a_year_overdue_marked_and_edited_from_there(app, store):
    late = store.add_action("haps", "Agree the flow", 2024, "bo", "cli", due="2024-03-01")
    store.add_action("kontaktlaege", "Roll out", 2024, "bo", "cli", due="2024-06-01")
    store.add_action("haps", "Next year", 2025, "bo", "cli")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("A")
        assert isinstance(app.screen, ActionsScreen)
        lines = [str(text) for _, text in app.screen.lines]
        assert len(lines) == 2 and "Agree the flow" in lines[0] and "14 days overdue" in lines[0]
        assert "2 actions, 1 overdue" in app.screen.footer
        await pilot.press("right")  # the next year: its own, and 2024's still open
        await settle(pilot)
        later = [str(text) for _, text in app.screen.lines]
        assert len(later) == 3 and sum("Next year" in line for line in later) == 1
        assert "#1 2024 · Agree the flow" in later[0]  # the year said: it is last year's
        await pilot.press("left", "enter")  # the first of 2024: the overdue one
        await settle(pilot)
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.press("enter")  # set its status
        assert isinstance(app.screen, StatusPicker)
        await pilot.press(*"done", "enter")
        await settle(pilot)
        assert store.action(late).status == "done"
        assert isinstance(app.screen, ActionsScreen)  # back where the user was
        assert "2 actions, 0 overdue" in app.screen.footer


async def test_an_action_edit_is_refused_if_someone_changed_that_action(app, store):
    action_id = store.add_action("haps", "Agree the flow", 2024, "bo", "cli")
    async with app.run_test(size=(120, 40)) as pilot:
        await goto(pilot, "haps")
        await pilot.press("enter")  # the edit menu: "Edit an action"
        menu = [ident for ident, _ in app.screen.choices]
        await pilot.press(*["down"] * menu.index("edit_action"), "enter")
        await settle(pilot)
        assert isinstance(app.screen, ChoiceScreen)  # the action's own menu
        store.edit_action(action_id, "bo", "cli", status="in progress")  # meanwhile
        store.edit("haps", Change(status="planned"), "bo",
                   "cli")
        await pilot.press("enter", *"done", "enter")
        await settle(pilot)
        assert store.action(action_id).status == "in_progress"  # Bo's stands
        # Bo's change of the status alone would not have refused it:
        await pilot.press("enter")
        menu = [ident for ident, _ in app.screen.choices]
        await pilot.press(*["down"] * menu.index("edit_action"), "enter")
        await settle(pilot)
        store.edit("haps", Change(status="delayed"), "bo",
                   "cli")
        await pilot.press("enter", *"done", "enter")
        await settle(pilot)
        assert store.action(action_id).status == "done"


async def test_the_implementation_plan_is_exported_from_the_palette(app, store, plan_file):
    from docx import Document

    store.add_action("haps", "Agree the flow", 2024, "bo", "cli", due="2024-03-01")
    store.edit("haps", Change(priorities={2024: "high"}), "bo", "cli")
    async with app.run_test(size=(120, 40)) as pilot:
        await app.main.run_action("export_plan")
        await settle(pilot)
        assert isinstance(app.screen, ExportScreen) and app.screen.document == "plan"
        path, year = app.screen.query_one("#path", Input), app.screen.query_one("#year", Input)
        assert path.value == str(plan_file.with_name("2022-2025-implementation-plan-2024.docx"))
        year.value = "2031"
        await pilot.press("enter")
        await settle(pilot)
        assert "outside the plan period" in str(app.screen.query_one("#year-problem").render())
        year.value = "2025"
        await pilot.pause()
        assert path.value.endswith("-implementation-plan-2025.docx")  # the name follows the year
        path.value = path.value.removesuffix(".docx") + ".html"  # …and keeps a format typed
        year.value = "2023"
        await pilot.pause()
        assert path.value.endswith("-implementation-plan-2023.html")
        path.value = path.value.removesuffix(".html") + ".docx"
        year.value = "2024"
        await pilot.pause()
        await pilot.press("enter")
        await settle(pilot)
        assert any("Wrote the implementation plan 2024 to" in n.message
                   for n in app._notifications)
    written = plan_file.with_name("2022-2025-implementation-plan-2024.docx")
    text = "\n".join(p.text for p in Document(str(written)).paragraphs)
    cells = [c.text for table in Document(str(written)).tables for row in table.rows
             for c in row.cells]
    assert text.startswith("Implementation plan 2024")
    assert "Agree the flow" in cells and "overdue" not in text + " ".join(cells)  # a plan


async def test_an_emptied_name_then_another_paper_does_not_end_the_app(app, store):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("e")
        await settle(pilot)
        app.screen.query_one("#path", Input).value = ""
        await pilot.press("shift+tab", "right")  # the other paper
        await settle(pilot)
        assert isinstance(app.screen, ExportScreen) and app.screen.document == "plan"
        assert app.screen.query_one("#path", Input).value == ""  # left as typed
