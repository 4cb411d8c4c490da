"""Every transcribed 2023-24 budget and deployment figure equals the published one.

Two independent checks: against values typed here from the slide (a second transcription), and against the
table parsed straight out of the primary document in ../shared/sources/documents.
"""

from __future__ import annotations

import re

import pytest

from tests.conftest import SHARED, read_csv

SAFETY_UPDATES = SHARED / "documents" / "002_94dd27a37a6f2334.txt"

# "District Safety Budget, 23-24 School Year", April 9 2024 (second transcription, by a different hand)
PUBLISHED_LINES = {
    "Community Based Safety Pilot (CBSP) Vendor-Provided Support": ("School Support Services", None, 14_161_600),
    "School Climate Advocates": ("School Site Based", 338, 31_952_381),
    "Restorative Justice Teacher Advisors": ("Region/District", 2, 312_712),
    "System of Support Advisors (SOSA)": ("Region/District", 51, 8_748_515),
    "Campus Aides/Supervision Aides": ("School Site Based", 1_901, 94_070_638),
    "Psychiatric Social Workers (PSWs)": ("School Site Based", 751, 120_352_057),
    "Sworn Peace Officers": ("Districtwide", 280, 44_485_774),
    "Operations Coordinators": ("Region/District", 29, 6_751_415),
    "Mental Health Coordinators": ("Region/District", 7, 1_562_332),
    "Organizational Facilitators": ("Region/District", 30, 5_412_525),
    "Healthy Start Coordinators": ("School Site Based", 16, 1_924_608),
    "Restorative Justice Teachers": ("School Site Based", 120, 16_397_297),
}
PUBLISHED_TOTAL_FTE = 3_526
PUBLISHED_TOTAL_USD = 346_131_854
DEPLOYMENTS_BD = {1: 6, 2: 4, 3: 4, 4: 6, 5: 6, 6: 7, 7: 8}
DEPLOYMENTS_REGION = {"East": 7, "North": 12, "South": 8, "West": 14}


def _lines() -> dict[str, dict]:
    levels = {r["location_level"]: r["published_label"] for r in read_csv("location_levels")}
    out = {}
    for r in read_csv("budget_lines"):
        assert r["school_year"] == "2023-24"
        out[r["position_item"]] = dict(r, location=levels[r["location_level"]])
    return out


def test_all_twelve_lines_equal_the_slide():
    lines = _lines()
    assert set(lines) == set(PUBLISHED_LINES)
    for item, (location, fte, usd) in PUBLISHED_LINES.items():
        row = lines[item]
        assert row["location"] == location, item
        assert (int(row["fte"]) if row["fte"] else None) == fte, item
        assert int(row["budgeted_usd"]) == usd, item
        assert row["approx"] == "false"


def test_lines_equal_the_primary_document():
    assert SAFETY_UPDATES.exists(), f"primary document missing: {SAFETY_UPDATES} (../shared must sit beside the repo)"
    text = SAFETY_UPDATES.read_text(encoding="utf-8")
    table = text[text.index("Position/Item") : text.index("TOTAL")]
    parsed = {}
    for line in table.splitlines()[1:]:
        cells = line.split("\t")
        if len(cells) == 4:
            item, location, fte, usd = cells
            parsed[item.strip()] = (
                location.strip(),
                None if fte.strip() == "N/A" else int(fte.replace(",", "")),
                int(re.sub(r"[^\d]", "", usd)),
            )
    assert len(parsed) == 12
    lines = _lines()
    for item, (location, fte, usd) in parsed.items():
        row = lines[item]
        assert (row["location"], int(row["fte"]) if row["fte"] else None, int(row["budgeted_usd"])) == (
            location,
            fte,
            usd,
        ), item
    total = re.search(r"TOTAL</b>\s*<b>([\d,]+)</b>\s*<b>\\\$([\d,]+)</b>", text)
    assert total, "could not find the TOTAL row in the primary document"
    assert int(total.group(1).replace(",", "")) == PUBLISHED_TOTAL_FTE
    assert int(total.group(2).replace(",", "")) == PUBLISHED_TOTAL_USD


