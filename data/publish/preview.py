"""Checking a staff upload and previewing what publishing it would change. Writes nothing.

An upload passes data/validate_upload.py (encoding, size, formulas, markup, school years) and then exactly the
build's rules (header, types, CHECKs, foreign keys, duplicates) on a staged copy of the whole data set.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import hashlib
import io
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from data.build import check, fingerprint
from data.csvio import table_columns, typed_rows
from data.intake import Deadline, IntakeError
from data.layout import DATA_DIR, DATASET_COLUMN, SCHEMA_FILE, csv_paths, stems, table_of
from data.problems import BuildError, Problem
from data.validate_upload import read_upload, serialize

MODES = ("replace", "upsert")


class PublishError(Exception):
    """A publish or restore was refused, or the published data cannot be previewed; nothing was changed."""


@dataclass(frozen=True)
class TableShape:
    columns: list  # data.build.Column, as in the CSV (without the dataset column)
    key: list[str]  # primary-key columns as in the CSV; empty when the table has none
    skip: set[str]
    table: str = ""  # the database table (whose rules in data/rules.toml the values follow)


def shape(stem: str, data_dir: Path = DATA_DIR) -> TableShape:
    """The table's columns and key, from the schema (remembered per schema file version: the staff page asks on
    every rerun, and an in-memory database per ask cost the server ~50 ms)."""
    schema = Path(data_dir) / SCHEMA_FILE
    st = schema.stat()
    return _shape(stem, str(schema), st.st_ino, st.st_mtime_ns, st.st_size)


@functools.lru_cache(maxsize=128)
def _shape(stem: str, schema_file: str, _ino: int, _mtime: int, _size: int) -> TableShape:
    table = table_of(stem)
    con = duckdb.connect(":memory:")
    try:
        con.execute(Path(schema_file).read_text(encoding="utf-8"))
        columns = table_columns(con, table)
        row = con.execute(
            "SELECT constraint_column_names FROM duckdb_constraints() "
            "WHERE table_name = $t AND constraint_type = 'PRIMARY KEY'",
            {"t": table},
        ).fetchone()
    finally:
        con.close()
    skip = {DATASET_COLUMN[table]} if table in DATASET_COLUMN else set()
    key = [c for c in (row[0] if row else []) if c not in skip]
    return TableShape([c for c in columns if c.name not in skip], key, skip, table)


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
    note_problems: list[Problem] = field(default_factory=list)  # the notes with their message codes
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


def _typed(stem: str, header: list[str], records: list[list[str]], sh: TableShape, deadline: Deadline | None = None):
    """Typed rows through the build's own conversions and rules (data/csvio.py), and their problems."""
    return typed_rows(f"data/{stem}.csv", records, sh.columns, sh.table, deadline)


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
        return {
            tuple(t[i] for i in key_idx): (t, dict(zip(names, (c.strip() for c in r))))
            for t, r in zip(typed, [r for r in records if any(c.strip() for c in r)])
        }

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
    for key, (_values, raw) in before.items():
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


def prepare(
    stem: str,
    data: bytes,
    filename: str,
    mode: str = "replace",
    data_dir: Path = DATA_DIR,
    today: dt.date | None = None,
) -> Candidate:
    """Check an upload for table `stem` and compute what publishing it would change. Writes nothing."""
    data_dir = Path(data_dir)
    cand = Candidate(stem, mode, filename, fingerprint(data_dir), hashlib.sha256(data).hexdigest())
    if stem not in stems():
        cand.problems.append(Problem.of(filename, "publish.table_unknown", stem=stem, choices=", ".join(stems())))
        return cand
    if mode not in MODES:
        cand.problems.append(Problem.of(filename, "publish.mode_unknown", mode=mode))
        return cand
    sh = shape(stem, data_dir)
    upload, problems = read_upload(data, filename, today, [c.name for c in sh.columns])
    if upload is None or problems:
        cand.problems.extend(problems)
        return cand
    cand.notes.extend(upload.notes)
    cand.note_problems.extend(Problem.of(filename, _note_code(n)) for n in upload.notes)
    try:
        typed, problems = _typed(stem, upload.header, upload.records, sh, upload.deadline)
    except IntakeError as exc:
        cand.problems.extend(exc.problems)
        return cand
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
                cand.problems.append(
                    Problem.of(
                        filename,
                        "rule.key_repeated",
                        row=number,
                        column=", ".join(sh.key),
                        shown=shown,
                        first=first[key],
                    )
                )
            else:
                first[key] = number
        if cand.problems:
            return cand

    published = (data_dir / f"{stem}.csv").read_bytes()
    if mode == "replace":
        records, origin = upload.records, {n: n for n in range(1, len(upload.records) + 1)}
    else:
        if not key_idx:
            cand.problems.append(Problem.of(filename, "publish.no_key"))
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
    return cand


def _relabel(problem: Problem, stem: str, filename: str, origin: dict[int, int] | None) -> Problem:
    """A build problem about the staged data/<stem>.csv, restated about the uploaded file's own rows."""
    if problem.file != f"data/{stem}.csv":
        after = Problem.of(problem.file, "build.after_upload", problem.row, problem.column, message=problem.message)
        return Problem(after.file, after.message, after.row, after.column, problem.code, problem.values)
    if problem.row is None or origin is None:
        return problem.moved(file=filename)
    if problem.row in origin:
        return problem.moved(file=filename, row=origin[problem.row])
    return problem.moved(file=f"data/{stem}.csv (published row kept by upsert)")


def _note_code(note: str) -> str:
    return "note.bom" if "byte-order mark" in note else "note.crlf"
