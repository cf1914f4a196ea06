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

from dataclasses import dataclass

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
