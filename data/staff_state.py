"""Staff sign-in limits and the audit log, in one small SQLite file that survives new sessions and restarts.

The file is data/staff_state.sqlite3 (git-ignored), or the path in SAFETY_STAFF_STATE (tests; a shared volume when
several app servers run). Two tables:

- attempts: every password attempt (when, from which client, whether it succeeded). An attempt is written as a
  failure *before* the password is checked, in the same transaction that counts the recent failures, so parallel
  guesses cannot slip past the limit; a correct password then marks it as a success.
  Limits: FAILURES_PER_CLIENT failed attempts per client, and FAILURES_ALL_CLIENTS from all clients together, in
  the last WINDOW_SECONDS; over either, no password is checked until the window has passed.
- audit: every sign-in attempt and every publish and restore (when, who, from where, what, outcome), which the staff
  page shows and `python -m data.staff_state` prints.

When the file cannot be written, sign-in is refused (it cannot be limited) and the reason is said plainly.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import getpass
import os
import socket
import sqlite3
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from data.layout import DATA_DIR

STATE_ENV = "SAFETY_STAFF_STATE"
FAILURES_PER_CLIENT = 5
FAILURES_ALL_CLIENTS = 20
WINDOW_SECONDS = 15 * 60
UNKNOWN_CLIENT = "unknown"
MAX_DETAIL = 500


def state_path() -> Path:
    env = os.environ.get(STATE_ENV)
    return Path(env) if env else DATA_DIR / "staff_state.sqlite3"


class StateUnavailable(Exception):
    """The sign-in record cannot be read or written (the message says why, in words)."""


SCHEMA = """
CREATE TABLE IF NOT EXISTS attempts (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    at      REAL NOT NULL,
    client  TEXT NOT NULL,
    ok      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS attempts_at ON attempts (at);
CREATE TABLE IF NOT EXISTS audit (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    at      TEXT NOT NULL,
    who     TEXT NOT NULL,
    client  TEXT NOT NULL,
    action  TEXT NOT NULL,
    outcome TEXT NOT NULL,
    detail  TEXT NOT NULL DEFAULT ''
);
"""


@contextlib.contextmanager
def _connect():
    path = state_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        con = sqlite3.connect(path, timeout=30, isolation_level=None)
    except (OSError, sqlite3.Error) as exc:
        raise StateUnavailable(_words(exc, path)) from None
    try:
        con.executescript(SCHEMA)
        yield con
    except sqlite3.Error as exc:
        raise StateUnavailable(_words(exc, path)) from None
    finally:
        con.close()


def _words(exc: Exception, path: Path) -> str:
    text = str(exc).lower()
    if "readonly" in text or "read-only" in text or "permission" in text or isinstance(exc, PermissionError):
        return f"the sign-in record {path.name} cannot be written (its folder is read-only)"
    if "disk" in text and "full" in text:
        return f"the sign-in record {path.name} cannot be written (the disk is full)"
    return f"the sign-in record {path.name} cannot be used ({getattr(exc, 'strerror', None) or 'it may be damaged'})"


def _now_text() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class Decision:
    """May this client try a password now? `attempt` is the id to finish when it may."""

    allowed: bool
    attempt: int | None = None
    scope: str = ""  # "client" or "everyone" when refused
    wait_seconds: int = 0


def begin_attempt(client: str) -> Decision:
    """Count the recent failures and, when under both limits, record this attempt as a failure (until `finish`)."""
    client = (client or UNKNOWN_CLIENT)[:200]
    now = time.time()
    since = now - WINDOW_SECONDS
    with _connect() as con:
        con.execute("BEGIN IMMEDIATE")  # one counter at a time, across sessions and processes
        try:
            mine = con.execute(
                "SELECT count(*), min(at) FROM attempts WHERE ok = 0 AND at > ? AND client = ?", (since, client)
            ).fetchone()
            everyone = con.execute(
                "SELECT count(*), min(at) FROM attempts WHERE ok = 0 AND at > ?", (since,)
            ).fetchone()
            for (count, oldest), limit, scope in (
                (mine, FAILURES_PER_CLIENT, "client"),
                (everyone, FAILURES_ALL_CLIENTS, "everyone"),
            ):
                if count >= limit:
                    con.execute("COMMIT")
                    wait = int(oldest + WINDOW_SECONDS - now) + 1
                    return Decision(False, None, scope, max(wait, 1))
            cur = con.execute("INSERT INTO attempts (at, client, ok) VALUES (?, ?, 0)", (now, client))
            con.execute("DELETE FROM attempts WHERE at < ?", (now - 7 * 24 * 3600,))  # keep a week
            con.execute("COMMIT")
            return Decision(True, cur.lastrowid)
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                con.execute("ROLLBACK")
            raise


def finish_attempt(attempt: int, ok: bool) -> None:
    if ok:
        with _connect() as con:
            con.execute("UPDATE attempts SET ok = 1 WHERE id = ?", (attempt,))


def record(action: str, who: str, client: str, outcome: str, detail: str = "") -> bool:
    """Write one line of the audit log. False (never an exception) when it cannot be written."""
    try:
        with _connect() as con:
            con.execute(
                "INSERT INTO audit (at, who, client, action, outcome, detail) VALUES (?, ?, ?, ?, ?, ?)",
                (_now_text(), who[:200] or "-", (client or UNKNOWN_CLIENT)[:200], action, outcome, detail[:MAX_DETAIL]),
            )
        return True
    except StateUnavailable:
        return False


def audit_log(limit: int = 200) -> list[dict]:
    """The newest lines of the audit log first."""
    with _connect() as con:
        rows = con.execute(
            "SELECT at, who, client, action, outcome, detail FROM audit ORDER BY id DESC LIMIT ?", (limit,)
        ).fetchall()
    return [dict(zip(("at", "who", "client", "action", "outcome", "detail"), r)) for r in rows]


def command_line_client() -> str:
    """Where a command-line publish comes from: the machine and the user."""
    try:
        user = getpass.getuser()
    except (OSError, KeyError):
        user = "?"
    return f"command line on {socket.gethostname()} (user {user})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Print the staff audit log (newest first).")
    parser.add_argument("--limit", type=int, default=50)
    args = parser.parse_args(argv)
    try:
        for line in audit_log(args.limit):
            print(
                f"{line['at']}  {line['action']:8} {line['outcome']:10} {line['who']}  from {line['client']}  {line['detail']}"
            )
    except StateUnavailable as exc:
        print(exc, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
