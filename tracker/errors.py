"""The errors users see: each carries a message saying what is wrong and what to do.

Kept apart (and light) so the CLI can catch them without loading the modules
that raise them.
"""

from __future__ import annotations

from dataclasses import dataclass


class TrackerError(Exception):
    """A problem the user can act on; its text is the whole message."""


class StaleEdit(TrackerError):
    """The initiative changed since the caller read it: `changes` says who
    changed which field (FieldChange values); `present.explain` words it."""

    def __init__(self, initiative_id: str, changes: tuple = ()):
        super().__init__(initiative_id)
        self.initiative_id = initiative_id
        self.changes = changes


class RevertBlocked(TrackerError):
    """An undo or redo that would overwrite a later change of the same field."""

    def __init__(self, action: str, initiative_id: str, field: str, now: str):
        super().__init__(initiative_id)
        self.action, self.initiative_id, self.field, self.now = action, initiative_id, field, now


@dataclass(frozen=True)
class Problem:
    message: str
    line: int | None = None
    col: int | None = None
    hint: str = ""

    def format(self, path) -> str:
        where = f"{path}:{self.line}:{self.col}" if self.line else f"{path}"
        hint = f" ({self.hint})" if self.hint else ""
        return f"{where}: {self.message}{hint}"


class PlanInvalid(Exception):
    def __init__(self, path, problems: list[Problem]):
        self.path = path
        self.problems = problems
        super().__init__("\n".join(self.lines()))

    def lines(self) -> list[str]:
        return [p.format(self.path) for p in self.problems]
