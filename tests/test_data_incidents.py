"""Incidents and school-police activity: every research row is accounted for, every value equals its research row,
series never mix definitions, totals stay totals, revisions and conflicts are kept, and the schema refuses bad rows.

The research notes (../shared/sources/research) are parsed here directly, independently of how the CSVs were made;
a second, hand-typed transcription of key values guards against a value and its research row being wrong together.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections import defaultdict
from decimal import Decimal
from fractions import Fraction

import duckdb
import pytest

from data.build import BuildError, build, load
from tests.conftest import DATA, ROOT, SHARED, edit_csv, read_csv

FILES = ["incident_series", "incidents", "disparities", "climate_survey", "incident_annotations"]
SOURCES = {r["source_id"]: r for r in read_csv("sources")}
SERIES = {r["series_id"]: r for r in read_csv("incident_series")}
INCIDENTS = read_csv("incidents")
BY_ID = {r["obs_id"]: r for r in INCIDENTS}
DISPARITIES = {r["obs_id"]: r for r in read_csv("disparities")}
CLIMATE = {r["obs_id"]: r for r in read_csv("climate_survey")}
ANNOTATIONS = {r["annotation_id"]: r for r in read_csv("incident_annotations")}
COALITION_SOURCE = "advocacy-2023-12-07-police-free-lausd"


# ------------------------------------------------------------------------------------------- the research tables


def _cells(line: str) -> list[str]:
    """Cells of a markdown table row; '\\|' inside a cell is not a separator."""
    return [c.strip() for c in re.split(r"(?<!\\)\|", line.strip())[1:-1]]


def _table_rows(path, heading: str) -> list[list[str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    start = next(i for i, ln in enumerate(lines) if ln.startswith(heading))
    rows = []
    for ln in lines[start + 1 :]:
        if ln.startswith("#"):
            break
        if ln.startswith("|") and not re.match(r"^\|\s*-", ln):
            rows.append(_cells(ln))
    return rows[1:]  # the header row


def _research() -> dict[str, dict]:
    """research_ref key -> the row's school_year, metric, value and snippet."""
    budget = SHARED / "research" / "facts_budget.md"
    newer = SHARED / "research" / "facts_2024_2026.md"
    assert budget.exists() and newer.exists(), "../shared/sources/research must sit beside the repo"
    out = {}
    for c in _table_rows(budget, "### 5. "):
        out[f"facts_budget.md §5 row '{c[1]} | {c[2]}'"] = {"metric": c[2], "value": c[3], "snippet": c[7]}
    for c in _table_rows(newer, "### 1c. "):
        out[f"facts_2024_2026.md 1c {c[0]}"] = {"metric": c[2], "value": c[3], "snippet": c[10]}
    return out


RESEARCH = _research()
SECTION5 = [k for k in RESEARCH if k.startswith("facts_budget.md §5")]
SECTION1C = [k for k in RESEARCH if k.startswith("facts_2024_2026.md 1c")]


def _all_rows():
    for stem in FILES:
        for n, row in enumerate(read_csv(stem), start=1):
            yield stem, n, row


def _not_carried_section() -> str:
    text = (DATA / "README.md").read_text(encoding="utf-8")
    start = text.index("### Research rows not carried")
    end = text.find("\n## ", start)
    return text[start : end if end > 0 else len(text)].replace("\\|", "|")


def _numbers(text: str) -> set[Decimal]:
    return {Decimal(m.replace(",", "")).normalize() for m in re.findall(r"\d[\d,]*(?:\.\d+)?", text)}


def _research_numbers(ref_cell: str) -> set[Decimal]:
    rows = [r for key, r in RESEARCH.items() if key in ref_cell]
    assert rows, f"research_ref names no known research row: {ref_cell}"
    return set().union(*(_numbers(" ".join((r["metric"], r["value"], r["snippet"]))) for r in rows))


# ------------------------------------------------------------------------------------------- coverage of the research


def test_the_research_tables_have_the_rows_we_transcribed_from():
    assert len(SECTION5) == 47, "facts_budget.md §5 no longer has 47 rows: re-check the transcription"
    assert len(SECTION1C) == 17 and SECTION1C[0].endswith("I1") and SECTION1C[-1].endswith("I17")


