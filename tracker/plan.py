"""Load and validate a plan file into plain dataclasses. No database, no screen.

`load_plan(path)` returns a Plan or raises PlanInvalid holding every problem
found, each with its line and column and a hint saying what to do.
"""

from __future__ import annotations

import difflib
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from . import vocabulary
from .bulk import collector_paused
from .errors import PlanInvalid, Problem, Said
from .lookup import is_iso_date
from .marks import Mark
from .vocabulary import Term
from .plan_calendar import CalendarChecks, kind_of as _kind
from .plan_types import (DeclaredAction,  # noqa: F401
                         Initiative, Objective, Party, Plan)

MAX_PLAN_BYTES = 20 * 1024 * 1024
MAX_TEXT = 5000
ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")  # always fullmatch: "a\n" is no id
# Never in a plan's text: C0 and C1 controls (line breaks and tabs only in longer text).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_LINE_BREAK = re.compile(r"[\n\t\u2028\u2029]")


def _code(character: str) -> str:
    """A character as a person can find it: \\n, \\t, or U+001B."""
    return {"\n": "\\n", "\t": "\\t"}.get(character, f"U+{ord(character):04X}")


DIGITS = re.compile(r"[0-9]+")  # ASCII only: "²".isdigit() is True, int("²") fails
KINDS = ("aftalt indsats", "projekt")


