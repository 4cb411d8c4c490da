"""Community-based safety page: figures equal their CSV rows (read here independently of the queries), the map
draws only sourced or imported locations, and the what-is-not-published panel and request come from data."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest

import queries
from components.charts import community as community_charts
from components.charts import sites_map
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


def test_sites_query_gives_coordinates_only_from_primary_school_locations():
    frame = queries.run("safe_passage_sites").frame
    sites = rows("safe_passage_sites")
    primary = {
        r["school_id"]: (float(r["lat"]), float(r["lon"]))
        for r in rows("school_locations")
        if r["is_primary"] == "true"
    }
    assert len(frame) == len(sites)
    for _, r in frame.iterrows():
        if isinstance(r["school_id"], str) and r["school_id"] in primary:
            assert (r["lat"], r["lon"]) == primary[r["school_id"]]
        else:
            assert pd.isna(r["lat"]) and pd.isna(r["lon"])
    table = community_tables.sites_table(frame, "en")
    unlocated = sum(1 for s in sites if s["school_id"] not in primary)
    assert (table["Location (lat, lon)"] == "location not published").sum() == unlocated > 0


def test_headline_count_is_the_published_27():
    counts = queries.run("safe_passage_counts").frame
    row = next(r for r in rows("safe_passage_counts") if r["metric"] == "safe_passage_programs")
    assert int(community_tables.headline_count(counts)["value"]) == int(row["value"]) == 27


@pytest.fixture
def sites_frame() -> pd.DataFrame:
    return queries.run("safe_passage_sites").frame


def _located_sites() -> int:
    primary = {r["school_id"] for r in rows("school_locations") if r["is_primary"] == "true"}
    return sum(1 for s in rows("safe_passage_sites") if s["school_id"] in primary)


@pytest.mark.parametrize("geojson", [None, {"type": "FeatureCollection", "features": []}])
def test_map_draws_only_sourced_locations(sites_frame, geojson):
    deck = sites_map.sites_map(sites_frame, None, sites_map.base_layer(geojson), "en")
    counts = sites_map.drawn_points(deck)
    assert sum(counts.values()) == _located_sites() == 5
    assert "roster-sites" not in counts
    assert deck.layers[0].id == ("base-extent-frame" if geojson is None else "base-context")
    # each status layer holds only its status, and its shape differs from the others'
    for layer in deck.layers:
        if layer.id.startswith("sites-"):
            status = layer.id.removeprefix("sites-")
            assert {p["status"] for p in layer.data} == {status}
    sides = {sites_map.STATUS_SIDES[s] for s in sites_map.STATUSES}
    assert len(sides) == len(sites_map.STATUSES)


def test_map_adds_only_roster_rows_with_coordinates(sites_frame):
    roster = pd.DataFrame(
        [
            {"school": "A", "provider": "P", "status": "running", "lat": 34.1, "lon": -118.3},
            {"school": "B", "provider": None, "status": "ended", "lat": None, "lon": None},
            {"school": "C", "provider": "Q", "status": "proposed", "lat": 33.9, "lon": -118.25},
        ]
    )
    deck = sites_map.sites_map(sites_frame, roster, sites_map.extent_frame_layer(), "en")
    counts = sites_map.drawn_points(deck)
    assert counts["roster-sites"] == 2
    assert sum(v for k, v in counts.items() if k.startswith("sites-")) == _located_sites()
    labels = next(layer for layer in deck.layers if layer.id == "site-labels").data
    assert sum(1 for label in labels if label["label"].startswith("Roster: ")) == 2


def test_map_is_offline_and_labels_status_in_words(sites_frame):
    deck = sites_map.sites_map(sites_frame, None, sites_map.base_layer(sites_map.load_context_geojson()), "en")
    spec = deck.to_json()
    assert "http" not in spec and "mapbox" not in spec.lower() and "cartocdn" not in spec
    labels = next(layer for layer in deck.layers if layer.id == "site-labels").data
    text = " ".join(label["label"] for label in labels)
    assert "running" in text and "proposed" in text and "ended" in text
    assert "5 of 19" in sites_map.map_alt(sites_frame, None, "en")


def test_missing_or_bad_basemap_falls_back_to_the_frame(tmp_path):
    assert sites_map.load_context_geojson(tmp_path / "nope.geojson") is None
    (tmp_path / "bad.geojson").write_text("{not json", encoding="utf-8")
    assert sites_map.load_context_geojson(tmp_path / "bad.geojson") is None
    assert sites_map.base_layer(None).id == "base-extent-frame"


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
