"""A source's kind says who publishes it: a board member's office or a school's website is not the district.

`district` is kept for documents of the district administration (Board of Education presentations, the
Independent Analysis Unit, district press releases and fact sheets, Board meeting records); a board member's own
office or site is `elected_official`, a school's own website is `school`, and a service whose owner is not named
is `unattributed`.
"""

from __future__ import annotations

import re

from tests.conftest import DATA, read_csv

SOURCES = {r["source_id"]: r for r in read_csv("sources")}
KINDS = {
    "district",
    "elected_official",
    "school",
    "news",
    "advocacy",
    "research",
    "government",
    "reference",
    "unattributed",
}

EXPECTED = {
    "lausd-2024-04-09-safety-updates": "district",  # Board presentation by the Chief of School Police
    "lausd-iau-2024-05-07-cbs-landscape": "district",  # Independent Analysis Unit
    "lausd-2017-06-13-community-schools": "district",  # district press release
    "lausd-fingertip-facts-2018-19": "district",  # district fact sheet (copy)
    "lausd-obama-prep-opening": "district",  # district facilities news item
    "swagit-lausd-board-video-357558": "district",  # Board committee meeting record
    "lausd-bd7-2023-06-13-cbs-resolution": "elected_official",  # Board District 7 office press release
    "lausd-bd7-office-page": "elected_official",  # Board District 7 office web page
    "boardmemberscott-nc-newsletter": "elected_official",  # board member's own website
    "pearlmagnet-2015-local-districts": "school",  # a school's own website
    "lausd-arcgis-regions-service": "unattributed",  # ArcGIS service, owner not named
}


def test_kinds_are_known_everywhere():
    assert {s["kind"] for s in SOURCES.values()} <= KINDS
    check = re.search(
        r"kind\s+VARCHAR NOT NULL CHECK \(kind IN \(([^)]*)\)\)", (DATA / "schema.sql").read_text(encoding="utf-8")
    )
    assert check and set(re.findall(r"'([a-z_]+)'", check.group(1))) == KINDS
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    for kind in KINDS:
        assert f"`{kind}`" in readme, f"data/README.md does not explain kind {kind}"


def test_each_formerly_district_source_is_classified_by_its_publisher():
    assert {sid: SOURCES[sid]["kind"] for sid in EXPECTED} == EXPECTED


def test_no_board_member_office_school_site_or_unnamed_owner_is_a_district_document():
    for sid, s in SOURCES.items():
        if s["kind"] != "district":
            continue
        publisher = s["publisher"].lower()
        assert "board district" not in publisher and "board member" not in publisher, sid
        assert "not named" not in publisher and "school (" not in publisher, sid


def test_the_board_district_7_release_says_why_it_is_not_a_district_document():
    release = SOURCES["lausd-bd7-2023-06-13-cbs-resolution"]
    assert "Board District 7" in release["publisher"]
    assert "office" in release["note"] and "Board action" in release["note"]