@pytest.mark.parametrize("key", SECTION5 + SECTION1C)
def test_every_research_row_is_transcribed_or_listed_as_not_carried(key):
    refs = [row["research_ref"] for _, _, row in _all_rows() if row.get("research_ref")]
    carried = any(key in ref for ref in refs)
    listed = key in _not_carried_section()
    assert carried or listed, f"not transcribed and not in data/README.md 'Research rows not carried': {key}"
    assert not (carried and listed), f"both transcribed and listed as not carried: {key}"


def test_every_research_ref_points_at_real_research_rows():
    for stem, n, row in _all_rows():
        ref = row.get("research_ref", "")
        if not ref:
            continue
        rest = ref
        for key in sorted(RESEARCH, key=len, reverse=True):
            rest = rest.replace(key, "")
        rest = re.sub(r"facts_2024_2026\.md 1a L\d+", "", rest)  # chart annotations also cite §1a rows
        assert re.fullmatch(r"[;\s]*", rest), f"{stem}.csv row {n}: unknown research reference left over: {rest!r}"


def test_only_deployment_rows_are_left_out():
    listed = [k for k in SECTION5 + SECTION1C if k in _not_carried_section()]
    assert len(listed) == 4
    assert all("deploy" in RESEARCH[k]["metric"].lower() for k in listed)


# ------------------------------------------------------------------------------------------- values


def _checked_values():
    """(file, row id, value, research_ref) for every figure in the five files."""
    for r in INCIDENTS:
        if r["value"]:
            yield "incidents", r["obs_id"], r["value"], r["research_ref"]
    for r in DISPARITIES.values():
        for col in ("enrollment_share", "action_share"):
            if r[col]:
                yield "disparities", f"{r['obs_id']}.{col}", r[col], r["research_ref"]
    for r in CLIMATE.values():
        yield "climate_survey", r["obs_id"], r["value"], r["research_ref"]
    for r in ANNOTATIONS.values():
        if r["research_ref"]:
            for number in re.findall(r"\d+", r["label_en"]):
                yield "incident_annotations", r["annotation_id"], number, r["research_ref"]


def test_every_value_is_a_number_of_its_research_row():
    """A value must appear in its research row's metric, value or snippet: a transposed digit fails."""
    checked, wrong = defaultdict(int), []
    for stem, obs, value, ref in _checked_values():
        assert ref, f"{stem}: {obs} has no research_ref"
        if abs(Decimal(value)).normalize() not in _research_numbers(ref):
            wrong.append(f"{stem}:{obs}={value}")
        checked[stem] += 1
    assert not wrong, f"values not found in their research row: {wrong}"
    assert sum(checked.values()) >= 25
    assert set(checked) == {"incidents", "disparities", "climate_survey", "incident_annotations"}, checked


