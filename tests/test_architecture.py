"""The house rules, checked by reading the code: layers, no import circles, one
module with SQL that writes."""

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "tracker"

# Lower layers never import higher ones (README "How it works").
LAYERS = {
    "errors": 0, "marks": 0, "bulk": 0, "catalogue": 0, "vocabulary": 0, "model": 1, "merge": 1,
    "yamlsafe": 2, "plan": 2, "files": 2, "validcache": 2, "schema": 3, "store": 3, "sync": 4, "state": 4,
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
    assert writers == ["schema", "store"]  # schema: the migrations only
