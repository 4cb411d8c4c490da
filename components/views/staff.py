"""Staff page view model: the tables staff can publish, their columns, the kept versions, and the words and
tables that show a checked upload or a restore. The work itself is data/publish (the same engine as
`python -m data.publish`)."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from components.i18n import t, tn
from components.tables import staff as tables
from components.text.markdown import md_escape
from data import staff_state, startup
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
    notes = tuple(md_escape(tables.problem_text(n, lang)) for n in cand.note_problems) or tuple(
        md_escape(n) for n in cand.notes
    )
    if cand.problems:
        return CheckedView(
            notes,
            tn("staff.problems", len(cand.problems), lang),
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


def problem_lines(problems, lang: str) -> str:
    """Problems as markdown lines (file, row, column: message), in the reader's language."""
    return "\n".join(
        "- "
        + md_escape(f"{p.file}" + (f", {p.row}" if p.row is not None else "") + (f", {p.column}" if p.column else ""))
        + ": "
        + md_escape(tables.problem_text(p, lang))
        for p in problems[:25]
    )


def refusal(message: str, problems, lang: str) -> str:
    """A refused publish or restore: its message, then its problems in the reader's language."""
    text = md_escape(message)
    return text + ("\n\n" + problem_lines(problems, lang) if problems else "")


def health(lang: str) -> str | None:
    """Why the site is not serving a database freshly built from the CSVs, if it is not (for staff only)."""
    result = startup.last_result()
    if result is None:
        return None
    details = problem_lines(result.error.problems[:5], lang) if result.error is not None else ""
    if result.action == "kept_previous" and result.reason == "read_only":
        return t("staff.health.kept_read_only", lang)
    if result.action == "kept_previous":
        return t("staff.health.kept_csv", lang, details="\n\n" + details)
    if result.action == "served_elsewhere":
        return t("staff.health.elsewhere", lang, path=md_escape(result.served))
    if result.action == "rebuilt_from_history":
        return t("staff.health.from_history", lang, details="\n\n" + details)
    return None


@dataclass(frozen=True)
class AuditView:
    intro: str
    table: pd.DataFrame | None
    message: str | None  # when there is nothing to show, or the log cannot be read


def audit(lang: str) -> AuditView:
    try:
        lines = staff_state.audit_log()
    except staff_state.StateUnavailable as exc:
        return AuditView(t("staff.audit_intro", lang), None, t("staff.audit_unavailable", lang, reason=md_escape(exc)))
    if not lines:
        return AuditView(t("staff.audit_intro", lang), None, t("staff.audit_empty", lang))
    return AuditView(t("staff.audit_intro", lang), tables.audit_frame(lines, lang), None)
