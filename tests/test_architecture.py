"""The house rules, checked by reading the code: layers, no import circles, one
module with SQL that writes."""

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "tracker"

# Lower layers never import higher ones (README "How it works").
LAYERS = {
    "errors": 0, "marks": 0, "bulk": 0, "shown": 0, "texts": 0, "catalogue": 0, "vocabulary": 0, "model": 1,
    "merge": 1,
    "yamlsafe": 2, "plan": 2, "plan_types": 2, "plan_calendar": 2, "files": 2, "validcache": 2, "lookup": 2, "schema": 3,
    "queries": 3, "initiative_list": 3, "edits": 3, "plan_rows": 3, "committee": 3, "as_of": 3, "store": 3,
    "sync": 4,
    "successor": 4, "state": 4, "meeting_words": 5, "final_report": 5, "changes": 5,
    "document": 5, "html_doc": 5, "docx_doc": 5, "formats": 5, "md": 5, "status_note": 5,
    "plan_document": 5, "charts": 5,
    "present": 5, "report": 5, "cli": 6, "serve": 6, "tui": 6, "__main__": 7, "__init__": 0,
}


def modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        name = ".".join(path.relative_to(PACKAGE).with_suffix("").parts)
        found[name] = path
    return found


def imports(name: str, path: Path) -> set[str]:
    """Every tracker module `name` imports, at the top or inside a function."""
    package = name.rsplit(".", 1)[0] if "." in name else ""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = package.split(".") if package else []
            base = base[: len(base) - (node.level - 1)] if node.level > 1 else base
            target = ".".join(base + ([node.module] if node.module else []))
            names = [target] if node.module else [".".join(base + [a.name]) for a in node.names]
            found.update(n for n in names if n)
            if node.module:
                found.update(f"{target}.{a.name}" for a in node.names)
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("tracker"):
            found.add(node.module.removeprefix("tracker.").removeprefix("tracker"))
    known = modules()
    return {n for n in found if n in known and n != name}


def layer(name: str) -> int:
    return LAYERS[name.split(".")[0]]


def test_every_module_has_a_layer():
    assert {n.split(".")[0] for n in modules()} <= set(LAYERS)


def test_nothing_imports_upward():
    upward = [(name, target) for name, path in modules().items()
              for target in imports(name, path) if layer(target) > layer(name)]
    assert upward == []


def test_the_import_graph_has_no_circles():
    graph = {name: imports(name, path) for name, path in modules().items()}
    circles = []

    def visit(node, trail):
        for target in graph[node]:
            if target in trail:
                circles.append(trail[trail.index(target):] + [target])
            elif len(trail) < 12:
                visit(target, trail + [target])

    for start in graph:
        visit(start, [start])
    assert circles == []


WRITES = re.compile(r"\b(INSERT(?: OR \w+)? INTO|UPDATE|DELETE FROM)\s+(tracking|owners|"
                    r"priorities|notes|audit|plan_base|conflicts|initiatives|objectives|meta|"
                    r"sync_runs|actions|decisions)\b")


def test_only_the_store_writes_to_the_database():
    writers = sorted(name for name, path in modules().items()
                     if WRITES.search(path.read_text(encoding="utf-8")))
    # schema: the migrations; plan_rows: the plan's own rows (a part of Store)
    assert writers == ["plan_rows", "schema", "store"]


# -- one writer, checked on the rule itself: who writes which table -------------------

TRACKING_TABLES = ("tracking", "owners", "priorities", "notes", "audit", "plan_base",
                   "conflicts", "actions", "decisions", "initiative_values", "meetings",
                   "agenda_items", "milestones")
WRITE_SQL = re.compile(r"\b(?:INSERT(?: OR \w+)? INTO|UPDATE|DELETE FROM)\s+(\{|\w+)")
# The writer and its private helpers: every change of tracking data goes through
# these (values, version, history rows and conflicts in one transaction).
THE_WRITER = {"Store.write", "Store.write_new_initiatives", "Store._write_value",
              "Store._settle_conflict", "Store._set_base"}
# Deliberate exceptions, named in the README: data the plan owns, not tracking data.
PLAN_OWNED = {"PlanRows.set_action_key": "which declared action of the plan an action is",
              "PlanRows.audit_plan_changes": "history rows for the plan's own text",
              "PlanRows._audit_plan": "history rows for the plan's own text",
              "PlanRows.set_archived": "an objective or initiative gone from the plan",
              "PlanRows.set_record_key": "which meeting or milestone of the plan a record is",
              "PlanRows.rename_in_records": "a record names an initiative the plan renamed"}


