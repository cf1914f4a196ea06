"""Reads that grow with the plan, or that a view opened over the list needs,
run off the screen's thread (on the database owner's reading connection); the
result comes back to the screen as a typed message (`Read`). A part of the
main screen."""

from __future__ import annotations

from textual import work

from .messages import Read


class ReadsOffScreen:
    @work(thread=True, group="reads", exclusive=True, exit_on_error=False)
    def read_in_worker(self, job, done) -> None:
        """A read that grows with the plan, off the screen's thread; a newer one
        of the same group replaces it (its result is not shown)."""
        self.read_off_screen(job, done)

    @work(thread=True, group="views", exclusive=True, exit_on_error=False)
    def read_view(self, job, done) -> None:
        """What a view opened over the list reads (the timeline, an agenda), off
        the screen's thread, without cancelling a load of the list."""
        self.read_off_screen(job, done)

    def read_off_screen(self, job, done) -> None:
        from textual.worker import get_current_worker

        message = Read(done, self.app.said_wrong)
        try:
            message.result = self.app.database.read(job)
        except Exception as exc:  # noqa: BLE001 — shown to the user, never a crash
            message.error = exc
        if not get_current_worker().is_cancelled:
            self.app.post_message(message)