def read_plan_text(path: Path) -> tuple[str, str]:
    """The file's text and sha256, or PlanInvalid with one clear problem."""
    path = Path(path)
    try:
        if path.is_dir():
            raise PlanInvalid(path, [Problem(Said("v.folder"), hint=Said("v.folder_hint"))])
        size = path.stat().st_size
        if size > MAX_PLAN_BYTES:
            raise PlanInvalid(path, [Problem(
                Said("v.too_big", size=f"{size / 1024 / 1024:.0f}",
                  most=MAX_PLAN_BYTES // 1024 // 1024), hint=Said("v.right_file"))])
        data = path.read_bytes()
    except FileNotFoundError:
        raise PlanInvalid(path, [Problem(Said("v.no_file"), hint=Said("v.no_file_hint"))]) from None
    except PermissionError:
        raise PlanInvalid(path, [Problem(Said("v.no_permission"),
                                         hint=Said("v.no_permission_hint"))]) from None
    except OSError as exc:
        raise PlanInvalid(path, [Problem(Said("v.cannot_read", reason=exc.strerror))]) from None
    if b"\0" in data:
        raise PlanInvalid(path, [Problem(Said("v.binary"), hint=Said("v.right_file"))])
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise PlanInvalid(path, [Problem(
            Said("v.utf8"), line, col, Said("v.utf8_hint"))]) from None
    return text.removeprefix("\ufeff"), hashlib.sha256(data).hexdigest()


def load_plan(path) -> Plan:
    path = Path(path)
    text, sha = read_plan_text(path)
    # One pause for reading and checking: the YAML tree is gone when the
    # collector runs again, so it walks only the plan once.
    with collector_paused():
        plan = _read_and_check(path, text)
    return Plan(**{**plan.__dict__, "sha256": sha})


def _read_and_check(path: Path, text: str) -> Plan:
    from . import yamlsafe  # PyYAML is needed only here, not by reading commands

    try:
        doc = yamlsafe.load(text)
    except yamlsafe.YamlProblem as exc:
        mark = exc.mark
        raise PlanInvalid(path, [Problem(exc.message, mark and mark.line,
                                         mark and mark.col, exc.hint)]) from None
    validator = _Validator()
    plan = validator.plan(doc)
    if validator.problems:
        raise PlanInvalid(path, sorted(validator.problems,
                                       key=lambda p: (p.line or 0, p.col or 0)))
    return plan


# ---------------------------------------------------------------------------
# Validation. Each method checks one part of the document and records every
# problem it finds instead of stopping at the first.

PLAN_KEYS = {"plan", "parties", "people", "objectives", "statuses", "levels", "bodies",
             "meetings", "milestones", "follows"}
META_KEYS = {"title", "region", "period", "adopted"}
OBJECTIVE_KEYS = {"id", "number", "title", "short", "title_en", "initiatives"}
INITIATIVE_KEYS = {"id", "title", "short", "kind", "description", "also_supports",
                   "previous_ids", "owners", "status", "priorities", "actions", "lead",
                   "deliverables", "continues", "placement"}
ACTION_KEYS = {"id", "text", "owners", "due", "status", "lead"}
TERM_KEYS = {"key", "da", "en", "done", "dropped", "attention"}
PARTY_KEYS = {"id", "name", "short"}  # short: how the tables name it ("PLO")
PERSON_KEYS = {"id", "name", "party", "short"}


@dataclass
class _Validator(CalendarChecks):
    problems: list[Problem] = field(default_factory=list)
    pending: list = field(default_factory=list)  # (key, id, mark, initiative id)

    def add(self, message: str, mark: Mark | None, hint: str = "") -> None:
        self.problems.append(Problem(message, mark and mark.line, mark and mark.col, hint))

    # -- generic shape checks -------------------------------------------------
    def mapping(self, value, mark, what: str, keys: set[str], required: set[str]):
        if not isinstance(value, dict):
            self.add(Said("v.not_mapping", what=what, kind=_kind(value)), mark,
                     Said("v.expected_keys", keys=", ".join(sorted(required or keys))))
            return None
        meant = set()  # keys a typo stands for: said once, as the typo ("knid": kind?)
        for key in value:
            if key not in keys:
                close = difflib.get_close_matches(str(key), sorted(keys), n=1)
                hint = Said("v.did_you_mean", key=close[0]) if close else \
                    Said("v.allowed_here", keys=", ".join(sorted(keys)))
                self.add(Said("v.unknown_key", key=key, what=what), value.key_marks[key], hint)
                meant.update(close)
        for key in sorted(required - value.keys() - meant):
            self.add(Said("v.missing_key", what=what, key=key), value.mark,
                     Said("v.add_key", key=key))
        return value

    def text(self, m: dict, key: str, what: str, required: bool = True) -> str:
        value = m.get(key)
        mark = m.value_marks.get(key, m.mark)
        if value is None:
            if required and key in m:
                self.add(Said("v.empty_value", key=key, what=what), mark, Said("v.empty_value_hint"))
            return ""
        if not isinstance(value, str):
            self.add(Said("v.not_text", key=key, what=what, kind=_kind(value)), mark)
            return ""
        if len(value) > MAX_TEXT:
            self.add(Said("v.too_long", key=key, what=what, length=len(value), most=MAX_TEXT),
                     mark, Said("v.shorten"))
            return ""
        found = _CONTROL.search(value)  # (YAML refuses them raw, but "\e" makes one)
        if found:
            self.add(Said("v.control_in_text", key=key, what=what, code=_code(found.group())),
                     mark, Said("v.control_in_text_hint" if found.group() != "\r"
                                else "v.carriage_return_hint"))
            return ""
        return value

    def name(self, m: dict, key: str, what: str, required: bool = True) -> str:
        """Text that is a name: shown in table cells, titles and charts, so one line.
        (The line break a `>` block ends with is no part of it.)"""
        value = self.text(m, key, what, required).rstrip("\n")
        found = _LINE_BREAK.search(value)
        if found:
            self.add(Said("v.name_on_lines", key=key, what=what, code=_code(found.group())),
                     m.value_marks.get(key, m.mark), Said("v.name_on_lines_hint"))
            return ""
        return value

    def listing(self, m: dict, key: str, what: str) -> list:
        value = m.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self.add(Said("v.not_list", key=key, what=what, kind=_kind(value)),
                     m.value_marks[key], Said("v.not_list_hint"))
            return []
        return value

    def ident(self, m: dict, what: str, seen: dict) -> str:
        value = self.text(m, "id", what)
        mark = m.value_marks.get("id", m.mark)
        if value and not ID_PATTERN.fullmatch(value):
            shown = value.translate({10: "\\n", 13: "\\r", 9: "\\t"})
            self.add(Said("v.bad_id", id=shown, what=what), mark, Said("v.bad_id_hint"))
        elif value in seen:
            self.add(Said("v.id_twice", id=value, line=seen[value].line), mark,
                     Said("v.id_twice_hint"))
        elif value:
            seen[value] = mark
        return value

    # -- the parts ------------------------------------------------------------
    def plan(self, doc) -> Plan | None:
        empty = Plan("", "", 0, 0, "", (), (), vocabulary.DEFAULT_STATUSES,
                     vocabulary.DEFAULT_LEVELS, ())
        if doc is None:
            self.add(Said("v.empty_file"), Mark(1, 1), Said("v.empty_file_hint"))
            return empty
        if not isinstance(doc, dict):
            self.add(Said("v.top_not_mapping", kind=_kind(doc)), getattr(doc, "mark", Mark(1, 1)),
                     Said("v.top_not_mapping_hint"))
            return empty
        self.mapping(doc, doc.mark, Said("what.plan_file"), PLAN_KEYS, {"plan", "objectives"})
        title, region, start, end, (adopted, source) = self.meta(doc)
        statuses = self.terms(doc, "statuses", vocabulary.DEFAULT_STATUSES)
        levels = self.terms(doc, "levels", vocabulary.DEFAULT_LEVELS)
        parties = self.roster(doc, "parties", PARTY_KEYS, set())
        people = self.roster(doc, "people", PERSON_KEYS, {p.id for p in parties})
        context = _Context(statuses, levels, {p.id for p in parties + people}, start, end)
        bodies = self.bodies(doc)
        meetings = self.meetings(doc, bodies)
        milestones = self.milestones(doc)
        follows = self.follows(doc)
        self.follows_given = bool(follows)
        objectives = self.objectives(doc, context)
        return Plan(title, region, start, end, adopted, parties, people,
                    statuses, levels, objectives, bodies=bodies, meetings=meetings,
                    milestones=milestones, adopted_source=source, follows=follows)

    def meta(self, doc):
        meta = doc.get("plan")
        if "plan" in doc:
            meta = self.mapping(meta, doc.value_marks["plan"], Said("what.plan_section"), META_KEYS,
                                {"title", "period"})
        if not meta:
            return "", "", 0, 0, ("", "")
        title = self.name(meta, "title", Said("what.plan"))
        region = self.name(meta, "region", Said("what.plan"), required=False)
        adopted = self.adopted(meta)
        period = self.text(meta, "period", Said("what.plan"))
        found = re.fullmatch(r"\s*(\d{4})\s*-\s*(\d{4})\s*", period or "")
        if period and not (found and int(found[1]) <= int(found[2])):
            self.add(Said("v.period", value=period), meta.value_marks["period"],
                     Said("v.period_hint"))
            return title, region, 0, 0, adopted
        if found and int(found[2]) - int(found[1]) > 20:
            self.add(Said("v.period_long"), meta.value_marks["period"])
            return title, region, 0, 0, adopted
        start, end = (int(found[1]), int(found[2])) if found else (0, 0)
        return title, region, start, end, adopted

    def terms(self, doc, key: str, default) -> tuple[Term, ...]:
        if key not in doc:
            return default
        items = self.listing(doc, key, Said("what.plan_file"))
        terms, seen = [], set()
        for item, mark in zip(items, getattr(items, "item_marks", [])):
            what = Said("what.item_of", key=key)
            if not self.mapping(item, mark, what, TERM_KEYS, {"key", "da", "en"}):
                continue
            term_key = self.text(item, "key", what)
            if term_key and not re.fullmatch(r"[a-z][a-z0-9_]*", term_key):
                self.add(Said("v.bad_term_key", key=term_key), item.value_marks["key"],
                         Said("v.bad_term_key_hint"))
                continue
            if term_key in seen:
                self.add(Said("v.term_twice", key=term_key, where=key), item.value_marks["key"])
                continue
            seen.add(term_key)
            done, dropped, attention = (
                str(item.get(flag) or "").lower() in ("true", "yes", "ja")
                for flag in ("done", "dropped", "attention"))
            terms.append(Term(term_key, self.name(item, "da", what) or term_key,
                              self.name(item, "en", what) or term_key, done, dropped, attention))
        if not terms:
            self.add(Said("v.no_words", key=key), doc.key_marks[key], Said("v.no_words_hint"))
            return default
        return tuple(terms)

    def roster(self, doc, key: str, keys: set[str], parties: set[str]):
        out, seen = [], {}
        items = self.listing(doc, key, Said("what.plan_file"))
        for item, mark in zip(items, getattr(items, "item_marks", [])):
            what = Said("what.party") if key == "parties" else Said("what.person")
            if not self.mapping(item, mark, what, keys, keys - {"short"}):
                continue
            ident = self.ident(item, what, seen)
            party = self.text(item, "party", what) if "party" in keys else None
            if party and party not in parties:
                self.add(Said("v.unknown_party", party=party, who=ident or what),
                         item.value_marks["party"],
                         Said("v.parties", parties=", ".join(sorted(parties))))
            out.append(Party(ident, self.name(item, "name", what), party,
                             self.name(item, "short", what, required=False)))
        return tuple(out)

    def objectives(self, doc, context: "_Context") -> tuple[Objective, ...]:
        items = self.listing(doc, "objectives", Said("what.plan_file"))
        seen: dict[str, Mark] = {}
        numbers: dict[int, Mark] = {}
        objectives = []
        for item, mark in zip(items, getattr(items, "item_marks", [])):
            if not self.mapping(item, mark, Said("what.an_objective"), OBJECTIVE_KEYS,
                                {"id", "number", "title"}):
                continue
            ident = self.ident(item, Said("what.an_objective"), seen)
            what = Said("what.objective", id=ident) if ident else Said("what.an_objective")
            number = self.number(item, what, numbers)
            initiatives = []
            inits = self.listing(item, "initiatives", what)
            for init, init_mark in zip(inits, getattr(inits, "item_marks", [])):
                found = self.initiative(init, init_mark, ident, seen, context)
                if found:
                    initiatives.append(found)
            objectives.append(Objective(ident, number, self.name(item, "title", what),
                                        self.name(item, "short", what, False),
                                        self.name(item, "title_en", what, False),
                                        tuple(initiatives)))
        if "objectives" in doc and not objectives and not self.problems:
            self.add(Said("v.no_objectives"), doc.key_marks["objectives"],
                     Said("v.no_objectives_hint"))
        self.references(objectives, seen, doc)
        return tuple(objectives)

    def number(self, item, what, numbers) -> int:
        raw = self.text(item, "number", what)
        mark = item.value_marks.get("number", item.mark)
        if raw and not DIGITS.fullmatch(raw):
            self.add(Said("v.number", what=what, value=raw), mark)
            return 0
        if not raw:
            return 0
        number = int(raw)
        if number in numbers:
            self.add(Said("v.number_twice", number=number, line=numbers[number].line), mark)
        numbers[number] = mark
        return number

    def initiative(self, item, mark, objective_id, seen, context) -> Initiative | None:
        if not self.mapping(item, mark, Said("what.an_initiative"), INITIATIVE_KEYS,
                            {"id", "title", "kind"}):
            return None
        ident = self.ident(item, Said("what.an_initiative"), seen)
        what = Said("what.initiative", id=ident) if ident else Said("what.an_initiative")
        kind = self.text(item, "kind", what)
        if kind and kind.lower() not in KINDS:
            self.add(Said("v.kind", what=what, kinds=", ".join(KINDS), value=kind),
                     item.value_marks["kind"])
        owners = self.owners(item, what, context)
        status = self.status(item, what, context)
        return Initiative(
            ident, objective_id, self.name(item, "title", what), (kind or "").lower(),
            self.name(item, "short", what, False), self.text(item, "description", what, False),
            self.refs(item, "also_supports", ident, what),
            self.refs(item, "previous_ids", ident, what),
            owners, status, self.priorities(item, what, context),
            self.actions(item, what, context), self.lead(item, what, context, owners),
            self.deliverables(item, what, context), self.continues(item, what),
            self.placement(item, what),
        )

    def actions(self, item, what, context) -> tuple[DeclaredAction, ...]:
        """`actions: {2024: [{id, text, owners, due, status}, …]}`."""
        value = item.get("actions")
        if value is None:
            return ()
        if not isinstance(value, dict):
            self.add(Said("v.actions", what=what, kind=_kind(value)), item.value_marks["actions"],
                     Said("v.actions_hint"))
            return ()
        out, seen = [], {}
        for year_text, entries in value.items():
            year = int(year_text) if DIGITS.fullmatch(str(year_text)) else None
            if year is None or not context.start <= year <= context.end:
                self.add(Said("v.action_year", year=year_text, what=what),
                         value.key_marks[year_text],
                         Said("v.year_hint", start=context.start, end=context.end))
                continue
            entries = self.listing(value, year_text, what)
            for entry, mark in zip(entries, getattr(entries, "item_marks", [])):
                found = self.action(entry, mark, year, what, seen, context)
                if found:
                    out.append(found)
        return tuple(out)

    def action(self, entry, mark, year, what, seen, context) -> DeclaredAction | None:
        about = Said("what.action_of", what=what)
        if not self.mapping(entry, mark, about, ACTION_KEYS, {"id", "text"}):
            return None
        key = self.ident(entry, about, {})
        if key in seen:
            self.add(Said("v.action_twice", id=key, line=seen[key].line, what=what),
                     entry.value_marks["id"], Said("v.action_twice_hint"))
        elif key:
            seen[key] = entry.value_marks["id"]
        text = self.text(entry, "text", about)
        owners = self.owners(entry, about, context)
        due = None
        if "due" in entry:
            due = self.text(entry, "due", about)
            if due and not is_iso_date(due):  # the one date grammar (lookup)
                self.add(Said("v.due", value=due, what=about), entry.value_marks["due"],
                         Said("v.due_hint"))
                due = None
        status = self.status(entry, about, context)
        lead = self.lead(entry, about, context, owners)
        if not key or not text:
            return None
        return DeclaredAction(key, year, text, owners, due or None, status, lead)

    def owners(self, item, what, context) -> tuple[str, ...] | None:
        """Declared owners (sorted, once each), or None where none are declared."""
        if "owners" not in item:
            return None
        owners = []
        for owner, owner_mark in self.texts(item, "owners", what):
            if owner not in context.roster:
                self.add(Said("v.unknown_owner", owner=owner, what=what), owner_mark,
                         Said("v.owners_are", owners=", ".join(sorted(context.roster))))
            elif owner not in owners:
                owners.append(owner)
        return tuple(sorted(owners))

    def status(self, item, what, context) -> str | None:
        """A declared status's key, or None where none (or no known one) is declared."""
        if "status" not in item:
            return None
        raw = self.text(item, "status", what)
        term = context.status(raw) if raw else None
        if raw and not term:
            self.add(Said("v.unknown_status", value=raw, what=what), item.value_marks["status"],
                     Said("v.one_of", choices=vocabulary.choices(context.statuses)))
        return term.key if term else None

    def refs(self, item, key, ident, what) -> tuple[str, ...]:
        """Ids an initiative names; checked once every id is known."""
        found = self.texts(item, key, what)
        self.pending.extend((key, ref, mark, ident) for ref, mark in found)
        return tuple(ref for ref, _ in found)

    def texts(self, item, key, what):
        """(text, mark) pairs of a list of texts; problems for anything else."""
        value = item.get(key)
        if value is None:
            return []
        if isinstance(value, str):
            self.add(Said("v.list_not_text", key=key, what=what), item.value_marks[key],
                     Said("v.write_as_list", value=value))
            return []
        out = []
        for entry, mark in zip(self.listing(item, key, what),
                               getattr(value, "item_marks", [])):
            if not isinstance(entry, str):
                self.add(Said("v.item_not_text", key=key, what=what, kind=_kind(entry)), mark)
            else:
                out.append((entry, mark))
        return out

    def priorities(self, item, what, context) -> dict[int, str] | None:
        if "priorities" not in item:
            return None
        value = item["priorities"]
        mark = item.value_marks["priorities"]
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.add(Said("v.priorities", what=what, kind=_kind(value)), mark,
                     Said("v.priorities_hint"))
            return {}
        out = {}
        for year_text, level_text in value.items():
            year_mark = value.key_marks[year_text]
            year = int(year_text) if DIGITS.fullmatch(str(year_text)) else None
            if year is None or not context.start <= year <= context.end:
                self.add(Said("v.year", year=year_text, what=what), year_mark,
                         Said("v.year_hint", start=context.start, end=context.end))
                continue
            if not isinstance(level_text, str):
                self.add(Said("v.level_not_text", year=year, what=what, kind=_kind(level_text)),
                         value.value_marks[year_text],
                         Said("v.one_of", choices=vocabulary.choices(context.levels)))
                continue
            term = context.level(level_text)
            if not term:
                self.add(Said("v.unknown_level", value=level_text, year=year, what=what),
                         value.value_marks[year_text],
                         Said("v.one_of", choices=vocabulary.choices(context.levels)))
                continue
            out[year] = term.key
        return out

    def references(self, objectives, seen, doc) -> None:
        objective_ids = [o.id for o in objectives if o.id]
        claimed: dict[str, tuple[str, Mark]] = {}  # previous id → (initiative, where)
        continued: dict[str, Mark] = {}  # an initiative of the plan before → where
        for key, ref, mark, ident in self.pending:
            if key == "previous_ids" and ref == ident:
                self.add(Said("v.previous_is_self", ref=ref, id=ident), mark)
                continue
            if key == "previous_ids" and ref in claimed and claimed[ref][0] != ident:
                first, where = claimed[ref]
                self.add(Said("v.previous_twice", ref=ref, first=first, line=where.line, id=ident),
                         mark, Said("v.previous_twice_hint"))
            elif key == "previous_ids":
                claimed.setdefault(ref, (ident, mark))
            if key == "milestone" and ref not in seen:
                self.add(Said("v.milestone_initiative", ref=ref), mark)
            if key == "continues" and not getattr(self, "follows_given", False):
                self.add(Said("v.continues_alone", ref=ref), mark, Said("v.continues_hint"))
            elif key == "continues" and ref in continued:
                self.add(Said("v.continued_twice", ref=ref, line=continued[ref].line), mark)
            elif key == "continues":
                continued[ref] = mark
            if key == "also_supports" and ref not in objective_ids:
                self.add(Said("v.also_supports", id=ident, ref=ref), mark,
                         Said("v.objectives", ids=", ".join(dict.fromkeys(objective_ids))))
            if key == "previous_ids" and ref in seen:
                self.add(Said("v.previous_in_use", ref=ref, id=ident, line=seen[ref].line), mark,
                         Said("v.previous_in_use_hint"))


@dataclass
class _Context:
    statuses: tuple[Term, ...]
    levels: tuple[Term, ...]
    roster: set[str]
    start: int
    end: int
    # Words already looked up: a plan repeats a few thousand times the same few.
    known: dict = field(default_factory=dict)

    def status(self, text: str) -> Term | None:
        return self._find(self.statuses, text)

    def level(self, text: str) -> Term | None:
        return self._find(self.levels, text)

    def _find(self, terms, text: str) -> Term | None:
        key = (terms is self.statuses, text)
        if key not in self.known:
            self.known[key] = vocabulary.find(terms, text)
        return self.known[key]
