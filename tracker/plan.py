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
from .errors import PlanInvalid, Problem
from .marks import Mark
from .vocabulary import Term

MAX_PLAN_BYTES = 20 * 1024 * 1024
MAX_TEXT = 5000
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
KINDS = ("aftalt indsats", "projekt")


@dataclass(frozen=True)
class Party:
    id: str
    name: str
    party: str | None = None  # for a person: the party they belong to


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


@dataclass(frozen=True)
class Objective:
    id: str
    number: int
    title: str
    short: str = ""
    title_en: str = ""
    initiatives: tuple[Initiative, ...] = ()


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

    @property
    def years(self) -> list[int]:
        return list(range(self.start, self.end + 1))

    @property
    def roster(self) -> tuple[Party, ...]:
        return self.parties + self.people

    def initiatives(self):
        for objective in self.objectives:
            yield from objective.initiatives


def read_plan_text(path: Path) -> tuple[str, str]:
    """The file's text and sha256, or PlanInvalid with one clear problem."""
    path = Path(path)
    try:
        if path.is_dir():
            raise PlanInvalid(path, [Problem("is a folder, not a plan file",
                                             hint="give the path of a .yaml file")])
        size = path.stat().st_size
        if size > MAX_PLAN_BYTES:
            raise PlanInvalid(path, [Problem(
                f"the file is {size / 1024 / 1024:.0f} MB; a plan file may be at most "
                f"{MAX_PLAN_BYTES // 1024 // 1024} MB", hint="is this the right file?")])
        data = path.read_bytes()
    except FileNotFoundError:
        raise PlanInvalid(path, [Problem(
            "no such file", hint="give the plan with --plan or TRACKER_PLAN, "
            "or run from the folder holding plans/")]) from None
    except PermissionError:
        raise PlanInvalid(path, [Problem("no permission to read the file",
                                         hint="check the file's permissions")]) from None
    except OSError as exc:
        raise PlanInvalid(path, [Problem(f"cannot read the file: {exc.strerror}")]) from None
    if b"\0" in data:
        raise PlanInvalid(path, [Problem("this is a binary file, not a YAML plan",
                                         hint="is this the right file?")])
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise PlanInvalid(path, [Problem(
            "the file is not valid UTF-8", line, col,
            "save it as UTF-8 (most editors offer this under 'Save with encoding')")]) from None
    return text.removeprefix("\ufeff"), hashlib.sha256(data).hexdigest()


def load_plan(path) -> Plan:
    path = Path(path)
    from . import yamlsafe  # PyYAML is needed only here, not by reading commands

    text, sha = read_plan_text(path)
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
    return Plan(**{**plan.__dict__, "sha256": sha})


# ---------------------------------------------------------------------------
# Validation. Each method checks one part of the document and records every
# problem it finds instead of stopping at the first.

PLAN_KEYS = {"plan", "parties", "people", "objectives", "statuses", "levels"}
META_KEYS = {"title", "region", "period", "adopted"}
OBJECTIVE_KEYS = {"id", "number", "title", "short", "title_en", "initiatives"}
INITIATIVE_KEYS = {"id", "title", "short", "kind", "description", "also_supports",
                   "previous_ids", "owners", "status", "priorities"}
TERM_KEYS = {"key", "da", "en", "done"}
PARTY_KEYS = {"id", "name"}
PERSON_KEYS = {"id", "name", "party"}


