"""The one three-way merge rule, used by the sync (plan file → tracker) and by
`tracker import` (state file → tracker). Pure: no database, no words.

For one field it compares the incoming value (the plan's, or the file's), the
base (the plan's value at the last sync; a field the plan never declared, or a
year not yet in the period, has the field's "nothing" value as base — never
"whatever the tracker holds"), and the tracker's value now:

    incoming not declared           → keep the tracker's value
    incoming == base (unchanged)    → keep the tracker's value
    tracker == incoming             → nothing to write; the base moves on
    tracker == base (not edited)    → take the incoming value
    otherwise (both changed)        → keep the tracker's value; a conflict
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

KEEP, SAME, TAKE, CONFLICT = "keep", "same", "take", "conflict"


@dataclass(frozen=True)
class Decision:
    outcome: str  # KEEP, SAME, TAKE or CONFLICT
    base: str  # the base to record after this merge


def decide(incoming: str | None, base: str, tracker: str, nothing: str) -> Decision:
    """The three-way decision for one field (values in their text form).

    `incoming` None means not declared; `nothing` is the field's empty value,
    which becomes the base of a field whose declaration was removed.
    """
    if incoming is None:
        return Decision(KEEP, nothing)
    if incoming == base:
        return Decision(KEEP, base)
    if tracker == incoming:
        return Decision(SAME, incoming)
    if tracker == base:
        return Decision(TAKE, incoming)
    return Decision(CONFLICT, base)


@dataclass
class Merged:
    """The rule applied to some fields of one initiative, before anything is
    written: what to write, which bases moved, what was taken, what conflicts."""

    values: dict[str, str] = field(default_factory=dict)  # field → incoming value taken
    bases: dict[str, str] = field(default_factory=dict)  # field → base that moved
    taken: list[tuple[str, str, str]] = field(default_factory=list)  # (field, was, now)
    conflicts: list[tuple[str, str, str, str]] = field(
        default_factory=list)  # (field, incoming, tracker's, base)


def merge_fields(incoming: Iterable[tuple[str, str | None]], bases: Mapping[str, str],
                 tracked: Mapping[str, str], nothing: Callable[[str], str]) -> Merged:
    """The one application of `decide`, for the sync and for `tracker import`.

    `incoming`: (field, value or None when not declared); `bases`: the plan's
    values at the last sync; `tracked`: the tracker's values now (a missing one
    is the field's `nothing` for a status, else ''); `nothing(field)`: a field's
    empty value. What the caller does with the result — record the bases and
    conflicts (the sync) or only count them (an import) — is its own choice."""
    merged = Merged()
    for name, value in incoming:
        empty = nothing(name)
        base = bases.get(name, empty)
        tracker = tracked.get(name, empty if name == "status" else "")
        decision = decide(value, base, tracker, empty)
        if decision.outcome == TAKE:
            merged.values[name] = value
            merged.taken.append((name, tracker, value))
        elif decision.outcome == CONFLICT:
            merged.conflicts.append((name, value, tracker, base))
        if decision.base != bases.get(name):
            merged.bases[name] = decision.base
    return merged
