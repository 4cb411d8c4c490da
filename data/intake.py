"""The hardened reader: the one way a file from outside (a staff upload, an import, a boundary layer) is read.

Every staff upload and import reads through here, so each gets the same limits and the same words:

- `read_file(path)`: regular files only (never a link, pipe, socket, device or folder: opened with O_NOFOLLOW |
  O_NONBLOCK and checked with fstat before a byte is read), read in chunks up to a byte limit, within a time limit.
- `decode(data, name)`: UTF-8 text (a byte-order mark is removed, with a note), never UTF-16, a workbook or NUL.
- `records(text, name)`: strict CSV, at most a number of rows, within a time limit (a `Deadline`).
- `text_refusal(text)`: the text rules for every cell: no formulas, markup, control, invisible or direction
  characters, line breaks, or over-long cells. `name_refusal` adds the shorter limit for names in imports.
- `number(...)`, `day(...)`: numbers and dates by data/rules.toml (data/rules.py).
- `read_csv_file(path, ...)`: all of the above for a CSV import, returning its header and records.

Every refusal is a `Problem` (data/problems.py) with a message code, naming the file, row and column in plain
words, never an error number or an exception's name. Limits live in data/rules.toml [limits].
"""

from __future__ import annotations

import csv
import errno
import io
import os
import re
import stat
import time
from dataclasses import dataclass, field
from pathlib import Path

from data.problems import Problem, ProblemsError, Refusal, os_reason
from data.rules import day, limit, number  # noqa: F401 (part of this module's API: the imports use them from here)

CHUNK = 1 << 16


class IntakeError(ProblemsError):
    """A file from outside cannot be used as it is; nothing was changed."""

    heading = "The file could not be used; nothing was changed."


def refuse(name: str, code: str, row: int | None = None, column: str | None = None, **values) -> IntakeError:
    return IntakeError([Problem.of(name, code, row, column, **values)])


def _size_words(n: int) -> str:
    return f"{n / 1e6:.0f} MB" if n >= 1_000_000 else f"{n:,} bytes"


@dataclass
class Deadline:
    """A time limit for reading and checking one file: `check(row)` raises once it has passed."""

    name: str
    seconds: float = field(default_factory=lambda: float(limit("check_seconds")))
    started: float = field(default_factory=time.monotonic)

    def passed(self) -> bool:
        return time.monotonic() - self.started > self.seconds

    def check(self, row: int | None = None) -> None:
        if self.passed():
            raise refuse(self.name, "check.too_slow", row=row, seconds=f"{self.seconds:g}", at_row=row or 0)


# ------------------------------------------------------------------------------------------- bytes


def read_file(
    path: str | Path, name: str | None = None, max_bytes: int | None = None, deadline: Deadline | None = None
) -> bytes:
    """The bytes of a regular file, at most `max_bytes` (default: the upload limit). Raises IntakeError.

    Opened without following a link and without blocking (a named pipe would otherwise wait forever for a
    writer), then checked with fstat: only an ordinary file is read, in chunks, so /dev/zero or a huge file
    never fills the memory."""
    path = Path(path)
    name = name or str(path)
    max_bytes = max_bytes if max_bytes is not None else limit("upload_bytes")
    deadline = deadline or Deadline(name)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as exc:
        raise _open_refusal(path, name, exc) from None
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            code = (
                "file.folder"
                if stat.S_ISDIR(mode)
                else "file.pipe"
                if stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode)
                else "file.device"
                if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
                else "file.not_regular"
            )
            raise refuse(name, code)
        chunks, size = [], 0
        while True:
            try:
                chunk = os.read(fd, CHUNK)
            except OSError as exc:
                raise refuse(name, "file.unreadable", reason=os_reason(exc)) from None
            if not chunk:
                break
            size += len(chunk)
            if size > max_bytes:
                raise refuse(name, "file.too_big", limit=_size_words(max_bytes))
            chunks.append(chunk)
            if deadline.passed():
                raise refuse(name, "file.too_slow", seconds=f"{deadline.seconds:g}")
        return b"".join(chunks)
    finally:
        os.close(fd)