def sql_writes() -> list[tuple[str, str, str]]:
    """(module, Class.function, table) of every SQL write in the package's source;
    a table named by a variable is '{'."""
    return [w for name, path in modules().items()
            for w in writes_in(name, path.read_text(encoding="utf-8"))]


def writes_in(name: str, source: str) -> list[tuple[str, str, str]]:
    found = []
    tree = ast.parse(source)

    def visit(node, where):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            where = f"{where}.{node.name}" if where else node.name
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            texts = [node.value]
        elif isinstance(node, ast.JoinedStr):  # an f-string: its parts, {} for a value
            texts = ["".join(v.value if isinstance(v, ast.Constant) else "{"
                             for v in node.values)]
        else:
            texts = []
        for text in texts:
            for match in WRITE_SQL.finditer(text):
                found.append((name, where, match.group(1)))
        if not isinstance(node, ast.JoinedStr):
            for child in ast.iter_child_nodes(node):
                visit(child, where)

    visit(tree, "")
    return found


def test_only_the_writer_writes_tracking_data():
    outside = sorted({(module, where, table) for module, where, table in sql_writes()
                      if module != "schema"  # the migrations
                      and (table in TRACKING_TABLES or table == "{")
                      and where not in THE_WRITER and where not in PLAN_OWNED})
    assert outside == []


def test_the_writer_check_sees_a_write_outside_it():
    """The check above can fail: a helper that writes past the writer is seen."""
    code = ('class Store:\n    def sneaky(self, t):\n'
            '        self.db.execute("INSERT INTO notes(x) VALUES (1)")\n'
            '        self.db.execute(f"DELETE FROM {t} WHERE 1")\n')
    assert writes_in("store", code) == [("store", "Store.sneaky", "notes"),
                                        ("store", "Store.sneaky", "{")]
    writes = sql_writes()
    assert ("store", "Store.write", "tracking") in writes  # it reads real code
    assert any(w == "Store._write_value" and t == "{" for _, w, t in writes)


# -- one file, one job: sizes a maintainer can hold in mind --------------------------

MODULE_LINES, CLASS_LINES = 600, 400


def test_no_module_or_class_is_two_jobs():
    too_big = []
    for name, path in modules().items():
        source = path.read_text(encoding="utf-8")
        if source.count("\n") > MODULE_LINES:
            too_big.append((name, source.count("\n")))
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.ClassDef) and node.end_lineno - node.lineno + 1 > CLASS_LINES:
                too_big.append((f"{name}.{node.name}", node.end_lineno - node.lineno + 1))
    assert too_big == []


# -- errors are data; words are made where they are shown --------------------------------

WORDS_LAYER = 5  # present and report make the words
LAZY_WORDS = {("errors", "Said.__str__"), ("lookup", "MonthName.__str__")}


def test_nothing_below_present_makes_sentences():
    """Below `present`, a message is named (a catalogue key and values: `Said`), never
    worded: the words are made when a person is shown it, in their language."""
    wording = []
    for name, path in modules().items():
        if layer(name) >= WORDS_LAYER or name in ("catalogue", "texts") or \
                name.startswith("texts."):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))

        def visit(node, where):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                where = f"{where}.{node.name}" if where else node.name
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
                    and node.func.id == "t" and (name, where) not in LAZY_WORDS:
                wording.append((name, where))
            for child in ast.iter_child_nodes(node):
                visit(child, where)

        visit(tree, "")
    assert wording == []


def test_an_error_is_worded_in_the_language_it_is_shown_in(store):
    import pytest

    from tracker import catalogue
    from tracker.errors import TrackerError
    from tracker.model import Change

    with pytest.raises(TrackerError) as raised:
        store.edit("no-such-initiative", Change(note="x"), "anna", "cli")
    error = raised.value
    assert error.key == "err.unknown_initiative" and error.said.values["id"] == \
        "no-such-initiative"
    english = str(error)
    catalogue.use("da")
    try:
        assert str(error) != english and "ukendt" in str(error).lower()
    finally:
        catalogue.use("en")


def test_every_command_is_where_the_command_group_looks_for_it():
    import importlib

    from tracker.cli import shell

    for module in set(shell.COMMANDS.values()):
        importlib.import_module(f"tracker.cli.{module}")
    assert set(shell.main.commands) == set(shell.COMMANDS)
