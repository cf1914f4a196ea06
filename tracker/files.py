"""Writing the files people ask for (reports, state), all or nothing."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .catalogue import t
from .errors import TrackerError


def write_file(path: Path, text: str) -> None:
    """Write all or nothing: a temporary file beside it, then a rename."""
    path = Path(path)
    if not path.parent.exists():
        raise TrackerError(t("cli.no_folder", path=path, folder=path.parent))
    if path.is_dir():
        raise TrackerError(t("cli.cannot_write", path=path, reason=t("cli.is_folder")))
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
        # mkstemp makes a private (0600) file; a report is for the group, so it
        # gets the permissions any other program would give it (the umask).
        os.fchmod(fd, 0o666 & ~_umask())
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, path)
    except OSError as exc:
        if tmp and os.path.exists(tmp):
            os.unlink(tmp)  # nothing half-written left behind
        raise TrackerError(t("cli.cannot_write", path=path, reason=exc.strerror)) from None


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