def _open_refusal(path: Path, name: str, exc: OSError) -> IntakeError:
    if exc.errno == errno.ENOENT:
        return refuse(name, "file.missing")
    if exc.errno == errno.ELOOP:  # O_NOFOLLOW on a symbolic link
        return refuse(name, "file.link")
    if exc.errno in (errno.EACCES, errno.EPERM):
        return refuse(name, "file.denied")
    if exc.errno == errno.EISDIR:
        return refuse(name, "file.folder")
    if exc.errno == errno.ENXIO:  # a socket or a pipe opened without a reader
        return refuse(name, "file.pipe")
    return refuse(name, "file.unreadable", reason=os_reason(exc))


def read_stream(stream, name: str, max_bytes: int, deadline: Deadline | None = None) -> bytes:
    """At most `max_bytes` from a file-like object (an HTTP response), in chunks, within the deadline."""
    deadline = deadline or Deadline(name)
    chunks, size = [], 0
    while True:
        chunk = stream.read(CHUNK)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > max_bytes:
            raise refuse(name, "file.too_big", limit=_size_words(max_bytes))
        chunks.append(chunk)
        if deadline.passed():
            raise refuse(name, "file.too_slow", seconds=f"{deadline.seconds:g}")


# ------------------------------------------------------------------------------------------- text


def _row_of_offset(data: bytes, offset: int) -> int | None:
    """Data row number (1 = first row under the header) of a byte offset; None when it is in the header."""
    line = data.count(b"\n", 0, offset) + 1
    return line - 1 if line > 1 else None


def decode(data: bytes, name: str) -> tuple[str, list[Problem]]:
    """UTF-8 text of a CSV file, and notes on what was tidied (a byte-order mark, Windows line endings)."""
    if len(data) == 0:
        raise refuse(name, "file.empty")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise refuse(name, "file.utf16")
    if data.startswith(b"PK\x03\x04") or data.startswith(b"\xd0\xcf\x11\xe0"):
        raise refuse(name, "file.workbook")
    notes = []
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
        notes.append(Problem.of(name, "note.bom"))
    nul = data.find(b"\0")
    if nul >= 0:
        raise refuse(name, "file.nul", row=_row_of_offset(data, nul))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        try:
            data.decode("cp1252")
            code = "file.not_utf8_cp1252"
        except UnicodeDecodeError:
            code = "file.not_utf8"
        raise refuse(
            name, code, row=_row_of_offset(data, exc.start), byte=f"{data[exc.start]:02x}", position=exc.start
        ) from None
    if not text.strip():
        raise refuse(name, "file.blank")
    if "\r\n" in text:
        notes.append(Problem.of(name, "note.crlf"))
    return text, notes


def records(text: str, name: str, max_rows: int, deadline: Deadline | None = None) -> list[list[str]]:
    """Strict CSV records (the header first), at most `max_rows` data rows, read within the deadline."""
    deadline = deadline or Deadline(name)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    out: list[list[str]] = []
    try:
        for record in reader:
            out.append(record)
            if len(out) > max_rows + 1:
                raise refuse(name, "file.too_many_rows", rows=_count_rows(text), limit=max_rows)
            if len(out) % 1000 == 0:
                deadline.check(len(out) - 1)
    except csv.Error as exc:
        row = max(reader.line_num - 1, 1)
        if "end of data" in str(exc):
            raise refuse(name, "file.bad_csv_quote", row=row) from None
        raise refuse(name, "file.bad_csv", row=row, reason=_csv_reason(exc)) from None
    return out


def _count_rows(text: str) -> int:
    """Data rows of a CSV text (for the message only; quoted line breaks would count twice)."""
    return max(text.count("\n") - (0 if text.endswith("\n") else -1) - 1, 0)


def _csv_reason(exc: csv.Error) -> str:
    text = str(exc)
    if "new-line character seen in unquoted field" in text:
        return "a line break inside a cell that is not quoted"
    if "expected after" in text:
        return 'a quote in the middle of a cell (write two quotes "" for one, and quote the whole cell)'
    if "field larger than field limit" in text:
        return "a cell is far too long"
    return "its quotes and commas do not line up"


