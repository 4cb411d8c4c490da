"""The one way the app reads the database: `run("name", **params)` runs queries/name.sql.

- One question per .sql file, with named parameters ($name) only: values are bound, never formatted into SQL.
- One read-only connection per process, a cursor per call (DuckDB cursors are safe to use across threads).
- Results are cached per (database file, query, parameters); a rebuilt database (new file swapped in) is
  noticed on the next call and the connection reopened.
- Every result carries the source ids it drew on (its `source_id` / `*_source_id` / `source_ids` columns),
  so that the page can cite them.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd
from cachetools import LRUCache

from data.layout import default_db_path

QUERY_DIR = Path(__file__).resolve().parent
_PARAM_RE = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
_CACHE_SIZE = 256


class QueryError(Exception):
    """A query was asked for wrongly (unknown name, missing or extra parameters)."""


@dataclass(frozen=True)
class QueryResult:
    frame: pd.DataFrame
    source_ids: tuple[str, ...]
    # (database file identity, query name, parameters) for a result of run(): it names the frame's content
    # exactly, so components.memo can key a figure on it without hashing the frame. None for frames built
    # elsewhere.
    key: tuple | None = None


def db_path() -> Path:
    return default_db_path()


def _load_sql() -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(QUERY_DIR.glob("*.sql"))}


SQL = _load_sql()


def names() -> list[str]:
    return sorted(SQL)


def parameters(name: str) -> set[str]:
    return set(_PARAM_RE.findall(_strip_comments(SQL[name])))


def _strip_comments(sql: str) -> str:
    return re.sub(r"--[^\n]*", "", sql)


class _Reader:
    """Holds the process's read-only connection and reopens it when the file on disk is replaced."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._con: duckdb.DuckDBPyConnection | None = None
        self._identity: tuple | None = None
        self._path: Path | None = None
        self._cache: LRUCache = LRUCache(_CACHE_SIZE)

    def _file_identity(self, path: Path) -> tuple:
        st = path.stat()  # FileNotFoundError when the database is missing
        return (str(path), st.st_ino, st.st_mtime_ns, st.st_size)

    def open(self) -> tuple:
        """Open (or reopen, if the file was replaced) the connection; returns the file's identity."""
        path = db_path()
        identity = self._file_identity(path)
        with self._lock:
            if self._con is None or identity != self._identity:
                # A private in-memory instance with the file ATTACHed read-only: duckdb.connect(path) would hand
                # back DuckDB's cached instance of the *replaced* file. The old connection is dropped, not
                # closed: another thread may still be running a query on one of its cursors (closing it then
                # raises); it is freed when its last cursor is.
                con = duckdb.connect(":memory:")
                con.execute("ATTACH $path AS safety (READ_ONLY)", {"path": str(path)})
                self._con = con
                self._identity, self._path = identity, path
                self._cache.clear()
            return identity

    def cursor(self) -> duckdb.DuckDBPyConnection:
        with self._lock:
            cursor = self._con.cursor()
        cursor.execute("USE safety")  # the default database is per connection, so per cursor
        return cursor

    def cached(self, key):
        with self._lock:
            return self._cache.get(key)

    def store(self, key, value) -> None:
        with self._lock:
            self._cache[key] = value

    def close(self) -> None:
        with self._lock:
            if self._con is not None:
                self._con.close()
            self._con, self._identity, self._path = None, None, None
            self._cache.clear()


_reader = _Reader()


def reset() -> None:
    """Close the connection and drop the cache (tests; after pointing SAFETY_DB_PATH elsewhere)."""
    _reader.close()


def _freeze(value):
    if isinstance(value, (list, tuple)):
        return tuple(_freeze(v) for v in value)
    return value


def _source_ids(frame: pd.DataFrame) -> tuple[str, ...]:
    found: set[str] = set()
    for column in frame.columns:
        if column == "source_id" or column.endswith("_source_id"):
            found.update(v for v in frame[column].dropna().tolist() if v)
        elif column == "source_ids":
            for values in frame[column].dropna().tolist():
                found.update(v for v in values if v)
    return tuple(sorted(found))


def data_version() -> tuple:
    """The identity of the database file being read (path, inode, modification time, size): it changes with
    every rebuild or publish, so it can key anything derived from the published data."""
    return _reader.open()


def run(name: str, **params) -> QueryResult:
    """Run queries/<name>.sql with named parameters; returns a copy of the (cached) result.

    Treat the frame as read-only (copy it before changing it): its `key` says what it holds."""
    if name not in SQL:
        raise QueryError(f"There is no query named '{name}'.")
    wanted = parameters(name)
    if set(params) != wanted:
        raise QueryError(f"Query '{name}' takes parameters {sorted(wanted)}, got {sorted(params)}.")
    identity = _reader.open()
    key = (identity, name, tuple(sorted((k, _freeze(v)) for k, v in params.items())))
    hit = _reader.cached(key)
    if hit is None:
        cursor = _reader.cursor()
        try:
            frame = cursor.execute(SQL[name], params or None).df()
        finally:
            cursor.close()
        hit = QueryResult(frame, _source_ids(frame))
        _reader.store(key, hit)
    # A shallow copy is enough: with pandas 3's copy-on-write, a caller's change to it never reaches the cache.
    return QueryResult(hit.frame.copy(deep=False), hit.source_ids, ("db",) + key)
