"""Deployments queries return the published values (checked against the CSVs read independently here)."""

from __future__ import annotations

import pytest

import queries
from tests.conftest import read_csv

YEAR = "2023-24"


def test_label_points_match_the_csv_and_are_all_flagged_approximate():
    frame = queries.run("dep_label_points").frame
    rows = read_csv("map_label_points")
    assert len(frame) == len(rows) == 11
    assert set(frame[frame["kind"] == "board_district"]["key"]) == {str(n) for n in range(1, 8)}
    assert set(frame[frame["kind"] == "region"]["key"]) == {"North", "East", "South", "West"}
    assert frame["approx"].all()
    by_key = frame.set_index(["kind", "key"])
    for r in rows:
        assert by_key.loc[(r["kind"], r["key"]), "lat"] == pytest.approx(float(r["lat"]))
        assert by_key.loc[(r["kind"], r["key"]), "source_id"] == r["source_id"]


def test_points_that_rest_on_a_school_use_that_schools_published_coordinates():
    points = queries.run("dep_label_points").frame.set_index(["kind", "key"])
    locations = {
        (r["school_id"]): (float(r["lat"]), float(r["lon"]))
        for r in read_csv("school_locations")
        if r["is_primary"] == "true"
    }
    assert (points.loc[("board_district", "1"), "lat"], points.loc[("board_district", "1"), "lon"]) == locations[
        "dorsey-hs"
    ]
    assert (points.loc[("region", "West"), "lat"], points.loc[("region", "West"), "lon"]) == locations["fairfax-hs"]


def test_per_school_only_where_a_count_is_published():
    frame = queries.run("dep_board_district_schools", school_year=YEAR).frame.set_index("board_district")
    published = {
        int(r["board_district"]): int(r["schools_published"])
        for r in read_csv("board_districts")
        if r["schools_published"]
    }
    assert published == {3: 105, 7: 175}
    deployments = {int(r["board_district"]): int(r["deployments"]) for r in read_csv("deployments_by_board_district")}
    for bd in range(1, 8):
        if bd in published:
            assert frame.loc[bd, "deployments_per_100_schools"] == pytest.approx(100 * deployments[bd] / published[bd])
        else:
            assert frame["schools_published"].isna()[bd] and frame["deployments_per_100_schools"].isna()[bd]
    assert frame.loc[7, "schools_approx"] and frame.loc[7, "schools_qualifier"] == "approximately"
    assert frame.loc[3, "schools_source_id"] != frame.loc[7, "schools_source_id"]  # different sources


def test_conditions_and_policy_points():
    cond = queries.run("dep_conditions").frame
    assert cond[cond["kind"] == "authorizing_reason"]["label"].tolist() == [
        "Mass school threats (MST)",
        "Community violence affecting campuses",
        "Acts of violence on campus",
    ]
    assert len(cond[cond["kind"] == "accompanying_resource"]) == 3
    policy = queries.run("dep_policy_points").frame
    assert policy["version"].tolist() == ["current"] * 3 + ["revised"] * 3
    assert "juveniles" in policy[policy["version"] == "revised"]["summary"].iloc[0]
    assert set(policy["source_id"]) == {"lausd-2024-04-09-safety-updates"}
