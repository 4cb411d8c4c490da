"""What is wrong with a file, said in plain words: one Problem per cell, row or file, and the errors that carry them.

Every reader of data (the build, staff uploads, the imports) reports through these, so a message always names
the file, the row and the column the same way. A Problem made from a message code (data/messages.py) keeps the
code and its values, so the staff page can say it in Spanish too.
"""

from __future__ import annotations

import errno
from dataclasses import dataclass

from data.messages import MESSAGES

MAX_REPORTED_ERRORS = 25


def say(code: str, **values) -> str:
    """The English message for `code` with its values filled in."""
    return MESSAGES[code].format(**values)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one cell (or row, or file), said in plain words."""

    file: str
    message: str
    row: int | None = None  # data row number, 1 = first row under the header
    column: str | None = None
    code: str | None = None  # data/messages.py code of `message`, when it was made from one
    values: tuple[tuple[str, object], ...] = ()

    @classmethod
    def of(cls, file: str, code: str, row: int | None = None, column: str | None = None, **values) -> Problem:
        """A Problem from a message code (English text now; the code and values for other languages)."""
        return cls(file, say(code, **values), row, column, code, tuple(sorted(values.items())))

    def moved(self, file: str | None = None, row: int | None = None, column: str | None = None) -> Problem:
        """The same problem, said about another file, row or column."""
        return Problem(
            self.file if file is None else file,
            self.message,
            self.row if row is None else row,
            self.column if column is None else column,
            self.code,
            self.values,
        )

    def __str__(self) -> str:
        where = self.file
        if self.row is not None:
            where += f", row {self.row} (line {self.row + 1} of the file)"
        if self.column:
            where += f", column '{self.column}'"
        return f"{where}: {self.message}"


class Refusal(ValueError):
    """A value refused by a rule: its message code and values (str() is the English message)."""

    def __init__(self, code: str, **values):
        self.code = code
        self.values = values
        super().__init__(say(code, **values))

    def problem(self, file: str, row: int | None = None, column: str | None = None) -> Problem:
        return Problem.of(file, self.code, row, column, **self.values)


class ProblemsError(Exception):
    """A file cannot be used as it is: a heading, then one line per problem (at most MAX_REPORTED_ERRORS)."""

    heading = "The file could not be used; nothing was changed."

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        shown = "\n".join(f"- {p}" for p in problems[:MAX_REPORTED_ERRORS])
        more = len(problems) - MAX_REPORTED_ERRORS
        tail = f"\n- … and {more} more" if more > 0 else ""
        super().__init__(f"{self.heading}\n{shown}{tail}")


class BuildError(ProblemsError):
    """The CSVs cannot be published as they are. `problems` lists what is wrong."""

    heading = "The data could not be built; nothing was changed."


class StorageError(ProblemsError):
    """A file could not be written (a full disk, a read-only folder): said plainly, with nothing changed."""

    heading = "A file could not be written; nothing was changed."


_READ_ONLY = {errno.EACCES, errno.EPERM, errno.EROFS}


def storage_problem(exc: BaseException, what: str) -> Problem:
    """A write that failed, in plain words: a full disk, a read-only folder, or the system's reason in words."""
    code = getattr(exc, "errno", None)
    text = str(exc).lower()
    if code in (errno.ENOSPC, errno.EDQUOT) or "no space left" in text or "disk quota" in text:
        return Problem.of(what, "storage.full", what=what)
    if code in _READ_ONLY or any(w in text for w in ("read-only file system", "permission denied", "not permitted")):
        return Problem.of(what, "storage.read_only", what=what)
    return Problem.of(what, "storage.failed", what=what, reason=os_reason(exc))


def os_reason(exc: BaseException) -> str:
    """The operating system's reason in words, without its number or the Python exception's name."""
    strerror = getattr(exc, "strerror", None)
    if strerror:
        return strerror.lower()
    text = str(exc).split("\n")[0]
    # "IO Error: Could not write file ...: No space left on device" -> the words after the last colon
    return text.rsplit(":", 1)[-1].strip().lower() or "unknown reason"
