"""Property tests (hypothesis): random valid plans, random interleavings of edits."""

import json
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tracker import report
from tracker.plan import load_plan
from tracker.store import Change, open_store
from tracker.sync import sync_file

STATUSES = ["not_started", "planned", "in_progress", "delayed", "on_hold", "done", "dropped"]
LEVELS = ["high", "medium", "low", "none"]
OWNERS = ["region", "kommunerne", "plo"]
YEARS = [2022, 2023, 2024, 2025]

# Names as a valid plan has them: no control characters, on one line.
text = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")),
               min_size=1, max_size=40).filter(lambda s: s.strip() == s and s.strip())
tracking = st.fixed_dictionaries({}, optional={
    "status": st.sampled_from(STATUSES),
    "owners": st.lists(st.sampled_from(OWNERS), unique=True),
    "priorities": st.dictionaries(st.sampled_from(YEARS), st.sampled_from(LEVELS)),
})


@st.composite
def plans(draw):
    objectives = []
    count = 0
    for number in range(1, draw(st.integers(1, 4)) + 1):
        initiatives = []
        for _ in range(draw(st.integers(0, 4))):
            count += 1
            initiatives.append({"id": f"i{count}", "kind": draw(st.sampled_from(
                ["projekt", "aftalt indsats"])), "title": draw(text), **draw(tracking)})
        objectives.append({"id": f"m{number}", "number": str(number), "title": draw(text),
                           "initiatives": initiatives})
    return {"plan": {"title": draw(text), "period": "2022-2025"},
            "parties": [{"id": o, "name": o.title()} for o in OWNERS],
            "objectives": objectives}


def write_plan(path: Path, plan: dict) -> None:
    path.write_text(yaml.safe_dump(plan, allow_unicode=True, sort_keys=False), "utf-8")


def export_json(store) -> str:
    return report.to_json(report.build(store, "2024-01-01"))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans())
def test_random_valid_plans_survive_sync(plan):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "plan.yaml"
        write_plan(path, plan)
        loaded = load_plan(path)  # valid by construction
        store = open_store(Path(folder) / "t.db")
        sync_file(store, path, "x")
        first = export_json(store)
        data = json.loads(first)
        shown = {i["id"]: i for o in data["objectives"] for i in o["initiatives"]}
        for initiative in loaded.initiatives():
            row = shown[initiative.id]
            assert row["title"] == initiative.title
            assert row["status"] == (initiative.status or "not_started")
            assert sorted(o["id"] for o in row["owners"]) == sorted(initiative.owners or ())
            for year, level in (initiative.priorities or {}).items():
                assert row["priorities"][str(year)] == level
        store.set_meta("plan_sha256", "")  # force a full merge of the same plan
        assert not sync_file(store, path, "x").changed
        assert export_json(store) == first
        store.close()


FIELDS = ["status", "owners", "priority:2024", "lead", "deliverable:2024"]
field_values = {
    "status": st.sampled_from(STATUSES),
    "owners": st.lists(st.sampled_from(OWNERS), unique=True).map(sorted),
    "priority:2024": st.sampled_from(LEVELS),
    "lead": st.sampled_from(OWNERS + [""]),
    "deliverable:2024": st.sampled_from(["Rapport", "Evaluering forelagt PPU", "Plan"]),
}
PLAN_KEY = {"priority:2024": "priorities", "deliverable:2024": "deliverables"}


@st.composite
def operation(draw):
    kind = draw(st.sampled_from(["yaml", "tool", "sync"]))
    if kind == "sync":
        return ("sync",)
    field = draw(st.sampled_from(FIELDS))
    return (kind, draw(st.integers(0, 2)), field, draw(field_values[field]))


def as_text(field, value) -> str:
    return ",".join(value) if field == "owners" else value


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(operation(), min_size=1, max_size=25))
def test_interleaved_edits_never_lose_a_tool_edit(operations):
    plan = {"plan": {"title": "P", "period": "2022-2025"},
            "parties": [{"id": o, "name": o} for o in OWNERS],
            "objectives": [{"id": "m1", "number": "1", "title": "M", "initiatives": [
                {"id": f"i{n}", "kind": "projekt", "title": f"I{n}"} for n in range(3)]}]}
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "plan.yaml"
        write_plan(path, plan)
        store = open_store(Path(folder) / "t.db")
        sync_file(store, path, "x")
        for op in operations + [("sync",)]:
            if op[0] == "yaml":
                _, n, field, value = op
                initiative = plan["objectives"][0]["initiatives"][n]
                if field in PLAN_KEY:
                    initiative[PLAN_KEY[field]] = {2024: value}
                else:
                    initiative[field] = value
                # A plan's lead is one of its owners (else the file is refused).
                if field == "lead" and value:
                    initiative["owners"] = sorted(set(initiative.get("owners", [])) | {value})
                if field == "owners" and initiative.get("lead") not in (None, "", *value):
                    initiative["lead"] = ""
                write_plan(path, plan)
            elif op[0] == "tool":
                _, n, field, value = op
                change = (Change(priorities={2024: value}) if field == "priority:2024"
                          else Change(deliverables={2024: value}) if field in PLAN_KEY
                          else Change(lead=value) if field == "lead"
                          else Change(status=value) if field == "status" else Change(owners=value))
                store.edit(f"i{n}", change, "anna", "cli")
            else:
                check_one_sync(store, path, plan)
        store.close()


