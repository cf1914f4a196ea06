"""The TUI, driven by Pilot against a real temporary database."""

import pytest
from textual.widgets import Input, OptionList

from tracker.catalogue import EN
from tracker.store import Change, open_store
from tracker.tui.app import TrackerApp
from tracker.tui.widgets import DetailsPane, InitiativeTable
from tracker.tui.export_dialog import ExportScreen
from tracker.tui.screens import (ChoiceScreen, NoteEditor, OwnersPicker,
                                 PrioritiesEditor, StatusPicker, TextScreen)

from .conftest import settle


@pytest.fixture
def app(store, plan_file):
    return TrackerApp(store, plan_file, "anna", poll_seconds=0.1, export_date="2024-03-15")


async def goto(pilot, initiative_id):
    """Select the objective holding the initiative, then its row."""
    app = pilot.app
    objective = app.store.initiative(initiative_id).objective_id
    await app.main.run_action(f"objective('{objective}')")
    await settle(pilot)
    table = app.main.query_one(InitiativeTable)
    ids = [v.id for v in app.main.views]
    table.move_cursor(row=ids.index(initiative_id))
    await settle(pilot)
    assert app.main.current_id() == initiative_id


def cell(app, initiative_id, column):
    table = app.main.query_one(InitiativeTable)
    return str(table.get_cell(initiative_id, column))


async def test_opens_on_all_initiatives_with_details(app):
    async with app.run_test(size=(120, 40)) as pilot:
        assert len(app.main.views) == 10
        assert app.main.query_one(InitiativeTable).row_count == 10
        objectives = app.main.query_one("#objectives", OptionList)
        assert objectives.option_count == 12  # All, ten objectives, Archived
        await settle(pilot)  # the details follow the first frame
        assert "Flere åbne praksis" in app.main.query_one(DetailsPane).text.plain


async def test_status_picker_by_typing_danish(app, store):
    async with app.run_test(size=(120, 40)) as pilot:
        await goto(pilot, "haps")
        await pilot.press("s")
        assert isinstance(app.screen, StatusPicker)
        await pilot.press(*"igang", "enter")
        await settle(pilot)
        assert store.initiative("haps").status == "in_progress"
        assert cell(app, "haps", "status") == "in progress"
        assert store.history("haps")[-1].source == "tui"


async def test_status_picker_by_english_and_arrows(app, store):
    async with app.run_test(size=(120, 40)) as pilot:
        await goto(pilot, "haps")
        await pilot.press("s", *"on hold", "enter")
        await settle(pilot)
        assert store.initiative("haps").status == "on_hold"
        await pilot.press("s", "down", "enter")  # the picker starts on the current status
        await settle(pilot)
        assert store.initiative("haps").status == "done"


async def test_owners_multi_select(app, store):
    async with app.run_test(size=(120, 40)) as pilot:
        await goto(pilot, "haps")
        await pilot.press("o")
        assert isinstance(app.screen, OwnersPicker)
        await pilot.press("space", "down", "down", "space", "enter")
        await settle(pilot)
        assert store.initiative("haps").owners == ("region", "plo")
        assert cell(app, "haps", "owners") == "Regionen, PLO"  # short names


async def test_j_and_k_move_in_the_dialogs_lists_too(app, store):
    """j j l made the first owner lead, not the third: only the arrows moved there."""
    async with app.run_test(size=(120, 40)) as pilot:
        await goto(pilot, "haps")
        await pilot.press("o", "space", "j", "j", "space", "k", "j", "l", "enter")
        await settle(pilot)
        found = store.initiative("haps")
        assert found.owners == ("region", "plo") and found.lead == "plo"


async def test_priorities_with_digits_and_arrows(app, store):
    async with app.run_test(size=(120, 40)) as pilot:
        await goto(pilot, "haps")
        await pilot.press("p")
        assert isinstance(app.screen, PrioritiesEditor)
        await pilot.press("1")          # the cursor starts on this plan year: 2024 → høj
        await pilot.press("down", "right", "right")     # 2025 → middel
        await pilot.press("enter")
        await settle(pilot)
        assert store.initiative("haps").priorities == {2024: "high", 2025: "medium"}
        assert cell(app, "haps", "y2024") == "high"
        await pilot.press("p", "0", "enter")
        await settle(pilot)
        assert store.initiative("haps").priorities == {2025: "medium"}


