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
from data.problems import Problem

MAX_BYTES = 5_000_000  # the largest published CSV is ~30 kB; 5 MB is far beyond any real table
MAX_ROWS = 20_000
MAX_CELL_CHARS = 2_000
MAX_PROBLEMS = 200  # stop collecting after this many (the message shows the first 25)

_SCHOOL_YEAR_RE = re.compile(r"(19|20)\d\d-\d\d")
_NUMBER_RE = re.compile(r"-?\d+(\.\d+)?")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# zero-width and text-direction characters: invisible, and used to make text read differently than it is
_INVISIBLE_RE = re.compile(r"[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
_MARKUP_RE = re.compile(
    r"<\s*[A-Za-z!/?]|javascript\s*:|vbscript\s*:|data\s*:\s*text/html|&#\s*x?[0-9a-f]+;?", re.IGNORECASE
)
_FORMULA_START = ("=", "+", "@", "\t", "\r", "|")


@dataclass
class Upload:
    """A decoded, parsed upload: header cells (trimmed) and data records, plus notes on what was tidied."""

    name: str
    header: list[str]
    records: list[list[str]]
    notes: list[str] = field(default_factory=list)


def current_school_year_start(today: dt.date) -> int:
    """The first calendar year of the school year `today` falls in (a school year starts on July 1)."""
    return today.year if today.month >= 7 else today.year - 1


def latest_publishable_year(today: dt.date) -> str:
    """Next school year is the latest one a budget can be published for (it is adopted in June)."""
    start = current_school_year_start(today) + 1
    return f"{start}-{(start + 1) % 100:02d}"


def school_year_problem(value: str, today: dt.date) -> str | None:
    """Why `value` is not a publishable school year, or None."""
    text = value.strip()
    if not _SCHOOL_YEAR_RE.fullmatch(text) or (int(text[:4]) + 1) % 100 != int(text[5:]):
        return (
            f"'{_short(text)}' is not a school year written like 2024-25 (four digits, a hyphen, and the "
            "last two digits of the next year)"
        )
    if int(text[:4]) > current_school_year_start(today) + 1:
        return (
            f"'{text}' is in the future: the latest school year that can be published now is "
            f"{latest_publishable_year(today)}"
        )
    return None


def cell_problem(text: str) -> str | None:
    """Why a cell's text cannot be published as it is, or None. Applies to every column."""
    if len(text) > MAX_CELL_CHARS:
        return f"is {len(text):,} characters long; the limit for one cell is {MAX_CELL_CHARS:,}"
    if "\n" in text or "\r" in text:
        return "has a line break inside the cell; put the text on one line"
    if _CONTROL_RE.search(text):
        return "contains an invisible control character; retype the cell"
    if _INVISIBLE_RE.search(text):
        return "contains an invisible zero-width or text-direction character; retype the cell"
    stripped = text.strip()
    if (
        text.startswith(("\t", "\r"))
        or stripped.startswith(_FORMULA_START)
        or (stripped.startswith("-") and not _NUMBER_RE.fullmatch(stripped))
    ):
        return (
            f"starts with '{_short(text.lstrip(' ')[:1])}', so a spreadsheet would run it as a formula "
            f"('{_short(stripped, 30)}'); publish plain values only"
        )
    if _MARKUP_RE.search(text):
        found = _MARKUP_RE.search(text).group(0)
        return f"contains HTML or script markup ('{_short(found, 20)}'); write plain text"
    return None


def _short(text: str, limit: int = 60) -> str:
    text = text.encode("unicode_escape").decode("ascii") if _CONTROL_RE.search(text) else text
    return text if len(text) <= limit else text[:limit] + "…"


def _row_of_offset(data: bytes, offset: int) -> int | None:
    """Data row number (1 = first row under the header) of a byte offset; None when it is in the header."""
    line = data.count(b"\n", 0, offset) + 1
    return line - 1 if line > 1 else None


def read_upload(
    data: bytes, name: str, today: dt.date | None = None, expected: list[str] | None = None
) -> tuple[Upload | None, list[Problem]]:
    """Decode and parse an uploaded CSV. Returns (upload, []) or (None or partial, problems).

    `expected`: the table's columns; a different header is reported alone (its rows cannot be read).
    """
    today = today or dt.date.today()
    if len(data) == 0:
        return None, [Problem(name, "is empty (0 bytes): it needs a header row and at least one data row")]
    if len(data) > MAX_BYTES:
        return None, [
            Problem(
                name,
                f"is {len(data) / 1e6:.1f} MB; the limit is {MAX_BYTES / 1e6:.0f} MB. "
                "Check that this is the right file (one table as CSV)",
            )
        ]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, [Problem(name, "is saved as UTF-16 text; save it again as 'CSV UTF-8'")]
    if data.startswith(b"PK\x03\x04") or data.startswith(b"\xd0\xcf\x11\xe0"):
        return None, [Problem(name, "is a spreadsheet workbook (Excel), not a CSV file; use 'Save as… CSV UTF-8'")]
    notes = []
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
        notes.append("The file started with a byte-order mark (from a spreadsheet export); it was removed.")
    nul = data.find(b"\0")
    if nul >= 0:
        return None, [Problem(name, "contains a NUL byte: it is not a text CSV file", row=_row_of_offset(data, nul))]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        try:
            data.decode("cp1252")
            guess = " It looks like Windows-1252/Latin-1 (an older Excel 'CSV' export)."
        except UnicodeDecodeError:
            guess = ""
        return None, [
            Problem(
                name,
                f"is not UTF-8 text (byte 0x{data[exc.start]:02x} at position {exc.start})."
                f"{guess} Save it again as 'CSV UTF-8'",
                row=_row_of_offset(data, exc.start),
            )
        ]
    if not text.strip():
        return None, [Problem(name, "has no content (only spaces or empty lines): it needs a header row")]
    if "\r\n" in text:
        notes.append("Windows line endings (CRLF) were converted to plain line breaks.")
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        records = list(reader)
    except csv.Error as exc:
        hint = " — probably a quote that is never closed" if "end of data" in str(exc) else ""
        return None, [Problem(name, f"is not a well-formed CSV file ({exc}){hint}", row=max(reader.line_num - 1, 1))]
    header = [h.strip() for h in records[0]]
    rows = records[1:]
    problems: list[Problem] = []
    for number, cell in enumerate(header, start=1):
        why = cell_problem(cell)
        if why or not cell:
            problems.append(Problem(name, f"header cell {number} " + (why or "is empty; every column needs a name")))
    seen: set[str] = set()
    for cell in header:
        if cell in seen and cell:
            problems.append(Problem(name, "the header names this column twice", column=_short(cell, 40)))
        seen.add(cell)
    if not rows:
        problems.append(Problem(name, "has a header row but no data rows"))
    if expected is not None and not problems:
        mismatch = header_problem(name, header, expected)
        if mismatch:
            problems.append(mismatch)
            return None, problems
    if len(rows) > MAX_ROWS:
        problems.append(Problem(name, f"has {len(rows):,} data rows; the limit is {MAX_ROWS:,}"))
        return None, problems
    year_columns = {i for i, h in enumerate(header) if h == "school_year"}
    for number, record in enumerate(rows, start=1):
        if len(problems) >= MAX_PROBLEMS:
            break
        for index, cell in enumerate(record):
            column = header[index] if index < len(header) else f"#{index + 1} (beyond the header)"
            why = cell_problem(cell)
            if why is None and index in year_columns and cell.strip():
                why = school_year_problem(cell, today)
            if why:
                problems.append(Problem(name, why, row=number, column=_short(column, 40)))
    upload = Upload(name, header, rows, notes)
    return upload, problems


def serialize(header: list[str], records: list[list[str]]) -> bytes:
    """UTF-8 CSV without a byte-order mark, `\\n` line endings, quoted only where needed (like data/*.csv)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(records)
    return out.getvalue().encode("utf-8")