# A second transcription, typed from the research values by a different hand.
EXPECTED_INCIDENTS = {
    "fights-2017-18-latimes": 2270,
    "fights-2018-19-latimes": 2315,
    "fights-2022-23-latimes-2024-05": 4569,
    "fights-2022-23-latimes-2024-09": 4950,
    "fights-2023-24-latimes": 6620,
    "fights-2023-24-to-apr-15-latimes": 4786,
    "fights-first-month-2023-24-latimes": 400,
    "fights-first-month-2024-25-latimes": 467,
    "fights-change-2021-22-latimes": 28,
    "fights-change-2022-23-latimes": 54,
    "incidents-five-kinds-change-5yr-edsource": 45,
    "incidents-five-kinds-change-1yr-edsource": 25,
    "weapons-incidents-2017-18-bearingarms": 705,
    "weapons-incidents-2018-19-foxla": 669,
    "weapons-incidents-2021-22-edsource": 994,
    "weapons-incidents-2022-23-edsource": 1197,
    "weapons-incidents-2023-24-to-apr-15-foxla": 903,
    "weapons-found-2014-15-laschoolreport": 546,
    "weapons-found-2015-16-laschoolreport": 553,
    "weapons-found-2016-17-laschoolreport": 568,
    "weapons-found-rifles-shotguns-2015-16-laschoolreport": 3,
    "weapons-found-rifles-shotguns-2016-17-laschoolreport": 8,
    "weapons-found-knives-daggers-2015-16-laschoolreport": 393,
    "weapons-found-knives-daggers-2016-17-laschoolreport": 403,
    "weapons-found-handguns-2015-16-laschoolreport": 26,
    "weapons-found-handguns-2016-17-laschoolreport": 23,
    "knives-firearms-confiscated-2016-17-cbsla": 385,
    "wand-confiscations-2016-17-cbsla": 5,
    "guns-found-2024-25-latimes": 4,
    "guns-confiscated-first-weeks-2021-22-cbsla": 5,
    "knives-confiscated-first-weeks-2021-22-cbsla": 32,
    "campus-battery-2021-cbsla": 332,
    "campus-aggravated-assault-2021-cbsla": 75,
    "campus-arson-2021-cbsla": 12,
    "suicidal-behaviour-2010-11-edsource": 255,
    "suicidal-behaviour-2015-16-edsource": 5624,
    "istar-counseling-2011-ampersand": 1143,
    "istar-counseling-2018-19-ampersand": 11493,
    "istar-police-purview-change-bmi": 76,
    "istar-trauma-suicidal-change-bmi": 906,
    "istar-reports-central-2015-16": 6424,
    "istar-reports-east-2015-16": 5370,
    "istar-issues-central-2015-16": 7681,
    "istar-incidents-elementary-2015-16-laschoolreport": 16740,
    "istar-incidents-middle-2015-16-laschoolreport": 9663,
    "istar-incidents-high-2015-16-laschoolreport": 9597,
    "schools-elementary-2015-16-laschoolreport": 452,
    "schools-middle-2015-16-laschoolreport": 83,
    "schools-high-2015-16-laschoolreport": 98,
    "shooting-threats-last-year-dailynews": 150,
    "incidents-responded-last-year-dailynews": 100000,
    "campuses-no-secure-entrance-2017-18-latimes": 200,
    "laspd-arrests-2014-2017-ampersand": 3389,
    "laspd-citations-2014-2017-ampersand": 2724,
    "laspd-diversions-2014-2017-ampersand": 1282,
    "laspd-arrests-black-2014-2017-sudikoff": 970,
    "laspd-arrests-white-2014-2017-sudikoff": 95,
    "boys-of-color-share-2014-2017-ampersand": 76,
    "elementary-middle-age-share-arrests-2014-2017-ampersand": 25,
    "citation-likelihood-black-white-2010-11-crc": Decimal("3.8"),
    "citation-likelihood-black-white-2012-13-crc": Decimal("5.8"),
    "truancy-tickets-2009-10-crc": 3341,
    "truancy-tickets-2012-13-crc": 209,
    "court-summonses-2009-2011-cpi": 33500,
    "tickets-2011-cpi": 10200,
    "tickets-share-14-or-under-2011-cpi": 43,
    "tickets-jan-jun-2012-cpi": 4000,
    "tickets-share-14-or-under-jan-jun-2012-cpi": 48,
    "tickets-sep-oct-2012-cpi": 876,
    "tickets-share-14-or-under-2012-13-crc": 47,
    "tickets-share-male-2012-13-crc": 70,
    "curfew-citations-change-2012-13-crc": -80,
    "tickets-overall-change-2012-13-crc": -50,
    "truancy-citations-fall-2013-edsource": 77,
    "lateness-absence-citations-change-publiccounsel": -90,
    "diversion-citations-2014-15-laschoolreport": 460,
    "diversion-completions-2014-15-laschoolreport": 306,
    "diversion-completion-rate-2014-15-laschoolreport": 66,
    "diversion-referred-5yr-lausd": 2000,
    "diversion-completion-rate-5yr-lausd": 90,
    "pepper-spray-2018-latimes": 5,
    "pepper-spray-2019-latimes": 7,
    "pepper-spray-2020-to-june-latimes": 1,
}
EXPECTED_DISPARITIES = {  # obs_id: (enrollment share, action share)
    "disp-2010-black-cited-cpi": (None, 20),
    "disp-2011-black-ticketed-cpi": (10, 15),
    "disp-2014-15-black-arrests-laschoolreport": (Decimal("8.4"), 21),
    "disp-2014-15-white-arrests-laschoolreport": (Decimal("9.8"), Decimal("2.8")),
    "disp-2014-15-hispanic-male-arrests-laschoolreport": (None, 52),
    "disp-2014-15-hispanic-female-arrests-laschoolreport": (None, 19),
    "disp-2014-2017-black-sudikoff": (9, 25),
    "disp-2014-2017-black-transformschools": (8, 25),
    "disp-2014-2017-black-laprogressive": (9, 24),
    "disp-2014-2017-latinx-laprogressive": (74, 71),
    "disp-2014-2017-white-laprogressive": (10, 3),
    "disp-2014-2017-other-laprogressive": (8, 2),
    "disp-coalition-black-arrests": (8, 25),
}
EXPECTED_CLIMATE = {
    "climate-high-agree-or-strongly-agree-2023-24-latimes": 61,
    "climate-high-neither-agree-nor-disagree-2023-24-latimes": 31,
    "climate-high-disagree-or-strongly-disagree-2023-24-latimes": 8,
    "climate-elementary-feel-safe-2023-24-laschoolreport": Decimal("58.5"),
    "climate-middle-feel-safe-2023-24-laschoolreport": Decimal("55.2"),
    "climate-high-feel-safe-2023-24-laschoolreport": Decimal("51.6"),
    "climate-black-officers-2020-21-asumag": 35,
}


