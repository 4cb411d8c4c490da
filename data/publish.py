"""Staff publishing of next year's figures: check an uploaded CSV, preview it, publish it, keep every version.

    python -m data.publish check   TABLE FILE [--mode replace|upsert]     validate and preview only
    python -m data.publish publish TABLE FILE --who NAME [--mode ...] [--yes]
    python -m data.publish history                                        every published version
    python -m data.publish restore VERSION --who NAME [--yes]             publish an earlier version again
    python -m data.publish recover                                        finish an interrupted publish

TABLE is the name of a published CSV in data/ (e.g. budget_lines, deployments_by_region). `replace` (default):
the file is the complete new table. `upsert`: the file's rows are added, or replace the published rows with the
same key (school_year + line_id for budget lines, ...); other published rows stay.

An upload passes data/validate_upload.py (encoding, size, formulas, markup, school years) and then exactly the
build's rules (data/build.py: header, types, CHECKs, foreign keys, duplicates), on a staged copy of the whole
data set. Only then can it be published:

1. The complete new CSV set (all tables, plus schema.sql and manifest.json: who, when, what, fingerprint) is
   written to data/history/.staging-<id>/ and fsynced.
2. Under the database lock: a journal file (data/.publish-pending.json) names the version; the staging folder
   is renamed to data/history/<id>/.
3. The new database is built from that folder and swapped in atomically (data.build.build): the commit point.
   Readers see the old database or the new one, never a mix.
4. The CSVs that differ are copied into data/ (each one atomically); the journal is removed.

Killed anywhere in 2-4, the journal remains; the next start (data.build.ensure_database, this command, or the
staff page) rolls the CSVs forward to the journalled version and rebuilds the database from them. Killed before
2, nothing in data/ changed. The CSVs in data/ and the database therefore always end up from the same version.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import datetime as dt
import fcntl
import hashlib
import io
import json
import os
import shutil
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from data.build import (DATA_DIR, DATASET_COLUMN, MANIFEST, PUBLISH_JOURNAL, SCHEMA_FILE, BuildError, Problem,
                        build, check, csv_paths, default_db_path, fingerprint, read_csv, table_columns)
from data.validate_upload import read_upload, serialize

HISTORY_ENV = "SAFETY_HISTORY_DIR"
STAGING_PREFIX = ".staging-"
MODES = ("replace", "upsert")
MAX_LISTED_CHANGES = 500  # changes listed in a manifest (the counts are always complete)


class PublishError(Exception):
    """A publish or restore was refused; nothing was changed."""


# ------------------------------------------------------------------------------------------- places

def data_dir_default() -> Path:
    """data/, unless SAFETY_DATA_DIR names another folder of published CSVs (tests, a staging server)."""
    return Path(os.environ.get("SAFETY_DATA_DIR", DATA_DIR))


def history_dir(data_dir: Path = DATA_DIR) -> Path:
    """data/history (git-ignored), unless SAFETY_HISTORY_DIR names another folder."""
    env = os.environ.get(HISTORY_ENV)
    return Path(env) if env else Path(data_dir) / "history"


def stems() -> list[str]:
    """Every published CSV (by file name without .csv), in load order."""
    return [stem for _, names in MANIFEST for stem in names]


def table_of(stem: str) -> str:
    for table, names in MANIFEST:
        if stem in names:
            return table
    raise KeyError(stem)


@dataclass(frozen=True)
class TableShape:
    columns: list  # data.build.Column, as in the CSV (without the dataset column)
    key: list[str]  # primary-key columns as in the CSV; empty when the table has none
    skip: set[str]


def shape(stem: str, data_dir: Path = DATA_DIR) -> TableShape:
    table = table_of(stem)
    con = duckdb.connect(":memory:")
    try:
        con.execute((Path(data_dir) / SCHEMA_FILE).read_text(encoding="utf-8"))
        columns = table_columns(con, table)
        row = con.execute("SELECT constraint_column_names FROM duckdb_constraints() "
                          "WHERE table_name = $t AND constraint_type = 'PRIMARY KEY'", {"t": table}).fetchone()
    finally:
        con.close()
    skip = {DATASET_COLUMN[table]} if table in DATASET_COLUMN else set()
    key = [c for c in (row[0] if row else []) if c not in skip]
    return TableShape([c for c in columns if c.name not in skip], key, skip)


# ------------------------------------------------------------------------------------------- preview

@dataclass(frozen=True)
class Change:
    kind: str  # "added", "changed", "removed"
    key: dict[str, str]
    before: dict[str, str] | None
    after: dict[str, str] | None
    columns: tuple[str, ...] = ()  # for "changed": the columns whose value differs


@dataclass
class Candidate:
    """A checked upload: problems (if any), notes, and the changes it would make against what is published."""

    stem: str
    mode: str
    filename: str
    base_fingerprint: str
    upload_sha256: str
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    new_bytes: bytes | None = None

    @property
    def ok(self) -> bool:
        return not self.problems and self.new_bytes is not None

    def counts(self) -> dict[str, int]:
        return {kind: sum(1 for c in self.changes if c.kind == kind) for kind in ("added", "changed", "removed")}


def _records(raw: bytes) -> tuple[list[str], list[list[str]]]:
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    return [h.strip() for h in rows[0]], rows[1:]


def _typed(stem: str, header: list[str], records: list[list[str]], sh: TableShape):
    """Typed rows through the build's own reader (same conversions), or (None, problems)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"{stem}.csv"
        path.write_bytes(serialize(header, records))
        return read_csv(path, sh.columns, set())


