"""Start-up and recovery: make sure the app has an up-to-date, undamaged database, safely when many sessions and
processes start at once; finish a staff publish that was interrupted; heal what a crash or a bad copy left.

At the first start of a process, and whenever the file changes:

- leftovers of killed builds, imports and publishes (`*.building*`, `*.importing*`, `.*.publishing*`) are removed
  (data/import_store.py keeps a file whose writer is still running);
- the database is checked end to end (`healthy`): every table is read to its end, and its row count and content
  digest must equal those the build stored (table build_content), and its fingerprint must equal the CSVs'. A file
  damaged in the middle (a bad copy) fails this even when its small fingerprint table still reads;
- a damaged or missing file is rebuilt from the CSVs, or, when they are broken, from the newest good version in
  data/history;
- when the data folder cannot be written (read-only), a healthy database is served as it is, and a damaged one is
  rebuilt into a folder that can be written (the system's temporary folder) and served from there. The staff page
  says why (`last_result`).
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import logging
import os
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from data.build import CONTENT_TABLE, build, content_digests, fingerprint
from data.import_store import remove_leftovers
from data.layout import (
    DATA_DIR,
    DB_NAME,
    PUBLISH_JOURNAL,
    configured_db_path,
    data_dir_default,
    history_dir,
    imports_dir,
    serve_from,
)
from data.problems import BuildError, Problem, ProblemsError, StorageError
from data.publish.journal import finish_interrupted

log = logging.getLogger("safety_dashboard")

_stored_fingerprints: dict[tuple, str] = {}  # (path, inode, mtime_ns, size) -> fingerprint read from that file
_health: dict[tuple, bool] = {}  # (path, inode, mtime_ns, size) -> passed the end-to-end check


def _identity(db_path: Path) -> tuple | None:
    try:
        st = os.stat(db_path)
    except OSError:
        return None
    return (str(db_path), st.st_ino, st.st_mtime_ns, st.st_size)


def stored_fingerprint(db_path: Path) -> str | None:
    """The fingerprint the database was built from, or None if it is missing or unreadable.

    Remembered per file identity (inode, mtime, size): every new session asks (shell.database_ready), and opening
    the file to read one value cost 30-150 ms a session (BENCHMARKS.md); a rebuilt file (os.replace) or any
    change in place has a new identity and is read again.
    """
    identity = _identity(db_path)
    if identity is None:
        return None
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


def healthy(db_path: Path) -> bool:
    """True when every table of the file reads to its end with the row count and content digest the build stored.
    Checked once per file identity and process (about 0.1 s)."""
    identity = _identity(db_path)
    if identity is None:
        return False
    known = _health.get(identity)
    if known is not None:
        return known
    result = _check_end_to_end(db_path)
    if len(_health) > 64:
        _health.clear()
    _health[identity] = result
    return result


def _check_end_to_end(db_path: Path) -> bool:
    con = duckdb.connect(":memory:")
    try:
        con.execute("ATTACH $path AS db (READ_ONLY)", {"path": str(db_path)})
        stored = {t: (n, d) for t, n, d in con.execute(f"SELECT * FROM db.{CONTENT_TABLE}").fetchall()}
        counts = json.loads(con.execute("SELECT row_counts FROM db.build_info").fetchone()[0])
        found = content_digests(con, "db")
        views = [
            v
            for (v,) in con.execute(
                "SELECT view_name FROM duckdb_views() WHERE database_name = 'db' AND NOT internal"
            ).fetchall()
        ]
        for view in views:
            con.execute(f'SELECT count(*) FROM db."{view}"').fetchone()
    except (duckdb.Error, TypeError, ValueError) as exc:
        log.warning("database %s failed the start-up check: %s", db_path, str(exc).split("\n")[0])
        return False
    finally:
        con.close()
    if found != stored or any(found[t][0] != n for t, n in counts.items() if t in found):
        log.warning("database %s does not hold what its build stored (damaged)", db_path)
        return False
    return True


@dataclass(frozen=True)
class EnsureResult:
    # current, built, rebuilt_damaged, rebuilt_from_history, kept_previous, served_elsewhere
    action: str
    error: ProblemsError | None = None
    reason: str = ""  # for kept_previous / served_elsewhere: "csv_problems", "read_only" or "damaged"
    removed: tuple[str, ...] = field(default_factory=tuple)  # leftover temporary files removed at this start
    served: str = ""  # the database file served, when not the configured one


_process_lock = threading.Lock()
_state: dict[str, object] = {"last": None, "cleaned": False}


def last_result() -> EnsureResult | None:
    """What the last start-up check in this process found (the staff page shows it)."""
    return _state["last"]


def _remember(result: EnsureResult) -> EnsureResult:
    _state["last"] = result
    if result.action in ("kept_previous", "served_elsewhere", "rebuilt_damaged", "rebuilt_from_history"):
        log.warning("start-up: %s (%s) %s", result.action, result.reason, result.error or "")
    return result


def cleanup(data_dir: Path, db_path: Path) -> tuple[str, ...]:
    """Remove what killed builds, imports and publishes left behind (never a file still being written)."""
    removed: list[str] = []
    for folder in dict.fromkeys((db_path.parent, Path(data_dir), imports_dir())):
        removed += remove_leftovers(folder)
    return tuple(removed)


@contextlib.contextmanager
def _lock_if_writable(db_path: Path):
    """The database lock (one builder at a time, across processes); yields False when the folder is read-only."""
    lock = db_path.parent / f".{db_path.name}.lock"
    try:
        db_path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(lock, os.O_WRONLY | os.O_CREAT, 0o644)
    except OSError:
        yield False
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield True
    finally:
        os.close(fd)


def fallback_db_path() -> Path:
    """Where a database is rebuilt when the data folder is read-only and its own file is damaged."""
    return Path(tempfile.gettempdir()) / f"lausd-safety-{os.getuid()}" / DB_NAME


def ensure_database(data_dir: Path | None = None, db_path: Path | None = None) -> EnsureResult:
    """Make sure an up-to-date, undamaged database is served; safe when many sessions and processes call it at once.

    Raises BuildError only when there is no usable database at all (no good file, broken CSVs, no history).
    `data_dir`: default data_dir_default() (SAFETY_DATA_DIR), the folder staff publishing writes to."""
    data_dir = Path(data_dir) if data_dir else data_dir_default()
    db_path = Path(db_path) if db_path else configured_db_path()
    removed: tuple[str, ...] = ()
    if not _state["cleaned"]:
        _state["cleaned"] = True
        removed = cleanup(data_dir, db_path)
    wanted = fingerprint(data_dir)
    pending = (data_dir / PUBLISH_JOURNAL).exists()
    if not pending and stored_fingerprint(db_path) == wanted and healthy(db_path):
        serve_from(None)
        return _remember(EnsureResult("current", removed=removed))
    with _process_lock, _lock_if_writable(db_path) as writable:
        if not writable:
            return _remember(_read_only(data_dir, db_path, wanted, removed))
        removed += cleanup(data_dir, db_path)
        if (data_dir / PUBLISH_JOURNAL).exists():  # a staff publish was interrupted: finish it first
            finish_interrupted(data_dir, db_path)
            wanted = fingerprint(data_dir)
        existing = stored_fingerprint(db_path)
        good = existing is not None and healthy(db_path)
        if existing == wanted and good:  # another process built it while we waited
            serve_from(None)
            return _remember(EnsureResult("current", removed=removed))
        damaged = db_path.exists() and not good
        try:
            build(data_dir, db_path)
        except BuildError as exc:
            if good:
                serve_from(None)
                return _remember(EnsureResult("kept_previous", exc, "csv_problems", removed))
            if _build_from_history(data_dir, db_path):
                serve_from(None)
                return _remember(EnsureResult("rebuilt_from_history", exc, "csv_problems", removed))
            raise
        except StorageError as exc:
            if good:
                serve_from(None)
                return _remember(EnsureResult("kept_previous", exc, "read_only", removed))
            return _remember(_elsewhere(data_dir, exc, removed))
        serve_from(None)
        return _remember(EnsureResult("rebuilt_damaged" if damaged else "built", removed=removed))


def _read_only(data_dir: Path, db_path: Path, wanted: str, removed: tuple[str, ...]) -> EnsureResult:
    """The data folder cannot be written: serve the database as it is when it is good, else rebuild elsewhere."""
    why = StorageError([Problem.of(str(db_path.parent), "storage.read_only", what=str(db_path.parent))])
    if stored_fingerprint(db_path) is not None and healthy(db_path):
        serve_from(None)
        if stored_fingerprint(db_path) == wanted:
            return EnsureResult("current", removed=removed)
        return EnsureResult("kept_previous", why, "read_only", removed)
    return _elsewhere(data_dir, why, removed)


def _elsewhere(data_dir: Path, why: ProblemsError, removed: tuple[str, ...]) -> EnsureResult:
    """Rebuild into the fallback folder and serve that file (the configured one is damaged and cannot be written)."""
    target = fallback_db_path()
    if stored_fingerprint(target) != fingerprint(data_dir) or not healthy(target):
        try:
            build(data_dir, target)
        except BuildError:
            if not _build_from_history(data_dir, target):
                raise
    serve_from(target)
    return EnsureResult("served_elsewhere", why, "damaged", removed, str(target))


def _build_from_history(data_dir: Path, db_path: Path) -> bool:
    """Build the newest kept version that still builds (a last good version). True when one did."""
    hist = history_dir(data_dir)
    if not hist.is_dir():
        return False
    for folder in sorted((p for p in hist.iterdir() if (p / "manifest.json").exists()), reverse=True):
        try:
            build(folder, db_path)
            return True
        except BuildError:
            continue
    return False


def recover(data_dir: Path = DATA_DIR, db_path: Path | None = None) -> str | None:
    """Finish an interrupted publish (if any) and bring the database up to date. Returns the version id."""
    db_path = Path(db_path) if db_path else configured_db_path()
    with _lock_if_writable(db_path):
        completed = finish_interrupted(data_dir, db_path)
    ensure_database(data_dir, db_path)
    return completed