def check_one_sync(store, path, plan):
    """Run a sync and check each field against the three-way rule."""
    before = {}
    for n, initiative in enumerate(plan["objectives"][0]["initiatives"]):
        ident = f"i{n}"
        bases = dict(store.db.execute("SELECT field, value FROM plan_base WHERE "
                                      "initiative_id = ?", [ident]).fetchall())
        for field in FIELDS:
            key = PLAN_KEY.get(field, field)
            declared = key in initiative
            plan_value = (as_text(field, initiative[key]) if field not in PLAN_KEY
                          else initiative[key][2024]) if declared else None
            before[(ident, field)] = (store.tracked_value(ident, field), plan_value,
                                      bases.get(field))
    sync_file(store, path, "x")
    conflicts = {(c.initiative_id, c.field) for c in store.conflicts()}
    for (ident, field), (tool, plan_value, base) in before.items():
        after = store.tracked_value(ident, field)
        if plan_value is None or plan_value == base:
            assert after == tool, "a tool edit was lost without a plan change"
        elif tool in (base, plan_value):
            assert after == plan_value and (ident, field) not in conflicts
        else:
            assert after == tool, "a tool edit was overwritten in a conflict"
            assert (ident, field) in conflicts, "a conflict was not reported"


# -- the one merge rule across periods, renames, re-used ids and changed words ------------
#
# A model keeps, per initiative (by identity, whatever its id), the tracker's values,
# the bases and the open conflicts, following README "How a plan change meets the
# tracking data". Its bookkeeping is independent of the store's: a year new to the
# period has no plan value as base; a renamed initiative keeps its values and history;
# a re-used id is a new initiative; a status the new words lack is kept.

LIGHTS = ["red", "yellow", "green"]


@st.composite
def world_operation(draw):
    kind = draw(st.sampled_from(["plan", "plan", "undeclare", "tool", "tool", "sync",
                                 "period", "rename", "reuse", "words"]))
    return (kind,) + tuple(draw(st.integers(0, 7)) for _ in range(4))


