"""Which school years the data holds for each kind of figure, and what is published for each: years come from the
data, never from code. A page offers the years of what it shows and opens on the newest year that has a complete
published table; a year with only some tables says what it lacks.
"""

from __future__ import annotations

from dataclasses import dataclass

import queries
from components.i18n import t
from components.perf.memo import cached

# What each page shows, by the tables a year can have: (part, the tables that make it complete).
BUDGET = "budget"  # the district safety budget table: its lines and its published totals
DEPLOYMENTS = "deployments"  # short-term deployments: by board district, by region, and the headline facts
PARTS = {BUDGET: ("lines", "totals"), DEPLOYMENTS: ("board_districts", "regions", "facts")}


@dataclass(frozen=True)
class Year:
    """One school year and what is published for it."""

    school_year: str
    tables: frozenset  # which of the parts' tables exist: 'lines', 'totals', 'board_districts', ...

    def complete(self, part: str) -> bool:
        return set(PARTS[part]) <= self.tables

    def has(self, part: str) -> bool:
        return bool(set(PARTS[part]) & self.tables)


@cached(data=True)
def published() -> tuple[Year, ...]:
    """Every school year that has a budget or deployment table, newest first, with what each holds."""
    found: dict[str, set] = {}
    for row in queries.run("budget_years").frame.itertuples(index=False):
        found.setdefault(row.school_year, set()).update({"lines"} | ({"totals"} if row.has_totals else set()))
    for row in queries.run("deployment_years").frame.itertuples(index=False):
        tables = found.setdefault(row.school_year, set())
        for flag, name in (
            (row.has_board_districts, "board_districts"),
            (row.has_regions, "regions"),
            (row.has_facts, "facts"),
        ):
            if flag:
                tables.add(name)
    return tuple(Year(y, frozenset(found[y])) for y in sorted(found, reverse=True))


def for_page(parts: tuple[str, ...]) -> tuple[Year, ...]:
    """The years a page that shows `parts` offers: every year with any of their tables, newest first."""
    return tuple(y for y in published() if any(y.has(p) for p in parts))


def default(parts: tuple[str, ...]) -> str | None:
    """The newest year with a complete published table among `parts` (else the newest year with any table)."""
    years = for_page(parts)
    complete = [y.school_year for y in years if any(y.complete(p) for p in parts)]
    return complete[0] if complete else (years[0].school_year if years else None)


def lookup(school_year: str) -> Year:
    return next((y for y in published() if y.school_year == school_year), Year(school_year, frozenset()))


def budget_years() -> list[str]:
    """School years with a complete district safety budget table (lines and published totals), newest first."""
    return [y.school_year for y in published() if y.complete(BUDGET)]


def deployment_years() -> list[str]:
    """School years with published deployment counts by board district and by region, newest first."""
    return [y.school_year for y in published() if y.complete(DEPLOYMENTS)]


def missing_notes(school_year: str, parts: tuple[str, ...], lang: str) -> tuple[str, ...]:
    """Plain sentences for what the year lacks among `parts` ("No district safety budget table has been
    published for 2024-25.")."""
    year = lookup(school_year)
    notes = []
    for part in parts:
        if not year.has(part):
            notes.append(t(f"years.missing.{part}", lang, year=school_year))
        elif not year.complete(part):
            lacking = [t(f"years.table.{name}", lang) for name in PARTS[part] if name not in year.tables]
            notes.append(t(f"years.partial.{part}", lang, year=school_year, tables=", ".join(lacking)))
    return tuple(notes)


def previous(school_year: str, part: str) -> str | None:
    """The newest year before `school_year` with a complete `part` (for "change from the year before")."""
    older = [y.school_year for y in published() if y.school_year < school_year and y.complete(part)]
    return older[0] if older else None