def _dec(text: str) -> Decimal | None:
    return Decimal(text) if text else None


def test_incident_values_equal_a_second_transcription():
    assert {k: _dec(BY_ID[k]["value"]) for k in EXPECTED_INCIDENTS} == {
        k: Decimal(v) for k, v in EXPECTED_INCIDENTS.items()
    }
    # every figure is in the second transcription, except the one that cannot be read
    assert set(BY_ID) - set(EXPECTED_INCIDENTS) == {"istar-issues-east-2015-16"}


def test_disparity_and_climate_values_equal_a_second_transcription():
    got = {k: (_dec(r["enrollment_share"]), _dec(r["action_share"])) for k, r in DISPARITIES.items()}
    assert got == {
        k: tuple(None if v is None else Decimal(v) for v in pair) for k, pair in EXPECTED_DISPARITIES.items()
    }
    assert {k: Decimal(r["value"]) for k, r in CLIMATE.items()} == {k: Decimal(v) for k, v in EXPECTED_CLIMATE.items()}


def test_hedged_figures_keep_the_sources_word():
    hedged = {r["obs_id"]: r["qualifier"] for r in INCIDENTS if r["approx"] == "true"}
    assert hedged == {
        "guns-confiscated-first-weeks-2021-22-cbsla": "at least",
        "incidents-responded-last-year-dailynews": "more than",
        "campuses-no-secure-entrance-2017-18-latimes": "more than",
        "elementary-middle-age-share-arrests-2014-2017-ampersand": "one in four",
        "court-summonses-2009-2011-cpi": "more than",
        "tickets-2011-cpi": "nearly",
        "tickets-jan-jun-2012-cpi": "approximately",
        "tickets-share-14-or-under-jan-jun-2012-cpi": "about",
        "curfew-citations-change-2012-13-crc": "nearly",
        "lateness-absence-citations-change-publiccounsel": "over",
        "diversion-referred-5yr-lausd": "nearly",
        "diversion-completion-rate-5yr-lausd": "about",
        "pepper-spray-2018-latimes": "at least",
    }
    assert DISPARITIES["disp-2014-2017-black-sudikoff"]["enrollment_qualifier"] == "less than"
    assert DISPARITIES["disp-2014-2017-black-laprogressive"]["enrollment_qualifier"] == "less than"
    assert DISPARITIES["disp-2011-black-ticketed-cpi"]["enrollment_qualifier"] == "about"
    assert DISPARITIES["disp-2011-black-ticketed-cpi"]["action_approx"] == "false"


