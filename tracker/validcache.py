"""Remember plan files found valid, so checking an unchanged file again — the
pre-commit hook on every commit, CI on every push — costs a hash, not a parse.

An entry is keyed by the file's bytes *and* the validator's own source, so a
tracker with other rules never trusts an old answer. Only valid files are
remembered (a file with problems is read again, for its messages). The cache
lives in $XDG_CACHE_HOME/tracker (else ~/.cache/tracker); if it cannot be
read or written, validation simply runs.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import sys
from pathlib import Path

# The modules whose code decides what is valid and what a plan holds.
VALIDATOR = ("plan.py", "yamlsafe.py", "vocabulary.py", "marks.py", "errors.py",
             "validcache.py")


def folder() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "tracker" / "valid"


@functools.lru_cache(maxsize=1)
def fingerprint() -> str:
    digest = hashlib.sha256(sys.version.encode())
    here = Path(__file__).parent
    for name in VALIDATOR:
        digest.update((here / name).read_bytes())
    return digest.hexdigest()


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _entry(data: bytes) -> Path:
    return folder() / hashlib.sha256(fingerprint().encode() + data).hexdigest()


def remembered(data: bytes) -> dict | None:
    """What was found when these very bytes were last found valid, or None."""
    try:
        return json.loads(_entry(data).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def remember(data: bytes, summary: dict) -> None:
    """Keep `summary` (the counts the 'valid' line shows) for these bytes."""
    entry = _entry(data)
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        partial = entry.with_name(f".{entry.name}.{os.getpid()}")
        partial.write_text(json.dumps(summary), encoding="utf-8")
        os.replace(partial, entry)
    except OSError:
        pass  # a read-only home: validating again next time is fine
