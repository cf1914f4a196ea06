"""The errors users see, as data: what is wrong and what to do, named by a catalogue
key and its values; the words are made when the error is shown.

Kept apart (and light) so the CLI can catch them without loading the modules
that raise them.
"""

from __future__ import annotations

from dataclasses import dataclass


class Said:
    """Words not yet made: a catalogue key and its values. An error carries these
    (data); the sentence is made when a person is shown it, in their language."""

    __slots__ = ("key", "values")

    def __init__(self, key: str, /, **values):
        self.key, self.values = key, values

    def __str__(self) -> str:
        from .catalogue import CATALOGUES, t

        if self.key not in CATALOGUES["en"]:  # a message already in words
            return self.key
        return t(self.key, **{name: str(value) if isinstance(value, (Said, Joined)) else value
                              for name, value in self.values.items()})

    def __repr__(self) -> str:
        return f"Said({self.key!r}, **{self.values!r})"

    def __eq__(self, other) -> bool:
        return isinstance(other, Said) and (self.key, self.values) == (other.key, other.values)

    __hash__ = None


class Joined:
    """Several Said (or texts) shown one after the other, `sep` between."""

    __slots__ = ("parts", "sep")

    def __init__(self, parts, sep: str):
        self.parts, self.sep = list(parts), sep

    def __str__(self) -> str:
        return str(self.sep).join(str(part) for part in self.parts)


class TrackerError(Exception):
    """A problem the user can act on, as data: a catalogue key and its values
    (`said`), worded when shown (`present.explain`, or `str()`)."""

    def __init__(self, key: "str | Said | Joined" = "", /, **values):
        self.said = key if isinstance(key, (Said, Joined)) else Said(key, **values)
        super().__init__(self.key)

    @property
    def key(self) -> str:
        return getattr(self.said, "key", "")

    def __str__(self) -> str:
        return str(self.said)


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