@dataclass
class _Validator:
    problems: list[Problem] = field(default_factory=list)
    pending: list = field(default_factory=list)  # (key, id, mark, initiative id)

    def add(self, message: str, mark: Mark | None, hint: str = "") -> None:
        self.problems.append(Problem(message, mark and mark.line, mark and mark.col, hint))

    # -- generic shape checks -------------------------------------------------
    def mapping(self, value, mark, what: str, keys: set[str], required: set[str]):
        if not isinstance(value, dict):
            self.add(f"{what} must be a mapping of 'key: value' lines, not {_kind(value)}",
                     mark, f"expected the keys: {', '.join(sorted(required or keys))}")
            return None
        for key in value:
            if key not in keys:
                close = difflib.get_close_matches(str(key), sorted(keys), n=1)
                hint = f"did you mean '{close[0]}'?" if close else \
                    f"allowed here: {', '.join(sorted(keys))}"
                self.add(f"unknown key '{key}' in {what}", value.key_marks[key], hint)
        for key in sorted(required - value.keys()):
            self.add(f"{what} has no '{key}'", value.mark, f"add '{key}: …'")
        return value

    def text(self, m: dict, key: str, what: str, required: bool = True) -> str:
        value = m.get(key)
        mark = m.value_marks.get(key, m.mark)
        if value is None:
            if required and key in m:
                self.add(f"'{key}' of {what} is empty", mark, "write a value after the ':'")
            return ""
        if not isinstance(value, str):
            self.add(f"'{key}' of {what} must be text, not {_kind(value)}", mark)
            return ""
        if len(value) > MAX_TEXT:
            self.add(f"'{key}' of {what} is {len(value)} characters long; at most "
                     f"{MAX_TEXT} are allowed", mark, "shorten it")
            return ""
        return value

    def listing(self, m: dict, key: str, what: str) -> list:
        value = m.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self.add(f"'{key}' of {what} must be a list, not {_kind(value)}",
                     m.value_marks[key], f"write it as [a, b] or as lines starting with '- '")
            return []
        return value

    def ident(self, m: dict, what: str, seen: dict) -> str:
        value = self.text(m, "id", what)
        mark = m.value_marks.get("id", m.mark)
        if value and not ID_PATTERN.match(value):
            self.add(f"the id '{value}' of {what} is not a valid id", mark,
                     "use lower-case letters a-z, digits and hyphens, up to 64 characters")
        elif value in seen:
            self.add(f"the id '{value}' is used twice (first at line {seen[value].line})",
                     mark, "every objective and initiative needs its own id")
        elif value:
            seen[value] = mark
        return value

    # -- the parts ------------------------------------------------------------
    def plan(self, doc) -> Plan | None:
        empty = Plan("", "", 0, 0, "", (), (), vocabulary.DEFAULT_STATUSES,
                     vocabulary.DEFAULT_LEVELS, ())
        if doc is None:
            self.add("the plan file is empty", Mark(1, 1),
                     "a plan needs at least 'plan:' and 'objectives:'; see plans/2022-2025.yaml")
            return empty
        if not isinstance(doc, dict):
            self.add(f"the top of the file must be a mapping, not {_kind(doc)}",
                     getattr(doc, "mark", Mark(1, 1)),
                     "start with 'plan:' and 'objectives:' lines, not with '- '")
            return empty
        self.mapping(doc, doc.mark, "the plan file", PLAN_KEYS, {"plan", "objectives"})
        title, region, start, end, adopted = self.meta(doc)
        statuses = self.terms(doc, "statuses", vocabulary.DEFAULT_STATUSES)
        levels = self.terms(doc, "levels", vocabulary.DEFAULT_LEVELS)
        parties = self.roster(doc, "parties", PARTY_KEYS, set())
        people = self.roster(doc, "people", PERSON_KEYS, {p.id for p in parties})
        context = _Context(statuses, levels, {p.id for p in parties + people}, start, end)
        objectives = self.objectives(doc, context)
        return Plan(title, region, start, end, adopted, parties, people,
                    statuses, levels, objectives)

    def meta(self, doc):
        meta = doc.get("plan")
        if "plan" in doc:
            meta = self.mapping(meta, doc.value_marks["plan"], "'plan'", META_KEYS,
                                {"title", "period"})
        if not meta:
            return "", "", 0, 0, ""
        title = self.text(meta, "title", "the plan")
        region = self.text(meta, "region", "the plan", required=False)
        adopted = self.text(meta, "adopted", "the plan", required=False)
        if adopted and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", adopted):
            self.add(f"'adopted' must be a date like 2021-12-17, not '{adopted}'",
                     meta.value_marks["adopted"])
        period = self.text(meta, "period", "the plan")
        found = re.fullmatch(r"\s*(\d{4})\s*-\s*(\d{4})\s*", period or "")
        if period and not (found and int(found[1]) <= int(found[2])):
            self.add(f"'period' must be two years like 2022-2025, not '{period}'",
                     meta.value_marks["period"], "first year, a hyphen, last year")
            return title, region, 0, 0, adopted
        if found and int(found[2]) - int(found[1]) > 20:
            self.add("'period' spans more than 20 years", meta.value_marks["period"])
            return title, region, 0, 0, adopted
        start, end = (int(found[1]), int(found[2])) if found else (0, 0)
        return title, region, start, end, adopted

    def terms(self, doc, key: str, default) -> tuple[Term, ...]:
        if key not in doc:
            return default
        items = self.listing(doc, key, "the plan file")
        terms, seen = [], set()
        for item, mark in zip(items, getattr(items, "item_marks", [])):
            what = f"an item of '{key}'"
            if not self.mapping(item, mark, what, TERM_KEYS, {"key", "da", "en"}):
                continue
            term_key = self.text(item, "key", what)
            if term_key and not re.fullmatch(r"[a-z][a-z0-9_]*", term_key):
                self.add(f"the key '{term_key}' is not valid", item.value_marks["key"],
                         "use lower-case letters, digits and '_'")
                continue
            if term_key in seen:
                self.add(f"'{term_key}' is declared twice in '{key}'", item.value_marks["key"])
                continue
            seen.add(term_key)
            done = str(item.get("done") or "").lower() in ("true", "yes", "ja")
            terms.append(Term(term_key, self.text(item, "da", what) or term_key,
                              self.text(item, "en", what) or term_key, done))
        if not terms:
            self.add(f"'{key}' declares no words", doc.key_marks[key],
                     "list at least one, or remove it to use the default words")
            return default
        return tuple(terms)

    def roster(self, doc, key: str, keys: set[str], parties: set[str]):
        out, seen = [], {}
        items = self.listing(doc, key, "the plan file")
        for item, mark in zip(items, getattr(items, "item_marks", [])):
            what = "a party" if key == "parties" else "a person"
            if not self.mapping(item, mark, what, keys, keys):
                continue
            ident = self.ident(item, what, seen)
            party = self.text(item, "party", what) if "party" in keys else None
            if party and party not in parties:
                self.add(f"unknown party '{party}' for {ident or what}",
                         item.value_marks["party"], f"parties: {', '.join(sorted(parties))}")
            out.append(Party(ident, self.text(item, "name", what), party))
        return tuple(out)

    def objectives(self, doc, context: "_Context") -> tuple[Objective, ...]:
        items = self.listing(doc, "objectives", "the plan file")
        seen: dict[str, Mark] = {}
        numbers: dict[int, Mark] = {}
        objectives = []
        for item, mark in zip(items, getattr(items, "item_marks", [])):
            if not self.mapping(item, mark, "an objective", OBJECTIVE_KEYS,
                                {"id", "number", "title"}):
                continue
            ident = self.ident(item, "an objective", seen)
            what = f"objective '{ident}'" if ident else "an objective"
            number = self.number(item, what, numbers)
            initiatives = []
            inits = self.listing(item, "initiatives", what)
            for init, init_mark in zip(inits, getattr(inits, "item_marks", [])):
                found = self.initiative(init, init_mark, ident, seen, context)
                if found:
                    initiatives.append(found)
            objectives.append(Objective(ident, number, self.text(item, "title", what),
                                        self.text(item, "short", what, False),
                                        self.text(item, "title_en", what, False),
                                        tuple(initiatives)))
        if "objectives" in doc and not objectives and not self.problems:
            self.add("the plan has no objectives", doc.key_marks["objectives"],
                     "add at least one objective")
        self.references(objectives, seen, doc)
        return tuple(objectives)

    def number(self, item, what, numbers) -> int:
        raw = self.text(item, "number", what)
        mark = item.value_marks.get("number", item.mark)
        if raw and not raw.isdigit():
            self.add(f"'number' of {what} must be a whole number, not '{raw}'", mark)
            return 0
        if not raw:
            return 0
        number = int(raw)
        if number in numbers:
            self.add(f"number {number} is used by two objectives (first at line "
                     f"{numbers[number].line})", mark)
        numbers[number] = mark
        return number

    def initiative(self, item, mark, objective_id, seen, context) -> Initiative | None:
        if not self.mapping(item, mark, "an initiative", INITIATIVE_KEYS,
                            {"id", "title", "kind"}):
            return None
        ident = self.ident(item, "an initiative", seen)
        what = f"initiative '{ident}'" if ident else "an initiative"
        kind = self.text(item, "kind", what)
        if kind and kind.lower() not in KINDS:
            self.add(f"'kind' of {what} must be one of: {', '.join(KINDS)}; not '{kind}'",
                     item.value_marks["kind"])
        owners = None
        if "owners" in item:
            owners = []
            for owner, owner_mark in self.texts(item, "owners", what):
                if owner not in context.roster:
                    self.add(f"unknown owner '{owner}' for {what}", owner_mark,
                             f"owners are parties or people: {', '.join(sorted(context.roster))}")
                elif owner not in owners:
                    owners.append(owner)
            owners = tuple(sorted(owners))
        status = None
        if "status" in item:
            raw = self.text(item, "status", what)
            term = vocabulary.find(context.statuses, raw) if raw else None
            if raw and not term:
                self.add(f"unknown status '{raw}' for {what}", item.value_marks["status"],
                         f"one of: {vocabulary.choices(context.statuses)}")
            status = term.key if term else None
        return Initiative(
            ident, objective_id, self.text(item, "title", what), (kind or "").lower(),
            self.text(item, "short", what, False), self.text(item, "description", what, False),
            self.refs(item, "also_supports", ident, what),
            self.refs(item, "previous_ids", ident, what),
            owners, status, self.priorities(item, what, context),
        )

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
            self.add(f"'{key}' of {what} must be a list, not text", item.value_marks[key],
                     f"write it as [{value}]")
            return []
        out = []
        for entry, mark in zip(self.listing(item, key, what),
                               getattr(value, "item_marks", [])):
            if not isinstance(entry, str):
                self.add(f"an item of '{key}' of {what} must be text, not {_kind(entry)}", mark)
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
            self.add(f"'priorities' of {what} must map years to levels, not {_kind(value)}",
                     mark, "write it as lines like '2024: high'")
            return {}
        out = {}
        for year_text, level_text in value.items():
            year_mark = value.key_marks[year_text]
            year = int(year_text) if str(year_text).isdigit() else None
            if year is None or not context.start <= year <= context.end:
                self.add(f"the year '{year_text}' in the priorities of {what} is outside "
                         f"the plan period", year_mark,
                         f"use a year from {context.start} to {context.end}")
                continue
            if not isinstance(level_text, str):
                self.add(f"the priority for {year} of {what} must be a level, not "
                         f"{_kind(level_text)}", value.value_marks[year_text],
                         f"one of: {vocabulary.choices(context.levels)}")
                continue
            term = vocabulary.find(context.levels, level_text)
            if not term:
                self.add(f"unknown priority level '{level_text}' for {year} of {what}",
                         value.value_marks[year_text],
                         f"one of: {vocabulary.choices(context.levels)}")
                continue
            out[year] = term.key
        return out

    def references(self, objectives, seen, doc) -> None:
        objective_ids = [o.id for o in objectives if o.id]
        for key, ref, mark, ident in self.pending:
            if key == "also_supports" and ref not in objective_ids:
                self.add(f"'also_supports' of initiative '{ident}' names '{ref}', "
                         "which is not an objective", mark,
                         f"objectives: {', '.join(dict.fromkeys(objective_ids))}")
            if key == "previous_ids" and ref in seen:
                self.add(f"previous id '{ref}' of initiative '{ident}' is still in use "
                         f"(line {seen[ref].line})", mark,
                         "an old id may not be used by another objective or initiative")


@dataclass
class _Context:
    statuses: tuple[Term, ...]
    levels: tuple[Term, ...]
    roster: set[str]
    start: int
    end: int


def _kind(value) -> str:
    if value is None:
        return "empty"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return f"the text '{value[:40]}'"
