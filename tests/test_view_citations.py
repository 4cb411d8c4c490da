"""Citations under the figures name the rows they come from: the board-district counts cite the slide (the board
members, joined in for the table, are cited on their own line for the right school year); the spending mix
names the slide of the budget table; the Community page's headline figures cite their own rows."""

from __future__ import annotations

import re

from components.views import community, deployments, overview

YEAR = "2023-24"


def plain(markdown: str) -> str:
    return re.sub(r"\\(.)", r"\1", markdown)


def chart(view, key):
    """A chart of a view model by its key: the finding's chart or one in a section (also side by side)."""
    found = [view.lead.chart] if view.lead and view.lead.chart else []
    for section in view.sections:
        for x in section.items:
            found += [c for column in getattr(x, "columns", ()) for c in column] + [x]
    return next(c for c in found if getattr(c, "key", None) == key)


def test_board_district_counts_cite_the_slide_and_members_are_cited_apart():
    view = overview.build(YEAR, "en")
    counts = plain(chart(view, "deployments-bd").citation)
    assert "District Safety Updates" in counts and "Board District table" in counts
    assert "news report" not in counts and "documents (" not in counts  # no member sources mixed in
    members = next(
        plain(x.body)
        for s in view.sections
        for x in s.items
        for column in getattr(x, "columns", ())
        for x in column
        if getattr(x, "body", "").startswith(f"Board members in {YEAR}")
    )
    assert members.startswith(f"Board members in {YEAR}") and "news report" in members
    dep = deployments.build(YEAR, "en", "published", None, None)
    assert "news report" not in plain(dep.by_board_district.citation)


def test_the_spending_mix_cites_the_slide_of_the_budget_table():
    cite = plain(overview.build(YEAR, "en").lead.chart.citation)
    assert "District Safety Updates" in cite and "slide 'District Safety Budget, 23–24 School Year'" in cite


def test_community_headline_figures_cite_their_own_rows():
    cite = plain(community.build(YEAR, "en").metrics_citation)
    assert "documents (" not in cite  # not a count of six documents
    assert "District Safety Updates" in cite  # the pilot's two money lines
    assert "AALA" in cite  # the one safe-passage count shown (27 programs)
