"""The publish journal: atomic file writes, the database lock, and rolling an interrupted publish forward.

While a publish swaps data in, data/.publish-pending.json names the version being published. Killed anywhere
after the journal is written, the next start (data.startup.ensure_database, `python -m data.publish recover`,
the staff page) makes data/*.csv equal to that version's CSVs and rebuilds the database from them.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
from pathlib import Path

from data.import_store import remove_leftovers, temp_name
from data.layout import DATA_DIR, PUBLISH_JOURNAL, csv_paths, history_dir


def fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_file(path: Path, data: bytes) -> None:
    """Replace `path` with `data` atomically (temp file beside it, fsync, os.replace). The temp file's name carries
    this process's id, so the next start removes it only if this process was killed (import_store.remove_leftovers)."""
    tmp = str(temp_name(path.parent / f".{path.name}", ".publishing"))
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


@contextlib.contextmanager
def flock(path: Path):
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        yield


def db_lock(db_path: Path):
    """The lock data.startup.ensure_database holds while it builds: one writer of the database at a time."""
    return flock(db_path.parent / f".{db_path.name}.lock")


def crash_point(name: str) -> None:
    """Fault injection for tests: SAFETY_PUBLISH_CRASH_AT=<name> kills this process here, like a power cut."""
    if os.environ.get("SAFETY_PUBLISH_CRASH_AT") == name:
        os.kill(os.getpid(), 9)


def apply_version(version_dir: Path, data_dir: Path) -> list[str]:
    """Make data/*.csv equal to the version's CSVs (only files that differ are written). Returns their stems."""
    written = []
    for path in csv_paths(data_dir):
        source = version_dir / path.name
        if not source.exists():
            continue
        new = source.read_bytes()
        if not path.exists() or path.read_bytes() != new:
            write_file(path, new)
            written.append(path.stem)
            crash_point("mid-apply")
    fsync_dir(data_dir)
    return written


def _cleanup_leftovers(data_dir: Path, db_path: Path | None) -> None:
    remove_leftovers(data_dir)
    if db_path is not None:
        remove_leftovers(db_path.parent)


def finish_interrupted(data_dir: Path = DATA_DIR, db_path: Path | None = None) -> str | None:
    """Roll an interrupted publish forward. The caller holds the database lock (ensure_database does).

    Returns the version id that was completed, or None when nothing was pending.
    """
    data_dir = Path(data_dir)
    journal = data_dir / PUBLISH_JOURNAL
    if not journal.exists():
        return None
    try:
        version = json.loads(journal.read_text(encoding="utf-8"))["version"]
    except (ValueError, KeyError, OSError):
        version = None
    folder = history_dir(data_dir) / version if version else None
    completed = None
    if folder is not None and (folder / "manifest.json").exists():
        apply_version(folder, data_dir)
        completed = version
    _cleanup_leftovers(data_dir, db_path)
    journal.unlink(missing_ok=True)
    fsync_dir(data_dir)
    return completed