def test_published_totals_are_kept_as_published_beside_the_lines():
    totals = {r["measure"]: r for r in read_csv("budget_totals")}
    assert int(totals["usd"]["published_value"]) == PUBLISHED_TOTAL_USD
    assert int(totals["fte"]["published_value"]) == PUBLISHED_TOTAL_FTE
    lines = read_csv("budget_lines")
    assert sum(int(r["budgeted_usd"]) for r in lines) == PUBLISHED_TOTAL_USD
    # The slide's FTE lines add to 3,525, one short of its total: both are kept, nothing is "fixed".
    assert sum(int(r["fte"]) for r in lines if r["fte"]) == 3_525
    assert totals["usd_headline"]["approx"] == "true" and totals["usd_headline"]["qualifier"] == "nearly"


def test_laspd_pieces_match_the_slide_and_the_budget_line():
    items = {r["item_id"]: r for r in read_csv("laspd_budget_items")}
    assert int(items["sworn-officer-positions"]["amount_usd"]) == 44_500_000
    assert int(items["diversion-counselors"]["amount_usd"]) == 592_000
    assert items["diversion-counselors"]["approx"] == "true"
    assert int(items["mhet"]["amount_usd"]) == 1_560_000
    assert int(items["vacant-positions-to-cbsp"]["amount_usd"]) == 3_700_000
    assert items["vacant-positions-to-cbsp"]["approx"] == "true"
    # "$44.5 million" is the table's $44,485,774 rounded to the nearest $0.1 million
    assert round(PUBLISHED_LINES["Sworn Peace Officers"][2], -5) == 44_500_000


def test_deployments_equal_the_slide():
    assert {
        int(r["board_district"]): int(r["deployments"]) for r in read_csv("deployments_by_board_district")
    } == DEPLOYMENTS_BD
    assert {r["region"]: int(r["deployments"]) for r in read_csv("deployments_by_region")} == DEPLOYMENTS_REGION
    facts = {r["measure"]: r for r in read_csv("deployment_facts")}
    assert int(facts["deployments"]["value"]) == 41
    assert int(facts["campuses"]["value"]) == 36
    assert int(facts["sites"]["value"]) == 780 and facts["sites"]["approx"] == "true"
    assert int(facts["total_by_board_district"]["value"]) == sum(DEPLOYMENTS_BD.values()) == 41
    assert int(facts["total_by_region"]["value"]) == sum(DEPLOYMENTS_REGION.values()) == 41


def test_deployment_tables_equal_the_primary_document():
    text = SAFETY_UPDATES.read_text(encoding="utf-8")
    bd = {int(m.group(1)): int(m.group(2)) for m in re.finditer(r"^BD (\d)\t(\d+)$", text, re.M)}
    region = {m.group(1): int(m.group(2)) for m in re.finditer(r"^(East|North|South|West)\t(\d+)$", text, re.M)}
    assert bd == DEPLOYMENTS_BD
    assert region == DEPLOYMENTS_REGION
    assert "out of ~780 sites, there have been a total of 41 short-term deployments across 36 campuses" in text


def test_town_halls_equal_the_slide():
    halls = {r["event_date"]: (r["region"], r["school_name"]) for r in read_csv("town_halls")}
    assert halls == {
        "2024-03-21": ("South", "Gardena HS"),
        "2024-04-04": ("East", "Wilson HS"),
        "2024-04-18": ("West", "Fairfax HS"),
        "2024-04-25": ("North", "Valley Academy of Arts & Sciences"),
    }


@pytest.mark.parametrize("line_id", [r["line_id"] for r in read_csv("budget_lines")])
def test_every_budget_line_has_exactly_one_category(line_id):
    mapped = [r for r in read_csv("budget_line_categories") if r["line_id"] == line_id]
    assert len(mapped) == 1 and mapped[0]["rationale"].strip()