# ------------------------------------------------------------------------------------------- series and definitions


def test_each_series_has_one_unit_and_its_own_definition():
    assert len(SERIES) == len(read_csv("incident_series"))
    for field in ("definition_en", "definition_es", "label_en", "label_es"):
        values = [s[field] for s in SERIES.values()]
        assert len(values) == len(set(values)), f"two series share a {field}"
    used = {r["series_id"] for r in INCIDENTS}
    assert used == set(SERIES), f"series without rows: {set(SERIES) - used}"


def test_rows_fit_their_series():
    for r in INCIDENTS:
        s = SERIES[r["series_id"]]
        assert bool(r["group_key"]) == bool(s["breakdown"]), r["obs_id"]
        assert (r["coverage"] == "change") == (s["measure"] == "change"), r["obs_id"]
        if r["value"]:
            value = Decimal(r["value"])
            if s["measure"] == "share":
                assert 0 <= value <= 100, r["obs_id"]
            elif s["measure"] != "change":
                assert value >= 0, r["obs_id"]


def test_the_weapon_definitions_are_distinct_series():
    weapons = {r["obs_id"]: r["series_id"] for r in INCIDENTS if SERIES[r["series_id"]]["topic"] == "weapons"}
    by_series = defaultdict(set)
    for obs, sid in weapons.items():
        by_series[sid].add(Decimal(BY_ID[obs]["value"]))
    assert by_series["weapons_incidents"] == {Decimal(v) for v in (705, 669, 994, 1197, 903)}
    assert by_series["weapons_found_near_campus"] == {Decimal(v) for v in (546, 553, 568)}
    assert by_series["knives_firearms_confiscated"] == {Decimal(385)}
    assert by_series["wand_confiscations"] == {Decimal(5)}
    assert by_series["guns_found_at_schools"] == {Decimal(4)}
    assert by_series["guns_knives_confiscated_first_weeks"] == {Decimal(5), Decimal(32)}
    units = {sid: SERIES[sid]["unit"] for sid in by_series}
    assert units["weapons_incidents"] == "incidents" and units["weapons_found_near_campus"] == "weapons"
    assert len({SERIES[sid]["definition_en"] for sid in by_series}) == len(by_series)


def test_a_year_appears_once_per_series_and_coverage_unless_revised():
    seen = defaultdict(list)
    for r in INCIDENTS:
        seen[(r["series_id"], r["school_year"], r["period"], r["coverage"], r["group_key"])].append(r)
    for key, rows in seen.items():
        if len(rows) > 1:
            dates = [r["reported_on"] for r in rows]
            assert all(dates) and len(set(dates)) == len(dates), f"{key} repeats without a revision date"


def test_the_2022_23_fights_revision_is_two_rows():
    rows = [r for r in INCIDENTS if r["series_id"] == "fights_physical_aggression" and r["school_year"] == "2022-23"]
    assert {(r["reported_on"], Decimal(r["value"])) for r in rows} == {
        ("2024-05", Decimal(4569)),
        ("2024-09-14", Decimal(4950)),
    }
    assert all(r["coverage"] == "full_year" for r in rows)


def test_partial_and_first_month_values_are_flagged():
    apr = BY_ID["fights-2023-24-to-apr-15-latimes"]
    assert (apr["coverage"], apr["as_of"]) == ("partial_year", "2024-04-15")
    assert BY_ID["fights-2023-24-latimes"]["coverage"] == "full_year"
    assert {
        BY_ID[k]["coverage"] for k in ("fights-first-month-2023-24-latimes", "fights-first-month-2024-25-latimes")
    } == {"first_month"}
    assert BY_ID["weapons-incidents-2023-24-to-apr-15-foxla"]["as_of"] == "2024-04-15"


