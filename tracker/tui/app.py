"""The interactive tracker's shell: the app that owns the database (one writer,
`database.py`), the notifications, quitting, the plan file's watch, export,
sync, the palette and help. The main view is `MainScreen` (main_screen.py).

Every edit goes through the store's one writer at once, with the version the
screen showed, so a colleague's change meanwhile is never overwritten.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import App
from textual.binding import Binding
from textual.css.query import NoMatches
from textual.widgets import Static

from .. import present
from ..catalogue import day, t
from ..present import visible
from ..store import Store
from ..sync import file_sha256
from .database import Database
from .keys import KeysInOrder
from .main_screen import MainScreen
from .messages import Finished, Read, Written
from .widgets import localize

WAIT_NOTICE = 0.3  # seconds a write may wait for the lock before the user is told
# Textual's palette entries, by their English title, and the catalogue key of each.
SYSTEM_COMMANDS = {"Theme": "sys.theme", "Quit": "sys.quit", "Keys": "sys.keys",
                   "Maximize": "sys.maximize", "Minimize": "sys.minimize",
                   "Screenshot": "sys.screenshot"}


def dialogs():
    """The dialog screens, imported at the first dialog rather than at start-up."""
    from . import screens

    return screens


def tracker_commands():
    """The command palette's provider, loaded when the palette first opens."""
    from .commands import TrackerCommands

    return TrackerCommands


MIME = {"markdown": "text/markdown", "html": "text/html", "json": "application/json",
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "pdf": "application/pdf", "yaml": "application/yaml"}

