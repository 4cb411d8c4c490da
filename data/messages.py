"""Every message a staff member can meet about a file, in English, by code.

A Problem (data/problems.py) carries its code and the values it names, so the staff page can say it in the
reader's language (the message catalogs, components/i18n/locale, hold each code as "problem.<code>", with this
English and its Spanish; tests/test_i18n.py fails when one is missing or its English differs from this). The command line prints the English. Messages are plain words: they name the file, row and
column and say what to do, and never quote a database error, a Python exception or an error number.
"""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    # ---- reading a file (data/intake.py)
    "file.missing": "there is no such file",
    "file.link": "is a link to another file; give the file itself",
    "file.folder": "is a folder, not a file",
    "file.pipe": "is a pipe or socket, not a file; save the data to a file and give that",
    "file.device": "is a device, not a file",
    "file.not_regular": "is not an ordinary file",
    "file.denied": "cannot be read: permission denied",
    "file.unreadable": "cannot be read ({reason})",
    "file.too_big": "is larger than {limit}; check that this is the right file",
    "file.too_slow": "could not be read within {seconds} seconds; nothing was changed",
    "check.too_slow": "checking took longer than {seconds} seconds (stopped at row {at_row}); split the file into smaller ones",
    "file.empty": "is empty (0 bytes): it needs a header row and at least one data row",
    "file.blank": "has no content (only spaces or empty lines): it needs a header row",
    "file.utf16": "is saved as UTF-16 text; save it again as 'CSV UTF-8'",
    "file.workbook": "is a spreadsheet workbook (Excel), not a CSV file; use 'Save as… CSV UTF-8'",
    "file.nul": "contains a NUL byte: it is not a text CSV file",
    "file.not_utf8": "is not UTF-8 text (byte 0x{byte} at position {position}). Save it again as 'CSV UTF-8'",
    "file.not_utf8_cp1252": (
        "is not UTF-8 text (byte 0x{byte} at position {position}). It looks like Windows-1252/Latin-1 (an older "
        "Excel 'CSV' export). Save it again as 'CSV UTF-8'"
    ),
    "file.bad_csv": "is not a well-formed CSV file: {reason}",
    "file.bad_csv_quote": "is not a well-formed CSV file: probably a quote that is never closed",
    "file.too_many_rows": "has {rows:,} data rows; the limit is {limit:,}",
    "file.no_rows": "has a header row but no data rows",
    "file.no_header": "is empty: it needs a header row",
    "note.bom": "The file started with a byte-order mark (from a spreadsheet export); it was removed.",
    "note.crlf": "Windows line endings (CRLF) were converted to plain line breaks.",
    # ---- header and shape
    "header.mismatch": "the header row does not match the table: {detail}. Expected: {expected}",
    "header.missing": "missing columns: {names}",
    "header.unknown": "unknown columns: {names}",
    "header.order": "columns are in the wrong order",
    "header.twice": "the header names this column twice",
    "header.cell_empty": "header cell {n} is empty; every column needs a name",
    "header.cell_bad": "header cell {n} {why}",
    "row.empty": "is an empty line; remove it",
    "row.cells": "has {cells} cells but the header has {expected} (check for an unquoted comma)",
    # ---- text in a cell (the same rules everywhere)
    "text.too_long": "is {length:,} characters long; the limit is {limit:,} characters",
    "text.line_break": "has a line break inside the cell; put the text on one line",
    "text.control": "contains an invisible control character; retype the cell",
    "text.invisible": "contains an invisible zero-width or text-direction character; retype the cell",
    "text.formula": (
        "starts with '{first}', so a spreadsheet would run it as a formula ('{text}'); publish plain values only"
    ),
    "text.markup": "contains HTML or script markup ('{found}'); write plain text",
    "text.empty": "is empty, but this column needs a value",
    # ---- numbers and dates (data/rules.toml)
    "number.format": (
        "'{text}' is not a number written with the digits 0-9 and at most one decimal point (no commas, $, "
        "spaces, exponents or other characters)"
    ),
    "number.whole": "'{text}' is not a whole number (write digits only, no commas, $, spaces or decimal point)",
    "number.too_long": "'{text}' is {length} characters long; a figure here has at most {limit}",
    "number.negative": "'{text}' is negative; {unit} here cannot be below {min}",
    "number.range": "{text} is outside the allowed range for {unit}: {min} to {max} ({why})",
    "number.decimals": (
        "{text} has {found} digits after the decimal point; {unit} here allow at most {decimals}. "
        "Write the figure exactly as published, without extra digits: it is never rounded"
    ),
    "bool.value": "'{text}' must be true or false",
    "date.format": "'{text}' is not a date written YYYY-MM-DD (with the digits 0-9)",
    "date.real": "'{text}' is not a real calendar date",
    "date.range": "{text} is outside the dates allowed here: {min} to {max} ({why})",
    "school_year.format": (
        "'{text}' is not a school year written like 2024-25 (four digits, a hyphen, and the last two digits of "
        "the next year)"
    ),
    "school_year.future": "'{text}' is in the future: the latest school year that can be published now is {latest}",
    # ---- rules of the data (schema.sql), said plainly
    "rule.allowed": "'{text}' is not one of the allowed values: {allowed}",
    "rule.pattern": "'{text}' is not written as this column needs: {pattern}",
    "rule.not_negative": "must not be negative (money and counts start at zero)",
    "rule.empty_text": "is empty or only spaces; write a value",
    "rule.together": "breaks a rule of this table: {rule}",
    "rule.reference": "'{text}' does not exist in {table}, which this column points to",
    "rule.reference_source": (
        "'{text}' does not exist in {table}, which this column points to — add the document to sources.csv "
        "(publish the sources table) first"
    ),
    "rule.duplicate": "repeats a key that an earlier row already uses",
    "rule.refused": "the rows of this file could not be stored together ({detail})",
    "rule.key_repeated": "repeats the key ({shown}) of row {first}",
    "build.no_rows": "has no rows; the dashboard needs them",
    "build.no_category": "budget line '{line_id}' has no spending category — publish its row in budget_line_categories first",
    "build.after_upload": "after this upload: {message}",
    "build.file_missing": "the file is missing",
    # ---- the proof: every question the site asks, on the new data (data/proof.py)
    "proof.query_failed": (
        "the page question '{query}' fails on the new data ({where}): {reason}. Nothing was published; the site "
        "keeps the data it has"
    ),
    "proof.not_finite": (
        "the page question '{query}' gives a value that is not a finite number in column '{column}' ({where}). "
        "Nothing was published; the site keeps the data it has"
    ),
    "proof.table_failed": "the table {table} cannot be read back from the new database ({reason})",
    "proof.sum_failed": (
        "the figures in column '{column}' of {table} cannot be added up ({reason}): a value is far too large. "
        "Nothing was published"
    ),
    "proof.hook_failed": "a check of the new data refused it: {reason}",
    "proof.unknown_parameter": "the page question '{query}' takes a value ${name} that no table holds",
    # ---- publish and restore (data/publish)
    "publish.table_unknown": "'{stem}' is not a published table; choose one of: {choices}",
    "publish.mode_unknown": "unknown mode '{mode}' (use replace or upsert)",
    "publish.no_key": "this table has no key, so rows cannot be matched; use mode 'replace' with the complete table",
    # ---- storage (the disk, the folders)
    "storage.full": "could not be written: the disk is full",
    "storage.read_only": "could not be written: its folder is read-only",
    "storage.failed": "could not be written ({reason})",
}
