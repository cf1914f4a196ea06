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
from .messages import Written


@dataclass
class Job:
    """One change: `run(writer)` on the writer thread; then, on the screen's
    thread, `done(result)`, or `failed(error)` if it raised."""

    run: Callable[[Store], object]
    done: Callable[[object], None]
    failed: Callable[[Exception], None]
    label: str = ""
    finished: threading.Event = field(default_factory=threading.Event)


class Database:
    def __init__(self, store: Store, tell: Callable[[Written], None]):
        self.store = store  # the screen's own connection, for reading
        self.tell = tell  # hands the screen's thread a Written message (thread-safe)
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
               failed: Callable[[Exception], None], label: str = "") -> Job:
        """Queue a change; it runs after every change queued before it."""
        job = Job(run, done, failed, label)
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
            message = Written(job.done, job.failed, job=job)
            try:
                if writer is None:  # one connection for all the app's writes
                    writer = self.store.another(self.busy_timeout_ms)
                message.result = job.run(writer)
            except Exception as exc:  # noqa: BLE001 — shown to the user, never a crash
                message.error = exc
            job.finished.set()
            if self.closed:
                self.forget(job)
            else:
                self.tell(message)  # the screen forgets the job once it has handled it

    def forget(self, job: Job) -> None:
        """A change done and its outcome handled: no longer waiting."""
        with self._guard:
            if job in self._waiting:
                self._waiting.remove(job)
