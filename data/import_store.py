"""Atomic writes of DuckDB files: the published database (data/build.py) and staff imports (data/imports/).

A new file is built beside the old one, checked, fsynced and swapped in with os.replace, so the app sees the
old file or the new one and never half of one; on any error the old file stays exactly as it was.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

import duckdb


def write_atomically(
    target: Path, fill: Callable[[duckdb.DuckDBPyConnection], None], suffix: str = ".importing"
) -> None:
    """Create a new DuckDB file with `fill(con)` (inside one transaction) and swap it in for `target`."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=target.name + ".", suffix=suffix, dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    tmp.unlink()  # DuckDB creates the file itself
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
    finally:
        for leftover in (tmp, Path(str(tmp) + ".wal")):
            if leftover.exists():
                leftover.unlink()


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