async def test_multi_line_note(app, store):
    async with app.run_test(size=(120, 40)) as pilot:
        await goto(pilot, "haps")
        await pilot.press("n")
        assert isinstance(app.screen, NoteEditor)
        await pilot.press(*"Kick-off", "enter", *"held")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert store.initiative("haps").latest_note.text == "Kick-off\nheld"
        assert "Kick-off" in app.main.query_one(DetailsPane).text.plain


async def test_escape_cancels_without_writing(app, store):
    async with app.run_test(size=(120, 40)) as pilot:
        await goto(pilot, "haps")
        before = store.initiative("haps").version
        for key in ("s", "o", "p", "n"):
            await pilot.press(key)
            await pilot.press("escape")
            await settle(pilot)
        assert store.initiative("haps").version == before
        assert not isinstance(app.screen, (StatusPicker, NoteEditor))


async def test_undo_and_redo(app, store):
    async with app.run_test(size=(120, 40)) as pilot:
        await goto(pilot, "haps")
        await pilot.press("s", *"afsluttet", "enter")
        await settle(pilot)
        await pilot.press("u")
        await settle(pilot)
        assert store.initiative("haps").status == "not_started"
        assert cell(app, "haps", "status") == "not started"
        await pilot.press("U")
        await settle(pilot)
        assert store.initiative("haps").status == "done"
        assert [e.action for e in store.history("haps")][-2:] == ["undo", "redo"]


async def test_history_screen(app, store):
    store.edit("haps", Change(status="igangsat"), "bo", "cli")
    async with app.run_test(size=(120, 40)) as pilot:
        await goto(pilot, "haps")
        await pilot.press("h")
        assert isinstance(app.screen, TextScreen)
        text = str(app.screen.body)
        assert "bo (on the command line)" in text and "not started → in progress" in text
        await pilot.press("escape")
        assert not isinstance(app.screen, TextScreen)


async def test_enter_opens_the_edit_menu(app, store):
    async with app.run_test(size=(120, 40)) as pilot:
        await goto(pilot, "haps")
        app.main.query_one(InitiativeTable).focus()
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.press("enter")  # the first choice: status
        await settle(pilot)
        assert isinstance(app.screen, StatusPicker)


