"""Start-up and recovery: make sure the app has an up-to-date database, safely when many sessions and
processes start at once; finish a staff publish that was interrupted.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from pathlib import Path

import duckdb

from data.build import build, fingerprint
from data.layout import DATA_DIR, PUBLISH_JOURNAL, data_dir_default, default_db_path
from data.problems import BuildError
from data.publish.journal import db_lock, finish_interrupted

_stored_fingerprints: dict[tuple, str] = {}  # (path, inode, mtime_ns, size) -> fingerprint read from that file


def stored_fingerprint(db_path: Path) -> str | None:
    """The fingerprint the database was built from, or None if it is missing or unreadable.

    Remembered per file identity (inode, mtime, size): every new session asks (shell.database_ready), and opening
    the file to read one value cost 30-150 ms a session (BENCHMARKS.md); a rebuilt file (os.replace) or any
    change in place has a new identity and is read again.
    """
    try:
        st = os.stat(db_path)
    except OSError:
        return None
    identity = (str(db_path), st.st_ino, st.st_mtime_ns, st.st_size)
    known = _stored_fingerprints.get(identity)
    if known is not None:
        return known
    found = _read_stored_fingerprint(db_path)
    if found is not None:
        if len(_stored_fingerprints) > 64:
            _stored_fingerprints.clear()
        _stored_fingerprints[identity] = found
    return found


def _read_stored_fingerprint(db_path: Path) -> str | None:
    if not db_path.exists():
        return None
    # ATTACH from a private in-memory instance: duckdb.connect(path) would hand back a cached instance of the
    # file this process already has open, which still shows the pre-swap database after a rebuild elsewhere.
    con = duckdb.connect(":memory:")
    try:
        con.execute("ATTACH $path AS db (READ_ONLY)", {"path": str(db_path)})
        row = con.execute("SELECT fingerprint FROM db.build_info").fetchone()
        return row[0] if row else None
    except duckdb.Error:
        return None
    finally:
        con.close()


@dataclass(frozen=True)
class EnsureResult:
    action: str  # "current", "built", "rebuilt_damaged", "kept_previous"
    error: BuildError | None = None


_process_lock = threading.Lock()


def ensure_database(data_dir: Path | None = None, db_path: Path | None = None) -> EnsureResult:
    """Make sure an up-to-date database exists; safe when many sessions and processes call it at once.

    Builds when the file is missing, damaged, or built from other CSVs than those on disk. If the CSVs are
    broken but a previous database exists, that one is kept (action "kept_previous", with the error).
    Raises BuildError only when there is no usable database at all. The CSVs are those staff publish into
    (data/, or SAFETY_DATA_DIR), so a fresh session never rebuilds a published year away.
    """
    data_dir = Path(data_dir) if data_dir else data_dir_default()
    db_path = Path(db_path) if db_path else default_db_path()
    wanted = fingerprint(data_dir)
    pending = (data_dir / PUBLISH_JOURNAL).exists()
    if not pending and stored_fingerprint(db_path) == wanted:
        return EnsureResult("current")
    db_path.parent.mkdir(parents=True, exist_ok=True)
    with _process_lock, db_lock(db_path):  # one builder at a time, across processes
        if (data_dir / PUBLISH_JOURNAL).exists():  # a staff publish was interrupted: finish it first
            finish_interrupted(data_dir, db_path)
            wanted = fingerprint(data_dir)
        existing = stored_fingerprint(db_path)
        if existing == wanted:  # another process built it while we waited
            return EnsureResult("current")
        damaged = db_path.exists() and existing is None
        try:
            build(data_dir, db_path)
        except BuildError as exc:
            if existing is not None:
                return EnsureResult("kept_previous", exc)
            raise
        return EnsureResult("rebuilt_damaged" if damaged else "built")


def recover(data_dir: Path = DATA_DIR, db_path: Path | None = None) -> str | None:
    """Finish an interrupted publish (if any) and bring the database up to date. Returns the version id."""
    db_path = Path(db_path) if db_path else default_db_path()
    with db_lock(db_path):
        completed = finish_interrupted(data_dir, db_path)
    ensure_database(data_dir, db_path)
    return completed