def test_multi_year_totals_stay_totals():
    for sid in ("laspd_arrests", "laspd_citations", "laspd_diversions"):
        rows = [r for r in INCIDENTS if r["series_id"] == sid]
        assert len(rows) == 1, sid
        r = rows[0]
        assert (r["coverage"], r["period_start"], r["period_end"], r["school_year"]) == (
            "multi_year_total",
            "2014",
            "2017",
            "",
        )
    annual = [
        r
        for r in INCIDENTS
        if r["series_id"] in ("laspd_arrests", "laspd_citations", "laspd_diversions")
        and r["school_year"] in ("2014-15", "2015-16", "2016-17")
    ]
    assert annual == []
    for r in INCIDENTS:
        if r["coverage"] == "multi_year_total":
            assert not r["school_year"] and r["period_start"][:4] < r["period_end"][:4], r["obs_id"]


def test_growth_percentages_are_their_own_series_in_percent():
    for r in INCIDENTS:
        if r["coverage"] == "change":
            assert SERIES[r["series_id"]]["unit"] == "percent", r["obs_id"]
    changes = {Decimal(r["value"]) for r in INCIDENTS if r["coverage"] == "change"}
    assert {Decimal(v) for v in (28, 54, 45, 25, 76, 906, -80, -50, -90)} == changes


def test_local_district_values_and_the_truncated_one():
    east = BY_ID["istar-issues-east-2015-16"]
    assert east["value"] == "" and "breaks off" in east["note"] and east["approx"] == "false"
    groups = {r["group_key"] for r in INCIDENTS if SERIES[r["series_id"]]["geography"] == "local_district"}
    assert groups == {"Central", "East"}
    for sid in ("istar_reports_by_local_district", "istar_issues_by_local_district"):
        assert (
            "not the four regions" in SERIES[sid]["definition_en"]
            or "not the 2022 regions" in SERIES[sid]["definition_en"]
        )


# ------------------------------------------------------------------------------------------- disparities and climate


def test_coalition_row_cites_the_primary_document_and_keeps_its_ratio():
    row = DISPARITIES["disp-coalition-black-arrests"]
    assert row["source_id"] == COALITION_SOURCE
    assert SOURCES[COALITION_SOURCE]["document_file"] == "004_18f594408bb51121.txt"
    assert SOURCES[COALITION_SOURCE]["kind"] == "advocacy"
    assert (row["group_key"], row["action"], row["school_year"]) == ("black", "arrests", "")
    assert "today" in row["period"].lower() and "not stated" in row["period"]
    ratio = Fraction(row["action_share"]) / Fraction(row["enrollment_share"])
    assert ratio == Fraction(3125, 1000)
    text = (SHARED / "documents" / "004_18f594408bb51121.txt").read_text(encoding="utf-8")
    published = re.search(r"make up (\d+)% of the LAUSD student body, but account for (\d+)% of arrests", text)
    assert published, "the coalition's sentence is no longer in document 004"
    assert (Fraction(published.group(1)), Fraction(published.group(2))) == (
        Fraction(row["enrollment_share"]),
        Fraction(row["action_share"]),
    )


def test_conflicting_disparity_figures_are_all_kept():
    black = [r for r in DISPARITIES.values() if r["group_key"] == "black" and r["period"] == "2014-2017"]
    assert {Decimal(r["action_share"]) for r in black} == {Decimal(24), Decimal(25)}
    enrollment = {
        (Decimal(r["enrollment_share"]), r["enrollment_qualifier"])
        for r in DISPARITIES.values()
        if r["group_key"] == "black" and r["enrollment_share"]
    }
    assert {(Decimal(9), "less than"), (Decimal(8), ""), (Decimal("8.4"), "")} <= enrollment
    assert DISPARITIES["disp-2010-black-cited-cpi"]["enrollment_share"] == ""


def test_published_ratios_and_counts_by_race_are_kept_as_published():
    ratios = {
        r["school_year"]: Decimal(r["value"]) for r in INCIDENTS if r["series_id"] == "black_white_citation_likelihood"
    }
    assert ratios == {"2010-11": Decimal("3.8"), "2012-13": Decimal("5.8")}
    arrests = {r["group_key"]: int(r["value"]) for r in INCIDENTS if r["series_id"] == "laspd_arrests_by_race"}
    assert arrests == {"black": 970, "white": 95}


