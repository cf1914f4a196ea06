"""Synthetic plans of any size, valid under the tracker's schema.

    python -m bench.synthetic 10000 > /tmp/plan-10000.yaml
"""

from __future__ import annotations

import random
import sys

STATUSES = ["ikke påbegyndt", "planlagt", "igangsat", "forsinket", "afsluttet"]
# As long as the bundled plan's agreed texts (its descriptions run 150-400 characters).
DESCRIPTION = ("der har til formål at skabe bedre sammenhængende patientforløb ved at styrke "
               "samarbejdet mellem almen praksis og hospitalerne indenfor otte temaer, herunder "
               "rådgivning, henvisninger, epikriser og adgang til diagnostiske tilbud, som "
               "parterne følger op på i implementeringsplanen")
LEVELS = ["high", "medium", "low", "none"]


def plan_text(initiatives: int, objectives: int = 10, seed: int = 1,
              declare_tracking: bool = True) -> str:
    """A plan with `initiatives` spread over `objectives`, deterministic for a seed."""
    rng = random.Random(seed)
    lines = [
        "plan:",
        f"  title: Syntetisk plan med {initiatives} indsatser",
        "  region: Region Test",
        "  period: 2022-2025",
        "  adopted: 2021-12-17",
        "parties:",
        "  - {id: region, name: Regionen}",
        "  - {id: kommunerne, name: Kommunerne}",
        "  - {id: plo, name: PLO}",
        "objectives:",
    ]
    per_objective = [initiatives // objectives + (1 if n < initiatives % objectives else 0)
                     for n in range(objectives)]
    count = 0
    for number, size in enumerate(per_objective, 1):
        lines += [f"  - id: m{number}", f"    number: {number}",
                  f"    short: Målsætning {number}",
                  f"    title: At målsætning {number} opfyldes til gavn for borgerne",
                  "    initiatives:" if size else "    initiatives: []"]
        for _ in range(size):
            count += 1
            # Past 50,000 a shorter title keeps the file under the 20 MB a plan may be.
            title = (f"Indsats nummer {count} om lægedækning." if initiatives > 50_000 else
                     f"Der samarbejdes om indsats nummer {count} med fokus på "
                     "lægedækning og tilgængelighed i almen praksis.")
            lines += [f"      - id: indsats-{count:05d}",
                      f"        kind: {'projekt' if count % 7 == 0 else 'aftalt indsats'}",
                      f"        short: Indsats {count}",
                      f"        title: {title}"]
            if initiatives <= 50_000:  # (past that, the file would pass the 20 MB a plan may be)
                lines.append(f"        description: Indsats {count} {DESCRIPTION}.")
            if declare_tracking and count % 3 == 0:
                lines += [f"        status: {rng.choice(STATUSES)}",
                          f"        owners: [{rng.choice(['region', 'plo', 'kommunerne'])}]",
                          f"        priorities: {{{2022 + count % 4}: {rng.choice(LEVELS)}}}"]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.stdout.write(plan_text(int(sys.argv[1]) if len(sys.argv) > 1 else 1000))
