"""Queries over staff-imported data: campus deployment records, official boundary polygons, the safe-passage
roster, campus incident records.

Staff imports live in their own DuckDB files under data/imports/ (git-ignored; `SAFETY_IMPORTS_DIR` points
elsewhere in tests), never in the published database. `run(db, name, **params)` runs queries/imports/<name>.sql
with that file ATTACHed read-only as `imports` — only when the file exists and is readable; otherwise it
returns None and the page shows the published facts alone. Named parameters only, like queries.run.

A database with a queries/imports/prepare/<db>.sql (campus_deployments) is instead read once per imported file
and process: the prepare script copies what the queries need from the file (attached as `src`) into an in-memory
`imports` database — for campus records, one row per campus/district/region/reason/position with its record
count — and the file is detached again. Queries then read that small copy: at 10 million synthetic records the
Deployments page's four aggregations take milliseconds instead of ~0.8 s (BENCHMARKS.md). A new import (a new
file swapped in) has a new identity and is prepared afresh on the next call.
"""

from __future__ import annotations

import logging
import re
import threading
from pathlib import Path

import duckdb
from cachetools import LRUCache

from data.layout import imports_dir
from queries import QueryError, QueryResult, _source_ids

SQL_DIR = Path(__file__).resolve().parent  # the .sql files beside this module
DATABASES = ("campus_deployments", "boundaries", "safe_passage_roster", "campus_incidents")
log = logging.getLogger("safety_dashboard")
_PARAM_RE = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
SQL = {p.stem: p.read_text(encoding="utf-8") for p in sorted(SQL_DIR.glob("*.sql"))}
PREPARE = {p.stem: p.read_text(encoding="utf-8") for p in sorted((SQL_DIR / "prepare").glob("*.sql"))}
_cache: LRUCache = LRUCache(64)
_lock = threading.Lock()
_prepared: dict[str, tuple[tuple, duckdb.DuckDBPyConnection]] = {}  # db -> (file identity, in-memory connection)
_prepare_lock = threading.Lock()


def db_file(db: str) -> Path:
    if db not in DATABASES:
        raise QueryError(f"There is no imported database named '{db}'.")
    return imports_dir() / f"{db}.duckdb"


def available(db: str) -> bool:
    return db_file(db).is_file()


def _identity(path: Path) -> tuple | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_ino, st.st_mtime_ns, st.st_size)


def versions() -> tuple:
    """The identity of each imported file (None where nothing is imported): it changes with every import."""
    return tuple(_identity(db_file(db)) for db in DATABASES)


def parameters(name: str) -> set[str]:
    return set(_PARAM_RE.findall(re.sub(r"--[^\n]*", "", SQL[name])))


def run(db: str, name: str, **params) -> QueryResult | None:
    """Run queries/imports/<name>.sql against the imported file `db`; None when nothing was imported."""
    if name not in SQL:
        raise QueryError(f"There is no import query named '{name}'.")
    wanted = parameters(name)
    if set(params) != wanted:
        raise QueryError(f"Import query '{name}' takes parameters {sorted(wanted)}, got {sorted(params)}.")
    path = db_file(db)
    try:
        st = path.stat()
    except FileNotFoundError:
        return None
    key = (str(path), st.st_ino, st.st_mtime_ns, st.st_size, name, tuple(sorted(params.items())))
    with _lock:
        hit = _cache.get(key)
    if hit is not None:
        return QueryResult(hit.frame.copy(), hit.source_ids)
    try:
        if db in PREPARE:
            cursor = _prepared_connection(db, path, key[:4]).cursor()
        else:
            # A private in-memory instance per call: the importer swaps the file atomically, and ATTACH opens
            # whichever file is there now (a cached duckdb.connect(path) could keep showing the old one).
            cursor = duckdb.connect(":memory:")
            cursor.execute("ATTACH $path AS imports (READ_ONLY)", {"path": str(path)})
        try:
            frame = cursor.execute(SQL[name], params or None).df()
        finally:
            cursor.close()
    except duckdb.Error:
        # A damaged import must not take the page down: the published facts still show; staff see the log.
        log.exception("staff import %s could not be read", path)
        return None
    result = QueryResult(frame, _source_ids(frame))
    with _lock:
        _cache[key] = result
    return QueryResult(frame.copy(), result.source_ids)


def _prepared_connection(db: str, path: Path, identity: tuple) -> duckdb.DuckDBPyConnection:
    """The in-memory copy of `db` prepared from the file with this identity (built on first use, under a lock)."""
    with _prepare_lock:
        held = _prepared.get(db)
        if held is not None and held[0] == identity:
            return held[1]
        con = duckdb.connect(":memory:")
        try:
            con.execute("ATTACH ':memory:' AS imports")
            con.execute("ATTACH $path AS src (READ_ONLY)", {"path": str(path)})
            con.execute(PREPARE[db])
            con.execute("DETACH src")  # nothing keeps the file open: the next import can replace it freely
        except BaseException:
            con.close()
            raise
        # The previous copy is not closed here: another session's thread may still be reading it through a
        # cursor; it is freed when the last reference goes.
        _prepared[db] = (identity, con)
        return con