class TrackerApp(KeysInOrder, App):
    CSS_PATH = "app.tcss"
    TITLE = "tracker"
    COMMANDS = App.COMMANDS | {tracker_commands}
    BINDINGS = [
        Binding("q", "quit", "key.quit", id="quit"),
        Binding("e", "export", "key.export", id="export"),
        Binding("r", "sync", "key.sync", id="sync"),
        Binding("question_mark", "help", "key.help", id="help", key_display="?"),
        Binding("ctrl+p", "command_palette", "key.palette", show=False, priority=True,
                id="palette"),
    ]

    def __init__(self, store: Store, plan_path: Path, user: str, sync_result=None,
                 poll_seconds: float = 0.25, export_date: str | None = None,
                 reports: Path | None = None):
        super().__init__()
        localize(self)
        self.store, self.plan_path, self.user = store, Path(plan_path), user
        self.reports = reports  # served: the one folder exports go to
        self.sync_result = sync_result
        self.poll_seconds = poll_seconds
        self.export_date = export_date
        store.today = export_date  # 'overdue' counted on the app's day
        self.database = Database(store, self.post_message)
        self.quit_when_saved = False  # asked to quit while a save was waiting
        self.plan_seen: tuple | None = None  # (size, mtime) of the plan file last hashed
        self.data_version = store.data_version()
        self.plan_warned = False
        self.main = MainScreen()

    def get_default_screen(self) -> MainScreen:
        """The main view is the app's first screen (not one pushed over an empty one,
        which cost a frame at start)."""
        return self.main

    def on_mount(self) -> None:
        if self.sync_result is not None:
            self.report_sync(self.sync_result)
        self.set_interval(self.poll_seconds, self.poll)

    def today(self) -> str:
        return self.export_date or dt.date.today().isoformat()

    def show_header(self) -> None:
        """The plan's title (also the terminal's title: never raw), the user, the DB."""
        title = visible(self.store.info.title)
        self.title = title
        header = Text(title, style="bold")
        more = [t("app.user", user=self.user), shown_path(self.store.path)]
        while more and len(title) + sum(len(m) + 5 for m in more) > self.size.width - 2:
            more.pop()  # what does not fit is left out whole (the path first)
        header.append(visible("".join(f"  ·  {m}" for m in more)), style="dim")
        self.main.query_one("#header", Static).update(header)

    # -- polling: other users, and the plan file -------------------------------------
    def poll(self) -> None:
        try:
            version = self.store.data_version()
        except Exception:  # the DB went away; say so once, keep the screen
            return
        if version != self.data_version:
            self.data_version = version
            try:
                self.main.refresh_from_database()
            except NoMatches:  # the app is closing; nothing to show any more
                return
        self.check_plan_file()

    def check_plan_file(self) -> None:
        """Say once when the plan file changed (e.g. after `git pull`). It is hashed
        only when its size or time changed: a large plan is not read every second."""
        if self.plan_warned:
            return
        try:
            stat = self.plan_path.stat()
            seen = (stat.st_size, stat.st_mtime_ns)
            if seen == self.plan_seen:
                return
            changed = file_sha256(self.plan_path) != self.store.meta("plan_sha256")
            self.plan_seen = seen
        except OSError:
            return
        if changed:
            self.plan_warned = True
            self.say(t("msg.plan_changed"), severity="warning", timeout=30)

    def say(self, message: str, severity: str = "information", timeout: float = 5,
            title: str = "") -> None:
        """A notification; user text in it is never read as markup."""
        self.notify(visible(message), title=visible(title), severity=severity,
                    timeout=timeout, markup=False)

    def write(self, job, done, failed, label: str = "") -> None:
        """Run `job(writer)`, a change of the database, on the one writer thread with its
        own connection, after every change asked before it, so the screen keeps
        answering while another user's write holds the lock; then, back on the
        screen's thread, `done(result)` or `failed(error)`. Past a moment's wait the
        user is told; past the busy timeout the error says so. `label` names it if
        quitting must ask."""
        notice = self.set_timer(WAIT_NOTICE, lambda: self.say(t("msg.waiting"), timeout=10))

        def finish(handle, outcome) -> None:
            notice.stop()
            handle(outcome)

        self.database.submit(job, lambda result: finish(done, result),
                             lambda error: finish(failed, error), label or t("quit.a_change"))

    @on(Written)
    def written(self, message: Written) -> None:
        """A change is done (or refused): its caller's next step, then it waits no more."""
        try:
            self.finished(message)
        finally:
            self.database.forget(message.job)
        if self.quit_when_saved and not self.database.waiting():
            self.leave()  # the last save the person waited for is done

    @on(Read)
    def finished(self, message: Finished) -> None:
        if message.error is not None:
            message.failed(message.error)
        else:
            message.done(message.result)

    async def action_quit(self) -> None:
        """Quit; if a save still waits for another user's lock, say which and ask
        whether to wait for it or to drop it. Nothing is dropped silently."""
        waiting = self.database.waiting()
        if not waiting:
            self.leave()
            return

        def answer(choice: str | None) -> None:
            if choice == "drop":
                self.leave()
            elif choice == "wait" and not self.database.waiting():
                self.leave()  # it finished (saved or refused, as said) while the question stood
            elif choice == "wait":
                self.quit_when_saved = True
                self.say(t("quit.waiting"), timeout=10)

        self.push_screen(dialogs().ChoiceScreen(
            t("quit.title", changes="; ".join(visible(w) for w in waiting)),
            [("wait", t("quit.wait")), ("drop", t("quit.drop"))]), answer)

    def leave(self) -> None:
        """Exit at once: the writer's thread never holds up the process."""
        self.database.close()
        self.exit()

    def on_unmount(self) -> None:
        self.database.close()  # never waits for a lock on the screen's thread

    def action_export(self, document: str = "status") -> None:
        """The export dialog: the status note (the last meeting's date offered as
        "since") or the year's implementation plan, as Word unless named otherwise."""
        today, info = self.today(), self.store.info

        def name_for(chosen: str, year_text: str) -> str:
            words = t("export.file_status") if chosen == "status" else t(
                "export.file_plan", year=year_text.strip() or info.plan_year(today))
            return self.export_default(f"{self.plan_path.stem}-{words}.docx")

        def write(answer) -> None:
            if not answer:
                return
            from .. import report

            chosen, path, value = answer  # the dialog checked the path, date or year
            if chosen == "plan":
                self.write_report(path, lambda reader: report.implementation_markdown(
                    report.implementation_plan(reader, value, today)),
                    t("export.done_plan", year=value, path=path))
            else:
                self.write_report(path, lambda reader: report.markdown(
                    report.build(reader, today, since=value or None)),
                    t("export.done_status", path=path))

        def ask(last) -> None:
            from .export_dialog import ExportScreen

            self.push_screen(ExportScreen(name_for, self.export_target,
                                          self.main.plan_year.year_typed,
                                          since=day(last.date) if last else "",
                                          year=info.plan_year(today), document=document),
                             write)

        self.main.read_view(lambda reader: reader.previous_meeting(today), ask)

    def export_default(self, name: str) -> str:
        """What the export dialogs offer: beside the plan, or in a browser a name only."""
        return name if self.is_web else str(self.plan_path.with_name(name))

    def export_target(self, typed: str) -> Path:
        """Where an export typed as `typed` goes, or one TrackerError saying why it
        may not: never the database, the plan or the backups; in a browser, only a
        plain file name in the reports folder (the person never picks a server path)."""
        from ..files import Guard, check_target, reports_folder, served_target

        if self.is_web:
            path = served_target(self.reports or reports_folder(self.store.path), typed, ".md")
        else:
            path = os.path.expanduser(typed.strip())  # a str: "x/" keeps its slash
        return check_target(path, Guard(self.store.path, self.plan_path))

    def write_report(self, path: Path, make, written: str) -> None:
        """Write the markdown `make(reader)` returns to `path`, built and written off
        the screen's thread (a large plan takes a second or more); in a browser, the
        file comes to the person too."""
        from ..files import Guard, write_file

        guard = Guard(self.store.path, self.plan_path)

        from ..formats import format_of, formatted

        fmt = format_of(path)  # a name ending .docx or .html asks for that

        def job(reader) -> str | bytes:
            text = formatted(make(reader), fmt)
            write_file(path, text, guard)
            return text

        def done(text: str | bytes) -> None:
            if self.is_web:
                import io

                if isinstance(text, bytes):
                    self.deliver_binary(io.BytesIO(text), save_filename=path.name,
                                        mime_type=MIME[fmt])
                else:
                    self.deliver_text(io.StringIO(text), save_filename=path.name,
                                      mime_type=MIME[fmt])
                self.say(t("export.delivered", path=path.name), timeout=10)
            else:
                self.say(written, timeout=10)

        self.export_in_worker(job, done, self.said_wrong)

    def said_wrong(self, error: Exception) -> None:
        """An error from a read or an export, in words."""
        self.say(present.explain(error, self.store.info), severity="error", timeout=10)

    @work(thread=True, group="export", exclusive=False, exit_on_error=False)
    def export_in_worker(self, job, done, failed) -> None:
        message = Read(done, failed)
        try:
            message.result = self.database.read(job)
        except Exception as exc:  # noqa: BLE001 — shown to the user, never a crash
            message.error = exc
        self.post_message(message)

    def action_sync(self) -> None:
        from ..plan import PlanInvalid
        from ..sync import sync_file

        def done(result) -> None:
            self.store.forget_info()  # the plan as the sync recorded it
            self.plan_warned = False
            self.show_header()
            self.report_sync(result)
            self.main.after_change()

        def failed(error: Exception) -> None:
            if isinstance(error, PlanInvalid):  # every problem, with its line
                self.push_screen(dialogs().TextScreen(
                    t("sync.title"), Text("\n".join(error.lines())), t("sync.footer")))
            else:
                self.say(present.explain(error), severity="error", timeout=10)

        self.write(lambda writer: sync_file(writer, self.plan_path, self.user), done, failed)

    def report_sync(self, result) -> None:
        info = self.store.info
        if result.plan_missing:
            self.say(t("msg.plan_missing", plan=self.plan_path), severity="warning", timeout=20)
        if result.changed or not result.skipped:
            self.say(t("msg.synced", summary=present.sync_summary(result)), timeout=8)
        for sign, title in (("!", "msg.conflicts"), ("?", "msg.unknown_words")):
            found = result.notices(sign)
            if found:
                self.say("\n".join(present.sync_line(info, line) for line in found[:5]),
                         title=t(title, count=len(found)) if len(found) != 1
                         else t(title + "_one"), severity="warning", timeout=20)

    def action_command_palette(self) -> None:
        """Textual's palette, with its placeholder in the chosen language."""
        from textual.command import CommandPalette

        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(CommandPalette(placeholder=t("palette.placeholder"),
                                            id="--command-palette"))

    def get_system_commands(self, screen):
        """Textual's own palette entries (theme, quit, keys, …) in the chosen language."""
        for command in super().get_system_commands(screen):
            key = SYSTEM_COMMANDS.get(command.title)
            yield command._replace(title=t(f"{key}.title"), help=t(f"{key}.help")) if key \
                else command

    def action_help(self) -> None:
        body = Text()
        for binding in MainScreen.BINDINGS + self.BINDINGS[-1:]:  # and the palette
            if binding.action == "back":
                continue
            keys = binding.key_display or binding.key
            body.append(f"{keys:>10}  ", style="bold")
            body.append(f"{t(binding.description)}\n")
        body.append("\n")
        for keys, what in [("↓ j / ↑ k", t("key.down") + " / " + t("key.up")),
                           ("g / G", t("key.top") + " / " + t("key.bottom")),
                           ("← / →", t("key.columns")),
                           ("tab", t("key.next_pane")), ("shift+tab", t("key.previous_pane")),
                           ("enter", t("key.edit")), ("escape", t("key.cancel"))]:
            body.append(f"{keys:>10}  ", style="bold")
            body.append(f"{what}\n")
        self.push_screen(dialogs().TextScreen(t("help.title"), body, t("help.footer")))


def shown_path(path: Path) -> str:
    """The DB path relative to here when it is below here (shorter, and stable)."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def run(store: Store, plan_path: Path, user: str, sync_result=None,
        reports: Path | None = None) -> None:
    TrackerApp(store, plan_path, user, sync_result, reports=reports).run()