def diff(stem: str, old: bytes, new: bytes, sh: TableShape | None = None) -> list[Change]:
    """Rows added, changed (same key, a different value) and removed between two versions of a CSV."""
    sh = sh or shape(stem)
    names = [c.name for c in sh.columns]
    key_idx = [names.index(k) for k in sh.key] or list(range(len(names)))

    def index(raw: bytes) -> dict:
        header, records = _records(raw)
        typed, problems = _typed(stem, header, records, sh)
        if problems:
            raise PublishError("; ".join(str(p) for p in problems[:3]))
        return {tuple(t[i] for i in key_idx): (t, dict(zip(names, (c.strip() for c in r))))
                for t, r in zip(typed, [r for r in records if any(c.strip() for c in r)])}

    before, after = index(old), index(new)
    changes = []
    for key, (typed, raw) in after.items():
        keyd = {names[i]: raw[names[i]] for i in key_idx}
        if key not in before:
            changes.append(Change("added", keyd, None, raw))
        else:
            old_typed, old_raw = before[key]
            differ = tuple(n for n, a, b in zip(names, old_typed, typed) if a != b)
            if differ:
                changes.append(Change("changed", keyd, old_raw, raw, differ))
    for key, (typed, raw) in before.items():
        if key not in after:
            changes.append(Change("removed", {names[i]: raw[names[i]] for i in key_idx}, raw, None))
    return changes


def _staged_check(data_dir: Path, replacements: dict[str, bytes]) -> None:
    """Load the whole data set, with `replacements`, into an in-memory database by the build's rules."""
    with tempfile.TemporaryDirectory() as tmp:
        stage = Path(tmp)
        shutil.copy2(Path(data_dir) / SCHEMA_FILE, stage / SCHEMA_FILE)
        for path in csv_paths(Path(data_dir)):
            target = stage / path.name
            if path.stem in replacements:
                target.write_bytes(replacements[path.stem])
            elif path.exists():
                shutil.copy2(path, target)
        check(stage)


def _plain(message: str) -> str:
    """Friendlier words for the build's constraint messages that staff meet most often."""
    if "check constraint" in message.lower():
        if ">= 0" in message or "> 0" in message:
            return "must not be negative (money and counts start at zero): " + message
        if "BETWEEN" in message or " IN (" in message:
            return "is not one of the allowed values (for example board districts 1-7, regions North, East, " \
                   "South, West): " + message
    if "foreign key" in message.lower() and "source" in message:
        return message + " — add the document to sources.csv (publish the sources table) first"
    if "has no spending category" in message:
        return message + " — publish its row in budget_line_categories first"
    return message