def test_both_high_school_safety_figures_are_kept_with_their_wording():
    high = {
        r["source_id"]: r
        for r in CLIMATE.values()
        if r["school_level"] == "high"
        and r["school_year"] == "2023-24"
        and r["response"] in ("agree_or_strongly_agree", "reported_feeling_safe")
    }
    assert {s: Decimal(r["value"]) for s, r in high.items()} == {
        "latimes-2024-09-14-fewer-students-feel-safe": Decimal(61),
        "laschoolreport-2024-10-03-violence-parents": Decimal("51.6"),
    }
    lat = high["latimes-2024-09-14-fewer-students-feel-safe"]
    assert lat["item_basis"] == "quoted" and lat["item_en"] == "I feel safe in this school or in online school sessions"
    assert high["laschoolreport-2024-10-03-violence-parents"]["item_basis"] == "described"
    lat_all = [
        Decimal(r["value"]) for r in CLIMATE.values() if r["source_id"] == "latimes-2024-09-14-fewer-students-feel-safe"
    ]
    assert sum(lat_all) == 100  # 61 + 31 + 8: the three answers as published


# ------------------------------------------------------------------------------------------- citations and text


@pytest.mark.parametrize("stem", FILES)
def test_locators_are_ours_and_sources_exist(stem):
    for n, row in enumerate(read_csv(stem), start=1):
        loc = row["locator"]
        assert loc.strip(), f"{stem}.csv row {n}: empty locator"
        for bad in (".md", "§", "facts_", "research"):
            assert bad not in loc.lower(), f"{stem}.csv row {n}: locator names the research notes ({bad!r}): {loc}"
        assert row["source_id"] in SOURCES, f"{stem}.csv row {n}: unknown source {row['source_id']}"
        for col in ("note", "label_en", "label_es", "definition_en", "definition_es"):
            text = row.get(col) or ""
            assert "facts_" not in text and "§" not in text, f"{stem}.csv row {n}: {col} names the research notes"


def test_approx_flag_matches_qualifier_everywhere():
    for stem in ("incidents", "climate_survey"):
        for n, r in enumerate(read_csv(stem), start=1):
            assert r["approx"] in ("true", "false") and (r["approx"] == "true") == bool(r["qualifier"]), (
                f"{stem} row {n}"
            )
    for r in DISPARITIES.values():
        for part in ("enrollment", "action"):
            share, approx, qual = r[f"{part}_share"], r[f"{part}_approx"], r[f"{part}_qualifier"]
            assert (approx == "") == (share == ""), r["obs_id"]
            assert (approx == "true") == bool(qual), r["obs_id"]


def test_spanish_text_is_present_and_not_a_copy():
    pairs = [(s["label_en"], s["label_es"]) for s in SERIES.values()]
    pairs += [(s["definition_en"], s["definition_es"]) for s in SERIES.values()]
    pairs += [(a["label_en"], a["label_es"]) for a in ANNOTATIONS.values()]
    pairs += [(c["item_en"], c["item_es"]) for c in CLIMATE.values()]
    for en, es in pairs:
        assert es.strip() and es != en, en


def test_reported_on_is_the_sources_date():
    for stem in ("incidents", "disparities"):
        for r in read_csv(stem):
            assert r["reported_on"] == SOURCES[r["source_id"]]["published"], f"{stem}: {r['obs_id']}"


def test_new_sources_name_the_original_outlet_and_their_kind():
    s = SOURCES
    mirrors = {
        "latimes-2024-05-task-force-police-choice": "Los Angeles Times",
        "latimes-2024-05-police-20-schools-collapses": "Los Angeles Times",
        "latimes-2024-09-14-fewer-students-feel-safe": "Los Angeles Times",
        "edsource-2024-05-police-20-schools-mirror": "EdSource",
        "publicintegrity-school-police-still-ticketing-repost": "Center for Public Integrity",
        "lausd-2016-09-12-istar-annual-report": "Los Angeles Unified School District",
        "lausd-2019-10-01-diversion-expansion": "Los Angeles Unified School District",
    }
    for sid, outlet in mirrors.items():
        assert s[sid]["mirror_of"] == outlet, sid
        assert s[sid]["publisher"].startswith(outlet), sid
    assert s["lausd-2016-09-12-istar-annual-report"]["kind"] == "district"
    assert "pdfslide" in s["lausd-2016-09-12-istar-annual-report"]["url"]
    bearing = s["bearingarms-2024-06-06-weapons"]
    assert bearing["kind"] == "advocacy" and bearing["mirror_of"] == "" and "Los Angeles Times" in bearing["note"]


