"""Writing the files people ask for (reports, state, backups): only where they
meant, and all or nothing.

One rule, `check_target`, says where a file may be written; every command and
dialog that writes a file asks it first. Never the database (or its -wal/-shm),
never the plan, never into the backups folder, never over a folder, a device,
a FIFO or a socket.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import time
from dataclasses import dataclass
from pathlib import Path

from .errors import Said, TrackerError

PARTIAL = ".partial"  # a file being written; renamed when complete
STALE_SECONDS = 60  # a partial file this old was left by a killed writer


def backups_folder(db: Path) -> Path:
    """Where the database's backups go: `<name>-backups/` beside it."""
    return Path(db).with_name(f"{Path(db).stem}-backups")


def reports_folder(db: Path) -> Path:
    """Where a served tracker writes exports unless told otherwise."""
    return Path(db).with_name(f"{Path(db).stem}-reports")


@dataclass(frozen=True)
class Guard:
    """The tracker's own files, which no export or backup may replace."""

    db: Path
    plan: Path | None = None
    before: "Guard | None" = None  # the plan this one follows, and its database

    def refusal(self, target: Path) -> str | None:
        """Why `target` is one of them (a catalogue key), or None."""
        if self.before is not None and self.before.refusal(target):
            return self.before.refusal(target)
        where = _real(target)
        db = _real(self.db)
        if where in {db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm"),
                     db.with_name(db.name + "-journal")}:
            return "files.is_database"
        if self.plan is not None and where == _real(self.plan):
            return "files.is_plan"
        backups = _real(backups_folder(self.db))
        if where == backups or backups in where.parents:  # also its name, before it exists
            return "files.in_backups"
        return None


def _real(path: Path) -> Path:
    return Path(os.path.realpath(path))


def check_target(path: Path, guard: Guard | None) -> Path:
    """`path` if a new file may be written there, else one TrackerError saying why."""
    if str(path).endswith(("/", os.sep)):  # "out.md/" means a folder: Path() drops the /
        raise TrackerError("cli.cannot_write", path=path, reason=Said("cli.is_folder"))
    path = Path(path)
    try:
        if guard is not None:
            why = guard.refusal(path)
            if why:
                raise TrackerError(why, path=path)
        if not path.parent.is_dir():
            raise TrackerError("cli.no_folder", path=path, folder=path.parent)
        # Room for the temporary name beside it (".NAME.xxxxxxxx.partial").
        if len(os.fsencode(path.name)) + 20 > _name_max(path.parent):
            raise OSError(errno.ENAMETOOLONG, os.strerror(errno.ENAMETOOLONG))
        try:
            mode = os.stat(path).st_mode
        except FileNotFoundError:
            return path
        if stat.S_ISDIR(mode):
            raise TrackerError("cli.cannot_write", path=path, reason=Said("cli.is_folder"))
        if not stat.S_ISREG(mode):
            raise TrackerError("files.not_regular", path=path)
        return path
    except OSError as exc:
        raise _os_problem(path, exc) from None


def _name_max(folder: Path) -> int:
    try:
        return os.pathconf(folder, "PC_NAME_MAX")
    except (OSError, ValueError):
        return 255


def _os_problem(path: Path, exc: OSError) -> TrackerError:
    if exc.errno == errno.ENAMETOOLONG:
        return TrackerError("files.name_too_long", name=_shortened(path.name))
    return TrackerError("cli.cannot_write", path=path, reason=exc.strerror or exc)


def _shortened(name: str) -> str:
    return name if len(name) <= 40 else f"{name[:20]}…{name[-12:]}"


def write_file(path: Path, text, guard: Guard | None) -> None:
    """Write all or nothing where `check_target` allows: a temporary file beside
    it, then a rename. Nothing half-written is left, whatever stops the write.
    `text`: a str, bytes (Word, PDF), or pieces of str written one by one."""
    import tempfile  # (here: every command and the screen import this module, few write)

    path = check_target(path, guard)
    sweep_partials(path)
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=PARTIAL)
        # mkstemp makes a private (0600) file; a report is for the group, so it
        # gets the permissions any other program would give it (the umask).
        os.fchmod(fd, 0o666 & ~_umask())
        if isinstance(text, bytes):  # a Word or PDF file
            with os.fdopen(fd, "wb") as f:
                f.write(text)
        elif isinstance(text, str):
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                f.write(text)
        else:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                for piece in text:
                    f.write(piece)
        os.replace(tmp, path)
        tmp = None
    except OSError as exc:
        raise _os_problem(path, exc) from None
    finally:
        if tmp is not None:  # failed or interrupted: nothing half-written left behind
            try:
                os.unlink(tmp)
            except OSError:
                pass


def sweep_partials(path: Path) -> None:
    """Remove what a killed write of `path` left (`.NAME.xxxx.partial`), once it
    is old enough that no running write can own it."""
    limit = time.time() - STALE_SECONDS
    try:
        left = list(path.parent.glob(f".{glob_escape(path.name)}.*{PARTIAL}"))
    except OSError:
        return
    for leftover in left:
        try:
            if leftover.lstat().st_mtime < limit:
                leftover.unlink()
        except OSError:
            pass


def glob_escape(name: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", name)


SAFE_NAME = re.compile(r"[^\w .()+-]")  # no comma: a browser refuses it unquoted


def served_target(folder: Path, typed: str, suffix: str) -> Path:
    """Where a browser user's export goes: a plain file name in the reports
    folder, never an absolute path, `..` or another folder."""
    name = typed.strip()
    if not name or "/" in name or "\\" in name or name in {".", ".."} or "\x00" in name:
        raise TrackerError("files.served_name", name=_shortened(name))
    name = SAFE_NAME.sub("_", name).lstrip(".-") or "report"
    if not name.lower().endswith((suffix, ".html", ".docx")):  # the formats offered
        name += suffix
    if len(name.encode("utf-8")) > 200:
        raise TrackerError("files.name_too_long", name=_shortened(name))
    ensure_folder(folder, "files.no_reports")
    return folder / name


def ensure_folder(folder: Path, problem: str) -> None:
    """`folder` made if missing; if it cannot be (a file of that name, no parent,
    no permission), one TrackerError `problem` with the folder and the reason."""
    try:
        folder.mkdir(exist_ok=True)
        if not folder.is_dir():
            raise FileExistsError(f"{folder} is not a folder")
    except OSError as exc:
        raise TrackerError(problem, folder=folder, reason=exc.strerror or exc) from None


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
