"""Staff page view model: the tables staff can publish, their columns, the kept versions, and the words and
tables that show a checked upload or a restore. The work itself is data/publish (the same engine as
`python -m data.publish`)."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from components.i18n import t
from components.tables import staff as tables
from components.text.markdown import md_escape
from data.layout import data_dir_default, stems
from data.publish import MODES, Candidate, history, restore_preview, shape
from data.validate_upload import MAX_BYTES

MAX_UPLOAD_MB = MAX_BYTES // 1_000_000


def data_dir():
    return data_dir_default()


def tables_offered() -> list[str]:
    return stems()


def modes() -> tuple[str, ...]:
    return MODES


def columns_note(stem: str, lang: str) -> str:
    return t("staff.columns", lang, columns=", ".join(c.name for c in shape(stem, data_dir()).columns))


@dataclass(frozen=True)
class CheckedView:
    notes: tuple[str, ...]
    problems_title: str | None
    problems: pd.DataFrame | None
    no_change: str | None
    valid: str | None
    changes: tuple[tuple[str, pd.DataFrame], ...]  # (heading, rows) for added, changed, removed


def checked(cand: Candidate, lang: str) -> CheckedView:
    notes = tuple(md_escape(n) for n in cand.notes)
    if cand.problems:
        return CheckedView(
            notes,
            t("staff.problems", lang, n=len(cand.problems)),
            tables.problems_frame(cand.problems, lang),
            None,
            None,
            (),
        )
    if not cand.changes:
        return CheckedView(notes, None, None, t("staff.no_change", lang), None, ())
    changes = tuple(
        (t(f"staff.{kind}", lang), frame)
        for kind in ("added", "changed", "removed")
        if len(frame := tables.changes_frame(cand.changes, kind, lang))
    )
    return CheckedView(notes, None, None, None, t("staff.valid", lang, **cand.counts()), changes)


def versions() -> list[dict]:
    return history(data_dir())


def history_table(items: list[dict], lang: str) -> pd.DataFrame:
    return tables.history_frame(items, lang)


def restore_text(version: str, lang: str) -> str:
    return t(
        "staff.restore_preview",
        lang,
        summary=md_escape(tables.summary_text(restore_preview(version, data_dir()), lang)),
    )
