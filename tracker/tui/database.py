"""The TUI's one owner of database writes.

Every change the screen asks for is queued, first in first out, and done by one
writer thread with a connection of its own, so the screen never waits for the
database (another user's write may hold the lock for seconds) and the changes
land in the order they were asked. The thread is a daemon: a write stuck behind
another process's lock never holds up the process's exit, and closing never
takes a lock on the screen's thread. What is still waiting can be named, so
quitting can ask before it is dropped.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from ..store import BUSY_TIMEOUT_MS, Store


@dataclass
class Job:
    """One change: `run(writer)` on the writer thread, then `done(outcome)` on the
    screen's thread (the result, or the error raised)."""

    run: Callable[[Store], object]
    done: Callable[[object], None]
    label: str = ""
    finished: threading.Event = field(default_factory=threading.Event)


class Database:
    def __init__(self, store: Store, call_on_screen: Callable[..., None]):
        self.store = store  # the screen's own connection, for reading
        self.call_on_screen = call_on_screen  # runs a function on the screen's thread
        self._jobs: queue.SimpleQueue[Job | None] = queue.SimpleQueue()
        self._waiting: list[Job] = []  # queued or running, in order
        self._guard = threading.Lock()  # for _waiting only; never held while writing
        self._thread: threading.Thread | None = None
        self._reader: Store | None = None  # for reads that grow with the plan
        self._read_lock = threading.Lock()
        self.closed = False
        self.busy_timeout_ms = BUSY_TIMEOUT_MS  # how long a write waits for another's lock

    def read(self, run: Callable[[Store], object]) -> object:
        """`run(reader)` on a connection for reads off the screen's thread (a
        worker's); one read at a time on it."""
        with self._read_lock:
            if self._reader is None:
                self._reader = self.store.another()
            return run(self._reader)

    def submit(self, run: Callable[[Store], object], done: Callable[[object], None],
               label: str = "") -> Job:
        """Queue a change; it runs after every change queued before it."""
        job = Job(run, done, label)
        with self._guard:
            self._waiting.append(job)
        if self._thread is None:
            self._thread = threading.Thread(target=self._work, name="tracker-writer",
                                            daemon=True)
            self._thread.start()
        self._jobs.put(job)
        return job

    def waiting(self) -> list[str]:
        """The labels of the changes not yet done (the running one first)."""
        with self._guard:
            return [job.label for job in self._waiting]

    def idle(self) -> bool:
        with self._guard:
            return not self._waiting

    def close(self) -> None:
        """Stop taking changes; the writer closes its connection when it gets here
        (after what is queued). Never waits: a write stuck behind another process's
        lock is left to its thread, which does not hold up the process's exit."""
        self.closed = True
        if self._thread is not None:
            self._jobs.put(None)
        if self._read_lock.acquire(blocking=False):  # a read still running closes nothing
            try:
                if self._reader is not None:
                    self._reader.close()
                    self._reader = None
            finally:
                self._read_lock.release()

    def _work(self) -> None:
        writer: Store | None = None
        while True:
            job = self._jobs.get()
            if job is None:
                if writer is not None:
                    writer.close()
                return
            try:
                if writer is None:  # one connection for all the app's writes
                    writer = self.store.another(self.busy_timeout_ms)
                outcome = job.run(writer)
            except Exception as exc:  # noqa: BLE001 — shown to the user, never a crash
                outcome = exc
            if not self.closed:
                try:  # returns once `done` has run on the screen's thread
                    self.call_on_screen(job.done, outcome)
                except RuntimeError:  # the app has stopped meanwhile
                    pass
            with self._guard:
                self._waiting.remove(job)
            job.finished.set()