def prepare(stem: str, data: bytes, filename: str, mode: str = "replace", data_dir: Path = DATA_DIR,
            today: dt.date | None = None) -> Candidate:
    """Check an upload for table `stem` and compute what publishing it would change. Writes nothing."""
    data_dir = Path(data_dir)
    cand = Candidate(stem, mode, filename, fingerprint(data_dir), hashlib.sha256(data).hexdigest())
    if stem not in stems():
        cand.problems.append(Problem(filename, f"'{stem}' is not a published table; choose one of: "
                                               + ", ".join(stems())))
        return cand
    if mode not in MODES:
        cand.problems.append(Problem(filename, f"unknown mode '{mode}' (use replace or upsert)"))
        return cand
    sh = shape(stem, data_dir)
    upload, problems = read_upload(data, filename, today, [c.name for c in sh.columns])
    if upload is None or problems:
        cand.problems.extend(problems)
        return cand
    cand.notes.extend(upload.notes)
    typed, problems = _typed(stem, upload.header, upload.records, sh)
    if problems:
        cand.problems.extend(_relabel(p, stem, filename, None) for p in problems)
        return cand
    names = [c.name for c in sh.columns]
    key_idx = [names.index(k) for k in sh.key]

    # duplicate keys inside the upload, named with both rows (the database would only name the second)
    if key_idx:
        first: dict[tuple, int] = {}
        for number, row in enumerate(typed, start=1):
            key = tuple(row[i] for i in key_idx)
            if key in first:
                shown = ", ".join(f"{names[i]}={upload.records[number - 1][i].strip()}" for i in key_idx)
                cand.problems.append(Problem(filename, f"repeats the key ({shown}) of row {first[key]}",
                                             row=number, column=", ".join(sh.key)))
            else:
                first[key] = number
        if cand.problems:
            return cand

    published = (data_dir / f"{stem}.csv").read_bytes()
    if mode == "replace":
        records, origin = upload.records, {n: n for n in range(1, len(upload.records) + 1)}
    else:
        if not key_idx:
            cand.problems.append(Problem(filename, "this table has no key, so rows cannot be matched; "
                                                   "use mode 'replace' with the complete table"))
            return cand
        old_header, old_records = _records(published)
        old_typed, old_problems = _typed(stem, old_header, old_records, sh)
        if old_problems:
            raise PublishError(f"the published data/{stem}.csv does not pass the build: {old_problems[0]}")
        incoming = {tuple(row[i] for i in key_idx): n for n, row in enumerate(typed, start=1)}
        records, origin, used = [], {}, set()
        for old_row, old_rec in zip(old_typed, old_records):
            key = tuple(old_row[i] for i in key_idx)
            if key in incoming:
                records.append(upload.records[incoming[key] - 1])
                origin[len(records)] = incoming[key]
                used.add(key)
            else:
                records.append(old_rec)
        for key, n in incoming.items():
            if key not in used:
                records.append(upload.records[n - 1])
                origin[len(records)] = n
    new_bytes = serialize(names, records)
    try:
        _staged_check(data_dir, {stem: new_bytes})
    except BuildError as exc:
        cand.problems.extend(_relabel(p, stem, filename, origin) for p in exc.problems)
        return cand
    cand.changes = diff(stem, published, new_bytes, sh)
    cand.new_bytes = new_bytes
    if not cand.changes:
        cand.notes.append("This file makes no change to the published values.")
    return cand


def _relabel(problem: Problem, stem: str, filename: str, origin: dict[int, int] | None) -> Problem:
    """A build problem about the staged data/<stem>.csv, restated about the uploaded file's own rows."""
    message = _plain(problem.message)
    if problem.file != f"data/{stem}.csv":
        return Problem(problem.file, "after this upload: " + message, problem.row, problem.column)
    if problem.row is None or origin is None:
        return Problem(filename, message, problem.row, problem.column)
    if problem.row in origin:
        return Problem(filename, message, origin[problem.row], problem.column)
    return Problem(f"data/{stem}.csv (published row kept by upsert)", message, problem.row, problem.column)


# ------------------------------------------------------------------------------------------- writing

