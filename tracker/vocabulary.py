"""Status and priority words: a key, a Danish and an English label.

A plan may declare its own; these are the defaults (see shared/domain.md).
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True)
class Term:
    key: str
    da: str
    en: str
    done: bool = False  # a status that counts as finished in progress figures
    dropped: bool = False  # a status that takes the initiative out of progress figures
    attention: bool = False  # a status the report lists under "needs attention"

    def label(self, lang: str = "da") -> str:
        return self.da if lang == "da" else self.en


DEFAULT_STATUSES = (
    Term("not_started", "ikke påbegyndt", "not started"),
    Term("planned", "planlagt", "planned"),
    Term("in_progress", "igangsat", "in progress"),
    Term("delayed", "forsinket", "delayed", attention=True),
    Term("on_hold", "sat i bero", "on hold", attention=True),
    Term("done", "afsluttet", "done", done=True),
    Term("dropped", "udgået", "dropped", dropped=True),
)

DEFAULT_LEVELS = (
    Term("high", "høj", "high"),
    Term("medium", "middel", "medium"),
    Term("low", "lav", "low"),
    Term("none", "ingen", "none"),
)
# The level that records a year as not prioritised: kept and shown, but the year's
# filter and its implementation plan leave it out, as they leave out a year unset.
NOT_PRIORITISED = "none"


def prioritised(level: str | None) -> bool:
    """Whether a year's level makes the initiative one of that year's priorities."""
    return bool(level) and level != NOT_PRIORITISED


def _fold(text: str) -> str:
    """Words compared as people type them: any case, '_' or '-' as space, and
    composed or not ('å' typed as 'a' + ring is the same letter)."""
    text = unicodedata.normalize("NFC", text)
    return " ".join(text.replace("_", " ").replace("-", " ").split()).casefold()


def find(terms, text: str) -> Term | None:
    """The term whose key, Danish or English label is `text`, in any case."""
    return _index(tuple(terms)).get(_fold(text))


@functools.lru_cache(maxsize=32)
def _index(terms: tuple[Term, ...]) -> dict[str, Term]:
    found: dict[str, Term] = {}
    for term in reversed(terms):  # the first term wins a shared word
        for word in (term.key, term.da, term.en):
            found[_fold(word)] = term
    return found


def choices(terms) -> str:
    """'ikke påbegyndt, planlagt, …' for messages: the words of the chosen language
    only (the keys and the other language's words work too, but are not offered)."""
    from .catalogue import language

    lang = language()
    return ", ".join(t.label(lang) for t in terms)
