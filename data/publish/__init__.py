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

from data.publish.preview import MODES, Candidate, Change, PublishError, TableShape, diff, prepare, shape
from data.publish.versions import history, publish, restore, restore_preview

__all__ = [
    "MODES",
    "Candidate",
    "Change",
    "PublishError",
    "TableShape",
    "diff",
    "history",
    "prepare",
    "publish",
    "restore",
    "restore_preview",
    "shape",
]
