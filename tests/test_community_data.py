"""Community-based safety page: figures equal their CSV rows (read here independently of the queries), the map
draws only sourced or imported locations, and the what-is-not-published panel and request come from data."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd

import queries
from components.charts import community as community_charts
from components.i18n import CATALOG
from components.tables import community as community_tables
from components.text.citations import kind_label

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"


def rows(name: str) -> list[dict]:
    with open(DATA / f"{name}.csv", newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def kinds() -> dict[str, str]:
    return {r["source_id"]: r["kind"] for r in rows("sources")}


# ------------------------------------------------------------------------------------------- money


def test_cbsp_lines_are_read_where_they_live():
    frame = queries.run("cbsp_money_lines", school_year="2023-24").frame.set_index("line")
    vendor = next(r for r in rows("budget_lines") if r["line_id"] == "cbsp-vendor-support")
    moved = next(r for r in rows("laspd_budget_items") if r["item_id"] == "vacant-positions-to-cbsp")
    assert int(frame.loc["vendor_support", "amount_usd"]) == int(vendor["budgeted_usd"]) == 14_161_600
    assert int(frame.loc["vacant_positions", "amount_usd"]) == int(moved["amount_usd"])
    assert bool(frame.loc["vacant_positions", "approx"]) is True and frame.loc["vacant_positions", "qualifier"] == "~"
    cards = {c["line"]: c for c in community_tables.cbsp_lines(frame.reset_index(), "en")}
    assert cards["vendor_support"]["value"] == "$14,161,600" and cards["vendor_support"]["approx"] == ""
    assert cards["vacant_positions"]["value"] == "~$3.7M"
    assert "approximate" in cards["vacant_positions"]["approx"] and "“~”" in cards["vacant_positions"]["approx"]


def test_no_new_csv_copies_the_pilot_figures():
    # One fact, one row: the two pilot amounts live only in budget_lines.csv and laspd_budget_items.csv.
    for path in (DATA / "unpublished_data.csv", DATA / "templates" / "safe_passage_roster_template.csv"):
        text = path.read_text(encoding="utf-8")
        assert "14161600" not in text and "3700000" not in text, path.name


def test_earmark_points_are_one_per_source_row_with_its_kind():
    obs = queries.run("cbs_observations").frame
    expected = [r for r in rows("cbs_funding") if r["metric"] == "cbs_allocation_usd"]
    earmark = community_tables.by_metric(obs, community_tables.EARMARK_METRICS)
    assert len(earmark) == len(expected) >= 2
    fig = community_charts.points_by_year(earmark, "t", "y", "en")
    drawn = sorted(float(v) for trace in fig.data for v in trace.y)
    assert drawn == sorted(float(r["value"]) for r in expected)
    # every trace is one kind, named in words in the legend and the hover, with its own marker shape
    src_kind = kinds()
    for trace in fig.data:
        assert trace.name in trace.hovertemplate
    assert len({trace.marker.symbol for trace in fig.data}) == len(fig.data)
    assert {tr.name for tr in fig.data} == {kind_label(src_kind[r["source_id"]], "en") for r in expected}


def test_bsap_conflicting_sources_are_separate_points():
    obs = queries.run("cbs_observations").frame
    expected = [r for r in rows("cbs_funding") if r["metric"] == "bsap_funding_usd"]
    bsap = community_tables.by_metric(obs, community_tables.BSAP_METRICS)
    fig = community_charts.points_by_year(bsap, "t", "y", "en")
    xs = [x for trace in fig.data for x in trace.x]
    ys = sorted(float(y) for trace in fig.data for y in trace.y)
    assert ys == sorted(float(r["value"]) for r in expected)
    assert len(set(round(x, 3) for x in xs)) == len(expected)  # no two sources drawn on one spot
    by_year = pd.Series([r["school_year"] for r in expected]).value_counts()
    assert by_year.max() >= 2  # the data really has conflicts to show (2024-25: 125M vs 120M)


def test_spending_reports_show_kind_in_words_and_the_source_value():
    obs = queries.run("cbs_observations").frame
    expected = [r for r in rows("cbs_funding") if r["metric"] in community_tables.SPENDING_METRICS]
    cards = community_tables.spending_reports(obs, "en")
    assert len(cards) == len(expected)
    src_kind = kinds()
    for r in expected:
        card = next(
            c
            for c in cards
            if c["source_id"] == r["source_id"] and c["title"] == CATALOG[f"cbs.report.{r['metric']}"]["en"]
        )
        assert card["badge"] == kind_label(src_kind[r["source_id"]], "en")
        value = float(r["value"])
        assert card["value"] == (f"${value:,.0f}" if r["unit"] == "usd" else f"{value:.0f}%")
        assert (card["approx"] != "") == (r["approx"] == "true")
    assert {c["kind"] for c in cards} >= {"news", "advocacy"}


# ------------------------------------------------------------------------------------------- safe passages


def _reviewed() -> dict[str, str]:
    """school_id -> CDS code of its reviewed match in the state directory (rows with a code only)."""
    return {
        r["row_key"]: r["cds_code"]
        for r in rows("school_directory_matches")
        if r["in_table"] == "schools" and r["cds_code"] and r["reviewed_by"].strip()
    }


def test_sites_are_located_only_through_a_reviewed_match_or_a_sources_coordinates():
    frame = queries.run("safe_passage_sites").frame
    sites = rows("safe_passage_sites")
    directory = {r["cds_code"]: (float(r["lat"]), float(r["lon"])) for r in rows("school_directory_2018")}
    primary = {
        r["school_id"]: (float(r["lat"]), float(r["lon"]))
        for r in rows("school_locations")
        if r["is_primary"] == "true"
    }
    reviewed = _reviewed()
    assert len(frame) == len(sites)
    for _, r in frame.iterrows():
        school = r["school_id"] if isinstance(r["school_id"], str) else None
        if school in reviewed:
            assert r["located_by"] == "directory" and r["cds_code"] == reviewed[school]
            assert (r["lat"], r["lon"]) == directory[reviewed[school]]
        elif school in primary:
            assert r["located_by"] == "source" and (r["lat"], r["lon"]) == primary[school]
        else:
            assert pd.isna(r["lat"]) and pd.isna(r["lon"]) and pd.isna(r["located_by"])
    # 17 of the 19 named sites can be drawn; the two others name an area, not a school
    assert frame["lat"].notna().sum() == 17 and frame["school_id"].isna().sum() == 2
    table = community_tables.sites_table(frame, "en")
    assert (table["Location (lat, lon)"] == "not drawn: names an area, not a school").sum() == 2


def test_headline_count_is_the_published_27():
    counts = queries.run("safe_passage_counts").frame
    row = next(r for r in rows("safe_passage_counts") if r["metric"] == "safe_passage_programs")
    assert int(community_tables.headline_count(counts)["value"]) == int(row["value"]) == 27


def test_sites_table_says_when_a_status_was_reported_never_plain_running():
    frame = queries.run("safe_passage_sites").frame
    table = community_tables.sites_table(frame, "en").set_index(frame["site_id"])
    status = table["Status (as reported)"]
    assert status["locke-hs-2004-volunteer"] == "● reported running in 2004 · status now unknown"
    assert status["dorsey-hs-safe-passage"] == "● reported running in 2024"  # reported in 2024: current
    assert status["washington-prep-hs-2024-contractor"] == "■ reported ended in 2024"
    assert status["hamilton-hs-2006-council-motion"] == "▲ proposed in 2006 · status now unknown"
    assert status["south-la-community-build-safe-passage"].startswith("● reported running (undated)")
    assert not any(s.split(" ", 1)[1].startswith("running") for s in status)
    located = table["Location source"]["locke-hs-2004-volunteer"]
    assert "state school directory" in located and "Alain Leroy Locke" in located and "same campus" in located


# ------------------------------------------------------------------------------------------- not published, engagement


def test_unpublished_panel_and_request_letter_come_from_the_csv():
    gaps = queries.run("unpublished_data").frame
    expected = rows("unpublished_data")
    assert [g for g in gaps["item"]] == [r["item"] for r in expected]
    assert {
        "safe-passage-school-list",
        "cbsp-schools-vendors",
        "cbs-spending-after-2022-23",
        "cbs-comprehensive-plan",
    } <= set(gaps["item"])
    source_ids = {r["source_id"] for r in rows("sources")}
    assert all(r["source_id"] in source_ids for r in expected)
    letter = community_tables.request_letter(gaps, "en")
    for r in expected:
        assert r["description"] in letter and r["locator"] in letter
    assert letter.count("(referred to in:") == len(expected)
    assert "Ley de Registros Públicos" in community_tables.request_letter(gaps, "es")


def test_town_halls_and_summit_equal_their_rows():
    halls = queries.run("town_halls").frame
    table = community_tables.town_halls_table(halls, "en")
    expected = rows("town_halls")
    assert list(table["School or area"]) == [r["school_name"] for r in expected]
    assert set(table["Employees"]) == {"4:00-5:30 PM"} and set(table["Parents"]) == {"6:00-7:30 PM"}
    assert list(table["Region"]) == [r["region"] for r in expected]
    summit = community_tables.event_row(queries.run("timeline").frame, "student-safety-summit")
    assert community_tables.summit_text(summit, "en") == "March 4, 2024: First Annual Student Safety Summit."
