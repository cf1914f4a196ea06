"""Checks of what a plan file says about the committee's year and the plan's
life: its bodies, meetings and milestones, where its adoption is stated, the
plan it follows, and per initiative its lead party, deliverables, the
initiative it continues and whether its placement is assumed.

A part of the plan validator (plan.py `_Validator`): it records problems with
their line and column through the validator's `add`, `text` and `mapping`.
"""

from __future__ import annotations

from .errors import Said
from .lookup import is_iso_date
from .model import DEFAULT_BODIES
from .plan_types import DeclaredMeeting, DeclaredMilestone

ID_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789-"
MAX_SHORT = 300  # a deliverable or a milestone: a line, not a paper
BODY_KEYS = {"id", "name"}
MEETING_KEYS = {"id", "date", "body", "title"}
MILESTONE_KEYS = {"id", "date", "text", "initiative"}
FOLLOWS_KEYS = {"plan"}
ADOPTED_KEYS = {"date", "source"}
PLACEMENTS = ("agreed", "provisional")


class CalendarChecks:
    def adopted(self, meta) -> tuple[str, str]:
        """`adopted: 2021-12-17` or `adopted: {date: …, source: "…"}`: (date, source)."""
        if "adopted" not in meta:
            return "", ""
        value, mark = meta["adopted"], meta.value_marks["adopted"]
        source = ""
        if isinstance(value, dict):
            if not self.mapping(value, mark, Said("what.adopted"), ADOPTED_KEYS, {"date"}):
                return "", ""
            source = self.text(value, "source", Said("what.adopted"), required=False)
            date = self.text(value, "date", Said("what.adopted"))
            mark = value.value_marks.get("date", mark)
        else:
            date = self.text(meta, "adopted", Said("what.plan"), required=False)
        if date and not is_iso_date(date):
            self.add(Said("v.adopted", value=date), mark)
            return "", source
        return date, source

    def bodies(self, doc) -> tuple[tuple[str, str], ...]:
        if "bodies" not in doc:
            return DEFAULT_BODIES
        out, seen = [], {}
        items = self.listing(doc, "bodies", Said("what.plan_file"))
        for item, mark in zip(items, getattr(items, "item_marks", [])):
            if not self.mapping(item, mark, Said("what.body"), BODY_KEYS, BODY_KEYS):
                continue
            ident = self.ident(item, Said("what.body"), seen)
            name = self.name(item, "name", Said("what.body"))
            if ident and name:
                out.append((ident, name))
        return tuple(out)

    def meetings(self, doc, bodies) -> tuple[DeclaredMeeting, ...]:
        out, seen = [], {}
        items = self.listing(doc, "meetings", Said("what.plan_file"))
        known = [b for b, _ in bodies]
        for item, mark in zip(items, getattr(items, "item_marks", [])):
            if not self.mapping(item, mark, Said("what.meeting"), MEETING_KEYS,
                                {"date", "body"}):
                continue
            date = self._date(item, Said("what.meeting"))
            body = self.text(item, "body", Said("what.meeting"))
            if body and body not in known:
                self.add(Said("v.unknown_body", body=body), item.value_marks["body"],
                         Said("v.bodies_are", bodies=", ".join(known)))
                continue
            key = self.ident(item, Said("what.meeting"), {}) if "id" in item else \
                f"{date} {body}"
            if key in seen:
                self.add(Said("v.meeting_twice", key=key, line=seen[key].line), mark,
                         Said("v.meeting_twice_hint"))
                continue
            seen[key] = mark
            if date and body:
                out.append(DeclaredMeeting(key, date, body,
                                           self.name(item, "title", Said("what.meeting"), False)))
        return tuple(out)

    def milestones(self, doc) -> tuple[DeclaredMilestone, ...]:
        out, seen = [], {}
        items = self.listing(doc, "milestones", Said("what.plan_file"))
        for item, mark in zip(items, getattr(items, "item_marks", [])):
            if not self.mapping(item, mark, Said("what.milestone"), MILESTONE_KEYS,
                                {"date", "text"}):
                continue
            date = self._date(item, Said("what.milestone"))
            text = self._short(item, "text", Said("what.milestone"))
            initiative = self.text(item, "initiative", Said("what.milestone"), False)
            if initiative:
                self.pending.append(("milestone", initiative,
                                     item.value_marks["initiative"], ""))
            key = self.ident(item, Said("what.milestone"), {}) if "id" in item else \
                f"{date} {text}"
            if key in seen:
                self.add(Said("v.milestone_twice", line=seen[key].line), mark,
                         Said("v.meeting_twice_hint"))
                continue
            seen[key] = mark
            if date and text:
                out.append(DeclaredMilestone(key, date, text, initiative))
        return tuple(out)

    def follows(self, doc) -> str:
        """`follows: {plan: plans/2022-2025.yaml}`: the predecessor's file."""
        if "follows" not in doc:
            return ""
        value = self.mapping(doc["follows"], doc.value_marks["follows"], Said("what.follows"),
                             FOLLOWS_KEYS, FOLLOWS_KEYS)
        found = self.text(value, "plan", Said("what.follows")) if value else ""
        if value and "plan" in value and (not found.strip() or len(found) > 255
                                          or "\n" in found or "\0" in found):
            self.add(Said("v.follows"), value.value_marks.get("plan", value.mark),
                     Said("v.follows_hint"))
            return ""
        return found

    # -- per initiative ----------------------------------------------------------
    def lead(self, item, what, context, owners) -> str | None:
        """The lead party: one of the owners the plan declares for the initiative."""
        if "lead" not in item:
            return None
        lead = self.text(item, "lead", what, required=False)
        if lead and lead not in context.roster:
            self.add(Said("v.unknown_owner", owner=lead, what=what), item.value_marks["lead"],
                     Said("v.owners_are", owners=", ".join(sorted(context.roster))))
            return None
        if lead and lead not in (owners or ()):
            self.add(Said("v.lead_not_owner", lead=lead, what=what), item.value_marks["lead"],
                     Said("v.lead_not_owner_hint", lead=lead))
            return None
        return lead

    def deliverables(self, item, what, context) -> dict[int, str] | None:
        """`deliverables: {2025: "…"}`: what is to be delivered each year."""
        if "deliverables" not in item:
            return None
        value = item["deliverables"]
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.add(Said("v.deliverables", what=what, kind=kind_of(value)),
                     item.value_marks["deliverables"], Said("v.deliverables_hint"))
            return {}
        out = {}
        for year_text in value:
            year = int(year_text) if str(year_text).isascii() and str(year_text).isdigit() \
                else None
            if year is None or not context.start <= year <= context.end:
                self.add(Said("v.deliverable_year", year=year_text, what=what),
                         value.key_marks[year_text],
                         Said("v.year_hint", start=context.start, end=context.end))
                continue
            text = self._short(value, year_text, what)
            if text:
                out[year] = " ".join(text.split())
        return out

    def continues(self, item, what) -> str:
        ref = self.text(item, "continues", what, required=False)
        if ref and not all(c in ID_CHARS for c in ref):
            self.add(Said("v.bad_id", id=ref, what=what), item.value_marks["continues"],
                     Said("v.bad_id_hint"))
            return ""
        if ref:  # checked once the whole file is read: `follows:`, and once each
            self.pending.append(("continues", ref, item.value_marks["continues"], what))
        return ref

    def placement(self, item, what) -> bool:
        """`placement: provisional`: the objective it sits under is assumed."""
        placement = self.text(item, "placement", what, required=False)
        if placement and placement not in PLACEMENTS:
            self.add(Said("v.placement", value=placement, what=what),
                     item.value_marks["placement"],
                     Said("v.one_of", choices=", ".join(PLACEMENTS)))
        return placement == "provisional"

    # -- helpers -------------------------------------------------------------------
    def _date(self, item, what) -> str:
        date = self.text(item, "date", what)
        if date and not is_iso_date(date):
            self.add(Said("v.due", value=date, what=what), item.value_marks["date"],
                     Said("v.due_hint"))
            return ""
        return date

    def _short(self, m, key, what) -> str:
        text = self.text(m, key, what)
        if len(text) > MAX_SHORT:
            self.add(Said("v.too_long", key=key, what=what, length=len(text), most=MAX_SHORT),
                     m.value_marks[key], Said("v.shorten"))
            return ""
        return text


def kind_of(value) -> str:
    """What a value is, for a message: empty, a mapping, a list or its text."""
    if value is None:
        return Said("kind.empty")
    if isinstance(value, dict):
        return Said("kind.mapping")
    if isinstance(value, list):
        return Said("kind.list")
    return Said("kind.text", text=value[:40])
