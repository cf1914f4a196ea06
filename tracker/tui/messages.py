"""What comes back to the screen from the database's threads, as typed messages:
a change the writer finished, or a read a worker finished — each with its result,
or the error that stopped it, and what the screen does with either."""

from __future__ import annotations

from collections.abc import Callable

from textual.message import Message


class Finished(Message):
    """Work done off the screen's thread. The app hands `result` to `done`, or
    `error` to `failed`: callers never test what they got back."""

    def __init__(self, done: Callable[[object], None], failed: Callable[[Exception], None],
                 result: object = None, error: Exception | None = None):
        super().__init__()
        self.done, self.failed = done, failed
        self.result, self.error = result, error


class Written(Finished):
    """A change the writer thread finished (or refused); `job` is its Job."""

    def __init__(self, *args, job=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.job = job


class Read(Finished):
    """A read a worker finished (a large list, an export)."""