def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_file(path: Path, data: bytes) -> None:
    """Replace `path` with `data` atomically (temp file beside it, fsync, os.replace)."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".publishing", dir=path.parent)
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
def _flock(path: Path):
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        yield


def _db_lock(db_path: Path):
    """The lock data.build.ensure_database holds while it builds: one writer of the database at a time."""
    return _flock(db_path.parent / f".{db_path.name}.lock")


def _crash_point(name: str) -> None:
    """Fault injection for tests: SAFETY_PUBLISH_CRASH_AT=<name> kills this process here, like a power cut."""
    if os.environ.get("SAFETY_PUBLISH_CRASH_AT") == name:
        os.kill(os.getpid(), 9)


def _apply(version_dir: Path, data_dir: Path) -> list[str]:
    """Make data/*.csv equal to the version's CSVs (only files that differ are written). Returns their stems."""
    written = []
    for path in csv_paths(data_dir):
        source = version_dir / path.name
        if not source.exists():
            continue
        new = source.read_bytes()
        if not path.exists() or path.read_bytes() != new:
            _write_file(path, new)
            written.append(path.stem)
            _crash_point("mid-apply")
    _fsync_dir(data_dir)
    return written


def _cleanup_leftovers(data_dir: Path, db_path: Path | None) -> None:
    for leftover in data_dir.glob(".*.publishing"):
        leftover.unlink(missing_ok=True)
    if db_path is not None:
        for leftover in db_path.parent.glob(f"{db_path.name}.*.building*"):
            leftover.unlink(missing_ok=True)


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
        _apply(folder, data_dir)
        completed = version
    _cleanup_leftovers(data_dir, db_path)
    journal.unlink(missing_ok=True)
    _fsync_dir(data_dir)
    return completed


def recover(data_dir: Path = DATA_DIR, db_path: Path | None = None) -> str | None:
    """Finish an interrupted publish (if any) and bring the database up to date. Returns the version id."""
    from data.build import ensure_database

    db_path = Path(db_path) if db_path else default_db_path()
    with _db_lock(db_path):
        completed = finish_interrupted(data_dir, db_path)
    ensure_database(data_dir, db_path)
    return completed


def _now_id() -> tuple[str, str]:
    now = dt.datetime.now(dt.timezone.utc)
    return now.isoformat(timespec="seconds"), f"{now:%Y%m%dT%H%M%S%f}Z-{uuid.uuid4().hex[:8]}"


def _versions(hist: Path) -> list[Path]:
    if not hist.exists():
        return []
    return sorted(p for p in hist.iterdir() if p.is_dir() and not p.name.startswith(".")
                  and (p / "manifest.json").exists())


def _snapshot(folder: Path, data_dir: Path, replacements: dict[str, bytes]) -> dict[str, str]:
    """Write the complete CSV set (+ schema) into `folder`, fsynced. Returns {file name: sha256}."""
    folder.mkdir(parents=True)
    digests = {}
    for path in [data_dir / SCHEMA_FILE, *csv_paths(data_dir)]:
        if path.stem in replacements and path.suffix == ".csv":
            data = replacements[path.stem]
        elif path.exists():
            data = path.read_bytes()
        else:
            continue
        with open(folder / path.name, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        digests[path.name] = hashlib.sha256(data).hexdigest()
    return digests


def _write_manifest(folder: Path, manifest: dict) -> None:
    with open(folder / "manifest.json", "w", encoding="utf-8") as fh:
        json.dump(manifest, fh, indent=2, ensure_ascii=False)
        fh.flush()
        os.fsync(fh.fileno())
    _fsync_dir(folder)


def _record_baseline(data_dir: Path, hist: Path) -> None:
    """Keep what is on disk as a version when it is not the latest one (first publish; edits through git)."""
    current = fingerprint(data_dir)
    versions = _versions(hist)
    if versions and json.loads((versions[-1] / "manifest.json").read_text())["fingerprint"] == current:
        return
    at, vid = _now_id()
    stage = hist / f"{STAGING_PREFIX}{vid}"
    files = _snapshot(stage, data_dir, {})
    _write_manifest(stage, {"id": vid, "action": "baseline", "at": at,
                            "who": "(found on disk: published before this version history, or edited in git)",
                            "fingerprint": current, "files": files})
    os.rename(stage, hist / vid)
    _fsync_dir(hist)


def _commit(data_dir: Path, db_path: Path, replacements: dict[str, bytes], meta: dict,
            expected_fingerprint: str | None) -> dict:
    """Publish `replacements` ({stem: bytes}) as a new version. See the module docstring for the order."""
    started = time.monotonic()
    hist = history_dir(data_dir)
    hist.mkdir(parents=True, exist_ok=True)
    with _flock(hist / ".publish.lock"):
        with _db_lock(db_path):
            finish_interrupted(data_dir, db_path)
        for stale in hist.glob(f"{STAGING_PREFIX}*"):
            shutil.rmtree(stale, ignore_errors=True)
        previous = fingerprint(data_dir)
        if expected_fingerprint is not None and previous != expected_fingerprint:
            raise PublishError("The published data changed since this file was checked (someone else "
                               "published). Check the file again and look at the new preview.")
        _record_baseline(data_dir, hist)
        at, vid = _now_id()
        stage = hist / f"{STAGING_PREFIX}{vid}"
        files = _snapshot(stage, data_dir, replacements)
        new_fp = fingerprint(stage)
        if new_fp == previous:
            shutil.rmtree(stage)
            raise PublishError("Nothing to publish: this is exactly the data that is published now.")
        manifest = {"id": vid, "at": at, **meta, "fingerprint": new_fp, "previous_fingerprint": previous,
                    "files": files}
        _write_manifest(stage, manifest)
        _crash_point("staged")
        with _db_lock(db_path):
            _write_file(data_dir / PUBLISH_JOURNAL, json.dumps({"version": vid}).encode())
            _fsync_dir(data_dir)
            _crash_point("journal")
            os.rename(stage, hist / vid)
            _fsync_dir(hist)
            _crash_point("renamed")
            try:
                build(hist / vid, db_path)  # the commit point: the new database is swapped in atomically
            except BaseException:
                (data_dir / PUBLISH_JOURNAL).unlink(missing_ok=True)
                shutil.rmtree(hist / vid, ignore_errors=True)
                raise
            _crash_point("built")
            _apply(hist / vid, data_dir)
            _crash_point("applied")
            (data_dir / PUBLISH_JOURNAL).unlink()
            _fsync_dir(data_dir)
    manifest["seconds"] = round(time.monotonic() - started, 2)
    return manifest


def _change_list(changes: list[Change]) -> list[dict]:
    return [{"kind": c.kind, "key": c.key, **({"columns": list(c.columns)} if c.columns else {})}
            for c in changes[:MAX_LISTED_CHANGES]]


def publish(candidate: Candidate, who: str, data_dir: Path = DATA_DIR, db_path: Path | None = None,
            note: str = "") -> dict:
    """Publish a checked upload. Returns the version's manifest. Raises PublishError when refused."""
    if not candidate.ok:
        raise PublishError("This file has problems and cannot be published:\n"
                           + "\n".join(f"- {p}" for p in candidate.problems[:25]))
    if not who.strip():
        raise PublishError("Say who is publishing (a name or e-mail address); it is kept in the history.")
    meta = {"action": "publish", "who": who.strip(), "table": candidate.stem, "mode": candidate.mode,
            "source_file": candidate.filename, "upload_sha256": candidate.upload_sha256, "note": note.strip(),
            "summary": candidate.counts(), "changes": _change_list(candidate.changes)}
    return _commit(Path(data_dir), Path(db_path) if db_path else default_db_path(),
                   {candidate.stem: candidate.new_bytes}, meta, candidate.base_fingerprint)


def history(data_dir: Path = DATA_DIR) -> list[dict]:
    """Every kept version, newest first; `current` is true for the one that matches data/ now."""
    current = fingerprint(Path(data_dir))
    out = []
    for folder in reversed(_versions(history_dir(data_dir))):
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        manifest["current"] = manifest.get("fingerprint") == current
        out.append(manifest)
    return out


def restore_preview(version: str, data_dir: Path = DATA_DIR) -> dict[str, dict[str, int]]:
    """What restoring `version` would change, per table: {stem: {"added": n, "changed": n, "removed": n}}."""
    folder = _version_folder(version, data_dir)
    out = {}
    for path in csv_paths(Path(data_dir)):
        old_file = folder / path.name
        if not old_file.exists() or not path.exists() or old_file.read_bytes() == path.read_bytes():
            continue
        changes = diff(path.stem, path.read_bytes(), old_file.read_bytes(), shape(path.stem, data_dir))
        out[path.stem] = {k: sum(1 for c in changes if c.kind == k) for k in ("added", "changed", "removed")}
    return out


def _version_folder(version: str, data_dir: Path) -> Path:
    hist = history_dir(data_dir)
    folder = hist / version
    if "/" in version or version.startswith(".") or not (folder / "manifest.json").exists():
        raise PublishError(f"There is no version '{version}' in {hist}.")
    return folder


def restore(version: str, who: str, data_dir: Path = DATA_DIR, db_path: Path | None = None) -> dict:
    """Publish an earlier version's CSVs again, as a new version (the history is never rewritten)."""
    data_dir = Path(data_dir)
    if not who.strip():
        raise PublishError("Say who is restoring (a name or e-mail address); it is kept in the history.")
    folder = _version_folder(version, data_dir)
    replacements = {p.stem: (folder / p.name).read_bytes() for p in csv_paths(data_dir)
                    if (folder / p.name).exists()}
    base = fingerprint(data_dir)
    summary = restore_preview(version, data_dir)
    try:
        _staged_check(data_dir, replacements)  # the current schema must still accept the old CSVs
    except BuildError as exc:
        raise PublishError(f"Version {version} cannot be restored with the current schema:\n{exc}") from None
    meta = {"action": "restore", "who": who.strip(), "restored_from": version, "tables": summary}
    return _commit(data_dir, Path(db_path) if db_path else default_db_path(), replacements, meta, base)


# ------------------------------------------------------------------------------------------- command

def _print_candidate(cand: Candidate) -> None:
    for note in cand.notes:
        print("note:", note)
    if cand.problems:
        print(f"{cand.filename} cannot be published ({len(cand.problems)} problem(s)); nothing was changed:",
              file=sys.stderr)
        for p in cand.problems[:25]:
            print(f"- {p}", file=sys.stderr)
        if len(cand.problems) > 25:
            print(f"- … and {len(cand.problems) - 25} more", file=sys.stderr)
        return
    counts = cand.counts()
    print(f"{cand.filename} is valid for data/{cand.stem}.csv ({cand.mode}): {counts['added']} added, "
          f"{counts['changed']} changed, {counts['removed']} removed.")
    for c in cand.changes[:50]:
        key = ", ".join(f"{k}={v}" for k, v in c.key.items())
        extra = f" ({', '.join(c.columns)})" if c.columns else ""
        print(f"  {c.kind:8} {key}{extra}")
    if len(cand.changes) > 50:
        print(f"  … and {len(cand.changes) - 50} more")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m data.publish", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data-dir", type=Path, default=None, help="folder of the published CSVs")
    parser.add_argument("--db", type=Path, default=None, help="database file (default data/safety.duckdb)")
    sub = parser.add_subparsers(dest="command", required=True)
    for name in ("check", "publish"):
        p = sub.add_parser(name)
        p.add_argument("table", choices=stems(), metavar="TABLE")
        p.add_argument("file", type=Path)
        p.add_argument("--mode", choices=MODES, default="replace")
        if name == "publish":
            p.add_argument("--who", required=True)
            p.add_argument("--note", default="")
            p.add_argument("--yes", action="store_true", help="publish without asking")
    sub.add_parser("history")
    r = sub.add_parser("restore")
    r.add_argument("version")
    r.add_argument("--who", required=True)
    r.add_argument("--yes", action="store_true")
    sub.add_parser("recover")
    args = parser.parse_args(argv)
    data_dir = args.data_dir or data_dir_default()
    try:
        if args.command in ("check", "publish"):
            cand = prepare(args.table, args.file.read_bytes(), args.file.name, args.mode, data_dir)
            _print_candidate(cand)
            if not cand.ok:
                return 1
            if args.command == "check":
                return 0
            if not args.yes and input("Publish these changes? [y/N] ").strip().lower() not in ("y", "yes"):
                print("Not published.")
                return 1
            m = publish(cand, args.who, data_dir, args.db, args.note)
            print(f"Published version {m['id']} in {m['seconds']} s.")
        elif args.command == "history":
            for m in history(data_dir):
                what = m.get("table") or m.get("restored_from") or ""
                mark = "*" if m["current"] else " "
                print(f"{mark} {m['id']}  {m['at']}  {m['action']:8} {what:32} {m.get('who', '')}  "
                      f"{m.get('summary', m.get('tables', ''))}")
        elif args.command == "restore":
            preview = restore_preview(args.version, data_dir)
            for stem, c in preview.items():
                print(f"  {stem}: {c['added']} added, {c['changed']} changed, {c['removed']} removed")
            if not args.yes and input(f"Restore {args.version}? [y/N] ").strip().lower() not in ("y", "yes"):
                print("Not restored.")
                return 1
            m = restore(args.version, args.who, data_dir, args.db)
            print(f"Restored {args.version} as version {m['id']} in {m['seconds']} s.")
        elif args.command == "recover":
            done = recover(data_dir, args.db)
            print(f"Finished interrupted publish {done}." if done else "Nothing was pending; the database is "
                                                                        "up to date.")
        return 0
    except (PublishError, BuildError, OSError) as exc:
        print(exc, file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