class World:
    def __init__(self, folder: Path):
        self.path = folder / "plan.yaml"
        self.count = 3
        self.inits = [{"uid": n, "id": f"i{n}", "declared": {}, "previous": []}
                      for n in range(3)]
        self.words, self.end = STATUSES, 2025
        self.tracker, self.base, self.conflicts, self.edits = {}, {}, set(), {}
        self.synced, self.retired = set(), []  # uids the DB knows; ids renamed away
        self.write()
        self.store = open_store(folder / "t.db")
        self.sync()

    def fields(self, end=None):
        """The fields in play: the newest two years are where periods bite."""
        end = end or self.end
        return ["status", "owners", f"priority:{end}", f"priority:{end - 1}"]

    def nothing(self, field):
        return self.words[0] if field == "status" else ""

    def value(self, field, pick):
        if field == "status":
            return self.words[pick % len(self.words)]
        if field == "owners":
            return ",".join(sorted(o for n, o in enumerate(OWNERS) if pick >> n & 1))
        return LEVELS[pick % len(LEVELS)]

    def write(self):
        initiatives = []
        for i in self.inits:
            entry = {"id": i["id"], "kind": "projekt", "title": f"T{i['uid']}"}
            if i["previous"]:
                entry["previous_ids"] = list(i["previous"])
            for field, value in i["declared"].items():
                if field == "status":
                    entry["status"] = value
                elif field == "owners":
                    entry["owners"] = [o for o in value.split(",") if o]
                else:
                    entry.setdefault("priorities", {})[int(field.split(":")[1])] = value
            initiatives.append(entry)
        plan = {"plan": {"title": "P", "period": f"2022-{self.end}"},
                "parties": [{"id": o, "name": o} for o in OWNERS],
                "objectives": [{"id": "m1", "number": "1", "title": "M",
                                "initiatives": initiatives}]}
        if self.words is LIGHTS:
            plan["statuses"] = [{"key": k, "da": k, "en": k} for k in LIGHTS]
        write_plan(self.path, plan)

    def apply(self, op):
        kind, a, b, c, _ = op
        i = self.inits[a % len(self.inits)]
        field = self.fields()[b % len(self.fields())]
        if kind == "plan":
            i["declared"][field] = self.value(field, c)
        elif kind == "undeclare":
            i["declared"].pop(field, None)
        elif kind == "tool" and i["uid"] in self.synced:
            # The tracker knows the words and period of the last sync.
            fields = self.fields(self.db_end)
            field = fields[b % len(fields)]
            value = (self.db_words[c % len(self.db_words)] if field == "status"
                     else self.value(field, c))
            change = (Change(status=value) if field == "status" else
                      Change(owners=[o for o in value.split(",") if o]) if field == "owners"
                      else Change(priorities={int(field.split(":")[1]): value}))
            key = (i["uid"], field)
            before = self.tracker.get(key, self.nothing(field))
            self.store.edit(i["db_id"], change, "anna", "cli")  # its id as last synced
            if before != value:
                self.edits[i["uid"]] = self.edits.get(i["uid"], 0) + 1
                self.conflicts.discard(key)  # an edit settles a conflict …
                if key in self.pending:  # … and the plan's value counts as seen
                    self.base[key] = self.pending.pop(key)
            self.tracker[key] = value
        elif kind == "period":
            self.end = 2024 + a % 3
            for init in self.inits:  # a plan may only declare years of its period
                for f in [f for f in init["declared"] if f.startswith("priority:")]:
                    if int(f.split(":")[1]) > self.end:
                        del init["declared"][f]
        elif kind == "rename" and i["uid"] in self.synced and i["id"] == i["db_id"]:
            self.count += 1
            i["previous"] = [i["id"]]
            i["id"] = f"i{self.count}"
        elif kind == "reuse" and self.retired:
            old = self.retired.pop(a % len(self.retired))
            for init in self.inits:
                if old in init["previous"]:
                    init["previous"].remove(old)
            self.count += 1
            self.inits.append({"uid": self.count, "id": old, "declared": {}, "previous": []})
        elif kind == "words":
            self.words = LIGHTS if self.words is STATUSES else STATUSES
            for init in self.inits:
                if init["declared"].get("status") not in (None, *self.words):
                    del init["declared"]["status"]
        elif kind == "sync":
            self.sync()
            self.check()
        self.write()

    pending: dict = {}

    def sync(self):
        """The model's merge, then the real sync."""
        self.write()
        self.pending = {}
        self.conflicts = set()
        for i in self.inits:
            for field in ["status", "owners"] + [f"priority:{y}" for y in range(2022, self.end + 1)]:
                key, nothing = (i["uid"], field), self.nothing(field)
                incoming = i["declared"].get(field)
                if i["uid"] not in self.synced:  # new: the plan's values, or nothing
                    self.tracker[key] = self.base[key] = nothing if incoming is None \
                        else incoming
                    continue
                base, tool = self.base.get(key, nothing), self.tracker.get(key, nothing)
                if incoming is None:
                    self.base[key] = nothing
                elif incoming == base:
                    pass
                elif tool == incoming:
                    self.base[key] = incoming
                elif tool == base:
                    self.tracker[key] = self.base[key] = incoming
                else:
                    self.conflicts.add(key)
                    self.pending[key] = incoming
        for i in self.inits:
            if i["previous"] and i["uid"] in self.synced and i["previous"][0] not in self.retired:
                self.retired.append(i["previous"][0])
            self.synced.add(i["uid"])
            i["db_id"] = i["id"]
        self.db_words, self.db_end = self.words, self.end
        sync_file(self.store, self.path, "x")
        self.retired = [r for r in self.retired if r not in {i["id"] for i in self.inits}]

    def check(self):
        by_uid = {i["uid"]: i["id"] for i in self.inits}
        found = {(u, c.field) for c in self.store.conflicts()
                 for u, ident in by_uid.items() if ident == c.initiative_id}
        assert found == self.conflicts
        for (uid, field), value in self.tracker.items():
            assert self.store.tracked_value(by_uid[uid], field) == value, (by_uid[uid], field)
        for uid, ident in by_uid.items():  # history follows the initiative
            edits = [e for e in self.store.history(ident) if e.action == "edit"]
            assert len(edits) == self.edits.get(uid, 0), ident


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(world_operation(), min_size=1, max_size=40))
# The two breaks found by hand, kept as seeds: the period grows to 2026, the tool sets
# 2026, the plan declares 2026 otherwise; and a rename whose old id is re-used.
@example([("period", 2, 0, 0, 0), ("sync", 0, 0, 0, 0), ("tool", 0, 2, 0, 0),
          ("plan", 0, 2, 1, 0)])
@example([("tool", 0, 0, 1, 0), ("rename", 0, 0, 0, 0), ("sync", 0, 0, 0, 0),
          ("reuse", 0, 0, 0, 0), ("sync", 0, 0, 0, 0), ("tool", 3, 0, 2, 0)])
def test_merge_rule_holds_across_periods_renames_reused_ids_and_words(operations):
    with tempfile.TemporaryDirectory() as folder:
        world = World(Path(folder))
        for op in operations + [("sync", 0, 0, 0, 0)]:
            world.apply(op)
        world.store.close()