async def test_text_filter_and_escape(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash", *"kontakt")
        await settle(pilot)
        assert [v.id for v in app.main.views] == ["kontaktlaege"]
        assert "kontakt" in str(app.main.query_one("#filterbar").content)
        await pilot.press("escape")
        await settle(pilot)
        assert len(app.main.views) == 10 and not app.main.query_one("#search", Input).display


async def test_filter_by_owner_status_year(app, store):
    store.edit("haps", Change(owners=["plo"], status="igangsat", priorities={2024: "high"}),
               "bo", "cli")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f")
        assert isinstance(app.screen, ChoiceScreen)
        choices = app.screen.query_one(OptionList)
        ids = [choices.get_option_at_index(i).id for i in range(choices.option_count)]
        choices.highlighted = ids.index("owner:plo")
        await pilot.press("enter")
        await settle(pilot)
        assert [v.id for v in app.main.views] == ["haps"]
        await app.main.run_action("filter")
        await pilot.press("enter")  # "Clear all filters" is first
        await settle(pilot)
        assert len(app.main.views) == 10
        app.main.filters["year"] = 2024
        app.main.load()
        assert [v.id for v in app.main.views] == ["haps"]


async def test_sort_cycles_columns(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("S")  # by id
        await settle(pilot)
        ids = [v.id for v in app.main.views]
        assert ids == sorted(ids)
        await pilot.press("S")  # by id, reversed
        assert [v.id for v in app.main.views] == sorted(ids, reverse=True)


async def test_objectives_navigation_with_keys(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("escape")  # nothing to clear: the list keeps the focus
        assert app.main.query_one(InitiativeTable).has_focus
        await pilot.press("shift+tab")  # the objectives pane
        assert app.main.query_one("#objectives").has_focus
        await pilot.press("j", "j")  # to objective 2
        await settle(pilot)
        assert app.main.objective == "m2" and [v.id for v in app.main.views] == ["aabne-praksis"]
        await pilot.press("G")
        await settle(pilot)
        assert app.main.objective == "archived" and app.main.views == []
        assert "No initiative here" in app.main.query_one(DetailsPane).text.plain


async def test_export_writes_the_report_where_asked(app, plan_file, tmp_path):
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("e")
        await settle(pilot)  # the dialog opens once the last meeting is read
        assert isinstance(app.screen, ExportScreen)
        path_input = app.screen.query_one("#path", Input)
        assert path_input.value == str(plan_file.with_name("2022-2025-status-note.docx"))
        path_input.value = str(tmp_path / "report.md")
        app.screen.query_one("#since", Input).value = "2024-01-01"
        await pilot.press("enter")
        await settle(pilot)
        text = (tmp_path / "report.md").read_text(encoding="utf-8")
        assert text.startswith("# Status as of 2024-03-15") and "report of 2024-03-15" in text
        assert "## What is different since 2024-01-01" in text


async def test_export_with_a_bad_since_date_says_so(app, tmp_path):
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("e")
        await settle(pilot)  # the dialog opens once the last meeting is read
        app.screen.query_one("#path", Input).value = str(tmp_path / "r.md")
        app.screen.query_one("#since", Input).value = "last week"
        await pilot.press("enter")
        await settle(pilot)
        assert not (tmp_path / "r.md").exists()
        assert isinstance(app.screen, ExportScreen)  # still open, the field marked
        since = app.screen.query_one("#since", Input)
        assert since.has_class("-invalid") and since.has_focus
        assert "takes a date like 2024-06-30 or 30.06.2024" in str(
            app.screen.query_one("#since-problem").render())
        since.value = "1.3.2024"  # as Danes write it
        await pilot.press("enter")
        await settle(pilot)
        text = (tmp_path / "r.md").read_text(encoding="utf-8")
        assert "## What is different since 2024-03-01" in text


async def test_resync_key_and_invalid_plan_message(app, store, plan_file):
    async with app.run_test(size=(120, 40)) as pilot:
        text = plan_file.read_text(encoding="utf-8")
        plan_file.write_text(text.replace("short: HAPS", "short: HAPS-projektet"), "utf-8")
        await pilot.press("r")
        await settle(pilot)
        assert store.initiative("haps").short == "HAPS-projektet"
        plan_file.write_text(text + "\tbroken\n", "utf-8")
        await pilot.press("r")
        assert isinstance(app.screen, TextScreen)
        assert "tab character" in str(app.screen.body)


async def test_another_users_edit_shows_up_without_a_key(app, store):
    async with app.run_test(size=(120, 40)) as pilot:
        other = open_store(store.path)
        other.edit("haps", Change(status="forsinket"), "bo", "cli")
        other.close()
        for _ in range(30):
            await pilot.pause(0.1)
            if cell(app, "haps", "status") == "delayed":  # the app is in English
                break
        assert cell(app, "haps", "status") == "delayed"


async def test_stale_edit_is_refused_and_reloaded(app, store):
    async with app.run_test(size=(120, 40)) as pilot:
        await goto(pilot, "haps")
        await pilot.press("s")  # the picker holds the version seen now
        other = open_store(store.path)
        other.edit("haps", Change(status="forsinket"), "bo", "cli")
        other.close()
        await pilot.press(*"afsluttet", "enter")
        await settle(pilot)
        assert store.initiative("haps").status == "delayed"  # bo's edit is not overwritten
        messages = [n.message for n in app._notifications]
        assert any("bo status: not started → delayed" in m for m in messages)
        # The picker opens again on what was chosen, on the initiative as it is now.
        assert isinstance(app.screen, StatusPicker) and app.screen.current == "done"
        await pilot.press("enter")  # chosen again, knowing bo's change: saved
        await settle(pilot)
        assert store.initiative("haps").status == "done"


async def test_plan_file_change_is_noticed(app, plan_file):
    async with app.run_test(size=(120, 40)) as pilot:
        plan_file.write_text(plan_file.read_text(encoding="utf-8") + "# changed\n", "utf-8")
        for _ in range(50):
            await pilot.pause(0.1)
            if any("press r" in n.message for n in app._notifications):
                break
        assert app.plan_warned
        assert any("press r" in n.message for n in app._notifications)


async def test_markup_in_text_is_shown_as_text(app, store):
    store.edit("haps", Change(note="[bold]not bold[/bold] [link=x]y[/link]"), "bo", "cli")
    async with app.run_test(size=(120, 40)) as pilot:
        await goto(pilot, "haps")
        assert "[bold]not bold[/bold]" in app.main.query_one(DetailsPane).text.plain


async def test_help_lists_every_key(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("question_mark")
        body = str(app.screen.body)
        for binding in app.BINDINGS:
            if binding.action != "back":
                assert EN[binding.description] in body


async def test_command_palette_offers_real_actions(app, store):
    async with app.run_test(size=(120, 40)) as pilot:
        await goto(pilot, "haps")
        from tracker.tui.commands import TrackerCommands

        provider = TrackerCommands(app.screen)
        names = [action for _, action in provider.commands()]
        for action in ("status", "owners", "filter", "app.export", "app.sync",
                       "objective('m9')"):
            assert action in names
        for action in names:  # each runs on the main screen, or is the app's ("app.")
            name = action.removeprefix("app.").split("(")[0]
            assert hasattr(app if action.startswith("app.") else app.main, f"action_{name}")
        await app.main.run_action("objective('m4')")
        assert app.main.objective == "m4" and len(app.main.views) == 3


async def test_works_at_80x24(app, store):
    async with app.run_test(size=(80, 24)) as pilot:
        await goto(pilot, "haps")
        await pilot.press("s", *"igangsat", "enter")
        await settle(pilot)
        assert store.initiative("haps").status == "in_progress"


def test_every_binding_has_an_id():
    from tracker.tui import screens, widgets

    classes = [TrackerApp, screens.Modal, screens.OwnersPicker, screens.PrioritiesEditor,
               screens.NoteEditor, screens.TextScreen, widgets.InitiativeTable,
               widgets.ObjectiveList, widgets.DetailsPane]
    for cls in classes:
        for binding in cls.BINDINGS:
            assert binding.id, (cls.__name__, binding.key)


def test_catalogue_strings_are_used():
    import pathlib

    source = "".join(p.read_text(encoding="utf-8") for p in pathlib.Path("tracker").rglob("*.py")
                     if p.name != "catalogue.py")
    # Keys built at run time ("cmd.{name}", "err.nothing_to_{action}", …) by their prefix.
    built = ("cmd.", "edit.", "field.", "err.nothing_to_", "err.cannot_", "err.unknown_",
             "msg.undo_", "msg.redo_", "cli.import_", "sys.")
    unused = [key for key in EN if f'"{key}"' not in source and f"'{key}'" not in source
              and not key.startswith(built)]
    assert unused == []


async def test_escape_codes_in_names_never_reach_the_terminal(store, plan_file):
    """A user name and a note holding ESC/BEL are shown as text, and a plan whose
    title and status word hold them is refused, its problems shown as text: the
    terminal's title, the header, the table, the details and every message."""
    text = plan_file.read_text(encoding="utf-8")
    hostile = text.replace("title: Praksisplan for almen praksis 2022-2025",
                           'title: "Plan\\e]0;pwned\\a"', 1)
    plan_file.write_text(hostile + '\nstatuses:\n  - {key: a, da: "r\\e[2Jød", en: red}\n'
                                   '  - {key: b, da: grøn, en: green}\n', encoding="utf-8")
    app = TrackerApp(store, plan_file, "x\x1b]0;T\x07", poll_seconds=3600)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("r")  # sync the hostile plan: refused, its problems said
        await settle(pilot)
        problems = app.screen.body.plain
        assert "U+001B" in problems and "\x1b" not in problems and "\x07" not in problems
        await pilot.press("escape")
        plan_file.write_text(text + "\nstatuses:\n  - {key: a, da: rød, en: red}\n"
                                    "  - {key: b, da: grøn, en: green}\n", encoding="utf-8")
        await pilot.press("r")
        await settle(pilot)
        await goto(pilot, "haps")
        await pilot.press("s", *"red", "enter")
        await settle(pilot)
        assert store.initiative("haps").status == "a"
        other = open_store(plan_file.with_suffix(".db"))  # someone notes an escape
        other.edit("haps", Change(note="HA\x1b[2JPS\x07"), "bo", "cli")
        app.main.refresh_from_database()
        await settle(pilot)
        await pilot.press("u")
        await settle(pilot)
        shown = [app.title, str(app.main.query_one("#header").render()), cell(app, "haps", "status"),
                 app.main.query_one(DetailsPane).text.plain]
        shown += [n.message + n.title for n in app._notifications]
        for text in shown:
            assert "\x1b" not in text and "\x07" not in text, repr(text)
        assert "HA␛[2JPS␇" in app.main.query_one(DetailsPane).text.plain


async def test_undo_after_a_rename_in_the_tui(app, store, plan_file):
    async with app.run_test(size=(120, 40)) as pilot:
        await goto(pilot, "haps")
        await pilot.press("s", *"igang", "enter")
        await settle(pilot)
        text = plan_file.read_text(encoding="utf-8")
        plan_file.write_text(text.replace("      - id: haps\n",
                                          "      - id: haps2\n        previous_ids: [haps]\n"),
                             encoding="utf-8")
        await pilot.press("r")
        await settle(pilot)
        await pilot.press("u")
        await settle(pilot)
        assert store.initiative("haps2").status == "not_started"
        assert any("Undone: HAPS —" in n.message for n in app._notifications)


async def test_a_missing_plan_file_is_said_on_start(store, tmp_path):
    from tracker.sync import ensure_synced

    missing = tmp_path / "typo.yaml"
    result = ensure_synced(store, missing, "anna")
    app = TrackerApp(store, missing, "anna", result, poll_seconds=3600)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert any("typo.yaml: no such plan file" in n.message for n in app._notifications)
        assert len(app.main.views) == 10


async def test_a_typed_note_is_saved_though_a_colleague_changed_the_initiative(app, store):
    async with app.run_test(size=(120, 40)) as pilot:
        await goto(pilot, "haps")
        await pilot.press("n")
        await pilot.press(*"Referat fra mødet")
        store.edit("haps", Change(status="forsinket"), "bo", "cli")  # meanwhile
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert store.notes("haps")[0].text == "Referat fra mødet"
        assert store.initiative("haps").status == "delayed"


async def test_leaving_a_typed_note_asks_first(app, store):
    from tracker.tui.screens import Confirm

    async with app.run_test(size=(120, 40)) as pilot:
        await goto(pilot, "haps")
        await pilot.press("n", *"Vigtigt", "escape")
        await settle(pilot)
        assert isinstance(app.screen, Confirm)
        await pilot.press("n")  # no: keep writing
        await settle(pilot)
        assert isinstance(app.screen, NoteEditor)
        assert app.screen.query_one("#note-text").text == "Vigtigt"
        await pilot.press("escape", "y")  # yes: throw it away
        await settle(pilot)
        assert not isinstance(app.screen, (Confirm, NoteEditor))
        assert store.notes("haps") == []


async def test_a_refused_edit_reopens_its_dialog_with_the_draft(app, store):
    async with app.run_test(size=(120, 40)) as pilot:
        await goto(pilot, "haps")
        await pilot.press("p", "1")  # 2024 (this plan year): high, not saved yet
        store.edit("haps", Change(priorities={2022: "low"}), "bo", "cli")  # meanwhile
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, PrioritiesEditor)  # back, with what was typed
        assert app.screen.values[2024] == "high" and app.screen.values[2022] == "low"
        assert any("changed meanwhile" in n.message for n in app._notifications)
        await pilot.press("enter")
        await settle(pilot)
        assert store.initiative("haps").priorities == {2022: "low", 2024: "high"}


async def test_key_labels_follow_the_language_chosen_at_start(store, plan_file):
    from tracker import catalogue

    catalogue.use("da")  # after the app's module was imported (in English)
    app = TrackerApp(store, plan_file, "anna", poll_seconds=3600)
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        footer = {a.binding.description for a in app.active_bindings.values()
                  if a.binding.show}
        assert {"Afslut", "Prioriteter", "Synkronisér", "År"} <= footer
        await goto(pilot, "haps")
        await settle(pilot)
        details = app.main.query_one(DetailsPane).text.plain
        assert "Status: ikke påbegyndt\n" in details and "(not started)" not in details
        assert "Understøtter også: 8. Opgaveoverdragelse og samarbejdsaftaler" in details
        await pilot.press("ctrl+p")
        await settle(pilot)
        assert app.screen.query_one("CommandInput").placeholder == "Søg efter kommandoer…"
        titles = {c.title for c in app.get_system_commands(app.screen)}
        assert {"Tema", "Afslut", "Taster"} <= titles and "Quit" not in titles


async def test_the_screen_keeps_answering_while_another_user_holds_the_lock(app, store):
    """B8: a save waits in a worker; keys still move and open dialogs; the user is told;
    when the lock is released the edit lands, once."""
    import asyncio
    import sqlite3

    async with app.run_test(size=(120, 40)) as pilot:
        await goto(pilot, "kontaktlaege")
        before = len(store.history("kontaktlaege"))
        blocker = sqlite3.connect(store.path, isolation_level=None)
        blocker.execute("BEGIN IMMEDIATE")  # another user's write, holding the lock
        try:
            await pilot.press("s", *"igang", "enter")
            await asyncio.sleep(0.6)  # the save is waiting for the lock
            assert any("Waiting for another user's edit" in n.message
                       for n in app._notifications)
            row = app.main.query_one(InitiativeTable).cursor_row
            await pilot.press("k")  # the screen answers meanwhile
            await pilot.pause()
            assert app.main.query_one(InitiativeTable).cursor_row == row - 1
            await pilot.press("p")
            await pilot.pause()
            assert isinstance(app.screen, PrioritiesEditor)
            await pilot.press("escape")
            assert store.initiative("kontaktlaege").status == "not_started"
        finally:
            blocker.rollback()
            blocker.close()
        await settle(pilot)
        assert store.initiative("kontaktlaege").status == "in_progress"
        assert len(store.history("kontaktlaege")) == before + 1  # saved once
        assert any("KontaktLæge: saved" in n.message for n in app._notifications)


async def test_a_refused_save_shows_the_stored_value_again(app, store):
    """The row shows the chosen status at once; if the save fails (here: another
    process holds the lock past the busy timeout, the real path), it goes back."""
    import sqlite3

    async with app.run_test(size=(120, 40)) as pilot:
        await goto(pilot, "haps")
        app.database.busy_timeout_ms = 200
        blocker = sqlite3.connect(store.path, isolation_level=None)
        blocker.execute("BEGIN IMMEDIATE")
        try:
            await pilot.press("s", *"igang", "enter")
            await settle(pilot)
        finally:
            blocker.rollback()
            blocker.close()
        assert cell(app, "haps", "status") == "not started"
        assert any("the database is busy" in n.message and "nothing was changed" in n.message
                   for n in app._notifications)
    assert store.initiative("haps").status == "not_started"


async def test_an_edit_keeps_the_columns_fitted_to_a_narrow_terminal(app, store):
    """At 80 columns the names give way so status and years fit; an edit drawn in
    place must not widen the name column back and push the years off the screen."""
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        table = app.main.query_one(InitiativeTable)
        await goto(pilot, "parakliniske-undersoegelser")  # a name longer than its column
        fitted = list(table.widths)
        await pilot.press("s", *"igang", "enter")
        await settle(pilot)
        assert store.initiative("parakliniske-undersoegelser").status == "in_progress"
        assert table.widths == fitted
        await pilot.press("o", "space", "enter")  # owners: a longer list may widen them…
        await settle(pilot)
        assert store.initiative("parakliniske-undersoegelser").owners
        fitted = app.main.fitted  # …but never pushes this year off the screen
        year = f"y{app.store.info.plan_year(app.today())}"
        shown = [key for key, _ in fitted.columns[:fitted.on_screen]]
        assert year in shown and "status" in shown
        assert sum(table.widths[:fitted.on_screen]) + 2 * (len(shown) - 1) \
            <= table.scrollable_content_region.width
