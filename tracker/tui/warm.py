"""A tab started before anyone asks for it (`tracker serve --warm N`).

Starting a tab costs about 0.35 s of CPU, nearly all of it importing Textual and
the app; when forty people open the tracker at once, the last waits for all of
them. A warm process does that work first, opens the database, and then waits on
its standard input for one line saying who it is for and how large the screen
is. Only then does it check the plan file and start the app, as `tracker tui`
would, as that person. Everything after that line is the browser's, as for any
tab. The line is read a byte at a time, so not one byte of what follows is taken
from the app.

    python -m tracker.tui.warm --plan P --db D --lang da [--reports DIR]
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path


def handoff() -> dict | None:
    """The one line the server writes when a tab takes this process, or None if
    the server went away first (its end of the pipe closed)."""
    line = bytearray()
    while not line.endswith(b"\n"):
        byte = os.read(0, 1)
        if not byte:
            return None
        line += byte
        if len(line) > 4096:  # not the server's: stop
            return None
    try:
        found = json.loads(line)
    except ValueError:
        return None
    return found if isinstance(found, dict) else None


def main(argv: list[str]) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="tracker.tui.warm")
    parser.add_argument("--plan", required=True, type=Path)
    parser.add_argument("--db", required=True, type=Path)
    parser.add_argument("--lang", required=True)
    parser.add_argument("--reports", type=Path)
    options = parser.parse_args(argv)

    from .. import catalogue, present
    from ..errors import TrackerError
    from ..plan import PlanInvalid
    from ..store import open_store
    from ..sync import ensure_synced
    from .app import TrackerApp

    catalogue.use(options.lang if options.lang in catalogue.LANGUAGES else "en")
    store = open_store(options.db)
    store.info  # the plan's words read now, not when the tab waits for its screen
    asked = handoff()
    if asked is None:
        return 0
    os.environ["COLUMNS"] = str(asked.get("width", 80))  # the web driver's first size
    os.environ["ROWS"] = str(asked.get("height", 24))
    user = str(asked.get("user", ""))
    try:
        result = ensure_synced(store, options.plan, user)  # the plan as it is now
    except PlanInvalid as exc:  # as `tracker tui` says it: the file's problems, one a line
        sys.stderr.write("\n".join(exc.lines()) + "\n")
        return 1
    except TrackerError as exc:
        sys.stderr.write(present.explain(exc, None) + "\n")
        return 1
    TrackerApp(store, options.plan, user, result, reports=options.reports).run()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
