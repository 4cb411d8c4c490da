"""Which school years the data holds for each kind of figure: years come from the data, never from code."""

from __future__ import annotations

import queries


def budget_years() -> list[str]:
    """School years with a complete district safety budget table (lines and published totals), newest first."""
    frame = queries.run("budget_years").frame
    return [y for y, complete in zip(frame["school_year"], frame["has_totals"]) if complete]


def deployment_years() -> list[str]:
    """School years with published deployment counts by board district and by region, newest first."""
    frame = queries.run("deployment_years").frame
    both = frame["has_board_districts"] & frame["has_regions"] & frame["has_facts"]
    return frame.loc[both, "school_year"].tolist()


def latest(years: list[str]) -> str | None:
    return years[0] if years else None
