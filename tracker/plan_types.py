"""The plan as read from its file: plain dataclasses, no database, no screen."""

from __future__ import annotations

from dataclasses import dataclass

from .model import DEFAULT_BODIES, display_name
from .vocabulary import Term


@dataclass(frozen=True)
class DeclaredMeeting:
    """A meeting the plan file declares; `key` names it (its id, else date and body)."""

    key: str
    date: str
    body: str
    title: str = ""


@dataclass(frozen=True)
class DeclaredMilestone:
    key: str
    date: str
    text: str
    initiative: str = ""


@dataclass(frozen=True)
class Party:
    id: str
    name: str
    party: str | None = None  # for a person: the party they belong to
    short: str = ""  # a short name for narrow columns ("PLO"), or ''


@dataclass(frozen=True)
class DeclaredAction:
    """An action the plan file declares for a year (the agreed implementation
    plan in git); None where it declares nothing."""

    key: str  # its id, unique within the initiative
    year: int
    text: str
    owners: tuple[str, ...] | None = None
    due: str | None = None
    status: str | None = None
    lead: str | None = None


@dataclass(frozen=True)
class Initiative:
    id: str
    objective_id: str
    title: str
    kind: str
    short: str = ""
    description: str = ""
    also_supports: tuple[str, ...] = ()
    previous_ids: tuple[str, ...] = ()
    # Tracking values the plan declares; None where it declares nothing.
    owners: tuple[str, ...] | None = None
    status: str | None = None
    priorities: dict[int, str] | None = None
    actions: tuple[DeclaredAction, ...] = ()
    lead: str | None = None
    deliverables: dict[int, str] | None = None
    continues: str = ""  # the id of the predecessor plan's initiative it carries on
    provisional: bool = False  # `placement: provisional`: its objective is assumed

    @property
    def name(self) -> str:
        return display_name(self.short, self.title)


@dataclass(frozen=True)
class Objective:
    id: str
    number: int
    title: str
    short: str = ""
    title_en: str = ""
    initiatives: tuple[Initiative, ...] = ()

    @property
    def name(self) -> str:
        return display_name(self.short, self.title)


@dataclass(frozen=True)
class Plan:
    title: str
    region: str
    start: int
    end: int
    adopted: str
    parties: tuple[Party, ...]
    people: tuple[Party, ...]
    statuses: tuple[Term, ...]
    levels: tuple[Term, ...]
    objectives: tuple[Objective, ...]
    sha256: str = ""
    bodies: tuple[tuple[str, str], ...] = DEFAULT_BODIES
    meetings: tuple[DeclaredMeeting, ...] = ()
    milestones: tuple[DeclaredMilestone, ...] = ()
    adopted_source: str = ""
    follows: str = ""  # the predecessor plan's file, as written

    @property
    def years(self) -> list[int]:
        return list(range(self.start, self.end + 1))

    @property
    def roster(self) -> tuple[Party, ...]:
        return self.parties + self.people

    def initiatives(self):
        for objective in self.objectives:
            yield from objective.initiatives
