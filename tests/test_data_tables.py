"""The data behind every chart is one click away, and built only for the reader who opens it.

A page run sends no chart data table until its expander is opened (BENCHMARKS.md: building 4–7 tables and
CSVs per run cost every visitor time and bytes). Opening one shows the chart's rows and a CSV download; the
figures in it are the published ones.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

pytestmark = pytest.mark.apptest

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "app.py"

# page file (with "#<section>": that tab open, ?section=) -> the keys of its chart/data expanders
# (ui.data_table: key "open-<key>"); the lead's chart is on every tab of its page
PAGES = {
    "pages/overview.py": ["spending-mix"],
    "pages/spending.py": ["sp-lines"],
    "pages/spending.py#lines": ["sp-lines", "sp-treemap"],
    "pages/spending.py#police": ["sp-lines", "sp-laspd-items"],
    "pages/deployments.py": ["lead-published"],
    "pages/deployments.py#map": ["lead-published", "dep-label-points-board_district"],
    "pages/deployments.py#charts": ["lead-published", "dep-bd-published", "dep-region-published"],
    "pages/deployments.py#schools": ["lead-published", "dep-per-school"],
    "pages/deployments.py#conditions": ["lead-published", "dep-policy"],
    "pages/community_safety.py": ["cbs-earmark", "cbs-bsap"],
    "pages/community_safety.py#passages": ["cbs-earmark", "cbs-sp-counts"],
    "pages/community_safety.py#engagement": ["cbs-earmark", "cbs-timeline"],
}


def read_csv(name: str) -> list[dict]:
    with (ROOT / "data" / name).open(newline="", encoding="utf-8-sig") as fh:
        return list(csv.DictReader(fh))


def run(page: str, opened: list[str] = ()) -> AppTest:
    from tests.apptest_support import run_page

    file, _, section = page.partition("#")
    at = run_page(Path(file).stem, section=section or None)
    for key in opened:
        at.session_state[f"open-{key}"] = True
    if opened:
        at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.mark.parametrize("page", list(PAGES))
def test_closed_tables_are_not_built_and_each_opens_with_its_rows_and_a_csv(page):
    closed = run(page)
    labels = [e.label for e in closed.expander]
    assert labels.count("Show the data as a table") == len(PAGES[page])
    assert not any(
        b.proto.id.endswith(tuple(f"download-{k}" for k in PAGES[page])) for b in closed.get("download_button")
    )
    closed_frames = len(closed.dataframe)

    opened = run(page, PAGES[page])
    assert len(opened.dataframe) == closed_frames + len(PAGES[page])
    downloads = [b.proto.id for b in opened.get("download_button")]
    for key in PAGES[page]:
        assert any(f"download-{key}" in d for d in downloads), (key, downloads)
    assert all(len(d.value) > 0 for d in opened.dataframe)


def test_the_opened_overview_tables_carry_the_published_figures():
    from tests.apptest_support import run_page

    frames = []
    for section, key in (("deployments", "deployments-region"), ("timeline", "timeline")):
        at = run_page("overview", section=section)
        at.session_state[f"open-{key}"] = True
        frames += [d.value for d in at.run().dataframe]
    regions = {r["region"]: int(r["deployments"]) for r in read_csv("deployments_by_region.csv")}
    region_table = next(f for f in frames if "Region" in f.columns)
    counts = {row["Region"]: int(row["Deployments"]) for row in region_table.to_dict("records")}
    assert counts == regions
    timeline = next(f for f in frames if "Event" in f.columns)
    assert len(timeline) == len(read_csv("timeline.csv"))
