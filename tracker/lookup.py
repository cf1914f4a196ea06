"""What people type, turned into the plan's keys and checked values: status and
priority words, owners, plan years, dates in every accepted form, texts and
their limits, time stamps. Pure functions over the plan's words (`PlanInfo`):
no database, so every face (CLI, TUI, import, the plan validator) shares them.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from . import vocabulary
from .catalogue import day, t
from .errors import Joined, TrackerError
from .model import PlanInfo
from .shown import one_line

MAX_NOTE = 10_000
MAX_ITEM_TEXT = 2_000  # an action's or a decision's text
MAX_BY = 200
STAMP_FORMAT = "%Y-%m-%dT%H:%M:%SZ"  # every time stamp: UTC, to the second
ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
DANISH_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")


def stamp(moment: dt.datetime) -> str:
    return moment.astimezone(dt.timezone.utc).strftime(STAMP_FORMAT)


def read_stamp(text: str) -> dt.datetime | None:
    """A time stamp as an aware UTC moment, or None if it is not one."""
    try:
        return dt.datetime.strptime(text, STAMP_FORMAT).replace(tzinfo=dt.timezone.utc)
    except (TypeError, ValueError):
        return None


def status_key(info: PlanInfo, text: str) -> str:
    return _term_key(info.statuses, text, "status")


def level_key(info: PlanInfo, text: str) -> str:
    return _term_key(info.levels, text, "level")


def owner_id(info: PlanInfo, text: str) -> str:
    wanted = _fold(text)
    shorts = dict(info.shorts)
    for ident, name in info.roster:  # by id, name or short name
        if wanted in (_fold(ident), _fold(name), _fold(shorts.get(ident) or name)):
            return ident
    choices = ", ".join(shorts.get(ident) or name for ident, name in info.roster)  # as typed
    raise TrackerError("err.unknown_owner", text=one_line(text), choices=choices)


def check_year(info: PlanInfo, year: int) -> None:
    if not info.start <= year <= info.end:
        raise TrackerError("err.year", year=year, choices=", ".join(map(str, info.years)))


def check_note(text: str) -> str:
    return _checked_text(text, "err.note_empty", "err.note_long", MAX_NOTE)


def check_item_text(text: str) -> str:
    """An action's or a decision's text, or a message: empty or too long."""
    return _checked_text(text, "err.item_empty", "err.item_long", MAX_ITEM_TEXT)


MAX_DELIVERABLE = 300  # what is to be delivered in a year: a line, not a paper


def check_deliverable(text: str) -> str:
    """A deliverable on one line ('' clears it)."""
    text = " ".join(text.split())
    if len(text) > MAX_DELIVERABLE:
        raise TrackerError("err.deliverable_long", length=len(text), most=MAX_DELIVERABLE)
    if text and is_blank(text):
        raise TrackerError("err.item_empty")
    return text


def check_by(by: str) -> str:
    """Who decided (e.g. Praksisplanudvalget), on one line, or a message."""
    by = " ".join(by.split())
    if is_blank(by):
        return ""
    if len(by) > MAX_BY:
        raise TrackerError("err.by_long", length=len(by), most=MAX_BY)
    if person_name(by) is None:  # hidden characters in who decided
        raise TrackerError("err.name_hidden", name=one_line(by))
    return by


# Characters that show nothing: a text of only these (zero-width space, word
# joiner, BOM, Hangul fillers, the blank Braille pattern …) is empty.
_INVISIBLE = {"Cc", "Cf", "Zs", "Zl", "Zp"}
_BLANK_LETTERS = {"\u115f", "\u1160", "\u3164", "\uffa0", "\u2800", "\u180e"}
MAX_NAME = 200  # a person's name in the history


def is_blank(text: str) -> bool:
    return all(c in _BLANK_LETTERS or unicodedata.category(c) in _INVISIBLE for c in text)


def person_name(raw: str) -> str | None:
    """A person's name as the history records it, or None if it cannot be one:
    empty or blank, too long, or with characters that hide or reorder text
    (controls, right-to-left overrides, zero-width and other format characters,
    spaces other than the plain one) and so could pass for another name."""
    name = unicodedata.normalize("NFC", raw.strip(" "))
    if is_blank(name) or len(name) > MAX_NAME:
        return None
    if any(c in _BLANK_LETTERS or (unicodedata.category(c)[0] in "CZ" and c != " ")
           for c in name):
        return None
    return name


def _checked_text(text: str, empty: str, long: str, most: int) -> str:
    found = text.strip()
    if is_blank(found):
        raise TrackerError(empty)
    if len(found) > most:
        raise TrackerError(long, length=len(found), most=most)
    return found


# -- dates: one grammar for the plan, the commands, the state file and the TUI ---------


def parse_date(text: str, option: str) -> str:
    """A date the user typed — 2024-06-30, 30.06.2024 or 1.11.2026 — as ISO
    'YYYY-MM-DD', or a message naming the option."""
    text_ = text.strip()
    danish = DANISH_DATE.fullmatch(text_)
    iso = ISO_DATE.fullmatch(text_)
    try:
        if danish:  # 1.11.2026 or 01.11.2026, as Danes write it, in either language
            return make_date(int(danish[3]), int(danish[2]), int(danish[1]), text_)
        if iso:
            return make_date(int(iso[1]), int(iso[2]), int(iso[3]), text_)
    except TrackerError as exc:  # a day the month lacks: say which, and where
        raise TrackerError(Joined([option, exc.said], ": ")) from None
    raise TrackerError("cli.date", option=option, text=text)


def check_iso_date(text: str) -> str:
    """A date as files hold it (YYYY-MM-DD only), or a message."""
    found = ISO_DATE.fullmatch(text)
    if not found:
        raise TrackerError("err.date", text=text)
    return make_date(int(found[1]), int(found[2]), int(found[3]), text)


def is_iso_date(text: str) -> bool:
    try:
        check_iso_date(text)
        return True
    except TrackerError:
        return False


def make_date(year: int, month: int, day: int, text: str) -> str:
    """The ISO date, or a message saying what is wrong with it: a month past 12,
    or a day the month does not have ("February 2025 has 28 days")."""
    import calendar

    if not 1 <= month <= 12 or year < 1:
        raise TrackerError("err.date_month", text=text, month=month)
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        raise TrackerError("err.date_days", text=text, days=days, year=year,
                           month=MonthName(month))
    return dt.date(year, month, day).isoformat()


class Day:
    """An ISO date, written as the reader writes dates (17.12.2021 in Danish)."""

    def __init__(self, iso: str):
        self.iso = iso

    def __str__(self) -> str:
        return day(self.iso)


class MonthName:
    """A month's name, made in the language of whoever reads it."""

    def __init__(self, number: int):
        self.number = number

    def __str__(self) -> str:
        return t("date.months").split(",")[self.number - 1]


def _term_key(terms, text: str, what: str) -> str:
    """The key of the status or level the user named, or a message with the choices."""
    term = vocabulary.find(terms, text)
    if not term:
        raise TrackerError(f"err.unknown_{what}", text=one_line(text),
                           choices=vocabulary.choices(terms))
    return term.key


def _fold(text: str) -> str:
    """Owner names compared as people type them: any case, composed or not (NFC)."""
    return unicodedata.normalize("NFC", text).strip().casefold()
