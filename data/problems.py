"""What is wrong with a file, said in plain words: one Problem per cell, row or file, and the errors that carry them.

Every reader of data (the build, staff uploads, the imports) reports through these, so a message always names
the file, the row and the column the same way.
"""

from __future__ import annotations

from dataclasses import dataclass

MAX_REPORTED_ERRORS = 25


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one cell (or row, or file), said in plain words."""

    file: str
    message: str
    row: int | None = None  # data row number, 1 = first row under the header
    column: str | None = None

    def __str__(self) -> str:
        where = self.file
        if self.row is not None:
            where += f", row {self.row} (line {self.row + 1} of the file)"
        if self.column:
            where += f", column '{self.column}'"
        return f"{where}: {self.message}"


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
