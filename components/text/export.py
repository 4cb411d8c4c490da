"""CSV exports that carry their citations, and cannot run as spreadsheet formulas."""

from __future__ import annotations

import csv
import io

import pandas as pd

# A cell starting with one of these is run as a formula by Excel, LibreOffice and Google Sheets.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralize(value):
    """Prefix text that a spreadsheet would run as a formula with an apostrophe (OWASP CSV injection)."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def to_csv(frame: pd.DataFrame, citation_lines: list[str]) -> bytes:
    """The table as UTF-8 CSV, followed by a blank line and one '# ' line per citation."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([neutralize(str(c)) for c in frame.columns])
    for row in frame.itertuples(index=False):
        writer.writerow(["" if pd.isna(v) else neutralize(v) for v in row])
    writer.writerow([])
    for line in citation_lines:
        writer.writerow([neutralize("# " + line)])
    return out.getvalue().encode("utf-8")
