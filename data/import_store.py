"""Atomic writes of DuckDB files: the published database (data/build.py) and staff imports (data/imports/).

A new file is built beside the old one, checked, fsynced and swapped in with os.replace, so the app sees the
old file or the new one and never half of one; on any error the old file stays exactly as it was. A full disk or a
read-only folder is said plainly (StorageError), never as an error number.

A temporary file's name carries the id of the process writing it (`<target>.<pid>-<random>.building`), so the next
start can remove what a killed build or import left behind without touching one still being written
(`remove_leftovers`).
"""

from __future__ import annotations

import os
import re
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import duckdb

from data.problems import StorageError, storage_problem

# Temporary files of killed writers: builds, imports, publish copies (data/publish/journal.py), with DuckDB's .wal.
LEFTOVER_PATTERNS = ("*.building*", "*.importing*", ".*.publishing*")
_PID_RE = re.compile(r"\.(\d+)-[0-9a-f]{8}[.]")
STALE_SECONDS = 600  # a leftover without a process id in its name (an older version's) is removed after this


def temp_name(target: Path, suffix: str) -> Path:
    return target.parent / f"{target.name}.{os.getpid()}-{uuid.uuid4().hex[:8]}{suffix}"


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's live process
        return True
    return True


def remove_leftovers(folder: Path) -> list[str]:
    """Remove temporary files that killed builds, imports and publishes left in `folder`. Returns their names.

    A file whose writer is still running (its process id is in the name) is kept."""
    removed: list[str] = []
    if not folder.is_dir():
        return removed
    now = time.time()
    for pattern in LEFTOVER_PATTERNS:
        for path in folder.glob(pattern):
            match = _PID_RE.search(path.name)
            try:
                if match and _alive(int(match.group(1))):
                    continue
                if not match and now - path.stat().st_mtime < STALE_SECONDS:
                    continue
                path.unlink()
                removed.append(path.name)
            except OSError:  # gone already, or a read-only folder: nothing to do
                continue
    return removed


def _display(target: Path) -> str:
    parts = target.parts
    return "/".join(parts[-2:]) if len(parts) >= 2 else str(target)


def write_atomically(
    target: Path, fill: Callable[[duckdb.DuckDBPyConnection], None], suffix: str = ".importing"
) -> None:
    """Create a new DuckDB file with `fill(con)` (inside one transaction) and swap it in for `target`.

    Raises StorageError (plain words) when the disk is full or the folder cannot be written."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError([storage_problem(exc, _display(target))]) from None
    tmp = temp_name(target, suffix)
    try:
        con = duckdb.connect(str(tmp))
        try:
            con.execute("BEGIN TRANSACTION")
            fill(con)
            con.execute("COMMIT")
            con.execute("CHECKPOINT")
        finally:
            con.close()
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, target)
        dir_fd = os.open(target.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
    except (OSError, duckdb.IOException, duckdb.PermissionException) as exc:
        raise StorageError([storage_problem(exc, _display(target))]) from None
    finally:
        for leftover in (tmp, Path(str(tmp) + ".wal")):
            try:
                leftover.unlink()
            except FileNotFoundError:
                pass
            except OSError:
                pass


def read_existing(target: Path, sql: str) -> list[tuple]:
    """Rows from the current file (empty if there is none), read through a private in-memory instance."""
    if not target.is_file():
        return []
    con = duckdb.connect(":memory:")
    try:
        con.execute("ATTACH $p AS old (READ_ONLY)", {"p": str(target)})
        return con.execute(sql).fetchall()
    finally:
        con.close()
