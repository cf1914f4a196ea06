"""Run many edits through the CLI's own code path, as one user in one process.

    python -m tests.helpers.edit_worker PLAN DB NAME COUNT
Prints one line per refused edit; exits 0 unless something unexpected escaped.
"""

import sys

from tracker.cli import main

IDS = ["haps", "kontaktlaege", "aabne-praksis", "kapacitetsmodeller"]
STATUSES = ["igangsat", "planlagt", "forsinket", "afsluttet"]


def run(plan: str, db: str, name: str, count: int) -> None:
    for i in range(count):
        # Half the edits go to the same initiative, the rest spread out.
        target = IDS[0] if i % 2 == 0 else IDS[i % len(IDS)]
        args = ["--plan", plan, "--db", db, "--user", name, "set", target,
                "--note", f"{name}-{i}"]
        if i % 3 == 0:
            args += ["--status", STATUSES[i % len(STATUSES)]]
        if i % 5 == 0:
            args += ["--priority", f"{2022 + i % 4}=high"]
        try:
            main(args, standalone_mode=False)
        except SystemExit as exc:
            if exc.code not in (0, None):
                print(f"exit {exc.code} on edit {i}", flush=True)


if __name__ == "__main__":
    run(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]))