# ------------------------------------------------------------------------------------------- annotations


def test_annotations_reuse_timeline_events_and_resolve_their_dates():
    timeline = {r["event_id"]: r for r in read_csv("timeline")}
    for a in ANNOTATIONS.values():
        if a["timeline_event_id"]:
            assert a["source_id"] == timeline[a["timeline_event_id"]]["source_id"], a["annotation_id"]
    linked = {a["timeline_event_id"] for a in ANNOTATIONS.values() if a["timeline_event_id"]}
    assert linked == {"laspd-cut-vote", "officers-off-campus-bsap"}
    con = duckdb.connect(":memory:")
    try:
        load(con, DATA)
        dates = dict(
            con.execute("SELECT annotation_id, CAST(event_date AS VARCHAR) FROM incident_annotation_dates").fetchall()
        )
    finally:
        con.close()
    assert dates["laspd-cut-vote"] == "2020-06-30"
    assert dates["carver-ms-shooting"] == "2021-09-29"
    assert dates["officers-restored-several-campuses"] is None  # dated only by school year
    assert ANNOTATIONS["officers-restored-several-campuses"]["school_year"] == "2023-24"


# ------------------------------------------------------------------------------------------- build and schema


def test_build_check_passes_from_the_command_line():
    done = subprocess.run(
        [sys.executable, "-m", "data.build", "--check"], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    for stem in FILES:
        rows = len(read_csv(stem))
        assert re.search(rf"^\s+{stem}\s+{rows}$", done.stdout, re.M), f"{stem}: {rows} rows not reported"


def _row_of(stem: str, key: str, value: str) -> int:
    return next(n for n, r in enumerate(read_csv(stem), start=1) if r[key] == value)


BAD = [
    ("incidents", ("obs_id", "fights-2017-18-latimes"), "locator", "see facts_budget.md §5", "locator"),
    ("incidents", ("obs_id", "fights-2017-18-latimes"), "qualifier", "about", "breaks a rule"),
    ("incidents", ("obs_id", "fights-2017-18-latimes"), "value", "", "breaks a rule"),
    ("incidents", ("obs_id", "fights-2017-18-latimes"), "series_id", "fights", "does not exist"),
    ("incidents", ("obs_id", "laspd-arrests-2014-2017-ampersand"), "school_year", "2014-15", "breaks a rule"),
    ("incidents", ("obs_id", "guns-found-2024-25-latimes"), "period_start", "Aug 12", "period_start"),
    ("incident_series", ("series_id", "weapons_incidents"), "unit", "guns", "unit"),
    (
        "disparities",
        ("obs_id", "disp-2014-15-black-arrests-laschoolreport"),
        "enrollment_qualifier",
        "about",
        "breaks a rule",
    ),
    ("climate_survey", ("obs_id", "climate-black-officers-2020-21-asumag"), "value", "135", "value"),
    ("incident_annotations", ("annotation_id", "police-20-campuses-plan"), "event_date", "2024-05-17", "breaks a rule"),
]


@pytest.mark.parametrize("stem,where,column,value,words", BAD, ids=[f"{b[0]}-{b[2]}" for b in BAD])
def test_schema_refuses_a_bad_incident_row(data_copy, tmp_path, stem, where, column, value, words):
    row = _row_of(stem, *where)
    edit_csv(data_copy / f"{stem}.csv", row, column, value)
    with pytest.raises(BuildError) as caught:
        build(data_copy, tmp_path / "out.duckdb")
    message = str(caught.value)
    assert f"data/{stem}.csv, row {row}" in message
    assert words in message
