"""Property tests (hypothesis): random valid plans, random interleavings of edits."""

import json
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tracker import report
from tracker.plan import load_plan
from tracker.store import Change, open_store
from tracker.sync import sync_file

STATUSES = ["not_started", "planned", "in_progress", "delayed", "on_hold", "done", "dropped"]
LEVELS = ["high", "medium", "low", "none"]
OWNERS = ["region", "kommunerne", "plo"]
YEARS = [2022, 2023, 2024, 2025]

text = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
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


FIELDS = ["status", "owners", "priority:2024"]
field_values = {
    "status": st.sampled_from(STATUSES),
    "owners": st.lists(st.sampled_from(OWNERS), unique=True).map(sorted),
    "priority:2024": st.sampled_from(LEVELS),
}


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
                if field == "priority:2024":
                    initiative["priorities"] = {2024: value}
                else:
                    initiative[field] = value
                write_plan(path, plan)
            elif op[0] == "tool":
                _, n, field, value = op
                change = (Change(priorities={2024: value}) if field == "priority:2024"
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
            key = "priorities" if field.startswith("priority") else field
            declared = key in initiative
            plan_value = (as_text(field, initiative[key]) if field != "priority:2024"
                          else initiative["priorities"][2024]) if declared else None
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
