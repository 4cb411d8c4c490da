"""Checks on a CSV file that staff upload, before it meets the build's own rules (data/build.py).

The build already checks what a published CSV must be (header, types, CHECK constraints, foreign keys,
duplicate keys). An uploaded file can be hostile or broken in more ways, so it is read defensively first:
size, encoding, byte-order marks, NUL and control characters, line breaks inside cells, spreadsheet formulas,
HTML or script in text, and school years that are malformed or in the future. Every problem names the file,
row and column, in the same words as the build (data.problems.Problem).

Nothing here writes anything; data/publish.py decides what happens next.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass, field

from data.csvio import header_problem
from data.intake import Deadline, IntakeError, decode, records, short, text_refusal
from data.problems import Problem, Refusal
from data.rules import limit

MAX_BYTES = limit("upload_bytes")  # the largest published CSV is ~30 kB; 5 MB is far beyond any real table
MAX_ROWS = limit("upload_rows")
MAX_CELL_CHARS = limit("cell_chars")
MAX_PROBLEMS = 200  # stop collecting after this many (the message shows the first 25)

_SCHOOL_YEAR_RE = re.compile(r"(19|20)[0-9][0-9]-[0-9][0-9]", re.ASCII)


@dataclass
class Upload:
    """A decoded, parsed upload: header cells (trimmed) and data records, plus notes on what was tidied."""

    name: str
    header: list[str]
    records: list[list[str]]
    notes: list[str] = field(default_factory=list)
    deadline: Deadline | None = None


def current_school_year_start(today: dt.date) -> int:
    """The first calendar year of the school year `today` falls in (a school year starts on July 1)."""
    return today.year if today.month >= 7 else today.year - 1


def latest_publishable_year(today: dt.date) -> str:
    """Next school year is the latest one a budget can be published for (it is adopted in June)."""
    start = current_school_year_start(today) + 1
    return f"{start}-{(start + 1) % 100:02d}"


def school_year_refusal(value: str, today: dt.date) -> Refusal | None:
    """Why `value` is not a publishable school year (a Refusal with its code), or None."""
    text = value.strip()
    if not _SCHOOL_YEAR_RE.fullmatch(text) or (int(text[:4]) + 1) % 100 != int(text[5:]):
        return Refusal("school_year.format", text=short(text))
    if int(text[:4]) > current_school_year_start(today) + 1:
        return Refusal("school_year.future", text=text, latest=latest_publishable_year(today))
    return None


def school_year_problem(value: str, today: dt.date) -> str | None:
    """Why `value` is not a publishable school year, or None."""
    why = school_year_refusal(value, today)
    return str(why) if why else None


def cell_problem(text: str) -> str | None:
    """Why a cell's text cannot be published as it is, or None. Applies to every column (data/intake.py)."""
    why = text_refusal(text, MAX_CELL_CHARS)
    return str(why) if why else None


def read_upload(
    data: bytes, name: str, today: dt.date | None = None, expected: list[str] | None = None
) -> tuple[Upload | None, list[Problem]]:
    """Decode and parse an uploaded CSV. Returns (upload, []) or (None or partial, problems).

    `expected`: the table's columns; a different header is reported alone (its rows cannot be read).
    """
    today = today or dt.date.today()
    deadline = Deadline(name)
    if len(data) > MAX_BYTES:
        return None, [Problem.of(name, "file.too_big", limit=f"{MAX_BYTES / 1e6:.0f} MB")]
    try:
        text, notes = decode(data, name)
        rows_read = records(text, name, MAX_ROWS, deadline)
    except IntakeError as exc:
        return None, exc.problems
    header = [h.strip() for h in rows_read[0]]
    rows = rows_read[1:]
    problems: list[Problem] = []
    for number, cell in enumerate(header, start=1):
        why = text_refusal(cell, MAX_CELL_CHARS)
        if why:
            problems.append(Problem.of(name, "header.cell_bad", n=number, why=str(why)))
        elif not cell:
            problems.append(Problem.of(name, "header.cell_empty", n=number))
    seen: set[str] = set()
    for cell in header:
        if cell in seen and cell:
            problems.append(Problem.of(name, "header.twice", column=short(cell, 40)))
        seen.add(cell)
    if not rows:
        problems.append(Problem.of(name, "file.no_rows"))
    if expected is not None and not problems:
        mismatch = header_problem(name, header, expected)
        if mismatch:
            problems.append(mismatch)
            return None, problems
    year_columns = {i for i, h in enumerate(header) if h == "school_year"}
    try:
        for number, record in enumerate(rows, start=1):
            if len(problems) >= MAX_PROBLEMS:
                break
            if number % 1000 == 0:
                deadline.check(number)
            for index, cell in enumerate(record):
                why = text_refusal(cell, MAX_CELL_CHARS)
                if why is None and index in year_columns and cell.strip():
                    why = school_year_refusal(cell, today)
                if why:
                    column = header[index] if index < len(header) else f"#{index + 1} (beyond the header)"
                    problems.append(why.problem(name, number, short(column, 40)))
    except IntakeError as exc:
        return None, problems + exc.problems
    upload = Upload(name, header, rows, [n.message for n in notes], deadline)
    return upload, problems


def serialize(header: list[str], records: list[list[str]]) -> bytes:
    """UTF-8 CSV without a byte-order mark, `\\n` line endings, quoted only where needed (like data/*.csv)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(records)
    return out.getvalue().encode("utf-8")