# The text rules, the same for every upload and import.
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# zero-width, text-direction and other invisible characters: they make text read differently than it is
_INVISIBLE_RE = re.compile(
    r"[\u00ad\u061c\u115f\u1160\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\u3164\ufeff\ufff9-\ufffb]"
)
_MARKUP_RE = re.compile(
    r"<\s*[A-Za-z!/?]|javascript\s*:|vbscript\s*:|data\s*:\s*text/html|&#\s*x?[0-9a-f]+;?", re.IGNORECASE
)
_FORMULA_START = ("=", "+", "@", "\t", "\r", "|")
_PLAIN_NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?", re.ASCII)


def short(text: str, limit_chars: int = 60) -> str:
    """A value as a message may quote it: control characters escaped, at most `limit_chars` characters."""
    text = text.encode("unicode_escape").decode("ascii") if _CONTROL_RE.search(text) else text
    text = _INVISIBLE_RE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)
    return text if len(text) <= limit_chars else text[:limit_chars] + "…"


def text_refusal(text: str, max_chars: int | None = None) -> Refusal | None:
    """Why a cell's text cannot be taken as it is (a Refusal with its code), or None."""
    max_chars = max_chars if max_chars is not None else limit("cell_chars")
    if len(text) > max_chars:
        return Refusal("text.too_long", length=len(text), limit=max_chars)
    if "\n" in text or "\r" in text or "\u2028" in text or "\u2029" in text or "\x85" in text:
        return Refusal("text.line_break")
    if _CONTROL_RE.search(text):
        return Refusal("text.control")
    if _INVISIBLE_RE.search(text):
        return Refusal("text.invisible")
    stripped = text.strip()
    if (
        text.startswith(("\t", "\r"))
        or stripped.startswith(_FORMULA_START)
        or (stripped.startswith("-") and not _PLAIN_NUMBER.fullmatch(stripped))
    ):
        return Refusal("text.formula", first=short(text.lstrip(" ")[:1]), text=short(stripped, 30))
    found = _MARKUP_RE.search(text)
    if found:
        return Refusal("text.markup", found=short(found.group(0), 20))
    return None


def name_refusal(text: str) -> Refusal | None:
    """The text rules with the shorter limit for a name in an import (a school, a provider)."""
    return text_refusal(text, limit("name_chars"))


# ------------------------------------------------------------------------------------------- a CSV import


@dataclass
class CsvFile:
    """A CSV file read through the hardened reader: its header (trimmed, lower-cased) and data records."""

    name: str
    header: list[str]
    body: list[list[str]]
    raw: bytes
    notes: list[Problem] = field(default_factory=list)
    deadline: Deadline | None = None


def read_csv_file(
    path: str | Path, name: str | None = None, max_bytes: int | None = None, max_rows: int | None = None
) -> CsvFile:
    """Read a staff CSV for an import: bytes (regular file, byte limit), UTF-8 text, strict CSV (row limit), all
    within the time limit. Blank lines are dropped. Raises IntakeError naming the file (and row where it can)."""
    name = name or Path(path).name
    deadline = Deadline(name)
    raw = read_file(path, name, max_bytes if max_bytes is not None else limit("import_bytes"), deadline)
    text, notes = decode(raw, name)
    found = [r for r in records(text, name, max_rows or limit("import_rows"), deadline) if any(c.strip() for c in r)]
    if not found:
        raise refuse(name, "file.no_header")
    header = [h.strip().lower() for h in found[0]]
    return CsvFile(name, header, found[1:], raw, notes, deadline)


# ------------------------------------------------------------------------------------------- a check worker


def worker_init(parent: int, niceness: int = 10) -> None:
    """Initializer of a process that checks files for a server (components/ui/staff_actions.py): a lower priority
    than the server's own, and an exit as soon as the server is gone (never an orphan holding a core)."""
    import threading  # noqa: PLC0415 (only in the worker)

    os.nice(niceness)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(0)

    threading.Thread(target=watch, daemon=True).start()
